"""A petition signer who ticks "send me news" joins the default list only through the list's own confirmation."""

from django.core import mail

from email_list.models import ConsentAction, ConsentRecord, SignupRequest, Subscription
from supporter_actions.abuse import form_stamp
from tests.campaigns.petition_helpers import make_petition, sign
from tests.email_list.helpers import CONFIRM_LINK, path_of, run_queued_tasks

PETITION_CONFIRM = r"/confirm/"


def petition_confirm_path(address):
    for message in mail.outbox:
        if message.to == [address]:
            for word in message.body.split():
                if PETITION_CONFIRM in word and "/email-list/" not in word:
                    return path_of(word)
    raise AssertionError("no petition confirmation link")


def list_confirm_paths(address):
    return [path_of(link) for message in mail.outbox if message.to == [address]
            for link in CONFIRM_LINK.findall(message.body)]


def test_send_me_news_asks_for_the_lists_own_confirmation_after_the_signature_is_confirmed(client, lists):
    news, *_ = lists
    petition = make_petition(slug="news-opt-in")
    address = "nora@example.org"
    sign(client, petition, email=address, first_name="Nora", opt_in_news="on", started=form_stamp())
    run_queued_tasks()
    assert not SignupRequest.objects.exists()  # nothing for the list before the signature is confirmed
    client.post(petition_confirm_path(address))
    assert not Subscription.objects.exists()  # confirming the signature does not subscribe
    [request] = SignupRequest.objects.all()
    assert request.list_ids == [news.pk] and request.source_form == "petition"
    assert request.source_url == petition.url and request.wording == "Send me news from the network by email."
    run_queued_tasks()
    [link] = list_confirm_paths(address)
    client.post(link)
    subscription = Subscription.objects.get()
    assert subscription.mailing_list == news and subscription.subscriber.first_name == "Nora"
    record = ConsentRecord.objects.get(action=ConsentAction.SUBSCRIBED)
    assert (record.source_form, record.source_url) == ("petition", petition.url)
    assert record.method.startswith("confirmation link")
    # Confirming the signature's link again changes nothing and asks nothing more.
    client.post(petition_confirm_path(address))
    assert SignupRequest.objects.count() == 1


def test_without_the_box_nothing_reaches_the_list(client, lists):
    petition = make_petition(slug="no-news")
    sign(client, petition, email="omar@example.org", started=form_stamp())
    run_queued_tasks()
    client.post(petition_confirm_path("omar@example.org"))
    run_queued_tasks()
    assert not SignupRequest.objects.exists() and list_confirm_paths("omar@example.org") == []


def test_petition_and_sign_on_thank_you_pages_offer_the_list(client, lists):
    from campaigns.letters.models import SignOnLetterPage
    from campaigns.petitions.models import PetitionPage

    for page, form in ((PetitionPage.objects.live().filter(locale__language_code="en").first(), "petition thank-you"),
                       (SignOnLetterPage.objects.live().filter(locale__language_code="en").first(), "sign-on thank-you")):
        html = client.get(page.url + "thanks/").content.decode()
        assert 'action="/email-list/join/"' in html and f'name="source_form" value="{form}"' in html
        response = client.post("/email-list/join/", {"email": "ines@example.org", "source_form": form,
                                                     "source": page.url + "thanks/", "lists": [str(lists[0].pk)]})
        assert response.status_code == 200 and f'value="{form}"' in response.content.decode()
