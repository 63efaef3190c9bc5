"""A call-to-action block for campaign pages: a petition's signing form, posting to the petition's own URL."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PetitionFormBlock(blocks.StructBlock):
    """Shows a petition's ask, progress and signing form (or its closed notice) inside another page."""

    petition = blocks.PageChooserBlock(label=_("Petition"), page_type="petitions.PetitionPage")
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, help_text=_("Defaults to the petition's title.")
    )

    class Meta:
        template = "petitions/blocks/petition_form_block.html"
        icon = "form"
        label = _("Petition form")

    def get_context(self, value, parent_context=None):
        from campaigns.petitions.forms import SignatureForm

        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("petition")
        petition = chosen.specific.localized if chosen else None
        if petition is not None and not petition.live:
            petition = None
        context["petition"] = petition
        if petition is not None:
            context["stats"] = petition.get_stats()
            context["form"] = None if petition.is_closed else SignatureForm(petition=petition)
        return context

    def get_preview_value(self):
        from campaigns.petitions.models import PetitionPage

        first = PetitionPage.objects.live().values_list("pk", flat=True).first()
        return self.to_python({"petition": first, "heading": ""})
