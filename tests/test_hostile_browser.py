"""The hostile sample's site in a real browser: no text an editor typed ever runs as script.

Every field of the hostile sample that the loader accepts carries a payload
(`<img src=x onerror=alert(…)>`, `<script>`, `"><svg onload=…>`) in its title, description,
editors, short definitions, notes, sources, changelog, timeline and home page; a place on the
map has one in its term and short; a transcript it quotes (`documents/hostile-transcript/`) in
its title, metadata, speaker's label and text; and a claim checked against that transcript in
its speaker, words, channel, quote and passage. Each page is loaded, every tooltip opened by
hover and by focus, and the test fails on any dialog the page opens, any element that
gained an event handler, and any link that would run script when followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page

from browsing import DESKTOP, NO_TRANSITIONS
from edition.web.serve import serving
from helpers import soup

HANDLERS = (
    "() => [...document.querySelectorAll('*')]"
    ".filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 120))"
)
"""Every element that carries an event handler: the page's own markup has none."""
INJECTED = (
    "() => [...document.querySelectorAll('img[src=\"x\"], svg[onload], script:not([src])')]"
    ".filter(e => e.tagName !== 'SCRIPT' || /alert\\(/.test(e.textContent) && e.type !== 'application/ld+json')"
    ".map(e => e.outerHTML.slice(0, 120))"
)
"""Elements only a payload would make: an image of `x`, an SVG with onload, a script (not JSON-LD data) calling alert."""
SCRIPT_LINKS = (
    "() => [...document.querySelectorAll('a[href], area[href]')]"
    ".filter(e => !['http:', 'https:', 'mailto:'].includes(new URL(e.getAttribute('href'), location.href).protocol))"
    ".map(e => e.outerHTML.slice(0, 120))"
)
"""Links that run script when followed (`javascript:`, `data:`): the page's own go to web pages and e-mail addresses only."""
PAYLOADS_SHOWN = {
    "": ("title", "description", "editor", "note", "home"),
    "about": ("changelog",),
    "article": ("short", "term", "place", "quote"),
    "glossary": ("term", "place"),
    "map": ("term",),
    "timeline": ("timeline", "source"),
    "claims": ("who", "what", "channel", "quote", "passage"),
    "hostile-transcript": ("document", "issued_by", "copy", "excerpt", "speaker", "transcript", "passage"),
}
"""Each page and the payloads it shows as text, each named by its `alert('…')`: a field a page does not show tests nothing."""


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serving(hostile_site) as url:
        yield url


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as a path relative to its address."""
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("*.html"))


def test_the_hostile_sample_carries_a_payload_in_every_kind_of_field(hostile_site: Path) -> None:
    for path, fields in PAYLOADS_SHOWN.items():
        assert [field for field in fields if f"alert('{field}')" not in text_of(hostile_site, path)] == [], path
    assert "Differs from the source" in text_of(hostile_site, "claims"), "the quotation is checked against the transcript"


def text_of(site: Path, path: str) -> str:
    """What a reader sees of a page: its text, every payload in it shown as typed."""
    return soup((site / path / "index.html").read_text(encoding="utf-8")).get_text()


def test_no_page_of_the_hostile_site_runs_any_script_from_its_text(browser: Browser, hostile_site: Path, hostile_url: str) -> None:
    context = browser.new_context(**DESKTOP)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: _record(dialog, dialogs))
        for path in pages_of(hostile_site):
            page.goto(hostile_url + path, wait_until="load")
            page.add_style_tag(content=NO_TRANSITIONS)
            _open_every_tooltip(page)
            assert page.evaluate(HANDLERS) == [], path
            assert page.evaluate(INJECTED) == [], path
            assert page.evaluate(SCRIPT_LINKS) == [], path
    finally:
        context.close()
    assert dialogs == []


def _record(dialog: Dialog, dialogs: list[str]) -> None:
    dialogs.append(f"{dialog.type}: {dialog.message} on {dialog.page.url if dialog.page else '?'}")
    dialog.dismiss()


def _open_every_tooltip(page: Page) -> None:
    """Hover and focus everything that shows text in a tooltip: the edition's tips, titles, footnote calls."""
    # Handles, taken once: a script may drop the attributes that found them (Material moves titles into tooltips).
    for target in page.locator("[data-ed-tip], [title], a.footnote-ref").element_handles():
        # Events rather than the pointer: elements under the header or the drawer take them too.
        for event in ("mouseover", "mouseenter", "focusin"):
            target.dispatch_event(event)
    page.wait_for_timeout(200)
