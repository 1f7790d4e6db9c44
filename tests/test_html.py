"""Every page of the built site is valid HTML5, and no internal link or anchor is broken.

These read the files in `site/`; no browser is needed.
"""

from __future__ import annotations

import json
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import ROOT, soup

pytestmark = [pytest.mark.site, pytest.mark.slow]

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The one message the validator reports that the edition cannot fix without copying all of
# Material's base.html: its two toggle checkboxes (#__drawer, #__search) carry
# autocomplete="off" on purpose, so that Firefox does not restore them when the reader goes
# back (which would leave the menu or the search open). HTML allows autocomplete only on text-like
# inputs, so the attribute is invalid but harmless. Only this message on these inputs is accepted.
MATERIAL_TOGGLE_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
MATERIAL_TOGGLES = ('id="__drawer" autocomplete="off"', 'id="__search" autocomplete="off"')

# Addresses a page may hold that are not files of the site.
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:")

ORIGIN = "http://site.invalid/"


def is_material_toggle_message(message: dict[str, str]) -> bool:
    """Whether a validator message is the accepted one about Material's toggle checkboxes."""
    extract = message.get("extract", "")
    return message["message"].startswith(MATERIAL_TOGGLE_AUTOCOMPLETE) and any(toggle in extract for toggle in MATERIAL_TOGGLES)


def validator_errors(site: Path) -> list[dict[str, str]]:
    """The Nu HTML Checker's errors over every HTML file of a site."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stderr or result.stdout
    messages: list[dict[str, str]] = json.loads(output)["messages"]
    return [message for message in messages if message["type"] in ("error", "non-document-error")]


@pytest.fixture(scope="module")
def site_errors(site: Path) -> list[dict[str, str]]:
    """The validator's errors over the edition's site, run once for this module."""
    return validator_errors(site)


def test_every_page_is_valid_html5(site_errors: list[dict[str, str]]) -> None:
    errors = [error for error in site_errors if not is_material_toggle_message(error)]
    assert errors == [], "\n".join(f"{error.get('url')}:{error.get('lastLine')}: {error['message']}" for error in errors)


def test_the_validator_reports_an_invalid_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><span><div>block in inline</div></span></body></html>',
        encoding="utf-8",
    )
    errors = validator_errors(tmp_path)
    assert len(errors) == 1 and "div" in errors[0]["message"] and errors[0]["url"].endswith("/index.html")


@cache
def ids_in(page: Path) -> frozenset[str]:
    """The ids (and `<a name>` anchors) a page holds."""
    html = soup(page.read_text(encoding="utf-8"))
    return frozenset(str(element["id"]) for element in html.select("[id]")) | {str(a["name"]) for a in html.select("a[name]")}


def target_file(site: Path, path: str) -> Path:
    """The file a site path is served from: a folder's `index.html`, or the file itself."""
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def internal_references(site: Path, page: Path) -> list[tuple[str, str]]:
    """Every internal address a page refers to (href, src), resolved from the page's own address."""
    address = ORIGIN + page.relative_to(site).as_posix()
    references = []
    for element in soup(page.read_text(encoding="utf-8")).select("[href], [src]"):
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is None or str(value).startswith(NOT_FILES):
                continue
            resolved = urljoin(address, str(value))
            if resolved.startswith(ORIGIN):
                references.append((str(value), resolved))
    return references


def broken_references(site: Path) -> list[str]:
    """Each internal link, script, style or image whose file or #fragment is missing."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for written, resolved in internal_references(site, page):
            parts = urlsplit(resolved)
            target = target_file(site, parts.path)
            fragment = unquote(parts.fragment)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {written}: no file {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
                broken.append(f"{page.relative_to(site)}: {written}: no id '{fragment}' in {target.relative_to(site)}")
    return broken


def test_no_internal_link_or_anchor_is_broken(site: Path) -> None:
    assert broken_references(site) == []
    # Not vacuous: the article's paragraph links, footnotes and glossary links were all checked.
    checked = {resolved for _, resolved in internal_references(site, site / "article" / "index.html")}
    assert {ORIGIN + "article/index.html#p7", ORIGIN + "glossary/#blinken", ORIGIN + "article/index.html#fn:blinken"} <= checked


def test_the_link_check_finds_a_missing_anchor_and_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "article").mkdir()
    (tmp_path / "article" / "index.html").write_text('<p id="p1">text</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="article/#p1">ok</a> <a href="article/#p9">gone</a> <a href="names/">missing</a> <a href="https://example.org/">away</a>',
        encoding="utf-8",
    )
    assert broken_references(tmp_path) == [
        "index.html: article/#p9: no id 'p9' in article/index.html",
        "index.html: names/: no file names/index.html",
    ]
