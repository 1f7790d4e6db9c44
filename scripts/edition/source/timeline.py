"""The timeline: `timeline.yml` read into `Event`s, and the dates in the forms readers see.

An event's date is ISO 8601 at the precision the sources allow: "2014", "2014-03" or
"2014-03-16". Events are listed in date order; two dates are in order when they are at
the precision both share ("2023-02" may follow "2023-02-01").
"""

from __future__ import annotations

from typing import Any

from edition.errors import Problem
from edition.model import Event
from edition.source import schema
from edition.source.records import item_lines, read_sources


def in_order(earlier: str, later: str) -> bool:
    """Whether `later` is not before `earlier` at the precision both dates have."""
    common = min(len(earlier), len(later))
    return earlier[:common] <= later[:common]


def parse_timeline(data: Any, file: str, problems: list[Problem], *, paragraphs: int | None, note_ids: set[str]) -> tuple[Event, ...]:
    """Read `timeline.yml`: a list of events in date order; every problem goes into `problems`.

    `paragraphs` is how many the article has, or None when it could not be read (then
    paragraph numbers are not checked, rather than all reported wrong).
    """
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(file, None, "should be a list of events, each starting with '- date: \"YYYY-MM-DD\"'"))
        return ()
    events: list[Event] = []
    for record, line in zip(data, item_lines(data, None), strict=True):
        found = schema.check_record(record, schema.EVENT, file, "an event", line)
        problems += found
        if not found:
            event = _event(record, file, problems, paragraphs, note_ids)
            if events and not in_order(events[-1].date, event.date):
                problems.append(
                    Problem(
                        file,
                        record.key_lines["date"],
                        f"event dated {event.date} comes after one dated {events[-1].date} (line {events[-1].line}); "
                        "list events in date order",
                    )
                )
            events.append(event)
    return tuple(events)


def _event(record: Any, file: str, problems: list[Problem], paragraphs: int | None, note_ids: set[str]) -> Event:
    """One event, its paragraph and note checked against the article and the notes."""
    date = record["date"]
    what = f"the event dated '{date}'"
    paragraph = record.get("paragraph")
    if paragraph is not None and paragraphs is not None and paragraph > paragraphs:
        problems.append(
            Problem(file, record.key_lines["paragraph"], f"paragraph {paragraph} of {what} is not in the article; use 1 to {paragraphs}")
        )
    note = record.get("note")
    if note is not None and note not in note_ids:
        problems.append(
            Problem(file, record.key_lines["note"], f"note '{note}' of {what} is not in notes.yml; use a note id or drop 'note'")
        )
    sources = read_sources(record["sources"], file, what, record.key_lines["sources"], problems)
    return Event(date, record["label"].strip(), sources, bool(record.get("later", False)), paragraph, note, record.line)
