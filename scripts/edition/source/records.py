"""Parts every list file shares: the sources a record cites, and the lines of a list's items."""

from __future__ import annotations

from typing import Any

from edition.errors import Problem
from edition.model import Source
from edition.source import schema
from edition.source.yamlfile import Sequence


def read_sources(value: Any, file: str, what: str, line: int | None, problems: list[Problem]) -> tuple[Source, ...]:
    """Read a list of `{title, url?}` sources; at least one is required."""
    if not isinstance(value, list) or not value:
        problems.append(Problem(file, line, f"{what} has no sources; add at least one '- title: …' under 'sources'"))
        return ()
    sources = []
    for item, item_line in zip(value, item_lines(value, line), strict=True):
        found = schema.check_record(item, schema.SOURCE, file, f"a source of {what}", item_line)
        problems += found
        if not found:
            sources.append(Source(item["title"].strip(), item.get("url")))
    return tuple(sources)


def item_lines(value: list[Any], line: int | None) -> list[int | None]:
    """The line of each item of a YAML list (the list's own line when unknown)."""
    lines = value.item_lines if isinstance(value, Sequence) else []
    return [*lines, *([line] * (len(value) - len(lines)))]
