"""The README's worked example, run as it stands: a new edition from the scaffold builds on the first try."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from edition.source import schema
from helpers import ROOT, copy_project

MARK = "<!-- worked example: tests/test_readme.py runs this block -->"
COLLECTION_MARK = "<!-- collection example: tests/test_readme.py runs this block -->"


def worked_example(mark: str = MARK) -> str:
    """The shell block that follows a worked example's mark in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(mark) + r"\n```sh\n(?P<script>.*?)\n```", readme, re.DOTALL)
    assert found, f"README.md has no worked example block after {mark}"
    return found["script"]


@pytest.mark.site
def test_the_worked_example_builds_a_new_edition_on_the_first_try(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", worked_example()], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "source is valid: no problems found" in result.stdout
    site = project / "statement-site"
    article = (site / "article" / "index.html").read_text(encoding="utf-8")
    assert 'id="fnref:geneva"' in article and "That decision rests with the President." in article
    assert (site / "map" / "index.html").is_file() and (site / "claims" / "index.html").is_file()
    assert list(site.glob("the-secretary-of-state-on-the-geneva-talks.pdf"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Crimea" not in home and "Blinken" not in home, "nothing of the Crimea edition"


@pytest.mark.site
def test_the_collection_example_builds_both_documents_with_a_shared_glossary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    script = worked_example(COLLECTION_MARK)
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "source is valid: no problems found" in result.stdout
    site = project / "reports-site"
    for slug in ("blinken-crimea", "example-statement"):
        assert (site / slug / "index.html").is_file()
        assert list((site / slug).glob("*.pdf")), f"{slug} has its PDF"
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    entry = glossary.split('id="crimea"', 1)[1].split("</section>", 1)[0]
    assert "../blinken-crimea/#p" in entry and "../example-statement/#p1" in entry


@pytest.mark.site
def test_the_scaffold_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        ["make", "--no-print-directory", "new", "SOURCE=source"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "edition new: refused: source already exists and is not an empty folder; choose a new one" in result.stderr


@pytest.mark.unit
def test_the_readme_documents_every_key_the_loader_accepts() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = readme.split("## The source format", 1)[1].split("## Publishing", 1)[0]
    schemas = {
        name: value
        for name, value in vars(schema).items()
        if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], schema.Key)
    }
    assert {"EDITION", "ORIGINAL", "CHANGE", "ENTRY", "NOTE", "CLAIM", "EVENT", "SOURCE"} <= schemas.keys()
    missing = sorted({f"{name}.{key.name}" for name, keys in schemas.items() for key in keys if f"`{key.name}`" not in documented})
    assert not missing, f"README's 'The source format' does not name: {missing}"
