"""A StreamField block editors place on any page: the list's short sign-up form with a heading and a line of text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class EmailSignupBlock(blocks.StructBlock):
    """The email list's sign-up form (it posts to the list's own page; see ``email_list/forms.py``)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False, default="")
    text = blocks.CharBlock(label=_("Short text"), max_length=250, required=False)

    def get_context(self, value, parent_context=None):
        """Gives each form on the page its own element ids (``block-list-1``, ``-2``…, counted on the request)."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        number = getattr(request, "email_signup_blocks", 0) + 1
        if request is not None:
            request.email_signup_blocks = number
        context["block_id"] = str(number)
        return context

    class Meta:
        template = "email_list/blocks/signup_block.html"
        icon = "mail"
        label = _("Email list sign-up")
        preview_value = {"heading": "Get our news", "text": "A monthly digest and action alerts, in English or Spanish."}
