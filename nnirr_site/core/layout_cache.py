"""Caching of what every page shows around its content (menus, footer, language links) and of home's sections.

The shared layout costs more database queries than most page bodies. Its
pieces are cached under a *generation*: a random value kept in the cache and
replaced whenever what they show may have changed. Old entries then simply stop
being read and expire. The cache must be shared by every process that serves the
site (see ``CACHES`` in settings) for a change to show everywhere at once. Each
process also keeps what it has read for the current generation in memory
(``local_entries``), so a piece costs one shared-cache read per process and
generation, not one per request.

A publish forgets only what it can change. There are three generations, from the widest scope:

- ``"site"``: what no page publish below a home page can change: the Site answering each host (and
  its home page in each language, ``route_cache.py``), Wagtail's site root paths, the active
  locales, the site settings with their offices, the public email lists, the home addresses in
  each language, whether any page has a view restriction. A new one starts when a Site, a Locale,
  the site settings, an office, an email list or a view restriction is saved or deleted, or a home
  page (depth 2, or any page a Site has as its root, any language) is unpublished, moved, deleted,
  or published for the first time or at a new address. A home page published in place (live before,
  same address) is a page like any other: its kind (home's sections, its routing) and the pages.
- ``"menu"``: the menus and the footer (which shows the footer menu). Also when a menu or a menu
  item is saved or deleted, or a page a menu links to, a translation of one, or an ancestor of one
  is unpublished, moved or deleted, or published with a new title, address or for the first time
  (``page_changed``; a publish that changes none of these leaves the menus as they were).
- ``"page"``: everything else (routes, search results, home's sections, whole pages): any page
  published, unpublished, moved or deleted, any image, document, tag, blog author or topic, or
  service saved.

Below the page generation, pieces that read pages of known models only are kept by *page kind*
(``kind_entries``, ``cached(..., kinds=...)``): one generation per page model, and an *epoch* for all
of them. Publishing a page starts a generation of its model only; anything else that starts any
generation above (a page unpublished, moved or deleted, a slug changed — every address below moves —,
an image, tag, snippet, Site or setting saved) starts the epoch too. So when a blog post is published,
a program page keeps its campaigns and related resources (``page_extras.py``, kinds program, campaign,
resource), its language links (its translation group's addresses: ``addresses_kind``), its breadcrumbs
(``page_ancestors.py``: the pages that can have children, ``PARENTS_KIND``) and its cards
(``card_cache.py``: under each card's page's live revision); the blog index rebuilds its tag counts and
the post's own card only. A publish that leaves the page live at its address (``page_published_in_place``)
starts neither its group's addresses nor, unless its title changed, the parents: the page's own
language links and the breadcrumbs below it stay. A piece that names its kinds must name every page
model it reads; ``tests/core/test_layout_kinds.py`` shows each change on the next request.

A new generation of a scope starts one of every narrower scope too. The first view of a page after
another page (in no menu) is published therefore reads the menus, the footer and the site's pieces
from memory; measured in process on the bench database (``/tmp``-style script: a new page generation
before each render, 2026-11-27 05:19, load ~3-5): program page 40.5 -> 19.4 ms (23 -> 10 queries),
blog post 39.1 -> 19.8, home 77.3 -> 34.2, blog index 62.6 -> 22.7 (together with the cheaper cold
builds in ``route_cache.py``, ``site_settings.py`` and ``file_cache.py``).

Fast path ``layout_cache`` (``NNIRR_FAST_PATHS``, ``fast_paths.py``). Saves, on a page the page cache
cannot serve: 16 ms of 36 (45%) on the home page and 9 ms of 51 (18%) on a program page
(``bench/fast_paths.py``, 2026-11-26, load average ~3.7). Invalidation: the generations above.
Django's ``{% cache %}`` fragment (or ``{% wagtailcache %}``) keyed on the generation would do the same
for a piece of HTML, and the footer uses it so (keyed on the menu generation); menus and language links
are data several templates use, so they are kept as data.
"""

import threading
import uuid
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from nnirr_site.core import fast_paths

GENERATION_KEY = "layout-generation"
TIMEOUT = 60 * 60 * 24
# The narrower scopes, widest first: starting a generation of a scope starts one of every scope after it
# too (a new Site changes the menus' addresses; anything the layout shows can change a page).
SCOPES = ("site", "menu", "page")
SCOPE_KEYS = {"site": "layout-generation-site", "menu": "layout-generation-menu", "page": GENERATION_KEY}
# Page kinds (``kind_entries``): one generation per page model, replaced when a page of that model is
# published, and an epoch replaced by every other change that starts a generation of any scope.
KINDS_EPOCH_KEY = "layout-generation-kinds"
KIND_KEY_PREFIX = "layout-generation-kind:"
# A kind of its own for every page that can have children (an ancestor is one): a publish of one starts
# it as well as its model's, so breadcrumbs depend on one key, not one per such model.
PARENTS_KIND = "parents"

# Inside a request the generation is read from the cache once (``remember_for_request``), not
# once per cached piece; outside requests (workers, shells) every call reads it.
_request_generation = ContextVar("layout_generation", default=None)


def _page_generation():
    memo = _request_generation.get()
    if memo:
        return memo
    value = _read_or_create(GENERATION_KEY)
    if memo is not None:  # "" marks a request that has not read it yet
        _request_generation.set(value)
    return value


def _read_or_create(key):
    value = cache.get(key)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(key, value, None)
        value = cache.get(key, value)
    return value


# The site and menu generations as last read by this process, with the page generation current then.
# Every new site or menu generation also starts a page generation (written last), so while the page
# generation is unchanged they are too, and a request reads one key, not three.
_scoped = {"page": None}
_scoped_lock = threading.Lock()


def _known():
    """The site, menu and kinds generations as last read by this process, for the current page generation.

    The kinds' epoch is read with them; each page kind's generation is read on first use (``kinds_stamp``).
    A kind or epoch key is written before the page key it goes with, so a process that sees a new page
    generation reads them afresh and never keeps an older value than the page generation it has.
    """
    page = _page_generation()
    known = _scoped
    if known["page"] != page:
        with _scoped_lock:
            known = {"page": page, **{name: _read_or_create(SCOPE_KEYS[name]) for name in ("site", "menu")},
                     "epoch": _read_or_create(KINDS_EPOCH_KEY), "kinds": {}}
            globals()["_scoped"] = known
    return known


def generation(scope="page"):
    """The current generation of ``scope`` ("page", "menu" or "site"), creating one if the cache has none."""
    if scope == "page":
        return _page_generation()
    return _known()[scope]


def kinds_stamp(labels):
    """The current generations of the page kinds ``labels`` (model labels, lower case), with the epoch."""
    known = _known()
    kinds = known["kinds"]
    stamp = [known["epoch"]]
    for label in labels:
        value = kinds.get(label)
        if value is None:
            value = kinds[label] = _read_or_create(KIND_KEY_PREFIX + label)
        stamp.append(value)
    return tuple(stamp)


class remember_for_request:
    """Context manager: within it, ``generation()`` reads the cache at most once."""

    def __enter__(self):
        self.token = _request_generation.set("")

    def __exit__(self, *exc):
        _request_generation.reset(self.token)


def _set_new_generation(scope="site", kind=None):
    # First what goes with the page generation (see ``_known``): the published page's kind (a label, or
    # several), or else the epoch of every kind; then the scopes, the page generation last (``_scoped``).
    for key in ([KIND_KEY_PREFIX + label for label in ((kind,) if isinstance(kind, str) else kind)] if kind
                else [KINDS_EPOCH_KEY]):
        cache.set(key, uuid.uuid4().hex, None)
    for name in SCOPES[SCOPES.index(scope):]:
        value = uuid.uuid4().hex
        cache.set(SCOPE_KEYS[name], value, None)
    if _request_generation.get() is not None:
        _request_generation.set(value)  # this request sees its own change at once


def new_generation(scope="site", kind=None, **kwargs):
    """Forget the cached pieces of ``scope`` and every narrower scope (after the current transaction
    commits). A signal receiver: with no scope given, every piece (the safe answer for any change).

    With ``kind`` (a page model's label, or labels: a page of it was published, nothing else), the pieces kept by
    page kind (``kind_entries``) that do not depend on that kind are kept; without, none is.
    """
    if scope not in SCOPES:  # connected as a receiver, ``scope`` may be absent only
        scope = "site"
    transaction.on_commit(lambda: _set_new_generation(scope, kind))


def new_page_generation(**kwargs):
    """Forget what a page publish can change (routes, page extras, cards, language links, pages);
    keep the menus and the site's pieces."""
    new_generation("page")


def new_menu_generation(**kwargs):
    """Forget the menus (and the footer that shows one) and every page piece; keep the site's pieces."""
    new_generation("menu")


def page_changed(sender=None, instance=None, url_path_before=None, **kwargs):
    """A page was published, unpublished, moved or deleted: forget what that can change.

    - A site's home page (depth 2, or any page a Site has as its root, in any language) unpublished,
      moved, deleted, or published at a new address or for the first time: every scope (the site root
      paths, the home addresses in each language and the Site records' root pages come from it).
    - A page a menu links to, a translation of one (a menu shows the page in the visitor's language),
      or an ancestor of one (its address starts with the ancestor's): the menus and every page piece.
      A publish that leaves the page live at the same address (``page_published_in_place``) changes
      only what the page itself shows: the menus are forgotten only if a menu links it (or a
      translation of it) and its title changed.
    - Any other page: the page pieces only. Menus, site lookup, settings, locales, email lists and
      view-restriction flags stay.

    A publish (``page_published``: the page's content, title or slug changed, or it went live) starts a
    generation of the page's kind only: the pieces kept by kind (``kind_entries``) for other kinds stay.
    A home page published in place is such a publish too: home's own sections and routing are kept by
    its kind (``route_cache.localized_root``, ``home_page.html``). Everything else (unpublished, moved,
    deleted; a slug changed, which moves every page below: ``page_slug_changed``) starts the kinds'
    epoch: no such piece stays.
    """
    published = kwargs.get("signal") is page_published
    before = instance.__dict__.pop(BEFORE_PUBLISH, None) if published and instance is not None else None
    in_place = page_published_in_place(instance, before)
    if instance is None or ((getattr(instance, "depth", 0) <= 2 or _is_site_root(instance)) and not in_place):
        return new_generation("site")
    kind = None
    if published:
        # Its model's kind and its translation group's always (its content changed); the group's
        # addresses (language links) only if it went live or moved, the parents (breadcrumbs: titles
        # and addresses) only for a page that can have children whose title or address changed.
        kind = (kind_label(instance), translations_kind(instance),
                *(() if in_place else (addresses_kind(instance),)),
                *((PARENTS_KIND,) if instance.allowed_subpage_models() and not (in_place and before[1] == instance.title)
                  else ()))
    if in_place:
        in_a_menu = before[1] != instance.title and _in_a_menu(instance, ancestors=False)
    else:
        in_a_menu = _in_a_menu(instance, url_path_before)
    if in_a_menu:
        return new_generation("menu", kind)
    return new_generation("page", kind)


def slug_changed(sender=None, instance=None, instance_before=None, **kwargs):
    """``page_slug_changed``: the page and every page below it have new addresses. Every kind's epoch, and
    the menus if one links the page or a page below it (their addresses), the site's pieces for a home."""
    if instance is None or getattr(instance, "depth", 0) <= 2 or _is_site_root(instance):
        return new_generation("site")
    before = getattr(instance_before, "url_path", None)
    return new_generation("menu" if _in_a_menu(instance, before) else "page")


# The page's row as it was just before a publish saved it (``remember_before_publish``), read by
# ``page_changed`` from the published instance.
BEFORE_PUBLISH = "_layout_cache_before_save"


def remember_before_publish(sender=None, instance=None, update_fields=None, raw=False, **kwargs):
    """``pre_save`` of a page saved whole (a publish saves the page whole; a draft saves a few fields):
    note its live flag, title and address as stored, so ``page_changed`` can tell what the publish
    changed. One query on that save (connected for page models only)."""
    from wagtail.models import Page

    if raw or update_fields is not None or instance is None or instance.pk is None:
        return
    row = Page.objects.filter(pk=instance.pk).values_list("live", "title", "url_path").first()
    instance.__dict__[BEFORE_PUBLISH] = row


def page_published_in_place(page, before):
    """Whether a publish left ``page`` live at the address it had (``before``: its live flag, title and
    address as stored before the publish saved it; None when not known: the safe answer is False)."""
    return bool(page is not None and before and before[0] and page.live and before[2] == page.url_path)


def translations_kind(page):
    """A kind of its own for a page and its translations: started when any of them is published, for what
    shows their content but no other page of their model (home's routing, a post's chosen posts)."""
    return f"translations:{page.translation_key}"


def addresses_kind(page):
    """A kind of its own for the addresses of a page and its translations (which of them are live, where):
    their language links. Started when one of them is published for the first time or at a new address;
    a publish in place keeps it (``page_published_in_place``)."""
    return f"addresses:{page.translation_key}"


def kind_label(page_or_model):
    """The label of a page's (or page model's, or a label's) own model, as kinds are named: "blog.blogpage"."""
    if isinstance(page_or_model, str):
        return page_or_model.lower()
    if isinstance(page_or_model, type):
        return page_or_model._meta.label_lower
    return (page_or_model.specific_class or type(page_or_model))._meta.label_lower


def _is_site_root(page):
    """Wagtail's ``is_site_root`` (a query): a Site rooted below the usual depth 2, or its translations."""
    try:
        return page.is_site_root()
    except Exception:  # a page being deleted whose tree is half gone: the safe answer
        return True


def _in_a_menu(page, url_path_before=None, ancestors=True):
    """Whether ``page`` is, translates, or (with ``ancestors``) is an ancestor of a page some menu item
    links to (one query)."""
    from django.apps import apps
    from django.db.models import Q

    MenuItem = apps.get_model("core", "MenuItem")
    paths = {path for path in (page.url_path, url_path_before) if path} if ancestors else ()
    condition = Q(link_page__translation_key=page.translation_key)
    for path in paths:
        condition |= Q(link_page__url_path__startswith=path)
    return MenuItem.objects.filter(link_page__isnull=False).filter(condition).exists()


def cached(name, build, *parts, scope="page", kinds=None):
    """``build()``'s value, cached under ``name`` and ``parts`` for the current generation of ``scope``
    or, given ``kinds``, of those page kinds (``kind_entries``)."""
    if not fast_paths.enabled("layout_cache"):
        return build()
    # This process's copy first: the shared cache is a file read (or a Redis round trip) per piece.
    entries = local_entries(scope) if kinds is None else kind_entries(kinds)
    local_key = ("layout", name, *parts)
    if local_key in entries:
        return entries[local_key]
    if kinds is None:
        stamp = (scope, generation(scope))
    else:
        labels = sorted({kind_label(kind) for kind in kinds})
        stamp = ("kinds", *labels, *kinds_stamp(labels))
    key = ":".join(["layout", *stamp, name, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    entries[local_key] = value
    return value


def remembered(name, build, scope="page"):
    """``build()``'s value kept in this process's memory for the current generation of ``scope``
    (read-only for callers).

    For what Wagtail itself keeps in the shared cache and reads once per page it handles (the site root
    paths behind every ``page.url``), when the generation already changes whenever that value can.
    """
    if not fast_paths.enabled("layout_cache"):
        return build()
    entries = local_entries(scope)
    if name not in entries:
        entries[name] = build()
    return entries[name]


_local = {scope: {"generation": None, "entries": {}, "previous": {}, "site": None} for scope in SCOPES}
_local_lock = threading.Lock()
MAX_LOCAL_ENTRIES = 5000


def local_entries(scope="page"):
    """A dict in this process's memory for the current generation of ``scope``, emptied when it changes.

    For values read on nearly every request (the route cache, petition details in emails), where
    even a cache round trip counts. Values put here are shared by threads: store them pickled,
    or treat them as read-only.
    """
    current = generation(scope)
    local = _local[scope]
    if local["generation"] != current:
        with _local_lock:
            if local["generation"] != current:
                # The page entries of the generation that ends are kept aside while the site generation is
                # the same (``previous_entries``); any other change forgets them.
                site = generation("site") if scope == "page" else None
                keep = scope == "page" and local["generation"] is not None and local["site"] == site
                local["previous"] = local["entries"] if keep else {}
                local["entries"] = {}
                local["generation"] = current
                local["site"] = site
                if scope == "page":  # each page generation has one epoch (written before it: ``_known``)
                    local["previous_epoch"] = local.get("epoch") if keep else None
                    local["epoch"] = _known()["epoch"]
    entries = local["entries"]
    if len(entries) > MAX_LOCAL_ENTRIES:  # a site far larger than expected: start afresh rather than grow
        entries.clear()
    return entries


_kind_local = {}


def kind_entries(kinds):
    """A dict in this process's memory for the current generations of the page kinds ``kinds`` (page
    models, or pages standing for their model), emptied when any of them changes or the epoch does.

    For a piece that reads pages of those kinds only (and images, documents, tags, snippets, Sites,
    settings: any change to those starts the epoch). A publish of a page of another kind keeps it: a
    program page's campaigns and resources stay when a blog post is published. ``kinds=()``: only the
    epoch (a page's card under its own live revision). Same rules as ``local_entries`` for the values.
    """
    labels = tuple(sorted({kind_label(kind) for kind in kinds}))
    stamp = kinds_stamp(labels)
    slot = _kind_local.get(labels)
    if slot is None or slot[0] != stamp:
        with _local_lock:
            slot = _kind_local.get(labels)
            if slot is None or slot[0] != stamp:
                slot = _kind_local[labels] = (stamp, {})
    entries = slot[1]
    if len(entries) > MAX_LOCAL_ENTRIES:
        entries.clear()
    return entries


def previous_entries():
    """This process's page entries of the page generation before the current one, if the site generation
    has not changed since (else empty). Read-only, and only for a value that is checked against the
    database before it is used again (a page's route: ``route_cache.still_current``)."""
    local_entries()
    return _local["page"]["previous"]


def previous_epoch_is_current():
    """Whether the kinds' epoch is the same as when ``previous_entries`` were kept: then only publishes
    (of pages, each checked on its own) happened since, and no image, document, tag, snippet, Site or
    setting was saved, no page moved, unpublished or deleted."""
    local_entries()
    page = _local["page"]
    return page.get("previous_epoch") is not None and page.get("previous_epoch") == page.get("epoch")


def active_locale():
    """Wagtail's ``Locale.get_active()`` (a query each time), remembered per language for the site
    generation (a Locale saved or deleted starts one)."""
    from wagtail.models import Locale
    from django.utils import translation

    return remembered(("locale", translation.get_language()), Locale.get_active, scope="site")


def connect_signals(site_models=(), menu_models=(), page_models=()):
    """Start a new generation of the right scope whenever something the caches keep changes.

    The project's own models are given by the core app's ``ready`` (so this module imports no model
    of the project): ``site_models`` (site settings, offices) start a generation of every scope,
    ``menu_models`` (menus and their items) one of the menus and pages, ``page_models`` (tags) one of
    the pages. Pages published, unpublished, moved or deleted: ``page_changed``.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"layout-cache-{signal!r}")
    # A new slug moves every page below (their addresses): no piece kept by kind stays.
    page_slug_changed.connect(slug_changed, dispatch_uid="layout-cache-page-slug-changed")
    for model in get_page_models():
        pre_save.connect(remember_before_publish, sender=model, dispatch_uid=f"layout-cache-before-publish-{model._meta.label}")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="layout-cache-page-delete")
    # Sites, locales and view restrictions: the route cache (route_cache.py), the site root paths and
    # the restriction flag (view_restrictions.py) are kept in the site scope.
    receivers = [(model, new_generation) for model in (*site_models, Site, Locale, PageViewRestriction)]
    receivers += [(model, new_menu_generation) for model in menu_models]
    # Images and documents: a card or a page may show an image's renditions or a document's size.
    receivers += [(model, new_page_generation) for model in (*page_models, get_image_model(), get_document_model())]
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"layout-cache-{model.__name__}-{signal!r}")
