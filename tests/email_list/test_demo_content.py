"""The email list's demo content: the three lists, confirmed subscribers with a consent history, digests; idempotent."""

from django.core.management import call_command

from email_list.models import (
    ConsentAction,
    ConsentRecord,
    Digest,
    DigestStatus,
    MailingList,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)

NAMES = ["Network News (monthly digest)", "Action alerts", "Noticias de la Red (en español)"]


def counts():
    return (MailingList.objects.count(), Subscriber.objects.count(), Subscription.objects.count(),
            ConsentRecord.objects.count(), Digest.objects.count())


def test_demo_lists_subscribers_and_consent_history(db):
    assert list(MailingList.objects.filter(name__in=NAMES).order_by("sort_order").values_list("name", flat=True)) == NAMES
    assert list(MailingList.objects.filter(is_default=True).values_list("name", flat=True)) == [NAMES[0]]
    assert MailingList.objects.get(name=NAMES[2]).language == "es"
    demo = Subscriber.objects.filter(email__endswith="@example.org")
    assert demo.count() >= 10
    for subscription in Subscription.objects.filter(subscriber__in=demo, status=SubscriptionStatus.ACTIVE):
        record = ConsentRecord.objects.get(subscriber=subscription.subscriber, mailing_list=subscription.mailing_list,
                                           action=ConsentAction.SUBSCRIBED)
        assert record.wording and record.wording_version and record.source_form and record.source_url
        assert record.method.startswith("confirmation link")
    assert ConsentRecord.objects.filter(action=ConsentAction.UNSUBSCRIBED, subscriber__in=demo).exists()


def test_demo_digests_draft_and_archive_in_both_languages(client, db):
    draft = Digest.objects.get(status=DigestStatus.DRAFT, mailing_list__name=NAMES[0])
    assert draft.items.exists()
    english = Digest.objects.get(status=DigestStatus.SENT, language="en")
    spanish = Digest.objects.get(status=DigestStatus.SENT, language="es")
    assert english.sends.exists() and spanish.sends.exists()
    page = client.get("/email-list/digests/")
    assert english.subject in page.content.decode() and spanish.subject not in page.content.decode()
    page = client.get("/es/email-list/digests/")
    assert spanish.subject in page.content.decode() and english.subject not in page.content.decode()
    assert client.get(f"/es/email-list/digests/{spanish.pk}/").status_code == 200
    assert client.get(f"/email-list/digests/{english.pk}/").status_code == 200


def test_loading_the_demo_again_adds_nothing(db):
    before = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert counts() == before
