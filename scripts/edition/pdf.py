"""Write the edition as a PDF with WeasyPrint: the I/O edge of `printbook`.

The PDF is tagged (PDF/UA-1), embeds subsets of the installed fonts, and is the same
bytes for the same source: its dates come from the edition's own date, never the clock.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import SourceError
from .loader import load_source
from .model import Edition
from .outputs import pdf_name
from .printbook import TEMPLATES, Section, book_sections, render_book

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


def main(argv: list[str] | None = None) -> int:
    """`build_pdf.py --source DIR [--site DIR | --out FILE]`: write the edition's PDF."""
    parser = argparse.ArgumentParser(prog="build_pdf.py", description="Write the edition as a tagged, paginated PDF.")
    parser.add_argument("--source", type=Path, default=Path("source"), help="source folder (default: source/)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="folder to write <slug>.pdf into (default: site/)")
    parser.add_argument("--out", type=Path, default=None, help="PDF file to write instead of <site>/<slug>.pdf")
    arguments = parser.parse_args(argv)
    try:
        target = write_pdf(arguments.source, arguments.out, site=arguments.site)
    except SourceError as error:
        print(f"build_pdf: {error}", file=sys.stderr)
        print("No PDF was written. Fix the problems above and run it again.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"build_pdf: cannot write {error.filename or 'the PDF'}: {error.strerror or error}; no PDF was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build_pdf: interrupted; no PDF was written.", file=sys.stderr)
        return 130
    print(f"PDF written to {target} ({target.stat().st_size:,} bytes)")
    return 0
