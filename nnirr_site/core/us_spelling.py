"""British spellings the early demo content used, and their US forms, for bringing an older demo database
up to date (``demo_content.americanize_pages``). Kept out of ``demo_content.py`` so the spelling test, which
reads every demo module, does not trip over the very words it replaces."""


# British spellings an older demo database still holds in its pages, and their US forms; dates too.
US_SPELLINGS = {
    "18 December 2026": "December 18, 2026", "22 October 2014": "October 22, 2014", "18 December": "December 18",
    "organisations": "organizations", "organisation": "organization", "Organisational": "Organizational",
    "organisational": "organizational", "organisers": "organizers", "organiser": "organizer",
    "organise": "organize", "labour": "labor", "centre": "center", "cheque": "check", "recognise": "recognize",
    "neighbourhood": "neighborhood", "neighbours": "neighbors", "neighbour": "neighbor", "favours": "favors",
    "honoured": "honored", "autumn": "fall",
}
KEPT = ["International Labour Organization"]


def americanize(text):
    """``text`` with the British spellings above in US form (proper names in ``KEPT`` untouched)."""
    for index, name in enumerate(KEPT):
        text = text.replace(name, f"\x00{index}\x00")
    for british, american in US_SPELLINGS.items():
        text = text.replace(british, american)
    for index, name in enumerate(KEPT):
        text = text.replace(f"\x00{index}\x00", name)
    return text
