"""Demo programs and campaigns, written from the content brief."""

from campaigns.models import CampaignIndexPage, CampaignPage, ProgramIndexPage, ProgramPage
from nnirr_site.core.demo_builders import ensure_page, get_or_create_image, paragraph


def build(home):
    programs = ensure_page(
        home,
        ProgramIndexPage,
        "programs",
        title="Programs",
        intro="Long-term work that builds the power of immigrant and refugee communities.",
        summary="The network's programs: documentation, education, training and international advocacy.",
    )
    ensure_page(
        programs,
        ProgramPage,
        "hurricane",
        title="Human Rights Immigrant Community Action Network",
        short_name="HURRICANE",
        summary="Community members tell their stories and document abuses by immigration enforcement.",
        listing_image=get_or_create_image("HURRICANE storytelling illustration", "sky"),
        body=[
            paragraph(
                "HURRICANE gathers the stories of immigrant community members and documents human-rights abuses. "
                "More than 850 stories have been collected so far."
            )
        ],
    )
    campaigns = ensure_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Campaigns",
        intro="Actions you can join today, and the campaigns that came before them.",
        summary="Current and past campaigns of the network.",
    )
    ensure_page(
        campaigns,
        CampaignPage,
        "international-migrants-day",
        title="International Migrants Day — 18 December",
        summary="Every year since 2000 we coordinate actions for the rights of migrants on 18 December.",
        listing_image=get_or_create_image("Migrants Day rally illustration", "sun"),
        body=[paragraph("Local groups hold rallies, forums, receptions and community dinners.")],
    )
