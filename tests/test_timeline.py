"""The timeline: valid dates, sources for every event, date order, and the messages for what is wrong."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from edition.figures.html import display_date
from edition.source import load_source
from edition.source.schema import is_valid_date
from edition.source.timeline import in_order
from helpers import SOURCE, problems

GOOD = """\
- date: "2014-03-18"
  label: Russia signs a treaty annexing Crimea.
  paragraph: 1
  sources:
    - title: Annexation of Crimea (Wikipedia)
      url: https://en.wikipedia.org/wiki/Annexation_of_Crimea_by_the_Russian_Federation
- date: "2023-10"
  label: Later event.
  later: true
  sources:
    - title: A report
"""


def write(folder: Path, text: str) -> None:
    (folder / "timeline.yml").write_text(text, encoding="utf-8")


def test_every_event_of_the_edition_has_a_valid_date_and_a_source() -> None:
    timeline = load_source(SOURCE).timeline
    assert len(timeline) >= 10
    for event in timeline:
        assert is_valid_date(event.date), event
        assert event.sources and all(source.title for source in event.sources), event
    assert all(in_order(first.date, second.date) for first, second in itertools.pairwise(timeline))


def test_the_edition_marks_what_happened_after_publication_as_later() -> None:
    timeline = load_source(SOURCE).timeline
    later = [event.date for event in timeline if event.later]
    assert later and all(date >= "2023-06" for date in later)
    assert not any(event.later for event in timeline if event.date < "2023-03")


@pytest.mark.parametrize(("text", "shown"), [("2014", "2014"), ("2014-03", "March 2014"), ("2014-03-06", "6 March 2014")])
def test_dates_are_shown_at_their_precision(text: str, shown: str) -> None:
    assert is_valid_date(text) and display_date(text) == shown


@pytest.mark.parametrize("text", ["2014-13", "2014-02-30", "14-03-2014", "March 2014", "2014-3-1", ""])
def test_invalid_dates_are_refused(text: str) -> None:
    assert not is_valid_date(text)


def test_a_folder_without_timeline_has_none(folder: Path) -> None:
    (folder / "timeline.yml").unlink()
    assert load_source(folder).timeline == ()


def test_a_timeline_is_read_with_its_links(folder: Path) -> None:
    write(folder, GOOD)
    first, second = load_source(folder).timeline
    assert (first.date, first.paragraph, first.later, second.later) == ("2014-03-18", 1, False, True)


def test_a_bad_date_names_file_line_and_form(folder: Path) -> None:
    write(folder, GOOD.replace('"2014-03-18"', '"18 March 2014"'))
    assert problems(folder) == [
        f'{folder}/timeline.yml:1: \'date\' of an event is \'18 March 2014\', not a real date written "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
    ]


def test_an_event_without_sources_is_refused(folder: Path) -> None:
    write(folder, GOOD.replace("    - title: A report\n", "").replace("  later: true\n  sources:", "  later: true\n  sources: []"))
    assert problems(folder) == [
        f"{folder}/timeline.yml:10: the event dated '2023-10' has no sources; add at least one '- title: …' under 'sources'"
    ]


def test_events_out_of_date_order_are_refused(folder: Path) -> None:
    write(folder, GOOD.replace('"2023-10"', '"2013"'))
    assert problems(folder) == [
        f"{folder}/timeline.yml:7: event dated 2013 comes after one dated 2014-03-18 (line 1); list events in date order"
    ]


def test_a_paragraph_or_note_that_does_not_exist_is_refused(folder: Path) -> None:
    write(folder, GOOD.replace("  paragraph: 1\n", "  paragraph: 99\n  note: no-such-note\n"))
    found = problems(folder)
    assert any(":3: paragraph 99 of the event dated '2014-03-18' is not in the text; use 1 to" in message for message in found)
    assert any(":4: note 'no-such-note' of the event dated '2014-03-18' is not in notes.yml" in message for message in found)


def test_later_must_be_true_or_false(folder: Path) -> None:
    write(folder, GOOD.replace("later: true", "later: soon"))
    assert problems(folder) == [f"{folder}/timeline.yml:9: 'later' of an event should be true or false, not text"]
