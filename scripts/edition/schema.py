"""The source format, declared once: which keys each record has and what they hold.

`check_record` compares one YAML mapping with its schema and returns every
problem, so that an editor sees all of them in one run.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any

from .errors import Problem
from .yamlfile import Mapping


@dataclass(frozen=True)
class Key:
    """One key of a record: its name, the YAML type it must hold, and whether it is required."""

    name: str
    kind: str
    required: bool = True
    nullable: bool = False


# A YAML date (2023-02-03) is accepted wherever text is, and read as ISO text.
_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str, datetime.date),
    "list": (list,),
    "mapping": (dict,),
    "integer": (int,),
    "boolean": (bool,),
}

_KIND_NAMES = {"text": "text", "list": "a list", "mapping": "a mapping", "integer": "a whole number", "boolean": "true or false"}

_TYPE_NAMES = {
    str: "text",
    list: "a list",
    dict: "a mapping",
    int: "a whole number",
    bool: "true/false",
    float: "a number",
    type(None): "nothing (null)",
    datetime.date: "a date",
}

EDITION = (
    Key("title", "text"),
    Key("language", "text"),
    Key("description", "text", required=False),
    Key("source", "mapping"),
    Key("editors", "list"),
    Key("license", "text"),
    Key("version", "text", required=False),
    Key("date", "text", required=False),
    Key("changelog", "list", required=False),
)

CHANGE = (
    Key("version", "text"),
    Key("date", "text"),
    Key("text", "text"),
)

ORIGINAL = (
    Key("headline", "text", nullable=True),
    Key("outlet", "text", nullable=True),
    Key("byline", "text", required=False, nullable=True),
    Key("date", "text", nullable=True),
    Key("url", "text", nullable=True),
    Key("note", "text", nullable=True),
)

ENTRY = (
    Key("id", "text"),
    Key("term", "text"),
    Key("kind", "text"),
    Key("forms", "list", required=False),
    Key("short", "text"),
    Key("definition", "text"),
    Key("sources", "list"),
    Key("index_as", "text", required=False),
    Key("coords", "list", required=False),
)

NOTE = (
    Key("id", "text"),
    Key("type", "text"),
    Key("quote", "text"),
    Key("occurrence", "integer", required=False),
    Key("text", "text"),
    Key("sources", "list"),
)

CLAIM = (
    Key("id", "text"),
    Key("who", "text"),
    Key("entry", "text", required=False),
    Key("what", "text"),
    Key("channel", "text"),
    Key("form", "text"),
    Key("quote", "text"),
    Key("occurrence", "integer", required=False),
)

EVENT = (
    Key("date", "text"),
    Key("label", "text"),
    Key("later", "boolean", required=False),
    Key("paragraph", "integer", required=False),
    Key("note", "text", required=False),
    Key("sources", "list"),
)

SOURCE = (
    Key("title", "text"),
    Key("url", "text", required=False),
)


def describe(value: object) -> str:
    """Name a YAML value's type the way an editor would."""
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def text(value: Any) -> str:
    """Read a text value that YAML may have parsed as a date."""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def check_record(record: Any, keys: tuple[Key, ...], file: str, what: str, line: int | None) -> list[Problem]:
    """Return every problem with one record: not a mapping, unknown, missing or mistyped keys."""
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
        if (isinstance(value, bool) and key.kind != "boolean") or not isinstance(value, _TYPES[key.kind]):
            wanted = _KIND_NAMES[key.kind]
            hint = " (quote it if it is meant as text)" if key.kind == "text" else ""
            problems.append(
                Problem(file, record.key_lines.get(key.name), f"'{key.name}' of {what} should be {wanted}, not {describe(value)}{hint}")
            )
    return problems


def _unknown_key(name: str, known: dict[str, Key], file: str, line: int | None, what: str) -> Problem:
    """Report a key the schema does not have, suggesting the closest one it does."""
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed keys are: {', '.join(known)}"
    return Problem(file, line, f"unknown key '{name}' in {what}: {hint}")
