"""Petition views: the page's routes (sign, thank you, confirm) and the cacheable count.json.

Whatever happened to a valid submission — a new signature, a repeat, a
rate-limited one, a bot — the visitor is redirected to the same thank-you URL,
which always shows the same content: nobody can learn from it who has signed.
"""

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import cache_control

from campaigns.petitions.forms import SignatureForm
from campaigns.petitions.models import PetitionPage
from campaigns.petitions.signing import (
    ConfirmResult,
    client_ip,
    confirm_signature,
    filled_too_fast,
    find_signature_for_token,
    hash_ip,
    record_signature,
)

SAFE_METHODS = ("GET", "HEAD")


def method_not_allowed(request, allowed, page=None):
    """A friendly 405 page with the Allow header."""
    response = TemplateResponse(request, "petitions/405.html", {"page": page, "self": page}, status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def page_context(request, petition, **extra):
    context = petition.get_context(request)
    context["valid_days"] = settings.PETITION_TOKEN_DAYS
    context.update(extra)
    return context


def petition_page(request, petition):
    """GET shows the petition and its form; POST signs it."""
    if request.method in SAFE_METHODS:
        form = None if petition.is_closed else SignatureForm(petition=petition)
        return TemplateResponse(request, petition.get_template(request), page_context(request, petition, form=form))
    if request.method != "POST":
        return method_not_allowed(request, ["GET", "HEAD", "POST"], petition)
    if petition.is_closed:
        return TemplateResponse(
            request, petition.get_template(request), page_context(request, petition, form=None), status=403
        )
    form = SignatureForm(request.POST, petition=petition)
    thanks_url = petition.url + petition.reverse_subpage("thanks")
    if form.is_bot() or filled_too_fast(request.POST.get("started")):
        return HttpResponseRedirect(thanks_url, status=303)
    if not form.is_valid():
        return TemplateResponse(request, petition.get_template(request), page_context(request, petition, form=form))
    record_signature(
        petition,
        form.signature_data(),
        language=translation.get_language() or petition.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
    )
    return HttpResponseRedirect(thanks_url, status=303)


def thanks_page(request, petition):
    """The same page after every submission: thank you, check your email, share."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS, petition)
    return TemplateResponse(request, "petitions/thanks.html", page_context(request, petition))


def confirm_page(request, petition, token):
    """GET shows a "Confirm my signature" button (mail scanners open links); only POST confirms."""
    if request.method in SAFE_METHODS:
        valid = find_signature_for_token(petition, token) is not None
        return TemplateResponse(
            request,
            "petitions/confirm.html",
            page_context(request, petition, token_valid=valid, confirmed=False),
            status=200 if valid else 404,
        )
    if request.method != "POST":
        return method_not_allowed(request, ["GET", "HEAD", "POST"], petition)
    result = confirm_signature(petition, token)
    confirmed = result == ConfirmResult.CONFIRMED
    return TemplateResponse(
        request,
        "petitions/confirm.html",
        page_context(request, petition, token_valid=confirmed, confirmed=confirmed),
        status=200 if confirmed else 404,
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
