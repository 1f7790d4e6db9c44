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
    make_the_slips(project / "statement")
    checked = subprocess.run(
        ["make", "--no-print-directory", "check", "SOURCE=statement"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode != 0
    printed = checked.stderr.splitlines()
    assert printed[: len(slip_messages())] == slip_messages(), checked.stderr


SLIPS_MARK = "<!-- worked example's slips: tests/test_readme.py expects these lines -->"


def make_the_slips(folder: Path) -> None:
    """The two slips the README names after its worked example: a form the text lacks, a quote in straight quotation marks."""
    glossary, claims = folder / "glossary.yml", folder / "claims.yml"
    for path, typed, slip in (
        (glossary, "  term: Geneva\n", "  term: Geneva\n  forms: [Geneva's]\n"),
        (claims, "  quote: “That decision rests with the President.”\n", """  quote: '"That decision rests with the President."'\n"""),
    ):
        text = path.read_text(encoding="utf-8")
        assert typed in text, f"the worked example's {path.name} changed: {typed!r} is not in it"
        path.write_text(text.replace(typed, slip), encoding="utf-8")


def slip_messages() -> list[str]:
    """The lines the README says `make check` prints for the slips."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(SLIPS_MARK) + r"\n```text\n(?P<lines>.*?)\n```", readme, re.DOTALL)
    assert found, f"README.md has no block of messages after {SLIPS_MARK}"
    return found["lines"].splitlines()


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


FILE_OF_SCHEMA = {
    "EDITION": "edition.yml",
    "ORIGINAL": "edition.yml",
    "CHANGE": "edition.yml",
    "COLLECTION": "collection.yml",
    "DOCUMENT": "documents/<slug>/edition.yml",
    "SPEAKER": "documents/<slug>/edition.yml",
    "ENTRY": "glossary.yml",
    "SOURCE": "glossary.yml",
    "NOTE": "notes.yml",
    "CLAIM": "claims.yml",
    "SAID": "claims.yml",
    "EVENT": "timeline.yml",
}
"""Each schema of `edition.source.schema`, and the file whose entry in "The source format" documents its keys."""


def source_format_entries(readme: str) -> dict[str, str]:
    """The entries of README's "The source format", each a top-level item of its list, by the file it opens with."""
    section = readme.split("## The source format", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^- (.*?)(?=^- |^\S|\Z)", section, re.MULTILINE | re.DOTALL)
    return {opening[1]: item for item in items if (opening := re.match(r"`([^`]+)`", item))}


def undocumented_keys(readme: str) -> list[str]:
    """Each key a schema accepts that the README's entry for the schema's own file does not name."""
    entries = source_format_entries(readme)
    schemas = {
        name: value
        for name, value in vars(schema).items()
        if name.isupper() and isinstance(value, tuple) and value and isinstance(value[0], schema.Key)
    }
    assert schemas.keys() == FILE_OF_SCHEMA.keys(), "a schema was added or renamed: say which file's entry documents it"
    return sorted(
        f"{name}.{key.name} in {FILE_OF_SCHEMA[name]}"
        for name, keys in schemas.items()
        for key in keys
        if not named(key.name, entries.get(FILE_OF_SCHEMA[name], ""))
    )


def named(key: str, entry: str) -> bool:
    """Whether an entry names a key in code: alone (`coords`) or with an example of its value (`coords: [latitude, longitude]`)."""
    return f"`{key}`" in entry or f"`{key}: " in entry


@pytest.mark.unit
def test_the_readme_documents_every_key_the_loader_accepts_in_the_entry_for_its_file() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(FILE_OF_SCHEMA.values()) <= source_format_entries(readme).keys()
    missing = undocumented_keys(readme)
    assert not missing, f"README's 'The source format' does not name: {missing}"


@pytest.mark.unit
def test_a_key_named_only_in_another_file_s_entry_counts_as_undocumented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entries = source_format_entries(readme)
    # `excerpt` is a key of edition.yml and of a document's edition.yml: taken out of the first, it is still in the second.
    without = readme.replace(entries["edition.yml"], entries["edition.yml"].replace("`excerpt`", "excerpt"))
    assert without != readme
    assert undocumented_keys(without) == ["EDITION.excerpt in edition.yml"]


@pytest.mark.unit
def test_the_readme_documents_the_preview_of_another_source_and_the_changelog() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`make preview SOURCE=dir`" in readme
    assert "`changelog` (optional): a list, newest first, of `version`, `date` and `text`" in source_format_entries(readme)["edition.yml"]
