"""Admin wiring: mailing lists as snippets, digests as a model viewset, the staff views and the read-only export log."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views import generic
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from email_list import admin_views, digest_content
from email_list.models import Digest, MailingList, SubscriberExport
from supporter_actions.log_admin import read_only_log_viewset


class MailingListViewSet(SnippetViewSet):
    """Lists editors manage: name in each language, description, language, public or not."""

    model = MailingList
    icon = "mail"
    menu_label = _("Mailing lists")
    list_display = ["name", "name_es", "language", "public", "is_default"]
    search_fields = ["name", "name_es"]
    add_to_admin_menu = False


register_snippet(MailingListViewSet)


class DigestCreateView(generic.CreateView):
    """A new digest gets the period's published pages as items at once."""

    def save_instance(self):
        digest = super().save_instance()
        if not digest.items.exists():
            digest_content.fill(digest)
        return digest

    def get_success_url(self):
        return reverse("email_list_admin:digest", args=[self.object.pk])


class DigestEditView(generic.EditView):
    """Only a draft can be edited: what was sent stays as it was sent (and as the archive shows it)."""

    def dispatch(self, request, *args, **kwargs):
        digest = Digest.objects.filter(pk=kwargs.get("pk")).first()
        if digest is not None and not digest.editable:
            messages.error(request, _("A digest that is being sent, or was sent, can no longer be edited."))
            return redirect("email_list_admin:digest", digest_id=digest.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("email_list_admin:digest", args=[self.object.pk])


class DigestViewSet(ModelViewSet):
    model = Digest
    icon = "mail"
    menu_label = _("Digests")
    add_to_admin_menu = False
    url_prefix = "email-list/digest-editor"
    list_display = ["subject", "mailing_list", "language", "period_end", "status"]
    list_filter = ["status", "language", "mailing_list"]
    add_view_class = DigestCreateView
    edit_view_class = DigestEditView
    copy_view_enabled = False
    inspect_view_enabled = False


digest_viewset = DigestViewSet("email_list_digests")


@hooks.register("register_admin_viewset")
def register_digest_viewset():
    return digest_viewset


@hooks.register("register_admin_viewset")
def register_export_log():
    return read_only_log_viewset(SubscriberExport, "email_list_export_log", menu_label=_("Email list export log"),
                                 menu_order=913, url_prefix="email-list-export-log",
                                 list_display=["created_at", "username", "list_name", "filters", "row_count"],
                                 list_filter=["created_at"], search_fields=["username", "list_name"])


@hooks.register("register_admin_urls")
def register_email_list_urls():
    urls = [
        path("", admin_views.OverviewView.as_view(), name="overview"),
        path("subscribers/", admin_views.SubscriberListView.as_view(), name="subscribers"),
        path("subscribers/<int:subscriber_id>/", admin_views.SubscriberDetailView.as_view(), name="subscriber"),
        path("lists/<int:list_id>/export/", admin_views.ExportView.as_view(), name="export"),
        path("digests/<int:digest_id>/", admin_views.DigestDashboardView.as_view(), name="digest"),
        path("digests/<int:digest_id>/preview/<str:kind>/", admin_views.DigestPreviewView.as_view(), name="preview"),
    ]
    return [path("email-list/", include((urls, "email_list_admin"), namespace="email_list_admin"))]


@hooks.register("register_admin_menu_item")
def register_email_list_menu_item():
    return MenuItem(_("Email list"), reverse("email_list_admin:overview"), name="email-list", icon_name="mail",
                    order=906)


@hooks.register("register_dashboard_rows")
def email_list_dashboard_rows(request, since):
    """New confirmed subscriptions per list this week, and the list's emails that could not be delivered:
    sign-up emails given up on, and subscribers a mail server refused (5xx)."""
    from django.db.models import Count, Q

    from email_list.models import ListEmail, MailingList, Subscriber
    from nnirr_site.core.dashboard import RECENT, UNDELIVERED, DashboardRow

    if not request.user.has_perm(admin_views.DATA_PERMISSION):
        return []
    lists = MailingList.objects.annotate(new=Count("subscriptions", filter=Q(subscriptions__confirmed_at__gte=since)))
    overview = reverse("email_list_admin:overview")
    rows = [DashboardRow(RECENT, _("New email list subscribers: %(list)s") % {"list": mailing_list.name},
                         mailing_list.new, overview) for mailing_list in lists.order_by("name")]
    rows.append(DashboardRow(UNDELIVERED, _("Email list sign-up emails"),
                             ListEmail.objects.filter(failed_at__gte=since).count(), overview))
    rows.append(DashboardRow(UNDELIVERED, _("Email list subscribers a mail server refused"),
                             Subscriber.objects.filter(bounced_at__gte=since).count(),
                             reverse("email_list_admin:subscribers") + "?state=bounced"))
    return rows
