"""Textual fidelity: every paragraph's words reach the page exactly as typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.pages.pipeline import build_pages
from edition.safety import escape_text
from edition.source import load_source
from helpers import HOSTILE, SOURCE, article_paragraphs, source_text

HOSTILE_LINES = [
    "# Not a heading",
    "1. Not a list item",
    "> Not a quote",
    "- Not a bullet",
    "+ plus",
    "=====",
    "    indented",
    "*stars* and _underscores_ and **bold**",
    "a | pipe | table |",
    "[a link](http://example.com)",
    "`code`",
    "a \\backslash\\",
    '<script>alert("x")</script>',
    "&amp; &copy; &#169;",
    "{: #id } [^note] [TOC]",
    "~~strike~~ ^^ins^^ ==mark==",
    "<!-- comment -->",
    "trailing spaces  ",
    "tab\there",
    "Київ, עברית, e\u0301, 🙂",
]


@pytest.mark.parametrize("text", HOSTILE_LINES)
def test_escaped_text_renders_as_typed(text: str, to_html: Callable[[str], str]) -> None:
    paragraph = f"{escape_text(text)}\n{{: #p1 .ed-paragraph }}"
    [rendered] = article_paragraphs(to_html(paragraph))
    assert source_text(rendered) == text


def test_escaped_multiline_text_keeps_every_line(to_html: Callable[[str], str]) -> None:
    text = "first line  \n# second\n    third\n=====\n- fourth"
    [rendered] = article_paragraphs(to_html(f"{escape_text(text)}\n{{: #p1 .ed-paragraph }}"))
    assert source_text(rendered) == text


@pytest.mark.parametrize("folder", [SOURCE, HOSTILE], ids=["article", "hostile"])
def test_generated_article_renders_every_paragraph_exactly(folder: Path, to_html: Callable[[str], str]) -> None:
    edition = load_source(folder)
    pages, _ = build_pages(edition)
    article = next(page for page in pages if page.path == "article.md")
    body = article.text.split("---", 2)[2]
    rendered = [source_text(paragraph) for paragraph in article_paragraphs(to_html(body))]
    assert rendered == list(edition.document.paragraphs)


def test_built_hostile_site_shows_every_paragraph_exactly(hostile_site: Path) -> None:
    html = (hostile_site / "article" / "index.html").read_text(encoding="utf-8")
    rendered = [source_text(paragraph) for paragraph in article_paragraphs(html)]
    assert rendered == list(load_source(HOSTILE).document.paragraphs)


def test_built_hostile_site_runs_no_script_from_the_text(hostile_site: Path) -> None:
    html = (hostile_site / "article" / "index.html").read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "<b>bold</b>" not in html


def test_built_site_shows_the_real_article_exactly(site: Path) -> None:
    html = (site / "article" / "index.html").read_text(encoding="utf-8")
    rendered = [source_text(paragraph) for paragraph in article_paragraphs(html)]
    seed = (SOURCE / "article.txt").read_text(encoding="utf-8")
    assert "\n\n".join(rendered) == seed.strip("\n")
