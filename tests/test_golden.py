"""Golden pages: a source folder in, the exact Markdown pages out.

Run `pytest tests/test_golden.py --update-golden` after an intended change to the
output, and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.loader import load_source
from edition.pipeline import build_pages
from helpers import HOSTILE, SOURCE

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {"hostile": HOSTILE, "edition": SOURCE}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_pages_match_the_golden_files(case: str, update_golden: bool) -> None:
    pages, _ = build_pages(load_source(CASES[case]))
    expected_folder = GOLDEN / case
    if update_golden:
        expected_folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (expected_folder / page.path).write_text(page.text, encoding="utf-8", newline="\n")
    assert sorted(path.name for path in expected_folder.glob("*.md")) == sorted(page.path for page in pages)
    for page in pages:
        assert page.text == (expected_folder / page.path).read_text(encoding="utf-8"), f"{case}/{page.path} differs"


def test_generated_pages_are_deterministic_with_lf_and_a_final_newline() -> None:
    first, _ = build_pages(load_source(SOURCE))
    second, _ = build_pages(load_source(SOURCE))
    assert first == second
    assert all(page.text.endswith("\n") and "\r" not in page.text for page in first)
