"""The pure pipeline: a loaded edition in, generated pages and a summary out.

load and validate the source (`edition.source`) → find the terms (`matcher`) → render
Markdown pages (`render`, `apparatus`, the figures) → write them (`writer`, or MkDocs
in memory). This module is the middle two steps; it touches no file.
"""

from __future__ import annotations

from collections.abc import Sequence

from edition.errors import Problem
from edition.model import Edition, Entry, Occurrence, Page, Summary
from edition.pages.matcher import find_occurrences
from edition.pages.render import paragraph_index, render_pages
from edition.pages.review import form_warnings, map_warnings


def build_pages(edition: Edition) -> tuple[tuple[Page, ...], Summary]:
    """Annotate the article and render every generated page, with a summary of what matched."""
    occurrences = find_occurrences(edition.paragraphs, edition.entries)
    return render_pages(edition, occurrences), _summarize(edition, occurrences)


def summarize(edition: Edition) -> Summary:
    """What matched, without rendering the pages."""
    return _summarize(edition, find_occurrences(edition.paragraphs, edition.entries))


def review(entries: Sequence[Entry], paragraphs: Sequence[str]) -> list[Problem]:
    """The warnings matching gives for a glossary and a text, even of a source that has errors elsewhere."""
    return form_warnings(entries, paragraphs, find_occurrences(paragraphs, entries))


def _summarize(edition: Edition, occurrences: list[Occurrence]) -> Summary:
    """How much text, which entries were found and which never, and the warnings, from the occurrences."""
    found = paragraph_index(occurrences)
    return Summary(
        paragraphs=len(edition.paragraphs),
        words=sum(len(paragraph.split()) for paragraph in edition.paragraphs),
        entries=len(edition.entries),
        matched=tuple(entry.id for entry in edition.entries if entry.id in found),
        unmatched=tuple(entry.id for entry in edition.entries if entry.id not in found),
        occurrences=len(occurrences),
        warnings=(*form_warnings(edition.entries, edition.paragraphs, occurrences), *map_warnings(edition)),
    )


def counted(number: int, one: str, many: str | None = None) -> str:
    """`number` with its noun, singular for one: "1 paragraph", "7 paragraphs"."""
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def describe_summary(summary: Summary) -> str:
    """The few lines a build prints: paragraphs, entries matched, entries never found."""
    lines = [
        f"{counted(summary.paragraphs, 'paragraph')}, {counted(summary.words, 'word')}",
        f"{len(summary.matched)} of {counted(summary.entries, 'glossary entry', 'glossary entries')} matched, "
        f"{counted(summary.occurrences, 'occurrence')}",
    ]
    if summary.unmatched:
        lines.append(f"never found in the text: {', '.join(summary.unmatched)}")
    return "\n".join(lines)
