"""Send staff who have not passed the second factor to enrolment or verification before any admin page."""

from django.conf import settings
from django.shortcuts import redirect

from nnirr_site.accounts import two_factor


class AdminTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: an admin request from a signed-in, unverified user is redirected.

    Users without a confirmed device go to enrolment, others to the verification page; the
    login and logout views, the two-factor pages and static files stay reachable. Only
    ``NNIRR_DEV_SKIP_2FA`` (set in dev.py alone) turns this off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        target = self.redirect_target(request)
        if target:
            return redirect(target)
        return self.get_response(request)

    def redirect_target(self, request):
        if two_factor.is_switched_off():
            return None
        prefix = getattr(settings, "ADMIN_URL_PREFIX", "/admin/")
        path = request.path_info
        if not path.startswith(prefix):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail itself turns them away
        if path in two_factor.exempt_paths():
            return None
        return two_factor.verification_url(user, request.get_full_path())
