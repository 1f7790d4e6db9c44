"""The locator map SVG: well-formed, accessible, light, every place inside the frame, no label collisions."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from edition.figures.geo import Conic
from edition.figures.mapsvg import Box, Place, map_frame, render_map_svg, shown_places, text_box
from edition.model import Basemap
from edition.source.basemap import BASEMAP, parse_basemap
from helpers import SOURCE

SVG = "{http://www.w3.org/2000/svg}"
PLACES = (
    Place("crimea", "Crimea", 45.3, 34.4),
    Place("sevastopol", "Sevastopol", 44.6, 33.52),
    Place("kerch-bridge", "Crimean Bridge", 45.31, 36.51),
    Place("donbas", "Donbas", 48.0, 38.0),
    Place("kyiv", "Kyiv", 50.45, 30.52),
    Place("moscow", "Moscow", 55.76, 37.62),
)


@pytest.fixture(scope="module")
def basemap() -> Basemap:
    loaded = parse_basemap((SOURCE / BASEMAP).read_text(encoding="utf-8"), BASEMAP, [])
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def svg(basemap: Basemap) -> ET.Element:
    return ET.fromstring(render_map_svg(basemap, PLACES))


def test_the_svg_parses_and_has_title_and_description(svg: ET.Element) -> None:
    # A group, not role="img": an image's children are presentational, and the labels are links.
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "group"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert "Sevastopol" in (desc.text or "") and "occupied by Russia since 2014" in (desc.text or "")


def test_the_map_is_under_150_kb(basemap: Basemap) -> None:
    assert len(render_map_svg(basemap, PLACES).encode()) < 150_000


def test_every_place_is_marked_inside_the_frame_and_links_to_its_entry(basemap: Basemap, svg: ET.Element) -> None:
    frame = map_frame(basemap, PLACES)
    conic = Conic()
    assert shown_places(basemap, PLACES) == PLACES
    for place in PLACES:
        assert frame.inside(frame.to_px(conic.project(place.lon, place.lat)), 12)
    links = {link.get("href"): "".join(link.itertext()) for link in svg.iter(f"{SVG}a")}
    assert links == {f"../glossary/#{place.id}": place.label for place in PLACES}


def test_a_place_the_data_does_not_cover_is_left_out(basemap: Basemap) -> None:
    washington = Place("washington", "Washington", 38.9, -77.0)
    assert shown_places(basemap, (*PLACES, washington)) == PLACES
    assert "washington" not in render_map_svg(basemap, (*PLACES, washington))


def test_labels_do_not_overlap_each_other_or_the_frame(svg: ET.Element) -> None:
    boxes = [
        text_box(float(text.get("x", 0)), float(text.get("y", 0)), text.text or "", 13, text.get("text-anchor", "start"))
        for text in svg.iter(f"{SVG}text")
        if (text.get("class") or "").split() == ["ed-map-place"]
    ]
    assert len(boxes) == len(PLACES)
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)
    assert all(box.left >= 0 and box.right <= 800 and box.top >= 0 and box.bottom <= 560 for box in boxes)


def test_the_map_has_a_legend_a_scale_bar_and_a_north_arrow(svg: ET.Element) -> None:
    groups = {group.get("class") for group in svg.iter(f"{SVG}g")}
    assert {"ed-map-legend", "ed-map-scale", "ed-map-north"} <= groups
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "Crimea: occupied by Russia since 2014" in texts and "km" in texts and "N" in texts
    assert svg.find(f".//{SVG}pattern[@id='ed-map-hatch']") is not None
    assert svg.find(f".//{SVG}path[@class='ed-map-occupied']") is not None


def test_the_map_is_the_same_every_time(basemap: Basemap) -> None:
    assert render_map_svg(basemap, PLACES) == render_map_svg(basemap, PLACES)


def test_labels_keep_clear_of_the_legend_and_the_scale_bar(svg: ET.Element) -> None:
    panels = [
        Box(
            float(rect.get("x", 0)),
            float(rect.get("y", 0)),
            float(rect.get("x", 0)) + float(rect.get("width", 0)),
            float(rect.get("y", 0)) + float(rect.get("height", 0)),
        )
        for rect in svg.iter(f"{SVG}rect")
        if rect.get("class") == "ed-map-panel"
    ]
    assert len(panels) == 2
    labels = [
        text_box(float(text.get("x", 0)), float(text.get("y", 0)), text.text or "", 13, text.get("text-anchor", "start"))
        for text in svg.iter(f"{SVG}text")
        if (text.get("class") or "").split() == ["ed-map-place"]
    ]
    assert not any(label.overlaps(panel) for label in labels for panel in panels)
