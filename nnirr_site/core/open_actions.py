"""What the "Take action" page gathers: every app says which of its actions are open now.

Core cannot import the apps (dependencies point one way), so each app that has public
actions registers a function with the Wagtail hook ``register_open_actions``. The function
takes the page's locale and returns an ``ActionGroup`` (or ``None`` when it has nothing
open). The page asks again on every request, so a petition past its deadline, a letter that
was delivered or an event that ended drops off without anyone editing the page.
"""

from dataclasses import dataclass, field

from django.db.models import F
from wagtail import hooks

HOOK_NAME = "register_open_actions"


@dataclass
class ActionGroup:
    """One kind of action (petitions, sign-on letters, events …) with its open pages, soonest first."""

    key: str
    heading: str
    description: str
    items: list = field(default_factory=list)
    order: int = 100
    more_url: str = ""
    more_label: str = ""


def open_action_groups(locale):
    """Every registered app's open actions in ``locale``, groups with no items left out, in ``order``."""
    groups = []
    for gather in hooks.get_hooks(HOOK_NAME):
        group = gather(locale)
        if group is not None and group.items:
            groups.append(group)
    return sorted(groups, key=lambda group: (group.order, group.key))


def open_pages_by_deadline(pages, locale, open_now):
    """Live, public pages of ``locale`` matching ``open_now`` (a Q), the nearest deadline first, then the newest."""
    return list(
        pages.live().public().filter(locale=locale).filter(open_now).select_related("listing_image")
        .order_by(F("deadline").asc(nulls_last=True), "-first_published_at")
    )
