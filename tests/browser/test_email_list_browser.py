"""Browser tests for the email list: sign up from the footer with the keyboard only, confirm by the emailed link,
change preferences and unsubscribe, in English and in Spanish; axe finds no violation on the sign-up form (and with
its errors), the thank-you, confirmation, preferences and unsubscribe pages."""

import pytest
from django.core import mail
from django.core.management import call_command

from email_list.links import preferences_url, unsubscribe_url
from email_list.models import MailingList, Subscriber, Subscription, SubscriptionStatus
from tests.browser.test_letters_browser import tab_to, translated, violations
from tests.email_list.helpers import CONFIRM_LINK, path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME = {"en": "/about/", "es": "/es/"}


@pytest.fixture
def list_site(live_server, demo_site, settings):
    settings.SUPPORTER_MIN_FILL_SECONDS = 0
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    demo_site.hostname = "localhost"
    demo_site.port = live_server.url.rsplit(":", 1)[1]
    demo_site.save()
    from email_list.demo_content import build_lists

    return build_lists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_sign_up_from_the_footer_confirm_and_change_preferences_by_keyboard(page, live_server, list_site, language):
    mail.outbox = []
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    news, alerts, _spanish = list_site
    address = f"keys.{language}@example.org"
    home = HOME[language] if language == "es" else "/"
    page.goto(live_server.url + home)

    # The footer's short form: email and name typed, the first list ticked already, Enter on "Continue".
    tab_to(page, "#footer-list-email", limit=400)
    page.keyboard.type(address)
    page.keyboard.press("Tab")
    page.keyboard.type("Kim")
    tab_to(page, "form.list-embed button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The full form, filled in, with its token and the wording; sending it stores the request.
    assert page.locator("h1").inner_text() == translated("Join our email list", language)
    assert page.locator("#id_email").input_value() == address
    assert violations(page) == []
    tab_to(page, "form.list-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == translated("Thank you: one more step", language)
    assert violations(page) == []
    assert not Subscription.objects.filter(subscriber__email=address).exists()

    call_command("db_worker", "--backend=petitions", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    [link] = [found for message in mail.outbox if message.to == [address] for found in CONFIRM_LINK.findall(message.body)]
    page.goto(live_server.url + path_of(link))
    assert page.locator("h1").inner_text() == translated("Confirm your subscription", language)
    assert violations(page) == []
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == translated("You are subscribed", language)
    assert violations(page) == []
    subscriber = Subscriber.objects.get(email=address)
    assert subscriber.language == language and subscriber.first_name == "Kim"
    assert Subscription.objects.get(subscriber=subscriber).mailing_list == news

    # Preferences by the signed link: add "Action alerts", by keyboard.
    page.goto(live_server.url + path_of(preferences_url(subscriber, language)))
    assert page.locator("h1").inner_text() == translated("Your email preferences", language)
    assert violations(page) == []
    tab_to(page, f"input[name=lists][value='{alerts.pk}']")
    page.keyboard.press("Space")
    tab_to(page, "button[name=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert violations(page) == []
    assert Subscription.objects.get(subscriber=subscriber, mailing_list=alerts).status == SubscriptionStatus.ACTIVE

    # The unsubscribe page of one list (the plain link in every list email): a button, then done.
    page.goto(live_server.url + path_of(unsubscribe_url(subscriber, news, language)))
    assert page.locator("h1").inner_text() == translated("Unsubscribe", language)
    assert violations(page) == []
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == translated("You are unsubscribed", language)
    assert violations(page) == []
    assert Subscription.objects.get(subscriber=subscriber, mailing_list=news).status == SubscriptionStatus.UNSUBSCRIBED
    assert errors == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_sign_up_form_with_errors_has_no_axe_violation(page, live_server, list_site, language):
    page.goto(live_server.url + ("/es/lista-de-correo/" if language == "es" else "/email-list/"))
    assert violations(page) == []
    for box in page.locator("input[name=lists]:checked").all():
        box.uncheck()
    page.fill("#id_email", "not an address")
    with page.expect_navigation():
        page.click("form.list-form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#id_email[aria-invalid='true']").count() == 1
    assert violations(page) == []
    # The summary's links lead to the fields.
    page.click(".error-summary a[href='#id_email']")
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert MailingList.objects.filter(public=True).count() >= 3
