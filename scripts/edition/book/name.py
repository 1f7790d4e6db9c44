"""The book's file name: the site build and the PDF command both need it, without the typesetter's imports."""

from __future__ import annotations

from edition.model import Document, Edition
from edition.pages.citation import slug


def pdf_name(edition: Edition) -> str:
    """The PDF's file name in the site: the whole title's slug, e.g. `blinken-reportedly-warns-ukraine-against-retaking-crimea.pdf`."""
    return f"{slug(edition.metadata.title)}.pdf"


def document_pdf(document: Document) -> str:
    """A collection's document's PDF, beside its page: `<slug>/<the title's slug>.pdf`."""
    return f"{document.slug}/{slug(document.metadata.title)}.pdf"
