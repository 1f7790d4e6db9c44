"""The locator map's base data: country outlines read from `map/region.json` in the source folder.

The file is written by `scripts/make_map_data.py` (GeoJSON-like: features with
MultiPolygon geometry, `properties.name` and `properties.role`); `parse_basemap`
is pure and reports a broken file as a `Problem` naming it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import Problem

BASEMAP = "map/region.json"
ROLES = ("country", "occupied")

Ring = tuple[tuple[float, float], ...]
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Area:
    """One feature of the base map: a country, or an occupied territory drawn over it."""

    id: str
    name: str
    role: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True)
class Basemap:
    """The region's outlines in lon/lat degrees, the box they were clipped to, and their provenance note."""

    areas: tuple[Area, ...]
    bbox: tuple[float, float, float, float]
    note: str

    def area(self, area_id: str) -> Area | None:
        """The feature with this id, if the data has it."""
        return next((area for area in self.areas if area.id == area_id), None)

    def covers(self, lat: float, lon: float) -> bool:
        """Whether a point lies within the box the data was clipped to."""
        west, south, east, north = self.bbox
        return west <= lon <= east and south <= lat <= north


def parse_basemap(text: str, file: str, problems: list[Problem]) -> Basemap | None:
    """Read the data file; on any problem add it to `problems` and return None."""
    try:
        data = json.loads(text)
        areas = tuple(_area(feature) for feature in data["features"])
        west, south, east, north = (float(value) for value in data["bbox"])
        return Basemap(areas, (west, south, east, north), str(data.get("note", "")))
    except (ValueError, KeyError, TypeError) as error:
        message = f"is not a valid map data file ({type(error).__name__}: {error}); regenerate it with `make map-data`"
        problems.append(Problem(file, None, message))
        return None


def _area(feature: dict[str, Any]) -> Area:
    """One feature; a role other than the known ones is an error."""
    role = str(feature["properties"]["role"])
    if role not in ROLES:
        raise ValueError(f"role '{role}' of feature '{feature['id']}' is not one of: {', '.join(ROLES)}")
    polygons = tuple(
        tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in polygon) for polygon in feature["geometry"]["coordinates"]
    )
    return Area(str(feature["id"]), str(feature["properties"]["name"]), role, polygons)
