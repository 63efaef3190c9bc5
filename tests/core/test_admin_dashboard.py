"""What staff see in the admin: the morning panel, Campaigns and Petitions menus, readable export
logs, and the way back to the resource library after publishing."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from campaigns.letters.models import LetterExport, SignOnLetterPage
from campaigns.petitions.models import PetitionPage, SignatureExport
from email_list.models import SubscriberExport
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, otp_login):
    user = django_user_model.objects.create_superuser("morning", "morning@example.org", "a-long-test-password-1")
    otp_login(client, user)
    client.user = user
    return client


@pytest.fixture
def editor_client(client, django_user_model, otp_login):
    user = django_user_model.objects.create_user("editor-c", "editor-c@example.org", "a-long-test-password-1")
    user.groups.add(Group.objects.get(name="Editors"))
    otp_login(client, user)
    client.user = user
    return client


def panel(html):
    return html.split('nnirr-morning', 1)[1].split('</section>', 1)[0]


def test_dashboard_shows_the_week_and_what_waits_with_links(admin_client):
    html = panel(admin_client.get("/admin/").content.decode())
    convention = PetitionPage.objects.get(slug="ratify-the-convention-petition", locale__language_code="en")
    assert f'href="{reverse("petitions_admin:signatures", args=[convention.pk])}">New signatures: ' \
           f'{convention.title}</a>' in html
    letter = SignOnLetterPage.objects.filter(locale__language_code="en", slug="national-statement").first()
    assert f'href="{reverse("letters_admin:queue", args=[letter.pk])}">New sign-ons: {letter.title}' in html
    assert "Endorsements to verify: " in html  # the demo's call for ratification has pending sign-ons
    assert f'href="{reverse("events_admin:queue")}">Submitted events to review</a>' in html
    assert f'href="{reverse("service_corrections:index")}">Border service corrections to check</a>' in html
    assert f'href="{reverse("wagtailadmin_reports:workflow")}">Pages waiting for moderation</a>' in html
    from email_list.models import MailingList

    assert html.count("New email list subscribers: ") == MailingList.objects.count()
    assert "Emails that could not be delivered (last 7 days)" in html
    assert ">Petition emails</a>" in html and ">Sign-on letter emails</a>" in html


def test_dashboard_counts_are_right(admin_client):
    from campaigns.letters.models import Endorsement, EndorsementStatus
    from events.models import EventSubmission, SubmissionStatus

    html = panel(admin_client.get("/admin/").content.decode())
    pending_events = EventSubmission.objects.filter(status=SubmissionStatus.PENDING).count()
    row = html.split(">Submitted events to review</a>", 1)[1].split("</tr>", 1)[0]
    assert f"<strong>{pending_events}</strong>" in row
    waiting = Endorsement.objects.filter(status__in=[EndorsementStatus.PENDING, EndorsementStatus.DUPLICATE]).count()
    rows = html.split("Endorsements to verify: ")[1:]
    assert sum(int(r.split("<strong>", 1)[1].split("</strong>", 1)[0]) for r in rows) == waiting


def test_editor_sees_only_rows_they_may_open(editor_client):
    html = panel(editor_client.get("/admin/").content.decode())
    assert "Pages waiting for moderation" in html
    assert "New signatures" not in html  # signatures are the Petition data group's
    assert "Endorsements to verify" not in html
    assert "New email list subscribers" not in html


@pytest.mark.parametrize("label, url_name", [("Campaigns", "campaign_pages:index"), ("Petitions", "petition_pages:index")])
def test_campaigns_and_petitions_have_their_own_menu_entries(admin_client, editor_client, label, url_name):
    for client in (admin_client, editor_client):
        html = client.get("/admin/").content.decode()
        assert reverse(url_name) in html
    listing = editor_client.get(reverse(url_name))
    assert listing.status_code == 200
    if label == "Petitions":
        assert "Ratify the Migrant Workers Convention" in listing.content.decode()
        assert re.search(r"<td[^>]*>\s*10,000\s*</td>", listing.content.decode())  # the goal, grouped
    else:
        assert "International Migrants Day" in listing.content.decode()


def test_export_logs_show_readable_filters(admin_client):
    petition = PetitionPage.objects.get(slug="ratify-the-convention-petition", locale__language_code="en")
    SignatureExport.record(admin_client.user, 12, petition=petition, petition_key=petition.translation_key,
                           petition_title=petition.title, with_emails="opted_in",
                           filters={"date_from": "2026-11-01", "date_to": None, "opted_in_only": True})
    html = admin_client.get(reverse("petition_export_log:index")).content.decode()
    assert "Signed from Nov. 1, 2026 on; only signers who want news; email addresses of signers who want news" in html
    assert "opted_in" not in html and "date_to" not in html

    letter = SignOnLetterPage.objects.filter(locale__language_code="en").first()
    LetterExport.record(admin_client.user, 30, letter=letter, letter_key=letter.translation_key,
                        letter_title=letter.title, format="pdf", language="es", with_contacts=False)
    html = admin_client.get(reverse("letter_export_log:index")).content.decode()
    assert "PDF in Spanish; verified signatories, without contact persons" in html

    SubscriberExport.record(admin_client.user, 5, list_name="Network News",
                            filters="confirmed, deliverable")
    html = admin_client.get(reverse("email_list_export_log:index")).content.decode()
    assert "Confirmed subscribers whose address still works" in html


def test_publishing_a_resource_opened_from_the_library_goes_back_to_it(admin_client):
    resource = ResourcePage.objects.filter(locale__language_code="en").first()
    library = reverse("resource_pages:index") + "?kind=report"
    edit = reverse("wagtailadmin_pages:edit", args=[resource.pk])
    response = admin_client.get(edit, HTTP_REFERER="http://testserver" + library)
    assert response.status_code == 302 and "next=" in response["Location"]
    form_page = admin_client.get(response["Location"])
    assert form_page.status_code == 200
    # Wagtail's editor keeps ``next`` in its form and goes there after publishing.
    assert f'<input type="hidden" name="next" value="{library.replace("&", "&amp;")}">' in form_page.content.decode()
    # Without coming from the library nothing changes: the page tree stays the way back.
    assert admin_client.get(edit).status_code == 200
    assert admin_client.get(edit, HTTP_REFERER="https://elsewhere.example/admin/resource_pages/").status_code == 200


def test_email_list_undelivered_rows_count_this_weeks_refusals(admin_client):
    import datetime

    from django.utils import timezone

    from email_list.models import Subscriber

    html = panel(admin_client.get("/admin/").content.decode())
    assert ">Email list sign-up emails</a>" in html
    link = reverse("email_list_admin:subscribers") + "?state=bounced"
    assert f'href="{link}">Email list subscribers a mail server refused</a>' in html
    before = int(html.split(">Email list subscribers a mail server refused</a>", 1)[1]
                 .split("<strong>", 1)[1].split("</strong>", 1)[0])
    now = timezone.now()
    Subscriber.objects.create(email="refused@example.org", email_key="refused@example.org", bounced_at=now)
    Subscriber.objects.create(email="old@example.org", email_key="old@example.org",
                              bounced_at=now - datetime.timedelta(days=30))
    html = panel(admin_client.get("/admin/").content.decode())
    after = int(html.split(">Email list subscribers a mail server refused</a>", 1)[1]
                .split("<strong>", 1)[1].split("</strong>", 1)[0])
    assert after == before + 1


def test_every_admin_menu_entry_has_an_icon_wagtail_draws(admin_client):
    """A name Wagtail has no icon for draws nothing, and the entry looks like a sub-item of the one above."""
    import json
    import re
    from pathlib import Path

    import wagtail

    icons = {path.stem for path in (Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/icons").glob("*.svg")}
    html = admin_client.get("/admin/").content.decode()
    props = json.loads(re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html,
                                 re.S).group(1))
    used = set(re.findall(r'"icon_name": "([^"]*)"', json.dumps(props)))
    assert "tasks" in used and "form" in used  # Campaigns and Petitions
    assert used - icons == set()
