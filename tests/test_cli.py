"""`python -m edition docs`: summary, exit codes, and what it may and may not write."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import HOSTILE, ROOT, SOURCE, edition

pytestmark = pytest.mark.site


def run(*arguments: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m edition docs …`, the command `make docs` runs."""
    return edition("docs", *arguments, cwd=cwd)


def test_prints_a_summary_and_writes_the_pages(tmp_path: Path) -> None:
    result = run("--source", HOSTILE, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{HOSTILE}/glossary.yml:53: warning: form 'Vilnius' of entry 'vilnius' occurs only inside the longer form "
        "'NATO summit in Vilnius' of entry 'nato-vilnius', which is matched instead; remove it or the longer one"
    ]
    assert result.stdout.splitlines() == [
        "2 documents: 9 paragraphs, 175 words",
        "7 of 8 glossary entries matched, 14 occurrences",
        "never found in the text: vilnius",
        "wrote index.md, article.md, hostile-transcript/index.md, glossary.md, names.md, notes.md, claims.md, map.md, timeline.md, "
        "search.md, about.md",
    ]
    written = ["about.md", "article.md", "claims.md", "glossary.md", "hostile-transcript", "index.md", "map.md", "names.md", "notes.md"]
    written += ["search.md", "timeline.md"]
    assert sorted(path.name for path in tmp_path.iterdir()) == written


def test_defaults_to_source_and_docs(tmp_path: Path) -> None:
    shutil.copytree(SOURCE, tmp_path / "source")
    result = run(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "article.md").is_file()


def test_an_unchanged_page_is_not_rewritten(tmp_path: Path) -> None:
    run("--source", HOSTILE, "--out", tmp_path)
    article = tmp_path / "article.md"
    os.utime(article, (1_000_000, 1_000_000))
    result = run("--source", HOSTILE, "--out", tmp_path)
    assert result.stdout.splitlines()[-1] == "pages unchanged"
    assert article.stat().st_mtime == 1_000_000


def test_a_hand_written_page_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "glossary.md").write_text("# My own glossary\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    result = run("--source", HOSTILE, "--out", tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}/glossary.md: is a hand-written page with the name of a generated one" in result.stderr
    assert (tmp_path / "glossary.md").read_text(encoding="utf-8") == "# My own glossary\n"
    assert not (tmp_path / "article.md").exists()
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# Home\n"


def test_a_bad_source_exits_1_with_messages_and_no_traceback(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path / "source")
    (tmp_path / "source" / "glossary.yml").write_text("- id: x\n  term: X\n", encoding="utf-8")
    result = run("--source", tmp_path / "source", "--out", tmp_path / "docs")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{tmp_path}/source/glossary.yml:1: entry 'x' has no 'kind'; add 'kind: …'" in result.stderr
    assert result.stderr.rstrip().endswith("Nothing was written. Fix the problems above and run it again.")
    assert not (tmp_path / "docs").exists()


def test_the_summary_says_one_paragraph_not_one_paragraphs(tmp_path: Path) -> None:
    folder = tmp_path / "source"
    assert edition("new", "--source", folder).returncode == 0
    result = run("--source", folder, "--out", tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "1 paragraph, 43 words"


def test_synthetic_collection_writes_a_collection_that_checks_clean_and_its_plain_twin(tmp_path: Path) -> None:
    result = edition(
        "synthetic-collection", "--documents", "3", "--entries", "40", "--out", tmp_path / "source", "--plain", tmp_path / "plain"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "source" / "documents").iterdir()) == [f"document-000{n}" for n in (1, 2, 3)]
    assert (tmp_path / "plain" / "mkdocs.yml").is_file()
    checked = edition("check", "--source", tmp_path / "source")
    assert checked.returncode == 0 or "\n0 errors and " in "\n" + checked.stderr, checked.stdout + checked.stderr
    again = edition("synthetic-collection", "--documents", "3", "--out", tmp_path / "source")
    assert again.returncode == 2
    assert "already exists and is not an empty folder" in again.stderr
