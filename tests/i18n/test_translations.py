"""Every interface string has a Spanish translation, and the catalogue has nothing fuzzy."""

import os
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from nnirr_site.compile_translations import problems_in

PO_PATH = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_committed_catalogue_has_no_untranslated_or_fuzzy_entries():
    assert problems_in(polib.pofile(str(PO_PATH))) == []


SOURCE_DIRS = ["nnirr_site", "campaigns", "supporter_actions", "resources", "blog", "templates"]


def test_every_string_in_the_source_is_in_the_catalogue(tmp_path):
    """Extract the strings again, from a copy of the source, into a copy of the catalogue.

    makemessages writes to the ``locale`` folder nearest each source file, so
    it runs on a copy: the committed catalogue is never touched.
    """
    base = Path(settings.BASE_DIR)
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
    problems = problems_in(polib.pofile(str(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po")))
    assert problems == [], "Run makemessages -l es and translate:\n" + "\n".join(problems)
