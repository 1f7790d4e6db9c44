"""What the tests that use a real browser share: Debian's Chromium, its viewports, and the pages of the site.

Sites are served with the edition's own static server (`edition.web.serve.serving`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from helpers import site_paths

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (system-packages.txt); never a downloaded browser."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
PHONE: dict[str, Any] = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
# Colours and sizes are read as a page settles on them, not halfway through a transition.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# How long an expectation waits for the page to get there (not a speed limit): generous, so
# that a busy machine does not fail a test; Playwright's default is 5 s.
expect.set_options(timeout=15_000)


def later_mention(page: Page) -> Locator:
    """The first later mention of an annotated word: a link with the word's definition as tooltip."""
    return page.locator("p.ed-paragraph a.ed-term[data-term]").first


PAGES = site_paths()
"""Every page a reader can reach on the edition's own site."""
