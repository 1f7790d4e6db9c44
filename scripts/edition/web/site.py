"""Build the static site all or nothing: into a folder beside SITE, then swapped into place.

SITE is only ever replaced when it is absent, an empty folder, or a site this tool built,
which it knows by the marker file `.edition-site` every build writes into the site (the
edition's MkDocs plugin writes it, so a plain `mkdocs build` marks its site too). The
project, the source folder, a folder of someone's files, a file: each is refused with a
message before anything is touched. A failed or interrupted build leaves the previous
site exactly as it was, and the next build removes what an interrupted one left beside it.

The build is reproducible: `SOURCE_DATE_EPOCH` (the dates MkDocs writes into the sitemap)
comes from the edition's own date unless the caller sets it.

Typesetting the PDF takes ten times as long as building the pages, so a typeset book is
kept (`edition.cache`) under the digest of everything it is made from (`book.inputs`); a
build whose book would be the same copies the kept one. The typesetter runs in a second
process while this one builds the pages; it is killed with this one, however this one ends.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from edition.book.child import child_environment
from edition.book.inputs import book_digest
from edition.book.name import pdf_name
from edition.cache import BuildCache
from edition.errors import RefusedError
from edition.model import Edition, Page
from edition.pages.pipeline import build_pages, describe_summary
from edition.source import parse_source, read_source
from edition.web.plugin import SITE_MARKER as SITE_MARKER  # the plugin writes it at every build; the rules here read it
from edition.web.plugin import EditionPlugin

STAGING = ".building-"
"""Beside SITE, `.<site>.building-XXXX/`: a build in progress, holding the new site and book until they are whole."""
STAGING_MARKER = ".edition-staging"
"""Written first into a staging folder, so that the next build knows it for a leftover of its own."""


class SiteFolderError(RefusedError):
    """SITE is not a folder this tool may replace; says what it is and what to do."""


def source_date_epoch(date: str | None) -> str:
    """Seconds since 1970 at midnight UTC of the edition's date (edition.yml `date`, "YYYY[-MM[-DD]]"), or 0."""
    if not date:
        return "0"
    year, month, day = (int(part) for part in [*date.split("-"), "1", "1"][:3])
    return str(int(datetime.datetime(year, month, day, tzinfo=datetime.UTC).timestamp()))


def check_site_folder(site: Path, *, keep: list[Path], outside: list[Path]) -> None:
    """Refuse a SITE this tool did not build, one that holds a path of `keep`, or one inside a folder of `outside`."""
    if site.is_symlink():
        raise SiteFolderError(f"{site} is a link; give the site folder itself")
    resolved = site.resolve()
    for path in (path.resolve() for path in keep):
        if path.is_relative_to(resolved):
            raise SiteFolderError(f"{site} holds {path}, which a build must never replace; choose another SITE, e.g. site/")
    for path in (path.resolve() for path in outside):
        if resolved.is_relative_to(path):
            raise SiteFolderError(f"{site} is inside {path}; choose a SITE outside the project's own folders, e.g. site/")
    if not site.exists():
        return
    if not site.is_dir():
        raise SiteFolderError(f"{site} is a file, not a site folder; choose another SITE or move the file away")
    if not (site / SITE_MARKER).is_file() and any(site.iterdir()):
        raise SiteFolderError(
            f"{site} holds files that `make site` did not build (it has no {SITE_MARKER}); "
            "choose another SITE, or empty or remove the folder yourself"
        )


def remove_leftovers(site: Path) -> None:
    """Remove what interrupted builds left beside SITE: their staging folders and any replaced site, each marked as ours."""
    for leftover in site.parent.glob(f".{site.name}.*"):
        ours = leftover.name.startswith(f".{site.name}{STAGING}") or leftover.name.startswith(f".{site.name}.old-")
        if not ours or not leftover.is_dir() or leftover.is_symlink():
            continue
        if _is_marked(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
        elif not any(leftover.iterdir()):
            leftover.rmdir()  # made, then interrupted before its marker: empty, so nothing of anyone's is lost


def _is_marked(folder: Path) -> bool:
    """Whether a folder beside SITE is one a build made: a staging folder or a replaced site carry a marker."""
    return (folder / SITE_MARKER).is_file() or (folder / STAGING_MARKER).is_file()


def build_site(source: Path, site: Path, config: Path, *, pdf: bool = True, cache: bool = True) -> int:
    """Build the pages with MkDocs (strict), with the PDF unless told not to, beside `site`; then put the site in place.

    With `cache` off, nothing kept by an earlier build is used (books, trimmed stylesheets,
    compiled templates): every output is made afresh.
    """
    project = config.resolve().parent
    own_folders = [source, project / "docs", project / "overrides", project / "scripts", project / "tests"]
    check_site_folder(site, keep=[project, config, *own_folders], outside=own_folders)
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site)
    files = read_source(source)
    edition = parse_source(files)
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(edition.metadata.date)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}{STAGING}", dir=site.parent))
    typesetter = None
    try:
        (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")
        pages, book = staging / "site", staging / ("books" if edition.collection else "book.pdf")
        books = BuildCache.in_user_cache("books", ".pdf") if pdf and cache and not edition.collection else None
        digest = book_digest(files) if pdf and not edition.collection else ""
        kept = books.fetch(digest) if books is not None else None
        # A collection's books are each kept by the typesetter itself, by the digest of its own document.
        typesetter = start_typesetter(source, book, cache=cache) if pdf and kept is None else None
        generated, summary = build_pages(edition)
        # MkDocs dates the sitemap by SOURCE_DATE_EPOCH (the edition's own date unless the caller set one).
        with environment({"SOURCE_DATE_EPOCH": epoch}):
            built = run_mkdocs(config, pages, Build(source, edition, generated, pdf, cache))
        typeset = typesetter.wait() == 0 if typesetter else True
        if not (built and typeset):
            print(f"build_site: the build failed; {site} is unchanged.", file=sys.stderr)
            return 1
        if edition.collection:
            for typeset_book in sorted(book.rglob("*.pdf")) if pdf else []:
                typeset_book.replace(pages / typeset_book.relative_to(book))
        elif kept is not None:
            (pages / pdf_name(edition)).write_bytes(kept)
        elif pdf:
            if books is not None:
                keep_book(books, source, digest, book)
            book.replace(pages / pdf_name(edition))
        for warning in summary.warnings:
            print(warning, file=sys.stderr)
        replace_folder(pages, site)
        print(describe_summary(summary))
    finally:
        if typesetter is not None and typesetter.poll() is None:
            typesetter.kill()
            typesetter.wait()
        shutil.rmtree(staging, ignore_errors=True)
    return 0


@dataclass(frozen=True)
class Build:
    """What one build tells the edition's MkDocs plugin: the source, its edition as loaded and its pages, PDF, caching, trimming."""

    source: Path
    edition: Edition
    pages: tuple[Page, ...]
    pdf: bool
    cache: bool = True
    trim: bool = True
    search: bool = True
    unchanged: frozenset[str] = frozenset()
    """Pages whose HTML a dirty build keeps (`run_mkdocs(dirty=True)` over a copy of the last build): the preview's."""


def start_typesetter(source: Path, book: Path, *, cache: bool = True) -> subprocess.Popen[bytes]:
    """Start the edition's `pdf` command writing the PDF to `book` (a collection's: into that folder), to die with this process."""
    return subprocess.Popen(
        [sys.executable, "-m", "edition", "pdf", "--source", str(source), "--out", str(book), *([] if cache else ["--no-cache"])],
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl+C at the terminal reaches this process, which stops the typesetter itself
        env=child_environment(),  # the typesetter dies with this process (`book.child`)
    )


def keep_book(books: BuildCache, source: Path, digest: str, book: Path) -> None:
    """Keep the newly typeset `book` under `digest`, unless the source changed while it was typeset."""
    # An editor may save a file during the build; the book may then hold either version.
    if book_digest(read_source(source)) == digest:
        books.keep(digest, book.read_bytes())


@contextlib.contextmanager
def environment(settings: dict[str, str | None]) -> Iterator[None]:
    """Set (or, for None, unset) environment variables while MkDocs builds in this process; restore those after."""
    saved = {name: os.environ.get(name) for name in settings}
    for name, value in settings.items():
        _set(name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            _set(name, value)


def _set(name: str, value: str | None) -> None:
    """Set an environment variable, or unset it for None."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def run_mkdocs(
    config: Path, site: Path, build_settings: Build | None = None, *, errors: list[str] | None = None, dirty: bool = False
) -> bool:
    """`mkdocs build --strict` in this process, as its command line runs it, sparing a second interpreter and MkDocs' imports.

    `build_settings` are set on the edition's plugin (its source, the loaded edition, the
    PDF, caching). Warnings and errors are printed, and added to `errors` when given;
    returns whether the build succeeded. A `dirty` build writes into `site` as it is and
    renders only the pages not in `build_settings.unchanged`.
    """
    logger = logging.getLogger("mkdocs")
    handler = _Collecting(errors if errors is not None else [])
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    # The edition's own notices (a stylesheet left untrimmed) are information, printed as they are.
    notices = logging.StreamHandler()
    notices.setLevel(logging.INFO)
    notices.addFilter(lambda record: record.levelno < logging.WARNING)
    edition_log = logging.getLogger("mkdocs.plugins.edition")
    edition_log.addHandler(notices)
    level, edition_log.level = edition_log.level, logging.INFO
    propagate, logger.propagate = logger.propagate, False
    # MkDocs warns at every dirty build that links may go stale; the preview decides when one is sound (`Preview.rebuild`).
    builder = logging.getLogger("mkdocs.commands.build")
    builder.addFilter(_not_the_dirty_warning)
    try:
        settings = load_config(str(config), site_dir=str(site), strict=True)
        if build_settings is not None:
            configure_plugin(settings, build_settings)
        settings.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(settings, dirty=dirty)
        finally:
            settings.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"build: {error}", file=sys.stderr)
        handler.collected.append(str(error))
        return False
    finally:
        builder.removeFilter(_not_the_dirty_warning)
        logger.removeHandler(handler)
        logger.propagate = propagate
        edition_log.removeHandler(notices)
        edition_log.setLevel(level)
    return True


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """Every record but MkDocs' warning that a dirty build is being performed."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class _Collecting(logging.StreamHandler):  # type: ignore[type-arg]
    """Prints MkDocs' warnings and errors as its command line does, and keeps their text."""

    def __init__(self, collected: list[str]) -> None:
        super().__init__()
        self.collected = collected

    def emit(self, record: logging.LogRecord) -> None:
        """Print the record and keep its message."""
        self.collected.append(record.getMessage())
        super().emit(record)


def configure_plugin(settings: MkDocsConfig, build_settings: Build) -> EditionPlugin:
    """Set one build's settings on the edition's plugin in a loaded configuration."""
    plugin = settings.plugins.get("edition")
    if not isinstance(plugin, EditionPlugin):
        raise MkDocsException(f"{settings.config_file_path} does not use the edition's plugin; add '- edition' under 'plugins'")
    plugin.config.source = str(build_settings.source.resolve())
    plugin.config.pdf = build_settings.pdf
    plugin.config.cache = build_settings.cache
    plugin.config.trim_stylesheets = build_settings.trim
    plugin.config.search = build_settings.search
    plugin.unchanged = build_settings.unchanged
    plugin.preloaded = (build_settings.edition, build_settings.pages)
    return plugin


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` where `target` is, with renames only, so no reader sees a half-built site; `target` was checked to be ours."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
