"""The MkDocs plugin: generate the edition's pages from the source folder at every build.

Configured in `mkdocs.yml`, so that `mkdocs build` alone builds the edition:

```yaml
plugins:
  - edition:
      source: source        # the source folder, relative to mkdocs.yml
```

`make site` and the preview load the same configuration and set the options of a
build in hand (`pdf`, `trim_stylesheets`, `cache`) on the plugin, and may hand it the
edition they have already loaded and its pages (`preloaded`), so the source is read and
the pages are made once.

The generated pages are handed to MkDocs in memory (`File.generated`), so a build
never writes into `docs/`. Every Jinja environment of the theme keeps compiled
templates between builds and lists the theme's files without Material's icons
(`themeenv`). A build ends by trimming the theme's stylesheets to the rules the site's
pages can use (`stylesheets`); without Node.js the stylesheets stay whole, with a notice.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from edition.book.name import document_pdf, pdf_name
from edition.errors import SourceError
from edition.layout import Layout
from edition.model import DOCUMENT_KINDS, Document, Edition, Metadata, Page
from edition.pages.citation import cite, json_ld, meta_tags, page_url, quotation_reviews_json_ld, reviews_json_ld
from edition.pages.pipeline import build_pages, describe_summary
from edition.pages.quotations import Check, check_quotations
from edition.pages.writer import is_generated
from edition.source import load_source
from edition.web.search import SearchIndexError, index_site
from edition.web.stylesheets import TrimError, TrimToolsMissingError, trim_stylesheets
from edition.web.themeenv import lighten_environments

log = logging.getLogger("mkdocs.plugins.edition")

SITE_MARKER = ".edition-site"
"""The file every build writes into the site it made: a folder with it is one `make site` may replace (`web.site`)."""
SITE_MARKER_TEXT = "A site built by the edition, which `make site` replaces whole at each build.\n"

NAV_TITLES = {
    "index.md": "Home",
    "article.md": "Article",
    "glossary.md": "Glossary",
    "glossary/index.md": "Glossary",
    "names.md": "Names",
    "notes.md": "Notes",
    "claims.md": "Who said what",
    "map.md": "Map",
    "timeline.md": "Timeline",
    "search.md": "Search",
    "about.md": "About",
}
"""The navigation's entries, in its order: the pages this edition has (the map and timeline only with their data).

A collection's documents are not in it: the home page lists them, and no page carries a thousand links."""

_ORIGINAL_FIELDS = (("headline", "headline"), ("outlet", "outlet"), ("byline", "byline"), ("date", "date"), ("address (URL)", "url"))


class EditionConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml."""

    source = options.Type(str, default="source")
    """The source folder, relative to mkdocs.yml."""
    pdf = options.Type(bool, default=False)
    """Whether the build writes the PDFs beside the pages (`book.name`); the pages link to them only then."""
    trim_stylesheets = options.Type(bool, default=True)
    """Trim the theme's stylesheets to the rules the pages use (the preview keeps them whole)."""
    cache = options.Type(bool, default=True)
    """Keep compiled templates and trimmed stylesheets in the user's cache folder between builds."""
    search = options.Type(bool, default=True)
    """Index the built site for the search page (`search`)."""


class EditionPlugin(BasePlugin[EditionConfig]):  # type: ignore[no-untyped-call]
    """Generates the edition's pages and gives the templates its metadata."""

    def __init__(self) -> None:
        self.preloaded: tuple[Edition, tuple[Page, ...]] | None = None
        """An edition the caller has loaded from `source` already, and its pages, used instead of making them again."""
        self.pages: tuple[Page, ...] = ()
        self.base_url: str | None = None
        self.data: dict[str, Any] = {}
        """What the templates know of the edition (`edition_data`)."""
        self.documents: dict[str, Document] = {}
        """The documents with pages of their own, by slug (a collection's, a single article's primary sources): their own metadata."""
        self.unchanged: frozenset[str] = frozenset()
        """Generated pages a dirty build leaves as the last build wrote them (the preview's)."""
        self.reviews: dict[str, str | None] = {}
        """Each document page's ClaimReviews of its checked quotations."""
        self.book: str | None = None
        """A single article's book, which holds its primary sources too; a collection's documents each have their own."""

    def source_folder(self, config: MkDocsConfig) -> Path:
        """The source folder: the `source` option, relative to mkdocs.yml."""
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent / self.config.source

    # Before other plugins', which may ask the theme for environments (themeenv).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Lighten the theme's environments, load the source, generate the pages, give the templates the edition's metadata."""
        lighten_environments(config.theme, cache=self.config.cache)
        folder = self.source_folder(config)
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
        if self.preloaded is not None:  # a caller that loaded the edition reports on it itself
            edition, self.pages = self.preloaded
        else:
            try:
                edition = load_source(folder)
            except SourceError as error:
                raise PluginError(str(error)) from None
            self.pages, summary = build_pages(edition)
            log.info("Edition: %s", describe_summary(summary).replace("\n", "; "))
            # Not log.warning: a strict build stops at warnings, and these do not stop the edition.
            for warning in summary.warnings:
                log.info("%s", warning)
        if not config.nav:  # mkdocs.yml may list pages of its own; by default the nav is this edition's pages
            config.nav = navigation(edition, self.pages)
        metadata = edition.metadata
        # Material writes these into the page unescaped: escape them here so they stay text.
        config.site_name = escape(metadata.display_title)
        config.site_description = escape(metadata.description)
        self.base_url = config.site_url or None
        # Checked once: the edition's data and each document page's reviews both report them.
        checks = checked_quotations(edition)
        self.data = edition_data(edition, self.base_url, checks, pdf=self.config.pdf)
        # Every document with a page of its own: a collection's, and a single article's primary sources.
        self.documents = {document.slug: document for document in edition.documents[0 if edition.collection else 1 :]}
        self.book = None if edition.collection or not self.config.pdf else pdf_name(edition)
        # The ClaimReviews of the quotations each document's page reports, made once for all pages.
        kinds = entry_kinds(edition)
        self.reviews = {
            slug: quotation_reviews_json_ld(found, page_url(self.base_url, f"{slug}/"), kinds)
            for slug, found in checks.items()
            if slug in self.documents
        }
        return config

    def on_page_context(self, context: TemplateContext, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """Give the templates the metadata of what the page shows: a collection's document, or the edition."""
        document = self.documents.get(str(page.meta.get("document")))
        book = self.book or (document_pdf(document) if document is not None and self.config.pdf else None)
        data = (
            self.data
            if document is None
            else {**self.data, **document_data(document, self.base_url, book, self.reviews.get(document.slug))}
        )
        # MkDocs types the context as a closed TypedDict; the theme reads any key a plugin adds.
        cast("dict[str, Any]", context)["edition"] = data
        return context

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
            kind = UnchangedFile if page.path in self.unchanged else File
            files.append(kind.generated(config, page.path, content=page.text))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Mark the site as the edition's, then index it for search and trim its theme stylesheets, unless told not to.

        The marker goes in whoever started the build (`make site`, the preview, a plain
        `mkdocs build`), so that `make site` may replace any site the edition built.
        Pagefind runs in a process of its own and reads only the pages, the trim rewrites only
        the stylesheets: the index is written while the stylesheets are trimmed.
        """
        site = Path(config.site_dir)
        (site / SITE_MARKER).write_text(SITE_MARKER_TEXT, encoding="utf-8")
        with ThreadPoolExecutor(max_workers=1) as indexer:
            indexed = indexer.submit(index_site, site, self.data.get("language", "en")) if self.config.search else None
            if self.config.trim_stylesheets:
                self._trim(site)
            try:
                if indexed is not None:
                    indexed.result()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def _trim(self, site: Path) -> None:
        """Trim the theme's stylesheets to what the pages use; without the tools, say so and go on."""
        try:
            trim_stylesheets(site, cache=self.config.cache)
        except TrimToolsMissingError as error:
            # The trim only makes the site lighter; without its tools the site is whole, so the build goes on.
            log.info("Stylesheets not trimmed: %s. The site is complete, its stylesheets only larger.", error)
        except TrimError as error:
            raise PluginError(f"Cannot trim the stylesheets: {error}") from None


class UnchangedFile(File):
    """A generated page whose text is the same as in the build a dirty build updates: MkDocs keeps its HTML as it is."""

    def is_modified(self) -> bool:
        """Never: the page's HTML in the site is already this text's."""
        return False


def navigation(edition: Edition, pages: Sequence[Page]) -> list[dict[str, Any]]:
    """The navigation: the edition's pages in their order, a single article's primary sources after who said what."""
    nav: list[dict[str, Any]] = [{NAV_TITLES[page.path]: page.path} for page in sorted(pages, key=_nav_order) if page.path in NAV_TITLES]
    sources = [] if edition.collection else edition.documents[1:]
    if sources:
        layout = Layout()
        entries = [{escape(document.metadata.display_title): layout.text(document.slug)} for document in sources]
        kinds = {document.metadata.kind for document in sources}
        title = DOCUMENT_KINDS[kinds.pop()] if len(sources) == 1 and len(kinds) == 1 else "Primary sources"
        item = {title: next(iter(entries[0].values()))} if len(sources) == 1 else {title: entries}
        after = next((index + 1 for index, entry in enumerate(nav) if "claims.md" in entry.values()), len(nav))
        nav.insert(after, item)
    return nav


def _nav_order(page: Page) -> int:
    """Where a page stands in the navigation."""
    return list(NAV_TITLES).index(page.path) if page.path in NAV_TITLES else len(NAV_TITLES)


def edition_data(edition: Edition, base_url: str | None, checks: dict[str, list[Check]], *, pdf: bool) -> dict[str, Any]:
    """The edition's metadata, citations and, for a single article, its text's head tags, as plain data for Jinja templates.

    `checks` are the edition's checked quotations (`checked_quotations`), of which a single article's head reports its own.
    """
    metadata = edition.metadata
    data = {
        **dataclasses.asdict(metadata),
        "display_title": metadata.display_title,
        "title_is_supplied": metadata.title_is_supplied,
        "collection": edition.collection,
        "documents": len(edition.documents),
        # A single article's card counts its own text, not the primary sources it quotes.
        "paragraphs": sum(len(document.paragraphs) for document in (edition.documents if edition.collection else edition.documents[:1])),
        "entries": len(edition.entries),
        "notes": sum(len(document.notes) for document in edition.documents),
        "claims": sum(len(document.claims) for document in edition.documents),
        "missing": [] if edition.collection else _missing(metadata),
        "citations": dataclasses.asdict(cite(metadata, base_url)),
        "pdf": pdf_name(edition) if pdf and not edition.collection else None,
    }
    if not edition.collection:
        document = edition.document
        data |= {
            "meta_tags": meta_tags(document, page_url(base_url, "article/")),
            "json_ld": json_ld(document, page_url(base_url, "article/")),
            "reviews_json_ld": reviews_json_ld(document, page_url(base_url, "notes/")),
            "quotations_json_ld": quotation_reviews_json_ld(
                checks.get(document.slug, []), page_url(base_url, "claims/"), entry_kinds(edition)
            ),
        }
    return data


def checked_quotations(edition: Edition) -> dict[str, list[Check]]:
    """The quotations checked against a primary source, by the slug of the document that reports them."""
    found: dict[str, list[Check]] = defaultdict(list)
    for (slug, _), check in check_quotations(edition).by_claim.items():
        found[slug].append(check)
    return found


def entry_kinds(edition: Edition) -> dict[str, str]:
    """The kind of each glossary entry, by id: a claim's author is typed by it."""
    return {entry.id: entry.kind for entry in edition.entries}


def document_data(document: Document, base_url: str | None, book: str | None, quotations: str | None) -> dict[str, Any]:
    """A collection's document's metadata, citation, head tags and PDF, which its page shows instead of the edition's."""
    metadata = document.metadata
    url = page_url(base_url, f"{document.slug}/")
    return {
        **dataclasses.asdict(metadata),
        "display_title": metadata.display_title,
        "title_is_supplied": metadata.title_is_supplied,
        "missing": _missing(metadata),
        "citations": dataclasses.asdict(cite(metadata, url)),
        "meta_tags": meta_tags(document, url),
        "json_ld": json_ld(document, url),
        "reviews_json_ld": reviews_json_ld(document, url),
        "quotations_json_ld": quotations,
        "pdf": book,
    }


def _missing(metadata: Metadata) -> list[str]:
    """What the source did not give of the original, as the about page names it."""
    return [label for label, value in _ORIGINAL_FIELDS if getattr(metadata.original, value) is None]
