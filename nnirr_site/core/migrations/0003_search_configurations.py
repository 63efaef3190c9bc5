"""Text-search configurations per language that fold accents before stemming, and fuzzy-search indexes.

``nnirr_english`` and ``nnirr_spanish`` copy PostgreSQL's built-in
configurations but send words through the ``unaccent`` dictionary first, so
a query typed without accents matches accented words and the other way round.
``f_unaccent`` (an immutable wrapper) and the trigram indexes serve the fuzzy
fallback when a query finds nothing.
"""

from django.db import migrations

WORD_TOKENS = "asciihword, asciiword, hword_asciipart, hword, hword_part, word"

FORWARD = f"""
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$;
DROP TEXT SEARCH CONFIGURATION IF EXISTS nnirr_english;
CREATE TEXT SEARCH CONFIGURATION nnirr_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION nnirr_english ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, english_stem;
DROP TEXT SEARCH CONFIGURATION IF EXISTS nnirr_spanish;
CREATE TEXT SEARCH CONFIGURATION nnirr_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION nnirr_spanish ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, spanish_stem;
CREATE INDEX IF NOT EXISTS modelsearch_title_text_unaccent_trgm
    ON wagtailsearch_indexentry USING gin (f_unaccent(title_text) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS modelsearch_body_text_unaccent_trgm
    ON wagtailsearch_indexentry USING gin (f_unaccent(body_text) gin_trgm_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS modelsearch_title_text_unaccent_trgm;
DROP INDEX IF EXISTS modelsearch_body_text_unaccent_trgm;
DROP TEXT SEARCH CONFIGURATION IF EXISTS nnirr_english;
DROP TEXT SEARCH CONFIGURATION IF EXISTS nnirr_spanish;
DROP FUNCTION IF EXISTS f_unaccent(text);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_postgres_extensions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
