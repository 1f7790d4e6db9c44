"""The locator map's base data: country outlines read from `map/region.json` in the source folder.

The file is written by `python -m edition map-data` (GeoJSON-like: features with
MultiPolygon geometry, `properties.name` and `properties.role`); `parse_basemap`
is pure and reports a broken file as a `Problem` naming it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from edition.errors import Problem
from edition.model import Area, Basemap

BASEMAP = "map/region.json"
WORLD_BASEMAP = Path(__file__).with_name("data") / "world.json"
"""The edition's own base data, every country at about 2 km (`python -m edition map-data --world`): for places anywhere."""
ROLES = ("country", "occupied")
MAX_BASEMAP_BYTES = 4 * 1024 * 1024
"""The largest data file read: five times the edition's own world data (0.7 MB)."""
MAX_POINTS = 200_000
"""The most outline points the map draws from; the region's file has about 6,000."""


class _DataError(ValueError):
    """What is wrong with the data file, worded for the message."""


@functools.cache
def world_basemap() -> Basemap:
    """The edition's own base data: what the map is drawn from when a source folder has no `map/region.json`.

    Read once per process: it ships with the edition and never changes under a running preview.
    """
    problems: list[Problem] = []
    basemap = parse_basemap(WORLD_BASEMAP.read_text(encoding="utf-8"), str(WORLD_BASEMAP), problems)
    if basemap is None:
        raise RuntimeError(f"the edition's own map data is broken: {problems[0]}; reinstall the edition")
    return basemap


def parse_basemap(text: str, file: str, problems: list[Problem]) -> Basemap | None:
    """Read the data file; on any problem add it to `problems` and return None."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
        areas = tuple(_area(feature) for feature in data["features"])
        west, south, east, north = (_degrees(value, limit) for value, limit in zip(data["bbox"], (180, 90, 180, 90), strict=True))
        points = sum(len(ring) for area in areas for polygon in area.polygons for ring in polygon)
        if points > MAX_POINTS:
            raise _DataError(f"{points:,} outline points, more than the {MAX_POINTS:,} a locator map is drawn from")
        return Basemap(areas, (west, south, east, north), str(data.get("note", "")))
    except (ValueError, KeyError, TypeError, IndexError, RecursionError) as error:
        reason = str(error) if isinstance(error, _DataError) else f"{type(error).__name__}: {error}"
        message = f"is not a valid map data file ({reason}); regenerate it with `make map-data`"
        problems.append(Problem(file, None, message))
        return None


def _refuse_constant(name: str) -> float:
    """JSON's NaN and Infinity are not coordinates."""
    raise _DataError(f"{name} is not a number a map can use")


def _degrees(value: Any, limit: float) -> float:
    """A longitude or latitude: a finite number within ±`limit` degrees."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
        raise _DataError(f"{value!r} is not a coordinate within ±{limit} degrees")
    return float(value)


def _area(feature: dict[str, Any]) -> Area:
    """One feature; a role other than the known ones is an error."""
    role = str(feature["properties"]["role"])
    if role not in ROLES:
        raise _DataError(f"role '{role}' of feature '{feature['id']}' is not one of: {', '.join(ROLES)}")
    polygons = tuple(
        tuple(tuple((_degrees(lon, 180), _degrees(lat, 90)) for lon, lat in ring) for ring in polygon)
        for polygon in feature["geometry"]["coordinates"]
    )
    name = str(feature["properties"]["name"])
    legend = str(feature["properties"].get("legend") or (f"{name}: occupied" if role == "occupied" else ""))
    return Area(str(feature["id"]), name, role, polygons, legend)
