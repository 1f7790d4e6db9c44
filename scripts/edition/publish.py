"""Build the static site all or nothing: into a temporary folder, then swapped into place.

A failed or interrupted build leaves the previous site exactly as it was. The build is
reproducible: `SOURCE_DATE_EPOCH` (the dates MkDocs writes into the sitemap) comes from
the edition's own date unless the caller sets it.

Typesetting the PDF takes ten times as long as building the pages, so a typeset book is
kept (`buildcache`) under the digest of everything it is made from (`bookinputs`); a
build whose book would be the same, because only the site's templates, stylesheets or
hand-written pages changed or nothing did, copies the kept one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .bookinputs import book_digest
from .buildcache import BuildCache
from .errors import SourceError
from .loader import load_source
from .outputs import PDF_VARIABLE, pdf_name
from .pipeline import describe_summary, summarize

PDF_SCRIPT = Path(__file__).resolve().parents[1] / "build_pdf.py"
BOOKS = BuildCache.in_temp("edition-books", ".pdf")


def source_date_epoch(date: str | None) -> str:
    """Seconds since 1970 at midnight UTC of the edition's date (edition.yml `date`), or 0."""
    if not date:
        return "0"
    day = datetime.date.fromisoformat(date)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))


def build_site(source: Path, site: Path, config: Path, pdf: bool = True) -> int:
    """Build the pages with MkDocs (strict) into a fresh folder beside `site`, with the PDF unless told not to, then put it in place."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    edition = load_source(source)
    # What the hook and MkDocs read from the environment; a date the caller set wins.
    settings = {
        "EDITION_SOURCE": str(source.resolve()),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(edition.metadata.date),
        # The site links to the PDF (hook → templates) only when it is written beside the pages.
        PDF_VARIABLE: pdf_name(edition) if pdf else None,
    }
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    book = staging.with_name(f"{staging.name}.pdf")
    digest = book_digest(source) if pdf else ""
    kept = BOOKS.fetch(digest) if pdf else None
    # The PDF is typeset in a second process while this one builds the pages, unless it is kept.
    typesetter = start_typesetter(source, book) if pdf and kept is None else None
    try:
        with environment(settings):
            built = run_mkdocs(config, staging)
        typeset = typesetter.wait() == 0 if typesetter else True
        if not (built and typeset):
            print(f"build_site: the build failed; {site} is unchanged.", file=sys.stderr)
            return 1
        if kept is not None:
            (staging / pdf_name(edition)).write_bytes(kept)
        elif pdf:
            keep_book(source, digest, book)
            book.replace(staging / pdf_name(edition))
        replace_folder(staging, site)
        print(describe_summary(summarize(edition)))
    finally:
        if typesetter is not None and typesetter.poll() is None:
            typesetter.kill()
            typesetter.wait()
        shutil.rmtree(staging, ignore_errors=True)
        book.unlink(missing_ok=True)
    return 0


def start_typesetter(source: Path, book: Path) -> subprocess.Popen[bytes]:
    """Start `build_pdf.py` writing the edition's PDF to `book`; its errors go to this process's stderr."""
    return subprocess.Popen([sys.executable, str(PDF_SCRIPT), "--source", str(source), "--out", str(book)], stdout=subprocess.DEVNULL)


def keep_book(source: Path, digest: str, book: Path) -> None:
    """Keep the newly typeset `book` under `digest`, unless the source changed while it was typeset."""
    # An editor may save a file during the build; the book may then hold either version.
    if book_digest(source) == digest:
        BOOKS.keep(digest, book.read_bytes())


@contextlib.contextmanager
def environment(settings: dict[str, str | None]) -> Iterator[None]:
    """Set (or, for None, unset) environment variables while MkDocs builds in this process; restore them after."""
    saved = dict(os.environ)
    for name, value in settings.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_mkdocs(config: Path, site: Path) -> bool:
    """`mkdocs build --strict` in this process, as its command line runs it, sparing a second interpreter and MkDocs' imports.

    Warnings and errors are printed; returns whether the build succeeded.
    """
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        settings = load_config(str(config), site_dir=str(site), strict=True)
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build(settings)
        finally:
            settings.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"build_site: {error}", file=sys.stderr)
        return False
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    return True


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is, with renames only, so no reader sees a half-built site."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """`build_site.py --source DIR --site DIR`: build the static site atomically."""
    parser = argparse.ArgumentParser(prog="build_site.py", description="Build the static site all or nothing.")
    parser.add_argument("--source", type=Path, default=Path("source"), help="source folder (default: source/)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="site folder to replace (default: site/)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    # The benchmark times the site with and without the PDF (scripts/bench.py).
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="build the pages only, without the PDF and its link")
    arguments = parser.parse_args(argv)
    try:
        return build_site(arguments.source, arguments.site, arguments.config, arguments.pdf)
    except SourceError as error:
        print(f"build_site: {error}", file=sys.stderr)
        return 1
