"""The MkDocs plugin: generate the edition's pages from the source folder at every build.

Configured in `mkdocs.yml`, so that `mkdocs build` alone builds the edition:

```yaml
plugins:
  - edition:
      source: source        # the source folder, relative to mkdocs.yml
```

`make site` and the preview load the same configuration and set the options of a
build in hand (`pdf`, `trim_stylesheets`, `cache`) on the plugin, and may hand it the
edition they have already loaded (`preloaded`), so the source is read once.

The generated pages are handed to MkDocs in memory (`File.generated`), so a build
never writes into `docs/`. Every Jinja environment of the theme keeps compiled
templates between builds and lists the theme's files without Material's icons
(`themeenv`). A build ends by trimming the theme's stylesheets to the rules the site's
pages can use (`stylesheets`); without Node.js the stylesheets stay whole, with a notice.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from edition.errors import SourceError
from edition.model import Edition, Page
from edition.pages.citation import cite, json_ld, meta_tags, reviews_json_ld
from edition.pages.pipeline import build_pages, describe_summary
from edition.pages.writer import is_generated
from edition.source import load_source
from edition.web.stylesheets import TrimError, TrimToolsMissingError, trim_stylesheets
from edition.web.themeenv import lighten_environments

log = logging.getLogger("mkdocs.plugins.edition")

NAV_TITLES = {
    "index.md": "Home",
    "article.md": "Article",
    "glossary.md": "Glossary",
    "names.md": "Names",
    "notes.md": "Notes",
    "claims.md": "Who said what",
    "map.md": "Map",
    "timeline.md": "Timeline",
    "about.md": "About",
}
"""The navigation's entries, in its order: the pages this edition has (the map and timeline only with their data)."""

_ORIGINAL_FIELDS = (("headline", "headline"), ("outlet", "outlet"), ("byline", "byline"), ("date", "date"), ("address (URL)", "url"))


class EditionConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml."""

    source = options.Type(str, default="source")
    """The source folder, relative to mkdocs.yml."""
    pdf = options.Optional(options.Type(str))
    """The file name of the edition's PDF written beside the pages; the pages link to it only when set."""
    trim_stylesheets = options.Type(bool, default=True)
    """Trim the theme's stylesheets to the rules the pages use (the preview keeps them whole)."""
    cache = options.Type(bool, default=True)
    """Keep compiled templates and trimmed stylesheets in the user's cache folder between builds."""


class EditionPlugin(BasePlugin[EditionConfig]):  # type: ignore[no-untyped-call]
    """Generates the edition's pages and gives the templates its metadata."""

    def __init__(self) -> None:
        self.preloaded: Edition | None = None
        """An edition the caller has loaded from `source` already, used instead of loading it again."""
        self.pages: tuple[Page, ...] = ()

    def source_folder(self, config: MkDocsConfig) -> Path:
        """The source folder: the `source` option, relative to mkdocs.yml."""
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent / self.config.source

    # Before the search plugin's, which asks the theme for environments (themeenv).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Lighten the theme's environments, load the source, generate the pages, give the templates the edition's metadata."""
        lighten_environments(config.theme, cache=self.config.cache)
        folder = self.source_folder(config)
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
        try:
            edition = self.preloaded or load_source(folder)
        except SourceError as error:
            raise PluginError(str(error)) from None
        self.pages, summary = build_pages(edition)
        if self.preloaded is None:  # a caller that loaded the edition reports on it itself
            log.info("Edition: %s", describe_summary(summary).replace("\n", "; "))
            # Not log.warning: a strict build stops at warnings, and these do not stop the edition.
            for warning in summary.warnings:
                log.info("%s", warning)
        if not config.nav:  # mkdocs.yml may list pages of its own; by default the nav is this edition's pages
            config.nav = [{NAV_TITLES[page.path]: page.path} for page in sorted(self.pages, key=_nav_order) if page.path in NAV_TITLES]
        metadata = edition.metadata
        # Material writes these into the page unescaped: escape them here so they stay text.
        config.site_name = escape(metadata.display_title)
        config.site_description = escape(metadata.description)
        config.extra["edition"] = {**_template_data(edition, config.site_url or None), "pdf": self.config.pdf}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Replace any copy of a generated page in `docs/` with the freshly generated one.

        A page generated earlier from another source folder (e.g. `map.md` left by `make docs`)
        that this source does not generate is dropped, so that it cannot appear in the site.
        """
        current = {page.path for page in self.pages}
        for path in NAV_TITLES:
            leftover = files.get_file_from_path(path)
            if path not in current and leftover is not None and leftover.abs_src_path and is_generated(Path(leftover.abs_src_path)):
                files.remove(leftover)
        for page in self.pages:
            stale = files.get_file_from_path(page.path)
            if stale is not None:
                files.remove(stale)
            files.append(File.generated(config, page.path, content=page.text))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Trim the built site's theme stylesheets, unless told not to."""
        if not self.config.trim_stylesheets:
            return
        try:
            trim_stylesheets(Path(config.site_dir), cache=self.config.cache)
        except TrimToolsMissingError as error:
            # The trim only makes the site lighter; without its tools the site is whole, so the build goes on.
            log.info("Stylesheets not trimmed: %s. The site is complete, its stylesheets only larger.", error)
        except TrimError as error:
            raise PluginError(f"Cannot trim the stylesheets: {error}") from None


def _nav_order(page: Page) -> int:
    """Where a page stands in the navigation."""
    return list(NAV_TITLES).index(page.path) if page.path in NAV_TITLES else len(NAV_TITLES)


def _template_data(edition: Edition, base_url: str | None) -> dict[str, Any]:
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
        "citations": dataclasses.asdict(cite(metadata, base_url)),
        "meta_tags": meta_tags(edition, base_url),
        "json_ld": json_ld(edition, base_url),
        "reviews_json_ld": reviews_json_ld(edition, base_url),
    }
