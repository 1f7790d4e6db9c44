"""The pure pipeline: a loaded edition in, generated pages and a summary out.

load and validate the source (`edition.source`) → find the terms (`matcher`) → render
Markdown pages (`render`, `apparatus`, the figures) → write them (`writer`, or MkDocs
in memory). This module is the middle two steps; it touches no file.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from functools import partial

from edition.errors import Problem
from edition.model import ARTICLE_SLUG, Document, Edition, Entry, Matched, Occurrence, Page, Summary
from edition.pages.matcher import build_form_table, find_in_table
from edition.pages.render import RenderMemo, layout_of, memo_context, paragraph_index, render_pages
from edition.pages.review import form_warnings, map_warnings


def match(edition: Edition, memo: RenderMemo | None = None) -> tuple[Matched, ...]:
    """Where the glossary's entries occur in each document; the glossary is indexed once for them all, and only if needed.

    With a begun `memo`, a document whose paragraphs were matched last time is not matched again.
    """
    table = functools.cache(partial(build_form_table, edition.entries))

    def occurrences(document: Document) -> tuple[Occurrence, ...]:
        return tuple(find_in_table(document.paragraphs, table()))

    if memo is None:
        return tuple(Matched(document, occurrences(document)) for document in edition.documents)
    return tuple(
        Matched(document, memo.recall(("match", document.paragraphs), partial(occurrences, document))) for document in edition.documents
    )


def render_again(edition: Edition, memo: RenderMemo) -> tuple[Page, ...]:
    """The pages of an edition, made with what `memo` kept from the last time: the preview's, at every save."""
    memo.begin(memo_context(edition, layout_of(edition)))
    pages = render_pages(edition, match(edition, memo), memo)
    memo.settle()
    return pages


def document_edition(edition: Edition, one: Matched, matched: Mapping[str, Matched] | None = None) -> Edition:
    """A collection's document as an edition of its own, for its book: its text, the entries and events it has, the map they need.

    The primary sources its claims quote come with it (from `matched`, by slug), as a single
    article's do, so that its book checks the quotations and prints the sources' words; what
    those sources claim in turn is left to their own books.
    """
    document = one.document
    sources = [matched[slug] for slug in dict.fromkeys(claim.said.document for claim in document.claims if claim.said)] if matched else []
    used = {occurrence.entry_id for part in (one, *sources) for occurrence in part.occurrences}
    used |= {claim.entry for claim in document.claims if claim.entry}
    used |= {speaker.entry for part in sources for speaker in part.document.metadata.speakers}
    entries = tuple(entry for entry in edition.entries if entry.id in used)
    slugs = {document.slug: ARTICLE_SLUG, **{part.document.slug: part.document.slug for part in sources}}
    events = tuple(dataclasses.replace(event, document=slugs[event.document]) for event in edition.timeline if event.document in slugs)
    basemap = edition.basemap if any(entry.coords for entry in entries) else None
    article = dataclasses.replace(document, slug=ARTICLE_SLUG)
    quoted = tuple(dataclasses.replace(part.document, claims=()) for part in sources)
    return Edition(document.metadata, (article, *quoted), entries, events, basemap)


def build_pages(edition: Edition) -> tuple[tuple[Page, ...], Summary]:
    """Annotate every document and render every generated page, with a summary of what matched."""
    matched = match(edition)
    return render_pages(edition, matched), _summarize(edition, matched)


def review(entries: Sequence[Entry], texts: Sequence[tuple[str, Sequence[str]]], *, collection: bool = False) -> list[Problem]:
    """The warnings matching gives for a glossary and the documents' texts, even of a source that has errors elsewhere."""
    table = build_form_table(entries)
    paragraphs, occurrences, labels = _flattened(
        [(slug, paragraphs, find_in_table(paragraphs, table)) for slug, paragraphs in texts], collection
    )
    return form_warnings(entries, paragraphs, occurrences, labels)


def _flattened(
    texts: Sequence[tuple[str, Sequence[str], Sequence[Occurrence]]], collection: bool
) -> tuple[list[str], list[Occurrence], list[str]]:
    """The documents' paragraphs one after another, their occurrences numbered along, and each paragraph's name in messages."""
    paragraphs: list[str] = []
    occurrences: list[Occurrence] = []
    labels: list[str] = []
    for slug, own, found in texts:
        offset = len(paragraphs)
        paragraphs += own
        # A single article's paragraphs are "¶7"; any other document's (a collection's, a primary source's) "slug ¶7".
        named = collection or slug != ARTICLE_SLUG
        labels += [f"{slug} ¶{number}" if named else f"¶{number}" for number in range(1, len(own) + 1)]
        occurrences += [
            Occurrence(offset + occurrence.paragraph, occurrence.start, occurrence.end, occurrence.entry_id) for occurrence in found
        ]
    return paragraphs, occurrences, labels


def _summarize(edition: Edition, matched: Sequence[Matched]) -> Summary:
    """How much text, which entries were found and which never, and the warnings, from the occurrences."""
    found = {entry_id for one in matched for entry_id in paragraph_index(one.occurrences)}
    paragraphs, occurrences, labels = _flattened(
        [(one.document.slug, one.document.paragraphs, one.occurrences) for one in matched], edition.collection
    )
    return Summary(
        paragraphs=len(paragraphs),
        words=sum(document.words for document in edition.documents),
        entries=len(edition.entries),
        matched=tuple(entry.id for entry in edition.entries if entry.id in found),
        unmatched=tuple(entry.id for entry in edition.entries if entry.id not in found),
        occurrences=len(occurrences),
        warnings=(*form_warnings(edition.entries, paragraphs, occurrences, labels), *map_warnings(edition)),
        documents=len(edition.documents),
    )


UNMATCHED_SHOWN = 10
"""How many entries never found the summary names; `make check` lists every form, at its line."""


def counted(number: int, one: str, many: str | None = None) -> str:
    """`number` with its noun, singular for one: "1 paragraph", "7 paragraphs"."""
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def describe_summary(summary: Summary) -> str:
    """The few lines a build prints: documents, paragraphs, entries matched, entries never found."""
    text = f"{counted(summary.paragraphs, 'paragraph')}, {counted(summary.words, 'word')}"
    if summary.documents > 1:
        text = f"{counted(summary.documents, 'document')}: {text}"
    lines = [
        text,
        f"{len(summary.matched)} of {counted(summary.entries, 'glossary entry', 'glossary entries')} matched, "
        f"{counted(summary.occurrences, 'occurrence')}",
    ]
    if summary.unmatched:
        shown = ", ".join(summary.unmatched[:UNMATCHED_SHOWN])
        more = len(summary.unmatched) - UNMATCHED_SHOWN
        lines.append(f"never found in the text: {shown}" + (f" and {more:,} more" if more > 0 else ""))
    return "\n".join(lines)
