"""Render the edition as Markdown pages: pure functions from model and occurrences to text.

A single article has the pages it always had: `article.md`, `glossary.md`, `names.md`,
`notes.md`, `claims.md` (and `map.md`, `timeline.md` with their data). A collection
gives each document one page, `<slug>/index.md`, with its text, notes and claims, and
shares the glossary, the names index, the map and the timeline, whose entries list
every document and paragraph where they occur. The bulk of each page is HTML the
edition builds (`text`, `passthrough`); headings and short prose stay Markdown.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from edition.figures.html import format_coords, has_map, render_map_page, render_timeline_page
from edition.layout import Layout, href
from edition.memo import Kept
from edition.model import DOCUMENT_KINDS, HEADING_SUFFIXES, Document, Edition, Entry, Matched, Occurrence, Page
from edition.pages.apparatus import (
    CLAIMS_INTRO,
    NOTES_INTRO,
    render_beside_section,
    render_claims,
    render_claims_page,
    render_notes,
    render_notes_page,
    sources_html,
)
from edition.pages.collection import glossary_letter, render_collection_home, split_glossary
from edition.pages.home import HOME_TITLE, about_title, render_about, render_home
from edition.pages.quotations import NO_CHECKS, Checks, check_quotations
from edition.pages.text import footnotes_html, text_html
from edition.pages.writer import GENERATED_MARK
from edition.passthrough import passthrough
from edition.safety import cited_work, escape_html, escape_text, markdown_html

KIND_HEADINGS = {"person": "People", "place": "Places", "organization": "Organizations"}


def layout_of(edition: Edition) -> Layout:
    """Where this edition's pages live: a single article's pages, or a collection's, its glossary split by letter when long."""
    return Layout(
        collection=edition.collection,
        glossary_pages=split_glossary(edition.entries) if edition.collection else {},
        several=edition.collection or len(edition.documents) > 1,
    )


@dataclass
class RenderMemo(Kept):
    """What a caller that renders the same edition again and again (the preview) keeps from one render for the next.

    Kept while the glossary, the layout and the base map stay the same (`context`): each
    document's page, by its text, occurrences and quotation checks; each document's
    occurrences, by its paragraphs; each glossary entry's section, by the paragraphs it
    links back to; and the map page, by where its places are mentioned.
    """

    context: tuple[object, ...] = ()

    def begin(self, context: tuple[object, ...]) -> None:
        """Start a render with this context: what was kept holds only if it is the last render's."""
        if context != self.context:
            self.context, self.kept = context, {}
        self.used = {}


def memo_context(edition: Edition, layout: Layout) -> tuple[object, ...]:
    """What every kept page depends on beyond its own document: the glossary, the pages of its entries, the base map."""
    return (edition.entries, dict(layout.glossary_pages), layout.collection, layout.several, edition.basemap)


def render_pages(edition: Edition, matched: Sequence[Matched], memo: RenderMemo | None = None) -> tuple[Page, ...]:
    """All generated pages of an edition, in a fixed order; with a begun `memo`, unchanged documents' pages are not rendered again."""
    layout = layout_of(edition)
    title = edition.metadata.title
    with_map = has_map(edition)
    entries = {entry.id: entry for entry in edition.entries}
    where = occurrence_index(matched)
    checks = check_quotations(edition)
    if edition.collection:
        front_matter = _front_matter(HOME_TITLE, edition.metadata.description)
        home = render_collection_home(edition, matched, front_matter, has_map=with_map, glossary=layout.glossary_index)
        texts = [Page(layout.text(one.document.slug), _document_page(one, entries, layout, checks, memo)) for one in matched]
        apparatus: list[Page] = []
    else:
        home = render_home(edition, _front_matter(HOME_TITLE, edition.metadata.description), has_map=with_map, layout=layout)
        texts = [Page("article.md", render_article(matched[0], entries, layout, checks))]
        # The primary sources the article quotes: each a document page of its own, as in a collection.
        texts += [Page(layout.text(one.document.slug), _document_page(one, entries, layout, checks, memo)) for one in matched[1:]]
        apparatus = _single_article_apparatus(matched[0].document, entries, layout, checks)
    pages = [
        Page("index.md", home),
        *texts,
        *render_glossary(edition, where, layout, on_map=with_map, memo=memo),
        Page("names.md", render_names(edition, where, layout)),
    ]
    pages += apparatus
    # The figures exist only when the source has their data: places with coords and map data, a timeline.
    if with_map:
        placed = {entry.id for entry in edition.entries if entry.coords}
        mentions = {entry_id: backlinks(found, "map.md", layout) for entry_id, found in where.items() if entry_id in placed}
        front_matter = _front_matter("Map", f"Locator map of the places in {title}")
        map_page = partial(render_map_page, edition, front_matter, layout, mentions)
        key = ("map", front_matter, tuple(sorted(mentions.items())))
        pages.append(Page("map.md", memo.recall(key, map_page) if memo is not None else map_page()))
    if edition.timeline:
        pages.append(Page("timeline.md", render_timeline_page(edition, _front_matter("Timeline", f"Timeline of {title}"), layout)))
    pages.append(Page("search.md", render_search(edition, _front_matter("Search", f"Search {title}"))))
    about = _front_matter(about_title(edition), f"About the edition of {title}", "cite", "facts")
    pages.append(Page("about.md", render_about(edition, about, has_map=with_map)))
    return tuple(pages)


def _document_page(one: Matched, entries: Mapping[str, Entry], layout: Layout, checks: Checks, memo: RenderMemo | None) -> str:
    """A document's own page, or what `memo` kept of it when its text, occurrences and quotations are the same."""
    page = partial(render_document, one, entries, layout, checks)
    if memo is None:
        return page()
    slug = one.document.slug
    quoted = (tuple(checks.get((slug, claim.id)) for claim in one.document.claims), checks.by_source.get(slug, ()))
    return memo.recall(("document", one, quoted), page)


def _single_article_apparatus(document: Document, entries: Mapping[str, Entry], layout: Layout, checks: Checks) -> list[Page]:
    """A single article's notes and claims pages."""
    title = document.metadata.title
    return [
        Page("notes.md", render_notes_page(document, layout, _front_matter("Editorial notes", f"Editorial notes on {title}", "reviews"))),
        Page(
            "claims.md",
            render_claims_page(
                document, layout, frozenset(entries), _front_matter("Who said what", f"Who said what in {title}", "quotations"), checks
            ),
        ),
    ]


def _front_matter(title: str, description: str, *flags: str, document: str | None = None) -> str:
    """Front matter and the generated mark.

    Values are JSON strings, which YAML reads as they are; the theme writes them
    into the HTML unescaped, so they are HTML-escaped first. Each flag (`cite`,
    `article`) is set true for the templates: it asks for a citation block or the
    article's citation metadata. `document` names the collection's document a page
    shows, whose metadata the templates then use.
    """
    lines = ["---", f"title: {json.dumps(escape_html(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(escape_html(description), ensure_ascii=False)}")
    lines += [f"{flag}: true" for flag in flags]
    if document:
        lines.append(f"document: {document}")
    return "\n".join([*lines, "---", "", GENERATED_MARK, ""])


def paragraph_index(occurrences: Iterable[Occurrence]) -> dict[str, list[int]]:
    """For each entry, the numbers (from 1) of the paragraphs it occurs in, once each, in order."""
    index: dict[str, list[int]] = defaultdict(list)
    for occurrence in occurrences:
        numbers = index[occurrence.entry_id]
        if not numbers or numbers[-1] != occurrence.paragraph + 1:
            numbers.append(occurrence.paragraph + 1)
    return index


def render_search(edition: Edition, front_matter: str) -> str:
    """The search page: the place Pagefind's interface opens in (`edition.js`), and what to do without JavaScript.

    Its own words are marked `data-pagefind-ignore`, so that a search never finds the search page.
    """
    texts = "every document" if edition.collection else "the article"
    box = (
        '<div class="ed-search" id="ed-search" data-bundle="../pagefind/" data-root="../" data-label="Words to search for" '
        'data-pagefind-ignore="all">\n'
        f"<p>Search finds words in {texts}, the glossary, the notes and the other pages of this edition.</p>\n"
        '<noscript><p>Search runs in your browser and needs JavaScript. Without it, the <a href="../glossary/">glossary</a> '
        'and the <a href="../names/">index of names</a> list every entry with links to where it occurs.</p></noscript>\n'
        "</div>"
    )
    return "\n\n".join([front_matter, '# Search {: data-pagefind-ignore="all" }', passthrough(box)]) + "\n"


# A document's text ---------------------------------------------------------------------------


def render_article(one: Matched, entries: Mapping[str, Entry], layout: Layout, checks: Checks = NO_CHECKS) -> str:
    """A single article's page: title, what is known of the source, numbered annotated paragraphs, footnotes."""
    meta = one.document.metadata
    parts = [
        _front_matter("Article", meta.description, "cite", "article"),
        f"# {escape_text(meta.display_title)}",
        _source_line(one.document),
        *_primary_source_lines(one.document),
        *_text_blocks(one, entries, layout, checks),
    ]
    return "\n\n".join(parts) + "\n"


def render_document(one: Matched, entries: Mapping[str, Entry], layout: Layout, checks: Checks = NO_CHECKS) -> str:
    """A document's own page (a collection's, or an article's primary source): its text with footnotes, then its notes and who said what."""
    document = one.document
    meta = document.metadata
    parts = [
        _front_matter(meta.display_title, meta.description, "cite", "article", "quotations", document=document.slug),
        f"# {escape_text(meta.display_title)}",
        _source_line(document),
        *_primary_source_lines(document),
        *_text_blocks(one, entries, layout, checks, footnotes=False),
        "## Editorial notes { #editorial-notes }",
        NOTES_INTRO.replace("article", "text"),
        render_notes(document, layout, level=3),
        "## Who said what { #who-said-what }",
        CLAIMS_INTRO.replace("the article", "the text").replace("In the article", "In the text"),
        render_claims(document, layout, frozenset(entries), checks),
        *render_beside_section(document, layout, checks, level=3),
        *_footnotes_block(one, entries, layout),
    ]
    return "\n\n".join(parts) + "\n"


def _text_blocks(one: Matched, entries: Mapping[str, Entry], layout: Layout, checks: Checks, *, footnotes: bool = True) -> list[str]:
    """The annotated paragraphs, and (unless told not to) the footnotes, as blocks the Markdown passes through."""
    blocks = [passthrough(text_html(one.document, one.occurrences, entries, layout, checks))]
    return [*blocks, *_footnotes_block(one, entries, layout)] if footnotes else blocks


def _footnotes_block(one: Matched, entries: Mapping[str, Entry], layout: Layout) -> list[str]:
    """The footnotes as a block the Markdown passes through, or nothing when the text has none."""
    footnotes = footnotes_html(one.document, one.occurrences, entries, layout)
    return [passthrough(footnotes)] if footnotes else []


def _source_line(document: Document) -> str:
    """A short block saying what the source is and what it lacked."""
    original = document.metadata.original
    known = [
        f"{label}: {escape_text(value) if value else '*not given in the source*'}"
        for label, value in (("Outlet", original.outlet), ("Byline", original.byline), ("Date", original.date))
    ]
    lines = [" · ".join(known)]
    if original.note:  # the book has it on its cover, and leaves it out here
        lines.append(escape_text(original.note.strip()) + "\n{: .ed-source__note }")
    return '<div class="ed-source" markdown>\n\n' + "\n\n".join(lines) + "\n\n</div>"


def _primary_source_lines(document: Document) -> list[str]:
    """What a primary source says of itself: what it is and who issued it, the copy used, and what an excerpt leaves out."""
    meta = document.metadata
    if meta.kind == "report" and meta.copy is None and meta.excerpt is None:
        return []
    facts = [f"<strong>{DOCUMENT_KINDS[meta.kind]}</strong>"]
    facts += [f"Issued by: {escape_html(meta.issued_by)}"] if meta.issued_by else []
    facts += ["<strong>An excerpt</strong>"] if meta.excerpt else []
    lines = [f"<p>{' · '.join(facts)}</p>"]
    if meta.copy is not None:
        lines.append(f"<p>Text taken from: {cited_work(meta.copy.title, meta.copy.url)}</p>")
    if meta.excerpt:
        lines.append(f"<p>{escape_html(meta.excerpt)}</p>")
    return [passthrough('<div class="ed-primary">\n' + "\n".join(lines) + "\n</div>")]


# The glossary ------------------------------------------------------------------------------


def render_glossary(edition: Edition, where: Where, layout: Layout, *, on_map: bool, memo: RenderMemo | None = None) -> list[Page]:
    """The glossary: every entry alphabetically, with forms, sources and back-links; one page, or one per letter when long."""
    # In the order of their headings, as readers look them up: "Antony Blinken" under A (the names index has "Blinken, Antony").
    entries = sorted(edition.entries, key=lambda entry: entry.term.casefold())
    title = edition.metadata.title
    intro = (
        f"{len(entries)} entries, in alphabetical order. Each gives the words matched in the "
        f"{'documents' if edition.collection else 'article'}, the sources of the definition, and links back to every paragraph "
        "where it occurs."
    )
    pages: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        pages[layout.entry(entry.id)].append(entry)
    if list(pages) == ["glossary.md"]:
        parts = [_front_matter("Glossary", f"Glossary of {title}"), "# Glossary", intro]
        parts += [_entry(entry, where.get(entry.id, []), "glossary.md", layout, on_map, memo) for entry in entries]
        return [Page("glossary.md", "\n\n".join(parts) + "\n")]
    index = [_front_matter("Glossary", f"Glossary of {title}"), "# Glossary", intro, _letter_list(pages, "glossary/index.md")]
    result = [Page("glossary/index.md", "\n\n".join(index) + "\n")]
    for page, held in pages.items():
        letter = glossary_letter(page)
        parts = [_front_matter(f"Glossary: {letter}", f"Glossary of {title}, {letter}"), f"# Glossary: {letter}", _letter_list(pages, page)]
        parts += [_entry(entry, where.get(entry.id, []), page, layout, on_map, memo) for entry in held]
        result.append(Page(page, "\n\n".join(parts) + "\n"))
    return result


def _letter_list(pages: Mapping[str, list[Entry]], here: str) -> str:
    """Links to the glossary's pages by letter, with how many entries each holds."""
    links = []
    for page, held in pages.items():
        letter = glossary_letter(page)
        current = ' aria-current="page"' if page == here else ""
        links.append(f'<li><a href="{href(here, page)}"{current}>{letter}</a> <span class="ed-count">({len(held)})</span></li>')
    return passthrough('<nav class="ed-letters" aria-label="Glossary by letter">\n<ul>\n' + "\n".join(links) + "\n</ul>\n</nav>")


Where = dict[str, list[tuple[Document, list[int]]]]
"""For each entry, the documents it occurs in, in reading order, each with its paragraph numbers (from 1)."""


def occurrence_index(matched: Sequence[Matched]) -> Where:
    """Where every entry occurs: document by document, paragraph by paragraph."""
    where: Where = defaultdict(list)
    for one in matched:
        for entry_id, numbers in paragraph_index(one.occurrences).items():
            where[entry_id].append((one.document, numbers))
    return where


def _entry(
    entry: Entry, found: Sequence[tuple[Document, list[int]]], page: str, layout: Layout, on_map: bool, memo: RenderMemo | None
) -> str:
    """One glossary entry, or what `memo` kept of it when the entry and the paragraphs it links back to are the same."""
    section = partial(render_entry, entry, found, page, layout, on_map=on_map)
    if memo is None:
        return section()
    links = tuple((document.slug, document.metadata.display_title, tuple(numbers)) for document, numbers in found)
    return memo.recall(("entry", entry, page, on_map, links), section)


def render_entry(entry: Entry, found: Sequence[tuple[Document, list[int]]], page: str, layout: Layout, *, on_map: bool = False) -> str:
    """One glossary entry: a `<section id>` holding its heading, definition, sources and back-links.

    The heading stays Markdown, so that it has a permanent link and a place in the page's
    table of contents; the rest passes through as HTML. With `on_map`, a place with
    coordinates also links to its line under the map.
    """
    forms = ", ".join(f"“{escape_html(form)}”" for form in entry.forms)
    body = [
        f'<p><span class="ed-kind">{entry.kind}</span> · Matched as: {forms}</p>',
        definition_block(entry.definition),
        "<p><strong>Sources</strong></p>\n" + sources_html(entry.sources),
        f"<p><strong>In the {'documents' if layout.several else 'article'}:</strong> {backlinks(found, page, layout)}</p>",
    ]
    if on_map and entry.coords:
        body.append(
            f'<p><strong>On the map:</strong> <a href="{href(page, "map.md", f"map-{entry.id}")}">{format_coords(*entry.coords)}</a></p>'
        )
    return "\n\n".join(
        [
            passthrough(f'<section class="ed-entry" id="{entry.id}" data-kind="{entry.kind}">'),
            f"## {escape_text(entry.term)} {{ #{entry.id}{HEADING_SUFFIXES['entry']} }}",
            passthrough("\n".join([*body, "</section>"])),
        ]
    )


def definition_block(markdown_text: str) -> str:
    """An editor's Markdown (a definition, a note) as a block of clean HTML, which the page's Markdown leaves as it is."""
    return f'<div class="ed-prose">\n{markdown_html(markdown_text)}\n</div>'


def backlinks(found: Sequence[tuple[Document, list[int]]], page: str, layout: Layout) -> str:
    """Links to the paragraphs where an entry occurs, document by document in a collection, or a plain statement that it does not."""
    if not found:
        return "not found in the text."
    parts = []
    for document, numbers in found:
        text = layout.text(document.slug)
        links = ", ".join(f'<a href="{href(page, text, f"p{number}")}">¶ {number}</a>' for number in numbers)
        if layout.several:
            # Markdown reads these links where a place is listed on the map page: the title must stay text there too.
            name = escape_text(layout.name(document.slug, document.metadata.display_title), starts_line=False, ends_line=False)
            links = f'<a href="{href(page, text)}">{name}</a> {links}'
        parts.append(links)
    return "; ".join(parts)


# The names index ---------------------------------------------------------------------------


def render_names(edition: Edition, where: Where, layout: Layout) -> str:
    """The index of people, places and organizations, each linked to its entry and paragraphs."""
    texts = "the documents" if edition.collection else "the article"
    parts = [
        _front_matter("Index of names", f"People, places and organizations in {edition.metadata.title}"),
        "# Index of names",
        f"People, places and organizations named in {texts}, with the paragraphs that mention them.",
    ]
    for kind, heading in KIND_HEADINGS.items():
        entries = sorted((entry for entry in edition.entries if entry.kind == kind), key=lambda entry: entry.sort_key)
        if entries:
            items = "\n".join(
                f'<li><a href="{href("names.md", layout.entry(entry.id), entry.id)}">{escape_html(entry.index_as or entry.term)}</a>: '
                f"{backlinks(where.get(entry.id, []), 'names.md', layout)}</li>"
                for entry in entries
            )
            parts += [f"## {heading}", passthrough(f"<ul>\n{items}\n</ul>")]
    return "\n\n".join(parts) + "\n"
