"""The figures as HTML and as pages: the map and timeline figures, their pages, and the glossary's map links."""

from __future__ import annotations

import dataclasses
import importlib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.book.render import book_event_links, book_sections, figure_sections, render_book
from edition.figures.html import has_map, map_figure_html, map_places, timeline_figure_html
from edition.model import Edition
from edition.pages.pipeline import build_pages
from edition.source import load_source
from helpers import HOSTILE, SOURCE, soup


@pytest.fixture(scope="module")
def edition() -> Edition:
    return load_source(SOURCE)


def test_every_place_in_the_glossary_is_on_the_map(edition: Edition) -> None:
    places = {entry.id for entry in edition.entries if entry.kind == "place"}
    assert {place.id for place in map_places(edition.entries)} == places >= {"crimea", "sevastopol", "kerch-bridge", "donbas", "kyiv"}


def test_the_map_figure_is_self_contained_html_with_a_caption(edition: Edition) -> None:
    assert edition.basemap is not None
    html = map_figure_html(edition, edition.basemap, lambda place_id: f"#{place_id}")
    figure = soup(html).figure
    assert figure is not None and figure.svg is not None and figure.figcaption is not None
    assert "Natural Earth" in figure.figcaption.get_text() and "occupied by Russia since 2014" in figure.figcaption.get_text()
    assert {link["href"] for link in figure.svg.find_all("a")} == {f"#{place.id}" for place in map_places(edition.entries)}
    ET.fromstring(str(figure.svg))
    assert "mkdocs" not in html.lower() and ".md" not in html


def test_the_timeline_figure_is_an_ordered_list_of_dated_events(edition: Edition) -> None:
    figure = soup(timeline_figure_html(edition, book_event_links)).figure
    assert figure is not None and figure.ol is not None and figure.figcaption is not None
    items = figure.ol.find_all("li", recursive=False)
    assert len(items) == len(edition.timeline)
    for item, event in zip(items, edition.timeline, strict=True):
        assert item.time is not None and item.time["datetime"] == event.date
        assert ("After publication" in item.get_text()) == event.later
        if event.paragraph:
            text = "article" if event.document in (None, "article") else event.document
            assert item.find("a", href=f"#{text}-p{event.paragraph}") is not None


def without_map(edition: Edition) -> Edition:
    """The edition as the loader gives it when no base data is found: with its timeline, without a map."""
    return dataclasses.replace(edition, basemap=None)


def test_the_figure_pages_exist_only_with_their_data(edition: Edition) -> None:
    paths = {page.path for page in build_pages(edition)[0]}
    assert {"map.md", "timeline.md"} <= paths
    no_map = {page.path for page in build_pages(without_map(load_source(HOSTILE)))[0]}
    assert "timeline.md" in no_map and "map.md" not in no_map, "a timeline but no map data"
    assert not has_map(dataclasses.replace(edition, basemap=None))


def test_glossary_places_link_to_the_map_and_others_do_not(edition: Edition) -> None:
    glossary = next(page.text for page in build_pages(edition)[0] if page.path == "glossary.md")
    sections = BeautifulSoup(glossary, "html.parser")
    for entry in edition.entries:
        section = sections.find("section", id=entry.id)
        assert section is not None
        assert (f"../map/#map-{entry.id}" in str(section)) == (entry.kind == "place"), entry.id


@pytest.mark.site
@pytest.mark.slow
def test_the_figures_render_into_a_pdf_with_their_text(edition: Edition, tmp_path: Path) -> None:
    from pypdf import PdfReader

    weasyprint = importlib.import_module("weasyprint")  # pinned in requirements.txt; it has no type stubs

    assert edition.basemap is not None
    figures = map_figure_html(edition, edition.basemap, lambda place_id: f"#{place_id}") + timeline_figure_html(edition, book_event_links)
    # WeasyPrint's SVG renderer has no CSS custom properties and no paint-order: the map uses neither.
    assert "var(" not in figures and "paint-order" not in figures
    target = tmp_path / "figures.pdf"
    weasyprint.HTML(string=f"<html><body>{figures}</body></html>").write_pdf(target)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    for words in ("Sevastopol", "Kerch Strait bridge", "occupied by Russia since 2014", "After publication", "16 March 2014"):
        assert words in text


def test_the_book_gets_the_map_and_timeline_as_appendices_whose_links_land(edition: Edition) -> None:
    sections = figure_sections(edition)
    assert [section.id for section in sections] == ["map", "timeline"]
    book = soup(render_book(edition, book_sections(edition)))
    assert book.select_one("section#map figure#figure-map svg") is not None
    assert len(book.select("figure#figure-map")) == 1
    assert len(book.select("section#timeline figure ol > li")) == len(edition.timeline)
    targets = {str(link["href"]).removeprefix("#") for link in book.select("section#map a[href^='#'], section#timeline a[href^='#']")}
    assert targets and all(book.find(id=target) is not None for target in targets), sorted(
        target for target in targets if book.find(id=target) is None
    )
    assert [section.id for section in figure_sections(without_map(load_source(HOSTILE)))] == ["timeline"], "a timeline, no map data"
