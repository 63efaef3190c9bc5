"""Sign-on letter views: the page's routes (sign on as an organization or a person, thank you, confirm).

As for petitions, whatever happened to a submission — new, a repeat, rate-limited, a bot — the
visitor is redirected to the same thank-you page, which shows the same content: nobody learns
from it which organizations or addresses are known. Bot checks (honeypot, missing or forged
form stamp, a submission faster than a person fills the form, a stamp used before) lead there
too, before the fields are looked at. A closed letter shows a notice instead of the forms and
refuses a submission with it (403).
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from campaigns.letters import listing
from campaigns.letters.forms import EndorsementForm, IndividualForm
from campaigns.letters.signing import (
    ConfirmResult,
    confirm,
    find_for_token,
    letter_counts,
    listed_states,
    record_endorsement,
    record_individual,
)
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

LOGO_COLLECTION = "Sign-on logos"


def page_context(request, letter, **extra):
    """The letter page's context: the counts, the public list (filtered by ``?state=``) and both forms."""
    context = letter.get_context(request)
    states = listed_states(letter)
    state = request.GET.get("state", "").strip()[:100]
    if state and not any(name.casefold() == state.casefold() for name, _count in states):
        state = ""
    context.update(
        closed=letter.is_closed,
        counts=letter_counts(letter),
        states=states,
        state=state,
        groups=listing.grouped(letter, state),
        recent=listing.recently_joined(letter),
        logo_spec=listing.LOGO_SPEC,
        valid_days=tokens.valid_days(),
    )
    if not letter.is_closed:
        context.setdefault("org_form", EndorsementForm())
        if letter.allow_individuals:
            context.setdefault("person_form", IndividualForm())
    context.update(extra)
    return context


def render_letter(request, letter, status=200, **extra):
    """The letter page. Never kept by the whole-page cache (``nnirr_site/core/page_cache.py``): its count and
    list change when staff verify an organization, which publishes nothing, so the cache would not know."""
    response = TemplateResponse(
        request, letter.get_template(request), page_context(request, letter, **extra), status=status
    )
    patch_cache_control(response, private=True, max_age=0)
    return response


def thanks_redirect(letter):
    return HttpResponseRedirect(letter.url + letter.reverse_subpage("thanks"), status=303)


def screen(request, letter, form, form_key):
    """The checks before the fields: returns ``(response, stamp)``; a response means stop and send it."""
    stamp = read_form_stamp(request.POST.get("started"))
    if form.is_bot() or stamp is None or stamp.too_fast():
        return thanks_redirect(letter), None
    if stamp.expired():
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check your details and send it again."))
        form.replace_stamp(form_stamp())
        return render_letter(request, letter, **{form_key: form}), None
    if not form.is_valid():
        if not use_form_stamp(stamp.nonce):
            return thanks_redirect(letter), None
        form.replace_stamp(stamp.renewed())
        return render_letter(request, letter, **{form_key: form}), None
    return None, stamp


@answers("letters.page")
def letter_page(request, letter):
    """GET shows the letter, its signatories and the forms; POST signs on an organization."""
    if request.method in SAFE_METHODS:
        return render_letter(request, letter)
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, letter)
    if letter.is_closed:
        return render_letter(request, letter, status=403)
    form = EndorsementForm(request.POST, request.FILES)
    response, stamp = screen(request, letter, form, "org_form")
    if response is not None:
        return response
    data = form.endorsement_data()
    logo = form.cleaned_data.get("logo")
    record_endorsement(
        letter,
        data,
        save_logo=(lambda: store_logo(logo, data.organization_name).pk) if logo else None,
        language=translation.get_language() or letter.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
    )
    purge_used_form_stamps_now_and_then()
    return thanks_redirect(letter)


@answers("letters.individual")
def individual_page(request, letter):
    """POST adds a person's name (when the letter allows it); GET goes back to the letter."""
    if request.method in SAFE_METHODS:
        return HttpResponseRedirect(letter.url + "#individual")
    if request.method != "POST":
        return method_not_allowed(request, FORM_METHODS, letter)
    if letter.is_closed or not letter.allow_individuals:
        return render_letter(request, letter, status=403)
    form = IndividualForm(request.POST)
    response, stamp = screen(request, letter, form, "person_form")
    if response is not None:
        return response
    record_individual(
        letter,
        form.individual_data(),
        language=translation.get_language() or letter.locale.language_code,
        ip_hash=hash_ip(client_ip(request)),
        stamp_nonce=stamp.nonce,
    )
    purge_used_form_stamps_now_and_then()
    return thanks_redirect(letter)


def logo_collection():
    """The "Sign-on logos" collection under the root, created the first time a logo arrives."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=LOGO_COLLECTION).first()
    return collection or root.add_child(name=LOGO_COLLECTION)


def store_logo(upload, organization_name):
    """Save a checked logo (``forms.check_logo``) as a Wagtail image in the logos collection."""
    upload.seek(0)
    extension = "png" if upload.read(8).startswith(b"\x89PNG") else "jpg"
    upload.seek(0)
    upload.name = f"sign-on-logo.{extension}"
    image = get_image_model()(title=organization_name[:255], file=upload, collection=logo_collection())
    image._set_image_file_metadata()
    image.save()
    return image


@answers("letters.thanks")
def thanks_page(request, letter):
    """The same page after every submission: thank you, check your email."""
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request, SAFE_METHODS, letter)
    context = letter.get_context(request)
    context["valid_days"] = tokens.valid_days()
    return TemplateResponse(request, "letters/thanks.html", context)


@answers("letters.confirm")
def confirm_page(request, letter, token):
    def render(status, **state):
        context = letter.get_context(request)
        context.update(valid_days=tokens.valid_days(), **state)
        return TemplateResponse(request, "letters/confirm.html", context, status=status)

    return confirmation_page(request, letter, render, link_works=lambda: find_for_token(letter, token) is not None,
                             confirm=lambda: confirm(letter, token) == ConfirmResult.CONFIRMED)
