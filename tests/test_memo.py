"""What the preview keeps from one build for the next gives the same edition and pages as a build from nothing.

The preview parses and renders the source again at every save, keeping each document's
parse (`source.Memo`) and each document's page (`pages.render.RenderMemo`) while their
inputs are the same. A kept result is only right if it equals what a fresh build makes,
after any edit: these tests edit a copy of the seed (an article and the transcript it
quotes) and compare.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.pages.pipeline import match, render_again
from edition.pages.render import RenderMemo, render_pages
from edition.source import Memo, examine_source, parse_source, read_source
from helpers import SOURCE

pytestmark = pytest.mark.unit


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    return shutil.copytree(SOURCE, tmp_path / "source")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "a transcript's metadata": ("documents/ramstein-transcript/edition.yml", "excerpt: >-\n", "excerpt: >-\n  Edited.\n"),
    "the article's notes": ("notes.yml", "  text: >-\n", "  text: >-\n    Edited.\n"),
    "a glossary definition": ("glossary.yml", "short: ", "short: Edited "),
    "the transcript's text": ("documents/ramstein-transcript/article.txt", "negotiating table", "negotiating  table"),
    "the article's metadata": ("edition.yml", "title: ", "title: Edited "),
}


@pytest.mark.parametrize("change", sorted(EDITS))
def test_a_kept_parse_and_render_equal_a_fresh_one_after_an_edit(seed: Path, change: str) -> None:
    memo, renders = Memo(), RenderMemo()
    render_again(parse_source(read_source(seed), memo), renders)
    name, old, new = EDITS[change]
    edit(seed / name, old, new)
    files = read_source(seed)
    kept = parse_source(files, memo)
    fresh = parse_source(files)
    assert kept == fresh
    assert render_again(kept, renders) == render_pages(fresh, match(fresh))


def test_a_kept_parse_reports_the_problems_of_the_documents_it_keeps(seed: Path) -> None:
    edit(seed / "documents" / "ramstein-transcript" / "edition.yml", 'label: "General Milley:"', 'label: "GEN. MILLEY:"')
    memo = Memo()
    first = examine_source(read_source(seed), memo).problems
    edit(seed / "notes.yml", "  text: >-\n", "  text: >-\n    Edited.\n")
    again = examine_source(read_source(seed), memo).problems
    assert first and [str(problem) for problem in again] == [str(problem) for problem in first]
    assert "opens no paragraph" in str(again[0])


def test_only_what_the_last_parse_used_is_kept(seed: Path) -> None:
    memo = Memo()
    parse_source(read_source(seed), memo)
    kept = len(memo.kept)
    for number in range(3):
        edit(seed / "notes.yml", "  text: >-\n", f"  text: >-\n    Edit {number}.\n")
        parse_source(read_source(seed), memo)
    assert len(memo.kept) == kept, "the memo does not grow with every save"
