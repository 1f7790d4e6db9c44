"""Citing the edition: the cite block, paragraph citations, and the article's metadata."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from edition.pages.citation import cite, json_ld, meta_tags, page_url, reviews_json_ld
from edition.source import load_source
from helpers import HOSTILE, SOURCE, soup


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def graph(html: str) -> list[dict[str, Any]]:
    script = soup(html).find("script", type="application/ld+json")
    assert script is not None
    data = json.loads(script.get_text())
    assert data["@context"] == "https://schema.org"
    return list(data["@graph"])


def test_article_json_ld_is_a_news_article_based_on_the_original(site: Path) -> None:
    [article] = graph(page(site, "article"))
    edition = load_source(SOURCE)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == edition.metadata.display_title
    assert article["isBasedOn"]["@type"] == "NewsArticle"
    assert set(article["isBasedOn"]) == {"@type", "description"}, "unknown fields of the original are omitted"


def test_notes_page_publishes_each_correction_as_a_claim_review(site: Path) -> None:
    reviews = graph(page(site, "notes"))
    corrections = [note for note in load_source(SOURCE).document.notes if note.type == "correction"]
    assert corrections, "the edition's source has corrections"
    assert [review["@type"] for review in reviews] == ["ClaimReview"] * len(corrections)
    assert [review["claimReviewed"] for review in reviews] == [note.quote for note in corrections]
    assert all(review["itemReviewed"]["appearance"]["@type"] == "NewsArticle" for review in reviews)


def test_no_claim_reviews_without_corrections() -> None:
    edition = load_source(SOURCE)
    document = edition.document
    without = dataclasses.replace(document, notes=tuple(note for note in document.notes if note.type != "correction"))
    assert reviews_json_ld(document, None) is not None
    assert reviews_json_ld(without, None) is None


def test_json_ld_carries_what_the_source_knows(hostile_site: Path) -> None:
    article, *_ = graph(page(hostile_site, "article"))
    original = article["isBasedOn"]
    assert original["publisher"] == {"@type": "Organization", "name": "The Test Gazette"}
    assert original["author"] == {"@type": "Person", "name": "A. Tester"}
    assert original["datePublished"] == "2024-01-02"


def test_json_ld_cannot_close_its_script_element() -> None:
    edition = load_source(HOSTILE)
    text = json_ld(edition.document, None)
    assert "</" not in text
    assert json.loads(text)["@graph"][0]["headline"] == edition.metadata.title


def test_article_head_has_highwire_dublin_core_and_open_graph(site: Path) -> None:
    head = soup(page(site, "article")).head
    assert head is not None
    content = {str(tag.get("name") or tag.get("property")): tag["content"] for tag in head.find_all("meta") if tag.get("content")}
    title = load_source(SOURCE).metadata.display_title
    assert content["citation_title"] == title and content["DC.title"] == title
    assert content["DC.type"] == "newspaperArticle"
    assert content["og:type"] == "article" and content["og:title"] == title
    assert content["citation_language"] == "en"


def test_site_url_makes_the_addresses_absolute() -> None:
    base = "https://example.org/editions/crimea/"
    tags = dict((name, content) for _, name, content in meta_tags(load_source(SOURCE).document, page_url(base, "article/")))
    assert tags["og:url"] == "https://example.org/editions/crimea/article/"
    assert "https://example.org/editions/crimea/" in cite(load_source(SOURCE).metadata, "https://example.org/editions/crimea/").chicago


def test_cite_block_on_article_and_about_pages(site: Path) -> None:
    for name in ("article", "about"):
        block = soup(page(site, name)).select_one("section.ed-cite")
        assert block is not None, name
        headings = [heading.get_text() for heading in block.select("h3")]
        assert headings == ["Chicago", "APA", "BibTeX"]
        bibtex = block.select_one("pre code")
        assert bibtex is not None and bibtex.get_text().startswith("@misc{blinken-reportedly-warns-ukraine-against-retaking-crimea,")
        assert block["data-short"]


def test_citations_follow_their_styles() -> None:
    citations = cite(load_source(SOURCE).metadata, None)
    assert citations.chicago == (
        "The edition's editorial team, ed. “[Blinken reportedly warns Ukraine against retaking Crimea].”"
        " Digital edition, version 1.1, 2026-11-24."
    )
    assert citations.apa == (
        "The edition's editorial team (Ed.). (2026). [Blinken reportedly warns Ukraine against retaking Crimea]"
        " (Version 1.1) [Digital edition]."
    )
    assert "  editor = {{The edition's editorial team}}" in citations.bibtex
    assert "  year = {2026}" in citations.bibtex


def test_bibtex_escapes_its_special_characters() -> None:
    bibtex = cite(load_source(HOSTILE).metadata, None).bibtex
    assert "title = {{A hostile sample: <b>markup</b> \\& *asterisks* stay text <img src=x onerror=alert('title')>}}" in bibtex


def test_paragraph_numbers_carry_the_citation_script(site: Path) -> None:
    html = soup(page(site, "article"))
    assert html.select_one("script[src$='assets/edition.js']") is not None
    assert (site / "assets" / "edition.js").is_file()
    assert all("copy its citation" in str(link["title"]) for link in html.select("a.ed-pnum"))


def test_about_page_states_version_missing_fields_and_changelog(site: Path) -> None:
    facts = soup(page(site, "about")).select_one("section.ed-facts")
    assert facts is not None
    text = facts.get_text(" ", strip=True)
    metadata = load_source(SOURCE).metadata
    assert f"Version {metadata.version}, {metadata.date}" in text
    assert "headline, outlet, byline, date, address (URL)" in text
    listed = [item.get_text(" ", strip=True) for item in facts.select("ul.ed-changelog li")]
    assert [line.split(":")[0] for line in listed] == [f"{change.version} ({change.date})" for change in metadata.changelog]
