"""Sign-in lockout (django-axes): per username at an address, and per address whatever the username.

django-axes counts failures for each combination in ``AXES_LOCKOUT_PARAMETERS`` but holds the
largest count against one ``AXES_FAILURE_LIMIT``, so it cannot lock a username at an address
after 5 failures and the address itself only after 20. Locking by username and address alone
leaves password spraying free: a few guesses at each of many usernames never reach 5.

``AddressLimitHandler`` keeps axes's lockout by username and address and adds
``AXES_ADDRESS_FAILURE_LIMIT``: once an address has that many failures within the cool-off
time, across all usernames, every sign-in from it is refused until they age out, even with
the right password. Other addresses are not affected. ``lockout_response`` renders the
lockout page saying which of the two happened, in the browser's language (English or
Spanish): paths outside the language prefixes, the admin among them, are otherwise English.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import translation


def address_failures(request):
    """Failed sign-ins from the request's address within the cool-off time, for any username."""
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_is_locked(request):
    return address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT


class AddressLimitHandler(AxesDatabaseHandler):
    """django-axes's database handler, also locking an address that reached ``AXES_ADDRESS_FAILURE_LIMIT``."""

    def get_failures(self, request, credentials=None):
        """The failures held against ``AXES_FAILURE_LIMIT``: at least the limit once the address is locked."""
        failures = super().get_failures(request, credentials)
        if address_is_locked(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the lockout page, for this username at this address or for the whole address."""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "address_locked": address_is_locked(request),
        "address_failure_limit": settings.AXES_ADDRESS_FAILURE_LIMIT,
        "username": get_client_username(request, credentials) or "",
    }
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Content-Language"] = language
    return response
