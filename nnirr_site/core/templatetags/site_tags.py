"""Template tags for the shared layout: menus, the language switcher and alternate links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from nnirr_site.core import layout_cache, page_ancestors
from nnirr_site.core.models import Menu
from nnirr_site.core.models.pages import site_root_paths

register = template.Library()


@register.simple_tag(takes_context=True)
def get_menu(context, slug):
    """The menu with ``slug`` in the active language (falling back to the default), as text/url items."""
    language = translation.get_language()
    return layout_cache.cached("menu", lambda: _menu_items(slug, language), slug, language, scope="menu")


def _menu_items(slug, language):
    """The menu's items as ``{"text", "url"}``: two queries for the menu and its pages, one more for the
    pages' translations when the menu of the visitor's language links pages of another (Wagtail's
    ``page.localized`` is two queries per page)."""
    menus = {menu.locale.language_code: menu for menu in Menu.objects.filter(
        slug=slug, locale__language_code__in=[language, settings.LANGUAGE_CODE]).select_related("locale")}
    menu = menus.get(language) or menus.get(settings.LANGUAGE_CODE)
    if menu is None:
        return []
    menu_items = list(menu.items.select_related("link_page__locale").order_by("sort_order"))
    foreign = {item.link_page.translation_key for item in menu_items
               if item.link_page_id and item.link_page.locale.language_code != language}
    translated = {}
    if foreign:
        for page in Page.objects.filter(translation_key__in=foreign, locale__language_code=language, live=True):
            translated[page.translation_key] = page
    # Wagtail's ``page.url`` reads the site root paths from the shared cache once per page object (13 file
    # reads for the main menu and the footer's); these are plain pages, handed this process's copy instead.
    root_paths = site_root_paths()
    items = []
    for item in menu_items:
        url = item.link_url
        title = item.label
        if item.link_page_id:
            page = item.link_page
            if page.locale.language_code != language:
                page = translated.get(page.translation_key, page)  # Wagtail's ``localized``: the live translation, else the page
            if not page.live:
                continue
            page._wagtail_cached_site_root_paths = root_paths  # where Wagtail's ``page.url`` looks first
            url = page.url
            title = title or page.title
        items.append({"text": title, "url": url})
    return items


@register.filter
def localized(page):
    """Wagtail's ``page.localized`` (the live translation in the active language, else the page itself)
    without its ``Locale.get_active()`` query per call: the active locale is remembered per language
    for the layout generation (``layout_cache.active_locale``)."""
    if page is None:
        return page
    try:
        locale = layout_cache.active_locale()
    except (LookupError, Locale.DoesNotExist):
        return page
    if locale.id == page.locale_id:
        return page
    translation_ = page.get_translation_or_none(locale)
    return translation_ if translation_ is not None and translation_.live else page


@register.simple_tag
def ancestors_of(page):
    """The page's ancestors from the root down (for the breadcrumbs), shared by its siblings (``page_ancestors.py``)."""
    return page_ancestors.ancestors(page)


@register.simple_tag
def layout_generation(scope="page"):
    """The layout cache's generation of ``scope`` ("page", "menu", "site"), for ``{% cache %}`` keys of
    layout fragments (the footer: ``"menu"``, as it shows the footer menu and the site's settings)."""
    return layout_cache.generation(scope)


@register.simple_tag
def kinds_generation(*labels):
    """The layout cache's generations of the page kinds ``labels`` ("blog.blogpage", ...), for ``{% cache %}``
    keys of fragments that show pages of those kinds only (home's sections: ``layout_cache.kind_entries``)."""
    return "-".join(layout_cache.kinds_stamp(tuple(sorted(label.lower() for label in labels))))


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in each language; a missing translation points to that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page):
        # Kept until the page or one of its translations goes live or moves (or the kinds' epoch changes).
        return layout_cache.cached("language-links", lambda: _page_language_links(page, current), page.pk, current,
                                   kinds=(layout_cache.addresses_kind(page),))
    return _page_language_links(None, current, request)


def _page_language_links(page, current, request=None):
    """The links of ``language_links``: for a page, its live translations (itself included) by language.

    The translations are read as (language, address) pairs from Wagtail's page table, and each address is
    computed as Wagtail's ``page.url`` computes it, on an instance of the page's own type that carries only
    its ``url_path`` (``_address_of``): ``page.get_translations(inclusive=True)`` built each translation as
    a full page of the page's type (a join with its own table, some forty fields), 1.5 ms where this is
    0.6 (in process, bench database, 2026-11-27). Translations of a page are always of its type.
    """
    translations = {}
    if page is not None:
        rows = Page.objects.filter(translation_key=page.translation_key, live=True).values_list(
            "locale__language_code", "id", "url_path")
        for code, page_id, url_path in rows:
            translations[code] = (page_id, url_path)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        translated = target is not None
        if target is not None:
            url = _address_of(page, *target)
        elif page is None and request is not None:
            # Non-page views (search, the email list) keep their path in the other language; translated
            # URL patterns (/email-list/thanks/ ↔ /es/lista-de-correo/gracias/) change their words too.
            path = request.get_full_path()
            url = translate_url(path, code) if code != current else path
            if url == path:
                url = _swap_language_prefix(path, current, code)
            translated = True
        else:
            url = layout_cache.cached("home-url", lambda: _home_url(code), code, scope="site")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": translated,
            }
        )
    return links


def _address_of(page, page_id, url_path):
    """``page.url`` for the page ``page_id`` at ``url_path`` of ``page``'s type (a translation of ``page``):
    Wagtail's address computation reads only the page's ``url_path`` (and the site root paths, which the
    page type's ``_get_site_root_paths`` keeps per process); every other field stays deferred. The page
    itself too: in a preview ``page`` carries the draft, and the links show the live addresses."""
    return type(page).from_db(page._state.db, ["id", "url_path"], [page_id, url_path]).url


def _home_url(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    site_root = Page.objects.filter(depth=2, locale=locale).first() if locale else None
    if site_root and site_root.live:
        return site_root.url
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


def _swap_language_prefix(path, current, target):
    default = settings.LANGUAGE_CODE
    if current != default and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    if target != default:
        path = f"/{target}{path}"
    return path


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (used by pagination and filters)."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
