"""Sub-page slugs in the page's language: ``/es/…/peticion/gracias/`` rather than ``/es/…/thanks/``.

A routable page (a petition, a sign-on letter, the events index and an event) declares its routes once, in English.
``TranslatedRouteSlugsMixin`` makes a Spanish page *write* its links with Spanish slugs
(``reverse_subpage``: redirects after signing, confirmation and withdrawal links in emails) and
*read* both: a Spanish slug is turned back into the declared English one before Wagtail resolves
it, so links already sent in emails with English slugs keep working.
"""

from wagtail.models import Locale

# Declared (English) path segment → the segment a page in that language uses.
ROUTE_SLUGS = {
    "es": {
        "thanks": "gracias", "confirm": "confirmar", "withdraw": "retirar",
        "add": "agregar", "archive": "archivo", "calendar": "calendario",
    },
}

_LANGUAGE_OF_LOCALE = {}


def _language(page):
    """The page's language code, read once per locale and process (a locale's code never changes)."""
    code = _LANGUAGE_OF_LOCALE.get(page.locale_id)
    if code is None:
        code = Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True).first() or ""
        _LANGUAGE_OF_LOCALE[page.locale_id] = code
    return code


def _swap_segments(path, slugs):
    """Replace every known segment of ``path`` (the last one, a token or a year, only if followed by "/")."""
    if not slugs:
        return path
    segments = path.split("/")
    # The segment after the last "/" is never a route word; the ones before it may be.
    return "/".join([slugs.get(segment, segment) for segment in segments[:-1]] + segments[-1:])


def localize_route(path, language):
    """``add/thanks/`` → ``agregar/gracias/`` for Spanish; other paths and languages unchanged."""
    return _swap_segments(path, ROUTE_SLUGS.get(language))


def declared_route(path, language):
    """``/agregar/gracias/`` → ``/add/thanks/`` for Spanish, so the English route declaration resolves it."""
    slugs = ROUTE_SLUGS.get(language)
    if not slugs:
        return path
    return _swap_segments(path, {local: declared for declared, local in slugs.items()})


class TranslatedRouteSlugsMixin:
    """Put before ``RoutablePageMixin``: links in the page's language, both languages accepted."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        return localize_route(super().reverse_subpage(name, args=args, kwargs=kwargs), _language(self))

    def resolve_subpage(self, path):
        return super().resolve_subpage(declared_route(path, _language(self)))
