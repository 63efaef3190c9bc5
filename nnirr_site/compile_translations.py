"""Compile every ``django.po`` (the project's ``locale/`` and each app's own) to ``.mo`` without GNU gettext.

``make run`` and ``make test`` call this so a fresh machine needs no system
package for translations. With ``--check`` it also fails when any entry is
untranslated or fuzzy, so a missing Spanish string stops the test run.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent


def problems_in(po):
    """Entries that would show English to a Spanish reader."""
    bad = [f"untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    bad += [f"fuzzy: {entry.msgid!r}" for entry in po.fuzzy_entries()]
    return bad


def catalogues(base=BASE_DIR):
    """The project catalogue and each app's (``<app>/locale/``), never one inside the virtualenv."""
    found = base.glob("locale/*/LC_MESSAGES/*.po")
    found = [*found, *(path for path in base.glob("*/**/locale/*/LC_MESSAGES/*.po") if not path.relative_to(base).parts[0].startswith("."))]
    return sorted(set(found))


def main(argv):
    check = "--check" in argv
    failures = []
    for po_path in catalogues():
        po = polib.pofile(str(po_path))
        if check:
            failures += [f"{po_path.relative_to(BASE_DIR)}: {problem}" for problem in problems_in(po)]
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(f"{len(failures)} translation problem(s).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
