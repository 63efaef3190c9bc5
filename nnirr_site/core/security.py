"""Security headers on every response: Content Security Policy by path, and Permissions-Policy.

Public pages get the strict ``CONTENT_SECURITY_POLICY`` (nothing inline, nothing from other
origins). The Wagtail admin still relies on inline scripts and styles, so paths under
``ADMIN_URL_PREFIX`` are served ``ADMIN_CONTENT_SECURITY_POLICY`` and the strict policy in
report-only mode, which shows in the browser console what the admin would still break.
Referrer-Policy, X-Content-Type-Options and Cross-Origin-Opener-Policy come from Django's
SecurityMiddleware (settings ``SECURE_*``).

django-csp builds each header from the settings for every response, which was a third of the
time of a page served from the cache. Here a response that neither a view (``csp_update`` and
friends, ``csp_exempt``) nor a nonce changed gets the headers built once per process for its
kind of path; anything else goes through django-csp as before.

Fast path ``security_headers`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves 0.05–0.10 ms of a page
served from the page cache, which takes 0.3–0.4 ms in process (16–24%; ``bench/fast_paths.py``,
2026-11-26, load average ~3.7) — through gunicorn, where the request costs about 1–2 ms, that is
nearer 5%, so it stays only while it is this small. Invalidation: built once per process and kind of
path; cleared when a setting changes (tests). The headers are the same either way
(``tests/core/test_fast_paths.py``).
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse

from nnirr_site.core import fast_paths

# Response attributes with which views change the policy of one response (django-csp decorators).
PER_RESPONSE_POLICY = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
    "_csp_exempt", "_csp_exempt_ro",
)
# Headers by kind of path (admin or not), built on first use; cleared when a setting changes (tests).
_BUILT = {}


def excluded_prefixes():
    """Paths django-csp leaves without a header (its ``EXCLUDE_URL_PREFIXES``); with any, every response is built."""
    return [
        prefix
        for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
        for prefix in ((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
    ]


@receiver(setting_changed)
def _forget_built_headers(**kwargs):
    _BUILT.clear()


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the policy by path, plus the Permissions-Policy header."""

    def is_admin(self, request):
        return request.path_info.startswith(getattr(settings, "ADMIN_URL_PREFIX", "/admin/"))

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if self.is_admin(request) and parts.config is None:
            if report_only:
                parts.config = default_config(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            else:
                parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def csp_and_permissions_policy(self, request, response):
        """django-csp's headers for ``response``, then the Permissions-Policy header."""
        response = super().process_response(request, response)
        policy = getattr(settings, "PERMISSIONS_POLICY", None)
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy_header(policy)
        return response

    def built_headers(self, request):
        """This kind of path's headers as django-csp builds them for a response nobody changed."""
        admin = self.is_admin(request)
        if admin not in _BUILT:
            built = self.csp_and_permissions_policy(request, HttpResponse())
            _BUILT[admin] = [
                (name, built[name]) for name in (HEADER, HEADER_REPORT_ONLY, "Permissions-Policy") if name in built
            ]
        return _BUILT[admin]

    def process_response(self, request, response):
        plain = (
            fast_paths.enabled("security_headers")
            and getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in PER_RESPONSE_POLICY)
            and not excluded_prefixes()
        )
        if not plain or (settings.DEBUG and response.status_code in (404, 500)):
            return self.csp_and_permissions_policy(request, response)
        for name, value in self.built_headers(request):
            if name not in response:
                response[name] = value
        # As django-csp does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

