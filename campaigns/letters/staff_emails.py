"""The "your organization is listed" email staff's verification queues: its wording and language.

Staff's side of the letter emails (the public flow's confirmation and "already signed" are in
``emails``): rendered in the language the contact signed in, with the letter's address on the
site (``site_url.absolute``). The one letter email task (``tasks.send_letter_email``) sends it.
"""


from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from campaigns.letters.models import SignOnLetterPage
from nnirr_site.core.site_url import absolute
from supporter_actions.senders import from_address

TEMPLATE = "letters/emails/listed"



def letter_for(endorsement):
    """The letter in the contact's language when that translation is live, else the page they signed."""
    letter = SignOnLetterPage.objects.select_related("locale").get(pk=endorsement.letter_id)
    if letter.locale.language_code != endorsement.language:
        locale = Locale.objects.filter(language_code=endorsement.language).first()
        translated = letter.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            return translated
    return letter


def build_listed_message(endorsement):
    """The "listed" email to the endorsement's contact, rendered in the endorsement's language."""
    with translation.override(endorsement.language):
        letter = letter_for(endorsement)
        context = {
            "language": endorsement.language,
            "letter": letter,
            "letter_url": absolute(letter) or "",
            "name": endorsement.contact_name,
            "organization_name": endorsement.organization_name,
            "site_name": translation.gettext("National Network for Immigrant and Refugee Rights"),
        }
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        text = render_to_string(f"{TEMPLATE}.txt", context)
        html = render_to_string(f"{TEMPLATE}.html", context)
    message = EmailMultiAlternatives(subject, text, from_address(endorsement.language), [endorsement.contact_email])
    message.attach_alternative(html, "text/html")
    return message
