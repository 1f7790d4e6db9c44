"""What a build writes beside the pages, named in one place.

The site build, the PDF writer and the MkDocs hook all need the PDF's name; keeping it
here spares the hook (which runs in every `mkdocs build`) the typesetter's imports.
"""

from __future__ import annotations

from .citation import slug
from .model import Edition

PDF_VARIABLE = "EDITION_PDF"
"""Set by the site build to the PDF's file name; the site links to the PDF only when it is set."""


def pdf_name(edition: Edition) -> str:
    """The PDF's file name in the site: the title's slug, e.g. `blinken-warns-ukraine-against-retaking-crimea.pdf`."""
    return f"{slug(edition.metadata.title)}.pdf"
