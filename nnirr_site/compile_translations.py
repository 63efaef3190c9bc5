"""Compile ``locale/*/LC_MESSAGES/django.po`` to ``.mo`` without GNU gettext.

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


def main(argv):
    check = "--check" in argv
    failures = []
    for po_path in sorted(BASE_DIR.glob("locale/*/LC_MESSAGES/*.po")):
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
