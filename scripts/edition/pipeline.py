"""The pure pipeline: a loaded edition in, generated pages and a summary out."""

from __future__ import annotations

from .matcher import find_occurrences
from .model import Edition, Page, Summary
from .render import paragraph_index, render_pages


def build_pages(edition: Edition) -> tuple[tuple[Page, ...], Summary]:
    """Annotate the article and render every generated page, with a summary of what matched."""
    occurrences = find_occurrences(edition.paragraphs, edition.entries)
    found = paragraph_index(occurrences)
    summary = Summary(
        paragraphs=len(edition.paragraphs),
        words=sum(len(paragraph.split()) for paragraph in edition.paragraphs),
        entries=len(edition.entries),
        matched=tuple(entry.id for entry in edition.entries if entry.id in found),
        unmatched=tuple(entry.id for entry in edition.entries if entry.id not in found),
        occurrences=len(occurrences),
    )
    return render_pages(edition, occurrences), summary


def describe_summary(summary: Summary) -> str:
    """The few lines a build prints: paragraphs, entries matched, entries never found."""
    lines = [
        f"{summary.paragraphs} paragraphs, {summary.words} words",
        f"{len(summary.matched)} of {summary.entries} glossary entries matched, {summary.occurrences} occurrences",
    ]
    if summary.unmatched:
        lines.append(f"never found in the text: {', '.join(summary.unmatched)}")
    return "\n".join(lines)
