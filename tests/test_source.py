"""The edition's own source: the article is the seed verbatim, and the glossary covers what it must."""

from __future__ import annotations

import hashlib

from edition.pages.pipeline import build_pages
from edition.source import load_source
from helpers import SOURCE

SEED_SHA256 = "209fe672b23e55348b627620436ec8b12518b78ddc498b71409fcc26d8371a14"
"""The fixity of the seed article as received (../shared/seed/article.txt, outside the repository): the copy must never drift."""


def test_article_is_the_seed_byte_for_byte() -> None:
    article = (SOURCE / "article.txt").read_bytes()
    assert hashlib.sha256(article).hexdigest() == SEED_SHA256


def test_glossary_has_the_entries_the_design_names() -> None:
    ids = {entry.id for entry in load_source(SOURCE).entries}
    required = {"atacms", "chairman-joint-chiefs", "annexation", "crimea", "sevastopol", "kerch-bridge", "donbas", "red-line"}
    required |= {"pentagon", "house-armed-services-committee", "politico", "telegraph", "biden-administration"}
    required |= {"blinken", "putin", "zelensky", "milley"}
    assert required <= ids


def test_every_entry_is_sourced_and_found_in_the_text() -> None:
    edition = load_source(SOURCE)
    _, summary = build_pages(edition)
    assert summary.unmatched == ()
    for entry in edition.entries:
        assert entry.sources and any(source.url for source in entry.sources), entry.id
        assert all(source.url is None or source.url.startswith("https://") for source in entry.sources), entry.id


def test_the_zelensky_entry_gives_the_official_spelling() -> None:
    [zelensky] = [entry for entry in load_source(SOURCE).entries if entry.id == "zelensky"]
    assert "Zelenskyy" in zelensky.definition and "Zelenskyy" in zelensky.short
