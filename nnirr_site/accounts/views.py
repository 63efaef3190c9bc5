"""Admin pages for two-factor authentication: enrol an authenticator app, verify a session, recovery codes."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from nnirr_site.accounts import two_factor
from nnirr_site.accounts.forms import CodeForm, VerifyForm

RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"


def next_url(request):
    """Where to go once verified: the page asked for, if it is on this site, else the admin home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
def setup(request):
    """Enrolment: scan the QR code (or type the key), then prove it works by entering a code."""
    user = request.user
    if two_factor.has_confirmed_device(user) and not user.is_verified():
        return redirect(reverse("accounts_2fa_verify") + "?" + request.GET.urlencode())
    device = two_factor.pending_totp_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return redirect(reverse("accounts_2fa_recovery_codes") + "?" + urlencode({"next": next_url(request)}))
        form.add_error("code", _("That code is not right. Check the time on your phone and try the newest code."))
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device.config_url),
            "secret": two_factor.secret_for_display(device),
            "next": next_url(request),
            "replacing": two_factor.has_confirmed_device(user),
        },
    )


@never_cache
def verify(request):
    """After the password: a code from the authenticator app or a recovery code."""
    user = request.user
    if not two_factor.has_confirmed_device(user):
        return redirect(reverse("accounts_2fa_setup") + "?" + request.GET.urlencode())
    if user.is_verified():
        return redirect(next_url(request))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified, throttled = two_factor.verify(request, form.cleaned_data["code"])
        if verified:
            left = two_factor.remaining_recovery_codes(user)
            if left <= 2:
                messages.warning(request, _("You have few recovery codes left. Make new ones on the recovery codes page."))
            return redirect(next_url(request))
        if throttled:
            form.add_error("code", _("Too many wrong codes. Wait a minute and try again."))
        else:
            form.add_error("code", _("That code is not right."))
    return TemplateResponse(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url(request)})


@never_cache
def recovery_codes(request):
    """Shows new recovery codes once; a POST replaces all of them (the old ones stop working)."""
    if request.method == "POST":
        request.session[RECOVERY_CODES_SESSION_KEY] = two_factor.replace_recovery_codes(request.user)
        return redirect("accounts_2fa_recovery_codes")
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "remaining": two_factor.remaining_recovery_codes(request.user),
            "next": next_url(request),
        },
    )
