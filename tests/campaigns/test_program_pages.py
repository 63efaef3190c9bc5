"""Program index and program pages render what they must."""

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import CampaignStatus, ProgramPage, ProgramRelatedResource
from nnirr_site.core.demo_builders import get_or_create_image, paragraph
from resources.models import ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db

DEMO_PROGRAMS = [
    "HURRICANE", "BRIDGE", "IRRTI", "Uprooted", "Global Justice", "Rights at Borders", "Border Dialogue",
    "Border Survey",
]


def test_program_index_lists_all_eight_programs_in_tree_order(client, program_index):
    response = client.get(program_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'<p class="card__label">{name}</p>') for name in DEMO_PROGRAMS]
    assert positions == sorted(positions)
    assert 'aria-label="Breadcrumb"' in html


@pytest.mark.parametrize("page_param", ["abc", "-1", "999"])
def test_program_index_survives_bad_page_numbers(client, program_index, page_param):
    response = client.get(program_index.url, {"page": page_param})
    assert response.status_code == 200
    assert "HURRICANE" in response.content.decode()


def test_program_page_shows_acronym_body_hero_and_contact(client, make_program):
    program = make_program(
        title="Popular education for all",
        short_name="PEFA",
        summary="Workshops in every town.",
        hero_image=get_or_create_image("Test program hero", "leaf"),
        body=[paragraph("Our facilitators travel to small towns.")],
        contact_name="Rosa Example",
        contact_role="Coordinator",
        contact_email="rosa@example.org",
    )
    html = client.get(program.url).content.decode()
    assert '<p class="eyebrow">PEFA</p>' in html
    assert "<h1>Popular education for all</h1>" in html
    assert "Workshops in every town." in html
    assert "Our facilitators travel to small towns." in html
    assert 'class="page-hero-image"' in html and ".webp" in html
    assert "Rosa Example" in html and "Coordinator" in html
    assert 'href="mailto:rosa@example.org"' in html


def test_program_without_contact_has_no_contact_box(client, make_program):
    html = client.get(make_program(title="Quiet program").url).content.decode()
    assert 'id="program-contact"' not in html


def test_program_lists_its_live_campaigns_active_first(client, make_program, make_campaign):
    program = make_program(title="Program with campaigns")
    make_campaign(title="Old fight", status=CampaignStatus.PAST, program=program)
    make_campaign(title="Current fight", status=CampaignStatus.ACTIVE, program=program)
    make_campaign(title="Someone else's fight", status=CampaignStatus.ACTIVE)
    draft = make_campaign(title="Draft fight", program=program)
    draft.unpublish()
    html = client.get(program.url).content.decode()
    assert "Campaigns of this program" in html
    assert html.index("Current fight") < html.index("Old fight")
    assert "Someone else's fight" not in html
    assert "Draft fight" not in html


def test_demo_global_justice_program_lists_its_demo_campaigns(client):
    program = ProgramPage.objects.get(slug="international-migrant-rights", locale__language_code="en")
    html = client.get(program.url).content.decode()
    for title in ("Ratify the Migrant Workers Convention", "International Migrants Day",
                  "UN High-Level Dialogue on Migration and Development, 2013"):
        assert title in html
    assert "Admit at least 62,500 refugees" not in html


def test_program_shows_chosen_resources_in_order(client, home, make_program):
    library = ResourceIndexPage.objects.child_of(home).get()
    first = library.add_child(instance=ResourcePage(title="Workbook for facilitators", slug="test-workbook"))
    second = library.add_child(instance=ResourcePage(title="Report on raids", slug="test-raids-report"))
    program = make_program(title="Program with reading")
    ProgramRelatedResource.objects.create(program=program, page=second, sort_order=0)
    ProgramRelatedResource.objects.create(program=program, page=first, sort_order=1)
    html = client.get(program.url).content.decode()
    assert "Related resources" in html
    assert html.index("Report on raids") < html.index("Workbook for facilitators")


def test_a_related_resource_must_be_a_resource_page(make_program):
    program = make_program(title="Program with a wrong link")
    link = ProgramRelatedResource(program=program, page=program)
    with pytest.raises(ValidationError):
        link.clean()
