"""The site is American: templates, demo content and every English msgid use US spelling.

A list of British spellings that slipped in before (labour, organisation, centre, cheque …)
and their usual relatives; proper names that are spelled the British way on purpose (the
International Labour Organization) are allowed by exact phrase. Spanish text is not checked.
"""

import ast
import re
import subprocess
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "media", "static_collected", ".git", "__pycache__"}

BRITISH = [
    "labour", "labours", "organisation", "organisations", "organisational", "organise", "organised", "organises",
    "organising", "organiser", "organisers", "centre", "centres", "cheque", "cheques", "colour", "colours",
    "coloured", "favour", "favours", "favourite", "honour", "honoured", "behaviour", "programme", "programmes",
    "licence", "catalogue", "catalogues", "travelling", "travelled", "traveller", "recognise", "recognised",
    "neighbour", "neighbours", "neighbourhood", "defence", "offence", "analyse", "apologise", "authorise",
    "authorised", "prioritise", "realise", "summarise", "mobilise", "mobilising", "criticise", "emphasise",
    "minimise", "harbour", "enrol", "fulfil", "judgement",
    "whilst", "amongst", "towards", "practise", "learnt", "autumn",
]
# Proper names spelled the British way by their owners.
ALLOWED_PHRASES = ["International Labour Organization"]
PATTERN = re.compile(r"\b(" + "|".join(BRITISH) + r")\b", re.IGNORECASE)


def british_words(text):
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, "")
    return sorted({match.group(0) for match in PATTERN.finditer(text)})


def _project_files():
    """The repository's own files (tracked or new, not ignored): no virtualenvs or benchmark checkouts."""
    listing = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split("\n")
    return [ROOT / name for name in listing if name and not name.startswith(".")]


def source_files(pattern):
    for path in _project_files():
        if path.match(pattern) and path.exists() and not SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            yield path


SPANISH_WORDS = {"de", "la", "el", "los", "las", "que", "y", "con", "para", "por", "una", "del", "en", "tu", "su"}
ENGLISH_WORDS = {"the", "and", "of", "to", "for", "with", "a", "in", "our", "your", "by", "or"}


def looks_spanish(text):
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    return sum(w in SPANISH_WORDS for w in words) > sum(w in ENGLISH_WORDS for w in words)


def english_strings_of(path):
    """String literals in a Python module, without the Spanish ones ("cheque" is good Spanish)."""
    tree = ast.parse(path.read_text())
    strings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and not looks_spanish(node.value):
            strings.append(node.value)
    return "\n".join(strings)


def test_the_checker_catches_british_spellings():
    assert british_words("Our organisation's labour centre takes cheques.") == [
        "centre", "cheques", "labour", "organisation"]
    assert british_words("The International Labour Organization and our labor center.") == []
    assert looks_spanish("Dona con cheque o a través de tu organización")
    assert not looks_spanish("Give by check to support the network")


def test_templates_use_us_spelling():
    found = {}
    for path in source_files("*.html"):
        if "templates" in path.parts or path.suffix == ".txt":
            words = british_words(path.read_text())
            if words:
                found[str(path.relative_to(ROOT))] = words
    for path in source_files("*.txt"):
        if "templates" in path.parts:
            words = british_words(path.read_text())
            if words:
                found[str(path.relative_to(ROOT))] = words
    assert found == {}


def test_demo_content_uses_us_spelling():
    """English demo text (Spanish text has no British spellings to find; its words do not match the list)."""
    paths = list(source_files("demo_content.py")) + [ROOT / "nnirr_site/core/demo_builders.py"]
    assert len(paths) >= 8
    found = {str(p.relative_to(ROOT)): british_words(english_strings_of(p)) for p in paths}
    assert {path: words for path, words in found.items() if words} == {}


@pytest.mark.parametrize("catalogue", sorted(str(p.relative_to(ROOT)) for p in source_files("django.po")))
def test_catalogue_msgids_use_us_spelling(catalogue):
    msgids = "\n".join(entry.msgid + "\n" + entry.msgid_plural for entry in polib.pofile(str(ROOT / catalogue))
                       if not entry.obsolete)
    assert british_words(msgids) == []


def test_an_older_demo_database_is_brought_to_us_spelling():
    from nnirr_site.core.us_spelling import americanize

    assert americanize("Community organisers at the labour centre, International Labour Organization") == (
        "Community organizers at the labor center, International Labour Organization")
