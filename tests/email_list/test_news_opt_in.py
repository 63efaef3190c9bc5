"""A petition signer who ticks "send me news" joins the default list only through the list's own confirmation."""

import pytest
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


# --- Sign-on letters: the organization's contact and individual signers have the same box --------------


def _letter_confirm_path(address):
    from tests.campaigns.test_letters import confirm_links

    [link] = confirm_links(to=address)
    return path_of(link)


@pytest.mark.parametrize("who", ["organization", "individual"])
def test_sign_on_send_me_news_joins_only_through_the_lists_confirmation(client, lists, settings, who):
    from tests.campaigns.test_letters import make_letter, org_data, person_data

    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    news, *_ = lists
    letter = make_letter(slug=f"news-{who}")
    if who == "organization":
        address = "rosa.contact@example.org"
        client.post(letter.url, org_data(opt_in_news="on", contact_name="Rosa Contact"))
    else:
        address = "luis@example.org"
        client.post(letter.url + "individual/", person_data(opt_in_news="on"))
    run_queued_tasks()
    assert not SignupRequest.objects.exists()  # nothing for the list before the sign-on is confirmed
    confirm = _letter_confirm_path(address)
    client.post(confirm)
    assert not Subscription.objects.exists()
    [request] = SignupRequest.objects.all()
    assert request.list_ids == [news.pk] and request.source_form == "sign-on letter"
    assert request.source_url == letter.url
    run_queued_tasks()
    [link] = list_confirm_paths(address)
    client.post(link)
    subscription = Subscription.objects.get()
    assert subscription.subscriber.first_name == ("Rosa" if who == "organization" else "Luis")
    assert ConsentRecord.objects.get(action=ConsentAction.SUBSCRIBED).source_form == "sign-on letter"
    client.post(confirm)  # the used link asks nothing more
    assert SignupRequest.objects.count() == 1


def test_sign_on_without_the_box_nothing_reaches_the_list(client, lists, settings):
    from tests.campaigns.test_letters import make_letter, person_data

    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    letter = make_letter(slug="news-none")
    client.post(letter.url + "individual/", person_data())
    run_queued_tasks()
    client.post(_letter_confirm_path("luis@example.org"))
    run_queued_tasks()
    assert not SignupRequest.objects.exists() and list_confirm_paths("luis@example.org") == []


def test_sign_on_forms_offer_the_box_in_both_languages(client, lists):
    from campaigns.letters.models import SignOnLetterPage

    for language, words in (("en", "Send me news from the network by email."),
                            ("es", "Envíenme noticias de la Red por correo electrónico.")):
        page = SignOnLetterPage.objects.live().filter(locale__language_code=language, allow_individuals=True).first()
        html = client.get(page.url).content.decode()
        assert html.count('name="opt_in_news"') == 2 and words in html
