"""Where each page of an edition lives, and the addresses between pages.

Pages are named by their Markdown paths, as MkDocs knows them: `glossary.md`,
`<slug>/index.md`. The site serves each at a directory address (`glossary/`, `<slug>/`:
MkDocs' `use_directory_urls`, which the plugin requires). A link written in the
generated Markdown names the Markdown path (`md_path`), which MkDocs checks and rewrites;
a link inside the generated HTML, which MkDocs leaves as it is, is written as the final
relative address (`href`).

A single article keeps the pages it always had (`article.md`, `notes.md`,
`claims.md`); a collection gives each document one page, `<slug>/index.md`, holding
its text, notes and claims, and shares the rest, as does each primary source of a
single article.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field


def url_of(page: str) -> str:
    """The directory address of a page, relative to the site's root: `index.md` → ``, `a.md` and `a/index.md` → `a/`."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def href(source: str, target: str, fragment: str = "") -> str:
    """The relative address of page `target` (and `#fragment`) as written in page `source`."""
    anchor = f"#{fragment}" if fragment else ""
    if source == target:
        return anchor or "./"
    path = _relative(source, target)
    return ("" if path == "." else path + "/") + anchor or "./"


@functools.lru_cache(maxsize=65536)
def _relative(source: str, target: str) -> str:
    """The path from one page's address to another's; a collection's pages ask for the same few pairs many times."""
    return posixpath.relpath(url_of(target) or ".", url_of(source) or ".")


def md_path(source: str, target: str, fragment: str = "") -> str:
    """The Markdown link from page `source` to page `target`, which MkDocs resolves and checks."""
    anchor = f"#{fragment}" if fragment else ""
    if source == target:
        return anchor
    return posixpath.relpath(target, posixpath.dirname(source) or ".") + anchor


@dataclass(frozen=True)
class Layout:
    """The pages of one edition: a single article's (and its primary sources'), or a collection's."""

    collection: bool = False
    glossary_pages: Mapping[str, str] = field(default_factory=dict)
    """The page of each entry when the glossary is split by letter; an entry not listed is on `glossary.md`."""
    several: bool = False
    """Whether the edition has more than one document (a collection, or an article with its sources): links then name the document."""

    def text(self, slug: str) -> str:
        """The page of a document's text: a single article's is `article.md`, every other document's `<slug>/index.md`."""
        return "article.md" if slug == SINGLE_ARTICLE and not self.collection else f"{slug}/index.md"

    def notes(self, slug: str) -> str:
        """The page of a document's editorial notes: a single article's `notes.md`, any other document's own page."""
        return "notes.md" if self.text(slug) == "article.md" else self.text(slug)

    def claims(self, slug: str) -> str:
        """The page of a document's table of who said what."""
        return "claims.md" if self.text(slug) == "article.md" else self.text(slug)

    def entry(self, entry_id: str) -> str:
        """The glossary page that holds an entry."""
        return self.glossary_pages.get(entry_id, "glossary.md")

    def name(self, slug: str, title: str) -> str:
        """How links name a document: "Article" for a single article, any other by its title."""
        return "Article" if self.text(slug) == "article.md" else title

    @property
    def glossary_index(self) -> str:
        """The glossary's first page: the whole glossary, or its list of letters when it is split."""
        return "glossary/index.md" if self.glossary_pages else "glossary.md"


SINGLE_ARTICLE = "article"
"""The slug of a single article (`model.ARTICLE_SLUG`), whose pages keep the addresses they always had."""
