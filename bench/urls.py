"""The site's URLs plus bare Django views: the baselines the benchmarks compare against.

``hello`` is the least a view can do behind the site's middleware (the page
benchmark's baseline). ``empty_sign`` and ``empty_confirm`` are the petition
benchmark's empty flow: the same three requests a supporter makes, with the
signature replaced by queueing a task that does nothing, and the confirmation
by nothing at all.
"""

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bench.tasks import nothing
from nnirr_site.urls import urlpatterns as site_urlpatterns


def hello(request):
    """The least a Django view can do, behind the same middleware as every page."""
    return HttpResponse("Hello", content_type="text/plain")


@csrf_exempt
@require_POST
def empty_sign(request):
    """Queue one task that does nothing, in a transaction, as signing queues its email."""
    with transaction.atomic():
        nothing.enqueue(0)
    return HttpResponseRedirect("/bench-hello/", status=303)


@csrf_exempt
@require_POST
def empty_confirm(request):
    return HttpResponse("Thanks", content_type="text/plain")


urlpatterns = [
    path("bench-hello/", hello, name="bench_hello"),
    path("bench-empty/sign/", empty_sign, name="bench_empty_sign"),
    path("bench-empty/confirm/", empty_confirm, name="bench_empty_confirm"),
    *site_urlpatterns,
]
