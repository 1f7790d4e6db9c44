"""The edition as a printed book: pure functions from the model to one HTML document for WeasyPrint.

The book is made from the same generated pages as the site (article, glossary, names,
notes, claims), rendered with the site's Markdown extensions and then made fit for
paper: each glossary footnote's text is put inline at its call so that it floats to the
foot of that page (`float: footnote`), paragraph numbers stop being links, every link
between pages becomes a link inside the book, and the appendices' links back into the
article get a page reference (`target-counter`). Ids are prefixed with their section's
id (`glossary-blinken`, `article-p7`) so the pages' ids cannot collide in one document.

Other features add sections with `render_book(..., extra=...)`: each `Section` is a
titled piece of print-ready HTML, set as a further appendix.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markdown
from bs4 import BeautifulSoup, Tag

from edition.figures.html import has_map, map_figure_html, timeline_figure_html
from edition.model import ARTICLE_SLUG, Edition, Event, Page
from edition.pages.citation import cite
from edition.pages.pipeline import build_pages
from edition.pages.render import layout_of
from edition.passthrough import PassThroughExtension
from edition.safety import MARKDOWN_EXTENSIONS

TEMPLATES = Path(__file__).resolve().parent / "templates"

SECTION_IDS = {"article.md": "article", "glossary.md": "glossary", "names.md": "names", "notes.md": "notes", "claims.md": "claims"}
"""Each generated page and the id of its section in the book, in the book's order."""


APPENDICES = frozenset(SECTION_IDS.values()) - {"article"}
"""The sections whose links into the others print the page they lead to; a text's links stay plain, as in the article."""

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

PAGE_LINK = re.compile(
    r"""
    \A(?:
        (?P<page>[\w-]+\.md)              # a Markdown link between pages: glossary.md#blinken
      | (?:\.\./)?(?P<address>[\w-]+)/     # the generated HTML's address of a page: ../glossary/#blinken
    )?
    (?:\#(?P<fragment>.*))?\Z            # and the place in it, or a place in the same page: #fn:crimea
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Section:
    """One part of the book: its id (the link target), its title (contents, bookmarks) and its HTML body."""

    id: str
    title: str
    html: str


def book_sections(edition: Edition) -> tuple[Section, ...]:
    """The article and its appendices (glossary, names, notes, claims, the primary sources, then the figures) as print-ready sections."""
    pages, _ = build_pages(edition)
    layout = layout_of(edition)
    # The article's primary sources, each a document of its own, after the table of who said what that checks them.
    sections = {**SECTION_IDS, **{layout.text(document.slug): document.slug for document in edition.documents[1:]}}
    printed = sorted((page for page in pages if page.path in sections), key=lambda page: list(sections).index(page.path))
    return (*(print_section(page, sections) for page in printed), *figure_sections(edition))


def figure_sections(edition: Edition) -> tuple[Section, ...]:
    """The locator map and the timeline as appendices, when the source has them, linked inside the book."""
    sections = []
    if edition.basemap is not None and has_map(edition):
        sections.append(Section("map", "Map", map_figure_html(edition, edition.basemap, lambda place_id: f"#glossary-{place_id}")))
    if edition.timeline:
        timeline = BeautifulSoup(timeline_figure_html(edition, book_event_links), "html.parser")
        # Like the other appendices' links into the article and notes, these print the page they lead to.
        for link in timeline.select('a[href^="#"]'):
            _print_page_reference(link)
        sections.append(Section("timeline", "Timeline", str(timeline).strip()))
    return tuple(sections)


def book_event_links(event: Event) -> list[tuple[str, str]]:
    """An event's links inside the book: to the paragraph of the article or primary source, and to the note it concerns."""
    text = "article" if event.document in (None, ARTICLE_SLUG) else str(event.document)
    name = "Article" if text == "article" else "Primary source"
    links = [(f"#{text}-p{event.paragraph}", f"{name}, paragraph {event.paragraph}")] if event.paragraph is not None else []
    # A primary source's notes are in its own section; the article's in the appendix of notes.
    note = f"#notes-{event.note}" if text == "article" else f"#{text}-{event.note}"
    return links + ([(note, "Editorial note")] if event.note is not None else [])


def print_section(page: Page, sections: Mapping[str, str] = SECTION_IDS) -> Section:
    """One generated page as a book section: Markdown → HTML → links, ids and footnotes for paper.

    `sections` gives the section id of each page in the book, for the links between them.
    """
    section_id = sections[page.path]
    html = markdown.markdown(FRONT_MATTER.sub("", page.text, count=1), extensions=[*MARKDOWN_EXTENSIONS, PassThroughExtension()])
    document = BeautifulSoup(html, "html.parser")
    heading = document.find("h1")
    title = heading.get_text(" ", strip=True) if heading else section_id.title()
    if heading:
        heading.decompose()
    if section_id not in APPENDICES:  # the article, or a primary source: a text
        _inline_footnotes(document)
        _unlink_paragraph_numbers(document)
    if section_id == "article":
        for repeated in document.select(".ed-source__note"):  # printed on the cover already
            repeated.decompose()
    _relink(document, section_id, sections)
    return Section(section_id, title, str(document).strip())


def _inline_footnotes(document: BeautifulSoup) -> None:
    """Put each footnote's text where it is called, as a span that floats to the foot of the page.

    The span replaces the call, and the first mention gets an id (`call-ID`) so that tests
    and readers can find the page of the call.
    """
    for call in document.select("sup[id^='fnref:']"):
        label = str(call["id"]).removeprefix("fnref:")
        item = document.find("li", id=f"fn:{label}")
        if not isinstance(item, Tag):
            continue
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        for link in item.select("a[href]"):
            # On paper the link to the glossary becomes a page reference: "→ Glossary, p. 13".
            _print_page_reference(link)
            link.string = "Glossary"
        note = document.new_tag("span", attrs={"class": "footnote", "id": f"fn-{label}"})
        paragraph = item.find("p")
        for child in list((paragraph or item).contents):
            note.append(child.extract())
        mention = call.find_previous_sibling(attrs={"data-term": label})
        if isinstance(mention, Tag):
            mention["id"] = f"call-{label}"
        call.replace_with(note)
    for block in document.select("div.footnote"):
        block.decompose()


def _unlink_paragraph_numbers(document: BeautifulSoup) -> None:
    """Paragraph numbers on paper are plain numbers in the margin, not links."""
    for number in document.select("a.ed-pnum"):
        span = document.new_tag("span", attrs={"class": "ed-pnum", "aria-label": f"Paragraph {number.get_text()}"})
        span.string = number.get_text()
        number.replace_with(span)


def _relink(document: BeautifulSoup, section_id: str, sections: Mapping[str, str]) -> None:
    """Prefix ids with the section's id and turn links between pages into links inside the book.

    A link from an appendix into another section gets the class `ed-pageref`, which prints
    the target's page number after it. Links to pages that are not in the book lose their
    address and stay as text; links to other sites stay as they are.
    """
    for element in document.select("[id]"):
        element["id"] = f"{section_id}-{element['id']}"
    for link in document.select("a[href]"):
        href = str(link["href"])
        if re.match(r"\A(?:https?|mailto):", href):
            continue
        match = PAGE_LINK.match(href)
        page = _linked_page(match, sections) if match else ""
        target_section = sections.get(page, "" if page else section_id) if match else ""
        if not match or not target_section:
            link.unwrap()
            continue
        fragment = match["fragment"]
        link["href"] = f"#{target_section}-{fragment}" if fragment else f"#{target_section}"
        if section_id in APPENDICES and target_section != section_id:
            _print_page_reference(link)
        if link.get("title"):
            del link["title"]


def _linked_page(match: re.Match[str], sections: Mapping[str, str]) -> str:
    """The page a link leads to, by its Markdown name (`glossary.md`, `ramstein-transcript/index.md`); empty for this page."""
    address = match["address"]
    if match["page"] or not address:
        return match["page"] or ""
    return f"{address}.md" if f"{address}.md" in sections else f"{address}/index.md"


def _print_page_reference(link: Tag) -> None:
    """Give a link inside the book the class whose CSS prints the page it leads to (`target-counter`)."""
    link["class"] = " ".join([*link.get_attribute_list("class"), "ed-pageref"]).strip()


def appendix_label(index: int) -> str:
    """The letter of the n-th appendix (from 0): A, B, C, and so on."""
    return string.ascii_uppercase[index % 26] * (index // 26 + 1)


def render_book(edition: Edition, sections: Sequence[Section], *, extra: Sequence[Section] = ()) -> str:
    """The whole book as one HTML document: cover, colophon, contents, the article, then the appendices.

    The first section is the main text; the others, then `extra`, are appendices A, B, C …
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    metadata = edition.metadata
    main, *appendices = [*sections, *extra]
    names = [entry.term for entry in edition.entries if entry.kind != "term"]
    return environment.get_template("book.html.j2").render(
        edition=metadata,
        citation=cite(metadata, None),
        keywords=sorted(dict.fromkeys(names), key=str.casefold),
        main=main,
        appendices=[(appendix_label(index), section) for index, section in enumerate(appendices)],
        css=(TEMPLATES / "book.css").read_text(encoding="utf-8"),
    )
