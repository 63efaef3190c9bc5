"""Staff tools for petitions in the Wagtail admin: who sees what, the CSV export and its log, flag review,
deletion and bulk invalidation (real PostgreSQL, no mocks)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.petitions.exports import neutralise
from campaigns.petitions.models import Signature, SignatureExport, TallyShard
from campaigns.petitions.signing import counted_signatures
from tests.campaigns.petition_helpers import make_petition
from tests.campaigns.petition_staff_helpers import ROLES, add_signature, login_as  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zyxwquorra"


@pytest.fixture
def petition():
    return make_petition(slug="staff-petition", title="Staff test petition", time_zone="America/New_York")


@pytest.fixture
def signature(petition):
    return add_signature(petition, first_name=SECRET_NAME, email="zyx@example.org")


def url(name, *args):
    return reverse(f"petitions_admin:{name}", args=args)


def is_login_redirect(response):
    return response.status_code == 302 and "/admin/login/" in response["Location"]


def is_denied(response):
    """Wagtail's admin turns a PermissionDenied into a redirect to the dashboard with an error message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def parse_csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# --- Who sees what ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_overview_shows_counts_to_every_editor_but_names_to_nobody(login_as, role, petition, signature):
    client, _user = login_as(role)
    add_signature(petition, state="pending")
    add_signature(petition, state="flagged")
    response = client.get(url("index"))
    if role == "anonymous":
        assert is_login_redirect(response)
        return
    assert response.status_code == 200
    content = response.content.decode()
    assert "Staff test petition" in content
    assert SECRET_NAME not in content and "zyx@example.org" not in content
    rows = [row for row in response.context["petitions"] if row["page"].pk == petition.pk]
    assert rows[0]["totals"] == {"counted": 1, "pending": 1, "flagged": 1, "total": 3}
    link = url("signatures", petition.pk)
    assert (link in content) == (role in ("data_member", "superuser"))
    if role == "editor":
        assert "Petition data" in content  # says why only totals are shown


@pytest.mark.parametrize("role", ROLES)
def test_listing_and_detail_only_with_the_data_permission(login_as, role, petition, signature):
    client, _user = login_as(role)
    for address in (url("signatures", petition.pk), url("signature", petition.pk, signature.pk)):
        response = client.get(address)
        if role == "anonymous":
            assert is_login_redirect(response)
        elif role == "editor":
            assert is_denied(response)
            assert SECRET_NAME.encode() not in response.content
        else:
            assert response.status_code == 200
            assert SECRET_NAME.encode() in response.content
            assert b"zyx@example.org" in response.content


@pytest.mark.parametrize("role", ROLES)
def test_export_only_with_the_data_permission_and_always_logged(login_as, role, petition, signature):
    client, user = login_as(role)
    form = client.get(url("export", petition.pk))
    response = client.post(url("export", petition.pk), {"emails": "all"})
    if role == "anonymous":
        assert is_login_redirect(form) and is_login_redirect(response)
    elif role == "editor":
        assert is_denied(form) and is_denied(response)
    else:
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        assert any(SECRET_NAME in cell for row in parse_csv(response) for cell in row)
    logged = SignatureExport.objects.filter(petition_key=petition.translation_key)
    if role in ("anonymous", "editor"):
        assert not logged.exists()
    else:
        entry = logged.get()
        assert (entry.user, entry.username, entry.row_count, entry.with_emails) == (user, user.username, 1, "all")
        assert entry.petition_title == "Staff test petition"


@pytest.mark.parametrize("role", ROLES)
def test_export_log_readable_by_admins_only_and_never_editable(login_as, role, petition, django_user_model):
    exporter = django_user_model.objects.create_user(username="exporter-x", password="a-long-test-password-1")
    entry = SignatureExport.objects.create(
        user=exporter,
        username="exporter-x",
        petition=petition,
        petition_key=petition.translation_key,
        petition_title=petition.title,
        filters={"date_from": "2026-01-01"},
        row_count=7,
        with_emails="none",
    )
    client, _user = login_as(role)
    index = reverse("petition_export_log:index")
    response = client.get(index)
    if role == "anonymous":
        assert is_login_redirect(response)
    elif role == "superuser":
        assert response.status_code == 200
        assert b"exporter-x" in response.content
        assert client.get(reverse("petition_export_log:inspect", args=[entry.pk])).status_code == 200
    else:
        assert is_denied(response)
        assert b"exporter-x" not in response.content
    if role != "anonymous":
        # Nobody, not even a superuser, can add, edit or delete an entry.
        for name, args in (("add", []), ("edit", [entry.pk]), ("delete", [entry.pk])):
            response = client.post(reverse(f"petition_export_log:{name}", args=args), {"row_count": 0})
            assert is_denied(response)
        entry.refresh_from_db()
        assert entry.row_count == 7


def test_editor_menu_shows_signatures_but_not_the_log(login_as):
    client, _user = login_as("editor")
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("index") in content
    assert reverse("petition_export_log:index") not in content


# --- The export ---------------------------------------------------------------------------------


def test_export_columns_time_zone_emails_and_filters(login_as, petition):
    client, _user = login_as("data_member")
    # 03:30 UTC on 2 March is still 1 March in New York, the petition's time zone.
    late = datetime.datetime(2026, 3, 2, 3, 30, tzinfo=datetime.UTC)
    add_signature(petition, first_name="Tomás", last_name="Ramírez", email="tomas@example.org",
                  postal_code="10027", country="MX", opt_in_news=True, created_at=late)
    add_signature(petition, first_name="Ana", last_name="Quiet", email="quiet@example.org", opt_in_news=False,
                  created_at=late + datetime.timedelta(days=10))
    add_signature(petition, state="pending", first_name="Pending", email="pending@example.org")
    add_signature(petition, state="flagged", first_name="Flagged", email="flagged@example.org")

    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "opted_in"}))
    assert rows[0] == ["Name", "ZIP or postal code", "Country", "Date signed", "Email"]
    assert rows[1] == ["Tomás Ramírez", "10027", "Mexico", "2026-03-01", "tomas@example.org"]
    assert rows[2][0] == "Ana Quiet" and rows[2][4] == ""  # did not ask for news: no email
    assert len(rows) == 3  # only counted signatures

    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "none"}))
    assert rows[0] == ["Name", "ZIP or postal code", "Country", "Date signed"]
    assert all("@" not in cell for row in rows for cell in row)

    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "all"}))
    assert [row[4] for row in rows[1:]] == ["tomas@example.org", "quiet@example.org"]

    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "none", "date_from": "2026-03-05"}))
    assert [row[0] for row in rows[1:]] == ["Ana Quiet"]
    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "none", "opted_in_only": "on"}))
    assert [row[0] for row in rows[1:]] == ["Tomás Ramírez"]

    log = list(SignatureExport.objects.filter(petition_key=petition.translation_key).order_by("pk"))
    assert [entry.row_count for entry in log] == [2, 2, 2, 1, 1]
    assert log[3].filters == {"date_from": "2026-03-05", "date_to": None, "opted_in_only": False}
    assert log[4].filters["opted_in_only"] is True


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("María", "María"),
        ("O'Brien", "O'Brien"),
        ("", ""),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_export_neutralises_formula_cells(login_as, petition):
    client, _user = login_as("superuser")
    add_signature(petition, first_name="=cmd|' /C calc'!A0", last_name="Evil", postal_code="+123",
                  email="@attacker@example.org", opt_in_news=True)
    add_signature(petition, first_name="-Minus", last_name="", postal_code="@home", email="m@example.org")
    rows = parse_csv(client.post(url("export", petition.pk), {"emails": "all"}))
    assert rows[1][0] == "'=cmd|' /C calc'!A0 Evil"
    assert rows[1][1] == "'+123"
    assert rows[1][4] == "'@attacker@example.org"
    assert rows[2][0] == "'-Minus" and rows[2][1] == "'@home"
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_invalid_export_form_writes_no_log(login_as, petition, signature):
    client, _user = login_as("superuser")
    response = client.post(url("export", petition.pk), {"emails": "everyone", "date_from": "2026-05-02",
                                                         "date_to": "2026-05-01"})
    assert response.status_code == 200 and b"<form" in response.content
    assert not SignatureExport.objects.exists()


# --- Listing filters ----------------------------------------------------------------------------


def test_listing_filters_search_and_totals(login_as, petition):
    client, _user = login_as("data_member")
    old = timezone.now() - datetime.timedelta(days=40)
    add_signature(petition, first_name="Lucía", last_name="Fernández", email="lucia@example.org", opt_in_news=True)
    add_signature(petition, state="pending", first_name="Pedro", email="pedro@other.example", created_at=old)
    add_signature(petition, state="flagged", first_name="Bot", email="bot@spam.example")
    other = make_petition(slug="other-staff-petition", title="Another")
    add_signature(other, first_name="Elsewhere")

    def names(**params):
        response = client.get(url("signatures", petition.pk), params)
        assert response.status_code == 200
        return sorted(s.first_name for s in response.context["page_obj"].object_list)

    assert names() == ["Bot", "Lucía", "Pedro"]
    assert names(state="counted") == ["Lucía"]
    assert names(state="pending") == ["Pedro"]
    assert names(state="flagged") == ["Bot"]
    assert names(opted_in="on") == ["Lucía"]
    assert names(q="fernández") == ["Lucía"]
    assert names(q="lucía fern") == ["Lucía"]
    assert names(q="SPAM.example") == ["Bot"]
    assert names(date_to=(old + datetime.timedelta(days=1)).date().isoformat()) == ["Pedro"]
    assert names(date_from=(timezone.now() - datetime.timedelta(days=1)).date().isoformat()) == ["Bot", "Lucía"]
    assert names(page="999") == ["Bot", "Lucía", "Pedro"]  # a bad page number falls back, never an error
    response = client.get(url("signatures", petition.pk))
    assert response.context["totals"] == {"counted": 1, "pending": 1, "flagged": 1, "total": 3}


def test_listing_query_count_does_not_grow(login_as, petition, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client, _user = login_as("data_member")
    add_signature(petition)
    with CaptureQueriesContext(connection) as few:
        client.get(url("signatures", petition.pk))
    for _ in range(40):
        add_signature(petition)
    with CaptureQueriesContext(connection) as many:
        client.get(url("signatures", petition.pk))
    assert len(many) == len(few)


def test_a_signature_of_another_petition_is_not_found_under_this_one(login_as, petition):
    client, _user = login_as("superuser")
    other = make_petition(slug="other-staff-petition", title="Another")
    foreign = add_signature(other)
    assert client.get(url("signature", petition.pk, foreign.pk)).status_code == 404
    assert client.post(url("delete", petition.pk, foreign.pk)).status_code == 404
    assert Signature.objects.filter(pk=foreign.pk).exists()


# --- Deleting and reviewing ---------------------------------------------------------------------


def test_delete_one_lowers_the_count_only_for_a_counted_signature(login_as, petition, signature):
    client, _user = login_as("data_member")
    pending = add_signature(petition, state="pending")
    assert counted_signatures(petition.translation_key) == 1
    assert client.get(url("delete", petition.pk, signature.pk)).status_code == 200  # asks first
    assert Signature.objects.filter(pk=signature.pk).exists()

    response = client.post(url("delete", petition.pk, pending.pk))
    assert response.status_code == 302
    assert counted_signatures(petition.translation_key) == 1
    client.post(url("delete", petition.pk, signature.pk))
    assert not Signature.objects.filter(pk__in=[signature.pk, pending.pk]).exists()
    assert counted_signatures(petition.translation_key) == 0


def test_editor_cannot_delete_approve_or_reject(login_as, petition, signature):
    flagged = add_signature(petition, state="flagged")
    client, _user = login_as("editor")
    assert is_denied(client.post(url("delete", petition.pk, signature.pk)))
    assert is_denied(client.post(url("approve", petition.pk, flagged.pk)))
    assert is_denied(client.post(url("reject", petition.pk, flagged.pk)))
    assert Signature.objects.filter(pk__in=[signature.pk, flagged.pk]).count() == 2
    assert counted_signatures(petition.translation_key) == 1


def test_approving_a_flagged_signature_counts_it_once(login_as, petition):
    client, _user = login_as("data_member")
    flagged = add_signature(petition, state="flagged")
    page = client.get(url("signature", petition.pk, flagged.pk))
    assert b"Approve and count" in page.content
    assert client.get(url("approve", petition.pk, flagged.pk)).status_code == 405  # POST only
    client.post(url("approve", petition.pk, flagged.pk))
    client.post(url("approve", petition.pk, flagged.pk))  # a double click counts once
    flagged.refresh_from_db()
    assert flagged.flag == "" and flagged.counted_at is not None
    assert counted_signatures(petition.translation_key) == 1
    assert sum(TallyShard.objects.filter(petition_key=petition.translation_key).values_list("counted", flat=True)) == 1


def test_rejecting_a_flagged_signature_deletes_it_without_touching_the_count(login_as, petition, signature):
    client, _user = login_as("data_member")
    flagged = add_signature(petition, state="flagged")
    client.post(url("reject", petition.pk, flagged.pk))
    assert not Signature.objects.filter(pk=flagged.pk).exists()
    client.post(url("reject", petition.pk, signature.pk))  # a counted, unflagged one is not "rejected"
    assert Signature.objects.filter(pk=signature.pk).exists()
    assert counted_signatures(petition.translation_key) == 1


# --- Bulk invalidation --------------------------------------------------------------------------


def preview(client, petition, **criteria):
    response = client.get(url("invalidate", petition.pk), {"preview": "1", **criteria})
    assert response.status_code == 200
    return response


def confirm_data(response):
    form = response.context["confirm_form"]
    return {name: ("" if value is None else value) for name, value in form.initial.items()}


@pytest.mark.parametrize(
    "criteria, expected_names",
    [
        ({"email_domain": "spam.example"}, {"Spam1", "Spam2", "SpamFlagged"}),
        ({"email_domain": "@SPAM.example"}, {"Spam1", "Spam2", "SpamFlagged"}),
        ({"ip_hash": "cd" * 32}, {"Spam2", "Burst"}),
        ({"date_from": "2026-02-10", "date_to": "2026-02-10"}, {"Spam1", "Burst"}),
        ({"date_from": "2026-02-10", "email_domain": "spam.example"}, {"Spam1"}),
    ],
)
def test_bulk_invalidation_removes_exactly_what_the_preview_counted(login_as, petition, criteria, expected_names):
    client, _user = login_as("data_member")
    day = datetime.datetime(2026, 2, 10, 12, tzinfo=datetime.UTC)
    add_signature(petition, first_name="Spam1", email="a@spam.example", created_at=day)
    add_signature(petition, first_name="Spam2", email="b@spam.example", ip_hash="cd" * 32,
                  created_at=day - datetime.timedelta(days=3))
    add_signature(petition, state="flagged", first_name="SpamFlagged", email="c@spam.example",
                  created_at=day - datetime.timedelta(days=5))
    add_signature(petition, state="pending", first_name="Burst", email="d@ok.example", ip_hash="cd" * 32,
                  created_at=day)
    add_signature(petition, first_name="Genuine", email="e@notspam.example", created_at=day - datetime.timedelta(days=1))
    other = make_petition(slug="other-staff-petition", title="Another")
    add_signature(other, first_name="OtherPetition", email="x@spam.example", ip_hash="cd" * 32, created_at=day)
    before = counted_signatures(petition.translation_key)

    response = preview(client, petition, **criteria)
    count = response.context["count"]
    assert count == len(expected_names)
    assert Signature.objects.filter(petition_key=petition.translation_key).count() == 5  # preview deletes nothing
    counted_matches = Signature.objects.filter(
        petition_key=petition.translation_key, first_name__in=expected_names, counted_at__isnull=False
    ).count()
    assert response.context["counted"] == counted_matches

    response = client.post(url("invalidate", petition.pk), confirm_data(response))
    assert response.status_code == 302
    remaining = set(Signature.objects.filter(petition_key=petition.translation_key).values_list("first_name", flat=True))
    assert remaining == {"Spam1", "Spam2", "SpamFlagged", "Burst", "Genuine"} - expected_names
    assert 5 - len(remaining) == count
    assert counted_signatures(petition.translation_key) == before - counted_matches
    assert Signature.objects.filter(first_name="OtherPetition").exists()


def test_bulk_invalidation_does_not_sweep_up_later_signatures_and_rechecks_the_count(login_as, petition):
    client, _user = login_as("data_member")
    first = add_signature(petition, email="one@spam.example")
    response = preview(client, petition, email_domain="spam.example")
    data = confirm_data(response)
    assert data["expected"] == 1
    late = add_signature(petition, email="late@spam.example")  # arrives after the preview
    client.post(url("invalidate", petition.pk), data)
    assert not Signature.objects.filter(pk=first.pk).exists()
    assert Signature.objects.filter(pk=late.pk).exists()

    # If a matching signature disappears between preview and confirmation, nothing is deleted; the new count shows.
    second = add_signature(petition, email="second@spam.example")
    response = preview(client, petition, email_domain="spam.example")
    data = confirm_data(response)
    assert data["expected"] == 2
    late.delete()  # withdrawn meanwhile
    response = client.post(url("invalidate", petition.pk), data)
    assert response.status_code == 200 and response.context["changed"]
    assert response.context["count"] == 1
    assert Signature.objects.filter(pk=second.pk).exists()
    client.post(url("invalidate", petition.pk), confirm_data(response))
    assert not Signature.objects.filter(pk=second.pk).exists()


def test_bulk_invalidation_needs_a_criterion_and_the_permission(login_as, petition, signature):
    client, _user = login_as("data_member")
    response = client.get(url("invalidate", petition.pk), {"preview": "1"})
    assert response.status_code == 200 and "confirm_form" not in response.context
    assert b"at least one criterion" in response.content
    response = client.post(url("invalidate", petition.pk), {"expected": "1", "up_to": "999999999"})
    assert Signature.objects.filter(pk=signature.pk).exists()

    client, _user = login_as("editor")
    assert is_denied(client.get(url("invalidate", petition.pk), {"preview": "1", "email_domain": "example.org"}))
    data = {"email_domain": "example.org", "expected": "1", "up_to": str(signature.pk)}
    assert is_denied(client.post(url("invalidate", petition.pk), data))
    assert Signature.objects.filter(pk=signature.pk).exists()


# --- Group and demo -----------------------------------------------------------------------------


def test_petition_data_group_holds_the_permission_and_editors_do_not():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Petition data")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_signature_data", "access_admin"} <= codenames
    for name in ("Editors", "Moderators"):
        assert "view_signature_data" not in set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )


def test_demo_editor_only_in_development(settings, django_user_model):
    from django.contrib.auth.models import Group

    from campaigns.petitions.demo_content import DEMO_EDITOR_PASSWORD, DEMO_EDITOR_USERNAME, ensure_demo_editor

    settings.DEBUG = False
    assert ensure_demo_editor() is None
    assert not django_user_model.objects.filter(username=DEMO_EDITOR_USERNAME).exists()

    settings.DEBUG = True
    editor = ensure_demo_editor()
    assert len(DEMO_EDITOR_PASSWORD) >= 12 and editor.check_password(DEMO_EDITOR_PASSWORD)
    assert editor.groups.filter(name="Editors").exists()
    assert not editor.groups.filter(name="Petition data").exists()
    assert not editor.has_perm("petitions.view_signature_data") and not editor.is_superuser
    assert Group.objects.filter(name="Petition data").exists()
