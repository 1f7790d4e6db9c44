"""Write the edition as a PDF with WeasyPrint: the I/O edge of `book.render`.

The PDF is tagged (PDF/UA-1), embeds subsets of the installed fonts, and is the same
bytes for the same source: its dates come from the edition's own date, never the clock.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from edition.book.name import pdf_name
from edition.book.render import TEMPLATES, Section, book_sections, render_book
from edition.model import Edition
from edition.source import load_source

PDF_VARIANT = "pdf/ua-1"


def write_pdf(source: Path, target: Path | None = None, *, site: Path = Path("site"), extra: Sequence[Section] = ()) -> Path:
    """Build the book from a source folder and write it to `target` (default: `<site>/<slug>.pdf`)."""
    edition = load_source(source)
    target = target or site / pdf_name(edition)
    typeset(edition, target, extra=extra)
    return target


def typeset(edition: Edition, target: Path, *, extra: Sequence[Section] = ()) -> None:
    """Typeset a loaded edition as a book into `target`, which is replaced only when the PDF is whole."""
    # WeasyPrint is slow to import; only the PDF needs it.
    from weasyprint import HTML

    logging.getLogger("fontTools").setLevel(logging.WARNING)
    html = render_book(edition, book_sections(edition), extra=extra)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    try:
        HTML(string=html, base_url=str(TEMPLATES)).write_pdf(partial, pdf_variant=PDF_VARIANT, pdf_identifier=True)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
