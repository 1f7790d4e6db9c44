"""The source format, declared once: which keys each record has and what each may hold.

`check_record` compares one YAML mapping with its schema and returns every problem,
each at the line of the key that is wrong, so that an editor sees all of them in one
run. A record that passes holds values of the declared kinds, which `parse` then
reads without checking them again.

The kinds of value:

| kind | holds |
|---|---|
| `line` | one line of text, not empty (a title, a term, a short definition) |
| `text` | text, possibly of several lines (a description, a licence) |
| `markdown` | an editor's Markdown (a definition, a note), within the allowed elements |
| `date` | an ISO date as precise as known: `"2014"`, `"2014-03"` or `"2014-03-16"` |
| `url` | an absolute http(s) or mailto address |
| `id` | a slug of a–z, 0–9 and single hyphens, unique in its file |
| `count` | a whole number from 1 |
| `boolean`, `list`, `mapping` | true/false, a list, a mapping |
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import Any

from edition.errors import Problem
from edition.safety import markdown_problems, url_problem
from edition.source.yamlfile import Mapping

MAX_ID_LENGTH = 64
MAX_LINE_LENGTH = 2000
"""The longest one-line value (title, term, short definition, quote of a claim's speaker)."""

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
ISO_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?\Z")


@dataclass(frozen=True)
class Key:
    """One key of a record: its name, the kind of value it holds, whether it is required and may be null."""

    name: str
    kind: str
    required: bool = True
    nullable: bool = False


_TYPES: dict[str, tuple[type, ...]] = {
    "line": (str,),
    "text": (str,),
    "markdown": (str,),
    "date": (str,),
    "url": (str,),
    "id": (str,),
    "count": (int,),
    "list": (list,),
    "mapping": (dict,),
    "boolean": (bool,),
}

_KIND_NAMES = {
    "line": "text",
    "text": "text",
    "markdown": "text",
    "date": 'a quoted date ("YYYY-MM-DD")',
    "url": "an address",
    "id": "an id",
    "count": "a whole number",
    "list": "a list",
    "mapping": "a mapping",
    "boolean": "true or false",
}

_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "true/false"),
    (str, "text"),
    (list, "a list"),
    (dict, "a mapping"),
    (int, "a whole number"),
    (float, "a number"),
    (type(None), "nothing (null)"),
)
"""YAML's types as an editor would name them; true/false first, since Python counts them as numbers."""

EDITION = (
    Key("title", "line"),
    Key("language", "line"),
    Key("description", "text", required=False),
    Key("source", "mapping"),
    Key("editors", "list"),
    Key("license", "text"),
    Key("version", "line", required=False),
    Key("date", "date", required=False),
    Key("changelog", "list", required=False),
    Key("kind", "line", required=False),
    Key("issued_by", "line", required=False),
    Key("copy", "mapping", required=False),
    Key("excerpt", "text", required=False),
    Key("speakers", "list", required=False),
)

PRIMARY_SOURCE_KEYS = ("kind", "issued_by", "copy", "excerpt", "speakers")
"""What a document says of itself as a primary source: not a collection's to give."""

COLLECTION = tuple(key for key in EDITION if key.name != "source" and key.name not in PRIMARY_SOURCE_KEYS)
"""A collection's own metadata, `collection.yml`: an edition's, without a source of its own."""

INHERITED = frozenset({"language", "editors", "license"})
"""What a collection's documents may leave to `collection.yml`."""

DOCUMENT = tuple(Key(key.name, key.kind, required=False) if key.name in INHERITED else key for key in EDITION)
"""A document's `edition.yml` in a collection."""

CHANGE = (
    Key("version", "line"),
    Key("date", "date"),
    Key("text", "text"),
)

ORIGINAL = (
    Key("headline", "line", nullable=True),
    Key("outlet", "line", nullable=True),
    Key("byline", "line", required=False, nullable=True),
    Key("date", "date", nullable=True),
    Key("url", "url", nullable=True),
    Key("note", "text", nullable=True),
)

ENTRY = (
    Key("id", "id"),
    Key("term", "line"),
    Key("kind", "line"),
    Key("forms", "list", required=False),
    Key("short", "line"),
    Key("definition", "markdown"),
    Key("sources", "list"),
    Key("index_as", "line", required=False),
    Key("coords", "list", required=False),
)

NOTE = (
    Key("id", "id"),
    Key("type", "line"),
    Key("quote", "text"),
    Key("occurrence", "count", required=False),
    Key("text", "markdown"),
    Key("sources", "list"),
)

CLAIM = (
    Key("id", "id"),
    Key("who", "line"),
    Key("entry", "id", required=False),
    Key("what", "line"),
    Key("channel", "line"),
    Key("form", "line"),
    Key("quote", "text"),
    Key("occurrence", "count", required=False),
    Key("said", "mapping", required=False),
    Key("no_primary_source", "line", required=False),
)

SAID = (
    Key("document", "id"),
    Key("passage", "text"),
)

SPEAKER = (
    Key("label", "line"),
    Key("entry", "id"),
)

EVENT = (
    Key("date", "date"),
    Key("label", "line"),
    Key("later", "boolean", required=False),
    Key("paragraph", "count", required=False),
    Key("note", "id", required=False),
    Key("document", "id", required=False),
    Key("sources", "list"),
)

SOURCE = (
    Key("title", "line"),
    Key("url", "url", required=False),
)


def describe(value: object) -> str:
    """Name a YAML value's type the way an editor would."""
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


def is_valid_date(text: str) -> bool:
    """Whether `text` is a real date written YYYY, YYYY-MM or YYYY-MM-DD."""
    match = ISO_DATE.match(text)
    if match is None:
        return False
    year, month, day = (int(match[part]) if match[part] else 1 for part in ("year", "month", "day"))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def check_record(record: Any, keys: tuple[Key, ...], file: str, what: str, line: int | None) -> list[Problem]:
    """Every problem with one record: not a mapping, unknown, missing, mistyped or malformed values."""
    if not isinstance(record, Mapping):
        return [Problem(file, line, f"{what} should be a mapping of keys to values, not {describe(record)}")]
    known = {key.name: key for key in keys}
    problems = [_unknown_key(name, known, file, record.key_lines.get(name), what) for name in record if name not in known]
    for key in keys:
        if key.name not in record:
            if key.required:
                problems.append(Problem(file, record.line, f"{what} has no '{key.name}'; add '{key.name}: …'"))
            continue
        value = record[key.name]
        if value is None and key.nullable:
            continue
        wrong_type = _type_problem(key, value)
        messages = [wrong_type] if wrong_type else _value_problems(key, value)
        problems += [Problem(file, record.key_lines.get(key.name), f"'{key.name}' of {what} {message}") for message in messages]
    return problems


def has_shape(record: Any, keys: tuple[Key, ...]) -> bool:
    """Whether a record can be read at all: a mapping with every required key, each of its kind of YAML type.

    A record that has its shape but wrong values (a malformed id, an empty line) is still
    read, so that the checks that need it (its forms against the text) run in the same pass.
    """
    if not isinstance(record, Mapping):
        return False
    for key in keys:
        if key.name not in record:
            if key.required:
                return False
            continue
        value = record[key.name]
        if not (value is None and key.nullable) and _type_problem(key, value) is not None:
            return False
    return True


def _type_problem(key: Key, value: object) -> str | None:
    """What is wrong with the value's YAML type, if anything."""
    if isinstance(value, bool) and key.kind != "boolean":
        return f"should be {_KIND_NAMES[key.kind]}, not true/false (quote it if it is meant as text)"
    if isinstance(value, _TYPES[key.kind]):
        return None
    hint = " (quote it if it is meant as text)" if _TYPES[key.kind] == (str,) else ""
    return f"should be {_KIND_NAMES[key.kind]}, not {describe(value)}{hint}"


def _value_problems(key: Key, value: Any) -> list[str]:
    """What is wrong with a value of the right type: empty, too long, several lines, not a date, and so on."""
    if key.kind in ("line", "text", "markdown") and not value.strip():
        return ["is empty; write it, or remove the key if it is optional"]
    if key.kind == "line" and "\n" in value.strip():
        return ["should be one line; join its lines"]
    if key.kind == "line" and len(value) > MAX_LINE_LENGTH:
        return [f"is {len(value):,} characters long; one line holds at most {MAX_LINE_LENGTH:,}"]
    if key.kind == "markdown":
        return markdown_problems(value)
    if key.kind == "date" and not is_valid_date(value):
        return [f'is \'{value}\', not a real date written "YYYY", "YYYY-MM" or "YYYY-MM-DD"']
    found = url_problem(value) if key.kind == "url" else id_problem(value) if key.kind == "id" else None
    if found:
        return [f"is '{_shortened(value)}', which {found}" if key.kind == "url" else found]
    if key.kind == "count" and value < 1:
        return [f"is {value}; it counts from 1"]
    return []


def _shortened(value: str, length: int = 80) -> str:
    """A value short enough to quote in a message."""
    return value if len(value) <= length else value[: length - 1] + "…"


def id_problem(value: str) -> str | None:
    """What is wrong with an id, if anything: it must be a short slug."""
    if len(value) > MAX_ID_LENGTH:
        return f"is {len(value):,} characters long; an id has at most {MAX_ID_LENGTH}"
    if not ID_PATTERN.match(value):
        return f"'{_shortened(value)}' should be a slug of a-z, 0-9 and single hyphens, e.g. 'kerch-bridge'"
    return None


def _unknown_key(name: str, known: dict[str, Key], file: str, line: int | None, what: str) -> Problem:
    """Report a key the schema does not have, suggesting the closest one it does."""
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed keys are: {', '.join(known)}"
    return Problem(file, line, f"unknown key '{name}' in {what}: {hint}")
