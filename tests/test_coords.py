"""Coordinates of places in the glossary: accepted for places, refused with a clear message otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.source import load_source
from helpers import SOURCE, problems

PLACE_LINE = 19  # "  kind: place" of entry 'crimea' in the hostile sample's glossary.yml


def add_coords(folder: Path, after: str, value: str) -> None:
    path = folder / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, f"{after}\n  coords: {value}", 1), encoding="utf-8")


def test_every_place_of_the_edition_has_coords_and_nothing_else_does() -> None:
    for entry in load_source(SOURCE).entries:
        assert (entry.coords is not None) == (entry.kind == "place"), entry.id


def test_coords_are_read_as_latitude_and_longitude(folder: Path) -> None:
    add_coords(folder, "  term: Crimea\n  kind: place", "[45.3, 34]")
    crimea = next(entry for entry in load_source(folder).entries if entry.id == "crimea")
    assert crimea.coords == (45.3, 34.0)


def test_coords_on_an_entry_that_is_not_a_place_are_refused(folder: Path) -> None:
    add_coords(folder, "  term: ATACMS\n  kind: term", "[45.3, 34.4]")
    assert problems(folder) == [f"{folder}/glossary.yml:28: 'coords' of entry 'atacms' is only for places; remove it, or set 'kind: place'"]


@pytest.mark.parametrize("value", ["[45.3]", "[45.3, 34.4, 0]", "[north, east]", "[true, 34.4]"])
def test_coords_must_be_two_numbers(folder: Path, value: str) -> None:
    add_coords(folder, "  term: Crimea\n  kind: place", value)
    assert problems(folder) == [
        f"{folder}/glossary.yml:{PLACE_LINE + 1}: 'coords' of entry 'crimea' should be two numbers, [latitude, longitude] "
        "in decimal degrees, e.g. 'coords: [44.6, 33.53]' for Sevastopol"
    ]


@pytest.mark.parametrize("value", ["[95, 34.4]", "[45.3, 200]"])
def test_coords_out_of_range_are_refused(folder: Path, value: str) -> None:
    add_coords(folder, "  term: Crimea\n  kind: place", value)
    [message] = problems(folder)
    assert message.startswith(f"{folder}/glossary.yml:{PLACE_LINE + 1}: 'coords' of entry 'crimea' are out of range")


def test_coords_that_are_not_a_list_are_refused(folder: Path) -> None:
    add_coords(folder, "  term: Crimea\n  kind: place", "45.3 34.4")
    [message] = problems(folder)
    assert "'coords' of entry 'crimea' should be a list" in message
