"""``/health/`` and ``/health/worker/``: JSON for load balancers and monitors (see ``health.py``)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from nnirr_site.background import health


def _answer(result):
    return JsonResponse(result, status=200 if result["ok"] else 503)


@never_cache
@require_safe
def web_health(request):
    """Can this web process serve pages: database and cache reachable. Worker state is shown but not judged."""
    result = health.report(include_worker=True)
    web_ok = result["database"]["ok"] and result["cache"]["ok"]
    return _answer({**result, "ok": web_ok})


@never_cache
@require_safe
def worker_health(request):
    """Is email going out: the database and cache, and for every queue a live worker and no long-waiting task."""
    return _answer(health.report(include_worker=True))
