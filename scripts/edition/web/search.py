"""The site's search: a Pagefind index of every page's text, which a reader's browser loads only when they search.

Material's own search sends every page's text to every reader (4 MB at a thousand
documents) and builds its index in the browser. Pagefind (pagefind[bin] from PyPI, run
here through its Python API) writes a chunked index at build time into `pagefind/`; the
search page loads its script, and a query then fetches only the chunks it needs. No
other page loads any of it.

The index covers each page's `<article>` (not the navigation, header or footer) without
the edition's own furniture: paragraph numbers, permanent links, footnote back links,
the citation block. The search page and the error page are left out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"
"""The folder of the site that holds the index and Pagefind's scripts."""

LEFT_OUT = frozenset({"search/index.html", "404.html"})
"""Pages whose text is not what a reader searches for."""

CONFIG: IndexConfig = {
    "root_selector": "article",
    "exclude_selectors": [".ed-pnum", ".headerlink", ".footnote-backref", ".ed-cite", ".ed-download", ".ed-letters", ".ed-facts"],
}


class SearchIndexError(Exception):
    """Pagefind could not index the site; says why."""


def index_site(site: Path, language: str) -> int:
    """Index the site's pages into `site/pagefind/`; return how many pages were indexed."""
    pages = sorted(path for path in site.rglob("*.html") if path.relative_to(site).as_posix() not in LEFT_OUT)
    try:
        # A thread of its own: the caller may already run an event loop (a test driving a
        # browser does), and asyncio.run refuses to start a second one in the same thread.
        with ThreadPoolExecutor(max_workers=1) as thread:
            return thread.submit(asyncio.run, _index(site, pages, language)).result()
    except (OSError, AssertionError, RuntimeError) as error:  # the service failed to start, or answered out of turn
        raise SearchIndexError(f"Pagefind could not index the site ({error})") from None


async def _index(site: Path, pages: Iterable[Path], language: str) -> int:
    """Hand each page to a Pagefind service, then write the bundle."""
    # The bundle is written as the context closes, to the configured path: a path given to
    # write_files instead would be written there and then again, by default, to ./pagefind.
    config: IndexConfig = {**CONFIG, "force_language": language.split("-")[0].lower() or "en", "output_path": str(site / BUNDLE)}
    count = 0
    async with PagefindIndex(config) as index:
        for path in pages:
            relative = path.relative_to(site).as_posix()
            url = "/" + relative.removesuffix("index.html")
            await index.add_html_file(content=path.read_text(encoding="utf-8"), url=url)
            count += 1
    return count
