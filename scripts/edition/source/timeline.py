"""The timeline: `timeline.yml` read into `Event`s, and the dates in the forms readers see.

An event's date is ISO 8601 at the precision the sources allow: "2014", "2014-03" or
"2014-03-16". Events are listed in date order; two dates are in order when they are at
the precision both share ("2023-02" may follow "2023-02-01").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from edition.errors import Problem
from edition.model import Event
from edition.source import schema
from edition.source.records import item_lines, read_sources


def in_order(earlier: str, later: str) -> bool:
    """Whether `later` is not before `earlier` at the precision both dates have."""
    common = min(len(earlier), len(later))
    return earlier[:common] <= later[:common]


@dataclass(frozen=True)
class Scope:
    """What an event may point to in one document: how many paragraphs it has (None when unreadable) and its notes' ids."""

    paragraphs: int | None
    note_ids: frozenset[str]


def parse_timeline(
    data: Any, file: str, problems: list[Problem], *, documents: Mapping[str, Scope], default: str | None
) -> tuple[Event, ...]:
    """Read a timeline: a list of events in date order; every problem goes into `problems`.

    An event concerns the document `default` (an article's or a document's own timeline),
    or, in a collection's shared timeline (`default` None), the one its `document` names.
    A paragraph count of None means the text could not be read: its paragraph numbers are
    then not checked, rather than all reported wrong.
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
            event = _event(record, file, problems, documents, default)
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


def _event(record: Any, file: str, problems: list[Problem], documents: Mapping[str, Scope], default: str | None) -> Event:
    """One event, its document, paragraph and note checked against the texts and their notes."""
    date = record["date"]
    what = f"the event dated '{date}'"
    document = _document(record, file, what, problems, documents, default)
    scope = documents.get(document) if document else None
    paragraph = record.get("paragraph")
    note = record.get("note")
    if document is None and "document" not in record and (paragraph is not None or note is not None):
        key = "paragraph" if paragraph is not None else "note"
        problems.append(Problem(file, record.key_lines[key], f"'{key}' of {what} needs the document it is in: add 'document: <slug>'"))
    if scope is not None and paragraph is not None and scope.paragraphs is not None and paragraph > scope.paragraphs:
        problems.append(
            Problem(file, record.key_lines["paragraph"], f"paragraph {paragraph} of {what} is not in the text; use 1 to {scope.paragraphs}")
        )
    if scope is not None and note is not None and note not in scope.note_ids:
        problems.append(
            Problem(file, record.key_lines["note"], f"note '{note}' of {what} is not in notes.yml; use a note id or drop 'note'")
        )
    sources = read_sources(record["sources"], file, what, record.key_lines["sources"], problems)
    later = bool(record.get("later", False))
    return Event(date, record["label"].strip(), sources, later, paragraph, note, record.line, document)


def _document(
    record: Any, file: str, what: str, problems: list[Problem], documents: Mapping[str, Scope], default: str | None
) -> str | None:
    """The document an event concerns: the timeline's own, or the one its `document` names in a shared timeline."""
    if "document" not in record:
        return default
    line = record.key_lines["document"]
    if default is not None:
        problems.append(Problem(file, line, f"'document' of {what} is only for a collection's shared timeline; remove it"))
        return default
    if record["document"] not in documents:
        problems.append(
            Problem(file, line, f"document '{record['document']}' of {what} is not in documents/; use the name of a document's folder")
        )
        return None
    return str(record["document"])
