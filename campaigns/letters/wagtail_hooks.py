"""Admin wiring for sign-on letters: the overview, verification queue and delivery kit, and the read-only export log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from campaigns.letters import admin_views
from campaigns.letters.models import LetterExport
from supporter_actions.log_admin import read_only_log_viewset

# The export log: a listing and one entry's page; no add, edit or delete views are reachable.
EXPORT_LOG = read_only_log_viewset(
    LetterExport,
    "letter_export_log",
    menu_label=_("Sign-on letter export log"),
    menu_order=912,
    url_prefix="letter-export-log",
    list_display=["created_at", "username", "letter_title", "filters_summary", "row_count"],
    list_filter=["created_at", "format", "with_contacts"],
    search_fields=["username", "letter_title"],
    inspect_view_fields=[
        "created_at", "username", "letter_title", "letter_key", "format", "language", "row_count", "with_contacts",
    ],
)


@hooks.register("register_admin_viewset")
def register_export_log():
    return EXPORT_LOG


@hooks.register("register_admin_urls")
def register_letter_urls():
    urls = [
        path("", admin_views.LetterIndexView.as_view(), name="index"),
        path("<int:page_id>/", admin_views.QueueView.as_view(), name="queue"),
        path("<int:page_id>/export/", admin_views.ExportView.as_view(), name="export"),
        path("<int:page_id>/<int:endorsement_id>/verify/", admin_views.DecisionView.as_view(action="verify"),
             name="verify"),
        path("<int:page_id>/<int:endorsement_id>/reject/", admin_views.DecisionView.as_view(action="reject"),
             name="reject"),
        path(
            "<int:page_id>/<int:endorsement_id>/reject-duplicate/",
            admin_views.DecisionView.as_view(action="reject_duplicate"),
            name="reject_duplicate",
        ),
    ]
    return [path("sign-on-letters/", include((urls, "letters_admin"), namespace="letters_admin"))]


@hooks.register("register_admin_menu_item")
def register_letters_menu_item():
    return MenuItem(
        _("Sign-on letters"), reverse("letters_admin:index"), name="sign-on-letters", icon_name="doc-full", order=905
    )


@hooks.register("register_open_actions")
def open_letters(locale):
    """Sign-on letters of this language that still take signatures, for the "Take action" page."""
    from django.db.models import Q
    from django.utils import timezone

    from campaigns.letters.models import DeliveryStatus, SignOnLetterPage
    from nnirr_site.core.open_actions import ActionGroup, open_pages_by_deadline

    open_now = Q(delivery_status=DeliveryStatus.OPEN) & (Q(deadline__isnull=True) | Q(deadline__gt=timezone.now()))
    return ActionGroup(
        key="letters",
        heading=_("Add your organization to a letter"),
        description=_("Add your organization's name to a letter the network delivers with its signatories."),
        items=open_pages_by_deadline(SignOnLetterPage.objects, locale, open_now),
        order=20,
    )


@hooks.register("register_dashboard_rows")
def letter_dashboard_rows(request, since):
    """New sign-ons per open letter, endorsements waiting for verification per letter, undelivered emails."""
    from django.conf import settings
    from django.db.models import Q
    from django.utils import timezone

    from campaigns.letters.models import DeliveryStatus, Endorsement, EndorsementStatus, LetterEmail, SignOnLetterPage
    from nnirr_site.core.dashboard import RECENT, UNDELIVERED, WAITING, DashboardRow, count_by

    if not admin_views.can_verify(request.user):
        return []
    recent = count_by(Endorsement.objects.filter(created_at__gte=since), "letter_key")
    waiting = count_by(
        Endorsement.objects.filter(status__in=[EndorsementStatus.PENDING, EndorsementStatus.DUPLICATE]), "letter_key"
    )
    open_now = Q(delivery_status=DeliveryStatus.OPEN) & (Q(deadline__isnull=True) | Q(deadline__gt=timezone.now()))
    letters = SignOnLetterPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).filter(
        open_now | Q(translation_key__in=[*recent, *waiting])
    ).order_by("title")
    rows = []
    for letter in letters:
        queue = reverse("letters_admin:queue", args=[letter.pk])
        rows.append(DashboardRow(RECENT, _("New sign-ons: %(title)s") % {"title": letter.title},
                                 recent.get(letter.translation_key, 0), queue))
        if waiting.get(letter.translation_key):
            rows.append(DashboardRow(WAITING, _("Endorsements to verify: %(title)s") % {"title": letter.title},
                                     waiting[letter.translation_key], queue))
    rows.append(DashboardRow(UNDELIVERED, _("Sign-on letter emails"),
                             LetterEmail.objects.filter(failed_at__gte=since).count(), reverse("letters_admin:index")))
    return rows
