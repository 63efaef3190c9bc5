"""Demo resources, written from the content brief."""

from nnirr_site.core.demo_builders import document_link, ensure_page, get_or_create_document, paragraph
from resources.models import ResourceIndexPage, ResourcePage


def build(home):
    library = ensure_page(
        home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        intro="Reports, toolkits, newsletters and videos to download and share.",
        summary="The network's library of publications and tools.",
    )
    report = get_or_create_document(
        "Guilty by Immigration Status (2008)",
        [
            "A report of the HURRICANE program.",
            "In 2008 community members documented more than 100 stories of abuse and tracked 118 immigration "
            "raids across the country.",
        ],
        palette="sky",
    )
    ensure_page(
        library,
        ResourcePage,
        "guilty-by-immigration-status",
        title="Guilty by Immigration Status",
        summary="The 2008 HURRICANE report on immigration raids and their human cost.",
        body=[paragraph("The report documents stories and raids recorded in 2008."), document_link(report)],
    )
