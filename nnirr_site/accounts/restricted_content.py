"""Pages and documents restricted to signed-in users need the second factor, as the admin does.

Wagtail admits any signed-in user to a page or document collection with a "login" view
restriction, and a member of the chosen groups to a "groups" one. Staff are the only accounts
on this site, so that content is staff content, and a password alone must not open it: the
admin asks for a verified second factor (``middleware.py``), and so does this, through
Wagtail's ``before_serve_page`` and ``before_serve_document`` hooks (``wagtail_hooks.py``).

A signed-in user who has not passed the second factor is sent to pass it (or to enrol), then
back to what they asked for. An account that cannot open the admin, where those pages are,
is sent to sign in, as Wagtail sends a user its restriction does not admit. Anonymous visitors
and password restrictions (shared with people without an account) are left to Wagtail.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail.models import BaseViewRestriction

from nnirr_site.accounts import two_factor

SIGNED_IN_ONLY = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def unverified_user(request):
    """The signed-in user who has not passed the second factor, or ``None``.

    Without a session cookie nobody is signed in, and the session is left unread: reading it
    makes the response vary on Cookie, which would keep every public page out of the page cache.
    """
    if two_factor.is_switched_off() or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_verified():
        return None
    return user


def second_factor_response(request, user, restrictions):
    """A redirect to the second factor if ``restrictions`` admit signed-in users only; else ``None``."""
    if not any(restriction.restriction_type in SIGNED_IN_ONLY for restriction in restrictions):
        return None
    if user.has_perm("wagtailadmin.access_admin"):
        response = redirect(two_factor.verification_url(user, request.get_full_path()))
    else:
        login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")
        response = redirect_to_login(request.get_full_path(), login_url)
    add_never_cache_headers(response)
    return response


def for_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook; restrictions are looked up only for a signed-in, unverified user."""
    user = unverified_user(request)
    if user is None:
        return None
    return second_factor_response(request, user, page.get_view_restrictions())


def for_document(document, request):
    """``before_serve_document`` hook, likewise."""
    user = unverified_user(request)
    if user is None:
        return None
    return second_factor_response(request, user, document.collection.get_view_restrictions())
