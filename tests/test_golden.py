"""Golden pages: a source folder in, the exact Markdown pages out.

Run `pytest tests/test_golden.py --update-golden` after an intended change to the
output, and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.pages.pipeline import build_pages
from edition.source import load_source
from helpers import HOSTILE, SOURCE, edition

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {"hostile": HOSTILE, "edition": SOURCE}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_pages_match_the_golden_files(case: str, update_golden: bool) -> None:
    pages, _ = build_pages(load_source(CASES[case]))
    expected_folder = GOLDEN / case
    if update_golden:
        expected_folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (expected_folder / page.path).parent.mkdir(parents=True, exist_ok=True)
            (expected_folder / page.path).write_text(page.text, encoding="utf-8", newline="\n")
    expected = sorted(path.relative_to(expected_folder).as_posix() for path in expected_folder.rglob("*.md"))
    assert expected == sorted(page.path for page in pages)
    for page in pages:
        assert page.text == (expected_folder / page.path).read_text(encoding="utf-8"), f"{case}/{page.path} differs"


@pytest.mark.site
def test_generated_pages_are_the_same_in_separate_processes_with_lf_and_a_final_newline(tmp_path: Path) -> None:
    # Two processes with different string hashing: any order taken from a set or dict of strings would differ.
    for seed in ("1", "2"):
        result = edition("docs", "--source", SOURCE, "--out", tmp_path / seed, environment={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
    first, second = (sorted(path for path in (tmp_path / seed).rglob("*") if path.is_file()) for seed in ("1", "2"))
    assert [path.relative_to(tmp_path / "1") for path in first] == [path.relative_to(tmp_path / "2") for path in second]
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert all(path.read_bytes().endswith(b"\n") and b"\r" not in path.read_bytes() for path in first)
