"""Programs and campaigns, split by concept and re-exported here."""

from .campaigns import (
    CampaignEdition,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPost,
    CampaignRelatedResource,
    CampaignStatus,
    CampaignToolkitItem,
)
from .programs import ProgramIndexPage, ProgramPage, ProgramRelatedResource

__all__ = [
    "CampaignEdition",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignRelatedPost",
    "CampaignRelatedResource",
    "CampaignStatus",
    "CampaignToolkitItem",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramRelatedResource",
]
