"""Blocks only campaigns use: the stream of actions a campaign asks visitors to take."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaigns.petitions.blocks import PetitionFormBlock
from nnirr_site.core.blocks import CallToActionBlock


class CampaignActionsBlock(blocks.StreamBlock):
    """What a visitor can do for the campaign, shown prominently near the top of the page.

    A StreamBlock rather than fixed fields so new kinds of action (a petition
    form, an event sign-up) can be added as blocks without a data migration.
    """

    call_to_action = CallToActionBlock()
    petition = PetitionFormBlock()

    class Meta:
        label = _("Actions")
