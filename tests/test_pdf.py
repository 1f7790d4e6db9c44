"""The edition as a PDF (make pdf): a book with its metadata, outline, tags, fonts, footnotes and page references.

The PDF is built once per test run and read back with pypdf; pages are compared by
the named destinations WeasyPrint writes for every id (`article-call-ID` is the first
mention of a glossary entry, `article-fn-ID` its footnote, `article-pN` a paragraph).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from edition.book.name import pdf_name
from edition.book.render import Section, book_sections, render_book
from edition.book.typeset import write_pdf
from edition.figures.html import map_places
from edition.model import Edition
from edition.pages.matcher import find_occurrences
from edition.source import load_source
from helpers import HOSTILE, ROOT, SOURCE, soup

pytestmark = [pytest.mark.site, pytest.mark.slow]


@dataclass(frozen=True)
class Book:
    """A PDF built for the tests, read back, with the warnings WeasyPrint logged while making it."""

    path: Path
    reader: PdfReader
    warnings: tuple[str, ...]

    def text(self, page: int) -> str:
        return self.reader.pages[page].extract_text()

    def page_of(self, anchor: str) -> int:
        """The index (from 0) of the page a named destination points to."""
        page = self.reader.get_destination_page_number(self.reader.named_destinations[anchor])
        assert page is not None, anchor
        return page

    @property
    def catalog(self) -> Any:
        """The document catalog, as an untyped dictionary."""
        return self.reader.trailer["/Root"]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build(source: Path, target: Path) -> Book:
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        write_pdf(source, target)
    finally:
        logger.removeHandler(handler)
    return Book(target, PdfReader(target), tuple(handler.messages))


@pytest.fixture(scope="session")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The edition's own PDF, built once per test run."""
    return _build(SOURCE, tmp_path_factory.mktemp("pdf") / "edition.pdf")


@pytest.fixture(scope="session")
def edition() -> Edition:
    return load_source(SOURCE)


def squeeze(text: str) -> str:
    """Text without any whitespace, so that line breaks and justification do not matter."""
    return re.sub(r"\s+", "", text)


def first_mentions(edition: Edition) -> list[str]:
    """The ids of the entries with a footnote, in the order of their footnotes."""
    return list(dict.fromkeys(occurrence.entry_id for occurrence in find_occurrences(edition.document.paragraphs, edition.entries)))


def test_renders_without_a_single_warning(book: Book) -> None:
    assert book.warnings == ()


def test_metadata_names_title_editors_subject_keywords_and_language(book: Book, edition: Edition) -> None:
    metadata = book.reader.metadata
    assert metadata is not None
    assert metadata.title == edition.metadata.display_title
    assert metadata.author == ", ".join(edition.metadata.editors)
    assert metadata.subject == edition.metadata.description
    assert "Crimea" in str(metadata["/Keywords"]).split(", ")
    dates: list[Any] = [metadata["/CreationDate"], metadata["/ModDate"]]
    assert dates == [f"D:{edition.metadata.date.replace('-', '')}000000Z"] * 2
    assert book.catalog["/Lang"] == edition.metadata.language


def test_outline_has_the_article_and_each_appendix_with_their_headings(book: Book, edition: Edition) -> None:
    top = [item for item in book.reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles == [
        "Contents",
        edition.metadata.display_title,
        "Appendix A Glossary",
        "Appendix B Index of names",
        "Appendix C Editorial notes",
        "Appendix D Who said what",
        *(f"Appendix E {document.metadata.display_title}" for document in edition.documents[1:]),
        "Appendix F Map",
        "Appendix G Timeline",
    ]
    nested = [item for item in book.reader.outline if isinstance(item, list)]
    glossary_entries = {entry.title for entry in nested[0] if not isinstance(entry, list)}
    assert {entry.term for entry in edition.entries} <= glossary_entries


def test_pdf_is_tagged_for_accessibility(book: Book) -> None:
    root = book.catalog
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/Metadata" in root


def _fonts(resources: Any) -> Iterator[Any]:
    """Every font used by a page's resources, including those of its form XObjects."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"))


def test_every_font_is_embedded(book: Book) -> None:
    fonts = [font for page in book.reader.pages for font in _fonts(page.get("/Resources"))]
    assert fonts
    for font in fonts:
        assert font["/Subtype"] != "/Type3", font
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if font["/Subtype"] == "/Type0" else font["/FontDescriptor"]
        )
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()), font["/BaseFont"]
    assert any("Libertine" in str(font["/BaseFont"]) for font in fonts)


def test_cover_gives_title_source_note_editors_version_and_date(book: Book, edition: Edition) -> None:
    cover = " ".join(book.text(0).split())
    metadata = edition.metadata
    for part in (metadata.display_title, " ".join((metadata.original.note or "").split()), *metadata.editors):
        assert part in cover
    assert f"Version {metadata.version} · {metadata.date}" in cover


def test_every_page_but_the_cover_is_numbered_n_of_total(book: Book) -> None:
    total = len(book.reader.pages)
    assert total > 5
    assert f"1 / {total}" not in book.text(0)
    for index in range(1, total):
        assert f"{index + 1} / {total}" in book.text(index), f"page {index + 1}"


def test_each_footnote_is_on_the_page_of_its_call_numbered_as_on_the_site(book: Book, edition: Edition) -> None:
    entries = {entry.id: entry for entry in edition.entries}
    for number, entry_id in enumerate(first_mentions(edition), 1):
        page = book.page_of(f"article-call-{entry_id}")
        assert book.page_of(f"article-fn-{entry_id}") == page, entry_id
        entry = entries[entry_id]
        assert squeeze(f"{number}. {entry.term}: {entry.short}") in squeeze(book.text(page)), entry_id


def test_paragraph_numbers_stand_before_their_paragraphs(book: Book, edition: Edition) -> None:
    for number, paragraph in enumerate(edition.document.paragraphs, 1):
        page = book.page_of(f"article-p{number}")
        assert squeeze(f"{number} {paragraph.split()[0]}") in squeeze(book.text(page)), number


TEXTS = ("article", "ramstein-transcript")
"""The sections of the book that hold a text: the article, and the transcript it quotes."""


def paragraph_pages(book: Book, paragraph: int) -> set[int]:
    """The printed page numbers of paragraph `paragraph` in each text of the book that has one."""
    anchors = (f"{text}-p{paragraph}" for text in TEXTS)
    return {book.page_of(anchor) + 1 for anchor in anchors if anchor in book.reader.named_destinations}


def test_appendices_give_the_text_page_of_each_paragraph_they_cite(book: Book) -> None:
    start = book.page_of("glossary")
    references = [
        (int(paragraph), int(page))
        for index in range(start, len(book.reader.pages))
        for paragraph, page in re.findall(r"¶\s*(\d+)\s*\(p\.\s*(\d+)\)", book.text(index))
    ]
    assert len(references) > 20
    for paragraph, page in references:
        assert page in paragraph_pages(book, paragraph), (paragraph, page)


def test_map_appendix_shows_every_place_with_its_label_and_the_occupation_legend(book: Book, edition: Edition) -> None:
    text = " ".join(book.text(book.page_of("map")).split())
    assert "Crimea: occupied by Russia since 2014" in text
    for place in map_places(edition.entries):
        assert place.label in text, place.label


def test_timeline_appendix_lists_every_event_and_the_text_page_of_its_paragraph(book: Book, edition: Edition) -> None:
    text = " ".join(book.text(index) for index in range(book.page_of("timeline"), len(book.reader.pages)))
    assert squeeze(text).count("Afterpublication") >= sum(event.later for event in edition.timeline)
    for event in edition.timeline:
        assert squeeze(event.label) in squeeze(text), event.label
    references = re.findall(r"paragraph\s*(\d+)\s*\(p\.\s*(\d+)\)", text)
    assert len(references) == sum(event.paragraph is not None for event in edition.timeline)
    for paragraph, page in references:
        assert int(page) in paragraph_pages(book, int(paragraph)), (paragraph, page)


def test_the_transcript_is_a_document_of_its_own_and_who_said_what_gives_each_quotations_status(book: Book) -> None:
    transcript = squeeze(book.text(book.page_of("ramstein-transcript")))
    assert squeeze("General Milley: … President Biden, President Zelenskyy") in transcript
    assert squeeze("Issued by: US Department of Defense") in transcript
    claims = squeeze(" ".join(book.text(index) for index in range(book.page_of("claims"), book.page_of("ramstein-transcript"))))
    assert squeeze("Matches the source") in claims
    assert claims.count(squeeze("No primary source in the edition")) == 2
    assert squeeze("Quotations beside their sources") in claims
    # The passage the claim points to is marked in the transcript, and the status links to its page.
    assert book.page_of("ramstein-transcript-said-article--milley-very-difficult") >= book.page_of("ramstein-transcript")


def test_contents_give_the_page_of_each_part(book: Book) -> None:
    contents = squeeze(book.text(book.page_of("article") - 1))
    parts = (("glossary", "Glossary"), ("names", "Indexofnames"), ("notes", "Editorialnotes"), ("claims", "Whosaidwhat"), ("map", "Map"))
    for anchor, title in (*parts, ("timeline", "Timeline")):
        assert re.search(rf"{title}[. ]*{book.page_of(anchor) + 1}(?!\d)", contents), title


def test_text_is_searchable_without_ligatures(book: Book, edition: Edition) -> None:
    text = " ".join(book.text(index) for index in range(len(book.reader.pages)))
    assert "Army Tactical Missile Systems" in " ".join(text.split())
    assert not set("ﬀﬁﬂﬃﬄ") & set(text)
    # Paragraph 3 has no footnote call or note mark: its text comes back whole.
    assert squeeze(edition.document.paragraphs[2]) in squeeze(text)


def test_claims_appendix_speaks_of_paper_not_of_hovering(book: Book) -> None:
    text = " ".join(book.text(index) for index in range(book.page_of("claims"), len(book.reader.pages)))
    assert "hover" not in text


def test_hostile_sample_builds_and_its_markup_stays_text(tmp_path: Path) -> None:
    hostile = _build(HOSTILE, tmp_path / "hostile.pdf")
    assert hostile.warnings == ()
    assert "<b>markup</b> & *asterisks*" in " ".join(hostile.text(0).split())
    assert "<script>" in " ".join(hostile.text(index) for index in range(len(hostile.reader.pages)))


def test_extra_sections_become_further_appendices(edition: Edition) -> None:
    extra = Section("figures", "Map & timeline", '<p id="figures-map">A map.</p>')
    html = render_book(edition, book_sections(edition), extra=(extra,))
    page = soup(html)
    appendix = page.find("section", id="figures")
    assert appendix is not None and appendix.h1 is not None
    assert appendix.h1.get_text(" ", strip=True) == "Appendix H Map & timeline"
    assert [link["href"] for link in page.select("nav.toc a")][-1] == "#figures"


def test_site_build_typesets_publishes_keeps_and_links_the_pdf(tmp_path: Path, edition: Edition) -> None:
    site = tmp_path / "site"
    # An empty cache folder: no book kept by an earlier build, so this one typesets it.
    result = subprocess.run(
        [sys.executable, "-m", "edition", "site", "--source", str(SOURCE), "--site", str(site)],
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    name = pdf_name(edition)
    assert (site / name).read_bytes()[:5] == b"%PDF-"
    kept = list((tmp_path / "cache" / "news-edition" / "books").glob("*.pdf"))
    assert [book.read_bytes() for book in kept] == [(site / name).read_bytes()]
    for page, prefix in (("index.html", "./"), ("article/index.html", "../")):
        links = [link["href"] for link in soup((site / page).read_text(encoding="utf-8")).select("a[download]")]
        assert links == [f"{prefix}{name}"], page
    assert not soup((site / "glossary/index.html").read_text(encoding="utf-8")).select("a[download]")


def test_site_without_a_pdf_has_no_pdf_link(site: Path) -> None:
    assert not list(site.glob("*.pdf"))
    for page in ("index.html", "article/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "Download PDF" not in html and not soup(html).select("a[download]"), page
