"""The pure pipeline: a loaded edition in, generated pages and a summary out."""

from __future__ import annotations

from .matcher import find_occurrences
from .model import Edition, Occurrence, Page, Summary
from .render import paragraph_index, render_pages


def build_pages(edition: Edition) -> tuple[tuple[Page, ...], Summary]:
    """Annotate the article and render every generated page, with a summary of what matched."""
    occurrences = find_occurrences(edition.paragraphs, edition.entries)
    return render_pages(edition, occurrences), _summarize(edition, occurrences)


def summarize(edition: Edition) -> Summary:
    """What matched, without rendering the pages: what a build prints once MkDocs has rendered them."""
    return _summarize(edition, find_occurrences(edition.paragraphs, edition.entries))


def _summarize(edition: Edition, occurrences: list[Occurrence]) -> Summary:
    """How much text, which entries were found and which never, from the occurrences."""
    found = paragraph_index(occurrences)
    return Summary(
        paragraphs=len(edition.paragraphs),
        words=sum(len(paragraph.split()) for paragraph in edition.paragraphs),
        entries=len(edition.entries),
        matched=tuple(entry.id for entry in edition.entries if entry.id in found),
        unmatched=tuple(entry.id for entry in edition.entries if entry.id not in found),
        occurrences=len(occurrences),
    )


def describe_summary(summary: Summary) -> str:
    """The few lines a build prints: paragraphs, entries matched, entries never found."""
    lines = [
        f"{summary.paragraphs} paragraphs, {summary.words} words",
        f"{len(summary.matched)} of {summary.entries} glossary entries matched, {summary.occurrences} occurrences",
    ]
    if summary.unmatched:
        lines.append(f"never found in the text: {', '.join(summary.unmatched)}")
    return "\n".join(lines)
