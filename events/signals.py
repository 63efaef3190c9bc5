"""On every publication of an event page: raise its calendar revision, and tell a submitting organizer.

The revision (``EventPage.sequence``) is the SEQUENCE of the event in calendar feeds; calendars
replace an entry only when it grows, so every published change (a new time, a cancellation)
reaches subscribers. Raised with an UPDATE on the live row, so it never creates a revision.
"""

from django.db.models import F
from django.dispatch import receiver
from wagtail.signals import page_published

from events import moderation
from events.models import EventPage


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    EventPage.objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
    moderation.event_page_published(instance)
