"""Demo email lists: three lists, confirmed example.org subscribers with their consent history, two sent digests and a draft.

The lists are "Network News (monthly digest)" (the default list for "send me news"), "Action
alerts" and "Noticias de la Red (en español)" (a Spanish-only list). Each demo subscriber asked on
a real form of the site (the footer, the Contact page, a petition's "send me news" box) and
confirmed through the link, so their consent history reads as a real one would; their sign-ups
are spread over the last months so the staff overview's counts over time show something.
The sent digests (English on Network News, Spanish on Noticias de la Red) are in the public
archive; the draft digest of this month is ready to preview and send. Lists are keyed by name,
subscribers by address key and digests by list and period, so running it again adds nothing.
"""

import datetime

from django.apps import apps
from django.utils import timezone
from django.utils.translation import override

from email_list import consent
from email_list.digest_content import fill, page_url
from email_list.models import (
    ConsentAction,
    Digest,
    DigestItem,
    DigestSend,
    DigestStatus,
    MailingList,
    SendState,
    SignupRequest,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from email_list.signup import consent_wording
from supporter_actions.addresses import email_key

LISTS = [
    {
        "name": "Network News (monthly digest)",
        "name_es": "Noticias de la Red (resumen mensual)",
        "description": "Once a month: what the network and its member groups did, new resources and upcoming events.",
        "description_es": "Una vez al mes: lo que hicieron la Red y sus grupos, nuevos recursos y próximos eventos.",
        "language": "",
        "is_default": True,
        "sort_order": 1,
    },
    {
        "name": "Action alerts",
        "name_es": "Alertas de acción",
        "description": "A few times a month, when a petition, sign-on letter or call-in day needs you quickly.",
        "description_es": "Algunas veces al mes, cuando una petición, carta o jornada de llamadas te necesita pronto.",
        "language": "",
        "is_default": False,
        "sort_order": 2,
    },
    {
        "name": "Noticias de la Red (en español)",
        "name_es": "Noticias de la Red (en español)",
        "description": "The network's news written in Spanish, for Spanish-speaking members and allies.",
        "description_es": "Las noticias de la Red escritas en español, para integrantes y aliados hispanohablantes.",
        "language": "es",
        "is_default": False,
        "sort_order": 3,
    },
]

# (first name, address, language, lists by index in LISTS, form, page, days ago)
SUBSCRIBERS = [
    ("Amina", "amina.haddad@example.org", "en", [0, 1], "footer", "/", 170),
    ("Jorge", "jorge.ramirez@example.org", "es", [0, 2], "footer", "/es/", 150),
    ("Grace", "grace.okafor@example.org", "en", [0], "petition", "/campaigns/", 140),
    ("Linh", "linh.tran@example.org", "en", [1], "contact page", "/contact/", 120),
    ("Rosa", "rosa.delgado@example.org", "es", [2], "sign-up page", "/es/email-list/", 95),
    ("Samuel", "samuel.bekele@example.org", "en", [0, 1], "footer", "/about/", 80),
    ("Fatima", "fatima.noor@example.org", "en", [0], "sign-on letter", "/statements/", 60),
    ("Tomás", "tomas.herrera@example.org", "es", [0, 1, 2], "footer", "/es/", 45),
    ("Daniel", "daniel.kim@example.org", "en", [1], "footer", "/blog/", 30),
    ("Lucía", "lucia.fernandez@example.org", "es", [2], "contact page", "/es/contacto/", 20),
    ("Peter", "peter.walsh@example.org", "en", [0], "petition", "/campaigns/", 12),
    ("Carmen", "carmen.ortiz@example.org", "es", [0], "footer", "/es/", 5),
]
# Addresses that later left a list through the one-click button of a digest, so the history shows a withdrawal.
LEFT = [("daniel.kim@example.org", 1, 10)]


def build_lists():
    lists = []
    for fields in LISTS:
        mailing_list = MailingList.objects.filter(name=fields["name"]).first()
        if mailing_list is None:
            if fields["is_default"]:
                MailingList.objects.filter(is_default=True).update(is_default=False)
            mailing_list = MailingList.objects.create(**fields)
        lists.append(mailing_list)
    return lists


def build_subscribers(lists, now):
    for first_name, address, language, list_indexes, form, page, days_ago in SUBSCRIBERS:
        if Subscriber.objects.filter(email_key=email_key(address)).exists():
            continue
        asked = now - datetime.timedelta(days=days_ago, hours=2)
        confirmed = asked + datetime.timedelta(minutes=7)
        subscriber = Subscriber.objects.create(email=address, email_key=email_key(address), first_name=first_name,
                                               language=language, created_at=asked)
        with override(language):
            wording = consent_wording()
        chosen = [lists[index] for index in list_indexes]
        SignupRequest.objects.create(subscriber=subscriber, list_ids=[item.pk for item in chosen],
                                     first_name=first_name, language=language, source_url=page, source_form=form,
                                     wording=wording, wording_version=consent.WORDING_VERSION, created_at=asked,
                                     confirmed_at=confirmed)
        for mailing_list in chosen:
            consent.subscribe(subscriber, mailing_list, confirmed, consent.METHOD_CONFIRM_LINK, language=language,
                              source_url=page, source_form=form, wording=wording,
                              wording_version=consent.WORDING_VERSION,
                              detail=f"asked {asked:%Y-%m-%d %H:%M:%S %Z}")
    for address, index, days_ago in LEFT:
        subscriber = Subscriber.objects.get(email_key=email_key(address))
        left = now - datetime.timedelta(days=days_ago)
        if Subscription.objects.filter(subscriber=subscriber, mailing_list=lists[index],
                                       status=SubscriptionStatus.ACTIVE, confirmed_at__lt=left).update(
                status=SubscriptionStatus.UNSUBSCRIBED, ended_at=left):
            consent.record(subscriber, ConsentAction.UNSUBSCRIBED, consent.METHOD_ONE_CLICK, lists[index],
                           at=left, source_form="one-click", source_url="/email-list/unsubscribe/")


def _latest_items(language, most=4):
    """Recent blog posts and resources in ``language`` as (kind, page), newest first, for a past digest."""
    found = []
    for app_label, model_name, kind in (("blog", "BlogPage", "post"), ("resources", "ResourcePage", "resource")):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        found += [(kind, page) for page in model.objects.live().public().filter(locale__language_code=language)
                  .order_by("-first_published_at")[:most // 2]]
    return found


SENT = {
    "en": ("Network News, {month}", "Dear friends,\n\nHere is what the network and its member groups did last "
           "month: new resources for Know Your Rights trainings, reports from the border, and the calls to action "
           "that still need your name.\n\nThank you for standing with immigrant and refugee communities."),
    "es": ("Noticias de la Red, {month}", "Queridas amistades:\n\nEsto es lo que hicieron la Red y sus grupos el "
           "mes pasado: nuevos materiales para talleres de Conoce tus derechos, noticias de la frontera y las "
           "acciones que todavía necesitan tu firma.\n\nGracias por acompañar a las comunidades inmigrantes y "
           "refugiadas."),
}
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]


def _month_name(day, language):
    return f"{MONTHS_ES[day.month - 1]} de {day.year}" if language == "es" else day.strftime("%B %Y")


def build_sent_digest(mailing_list, language, now):
    first_of_month = now.date().replace(day=1)
    period_end = first_of_month - datetime.timedelta(days=1)
    period_start = period_end.replace(day=1)
    existing = Digest.objects.filter(mailing_list=mailing_list, language=language, period_start=period_start).first()
    if existing is not None:
        return existing
    subject, intro = SENT[language]
    digest = Digest.objects.create(mailing_list=mailing_list, language=language, period_start=period_start,
                                   period_end=period_end, subject=subject.format(month=_month_name(period_start, language)),
                                   intro=intro, started_by="Demo staff")
    items = [DigestItem(digest=digest, page=page, kind=kind, title=page.title[:255],
                        summary=(getattr(page, "summary", "") or "")[:600], url=page_url(page), sort_order=order)
             for order, (kind, page) in enumerate(_latest_items(language)) if page_url(page)]
    DigestItem.objects.bulk_create(items)
    sent_at = timezone.make_aware(datetime.datetime.combine(first_of_month + datetime.timedelta(days=2),
                                                            datetime.time(16, 0)))
    recipients = Subscription.objects.filter(mailing_list=mailing_list, status=SubscriptionStatus.ACTIVE,
                                             confirmed_at__lt=sent_at).select_related("subscriber")
    if not mailing_list.language:
        recipients = recipients.filter(subscriber__language=language)
    DigestSend.objects.bulk_create([
        DigestSend(digest=digest, subscriber=item.subscriber, state=SendState.SENT, attempts=1, reserved_at=sent_at,
                   handed_over_at=sent_at, sent_at=sent_at, next_attempt_at=sent_at)
        for item in recipients
    ])
    Digest.objects.filter(pk=digest.pk).update(status=DigestStatus.SENT, send_started_at=sent_at, finished_at=sent_at)
    digest.refresh_from_db()
    return digest


def build_draft_digest(mailing_list, now):
    period_start = now.date().replace(day=1)
    if Digest.objects.filter(mailing_list=mailing_list, language="en", period_start=period_start).exists():
        return
    digest = Digest.objects.create(
        mailing_list=mailing_list, language="en", period_start=period_start, period_end=now.date(),
        subject=f"Network News, {_month_name(period_start, 'en')}",
        intro="Dear friends,\n\nThis month the network's member groups organized, trained and spoke up across the "
              "country. Here is what they published, and the events coming up next.",
    )
    if not fill(digest):
        DigestItem.objects.bulk_create([
            DigestItem(digest=digest, page=page, kind=kind, title=page.title[:255],
                       summary=(getattr(page, "summary", "") or "")[:600], url=page_url(page), sort_order=order)
            for order, (kind, page) in enumerate(_latest_items("en")) if page_url(page)
        ])


def build(home):
    now = timezone.now()
    news, _alerts, spanish = lists = build_lists()
    build_subscribers(lists, now)
    build_sent_digest(news, "en", now)
    build_sent_digest(spanish, "es", now)
    build_draft_digest(news, now)
