"""Petition views: the page's routes (sign, thank you, confirm) and the cacheable count.json.

Whatever happened to a valid submission — a new signature, a repeat, a
rate-limited one, a bot — the visitor is redirected to the same thank-you URL,
which always shows the same content: nobody can learn from it who has signed.
Bot checks (the honeypot, a missing or forged form stamp, a submission faster
than a person fills in the form, a stamp used before) lead there too, before
the fields are even looked at.

Pages with nothing personal on them (the form page, the thank-you page, the
"confirmed" page) are rendered once and shared by visitors for a few seconds;
see "The page with the form" below. That is fast path ``petition_pages``
(``NNIRR_FAST_PATHS``, ``nnirr_site/core/fast_paths.py``; ``PETITION_PAGE_CACHE_SECONDS=0`` also turns it
off): it saves 21 ms of 22.8 (92%) per view of an open petition's form page (``bench/fast_paths.py``,
2026-11-26, load average ~3.7). Invalidation: the layout generation, and at the latest
``PETITION_PAGE_CACHE_SECONDS`` (the count and recent signers may lag that long). A page cache would
not do: the page carries each visitor's CSRF token, which ``{% wagtailpagecache %}`` would share.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control

from campaigns.petitions.forms import SignatureForm
from campaigns.petitions.models import PetitionPage
from campaigns.petitions.page_responses import page_context
from campaigns.petitions.signing import ConfirmResult, confirm_signature, find_signature_for_token, record_signature
from nnirr_site.core import fast_paths, layout_cache
from supporter_actions.abuse import (
    client_ip,
    form_stamp,
    hash_ip,
    purge_used_form_stamps_now_and_then,
    read_form_stamp,
    use_form_stamp,
)
from supporter_actions.page_routes import answers
from supporter_actions.responses import FORM_METHODS, SAFE_METHODS, confirmation_page, method_not_allowed


# --- The page with the form, shared by every visitor except for two values ----------------------
#
# A petition that spreads is opened by thousands of people within minutes. The page is the same
# for all of them except for the CSRF token and the signed "form started" time, so it is rendered
# once with a slot for each and kept for PETITION_PAGE_CACHE_SECONDS (the progress bar and the
# recent signers it shows may lag that long, and the time one request takes to render it again).
# Each visitor gets the kept page with their own two values filled in. Requests with a session
# (editors) or pending messages get a fresh render.
#
# When the kept page is due, one request renders it again while the others go on getting the kept
# one (RENEWING_SECONDS at most, should that render fail). Before, every request that came while
# it was due rendered it. Why it was tried (petition bench, 2026-11-27, durable, quiet): the form's
# p99 inside gunicorn was 215 ms with the page due every 5 s against 64 ms with a page never due.
# With this change three runs gave 61, 275 and 385 ms: the tail varies more from run to run than
# this moves it (README, petition benchmark); it is kept because it renders once where many did.

CSRF_SLOT = "petition-csrf-slot-6b1f0c"
STAMP_SLOT = "petition-stamp-slot-6b1f0c"


def shared_page_key(request, petition, kind):
    """The cache key of the ``kind`` page for this request, or None when it must be rendered afresh."""
    seconds = getattr(settings, "PETITION_PAGE_CACHE_SECONDS", 0)
    if (
        seconds <= 0
        or not fast_paths.enabled("petition_pages")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
        or getattr(request, "is_preview", False)
    ):
        return None
    language = translation.get_language() or ""
    # Kept per scheme and host as well: the page's absolute links come from the site's address, never
    # from the Host header, but should any part of it ever follow the request, no other host sees it.
    origin = f"{request.scheme}://{request.get_host()}"
    return f"petition-{kind}:{layout_cache.generation()}:{petition.pk}:{language}:{origin}:v2"


RENEWING_SECONDS = 10
STALE_SECONDS = 30  # how long past due a kept page may still be served while one request renews it


def shared_html(request, petition, kind, build, slots=()):
    """The ``kind`` page's HTML as kept for every visitor (see above), or ``build()`` afresh."""
    key = shared_page_key(request, petition, kind)
    if key is None:
        return build()
    kept = cache.get(key)  # (html, due at)
    if kept is not None and (time.time() < kept[1] or not cache.add(key + ":renewing", 1, RENEWING_SECONDS)):
        return kept[0]
    try:
        html = build()
        if all(slot in html for slot in slots):
            seconds = settings.PETITION_PAGE_CACHE_SECONDS
            cache.set(key, (html, time.time() + seconds), seconds + STALE_SECONDS)
    finally:
        if kept is not None:
            cache.delete(key + ":renewing")
    return html


def fill_slots(html, request):
    """This visitor's CSRF token and form time in the shared page (a token is made only if a form needs one)."""
    if CSRF_SLOT in html:
        html = html.replace(CSRF_SLOT, get_token(request))
    if STAMP_SLOT in html:
        html = html.replace(STAMP_SLOT, form_stamp())
    return html


def render_form_page(request, petition):
    def build():
        form = SignatureForm(petition=petition, initial={"started": STAMP_SLOT})
        context = page_context(request, petition, form=form, csrf_token=CSRF_SLOT)
        return render_to_string(petition.get_template(request), context, request)

    return HttpResponse(fill_slots(shared_html(request, petition, "form", build, (CSRF_SLOT, STAMP_SLOT)), request))


def render_shared(request, petition, kind, template, **extra):
    """A page with nothing personal on it (thank you, confirmed), kept like the form page.

    Rendered with the CSRF slot too: should a form ever appear in the layout, its token is
    still each visitor's own, never the first visitor's shared with everyone.
    """
    def build():
        return render_to_string(template, page_context(request, petition, csrf_token=CSRF_SLOT, **extra), request)

    return HttpResponse(fill_slots(shared_html(request, petition, kind, build), request))


@answers("petitions.page")
def petition_page(request, petition):
    """GET shows the petition and its form; POST signs it."""
    if request.method in SAFE_METHODS:
        if petition.is_closed:
            return TemplateResponse(request, petition.get_template(request), page_context(request, petition, form=None))
        return render_form_page(request, petition)
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, petition)
    if petition.is_closed:
        return TemplateResponse(
            request, petition.get_template(request), page_context(request, petition, form=None), status=403
        )
    form = SignatureForm(request.POST, petition=petition)
    thanks = HttpResponseRedirect(petition.url + petition.reverse_subpage("thanks"), status=303)
    stamp = read_form_stamp(request.POST.get("started"))
    if form.is_bot() or stamp is None or stamp.too_fast():
        return thanks
    if stamp.expired():
        # A tab left open for days (or a page from before stamps were single-use): keep what was typed.
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check your details and send it again."))
        return show_form_again(request, petition, form, form_stamp())
    if not form.is_valid():
        if not use_form_stamp(stamp.nonce):
            return thanks
        return show_form_again(request, petition, form, stamp.renewed())
    record_signature(
        petition,
        form.signature_data(),
        language=translation.get_language() or petition.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
    )
    purge_used_form_stamps_now_and_then()
    return thanks


def show_form_again(request, petition, form, stamp):
    """The page with the form and its errors, and a new stamp in it (the one sent is used up)."""
    form.replace_stamp(stamp)
    return TemplateResponse(request, petition.get_template(request), page_context(request, petition, form=form))


@answers("petitions.thanks")
def thanks_page(request, petition):
    """The same page after every submission: thank you, check your email, share."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS, petition)
    return render_shared(request, petition, "thanks", "petitions/thanks.html")


@answers("petitions.confirm")
def confirm_page(request, petition, token):
    def render(status, token_valid, confirmed):
        if confirmed:  # nothing personal on it: kept like the thank-you page
            return render_shared(request, petition, "confirmed", "petitions/confirm.html", token_valid=True,
                                 confirmed=True)
        context = page_context(request, petition, token_valid=token_valid, confirmed=False)
        return TemplateResponse(request, "petitions/confirm.html", context, status=status)

    return confirmation_page(
        request, petition, render, link_works=lambda: find_signature_for_token(petition, token) is not None,
        confirm=lambda: confirm_signature(petition, token) == ConfirmResult.CONFIRMED,
    )


@cache_control(public=True, max_age=60)
def count_json(request, petition_id):
    """Counted and paper signatures, goal and next milestone of a live, public petition."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS)
    petition = PetitionPage.objects.live().public().filter(pk=petition_id).first()
    if petition is None:
        return JsonResponse({"error": "not found"}, status=404)
    stats = petition.get_stats()
    return JsonResponse(
        {
            "petition": petition.pk,
            "confirmed": stats.counted,
            "offline": stats.offline,
            "total": stats.total,
            "goal": stats.goal,
            "next_milestone": stats.milestone,
            "closed": petition.is_closed,
        }
    )
