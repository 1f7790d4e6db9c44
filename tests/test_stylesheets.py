"""The published site's theme stylesheets: trimmed to what its pages use, and styling them exactly as before."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import material
import pytest

from edition.web.stylesheets import TrimToolsMissingError, read_vocabulary, trim_stylesheets
from helpers import SOURCE, build_site, site_paths

# Playwright (and `browsing`, which imports it) only when a browser test runs, so that the
# unit tests of this file run without it.
if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

THEME_ASSETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
"""Material's stylesheets as the theme ships them, untrimmed."""

PAGE = """<!doctype html><html><head><link rel="stylesheet" href="assets/own.css">
<script type="application/ld+json">{"reviewBody": "jsonldword"}</script>
<script>document.body.classList.add("inline-added")</script><script src="assets/app.js"></script></head>
<body><div class="used also" id="main" data-md-color-scheme="slate">textword <span title="titleword">x</span></div></body></html>"""

THEME_CSS = (
    ":root{--used-colour:red;--unused-colour:blue;--own-colour:green}"
    ".used{color:var(--used-colour)}.unused{color:var(--unused-colour)}"
    ".inline-added{margin:0}.file-added{padding:0}"
    "[data-md-color-scheme=slate]{background:black}[data-md-color-scheme=default]{background:white}"
)

OWN_CSS = "/*! licence */\n/* Why the rule is here. */\n.mine { color: var(--own-colour); }\n.nobody { color: red; }\n"


@pytest.fixture
def tiny_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-page site with a theme stylesheet, a stylesheet of its own and a script; its own trim cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "assets" / "app.js").write_text('el.classList.toggle("file-added")', encoding="utf-8")
    (site / "assets" / "own.css").write_text(OWN_CSS, encoding="utf-8")
    (site / "assets" / "stylesheets" / "main.css").write_text(THEME_CSS, encoding="utf-8")
    return site


def test_the_vocabulary_holds_what_selectors_match_and_what_scripts_add_not_text(tiny_site: Path) -> None:
    vocabulary = read_vocabulary(tiny_site)
    assert {"div", "span", "body"} <= vocabulary.tags
    assert vocabulary.classes == {"used", "also"}
    assert vocabulary.ids == {"main"}
    assert {"data-md-color-scheme", "title"} <= vocabulary.attribute_names
    assert "slate" in vocabulary.attribute_values
    assert {"inline-added", "file-added"} <= vocabulary.script_words
    words = vocabulary.script_words | vocabulary.classes | vocabulary.attribute_values
    assert "textword" not in words, "the text of the pages is not read"
    assert "titleword" not in words, "nor the wording of tooltips"
    assert "jsonldword" not in words, "JSON-LD is data, not a script"


@pytest.mark.site
def test_trimming_drops_the_rules_and_colours_no_page_can_use(tiny_site: Path) -> None:
    trim_stylesheets(tiny_site)
    css = (tiny_site / "assets" / "stylesheets" / "main.css").read_text(encoding="utf-8")
    for kept in (".used", ".inline-added", ".file-added", "[data-md-color-scheme=slate]", "--used-colour"):
        assert kept in css
    assert "--own-colour" in css, "a colour the site's own stylesheet uses is kept"
    for dropped in (".unused", "--unused-colour", "[data-md-color-scheme=default]"):
        assert dropped not in css
    own = (tiny_site / "assets" / "own.css").read_text(encoding="utf-8")
    assert own == OWN_CSS.replace("/* Why the rule is here. */\n", ""), "the site's own stylesheet keeps its rules, loses its comments"


@pytest.mark.site
def test_a_rebuild_with_reworded_text_and_tooltips_reuses_the_trimmed_stylesheets(tiny_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = tiny_site / "assets" / "stylesheets" / "main.css"
    trim_stylesheets(tiny_site)
    first = theme.read_text(encoding="utf-8")
    # As a new build writes them: the stylesheets as shipped, and the page with other text.
    theme.write_text(THEME_CSS, encoding="utf-8")
    (tiny_site / "assets" / "own.css").write_text(OWN_CSS, encoding="utf-8")
    page = tiny_site / "index.html"
    reworded = page.read_text(encoding="utf-8").replace("textword", "other words").replace("titleword", "other title")
    page.write_text(reworded, encoding="utf-8")

    def no_purgecss(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("PurgeCSS ran again for the same stylesheets and vocabulary")

    monkeypatch.setattr(subprocess, "run", no_purgecss)
    trim_stylesheets(tiny_site)
    assert theme.read_text(encoding="utf-8") == first


@pytest.mark.site
def test_a_cache_folder_that_cannot_hold_the_cache_still_trims(tiny_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tiny_site.parent / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    trim_stylesheets(tiny_site)
    assert ".unused" not in (tiny_site / "assets" / "stylesheets" / "main.css").read_text(encoding="utf-8")


@pytest.mark.site
def test_a_new_class_in_the_pages_trims_afresh(tiny_site: Path) -> None:
    theme = tiny_site / "assets" / "stylesheets" / "main.css"
    trim_stylesheets(tiny_site)
    assert ".unused" not in theme.read_text(encoding="utf-8")
    theme.write_text(THEME_CSS, encoding="utf-8")
    page = tiny_site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('class="used also"', 'class="used unused"'), encoding="utf-8")
    trim_stylesheets(tiny_site)
    assert ".unused" in theme.read_text(encoding="utf-8")


def test_without_node_the_trim_says_how_to_install_it(tiny_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(TrimToolsMissingError, match="npm ci"):
        trim_stylesheets(tiny_site)


@pytest.mark.site
def test_a_build_without_node_keeps_the_theme_s_stylesheets_and_says_so_once(tmp_path: Path) -> None:
    # PATH without Node.js, with this interpreter's folder so that MkDocs still runs; an
    # empty cache folder, so that no stylesheets trimmed by an earlier build are at hand.
    without_node = {"PATH": f"{Path(sys.executable).parent}:/nonexistent", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = build_site(SOURCE, tmp_path / "site", without_node)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "not trimmed" in line]
    assert notices == [
        "Stylesheets not trimmed: Node.js and PurgeCSS are not installed: run `npm ci` in the project folder"
        " (`make site` does it) and build again. The site is complete, its stylesheets only larger."
    ]
    for path in (tmp_path / "site" / "assets" / "stylesheets").glob("*.css"):
        assert path.read_bytes() == (THEME_ASSETS / path.name).read_bytes(), path.name
    assert "Traceback" not in result.stderr


def test_the_published_theme_stylesheets_are_trimmed(site: Path) -> None:
    published = sorted((site / "assets" / "stylesheets").glob("*.css"))
    assert published, "the site has the theme's stylesheets"
    for path in published:
        assert path.stat().st_size < (THEME_ASSETS / path.name).stat().st_size * 0.75, path.name


# In the browser: every element of every page, and the pseudo-elements that carry Material's
# icons, in both colour schemes and in states the scripts style (search results, a
# definition shown, the phone's drawer open), look the same with the trimmed stylesheets as with the theme's
# own: the same value of every property that decides what a reader sees.

LOOKS = """(properties) => {
  const look = (element, pseudo) => {
    const style = getComputedStyle(element, pseudo);
    // A pseudo-element without content is not drawn: its other properties cannot show.
    if (pseudo && ["none", "normal"].includes(style.getPropertyValue("content"))) return properties.map(() => "");
    return properties.map((name) => style.getPropertyValue(name));
  };
  return [...document.querySelectorAll("body *")].map((element) => [
    element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + (element.classList.length ? "." + [...element.classList].join(".") : ""),
    [...look(element, null), ...look(element, "::before"), ...look(element, "::after")],
  ]);
}"""
PROPERTIES = [
    "display", "visibility", "opacity", "position", "top", "left", "width", "height", "margin", "padding",
    "color", "background-color", "background-image", "border", "border-radius", "outline", "box-shadow",
    "font-family", "font-size", "font-weight", "font-style", "line-height", "text-decoration", "text-align",
    "white-space", "overflow", "transform", "z-index", "mask-image", "content", "fill", "cursor",
]  # fmt: skip
LOOKED_AT = [f"{name}{pseudo}" for pseudo in ("", "::before", "::after") for name in PROPERTIES]
"""What LOOKS returns for each element, in its order."""


def _search(page: Page) -> None:
    """Wait for the search page's results for the query in its address."""
    from playwright.sync_api import expect

    expect(page.locator(".pagefind-ui__result").first).to_be_visible()


def _hover_term(page: Page) -> None:
    """Hover the first later mention of an annotated word (a link), so that its definition shows."""
    from playwright.sync_api import expect

    from browsing import later_mention

    term = later_mention(page)
    term.hover()
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    expect(page.locator(f"#{term.get_attribute('aria-describedby')}")).to_be_visible()


def _open_drawer(page: Page) -> None:
    """Open the navigation drawer of a phone-sized page."""
    from playwright.sync_api import expect

    page.locator(".md-header label[for='__drawer']").click()
    expect(page.locator("nav.md-nav--primary").first).to_be_visible()


State = tuple[str, str, Callable[["Page"], None] | None]
"""The viewport (`browsing.DESKTOP` or `browsing.PHONE`), page path, and what a reader does there before the styles are read."""

STATES: dict[str, State] = {
    **{f"{path or 'home'} loaded": ("desktop", path, None) for path in site_paths()},
    "search page with results": ("desktop", "search/?q=Kerch", _search),
    "article with a definition shown": ("desktop", "article/", _hover_term),
    "article on a phone, drawer open": ("phone", "article/", _open_drawer),
}


@pytest.fixture(scope="module")
def theme_stylesheets(site: Path) -> dict[str, bytes]:
    """The site's theme stylesheets by file name, as Material ships them (untrimmed)."""
    return {path.name: (THEME_ASSETS / path.name).read_bytes() for path in (site / "assets" / "stylesheets").glob("*.css")}


SETTLING = """() => {
  const boxes = [...document.querySelectorAll(".md-sidebar, .md-sidebar__scrollwrap, .md-header, .pagefind-ui__result, [role=tooltip]")]
    .map((element) => { const box = element.getBoundingClientRect(); return [box.x, box.y, box.width, box.height].join(); });
  return [document.documentElement.scrollHeight, getComputedStyle(document.body).overflow, document.body.className, ...boxes].join("|");
}"""
"""A cheap fingerprint of what Material's scripts adjust after a load or a reader's act: sidebars, scrolling, results."""


def _settled_looks(page: Page) -> list[tuple[str, list[str]]]:
    """How each element looks once the page has settled.

    Material's scripts size the sidebars and lock scrolling a moment after the page loads or a
    reader acts; the page is read once its fingerprint (`SETTLING`) has stopped changing.
    """
    previous, unchanged = None, 0
    for _ in range(100):
        fingerprint = page.evaluate(SETTLING)
        unchanged = unchanged + 1 if fingerprint == previous else 0
        # Three reads alike, 300 ms: under load Material's scripts have been seen to hold a half-sized sidebar for 100 ms.
        if unchanged == 3:
            return [(element, values) for element, values in page.evaluate(LOOKS, PROPERTIES)]
        previous = fingerprint
        page.wait_for_timeout(100)
    raise AssertionError("the page never settled: its sidebars kept changing for 10 s")


UNTRIMMED = "?untrimmed"
USE_THEME_STYLESHEETS = f"""async () => {{
  const links = [...document.querySelectorAll('link[rel=stylesheet][href*="assets/stylesheets/"]')];
  await Promise.all(links.map((link) => new Promise((loaded) => {{
    link.addEventListener("load", loaded, {{ once: true }});
    link.href = link.href.split("?")[0] + "{UNTRIMMED}";
  }})));
}}"""
"""Point the page's theme stylesheets at Material's own (served by a route) and wait until they apply."""


def _compare(published: list[tuple[str, list[str]]], original: list[tuple[str, list[str]]]) -> list[str]:
    """Each property of each element that looks different with the trimmed stylesheets."""
    assert [element for element, _ in published] == [element for element, _ in original]
    return [
        f"{element} {name}: {mine!r}, not {theirs!r}"
        for (element, my_values), (_, their_values) in zip(published, original, strict=True)
        for name, mine, theirs in zip(LOOKED_AT, my_values, their_values, strict=True)
        if mine != theirs
    ]


@pytest.mark.parametrize("state", list(STATES))
def test_trimmed_stylesheets_look_like_the_theme_s_own(
    browser: Browser, base_url: str, theme_stylesheets: dict[str, bytes], state: str
) -> None:
    # One page per state: read in both colour schemes with the published stylesheets, then
    # with Material's own swapped in, the page and what the reader did on it unchanged.
    from browsing import DESKTOP, NO_TRANSITIONS, PHONE

    viewport, path, act = STATES[state]
    context = browser.new_context(**{"desktop": DESKTOP, "phone": PHONE}[viewport])
    try:
        context.route(
            f"**/assets/stylesheets/*.css{UNTRIMMED}",
            lambda route: route.fulfill(body=theme_stylesheets[route.request.url.rsplit("/", 1)[1].split("?")[0]], content_type="text/css"),
        )
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        if act is not None:
            act(page)
        looks: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
        for stylesheets in ("published", "theme"):
            if stylesheets == "theme":
                page.evaluate(USE_THEME_STYLESHEETS)
            for scheme in ("default", "slate"):
                page.evaluate("(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
                looks[stylesheets, scheme] = _settled_looks(page)
    finally:
        context.close()
    for scheme in ("default", "slate"):
        differing = _compare(looks["published", scheme], looks["theme", scheme])
        assert not differing, f"{len(differing)} differences in the {scheme} scheme with the trimmed stylesheets, first: {differing[:5]}"
