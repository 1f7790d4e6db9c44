"""`make check`: validate a source folder without building, every problem at once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import HOSTILE, ROOT, SOURCE

pytestmark = pytest.mark.site


def make_check(source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "check", f"SOURCE={source}"], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_a_good_source_passes() -> None:
    result = make_check(SOURCE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "source is valid: no problems found"


def test_a_bad_source_reports_every_problem_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(HOSTILE, source)
    glossary = source / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace("  short: Capital", "  shrot: Capital").replace("- id: atacms", "- id: crimea")
    glossary.write_text(
        text + "- id: kyiv\n  term: Kyiv\n  kind: place\n  forms: [NATO]\n  short: s\n  definition: d\n  sources: [{title: t}]\n"
    )
    (source / "notes.yml").write_text(
        "- id: n1\n  type: context\n  quote: not in the text\n  text: t\n  sources: [{title: s}]\n"
        "- id: n2\n  type: context\n  quote: NATO summit in Vilnius\n  text: t\n  sources: [{title: s}]\n",
        encoding="utf-8",
    )
    result = make_check(source)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(source))]
    assert lines == [
        f"{source}/glossary.yml:25: entry id 'crimea' is already used on line 17; ids must be unique",
        f"{source}/glossary.yml:52: entry 'vilnius' has no 'short'; add 'short: …'",
        f"{source}/glossary.yml:55: unknown key 'shrot' in entry 'vilnius': did you mean 'short'?",
        f"{source}/glossary.yml:63: form 'NATO' of entry 'kyiv' is also a form of entry 'nato' (line 1); keep it in one",
        f"{source}/notes.yml:3: quote of note 'n1' is not in the article; "
        "copy the words exactly, quotes, apostrophes, dashes and spaces included",
        f"{source}/notes.yml:8: quote of note 'n2' occurs 2 times; quote more words or add 'occurrence: N'",
    ]
    assert "Traceback" not in result.stderr


def test_a_form_never_matched_is_a_warning_that_says_why(tmp_path: Path) -> None:
    result = make_check(HOSTILE)
    assert result.returncode != 0
    assert (
        f"{HOSTILE}/glossary.yml:53: warning: form 'Vilnius' of entry 'vilnius' occurs only inside the longer form "
        "'NATO summit in Vilnius' of entry 'nato-vilnius', which is matched instead; remove it or the longer one"
    ) in result.stderr
