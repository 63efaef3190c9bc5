"""Remembering which page answers which path, so serving a page needs no routing queries.

Wagtail finds the page for a request with several queries: the site for the
host name, the home page in the visitor's language, the page itself (its base
and specific rows), then its ancestors and their view restrictions. The
answers only change when pages are published, unpublished, moved or deleted,
or when a site or a view restriction changes — exactly the events that start a
new layout generation (``layout_cache.py``). So each server process keeps, for
the current generation only:

- the ``Site`` answering each host name and port (for the *site* generation: a page published elsewhere
  does not make it read again), with its home page in each language (until the home page or one of
  its translations is published);
- each live page found so far, by site, language and path (stored pickled, so
  every request gets its own copy to read and change);
- whether any page has a view restriction at all (usually none, and then
  ``BasePage.get_view_restrictions`` skips its two queries);
- the ancestors of each parent page (``page_ancestors.py``, under this fast path's switch);
- with each page, the images it points to (its share and header images, ``with_images``).

When the page generation changes (any page published) and the site generation does not, a page kept
under the previous generation is carried over to the new one if its own row still shows the same live
revision at the same address (``still_current``: one query on its row and one for its images, instead
of three queries and the ORM's building of the specific page). Measured in process on the bench
database (a new page generation before each render, 40 renders, 05:56, load ~2.7, two alternating
runs): first view of the program page 20.5 / 17.9 -> 18.9 / 14.4 ms, of a blog post 20.8 / 16.8 ->
16.1 / 14.8 ms (10 -> 9 and 11 -> 10 queries).

A page's sub-routes (a petition's ``confirm/<token>/``) are resolved from the
cached page in Python. Any path not found yet is routed as ``Page.route_for_request``
does, from the kept home page (``localized_root``: three queries fewer on the first view
of a page after a publish), and its page remembered. Previews and the admin never pass through here.

Fast path ``route_cache`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves, on a page the page cache
cannot serve: 3.9 ms of 19.4 (20%) on a program page and of 19.6 on a blog post (``bench/fast_paths.py``,
2026-11-26, load average ~3.7). Invalidated by the layout generation (``layout_cache.py``): pages by
the page generation (any page published, unpublished, moved or deleted, any image saved), the Site by
the site generation (a Site, Locale or view restriction saved, a home page unpublished, moved or
published at a new address), the home pages by their translation group's kind as well. Wagtail has no equivalent (its own caching,
wagtail-cache or the frontend cache, keeps whole responses, which is the page cache's job).
"""

import pickle
import threading

from django.db import connection, connections
from django.db.models.query import get_related_populators
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.images import get_image_model
from wagtail.models import Site

from nnirr_site.core import fast_paths, layout_cache


ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def find_site(request, entries):
    """The request's Site, as ``Site.find_for_request`` would find it, remembered per host and port."""
    key = ("site", split_domain_port(request._get_raw_host())[0], request.get_port())
    blob = entries.get(key)
    if blob is not None:
        site = pickle.loads(blob)
        request._wagtail_site = site
        return site
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # kept with the Site: ``remember`` reads it for every new page
        entries[key] = pickle.dumps(site)
    return site


def route(request, path):
    """Set Wagtail's per-request route result for ``path`` from the cache, or route and remember."""
    entries = layout_cache.local_entries()
    site = find_site(request, layout_cache.local_entries("site"))
    if site is None:
        return
    language = translation.get_language()
    components = tuple(part for part in path.split("/") if part)
    key = ("page", site.pk, language, components)
    if key not in entries:
        carried = carry_over(layout_cache.previous_entries().get(key))
        if carried is not None:
            entries[key] = carried
    for length in range(len(components), -1, -1):
        blob = entries.get(("page", site.pk, language, components[:length]))
        if blob is None:
            continue
        page = pickle.loads(blob)
        try:
            result = page.route(request, list(components[length:]))
        except Http404:
            result = None
        request._wagtail_route_for_request = result
        if result is not None and result.page.pk != page.pk:
            remember(entries, site, language, result.page, components)
        return
    # As ``Page.route_for_request`` does, from the site's home page in the visitor's language, which is
    # kept for the site generation (Wagtail reads the locale, the translation and the specific page:
    # three queries on the first view of every page after a publish).
    root = localized_root(site, language)
    try:
        result = root.route(request, list(components))
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    if result is not None:
        remember(entries, site, language, result.page, components)


def still_current(blob):
    """The page kept under the previous page generation (pickled ``blob``), pickled again with its images
    read afresh, if its row still says what it said then: live, at the same address, with the same live
    revision (so the same content). None otherwise, or without ``blob``.

    A publish of another page starts a new page generation but cannot change this page: its route is
    carried over for one query on its own row (and one for its images) instead of routing afresh
    (three queries and the ORM's building of the specific page). What the page shows beside its body
    (page extras, cards, language links) is not carried: another page's publish can change it.
    """
    if blob is None:
        return None
    page = pickle.loads(blob)
    row = _row(page.pk)
    if row is None or row != (page.live, page.url_path, page.live_revision_id):
        return None
    return _refreshed(page)


def carry_over(blob):
    """``still_current(blob)``, or, when the page's own publish gave it a new live revision at the same
    address, the page read afresh by its id as its own type, with its images in the same query (one
    query, where routing from the home page is two and the images a third). None when the page is no
    longer live at that address (unpublished, moved, deleted: routed afresh), or without ``blob``.

    Saves one query and the routing from the home page on the first view of a page after its own
    publish (program page 8 -> 6 queries, blog post 11 -> 9 with the rest unchanged; in process on the
    bench database, 2026-11-27). Not a cache of its own: the previous generation's entry is used only
    for the page's type and id, and read again.
    """
    if blob is None:
        return None
    page = pickle.loads(blob)
    row = _row(page.pk)
    if row is None or not row[0] or row[1] != page.url_path:
        return None
    if row[2] == page.live_revision_id:
        return _refreshed(page)
    fresh = read_with_images(type(page), page.pk)
    if fresh is None or not fresh.live or fresh.url_path != page.url_path:
        return None
    return pickle.dumps(fresh)


_compiled = {}
_compiled_lock = threading.Lock()


def read_with_images(model, page_id):
    """``model._default_manager.select_related(<its image fields>).get(pk=page_id)`` (None if missing),
    with the query compiled once per model and process: Django builds the SQL of that query (some forty
    columns and two joins, and an ORDER BY it does not need) anew on every call, 1.5 of its 2.0 ms
    (in process, program page, bench database, 2026-11-27: 2.0 -> 0.56 ms). The row becomes objects as
    Django's own model iterable makes them (its converters and select_related populators)."""
    entry = _compiled.get(model)
    if entry is None:
        with _compiled_lock:
            queryset = model._default_manager.select_related(*_image_fields(model)).filter(pk=0).order_by()
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            if list(params) != [0]:
                raise ValueError(f"unexpected parameters for {model.__name__}: {params!r}")
            klass_info = compiler.klass_info
            start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            init_list = [column[0].target.attname for column in compiler.select[start:end]]
            entry = _compiled[model] = (queryset.db, compiler, sql, start, end, init_list,
                                        get_related_populators(klass_info, compiler.select, queryset.db))
    db, compiler, sql, start, end, init_list, populators = entry
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [page_id])
        row = cursor.fetchone()
    if row is None:
        return None
    row = next(iter(compiler.results_iter([[row]])))
    page = model.from_db(db, init_list, row[start:end])
    for populator in populators:
        populator.populate(row, page)
    return page


def _row(page_id):
    """(live, url_path, live_revision_id) of the page with ``page_id`` (None if it is gone): one plain query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT live, url_path, live_revision_id FROM wagtailcore_page WHERE id = %s", [page_id])
        row = cursor.fetchone()
    return None if row is None else tuple(row)


def _refreshed(page):
    page.__dict__.pop("_cached_parent_obj", None)  # the parent may have changed; read it again if needed
    if layout_cache.previous_epoch_is_current():
        return pickle.dumps(page)  # no image saved since: the images it carries are current (one query less)
    Image = get_image_model()
    for field in page._meta.concrete_fields:
        if field.many_to_one and field.related_model is Image and field.is_cached(page):
            field.delete_cached_value(page)  # an image may have been saved since
    with_images(page)
    return pickle.dumps(page)


def _image_fields(model):
    """The names of ``model``'s foreign keys to images (listing, social, hero image)."""
    Image = get_image_model()
    return [field.name for field in model._meta.concrete_fields if field.many_to_one and field.related_model is Image]


def localized_root(site, language):
    """``site.root_page.localized.specific``, kept pickled per site and language until the home page or
    one of its translations is published (its translation group's kind) or the kinds' epoch starts (a
    home page unpublished, moved or deleted, a Site or Locale saved: ``layout_cache.py``). Each caller
    gets its own copy."""
    entries = layout_cache.kind_entries((layout_cache.translations_kind(site.root_page),))
    key = ("root", site.pk, language)
    blob = entries.get(key)
    if blob is None:
        blob = entries[key] = pickle.dumps(site.root_page.localized.specific)
    return pickle.loads(blob)


def remember(entries, site, language, page, components):
    """Keep ``page`` under its own path below the home page in ``language``, if it is live.

    Restricted pages are kept too: Wagtail's serve hook checks their restrictions on every request.
    """
    if not page.live:
        return
    root = localized_root(site, language)
    if not page.url_path.startswith(root.url_path):
        return
    own = tuple(part for part in page.url_path[len(root.url_path):].split("/") if part)
    if components[: len(own)] != own:
        return
    with_images(page)
    entries[("page", site.pk, language, own)] = pickle.dumps(page)


def with_images(page):
    """Read the images ``page`` points to (listing, social, hero image) in one query and attach them,
    so they are kept with it: every page's head shows its share image and most detail pages a header
    image, each a query (0.5–1 ms with the ORM's work) on every render otherwise. Images saved or
    deleted start a new generation, like pages."""
    Image = get_image_model()
    fields = [field for field in page._meta.concrete_fields
              if field.many_to_one and field.related_model is Image and not field.is_cached(page)]
    ids = {getattr(page, field.attname) for field in fields} - {None}
    found = Image.objects.in_bulk(ids) if ids else {}
    for field in fields:
        image_id = getattr(page, field.attname)
        if image_id is None or image_id in found:
            field.set_cached_value(page, found.get(image_id))


class RouteCacheMiddleware:
    """Reads the layout generation once per request and fills in Wagtail's page route from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with layout_cache.remember_for_request():
            if getattr(request, "is_dummy", False) and fast_paths.enabled("route_cache"):
                # Wagtail's preview request runs no ``process_view``; the layout asks for its Site (a
                # query). The Site is no draft data: it is read from the site generation's entries.
                find_site(request, layout_cache.local_entries("site"))
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not fast_paths.enabled("route_cache"):
            return None
        if view_func is wagtail_views.serve:
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            route(request, path)
        elif not request.path_info.startswith(ADMIN_PREFIXES):
            # Other public views (search) show the layout too, which asks for the Site.
            find_site(request, layout_cache.local_entries("site"))
        return None
