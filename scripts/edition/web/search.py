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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"
"""The folder of the site that holds the index and Pagefind's scripts."""

PAGES = "**/index.html"
"""The pages indexed: every page at its directory address, which leaves out the error page, 404.html.

The search page marks its own text `data-pagefind-ignore` (`pages.render.render_search`).
"""

CONFIG: IndexConfig = {
    "root_selector": "article",
    "exclude_selectors": [".ed-pnum", ".headerlink", ".footnote-backref", ".ed-cite", ".ed-download", ".ed-letters", ".ed-facts"],
}


class SearchIndexError(Exception):
    """Pagefind could not index the site; says why."""


def index_site(site: Path, language: str) -> int:
    """Index the site's pages into `site/pagefind/`; return how many pages were indexed."""
    try:
        # A thread of its own: the caller may already run an event loop (a test driving a
        # browser does), and asyncio.run refuses to start a second one in the same thread.
        with ThreadPoolExecutor(max_workers=1) as thread:
            return thread.submit(asyncio.run, _index(site, language)).result()
    except (OSError, AssertionError, RuntimeError) as error:  # the service failed to start, or answered out of turn
        raise SearchIndexError(f"Pagefind could not index the site ({error})") from None


async def _index(site: Path, language: str) -> int:
    """Have a Pagefind service read the site's pages from disk, and write the bundle as it closes.

    Pagefind reads the folder itself: handing it each page's text through the Python API
    costs about 0.1 s a page (107 s for a thousand), reading the folder 0.1 s for two hundred.
    """
    # The bundle is written as the context closes, to the configured path: a path given to
    # write_files instead would be written there and then again, by default, to ./pagefind.
    config: IndexConfig = {**CONFIG, "force_language": language.split("-")[0].lower() or "en", "output_path": str(site / BUNDLE)}
    async with PagefindIndex(config) as index:
        result = await index.add_directory(str(site), glob=PAGES)
    return int(result["page_count"])
