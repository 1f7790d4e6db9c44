"""The site's search: a Pagefind index of every page's text, which a reader's browser loads only when they search.

Material's own search sends every page's text to every reader (4 MB at a thousand
documents) and builds its index in the browser. Pagefind (pagefind[bin] from PyPI, run
here through its command line) writes a chunked index at build time into `pagefind/`; the
search page loads its script, and a query then fetches only the chunks it needs. No
other page loads any of it.

The index covers each page's `<article>` (not the navigation, header or footer) without
the edition's own furniture: paragraph numbers, permanent links, footnote back links,
the citation block. The search page and the error page are left out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
"""The folder of the site that holds the index and Pagefind's scripts."""

PAGES = "**/index.html"
"""The pages indexed: every page at its directory address, which leaves out the error page, 404.html.

The search page marks its own text `data-pagefind-ignore` (`pages.render.render_search`).
"""

ROOT_SELECTOR = "article"
EXCLUDE_SELECTORS = (".ed-pnum", ".headerlink", ".footnote-backref", ".ed-cite", ".ed-download", ".ed-letters", ".ed-facts")


class SearchIndexError(Exception):
    """Pagefind could not index the site; says why."""


def index_site(site: Path, language: str) -> None:
    """Index the site's pages into `site/pagefind/` with Pagefind's command line.

    The command line, not the Python API's service: handing the service each page costs
    about 0.1 s a page (107 s for a thousand), and a service closed under load once left a
    bundle file empty, so that two builds differed; the command writes every file before it
    exits (a thousand pages in about 5 s).
    """
    try:
        result = subprocess.run(_command(site, language), capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not start ({error})") from None
    if result.returncode != 0 and _has_root(site):
        raise SearchIndexError(f"Pagefind could not index the site (exit {result.returncode}): {result.stderr.strip()[-2000:]}")


def start_indexing(site: Path, language: str) -> subprocess.Popen[bytes] | None:
    """Start indexing the site in the background (the preview's, which serves the pages first); None when Pagefind cannot start."""
    try:
        return subprocess.Popen(_command(site, language), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _command(site: Path, language: str) -> list[str]:
    """Pagefind's command line for the site: which pages, from which element, without the edition's furniture."""
    return [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--glob", PAGES,
        "--root-selector", ROOT_SELECTOR, "--force-language", language.split("-")[0].lower() or "en", "--quiet",
        *(option for selector in EXCLUDE_SELECTORS for option in ("--exclude-selectors", selector)),
    ]  # fmt: skip


def _has_root(site: Path) -> bool:
    """Whether any page has an element the index starts from: a theme without one leaves nothing to search, not a failure."""
    return any(f"<{ROOT_SELECTOR}".encode() in page.read_bytes() for page in site.glob(PAGES))
