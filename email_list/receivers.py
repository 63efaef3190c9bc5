"""Signal wiring: the footer's cached list choices, and "send me news" opt-ins from other actions.

The sign-up form in every page's footer shows the public lists from the layout cache
(``nnirr_site.core.layout_cache``); saving or deleting a list starts a new generation, so no page
shows a stale choice.

A petition or sign-on letter whose supporter ticked "send me news" announces it once their
signature is confirmed (``supporter_actions.news_opt_in``); ``news_opt_in`` turns that into a
sign-up request for the default list, so the supporter joins only through the list's own
confirmation email, with a consent record naming the page and form they ticked the box on.
"""

from django.db.models.signals import post_delete, post_migrate, post_save


def connect():
    from email_list.models import MailingList
    from nnirr_site.core import layout_cache

    for signal in (post_save, post_delete):
        signal.connect(layout_cache.new_generation, sender=MailingList, dispatch_uid=f"email-list-layout-{signal!r}")
    post_migrate.connect(ensure_groups, dispatch_uid="email-list-groups")
    from supporter_actions.news_opt_in import wants_news

    wants_news.connect(news_opt_in, dispatch_uid="email-list-news-opt-in")


def news_opt_in(sender=None, *, email, first_name, language, source_url, source_form, wording, **kwargs):
    """A confirmed supporter asked for news: ask them to confirm joining the default list (nothing if there is none)."""
    from django.db import transaction

    from email_list.models import MailingList
    from email_list.signup import SignupData, record_signup

    default = MailingList.objects.filter(is_default=True).first()
    if default is None:
        return None
    data = SignupData(email=email, language=language if language in ("en", "es") else "en", lists=[default],
                      first_name=first_name or "", source_url=source_url or "", source_form=source_form)
    with transaction.atomic():
        return record_signup(data, wording=wording)


DATA_GROUP = "Email list data"
DATA_PERMISSIONS = ["view_subscriber", "change_subscriber", "export_subscribers"]
EDITOR_PERMISSIONS = ["add_mailinglist", "change_mailinglist", "view_mailinglist",
                      "add_digest", "change_digest", "view_digest"]


def ensure_groups(sender=None, **kwargs):
    """After every ``migrate``: the "Email list data" group (subscribers, their history, the CSV export), and the
    lists and digests for the "Editors" and "Moderators" groups where those exist."""
    from django.contrib.auth.models import Group, Permission

    permissions = Permission.objects.filter(content_type__app_label="email_list")
    if not permissions.exists():
        return
    group, _created = Group.objects.get_or_create(name=DATA_GROUP)
    group.permissions.add(*permissions.filter(codename__in=DATA_PERMISSIONS))
    for editors in Group.objects.filter(name__in=["Editors", "Moderators"]):
        editors.permissions.add(*permissions.filter(codename__in=EDITOR_PERMISSIONS))
