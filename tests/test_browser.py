"""The built site in a real browser: Debian's Chromium, driven by Playwright.

The site is built once (the `site` fixture) and served from 127.0.0.1 on a free port by a
thread that is always stopped. One browser serves the whole session. Tests that act on a
page open fresh browser contexts (no shared storage, so no colour scheme carried over); the
page-by-page checks (phone width, loopback, axe) share one tab per module, as they only read.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Request, Response, expect

from browsing import DESKTOP, NO_TRANSITIONS, PAGES, PHONE, later_mention
from edition.source import load_source
from edition.web.serve import serving
from helpers import ROOT, SOURCE

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SUB_PATH = "/editions/crimea/"
# A glossary entry the search must find by its term.
SEARCHED_ENTRY = "sevastopol"


class Tab:
    """A page in a fresh browser context, with every request it made and every one that failed."""

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self.context = context
        self.base_url = base_url
        self.requests: list[str] = []
        self.failures: list[str] = []
        # On the context, not the page: the search index is fetched by a web worker.
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", self._failed)
        context.on("response", self._answered)
        self.page = context.new_page()

    def _failed(self, request: Request) -> None:
        self.failures.append(f"{request.url}: {request.failure}")

    def _answered(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.url}: HTTP {response.status}")

    def open(self, path: str, wait_until: Literal["load", "networkidle"] = "load") -> Page:
        """Load a page of the site (a path relative to the site's address); traffic is counted from here."""
        self.requests.clear()
        self.failures.clear()
        self.page.goto(self.base_url + path, wait_until=wait_until)
        return self.page


Tabs = Callable[..., Tab]


@pytest.fixture
def tabs(browser: Browser, base_url: str) -> Iterator[Tabs]:
    """Opens tabs in fresh contexts (`tabs(**context_options)`, `base_url=` for another server)."""
    contexts: list[BrowserContext] = []

    def open_tab(base: str = base_url, **options: Any) -> Tab:
        contexts.append(browser.new_context(**options))
        return Tab(contexts[-1], base)

    try:
        yield open_tab
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def tab(tabs: Tabs) -> Tab:
    """A desktop-sized tab on the edition's site."""
    return tabs(**DESKTOP)


@contextlib.contextmanager
def shared_tab(browser: Browser, base_url: str, options: dict[str, Any]) -> Iterator[Tab]:
    """One tab for a module's page-by-page checks, which only read pages: cheaper than a context each."""
    context = browser.new_context(**options)
    try:
        yield Tab(context, base_url)
    finally:
        context.close()


@pytest.fixture(scope="module")
def desktop_tab(browser: Browser, base_url: str) -> Iterator[Tab]:
    """A desktop tab shared by the page-by-page checks."""
    with shared_tab(browser, base_url, DESKTOP) as tab:
        yield tab


@pytest.fixture(scope="module")
def phone_tab(browser: Browser, base_url: str) -> Iterator[Tab]:
    """A phone-sized touch tab shared by the page-by-page checks."""
    with shared_tab(browser, base_url, PHONE) as tab:
        yield tab


@functools.cache
def definitions() -> dict[str, str]:
    """Each glossary entry's short definition, by id, as the editor wrote it."""
    return {entry.id: entry.short for entry in load_source(SOURCE).entries}


def expect_definition_shown(page: Page, term: Locator) -> None:
    """The tooltip that describes an annotated word is on screen and holds its definition."""
    definition = definitions()[str(term.get_attribute("data-term"))]
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_css("opacity", "1")
    expect(tooltip).to_have_text(definition)


def toggle_colour_scheme(page: Page) -> None:
    """Select the visible light/dark switch in the header, as a reader would."""
    page.locator("form[data-md-component='palette'] label:visible").click()


def test_the_pages_checked_here_are_every_page_of_the_site(site: Path) -> None:
    built = {path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("*.html")}
    assert built == set(PAGES)


def test_hovering_an_annotated_word_shows_its_definition(tab: Tab) -> None:
    page = tab.open("article/")
    term = later_mention(page)
    expect(page.locator("[role='tooltip']:visible")).to_have_count(0)
    term.hover()
    expect_definition_shown(page, term)


def test_hovering_a_first_mention_s_note_number_shows_its_definition(tab: Tab) -> None:
    page = tab.open("article/")
    first = page.locator("p.ed-paragraph span.ed-term[data-term]").first
    entry = str(first.get_attribute("data-term"))
    call = page.locator(f"sup[id='fnref:{entry}'] a")
    call.hover()
    expect(call).to_have_attribute("aria-controls", re.compile(r"\S"))
    note = page.locator(f"#{call.get_attribute('aria-controls')}")
    expect(note).to_be_visible()
    expect(note).to_contain_text(definitions()[entry])


def test_tabbing_to_an_annotated_word_shows_its_definition(tab: Tab) -> None:
    page = tab.open("article/")
    # A paragraph where the next stop after the paragraph number is an annotated word.
    paragraph = page.evaluate(
        "() => [...document.querySelectorAll('p.ed-paragraph')].find(p => p.querySelector('a:not(.ed-pnum)')?.matches('a.ed-term')).id"
    )
    page.locator(f"#{paragraph} a.ed-pnum").focus()
    page.keyboard.press("Tab")
    term = page.locator(f"#{paragraph} a.ed-term").first
    expect(term).to_be_focused()
    expect_definition_shown(page, term)


def test_tapping_an_annotated_word_shows_its_definition_and_a_second_tap_follows_it(tabs: Tabs) -> None:
    page = tabs(**PHONE).open("article/")
    term = later_mention(page)
    entry = term.get_attribute("data-term")
    term.tap()
    expect_definition_shown(page, term)
    expect(page).to_have_url(re.compile(r"/article/$"))
    term.tap()
    expect(page).to_have_url(re.compile(rf"/glossary/#{entry}$"))


def test_the_mark_of_a_checked_quotation_shows_the_sources_words_and_a_second_tap_opens_them(tabs: Tabs) -> None:
    page = tabs(**PHONE).open("article/")
    mark = page.locator("#p9 sup.ed-said-ref a")
    mark.tap()
    expect(mark).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tooltip = page.locator(f"#{mark.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("very, very difficult to militarily eject")
    expect(page).to_have_url(re.compile(r"/article/$"))
    mark.tap()
    expect(page).to_have_url(re.compile(r"/ramstein-transcript/#said-article--milley-very-difficult$"))
    expect(page.locator("#said-article--milley-very-difficult")).to_be_in_viewport()


def test_clicking_an_annotated_word_follows_it_at_once(tab: Tab) -> None:
    page = tab.open("article/")
    term = later_mention(page)
    entry = term.get_attribute("data-term")
    term.click()
    expect(page).to_have_url(re.compile(rf"/glossary/#{entry}$"))


def test_a_footnote_call_jumps_to_its_note_and_the_note_leads_back(tab: Tab) -> None:
    page = tab.open("article/")
    call = page.locator("p.ed-paragraph sup[id^='fnref:']").first
    call_id = str(call.get_attribute("id"))
    note_id = call_id.replace("fnref:", "fn:", 1)
    call.locator("a").click()
    expect(page).to_have_url(re.compile(re.escape(f"#{note_id}") + "$"))
    note = page.locator(f"li[id='{note_id}']")
    expect(note).to_be_in_viewport()
    note.locator("a.footnote-backref").click()
    expect(page).to_have_url(re.compile(re.escape(f"#{call_id}") + "$"))
    expect(call).to_be_in_viewport()


def test_a_paragraph_link_lands_on_the_paragraph_and_marks_it(tab: Tab) -> None:
    page = tab.open("article/#p7")
    target, other = page.locator("#p7"), page.locator("#p6")
    expect(target).to_be_in_viewport()
    header = page.locator("header.md-header").bounding_box()
    box = target.bounding_box()
    assert header is not None and box is not None and box["y"] >= header["y"] + header["height"], "¶7 is under the header"
    assert target.evaluate("element => element.matches(':target')")
    look = "element => { const s = getComputedStyle(element); return [s.backgroundColor, s.outlineStyle, s.outlineColor]; }"
    assert target.evaluate(look) != other.evaluate(look)


def test_the_home_page_s_search_form_finds_a_glossary_term(tab: Tab) -> None:
    page = tab.open("")
    entry = next(entry for entry in load_source(SOURCE).entries if entry.id == SEARCHED_ENTRY)
    page.get_by_label("Search the edition").fill(entry.term)
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"search/\?q="))
    result = page.locator(f".pagefind-ui__result a[href*='glossary/'][href$='#{entry.id}-term']")
    expect(result.first).to_be_visible()
    expect(result.first).to_contain_text(entry.term)
    assert all(url.startswith(tab.base_url) for url in tab.requests)


def test_the_search_index_is_fetched_only_by_the_search_page_and_in_pieces(tab: Tab) -> None:
    tab.open("article/", wait_until="networkidle")
    assert not [url for url in tab.requests if "/pagefind/" in url], "a text's page loads nothing of search"
    page = tab.open("search/", wait_until="networkidle")
    with page.expect_request(re.compile(r".*/pagefind/index/.*\.pf_index")):
        page.get_by_label("Words to search for").fill("Kerch")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    assert all(url.startswith(tab.base_url) for url in tab.requests)


def test_the_light_dark_switch_changes_the_colour_scheme_and_keeps_it(tab: Tab) -> None:
    page = tab.open("article/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    toggle_colour_scheme(page)
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.add_style_tag(content=NO_TRANSITIONS)
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != background
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    toggle_colour_scheme(page)
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_a_reader_whose_system_is_dark_gets_the_dark_scheme(tabs: Tabs) -> None:
    page = tabs(color_scheme="dark").open("article/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize("path", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(phone_tab: Tab, path: str) -> None:
    page = phone_tab.open(path)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    too_wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".slice(0, 5).map(e => e.outerHTML.slice(0, 120))"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide on a {widths[1]} px screen: {too_wide}"


@pytest.mark.parametrize("path", PAGES)
def test_a_page_loads_only_from_loopback(desktop_tab: Tab, path: str) -> None:
    desktop_tab.open(path, wait_until="networkidle")
    requests = desktop_tab.requests
    assert any(url.endswith(".css") for url in requests) and any(url.endswith(".js") for url in requests)
    assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
    assert desktop_tab.failures == []


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one line per rule with the first elements."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations")
    return [
        f"{violation['id']} ({len(violation['nodes'])}): {violation['help']} at "
        + json.dumps([node["target"] for node in violation["nodes"][:3]])
        for violation in violations
    ]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation_in_either_colour_scheme(desktop_tab: Tab, path: str) -> None:
    page = desktop_tab.open(path)
    page.add_style_tag(content=NO_TRANSITIONS)
    # The shared tab remembers the last scheme chosen: check that one, switch, check the other.
    found = {}
    for _ in range(2):
        scheme = str(page.locator("body").get_attribute("data-md-color-scheme"))
        found[scheme] = axe_violations(page)
        toggle_colour_scheme(page)
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    assert found == {"default": [], "slate": []}


def test_the_site_works_under_a_sub_path(site: Path, tabs: Tabs) -> None:
    with serving(site, SUB_PATH) as base:
        tab = tabs(base=base)
        search = tab.open("search/?q=Kerch", wait_until="networkidle")
        expect(search.locator(".pagefind-ui__result a").first).to_have_attribute("href", re.compile("^" + re.escape(SUB_PATH)))
        page = tab.open("article/", wait_until="networkidle")
        assert tab.failures == []
        assert [url for url in tab.requests if not url.startswith(base)] == []
        # The edition's stylesheet and Material's script both took effect.
        assert page.locator("#p1").evaluate("element => getComputedStyle(element).paddingLeft") != "0px"
        assert page.evaluate("() => typeof window.document$") == "object"
        links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href.split('#')[0])")
        internal = sorted({link for link in links if link.startswith(f"http://{urlsplit(base).netloc}/")})
        assert base + "glossary/" in internal
        for link in internal:
            assert link.startswith(base), link
            assert tab.context.request.get(link).status == 200, link
