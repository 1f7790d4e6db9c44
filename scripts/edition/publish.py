"""Build the static site all or nothing: into a temporary folder, then swapped into place.

A failed or interrupted build leaves the previous site exactly as it was. The build is
reproducible: `SOURCE_DATE_EPOCH` (the dates MkDocs writes into the sitemap) comes from
the edition's own date unless the caller sets it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import SourceError
from .loader import load_source
from .pdf import PDF_VARIABLE, pdf_name, typeset
from .pipeline import build_pages, describe_summary


def source_date_epoch(date: str | None) -> str:
    """Seconds since 1970 at midnight UTC of the edition's date (edition.yml `date`), or 0."""
    if not date:
        return "0"
    day = datetime.date.fromisoformat(date)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))


def build_site(source: Path, site: Path, config: Path, pdf: bool = True) -> int:
    """Run `mkdocs build --strict` into a fresh folder beside `site` (with the PDF unless told not to), then put it in place."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "EDITION_SOURCE": str(source.resolve())}
    edition = load_source(source)
    environment.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(edition.metadata.date))
    # The site links to the PDF (hook → templates), which is written beside the pages.
    if pdf:
        environment[PDF_VARIABLE] = pdf_name(edition)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    book = staging.with_name(f"{staging.name}.pdf")
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config), "--site-dir", str(staging)]
        # MkDocs builds the pages while this process typesets the PDF beside them.
        mkdocs = subprocess.Popen(command, env=environment)
        try:
            if pdf:
                typeset(edition, book)
        finally:
            returncode = mkdocs.wait()
        if returncode != 0:
            print(f"build_site: the build failed; {site} is unchanged.", file=sys.stderr)
            return returncode
        if pdf:
            book.replace(staging / environment[PDF_VARIABLE])
        replace_folder(staging, site)
        print(describe_summary(build_pages(edition)[1]))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        book.unlink(missing_ok=True)
    return 0


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
