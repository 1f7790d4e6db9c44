"""The locator map's data file: valid, small, Crimea drawn as Ukraine's, and reproducible from world-atlas."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from edition.errors import Problem
from edition.source.basemap import WORLD_BASEMAP, parse_basemap
from helpers import ROOT, edition

DATA = WORLD_BASEMAP
ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
SEVASTOPOL = (33.52, 44.6)
SIMFEROPOL = (34.1, 44.95)


def contains(polygon: tuple[tuple[tuple[float, float], ...], ...], point: tuple[float, float]) -> bool:
    """Even-odd test on the outer ring."""
    x, y = point
    inside = False
    ring = polygon[0]
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_the_edition_s_own_data_is_valid_covers_the_world_and_is_under_a_megabyte() -> None:
    problems: list[Problem] = []
    basemap = parse_basemap(DATA.read_text(encoding="utf-8"), str(DATA), problems)
    assert problems == [] and basemap is not None
    assert DATA.stat().st_size < 1_000_000
    assert {area.name for area in basemap.areas} >= {"Ukraine", "Russia", "Brazil", "Australia", "Crimea", "United States of America"}
    assert basemap.covers(-33.87, 151.21) and basemap.covers(64.1, -21.9)
    assert "Crimea" in basemap.note and "Natural Earth" in basemap.note


def test_crimea_is_part_of_ukraine_and_not_of_russia() -> None:
    basemap = parse_basemap(DATA.read_text(encoding="utf-8"), str(DATA), [])
    assert basemap is not None
    ukraine, russia, crimea = (basemap.area(code) for code in ("804", "643", "crimea"))
    assert ukraine is not None and russia is not None and crimea is not None
    assert crimea.role == "occupied"
    for point in (SEVASTOPOL, SIMFEROPOL):
        assert any(contains(polygon, point) for polygon in ukraine.polygons)
        assert not any(contains(polygon, point) for polygon in russia.polygons)
        assert any(contains(polygon, point) for polygon in crimea.polygons)


def test_a_broken_data_file_is_reported_with_its_name() -> None:
    problems: list[Problem] = []
    assert parse_basemap('{"features": [{"id": 1}]}', "source/map/region.json", problems) is None
    assert len(problems) == 1 and "make map-data" in str(problems[0]) and str(problems[0]).startswith("source/map/region.json")


@pytest.mark.site
@pytest.mark.skipif(not ATLAS.is_file() and os.environ.get("CI") != "true", reason="node_modules not installed (npm ci)")
def test_regenerating_from_world_atlas_gives_the_same_file(tmp_path: Path) -> None:
    out = tmp_path / "region.json"
    result = edition("map-data", "--atlas", ATLAS, "--out", out, "--world")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == DATA.read_bytes()
    assert json.loads(out.read_text(encoding="utf-8"))["features"][-1]["id"] == "crimea"
