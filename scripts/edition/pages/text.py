"""The annotated text as HTML: numbered paragraphs, glossary footnotes, and what the apparatus marks in them.

The text follows the edition's HTML contract: each paragraph is `<p id="pN"
class="ed-paragraph">`; what the edition inserts in it (the paragraph number, footnote
calls, note marks) is a `<sup>` or has the class `ed-insert`; every annotated occurrence
has `data-term`. The footnotes take Python-Markdown's form (`sup#fnref:ID`, `li#fn:ID`),
which Material's footnote tooltips and the book's typesetting read.

The HTML goes into the page as it is (`passthrough`): every piece of the source in it is
escaped here, through `edition.safety`, and its links are final addresses (`layout.href`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edition.layout import Layout, href
from edition.model import Document, Entry, Insert, Occurrence, Speaker
from edition.pages.apparatus import paragraph_inserts
from edition.pages.matcher import first_occurrences
from edition.pages.quotations import NO_CHECKS, Checks, passage_inserts
from edition.safety import escape_html
from edition.source.primary import turn_label

POSSESSIVE = re.compile(r"[’'](?:s\b|(?!\w))")
"""A possessive ending after a word: ’s or 's, or a bare apostrophe as in "Reuters’"."""


@dataclass(frozen=True)
class Turn:
    """A transcript's paragraph as a speaker's turn: whose, and where its opening label stands (none when it goes on)."""

    speaker: Speaker
    label: tuple[int, int] | None


def turns(document: Document) -> dict[int, Turn]:
    """Each paragraph of a transcript that belongs to a turn: one opened by a label, and those after it until the next."""
    found: dict[int, Turn] = {}
    if not document.metadata.speakers:
        return found
    current: Speaker | None = None
    for number, paragraph in enumerate(document.paragraphs):
        opened = turn_label(paragraph, document.metadata.speakers)
        if opened is not None:
            current = opened[0]
            found[number] = Turn(current, opened[1:])
        elif current is not None:
            found[number] = Turn(current, None)
    return found


def shown_occurrences(document: Document, occurrences: Sequence[Occurrence]) -> list[Occurrence]:
    """The occurrences the text annotates: all but those inside a speaker's label, which links to the speaker itself."""
    labels = {number: turn.label for number, turn in turns(document).items() if turn.label is not None}
    if not labels:
        return list(occurrences)
    return [
        occurrence
        for occurrence in occurrences
        if occurrence.paragraph not in labels or occurrence.start >= labels[occurrence.paragraph][1]
    ]


def text_html(
    document: Document,
    occurrences: Sequence[Occurrence],
    entries: Mapping[str, Entry],
    layout: Layout,
    checks: Checks = NO_CHECKS,
) -> str:
    """The document's paragraphs, annotated, one `<p>` per line: a transcript's as its speakers' turns."""
    page = layout.text(document.slug)
    occurrences = shown_occurrences(document, occurrences)
    by_paragraph: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_paragraph[occurrence.paragraph].append(occurrence)
    first_mentions = frozenset(first_occurrences(occurrences).values())
    inserts = paragraph_inserts(document, layout, checks)
    for number, added in passage_inserts(checks, document, layout).items():
        inserts[number] = [*inserts.get(number, []), *added]
    spoken = turns(document)
    for number, turn in spoken.items():
        if turn.label is not None:
            link = href(page, layout.entry(turn.speaker.entry), turn.speaker.entry)
            opening = f'<a class="ed-speaker" href="{link}" data-speaker="{turn.speaker.entry}">'
            # The label's link is the innermost element at its edges: it opens after and closes before
            # any span (a claim's, a passage's) that starts or ends with it, so that the markup nests.
            start, end = turn.label
            inserts[number] = [Insert(end, Insert.CLOSE, "</a>"), *inserts.get(number, []), Insert(start, Insert.OPEN, opening)]
    links = Links(
        {entry_id: href(page, layout.entry(entry_id), entry_id) for entry_id in {occurrence.entry_id for occurrence in occurrences}},
        {entry_id: number for number, entry_id in enumerate(first_occurrences(occurrences), 1)},
    )
    labels = {number: [turn.label] for number, turn in spoken.items() if turn.label is not None}
    paragraphs = (
        paragraph_html(number, text, by_paragraph[number], entries, first_mentions, inserts.get(number, ()), links, labels.get(number, ()))
        for number, text in enumerate(document.paragraphs)
    )
    return "\n".join(_as_turn(html, spoken.get(number)) for number, html in enumerate(paragraphs))


def _as_turn(paragraph: str, turn: Turn | None) -> str:
    """A paragraph's `<p>` marked as its speaker's turn, the first of it or a continuation."""
    if turn is None:
        return paragraph
    kind = "ed-turn" if turn.label is not None else "ed-turn ed-turn--continued"
    return paragraph.replace('<p class="ed-paragraph"', f'<p class="ed-paragraph {kind}" data-speaker="{turn.speaker.entry}"', 1)


def footnotes_html(document: Document, occurrences: Sequence[Occurrence], entries: Mapping[str, Entry], layout: Layout) -> str:
    """The glossary footnotes of the text, one for each entry at its first mention, in Python-Markdown's form; empty without any."""
    page = layout.text(document.slug)
    items = []
    for number, entry_id in enumerate(first_occurrences(shown_occurrences(document, occurrences)), 1):
        entry = entries[entry_id]
        term = escape_html(entry.term)
        items.append(
            f'<li id="fn:{entry.id}">\n<p><strong>{term}</strong>: {escape_html(entry.short)} '
            f'<a href="{href(page, layout.entry(entry.id), entry.id)}">{term} in the glossary</a>&#160;'
            f'<a class="footnote-backref" href="#fnref:{entry.id}" title="Jump back to footnote {number} in the text">&#8617;</a>'
            "</p>\n</li>"
        )
    return '<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>" if items else ""


@dataclass(frozen=True)
class Links:
    """What the paragraphs of one page link to: each entry's glossary address, and the number of its footnote."""

    glossary: Mapping[str, str]
    footnotes: Mapping[str, int]


def paragraph_html(
    number: int,
    text: str,
    occurrences: Sequence[Occurrence],
    entries: Mapping[str, Entry],
    first_mentions: frozenset[Occurrence],
    inserts: Sequence[Insert],
    links: Links,
    kept: Sequence[tuple[int, int]] = (),
) -> str:
    """One numbered paragraph: the first occurrence of an entry gets its footnote call, later ones a link (`links`).

    `inserts` (claim spans, note markers) go in at their positions; one that falls inside an
    annotated occurrence, or inside a span `kept` whole (a speaker's label), moves to its
    edge, so that the markup nests.
    """
    label = number + 1
    spans = {
        occurrence.start: _occurrence_html(text, occurrence, entries[occurrence.entry_id], links, first=occurrence in first_mentions)
        for occurrence in occurrences
    }
    extents = [(occurrence.start, end) for occurrence, (_, end) in zip(occurrences, spans.values(), strict=True)]
    placed: dict[int, list[Insert]] = defaultdict(list)
    for insert in inserts:
        placed[_snap(insert, [*extents, *kept])].append(insert)
    points = sorted({0, len(text), *placed, *spans, *(end for _, end in extents)})
    number_link = f'<a class="ed-insert ed-pnum" href="#p{label}" title="Paragraph {label}: link, and copy its citation">{label}</a>'
    pieces = [f'<p class="ed-paragraph" id="p{label}">{number_link}']
    position = 0
    for point, following in zip(points, [*points[1:], len(text)], strict=True):
        if point < position:
            continue
        pieces += [insert.markup for insert in sorted(placed.get(point, []), key=lambda item: item.order)]
        if point in spans:
            markup, position = spans[point]
            pieces.append(markup)
        else:
            pieces.append(escape_html(text[point:following]))
            position = following
    return "".join(pieces) + "</p>"


def _occurrence_html(text: str, occurrence: Occurrence, entry: Entry, links: Links, *, first: bool) -> tuple[str, int]:
    """The markup for one occurrence and where the text resumes after it."""
    words = escape_html(text[occurrence.start : occurrence.end])
    if not first:
        # The definition travels in a data attribute, never a title: Material's tooltips rebuild titles as HTML.
        tip = escape_html(entry.short)
        return (
            f'<a class="ed-term" data-ed-tip="{tip}" data-term="{entry.id}" href="{links.glossary[entry.id]}">{words}</a>',
            occurrence.end,
        )
    # The footnote call follows a possessive, as it would in print: "Army’s¹", not "Army¹’s".
    possessive = POSSESSIVE.match(text, occurrence.end)
    end = possessive.end() if possessive else occurrence.end
    tail = escape_html(text[occurrence.end : end])
    call = f'<sup id="fnref:{entry.id}"><a class="footnote-ref" href="#fn:{entry.id}">{links.footnotes[entry.id]}</a></sup>'
    return f'<span class="ed-term" data-term="{entry.id}">{words}</span>{tail}{call}', end


def _snap(insert: Insert, extents: Sequence[tuple[int, int]]) -> int:
    """Move an insert that falls inside an occurrence to the occurrence's start or end."""
    for start, end in extents:
        if start < insert.position < end:
            return start if insert.order == Insert.OPEN else end
    return insert.position
