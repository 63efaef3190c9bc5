"""Security headers on every response: Content Security Policy by path, and Permissions-Policy.

Public pages get the strict ``CONTENT_SECURITY_POLICY`` (nothing inline, nothing from other
origins). The Wagtail admin still relies on inline scripts and styles, so paths under
``ADMIN_URL_PREFIX`` are served ``ADMIN_CONTENT_SECURITY_POLICY`` and the strict policy in
report-only mode, which shows in the browser console what the admin would still break.
Referrer-Policy, X-Content-Type-Options and Cross-Origin-Opener-Policy come from Django's
SecurityMiddleware (settings ``SECURE_*``).
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


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

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = getattr(settings, "PERMISSIONS_POLICY", None)
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy_header(policy)
        return response

