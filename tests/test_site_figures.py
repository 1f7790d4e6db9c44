"""The figures in the built site: the map and timeline pages, their nav entries, and the links between them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from edition.pages.pipeline import build_pages
from edition.source import load_source
from edition.web.plugin import navigation
from helpers import HOSTILE, SOURCE, soup


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_the_map_page_shows_the_figure_and_lists_the_places(site: Path) -> None:
    html = soup(page(site, "map"))
    figure = html.select_one("article figure#figure-map")
    assert figure is not None and figure.select_one("svg[role=group] title") is not None and figure.figcaption is not None
    for entry in load_source(SOURCE).entries:
        if entry.coords:
            assert figure.select_one(f'svg a[href="../glossary/#{entry.id}"]') is not None, entry.id
            item = html.find(id=f"map-{entry.id}")
            link = item.find_next("a") if item is not None else None
            assert link is not None and link["href"] == f"../glossary/#{entry.id}"


def test_the_timeline_page_shows_the_events_in_an_ordered_list(site: Path) -> None:
    html = soup(page(site, "timeline"))
    events = html.select("article figure#figure-timeline > ol > li")
    assert len(events) == len(load_source(SOURCE).timeline)
    assert all(event.select_one("time[datetime]") is not None for event in events)
    assert html.select_one('a[href="../article/#p2"]') is not None


def test_glossary_places_link_to_their_line_under_the_map(site: Path) -> None:
    html = soup(page(site, "glossary"))
    for entry in load_source(SOURCE).entries:
        link = html.select_one(f'section#{entry.id} a[href="../map/#map-{entry.id}"]')
        assert (link is not None) == (entry.coords is not None), entry.id


def test_the_nav_lists_the_figures_only_when_the_source_has_them(site: Path, hostile_site: Path) -> None:
    for built in (site, hostile_site):
        links = {link["href"] for link in soup(page(built, "about")).select("a.md-nav__link")}
        assert {"../map/", "../timeline/"} <= links, built
    no_map = dataclasses.replace(load_source(HOSTILE), basemap=None)
    listed = {path for item in navigation(no_map, build_pages(no_map)[0]) for path in item.values() if isinstance(path, str)}
    assert "timeline.md" in listed and "map.md" not in listed, "a timeline, no map data"
