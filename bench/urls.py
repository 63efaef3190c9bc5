"""The site's URLs plus a bare Django view: the baseline the page benchmark compares against."""

from django.http import HttpResponse
from django.urls import path

from nnirr_site.urls import urlpatterns as site_urlpatterns


def hello(request):
    """The least a Django view can do, behind the same middleware as every page."""
    return HttpResponse("Hello", content_type="text/plain")


urlpatterns = [path("bench-hello/", hello, name="bench_hello"), *site_urlpatterns]
