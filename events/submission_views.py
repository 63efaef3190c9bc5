"""The "Add your event" form and its double opt-in: send, thank you, confirm (POST only).

As for every public supporter form, whatever happened to a submission — new, rate-limited, a bot —
the visitor is redirected to the same thank-you page; bot checks (honeypot, missing, forged, too
fast or used form stamp) come before the fields are looked at. A form with errors is shown again
with its errors (status 400) in the visitor's language, and a renewed stamp.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from events.forms import EventSubmissionForm
from events.submitting import confirm, find_for_token, record_submission
from supporter_actions import tokens
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


def render_form(request, index, form, status=200):
    context = index.get_context(request)
    context.update(form=form, valid_days=tokens.valid_days(), submit_url=index.url + index.reverse_subpage("submit"))
    response = TemplateResponse(request, "events/submit.html", context, status=status)
    patch_cache_control(response, private=True, max_age=0)
    return response


def thanks_redirect(index):
    return HttpResponseRedirect(index.url + index.reverse_subpage("thanks"), status=303)


@answers("events.submit")
def submit_page(request, index):
    """GET shows the form; POST checks it and stores the submission."""
    if request.method in SAFE_METHODS:
        return render_form(request, index, EventSubmissionForm())
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, index)
    form = EventSubmissionForm(request.POST)
    stamp = read_form_stamp(request.POST.get("started"))
    if form.is_bot() or stamp is None or stamp.too_fast():
        return thanks_redirect(index)
    if stamp.expired():
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check your details and send it again."))
        form.replace_stamp(form_stamp())
        return render_form(request, index, form, status=400)
    if not form.is_valid():
        if not use_form_stamp(stamp.nonce):
            return thanks_redirect(index)
        form.replace_stamp(stamp.renewed())
        return render_form(request, index, form, status=400)
    record_submission(
        index,
        form.submission_fields(),
        language=translation.get_language() or index.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
    )
    purge_used_form_stamps_now_and_then()
    return thanks_redirect(index)


@answers("events.submit_thanks")
def thanks_page(request, index):
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS, index)
    context = index.get_context(request)
    context["valid_days"] = tokens.valid_days()
    return TemplateResponse(request, "events/submit_thanks.html", context)


@answers("events.submit_confirm")
def confirm_page(request, index, token):
    def render(status, **state):
        context = index.get_context(request)
        context.update(submit_url=index.url + index.reverse_subpage("submit"), **state)
        return TemplateResponse(request, "events/submit_confirm.html", context, status=status)

    return confirmation_page(request, index, render, link_works=lambda: find_for_token(token) is not None,
                             confirm=lambda: confirm(token))
