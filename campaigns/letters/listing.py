"""The public list of a letter's signatories: verified organizations only, grouped by place and kind.

What may be shown is decided here, once: the organization's name, kind, city, state, country,
website and logo. Contact persons, emails, phones and any endorsement that is not verified never
leave this module. The list is one query (organizations with their logos, and a second, batched
one for the logos' renditions), so the page's query count does not grow with the list.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch
from django_countries import countries
from wagtail.images import get_image_model

from campaigns.letters.models import Endorsement, EndorsementStatus, OrganizationKind

# The rendition of each logo on the list; the template asks for exactly this spec.
LOGO_SPEC = "max-160x80"
RECENT_COUNT = 6
# Never loaded for the public list, so no template can show them by mistake.
PRIVATE_FIELDS = (
    "contact_name", "contact_title", "contact_email", "contact_email_key", "contact_phone", "consent_text",
    "ip_hash", "token_hash", "rejection_reason", "decided_by_name",
)


def verified(letter):
    """The letter's verified endorsements (all its languages), with only the public fields and logo renditions."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_SPEC)
    return (
        Endorsement.objects.filter(letter_key=letter.translation_key, status=EndorsementStatus.VERIFIED)
        .select_related("logo")
        .defer(*PRIVATE_FIELDS)
        .prefetch_related(Prefetch("logo__renditions", queryset=renditions, to_attr="prefetched_renditions"))
    )


@dataclass
class KindGroup:
    kind: str
    label: str
    organizations: list


@dataclass
class PlaceGroup:
    place: str
    kinds: list = field(default_factory=list)
    count: int = 0


def place_of(endorsement):
    """Where an organization is listed: its state in the United States, else its country (or region)."""
    if endorsement.country == "US" or not endorsement.country:
        return endorsement.state or str(countries.name("US"))
    return str(countries.name(endorsement.country)) or endorsement.state


def grouped(letter, state=""):
    """Verified organizations (of ``state``, if given) grouped by place, then kind, in name order."""
    rows = verified(letter)
    if state:
        rows = rows.filter(state__iexact=state)
    organizations = list(rows)
    kind_order = {value: index for index, value in enumerate(OrganizationKind.values)}
    labels = dict(OrganizationKind.choices)
    organizations.sort(key=lambda e: (place_of(e).casefold(), kind_order.get(e.kind, 99), e.organization_name.casefold()))
    groups = []
    for place, in_place in groupby(organizations, key=place_of):
        group = PlaceGroup(place=place)
        for kind, in_kind in groupby(in_place, key=lambda e: e.kind):
            members = list(in_kind)
            group.kinds.append(KindGroup(kind=kind, label=labels.get(kind, kind), organizations=members))
            group.count += len(members)
        groups.append(group)
    return groups


def recently_joined(letter, limit=RECENT_COUNT):
    """The newest verified organizations (by the time staff verified them)."""
    return list(verified(letter).order_by("-decided_at", "-confirmed_at", "-pk")[:limit])
