"""PostgreSQL full-text search that stems each page in its own language, ignoring accents.

Wagtail's database backend takes one ``SEARCH_CONFIG`` for everything. Our
pages are in English or Spanish, so this backend picks the text-search
configuration per language: when a page is indexed, from the page's locale;
when a visitor searches, from the active language. Both configurations pass
words through ``unaccent`` before stemming (see migration
``core.0003_search_configurations``), so "inmigracion" finds "inmigración".
"""

import threading
from collections import defaultdict

from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

_indexing = threading.local()


def language_of(obj):
    """The language an object is written in: its locale's, else the site's default language."""
    locale = getattr(obj, "locale", None)
    code = getattr(locale, "language_code", None) if locale is not None else None
    return code or settings.LANGUAGE_CODE


class LocaleAwareIndex(PostgresIndex):
    """Indexes each object with the text-search configuration of its language."""

    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_language(language_of(obj))].append(obj)
        for config, group in groups.items():
            _indexing.config = config
            try:
                super().add_items(model, group)
            finally:
                _indexing.config = None


class LocaleAwareSearchBackend(PostgresSearchBackend):
    """Database search backend with one text-search configuration per language.

    ``LANGUAGE_CONFIGS`` maps language codes to configurations; ``SEARCH_CONFIG``
    is the fallback for any other language.
    """

    index_class = LocaleAwareIndex

    def __init__(self, params):
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
        super().__init__(params)

    @property
    def config(self):
        indexing_config = getattr(_indexing, "config", None)
        if indexing_config:
            return indexing_config
        return self.config_for_language(translation.get_language() or settings.LANGUAGE_CODE)

    @config.setter
    def config(self, value):
        self.default_config = value

    def config_for_language(self, language_code):
        code = (language_code or "").split("-")[0]
        return self.language_configs.get(code, self.default_config)


SearchBackend = LocaleAwareSearchBackend
