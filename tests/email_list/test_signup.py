"""The list's public flow on real PostgreSQL: sign up, confirm by POST, repeat, preferences, unsubscribe, history."""

import pytest
from django.core import mail
from django.db import DatabaseError, transaction

from email_list.models import ConsentAction, ConsentRecord, SignupRequest, Subscriber, Subscription
from email_list.signup import consent_wording
from tests.email_list.helpers import (
    CONFIRM_LINK,
    PREFERENCES_LINK,
    links_in,
    path_of,
    run_queued_tasks,
    sign_up,
)

pytestmark = pytest.mark.django_db


def confirm_by_email(client, address="ana@example.org"):
    run_queued_tasks()
    [link] = links_in(CONFIRM_LINK, address)[-1:]
    assert client.get(path_of(link)).status_code == 200  # a GET (a mail scanner) confirms nothing
    assert not Subscription.objects.filter(subscriber__email=address).exists()
    response = client.post(path_of(link))
    assert response.status_code == 200
    return link, response


def test_sign_up_then_confirm_subscribes_with_a_full_consent_record(client, lists):
    news, alerts, _spanish = lists
    response = sign_up(client, [news, alerts])
    assert response.status_code == 303 and response["Location"] == "/email-list/thanks/"
    assert not Subscription.objects.exists()
    run_queued_tasks()
    assert len(mail.outbox) == 1 and CONFIRM_LINK.search(mail.outbox[0].body)  # the only email before confirming
    _link, response = confirm_by_email(client)
    assert b"You are subscribed" in response.content
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.first_name, subscriber.language) == ("ana@example.org", "Ana", "en")
    assert set(subscriber.subscriptions.values_list("mailing_list__name", flat=True)) == {news.name, alerts.name}
    records = list(ConsentRecord.objects.filter(action=ConsentAction.SUBSCRIBED).order_by("mailing_list_id"))
    assert len(records) == 2
    for record in records:
        assert record.source_url == "/about/" and record.source_form == "footer"
        assert record.wording == consent_wording() and record.wording_version == "2026-11"
        assert record.method.startswith("confirmation link") and record.language == "en"


def test_the_link_confirms_once_and_answers_the_same_again(client, lists):
    news, *_ = lists
    sign_up(client, [news])
    link, _response = confirm_by_email(client)
    again = client.post(path_of(link))
    assert again.status_code == 200 and b"You are subscribed" in again.content
    assert ConsentRecord.objects.filter(action=ConsentAction.SUBSCRIBED).count() == 1


def test_repeat_sign_up_looks_the_same_and_sends_an_already_subscribed_note(client, lists):
    news, *_ = lists
    first = sign_up(client, [news])
    confirm_by_email(client)
    mail.outbox = []
    second = sign_up(client, [news], email="ANA@example.org")
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    thanks_new = client.get(first["Location"]).content
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert "already" in mail.outbox[0].subject and not CONFIRM_LINK.search(mail.outbox[0].body)
    assert PREFERENCES_LINK.search(mail.outbox[0].body)
    assert client.get(second["Location"]).content == thanks_new
    assert Subscriber.objects.count() == 1


def test_bot_and_bad_input_never_500_and_bots_store_nothing(client, lists):
    news, *_ = lists
    assert sign_up(client, [news], website="http://spam.example").status_code == 303
    assert sign_up(client, [news], started="forged").status_code == 303
    assert not SignupRequest.objects.exists()
    response = sign_up(client, [], email="not-an-address")
    assert response.status_code == 200
    assert b"Enter a valid email address" in response.content and b"Please choose at least one list" in response.content
    assert b'href="#id_email"' in response.content  # the error summary links to the field


def test_errors_in_spanish(client, lists):
    response = sign_up(client, [], prefix="/es", email="nada")
    assert response.status_code == 200
    assert "Elige al menos una lista".encode() in response.content


def test_one_click_unsubscribe_is_idempotent_and_recorded(client, lists):
    news, alerts, _ = lists
    sign_up(client, [news, alerts])
    confirm_by_email(client)
    subscriber = Subscriber.objects.get()
    from email_list.links import unsubscribe_url

    path = path_of(unsubscribe_url(subscriber, news))
    client.cookies.clear()
    for _attempt in range(2):
        response = client.post(path, {"List-Unsubscribe": "One-Click"})  # no CSRF token, as a mail client sends it
        assert response.status_code == 200
    assert Subscription.objects.get(mailing_list=news).status == "unsubscribed"
    assert Subscription.objects.get(mailing_list=alerts).status == "active"
    [record] = ConsentRecord.objects.filter(action=ConsentAction.UNSUBSCRIBED)
    assert record.method.startswith("one-click") and record.mailing_list == news


def test_unsubscribe_page_shows_a_button_and_its_post_unsubscribes(client, lists):
    news, *_ = lists
    sign_up(client, [news])
    confirm_by_email(client)
    from email_list.links import unsubscribe_url

    path = path_of(unsubscribe_url(Subscriber.objects.get(), news))
    page = client.get(path)
    assert page.status_code == 200 and b'<form method="post">' in page.content
    assert Subscription.objects.get().status == "active"
    assert b"You are unsubscribed" in client.post(path).content
    assert ConsentRecord.objects.get(action=ConsentAction.UNSUBSCRIBED).method.startswith("unsubscribe page")
    assert client.post(path.replace("-", "-x", 1)).status_code == 404


def test_preference_changes_are_recorded_in_the_history(client, lists):
    news, alerts, spanish = lists
    sign_up(client, [news])
    confirm_by_email(client)
    run_queued_tasks()
    subscriber = Subscriber.objects.get()
    from email_list.links import preferences_url

    path = path_of(preferences_url(subscriber))
    response = client.post(path, {"lists": [str(alerts.pk), str(spanish.pk)], "language": "es"})
    assert response.status_code == 200 and b"Your changes are saved" in response.content
    actions = list(ConsentRecord.objects.order_by("pk").values_list("action", "mailing_list__name"))
    assert sorted(actions[1:]) == sorted([
        (ConsentAction.SUBSCRIBED, alerts.name), (ConsentAction.SUBSCRIBED, spanish.name),
        (ConsentAction.UNSUBSCRIBED, news.name), (ConsentAction.LANGUAGE, None),
    ])
    # The same form again changes nothing and records nothing.
    client.post(path, {"lists": [str(alerts.pk), str(spanish.pk)], "language": "es"})
    assert ConsentRecord.objects.count() == 5
    client.post(path, {"leave": "1"})
    assert not Subscription.objects.filter(status="active").exists()
    assert ConsentRecord.objects.filter(action=ConsentAction.UNSUBSCRIBED).count() == 3


def test_consent_records_cannot_be_changed_or_deleted(client, lists):
    news, *_ = lists
    sign_up(client, [news])
    confirm_by_email(client)
    record = ConsentRecord.objects.get()
    record.wording = "something else"
    with pytest.raises(ValueError):
        record.save()
    with pytest.raises(ValueError):
        record.delete()
    for statement in (lambda: ConsentRecord.objects.update(wording="x"), lambda: ConsentRecord.objects.all().delete()):
        with pytest.raises(DatabaseError), transaction.atomic():
            statement()
    assert ConsentRecord.objects.get().wording == consent_wording()


def test_footer_form_on_a_page_leads_to_the_full_form_filled_in(client, lists):
    page = client.get("/")
    assert page.status_code == 200
    assert b'action="/email-list/join/"' in page.content and b"csrfmiddlewaretoken" not in page.content.split(
        b'action="/email-list/join/"')[1].split(b"</form>")[0]
    response = client.post("/email-list/join/", {"email": "lu@example.org", "lists": [str(lists[1].pk)],
                                                 "language": "es", "source_form": "footer"},
                           HTTP_REFERER="http://testserver/about/")
    assert response.status_code == 200
    assert b'value="lu@example.org"' in response.content and b'value="/about/"' in response.content
    assert b"csrfmiddlewaretoken" in response.content and not SignupRequest.objects.exists()


def test_flagged_over_the_rate_limit_gets_no_email(client, lists, settings):
    settings.SUPPORTER_RATE_LIMIT = 2
    news, *_ = lists
    for number in range(4):
        assert sign_up(client, [news], email=f"p{number}@example.org").status_code == 303
    run_queued_tasks()
    assert len(mail.outbox) == 2
    assert SignupRequest.objects.filter(flagged=True).count() == 2


def test_form_errors_are_summarized_and_tied_to_their_fields(client, lists):
    response = sign_up(client, [], email="not-an-address")
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in html
    assert 'href="#id_email"' in html and 'href="#id_lists"' in html
    assert 'aria-describedby="signup-email-error"' in html and 'aria-invalid="true"' in html
    assert 'id="signup-email-error"' in html and 'id="id_lists"' in html and 'id="signup-lists-error"' in html
    assert 'name="website"' in html and 'name="started"' in html  # the core's guards
