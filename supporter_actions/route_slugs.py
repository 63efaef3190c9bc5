"""Sub-page slugs in the page's language: ``/es/…/peticion/gracias/`` rather than ``/es/…/thanks/``.

A routable action page (a petition, a sign-on letter) declares its routes once, in English.
``TranslatedRouteSlugsMixin`` makes a Spanish page *write* its links with Spanish slugs
(``reverse_subpage``: redirects after signing, confirmation and withdrawal links in emails) and
*read* both: a Spanish slug is turned back into the declared English one before Wagtail resolves
it, so links already sent in emails with English slugs keep working.
"""

from wagtail.models import Locale

# Declared (English) first path segment → the segment a page in that language uses.
ROUTE_SLUGS = {
    "es": {"thanks": "gracias", "confirm": "confirmar", "withdraw": "retirar"},
}

_LANGUAGE_OF_LOCALE = {}


def _language(page):
    """The page's language code, read once per locale and process (a locale's code never changes)."""
    code = _LANGUAGE_OF_LOCALE.get(page.locale_id)
    if code is None:
        code = Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True).first() or ""
        _LANGUAGE_OF_LOCALE[page.locale_id] = code
    return code


def localize_route(path, language):
    """``thanks/`` → ``gracias/`` for Spanish; other paths and languages unchanged."""
    slugs = ROUTE_SLUGS.get(language)
    first, separator, rest = path.partition("/")
    if slugs and separator and first in slugs:
        return f"{slugs[first]}/{rest}"
    return path


def declared_route(path, language):
    """``/gracias/`` → ``/thanks/`` for Spanish, so the English route declaration resolves it."""
    slugs = ROUTE_SLUGS.get(language)
    if not slugs:
        return path
    english = {local: declared for declared, local in slugs.items()}
    first, separator, rest = path.lstrip("/").partition("/")
    if separator and first in english:
        return f"/{english[first]}/{rest}"
    return path


class TranslatedRouteSlugsMixin:
    """Put before ``RoutablePageMixin``: links in the page's language, both languages accepted."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        return localize_route(super().reverse_subpage(name, args=args, kwargs=kwargs), _language(self))

    def resolve_subpage(self, path):
        return super().resolve_subpage(declared_route(path, _language(self)))
