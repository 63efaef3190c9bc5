"""Public views of the email list: sign-up, thank-you, confirmation, preferences, unsubscribe, and the archive.

Every sign-up — new, repeat, rate-limited, bot — ends on the same thank-you page with the same
words, so nobody learns whether an address is on a list. Confirmation happens only on the POST of
the link's page (mail scanners open links). The unsubscribe address is the one in every digest's
``List-Unsubscribe`` header: a POST (RFC 8058 one-click, from a mail client, without cookies or
CSRF token) unsubscribes at once and answers the same however often it comes; a GET (a person
following the plain link) shows a button that makes that same POST.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from email_list import consent, digest_email, links
from email_list.forms import EmbeddedSignupForm, PreferencesForm, SignupForm, default_language
from email_list.models import Digest, DigestStatus, MailingList, SubscriptionStatus
from email_list.signup import SignupData, confirm, consent_wording, record_signup, request_for_token
from supporter_actions import tokens
from supporter_actions.abuse import (
    client_ip,
    form_stamp,
    hash_ip,
    purge_used_form_stamps_now_and_then,
    read_form_stamp,
    use_form_stamp,
)
from supporter_actions.responses import FORM_METHODS, SAFE_METHODS, confirmation_page, method_not_allowed


def private(response):
    """Pages with personal links: never cached anywhere, never indexed."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["X-Robots-Tag"] = "noindex"
    return response


def current_language():
    return default_language((translation.get_language() or "en")[:2])


def render_signup(request, form, status=200, arrived=False):
    context = {"form": form, "consent_wording": consent_wording(), "arrived": arrived}
    return TemplateResponse(request, "email_list/signup.html", context, status=status)


def thanks_redirect():
    return HttpResponseRedirect(reverse("email_list:thanks"), status=303)


def signup(request):
    """GET: the sign-up form. POST: store the sign-up (after the core's bot checks) and go to the thank-you page."""
    if request.method in SAFE_METHODS:
        return render_signup(request, SignupForm(language=current_language(), initial={"source": request.GET.get("from", "")}))
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS)
    form = SignupForm(request.POST, language=current_language())
    stamp = read_form_stamp(request.POST.get("started"))
    if form.is_bot() or stamp is None or stamp.too_fast():
        return thanks_redirect()
    if stamp.expired():
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check your details and send it again."))
        form.replace_stamp(form_stamp())
        return render_signup(request, form)
    if not form.is_valid():
        if not use_form_stamp(stamp.nonce):
            return thanks_redirect()
        form.replace_stamp(stamp.renewed())
        return render_signup(request, form)
    data = form.cleaned_data
    record_signup(
        SignupData(
            email=data["email"], language=data["language"], lists=list(data["lists"]), first_name=data["first_name"],
            source_url=data["source"] or reverse("email_list:signup"), source_form=data["source_form"],
        ),
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
        wording=consent_wording(),
    )
    purge_used_form_stamps_now_and_then()
    return thanks_redirect()


def referring_path(request):
    """The path of the page a form was sent from, when the browser said (same-origin Referer) and it is ours."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if referer.netloc and referer.netloc != request.get_host():
        return ""
    return referer.path[:500] if referer.path.startswith("/") else ""


@csrf_exempt
def join(request):
    """The embedded forms' target: changes nothing, shows the full sign-up form filled in with what was typed.

    CSRF-exempt because the embedded forms live in cached pages without a token; it stores
    nothing, so a forged POST achieves nothing but a page shown to its sender.
    """
    if request.method != "POST":
        return HttpResponseRedirect(reverse("email_list:signup"))
    embedded = EmbeddedSignupForm(request.POST, language=current_language())
    embedded.is_valid()
    source = embedded.cleaned_data.get("source") or referring_path(request)
    initial = {
        "email": request.POST.get("email", "")[:254],
        "first_name": request.POST.get("first_name", "")[:100],
        "lists": [value for value in request.POST.getlist("lists") if value.isdigit()][:20],
        "language": embedded.cleaned_data.get("language") or current_language(),
        "source": source,
        "source_form": embedded.cleaned_data.get("source_form") or "footer",
    }
    return render_signup(request, SignupForm(initial=initial, language=current_language()), arrived=True)


def thanks(request):
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    return TemplateResponse(request, "email_list/thanks.html", {"valid_days": tokens.valid_days()})


def confirm_page(request, token):
    """The core's confirmation page rule; a used link answers as the first time (see ``signup.confirm``)."""
    confirmed = {}

    def confirm_now():
        confirmed["request"] = confirm(token)
        return confirmed["request"] is not None

    def render(status, **state):
        context = {"valid_days": tokens.valid_days(), **state}
        if state["confirmed"]:
            done = confirmed["request"]
            context.update(
                lists=[item.localized_name for item in MailingList.objects.filter(pk__in=done.list_ids)],
                preferences_url=reverse("email_list:preferences", args=[links.token_for(done.subscriber)]),
            )
        return private(TemplateResponse(request, "email_list/confirm.html", context, status=status))

    return confirmation_page(request, None, render, link_works=lambda: request_for_token(token) is not None,
                             confirm=confirm_now)


def link_not_working(request):
    return private(TemplateResponse(request, "email_list/bad_link.html", {}, status=404))


def preferences(request, token):
    """The signed preferences page: change lists and language, or leave everything."""
    subscriber = links.subscriber_for(token)
    if subscriber is None:
        return link_not_working(request)
    offered = consent.lists_offered_to(subscriber)
    active = list(subscriber.subscriptions.filter(status=SubscriptionStatus.ACTIVE).values_list("mailing_list_id", flat=True))
    saved = left = False
    if request.method == "POST":
        here = request.path
        if "leave" in request.POST:
            consent.leave_everything(subscriber, here)
            left = True
            active = []
            form = PreferencesForm(initial={"lists": [], "language": subscriber.language}, offered=offered)
        else:
            form = PreferencesForm(request.POST, offered=offered)
            if form.is_valid():
                consent.change_preferences(subscriber, form.cleaned_data["lists"], form.cleaned_data["language"], here)
                subscriber.refresh_from_db()
                saved = True
                active = [item.pk for item in form.cleaned_data["lists"]]
                form = PreferencesForm(initial={"lists": active, "language": subscriber.language}, offered=offered)
    elif request.method in SAFE_METHODS:
        form = PreferencesForm(initial={"lists": active, "language": subscriber.language}, offered=offered)
    else:
        return method_not_allowed(request, FORM_METHODS)
    context = {"form": form, "subscriber": subscriber, "saved": saved, "left": left, "active": active,
               "can_receive": subscriber.can_receive}
    return private(TemplateResponse(request, "email_list/preferences.html", context))


@csrf_exempt
def unsubscribe(request, token, list_id):
    """One-click unsubscribe (RFC 8058): POST leaves the list at once, idempotently; GET shows the button."""
    subscriber = links.subscriber_for(token)
    mailing_list = MailingList.objects.filter(pk=list_id).first()
    if subscriber is None or mailing_list is None:
        return link_not_working(request)
    context = {
        "list_name": mailing_list.localized_name,
        "preferences_url": reverse("email_list:preferences", args=[token]),
        "done": False,
    }
    if request.method in SAFE_METHODS:
        return private(TemplateResponse(request, "email_list/unsubscribe.html", context))
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS)
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    consent.unsubscribe(
        subscriber, mailing_list,
        consent.METHOD_ONE_CLICK if one_click else consent.METHOD_UNSUBSCRIBE_PAGE,
        source_form="one-click" if one_click else "unsubscribe page", source_url=request.path,
        language=subscriber.language,
    )
    context["done"] = True
    return private(TemplateResponse(request, "email_list/unsubscribe.html", context))


def archive(request):
    """The public archive of sent digests in the visitor's language."""
    digests = (
        Digest.objects.filter(status=DigestStatus.SENT, language=current_language())
        .select_related("mailing_list").order_by("-period_end", "-pk")
    )
    return TemplateResponse(request, "email_list/archive.html", {"digests": digests})


def archive_detail(request, digest_id):
    digest = get_object_or_404(
        Digest.objects.select_related("mailing_list"), pk=digest_id, status=DigestStatus.SENT, language=current_language()
    )
    return TemplateResponse(request, "email_list/archive_detail.html", {"digest": digest, "body": digest_email.web_html(digest)})
