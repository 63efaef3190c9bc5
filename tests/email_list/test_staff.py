"""Staff tools: counts over time per list, search, the logged CSV export of confirmed subscribers only, bounce and
complaint marks (which stop every email), and the permissions that guard the subscribers' data."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from email_list import consent, sending
from email_list.admin_views import counts_over_time
from email_list.models import ConsentAction, ConsentRecord, DigestSend, MailingList, Subscriber, SubscriberExport
from email_list.tasks import send_digest
from tests.email_list.helpers import make_digest, make_subscribers


def test_overview_counts_over_time_add_up_to_todays_subscribers(admin_client, db):
    lists = list(MailingList.objects.all())
    series, active = counts_over_time(lists)
    alerts = MailingList.objects.get(name="Action alerts")
    assert series[alerts.pk][-1]["subscribed"] == active[alerts.pk] > 0
    assert sum(month["left"] for month in series[alerts.pk]) == 1  # the demo's one-click leaver
    for mailing_list in lists:
        months = series[mailing_list.pk]
        for before, after in zip(months, months[1:]):
            assert after["subscribed"] == before["subscribed"] + after["joined"] - after["left"]
    html = admin_client.get("/admin/email-list/").content.decode()
    assert "Action alerts" in html and "Noticias de la Red (en español)" in html


def test_subscriber_search_and_history(admin_client, db):
    html = admin_client.get("/admin/email-list/subscribers/?q=amina").content.decode()
    assert "amina.haddad@example.org" in html and "jorge.ramirez@example.org" not in html
    amina = Subscriber.objects.get(email="amina.haddad@example.org")
    html = admin_client.get(f"/admin/email-list/subscribers/{amina.pk}/").content.decode()
    assert "By signing up you agree" in html  # the exact wording she was shown


def test_export_is_logged_and_holds_only_confirmed_deliverable_subscribers(admin_client, client, lists):
    news, *_ = lists
    confirmed = make_subscribers(news, 3, prefix="export")
    consent.mark_bounced(Subscriber.objects.get(email=confirmed[2]).pk, "test")
    Subscriber.objects.create(email="waiting@example.org", email_key="waiting@example.org")  # never confirmed
    before = SubscriberExport.objects.count()
    response = admin_client.get(f"/admin/email-list/lists/{news.pk}/export/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[0] for row in rows[1:]] == confirmed[:2]
    assert SubscriberExport.objects.count() == before + 1 and "no-store" in response["Cache-Control"]


def test_staff_marks_stop_every_email_and_are_recorded(admin_client, lists, settings):
    news, *_ = lists
    addresses = make_subscribers(news, 3, prefix="marked")
    complained = Subscriber.objects.get(email=addresses[0])
    response = admin_client.post(f"/admin/email-list/subscribers/{complained.pk}/", {"action": "complained",
                                                                                    "note": "spam button"})
    assert response.status_code == 302
    complained.refresh_from_db()
    assert complained.complained_at is not None
    record = ConsentRecord.objects.get(subscriber=complained, action=ConsentAction.COMPLAINED)
    assert record.staff_username == "test-super"
    digest = make_digest(news)
    sending.start(digest, "editor", send_digest)
    assert set(DigestSend.objects.filter(digest=digest).values_list("subscriber__email", flat=True)) == set(addresses[1:])


@pytest.mark.parametrize("path", ["/admin/email-list/subscribers/", "/admin/email-list/lists/{list}/export/"])
def test_editors_without_the_data_group_cannot_see_subscribers(path, lists, otp_login, django_user_model):
    editor = django_user_model.objects.create_user(username="list-editor", password="a-long-test-password-2")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editor.groups.add(editors)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = otp_login(Client(), editor)
    response = client.get(path.format(list=lists[0].pk))
    # Wagtail turns the view's PermissionDenied into a redirect to the dashboard with a message.
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    assert not SubscriberExport.objects.exists()
