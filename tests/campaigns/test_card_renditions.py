"""Every image size the card template asks for is among the renditions listings prefetch.

An image fetched with ``prefetch_renditions()`` looks for renditions only among the prefetched ones,
so a size the card template asks for but ``CARD_RENDITIONS`` lacks is generated again on every render
(the programs listing went from 19 ms to 2.5 s that way).
"""

import re
from pathlib import Path

from django.conf import settings

from campaigns.models.links import CARD_RENDITIONS


def card_template_specs():
    html = (Path(settings.BASE_DIR) / "templates" / "includes" / "card.html").read_text()
    specs = set()
    for tag in re.findall(r"{%\s*srcset_image\s+item\.listing_image\s+([^%]+)%}", html):
        words = tag.split()
        sizes = re.fullmatch(r"fill-\{([^}]+)\}(\S*)", words[0])
        formats = [word for word in words[1:] if word.startswith("format-")]
        for size in sizes.group(1).split(","):
            specs.add("|".join([f"fill-{size}{sizes.group(2)}", *formats]))
    return specs


def test_the_card_template_asks_only_for_prefetched_sizes():
    specs = card_template_specs()
    assert specs, "no srcset_image found in includes/card.html"
    assert specs <= set(CARD_RENDITIONS)
