"""Site search: which pages match, in which order, and what kind of page each result is, in plain words.

PostgreSQL full-text search (``search_backend.py``) finds the pages. When nothing matches every
word (a typo: "refugee rigths"), the pages matching any of the words come next, and when nothing
matches any word, a fuzzy search (trigram similarity, which reads every page's text and was 20 ms of
the typo search's 45) finds pages that come close.
Either way the backend ranks a page whose *body* mentions the words often above one whose title
names them, and the fuzzy search happily puts the Donate page first. So the first
``RERANKED`` results are put in order again, in Python, by:

1. how many of the visitor's words are in the title (a word counts when it is close enough to a
   title word: "rigths" to "Rights", "refugee" to "Refugees");
2. in the fuzzy fallback only, content (programs, campaigns, petitions, letters, news, resources,
   events) before utility pages (donate, contact, home, index pages);
3. the backend's own rank.

Results after the first ``RERANKED`` keep the backend's order; nobody reads that far, and the
number of queries stays the same whatever the number of matches.
"""

import unicodedata
from difflib import SequenceMatcher

from django.utils.translation import pgettext_lazy
from wagtail.models import Page
from wagtail.search.query import Fuzzy, PlainText

from nnirr_site.core.view_restrictions import public

RERANKED = 50
WORD_SIMILARITY = 0.8

# The words people use for each kind of result (by model label); anything else is a "Page".
KIND_LABELS = {
    "campaigns.programpage": pgettext_lazy("search result type", "Program"),
    "campaigns.programindexpage": pgettext_lazy("search result type", "Program"),
    "campaigns.campaignpage": pgettext_lazy("search result type", "Campaign"),
    "campaigns.campaignindexpage": pgettext_lazy("search result type", "Campaign"),
    "petitions.petitionpage": pgettext_lazy("search result type", "Campaign"),
    "letters.signonletterpage": pgettext_lazy("search result type", "Campaign"),
    "blog.blogpage": pgettext_lazy("search result type", "News"),
    "blog.blogindexpage": pgettext_lazy("search result type", "News"),
    "resources.resourcepage": pgettext_lazy("search result type", "Resource"),
    "resources.resourceindexpage": pgettext_lazy("search result type", "Resource"),
    "events.eventpage": pgettext_lazy("search result type", "Event"),
    "events.eventindexpage": pgettext_lazy("search result type", "Event"),
}
PAGE_LABEL = pgettext_lazy("search result type", "Page")
# What someone searching usually looks for, rather than the site's own pages (donate, contact, home, indexes).
CONTENT_MODELS = {
    "campaigns.programpage", "campaigns.campaignpage", "petitions.petitionpage", "letters.signonletterpage",
    "blog.blogpage", "resources.resourcepage", "events.eventpage",
}


def model_label(page):
    """``app.model`` of the page's own type, from its content type (no query: Django caches content types)."""
    return page.specific_class._meta.label_lower if page.specific_class else "wagtailcore.page"


def specific_pages(pages):
    """The specific versions of ``pages`` (base ``Page`` rows), in order: one query per page type among them.

    Only the results shown are made specific (their summary and date live in each type's table); the
    ranking needs only what the base rows hold (title, type).
    """
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class or Page, []).append(page.pk)
    found = {}
    for model, ids in by_model.items():
        for specific in model.objects.filter(pk__in=ids).defer_streamfields():
            found[specific.pk] = specific
    return [found.get(page.pk, page) for page in pages]


def kind_label(page):
    """"Program", "Campaign", "News", "Resource", "Event" or "Page", in the active language."""
    return KIND_LABELS.get(model_label(page), PAGE_LABEL)


def words(text):
    """Lower-case words without accents or punctuation."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char if char.isalnum() else " " for char in plain if not unicodedata.combining(char))
    return plain.split()


def title_hits(query_words, title):
    """How many of ``query_words`` are (nearly) words of ``title``."""
    title_words = words(title)
    hits = 0
    for word in query_words:
        if any(similar(word, other) for other in title_words):
            hits += 1
    return hits


def similar(word, other):
    """Whether two words are the same but for a typo or an ending ("rigths"/"rights", "refugee"/"refugees")."""
    if word == other:
        return True
    matcher = SequenceMatcher(None, word, other)
    return (matcher.real_quick_ratio() >= WORD_SIMILARITY and matcher.quick_ratio() >= WORD_SIMILARITY
            and matcher.ratio() >= WORD_SIMILARITY)


class RankedResults:
    """Search results with the first ``RERANKED`` put in order again (see the module docstring).

    Behaves like the backend's results for Django's Paginator (``count`` and slicing); each page
    handed out (a base ``Page``: see ``specific_where_needed``) carries ``search_kind``, its kind in
    words (``kind_label``).
    """

    def __init__(self, results, query, prefer_content):
        self.results = results
        query_words = words(query)
        head = list(results[:RERANKED])

        def key(item):
            position, page = item
            utility = 0 if not prefer_content or model_label(page) in CONTENT_MODELS else 1
            return (-title_hits(query_words, page.title), utility, position)

        self.head = [page for _position, page in sorted(enumerate(head), key=key)]

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is not None and stop <= len(self.head):
            pages = self.head[start:stop]
        else:
            pages = [*self.head[start:], *self.results[max(start, len(self.head)):stop]]
        for page in pages:
            page.search_kind = kind_label(page)
        return pages


def specific_where_needed(pages, needed):
    """``pages`` with those for which ``needed(page)`` made specific (``specific_pages``), in order."""
    wanted = [page for page in pages if needed(page)]
    found = {page.pk: page for page in specific_pages(wanted)}
    for page in found.values():
        page.search_kind = kind_label(page)
    return [found.get(page.pk, page) for page in pages]


def search_pages(query, locale):
    """Live public pages in ``locale`` matching ``query``, best first; a fuzzy match when nothing matches exactly.

    Returns the results and whether they came from the fuzzy fallback.
    """
    pages = public(Page.objects.live()).filter(locale=locale)
    results = pages.search(query)
    if results.count():
        return RankedResults(results, query, prefer_content=False), False
    if len(words(query)) > 1:
        # A typo in one of several words: the pages with any of the words, the best titles first.
        results = pages.search(PlainText(query, operator="or"))
        if results.count():
            return RankedResults(results, query, prefer_content=True), True
    return RankedResults(pages.search(Fuzzy(query, unaccent=True)), query, prefer_content=True), True
