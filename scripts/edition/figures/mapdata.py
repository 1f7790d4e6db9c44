"""Extract the locator map's base data from world-atlas into `source/map/region.json`.

`make map-data` (`python -m edition map-data`) runs this once after `npm ci`; the
result is committed, so a build never needs node_modules. Steps: decode the TopoJSON (delta-encoded, quantized arcs),
simplify each arc once (shared borders stay shared), assemble the countries that reach
the region, clip them to the region's box, move Crimea from Russia to Ukraine, and
write rounded coordinates as a small GeoJSON-like file.

Natural Earth 50m (via world-atlas 2.0.2) draws Crimea as part of Russia, its de-facto
border. International law, and this edition, treat Crimea as part of Ukraine under
Russian occupation since 2014: the Crimea ring is moved here and the move is recorded
in the file's note.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.figures.geo import area, clip_ring, simplify
from edition.source.basemap import WORLD_BASEMAP

Point = tuple[float, float]
Ring = list[Point]

ATLAS = Path("node_modules/world-atlas/countries-50m.json")
OUT = Path("source/map/region.json")


@dataclass(frozen=True)
class Extract:
    """What part of the atlas a data file keeps: its box (west, south, east, north), its simplification, its smallest islands."""

    box: tuple[float, float, float, float]
    tolerance: float
    """Douglas-Peucker tolerance in degrees."""
    min_area: float
    """Rings smaller than this many square degrees (islets) are dropped."""


REGION = Extract((14.0, 37.0, 58.0, 60.0), 0.01, 0.01)
"""The seed edition's region (Ukraine and its neighbours), at about 1 km: source/map/region.json."""
WORLD = Extract((-180.0, -85.0, 180.0, 85.0), 0.02, 0.02)
"""Every country, at about 2 km: the edition's own base data (source/data/world.json), for any place."""
WORLD_DATA = WORLD_BASEMAP
DIGITS = 2
CRIMEA_PROBE = (34.1, 45.3)
"""A point inside Crimea: the ring holding it is the peninsula."""
UKRAINE, RUSSIA = "804", "643"
NOTE = (
    "Country outlines from Natural Earth 1:50m Admin 0 (public domain) as redistributed in the npm package "
    "world-atlas 2.0.2 (ISC licence, Mike Bostock), clipped to the region, simplified (tolerance 0.01 degree) "
    "and rounded to 0.01 degree by python -m edition map-data. Natural Earth draws Crimea as part of Russia (its "
    "de-facto border); this file moves the Crimea ring to Ukraine, following international law (UN General "
    "Assembly resolution 68/262), and adds it again as the feature 'crimea', marked as occupied by Russia since 2014."
)


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat arcs from the quantized, delta-encoded arcs of a TopoJSON topology."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indexes: Sequence[int], arcs: list[Ring]) -> Ring:
    """Join arcs into a ring; a negative index `~i` means arc i reversed."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def polygons(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    """A country's polygons, each a list of rings (outer first), from its arc indexes."""
    parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [[ring(indexes, arcs) for indexes in part] for part in parts]


def contains(points: Ring, probe: Point) -> bool:
    """Whether `probe` lies inside a ring (even-odd ray casting)."""
    x, y = probe
    inside = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def rounded(part: list[Ring]) -> list[list[list[float]]]:
    """A polygon with rounded coordinates and repeated points dropped; rings stay closed."""
    rings = []
    for points in part:
        coordinates: list[list[float]] = []
        for x, y in points:
            point = [round(x, DIGITS), round(y, DIGITS)]
            if not coordinates or coordinates[-1] != point:
                coordinates.append(point)
        if coordinates[0] != coordinates[-1]:
            coordinates.append(coordinates[0])
        rings.append(coordinates)
    return rings


def region(topology: dict[str, Any], extract: Extract = REGION) -> dict[str, Any]:
    """The features of a box: countries reaching it (Crimea with Ukraine) and Crimea itself."""
    arcs = [simplify(arc, extract.tolerance) for arc in decode_arcs(topology)]
    countries: dict[str, tuple[str, list[list[Ring]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = []
        for part in polygons(geometry, arcs):
            clipped = [clip_ring(points, extract.box) for points in part]
            if len(clipped[0]) >= 3 and area(clipped[0]) >= extract.min_area:
                parts.append([points for points in clipped if len(points) >= 3 and area(points) >= extract.min_area])
        if parts:
            name = geometry["properties"]["name"]
            countries[geometry.get("id", name)] = (name, parts)
    crimea = move_crimea(countries)
    features = [_feature(code, name, "country", parts) for code, (name, parts) in sorted(countries.items(), key=lambda item: item[1][0])]
    features.append(_feature("crimea", "Crimea", "occupied", [crimea], legend="Crimea: occupied by Russia since 2014"))
    note = NOTE.replace("0.01 degree", f"{extract.tolerance} degree", 1)
    return {"type": "FeatureCollection", "note": note, "bbox": list(extract.box), "features": features}


def move_crimea(countries: dict[str, tuple[str, list[list[Ring]]]]) -> list[Ring]:
    """Take the polygon holding Crimea out of Russia (where Natural Earth has it) and give it to Ukraine."""
    for code in (RUSSIA, UKRAINE):
        _, parts = countries[code]
        for part in parts:
            if contains(part[0], CRIMEA_PROBE):
                if code == RUSSIA:
                    parts.remove(part)
                    countries[UKRAINE][1].append(part)
                return part
    raise ValueError("no polygon holds Crimea; has the data changed? Check CRIMEA_PROBE.")


def _feature(code: str, name: str, role: str, parts: list[list[Ring]], legend: str | None = None) -> dict[str, Any]:
    """One GeoJSON feature with a MultiPolygon of rounded coordinates (and, for an occupied area, its legend)."""
    geometry = {"type": "MultiPolygon", "coordinates": [rounded(part) for part in parts]}
    properties = {"name": name, "role": role, **({"legend": legend} if legend else {})}
    return {"type": "Feature", "id": code, "properties": properties, "geometry": geometry}


def dumps(data: dict[str, Any]) -> str:
    """Compact JSON, one feature per line so that a diff stays readable."""
    head = {key: value for key, value in data.items() if key != "features"}
    lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in data["features"]]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    return body + ',\n "features": [\n' + ",\n".join(lines) + "\n ]\n}\n"
