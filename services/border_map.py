"""The border map: an SVG drawn on the server, one marker per city with its number of services.

No tiles, no scripts, no request to any other site: the state outlines are a committed asset
(``services/map/border_states.json``, Natural Earth, public domain; see ``services/map/SOURCE.md``)
and the markers are computed here from city centers (``services/places.py``). Each marker is a
link to the list filtered to its city. Neighboring cities across the border (Nogales and
Nogales, El Paso and Ciudad Juárez) are a few kilometers apart, so markers that would overlap
are pushed apart and joined to their true place by a thin line.

It is an illustration of the list, not a replacement: the directory page shows the same cities
and counts as a list (the map's text alternative), and the list of services stays the primary view.
"""

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from django.db.models import Avg, Count, Q

from services.disclosure import city_key
from services.models import State
from services.places import CITY_CENTERS

ASSET = Path(__file__).with_name("map") / "border_states.json"
GAP = 4  # drawing units between pushed-apart markers


@lru_cache(maxsize=1)
def outlines():
    return json.loads(ASSET.read_text())


def project(latitude, longitude):
    """Drawing coordinates of a point, in the asset's projection; None outside the drawing."""
    data = outlines()
    frame = data["frame"]
    x = (float(longitude) - frame["west"]) * frame["cos"] * frame["scale"]
    y = (frame["north"] - float(latitude)) * frame["scale"]
    if not (0 <= x <= data["width"] and 0 <= y <= data["height"]):
        return None
    return x, y


@dataclass
class Marker:
    state: str
    city: str
    count: int
    href: str = ""
    x: float = 0
    y: float = 0
    true_x: float = 0
    true_y: float = 0
    on_map: bool = True

    @cached_property
    def radius(self):
        return round(17 + 3 * math.sqrt(self.count))

    @property
    def label(self):
        return f"{self.city}, {str(State(self.state).label) if self.state in State.values else self.state}"

    @property
    def displaced(self):
        return math.hypot(self.x - self.true_x, self.y - self.true_y) > 1


def city_counts(services):
    """(state, city, count, mean latitude, mean longitude) of the filtered services, in one query.

    The means use only services whose location is not confidential.
    """
    public = Q(address_confidential=False)
    return list(
        services.order_by()
        .values_list("state", "city")
        .annotate(
            count=Count("pk"),
            latitude=Avg("latitude", filter=public),
            longitude=Avg("longitude", filter=public),
        )
        .order_by("state", "city")
    )


def markers(rows, href_for):
    """The markers for ``city_counts`` rows; ``href_for(city_key)`` gives each marker's link."""
    result = []
    for state, city, count, latitude, longitude in rows:
        center = CITY_CENTERS.get((state, city))
        if center is None and latitude is not None and longitude is not None:
            center = (latitude, longitude)
        point = project(*center) if center else None
        marker = Marker(state=state, city=city, count=count, href=href_for(city_key(state, city)))
        if point is None:
            marker.on_map = False
        else:
            marker.x, marker.y = marker.true_x, marker.true_y = point
        result.append(marker)
    spread([m for m in result if m.on_map])
    return result


def spread(placed, rounds=60):
    """Push overlapping markers apart (a few rounds of pairwise repulsion), keeping them in the drawing."""
    data = outlines()
    for _round in range(rounds):
        moved = False
        for i, a in enumerate(placed):
            for b in placed[i + 1:]:
                dx, dy = b.x - a.x, b.y - a.y
                distance = math.hypot(dx, dy)
                needed = a.radius + b.radius + GAP
                if distance >= needed:
                    continue
                if distance < 0.01:
                    # Same place: the US city goes north, the Mexican one south.
                    dx, dy, distance = 0.0, 1.0 if b.state.startswith("MX") else -1.0, 1.0
                push = (needed - distance) / 2 + 0.1
                ux, uy = dx / distance, dy / distance
                a.x, a.y = a.x - ux * push, a.y - uy * push
                b.x, b.y = b.x + ux * push, b.y + uy * push
                moved = True
        for m in placed:
            m.x = min(max(m.x, m.radius), data["width"] - m.radius)
            m.y = min(max(m.y, m.radius), data["height"] - m.radius)
        if not moved:
            break
    for m in placed:
        m.x, m.y = round(m.x), round(m.y)
        m.true_x, m.true_y = round(m.true_x), round(m.true_y)


STATE_LABELS = {
    # Where each state's name is written (longitude, latitude), away from the border towns.
    "US-CA": (-116.3, 34.0), "US-AZ": (-111.6, 33.6), "US-NM": (-106.0, 33.6), "US-TX": (-100.3, 31.4),
    "MX-BCN": (-115.0, 30.6), "MX-SON": (-110.4, 29.6), "MX-CHH": (-106.5, 28.8), "MX-COA": (-102.6, 27.2),
    "MX-NLE": (-99.9, 26.0), "MX-TAM": (-98.3, 24.8),
}


def state_labels():
    labels = []
    for code, (longitude, latitude) in STATE_LABELS.items():
        point = project(latitude, longitude)
        if point:
            labels.append({"code": code, "name": str(State(code).label), "x": round(point[0]), "y": round(point[1])})
    return labels


def border_map(services, href_for):
    """What the map template needs: size, outlines, state names and markers for the filtered ``services``."""
    data = outlines()
    all_markers = markers(city_counts(services), href_for)
    return {
        "width": data["width"],
        "height": data["height"],
        "states": [{"code": code, "d": d, "border": code in State.values} for code, d in data["states"].items()],
        "labels": state_labels(),
        "markers": [m for m in all_markers if m.on_map],
        "all_markers": all_markers,
        "unplaced": [m for m in all_markers if not m.on_map],
    }
