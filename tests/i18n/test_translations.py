"""Every interface string has a Spanish translation, and the catalogue has nothing fuzzy."""

import os
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from nnirr_site.compile_translations import catalogues, problems_in

BASE = Path(settings.BASE_DIR)
# Apps with their own catalogue (``<app>/locale/es``) keep their strings there; the rest go to ``locale/es``.
NOT_SOURCE = {"tests", "bench", "locale", "media", "static", "node_modules"}
SOURCE_DIRS = sorted(
    path.name
    for path in BASE.iterdir()
    if path.is_dir() and not path.name.startswith(".") and path.name not in NOT_SOURCE
    and ((path / "__init__.py").exists() or path.name == "templates")
)


def spanish_catalogues(base):
    return [path for path in catalogues(base) if path.parts[-3] == "es"]


def test_committed_catalogues_have_no_untranslated_or_fuzzy_entries():
    found = spanish_catalogues(BASE)
    assert BASE / "locale" / "es" / "LC_MESSAGES" / "django.po" in found
    for po_path in found:
        assert problems_in(polib.pofile(str(po_path))) == [], po_path


def test_every_string_in_the_source_is_in_the_catalogue(tmp_path):
    """Extract the strings again, from a copy of the source, into a copy of the catalogue.

    makemessages writes to the ``locale`` folder nearest each source file, so
    it runs on a copy: the committed catalogue is never touched.
    """
    base = BASE
    for name in SOURCE_DIRS:
        shutil.copytree(base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(base / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
            call_command("makemessages", locale=["es"], no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    problems = []
    for po_path in spanish_catalogues(tmp_path):
        where = po_path.relative_to(tmp_path)
        problems += [f"{where}: {problem}" for problem in problems_in(polib.pofile(str(po_path)))]
    assert problems == [], "Run makemessages -l es and translate:\n" + "\n".join(problems)
