"""Site-wide views: search across every page type, and robots.txt."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def paginate(request, items, per_page):
    """Return a page of ``items``; bad or out-of-range ``?page=`` values fall back gracefully."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


@require_GET
def search(request):
    """Full-text search over live pages in the visitor's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = paginate(request, pages.search(query), SEARCH_PAGE_SIZE)
    return render(request, "core/search.html", {"query": query, "results": results})


@require_GET
def robots_txt(request):
    """Allow crawlers everywhere except the admin, and point them at the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
