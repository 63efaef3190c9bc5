"""Site-wide views: search across every page type, and robots.txt."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from nnirr_site.core import card_cache, layout_cache, site_url
from nnirr_site.core.search import search_pages, specific_where_needed

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def paginate(request, items, per_page, count=None):
    """Return a page of ``items``; bad or out-of-range ``?page=`` values fall back gracefully.

    ``count``: how many ``items`` there are, when the caller has counted them already (no count query).
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


@require_GET
def search(request):
    """Full-text search over live pages in the visitor's language."""
    # PostgreSQL cannot store or compare NUL characters; nobody means to search for them.
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    results, fuzzy = None, False
    if query:
        matches, fuzzy = search_pages(query, layout_cache.active_locale())
        results = paginate(request, matches, SEARCH_PAGE_SIZE)
        # Only results whose HTML is not kept yet (card_cache.py) are read in full (summary, date).
        results.object_list = specific_where_needed(
            list(results.object_list), lambda page: not card_cache.is_cached(card_cache.search_result_key(page, request))
        )
    return render(request, "core/search.html", {"query": query, "results": results, "fuzzy": fuzzy})


@require_GET
def robots_txt(request):
    """Allow crawlers everywhere except the admin, and point them at the sitemap."""
    path = reverse("sitemap")
    # On the configured site address, never the Host a request claims (a shared cache could keep it).
    sitemap_url = site_url.absolute(path) if site_url.base_url() else request.build_absolute_uri(path)
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
