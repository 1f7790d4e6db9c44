"""Render the edition as Markdown pages: pure functions from model and occurrences to text.

The pages follow the edition's HTML contract: each paragraph becomes
`<p id="pN">`; what the edition inserts in it (the paragraph number, footnote
calls) is a `<sup>` or has the class `ed-insert`; every annotated occurrence has
`data-term`; every glossary entry is a `<section id="ID">` with links back to
`article/#pN`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from edition.figures.html import format_coords, has_map, render_map_page, render_timeline_page
from edition.model import Edition, Entry, Insert, Occurrence, Page
from edition.pages.apparatus import paragraph_inserts, render_claims, render_notes, sources_list
from edition.pages.home import HOME_TITLE, about_title, render_about, render_home
from edition.pages.matcher import first_occurrences
from edition.pages.writer import GENERATED_MARK
from edition.safety import escape_attribute, escape_html, escape_text, markdown_html

POSSESSIVE = re.compile(r"[’'](?:s\b|(?!\w))")
"""A possessive ending after a word: ’s or 's, or a bare apostrophe as in "Reuters’"."""

KIND_HEADINGS = {"person": "People", "place": "Places", "organization": "Organizations"}


def render_pages(edition: Edition, occurrences: Sequence[Occurrence]) -> tuple[Page, ...]:
    """All generated pages of an edition, in a fixed order."""
    title = edition.metadata.title
    with_map = has_map(edition)
    pages = [
        Page("index.md", render_home(edition, _front_matter(HOME_TITLE, edition.metadata.description), has_map=with_map)),
        Page("article.md", render_article(edition, occurrences)),
        Page("glossary.md", render_glossary(edition, occurrences)),
        Page("names.md", render_names(edition, occurrences)),
        Page("notes.md", render_notes(edition, _front_matter("Editorial notes", f"Editorial notes on {title}", "reviews"))),
        Page("claims.md", render_claims(edition, _front_matter("Who said what", f"Who said what in {title}"))),
    ]
    # The figures exist only when the source has their data: places with coords and map data, a timeline.
    if with_map:
        pages.append(Page("map.md", render_map_page(edition, _front_matter("Map", f"Locator map of the places in {title}"))))
    if edition.timeline:
        pages.append(Page("timeline.md", render_timeline_page(edition, _front_matter("Timeline", f"Timeline of {title}"))))
    about = _front_matter(about_title(edition), f"About the edition of {title}", "cite", "facts")
    pages.append(Page("about.md", render_about(edition, about, has_map=with_map)))
    return tuple(pages)


def _front_matter(title: str, description: str, *flags: str) -> str:
    """Front matter and the generated mark.

    Values are JSON strings, which YAML reads as they are; the theme writes them
    into the HTML unescaped, so they are HTML-escaped first. Each flag (`cite`,
    `article`) is set true for the templates: it asks for a citation block or the
    article's citation metadata.
    """
    lines = ["---", f"title: {json.dumps(escape_html(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(escape_html(description), ensure_ascii=False)}")
    lines += [f"{flag}: true" for flag in flags]
    return "\n".join([*lines, "---", "", GENERATED_MARK, ""])


def paragraph_index(occurrences: Iterable[Occurrence]) -> dict[str, list[int]]:
    """For each entry, the numbers (from 1) of the paragraphs it occurs in, once each, in order."""
    index: dict[str, list[int]] = defaultdict(list)
    for occurrence in occurrences:
        numbers = index[occurrence.entry_id]
        if not numbers or numbers[-1] != occurrence.paragraph + 1:
            numbers.append(occurrence.paragraph + 1)
    return index


# The article -------------------------------------------------------------------------------


def render_article(edition: Edition, occurrences: Sequence[Occurrence]) -> str:
    """The article page: title, what is known of the source, numbered annotated paragraphs, footnotes."""
    meta = edition.metadata
    entries = {entry.id: entry for entry in edition.entries}
    by_paragraph: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_paragraph[occurrence.paragraph].append(occurrence)
    first_mentions = frozenset(first_occurrences(occurrences).values())
    inserts = paragraph_inserts(edition)
    body = [
        render_paragraph(number, text, by_paragraph[number], entries, first_mentions, inserts.get(number, ()))
        for number, text in enumerate(edition.paragraphs)
    ]
    firsts = list(dict.fromkeys(occurrence.entry_id for occurrence in occurrences))
    footnotes = [render_footnote(entries[entry_id]) for entry_id in firsts]
    parts = [
        _front_matter("Article", meta.description, "cite", "article"),
        f"# {escape_text(meta.display_title)}",
        _source_line(edition),
        *body,
        *footnotes,
    ]
    return "\n\n".join(parts) + "\n"


def _source_line(edition: Edition) -> str:
    """A short block saying what the source is and what it lacked."""
    original = edition.metadata.original
    known = [
        f"{label}: {escape_text(value) if value else '*not given in the source*'}"
        for label, value in (("Outlet", original.outlet), ("Byline", original.byline), ("Date", original.date))
    ]
    lines = [" · ".join(known)]
    if original.note:  # the book has it on its cover, and leaves it out here
        lines.append(escape_text(original.note.strip()) + "\n{: .ed-source__note }")
    return '<div class="ed-source" markdown>\n\n' + "\n\n".join(lines) + "\n\n</div>"


def render_paragraph(
    number: int,
    text: str,
    occurrences: Sequence[Occurrence],
    entries: dict[str, Entry],
    first_mentions: frozenset[Occurrence],
    inserts: Sequence[Insert] = (),
) -> str:
    """One numbered paragraph: the first occurrence of an entry gets its footnote, later ones a link.

    `inserts` (claim spans, note markers) go in at their positions; one that falls inside an
    annotated occurrence moves to its edge, so that the markup nests.
    """
    label = number + 1
    spans = {
        occurrence.start: _occurrence_markup(text, occurrence, entries[occurrence.entry_id], first=occurrence in first_mentions)
        for occurrence in occurrences
    }
    extents = [(occurrence.start, end) for occurrence, (_, end) in zip(occurrences, spans.values(), strict=True)]
    placed: dict[int, list[Insert]] = defaultdict(list)
    for insert in inserts:
        placed[_snap(insert, extents)].append(insert)
    points = sorted({0, len(text), *placed, *spans, *(end for _, end in extents)})
    pieces = [f'[{label}](#p{label}){{ .ed-insert .ed-pnum title="Paragraph {label}: link, and copy its citation" }}']
    position = 0
    for point, following in zip(points, [*points[1:], len(text)], strict=True):
        if point < position:
            continue
        pieces += [insert.markup for insert in sorted(placed.get(point, []), key=lambda item: item.order)]
        if point in spans:
            markup, position = spans[point]
            pieces.append(markup)
        else:
            pieces.append(_escape_piece(text, point, following))
            position = following
    return "".join(pieces) + f"\n{{: #p{label} .ed-paragraph }}"


def _occurrence_markup(text: str, occurrence: Occurrence, entry: Entry, *, first: bool) -> tuple[str, int]:
    """The markup for one occurrence and where the text resumes after it."""
    words = _escape_piece(text, occurrence.start, occurrence.end)
    if not first:
        # The definition travels in a data attribute, never a title: Material's tooltips rebuild titles as HTML.
        tip = escape_attribute(entry.short)
        return f'[{words}](glossary.md#{entry.id}){{ .ed-term data-term="{entry.id}" data-ed-tip="{tip}" }}', occurrence.end
    # The footnote call follows a possessive, as it would in print: "Army’s¹", not "Army¹’s".
    possessive = POSSESSIVE.match(text, occurrence.end)
    end = possessive.end() if possessive else occurrence.end
    tail = _escape_piece(text, occurrence.end, end)
    return f'<span class="ed-term" data-term="{entry.id}">{words}</span>{tail}[^{entry.id}]', end


def _snap(insert: Insert, extents: Sequence[tuple[int, int]]) -> int:
    """Move an insert that falls inside an occurrence to the occurrence's start or end."""
    for start, end in extents:
        if start < insert.position < end:
            return start if insert.order == Insert.OPEN else end
    return insert.position


def _escape_piece(text: str, start: int, end: int) -> str:
    """Escape `text[start:end]`, knowing whether it begins or ends a line of the paragraph."""
    return escape_text(
        text[start:end],
        starts_line=start == 0 or text[start - 1] == "\n",
        ends_line=end == len(text) or text[end] == "\n",
    )


def render_footnote(entry: Entry) -> str:
    """The footnote for an entry's first occurrence: its short text and a link to the glossary."""
    return (
        f"[^{entry.id}]: **{escape_text(entry.term)}**: {escape_text(entry.short)} "
        f"[{escape_text(entry.term)} in the glossary](glossary.md#{entry.id})"
    )


# The glossary ------------------------------------------------------------------------------


def render_glossary(edition: Edition, occurrences: Sequence[Occurrence]) -> str:
    """The glossary page: every entry, alphabetically, with forms, sources and back-links."""
    where = paragraph_index(occurrences)
    # In the order of their headings, as readers look them up: "Antony Blinken" under A (the names index has "Blinken, Antony").
    entries = sorted(edition.entries, key=lambda entry: entry.term.casefold())
    intro = (
        f"{len(entries)} entries, in alphabetical order. Each gives the words matched in the article, "
        "the sources of the definition, and links back to every paragraph where it occurs."
    )
    parts = [_front_matter("Glossary", f"Glossary of {edition.metadata.title}"), "# Glossary", intro]
    parts += [render_entry(entry, where.get(entry.id, []), on_map=has_map(edition)) for entry in entries]
    return "\n\n".join(parts) + "\n"


def render_entry(entry: Entry, paragraphs: Sequence[int], *, on_map: bool = False) -> str:
    """One glossary entry as a `<section id>` holding heading, definition, sources and back-links.

    With `on_map`, a place with coordinates also links to its line under the map.
    """
    forms = ", ".join(f"“{escape_text(form)}”" for form in entry.forms)
    lines = [
        f'<section class="ed-entry" id="{entry.id}" data-kind="{entry.kind}" markdown>',
        f"## {escape_text(entry.term)} {{ #{entry.id}-term }}",
        f'<span class="ed-kind">{entry.kind}</span> · Matched as: {forms}',
        definition_block(entry.definition),
        "**Sources**\n\n" + sources_list(entry.sources),
        f"**In the article:** {_backlinks(paragraphs)}",
        *([f"**On the map:** [{format_coords(*entry.coords)}](map.md#map-{entry.id})"] if on_map and entry.coords else []),
        "</section>",
    ]
    return "\n\n".join(lines)


def definition_block(markdown_text: str) -> str:
    """An editor's Markdown (a definition, a note) as a block of clean HTML, which the page's Markdown leaves as it is."""
    return f'<div class="ed-prose">\n{markdown_html(markdown_text)}\n</div>'


def _backlinks(paragraphs: Sequence[int]) -> str:
    """Links to the paragraphs where an entry occurs, or a plain statement that it does not."""
    if not paragraphs:
        return "not found in the text."
    return ", ".join(f"[¶ {number}](article.md#p{number})" for number in paragraphs)


# The names index ---------------------------------------------------------------------------


def render_names(edition: Edition, occurrences: Sequence[Occurrence]) -> str:
    """The index of people, places and organizations, each linked to its entry and paragraphs."""
    where = paragraph_index(occurrences)
    parts = [
        _front_matter("Index of names", f"People, places and organizations in {edition.metadata.title}"),
        "# Index of names",
        "People, places and organizations named in the article, with the paragraphs that mention them.",
    ]
    for kind, heading in KIND_HEADINGS.items():
        entries = sorted((entry for entry in edition.entries if entry.kind == kind), key=lambda entry: entry.sort_key)
        if entries:
            items = "\n".join(
                f"- [{escape_text(entry.index_as or entry.term)}](glossary.md#{entry.id}): {_backlinks(where.get(entry.id, []))}"
                for entry in entries
            )
            parts += [f"## {heading}", items]
    return "\n\n".join(parts) + "\n"
