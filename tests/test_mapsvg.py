"""The locator map SVG: well-formed, accessible, light, every place inside the frame, no label collisions."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from edition.figures.mapsvg import MIN_EXTENT_KM, PADDING, Box, Place, map_layout, render_map_svg, text_box
from edition.model import Basemap
from edition.source.basemap import world_basemap

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
    return world_basemap()


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
    layout = map_layout(basemap, PLACES)
    assert layout.shown == PLACES and layout.left_out == ()
    for place in PLACES:
        assert layout.frame.inside(layout.px(place.lat, place.lon), 12)
    links = {link.get("href"): "".join(link.itertext()) for link in svg.iter(f"{SVG}a")}
    assert links == {f"../glossary/#{place.id}": place.label for place in PLACES}


def test_a_place_too_far_from_the_others_is_left_out_with_the_reason(basemap: Basemap) -> None:
    washington = Place("washington", "Washington", 38.9, -77.0)
    layout = map_layout(basemap, (*PLACES, washington))
    assert layout.shown == PLACES
    assert [(item.place, item.reason) for item in layout.left_out] == [
        (washington, "is more than 5,000 km from the other places, too far for one locator map")
    ]
    assert "washington" not in render_map_svg(basemap, (*PLACES, washington))


def test_a_place_at_a_pole_or_outside_the_base_data_is_left_out_with_the_reason(basemap: Basemap) -> None:
    pole = Place("pole", "South Pole", -90.0, 0.0)
    region = Basemap(basemap.areas, (14.0, 37.0, 58.0, 60.0), "")
    beyond = Place("novosibirsk", "Novosibirsk", 55.0, 82.9)
    assert [item.reason for item in map_layout(basemap, (pole,)).left_out] == ["is nearer a pole than 80°, which a locator map cannot draw"]
    assert [item.reason for item in map_layout(region, (*PLACES, beyond)).left_out] == [
        "is outside the map's base data (14° to 58° E, 37° to 60° N)"
    ]


def test_a_single_place_is_framed_at_least_at_the_minimum_extent_around_it(basemap: Basemap) -> None:
    kyiv = Place("kyiv", "Kyiv", 50.45, 30.52)
    layout = map_layout(basemap, (kyiv,))
    frame = layout.frame
    # What the frame shows within its padding, in projected km.
    (left, top), (right, bottom) = frame.to_km((PADDING, PADDING)), frame.to_km((frame.width - PADDING, frame.height - PADDING))
    width, height = right - left, top - bottom
    assert width >= MIN_EXTENT_KM[0] - 1e-6 and height >= MIN_EXTENT_KM[1] - 1e-6, (width, height)
    assert min(width / MIN_EXTENT_KM[0], height / MIN_EXTENT_KM[1]) < 1.01, "fitted to the minimum, not a fixed larger frame"
    x, y = layout.px(kyiv.lat, kyiv.lon)
    assert (x, y) == pytest.approx((frame.width / 2, frame.height / 2)), "the place at the centre"


@pytest.mark.parametrize(
    "places",
    [
        (Place("centre", "Centre of Russia", 61.7, 105.3),),
        (Place("quito", "Quito", -0.18, -78.47), Place("bogota", "Bogotá", 4.71, -74.07)),
        (Place("sydney", "Sydney", -33.87, 151.21),),
        (Place("berlin", "Berlin", 52.52, 13.4), Place("potsdam", "Potsdam", 52.39, 13.06), Place("spandau", "Spandau", 52.53, 13.2)),
    ],
    ids=["russia's centre", "across the equator", "southern hemisphere", "three places close together"],
)
def test_places_anywhere_are_framed_with_their_country_and_labelled_without_overlap(basemap: Basemap, places: tuple[Place, ...]) -> None:
    layout = map_layout(basemap, places)
    assert layout.shown == places
    for place in places:
        assert layout.frame.inside(layout.px(place.lat, place.lon), 40), place
    svg = ET.fromstring(render_map_svg(basemap, places))
    assert svg.findall(f".//{SVG}path[@class='ed-map-focus']"), "the places' country is highlighted"
    boxes = label_boxes(svg)
    assert len([box for kind, box in boxes if kind == "ed-map-place"]) == len(places)
    for (_, first), (_, second) in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def label_boxes(svg: ET.Element) -> list[tuple[str, Box]]:
    """The boxes of the map's labels (places, countries, seas), halos left out."""
    sizes = {"ed-map-place": 13, "ed-map-country-label": 11, "ed-map-sea-label": 12}
    return [
        (kind, text_box(float(text.get("x", 0)), float(text.get("y", 0)), text.text or "", sizes[kind], text.get("text-anchor", "start")))
        for text in svg.iter(f"{SVG}text")
        if (kind := (text.get("class") or "").split()[0]) in sizes and "ed-map-halo" not in (text.get("class") or "")
    ]


def test_labels_do_not_overlap_each_other_the_base_map_s_names_or_the_frame(svg: ET.Element) -> None:
    boxes = label_boxes(svg)
    assert len([box for kind, box in boxes if kind == "ed-map-place"]) == len(PLACES)
    assert any(kind == "ed-map-country-label" for kind, _ in boxes) and any(kind == "ed-map-sea-label" for kind, _ in boxes)
    for (_, first), (_, second) in itertools.combinations(boxes, 2):
        assert not first.overlaps(second), (first, second)
    assert all(box.left >= 0 and box.right <= 800 and box.top >= 0 and box.bottom <= 560 for _, box in boxes)


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
