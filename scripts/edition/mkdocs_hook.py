"""Connect the edition to MkDocs: generate the pages from the source folder at every build.

The generated pages are handed to MkDocs in memory (`File.generated`), so a
build never writes into the watched `docs/` folder and `mkdocs serve` cannot
loop. The source folder is `source/` beside `mkdocs.yml`, or `$EDITION_SOURCE`.

While serving, a bad edit is reported and the last good edition stays on the
page until the source is fixed; a one-off build fails instead.

Every Jinja environment of the theme keeps compiled templates between builds and lists
the theme's files without Material's icons (themeenv.py).

A build (not the preview) ends by trimming the theme's stylesheets to the rules the
site's pages can use (stylesheets.py).
"""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from edition.citation import cite, json_ld, meta_tags, reviews_json_ld
from edition.errors import SourceError
from edition.loader import load_source
from edition.model import Edition, Page
from edition.outputs import PDF_VARIABLE
from edition.pipeline import build_pages, describe_summary
from edition.stylesheets import TrimError, TrimToolsMissingError, trim_stylesheets
from edition.themeenv import lighten_environments
from edition.writer import is_generated

SOURCE_VARIABLE = "EDITION_SOURCE"

log = logging.getLogger("mkdocs.edition")

# Hook modules are loaded once per process, so these outlive a single build.
_command = "build"
_last_good: tuple[Edition, tuple[Page, ...]] | None = None


def source_folder(config: MkDocsConfig) -> Path:
    """The source folder: `$EDITION_SOURCE`, or `source/` beside the config file."""
    root = Path(config.config_file_path or ".").resolve().parent
    return root / os.environ.get(SOURCE_VARIABLE, "source")


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process serves (keep the last good build) or builds once (fail)."""
    global _command
    _command = command


# Before the search plugin's, which asks the theme for environments (themeenv.py).
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Lighten the theme's environments, load the source, generate the pages, and give the templates the edition's metadata."""
    global _last_good
    lighten_environments(config.theme)
    folder = source_folder(config)
    if str(folder) not in config.watch:
        config.watch.append(str(folder))
    try:
        edition = load_source(folder)
        pages, summary = build_pages(edition)
    except SourceError as error:
        if _command != "serve" or _last_good is None:
            raise PluginError(str(error)) from None
        log.error("%s\nStill showing the last good build; it updates as soon as the source is fixed.", error)
        edition, pages = _last_good
    except Exception as error:
        if _command != "serve" or _last_good is None:
            raise
        log.error(
            "The edition could not be built (%s: %s); this is a bug, please report it with the source that causes it.\n"
            "Still showing the last good build.",
            type(error).__name__,
            error,
        )
        edition, pages = _last_good
    else:
        _last_good = edition, pages
        log.info("Edition: %s", describe_summary(summary).replace("\n", "; "))
        # Not log.warning: a strict build stops at warnings, and these do not stop the edition.
        for warning in edition.warnings:
            log.info("%s", warning)
    _add_figure_pages_to_nav(config, pages)
    metadata = edition.metadata
    # Material writes these into the page unescaped: escape them here so they stay text.
    config.site_name = escape(metadata.display_title)
    config.site_description = escape(metadata.description)
    config.extra["edition"] = _template_data(edition, config.site_url or None)
    config.extra["edition"]["pdf"] = os.environ.get(PDF_VARIABLE) or None
    return config


FIGURE_PAGES = {"map.md": "Map", "timeline.md": "Timeline"}
"""Generated pages that exist only when the source has their data; the nav lists them only then."""


def _add_figure_pages_to_nav(config: MkDocsConfig, pages: tuple[Page, ...]) -> None:
    """List the map and timeline pages in the nav, before About, when this source has them."""
    nav = config.nav
    if not isinstance(nav, list):
        return
    listed = {next(iter(item.values())) for item in nav if isinstance(item, dict)}
    added = [{FIGURE_PAGES[page.path]: page.path} for page in pages if page.path in FIGURE_PAGES and page.path not in listed]
    before = next((index for index, item in enumerate(nav) if isinstance(item, dict) and "about.md" in item.values()), len(nav))
    nav[before:before] = added


def _template_data(edition: Edition, base: str | None) -> dict[str, Any]:
    """The edition's metadata, citations and head tags as plain data for Jinja templates."""
    metadata = edition.metadata
    return {
        **dataclasses.asdict(metadata),
        "display_title": metadata.display_title,
        "title_is_supplied": metadata.title_is_supplied,
        "paragraphs": len(edition.paragraphs),
        "entries": len(edition.entries),
        "notes": len(edition.notes),
        "claims": len(edition.claims),
        "missing": [label for label, value in _ORIGINAL_FIELDS if getattr(metadata.original, value) is None],
        "citations": dataclasses.asdict(cite(metadata, base)),
        "meta_tags": meta_tags(edition, base),
        "json_ld": json_ld(edition, base),
        "reviews_json_ld": reviews_json_ld(edition, base),
    }


_ORIGINAL_FIELDS = (("headline", "headline"), ("outlet", "outlet"), ("byline", "byline"), ("date", "date"), ("address (URL)", "url"))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Replace any copy of a generated page in `docs/` with the freshly generated one.

    A page generated earlier from another source folder (e.g. `map.md` left by `make docs`)
    that this source does not generate is dropped, so that it cannot appear in the site.
    """
    assert _last_good is not None, "on_config runs before on_files and either sets it or fails"
    current = {page.path for page in _last_good[1]}
    for path in FIGURE_PAGES:
        leftover = files.get_file_from_path(path)
        if path not in current and leftover is not None and leftover.abs_src_path and is_generated(Path(leftover.abs_src_path)):
            files.remove(leftover)
    for page in _last_good[1]:
        stale = files.get_file_from_path(page.path)
        if stale is not None:
            files.remove(stale)
        files.append(File.generated(config, page.path, content=page.text))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Trim the built site's theme stylesheets; the preview keeps them whole, sparing each reload the work."""
    if _command == "serve":
        return
    try:
        trim_stylesheets(Path(config.site_dir))
    except TrimToolsMissingError as error:
        # The trim only makes the site lighter; without its tools the site is whole, so the build goes on.
        log.info("Stylesheets not trimmed: %s. The site is complete, its stylesheets only larger.", error)
    except TrimError as error:
        raise PluginError(f"Cannot trim the stylesheets: {error}") from None
