"""Printing the site from the browser (Ctrl+P): headless Chromium prints the built article page.

The site is served on a free loopback port; Debian's Chromium (never a downloaded one)
emulates print media in the dark scheme and prints the page to PDF, which pypdf reads.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from browsing import CHROMIUM
from edition.pages.matcher import find_occurrences
from edition.source import load_source
from helpers import SOURCE

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI") != "true", reason="Debian's chromium is not installed (make test installs it)"
)


@pytest.fixture
def printed(browser: Browser, base_url: str) -> Iterator[Page]:
    """The article page, in the dark scheme on screen, as it prints."""
    page = browser.new_page()
    try:
        page.emulate_media(media="print", color_scheme="dark")
        page.goto(f"{base_url}article/", wait_until="load")
        yield page
    finally:
        page.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_print_hides_the_site_chrome(printed: Page) -> None:
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".md-top"):
        locator = printed.locator(selector)
        assert locator.count() == 0 or not locator.first.is_visible(), selector


def test_print_keeps_paragraph_numbers_and_footnotes(printed: Page) -> None:
    numbers = printed.locator("a.ed-pnum")
    assert numbers.count() == 12
    assert all(numbers.nth(index).is_visible() for index in range(numbers.count()))
    assert printed.locator("div.footnote").is_visible()
    assert printed.locator("div.footnote li").count() > 10


def test_print_is_light_whatever_the_screen_scheme(printed: Page) -> None:
    assert printed.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    background = printed.evaluate("getComputedStyle(document.body).backgroundColor")
    color = printed.evaluate("getComputedStyle(document.querySelector('.md-typeset p.ed-paragraph')).color")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert printed.evaluate("getComputedStyle(document.documentElement).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    red, green, blue = (int(value) for value in re.findall(r"\d+", color)[:3])
    assert max(red, green, blue) < 80, color


def test_later_mentions_print_their_short_definition_and_links_their_address(printed: Page) -> None:
    later = printed.locator("a.ed-term[data-ed-tip]").first
    title = later.get_attribute("data-ed-tip")
    content = later.evaluate("element => getComputedStyle(element, '::after').content")
    assert title and title in content
    assert printed.evaluate("getComputedStyle(document.querySelector('.md-typeset a.ed-term[data-ed-tip]'), '::after').fontSize") != ""


def test_printed_pdf_has_numbers_footnotes_and_short_definitions(printed: Page) -> None:
    data = printed.pdf(format="A4", print_background=True)
    reader = PdfReader(io.BytesIO(data))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    text = squeeze(raw)
    edition = load_source(SOURCE)
    entries = {entry.id: entry for entry in edition.entries}
    firsts = dict.fromkeys(occurrence.entry_id for occurrence in find_occurrences(edition.document.paragraphs, edition.entries))
    for entry_id in firsts:
        assert squeeze(entries[entry_id].short) in text, entry_id
    # Chromium writes a number in the margin before or after its line; either way it stands alone.
    lines = {line.strip() for line in raw.splitlines()}
    for number, paragraph in enumerate(edition.document.paragraphs, 1):
        assert str(number) in lines or squeeze(f"{number}{paragraph.split()[0]}") in text, number
    assert "Search" not in text.split("[")[0]
    assert squeeze("[" + entries["blinken"].short + "]") in text
