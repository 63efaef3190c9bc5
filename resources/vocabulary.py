"""What a resource is filed under: its kind, its languages and its topic tags.

A module of its own (re-exported from ``resources.models``) so the library's filters
(``filtering``) use it without importing the page models that run them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class ResourceKind(models.TextChoices):
    """What kind of thing a resource is."""

    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    NEWSLETTER = "newsletter", _("Newsletter issue")
    FLYER = "flyer", _("Flyer or pamphlet")
    VIDEO = "video", _("Video")
    LETTER = "letter", _("Letter template")
    CURRICULUM = "curriculum", _("Curriculum")


class ResourceLanguage(models.TextChoices):
    """The language a resource is written or spoken in."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Other languages")


def default_languages():
    return [ResourceLanguage.ENGLISH.value]


class ResourcePageTag(TaggedItemBase):
    """A topic tag on a resource."""

    content_object = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items")
