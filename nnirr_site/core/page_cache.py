"""Whole-page caching for anonymous visitors, cleared whenever published content changes.

A petition that spreads brings many visitors at once, almost all anonymous.
Their GET requests for public pages are answered from the cache, under the
layout cache's generation (``nnirr_site/core/layout_cache.py``): publishing,
unpublishing, moving or deleting a page, or changing a menu, the settings or
a snippet, starts a new generation, so no visitor sees a stale page.

What is never cached:
- requests with a session cookie (editors and anyone logged in), or that are
  not GET/HEAD, or for the admin, documents and other non-page paths;
- responses that are not 200 HTML/XML, or that set a cookie or vary on the
  cookie: a page with a CSRF-protected form (a petition) sets the CSRF cookie,
  so each visitor gets a fresh page and the form keeps working.

A hit carries exactly the headers the miss did: every header the layers
inside this middleware set (X-Frame-Options, Content-Language, Vary,
Content-Length …) is kept with the page, and the layers outside it (security
headers, HSTS) run for hits and misses alike.

Pages are kept per scheme, host and path. Page templates take absolute links
from ``WAGTAILADMIN_BASE_URL`` (``{% absolute_url %}``), never from the Host
header; anything that still shows the request's host (robots.txt's sitemap
line) is only ever served back to that host.

Cached responses say ``Cache-Control: public, max-age=…`` so a CDN or nginx
in front may keep them for a short time too; everything else a visitor gets
says ``private``. ``X-Page-Cache: hit|miss`` tells which way a page came.

Fast path ``page_cache`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``; ``PAGE_CACHE_SECONDS=0`` also turns it
off). Saves 12.4 ms of 12.7 (98%) on the home page and 30.5 ms of 30.9 (99%) on the blog index, in
process (``bench/fast_paths.py``, 2026-11-26, load average ~3.7). Invalidation: the layout generation.
Django's per-site cache middleware would keep pages too, but knows no generation (a publish would
have to clear the whole cache) and keys on the Host header; ``wagtail.contrib.frontend_cache`` purges a
CDN or nginx in front, which production can add on top (README, "Running at scale").
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from nnirr_site.core import fast_paths, layout_cache

EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
CACHEABLE_TYPES = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml", "text/plain")
# Headers that belong to one response, not to the page: never kept with it.
PER_RESPONSE_HEADERS = {"date", "x-page-cache", "set-cookie"}


def _key(request):
    return ":".join(["page", layout_cache.generation(), request.scheme, request.get_host(), request.get_full_path()])


def is_cacheable_request(request):
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and fast_paths.enabled("page_cache")
        and request.method in ("GET", "HEAD")
        # Wagtail's preview request (``make_preview_request``) carries the page's own address: never
        # answered from, nor stored as, the public page.
        and not getattr(request, "is_dummy", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and len(request.get_full_path()) <= 500
    )


def is_cacheable_response(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    vary = response.get("Vary", "").lower()
    return (
        response.status_code == 200
        and content_type in CACHEABLE_TYPES
        and not response.cookies
        and "cookie" not in vary
        and not response.has_header("Cache-Control")
        and not getattr(response, "streaming", False)
    )


class AnonymousPageCacheMiddleware:
    """Serve and store public pages for visitors without a session (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            self._mark_public(response)
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            headers = {name: value for name, value in response.items() if name.lower() not in PER_RESPONSE_HEADERS}
            cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
            self._mark_public(response)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def _mark_public(response):
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_CDN_SECONDS)
