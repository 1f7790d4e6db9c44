"""Robust and safe: text stays text, bad Markdown is refused, builds are all-or-nothing and repeatable."""

from __future__ import annotations

import filecmp
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.errors import SourceError
from edition.model import Document, Edition, Entry, Metadata, Original
from edition.pages.pipeline import build_pages
from edition.source import SourceFiles, load_source, parse_source
from edition.web.site import replace_folder
from helpers import HOSTILE, ROOT, SOURCE, article_paragraphs, copy_project, problems, source_text

METACHARACTERS = "*_#>-+=|[](){}<>&;`\\!~^:.1 \t'\"’“”"
LINE = st.text(
    alphabet=st.one_of(st.sampled_from(METACHARACTERS), st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))),
    min_size=1,
    max_size=60,
)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=4).map("\n".join).filter(lambda text: all(line.strip(" \t") for line in text.split("\n")))
WORDS = ["Crimea", "NATO", "Київ", "ATACMS", "annexed"]
ENTRIES = tuple(Entry(f"e{index}", word, "term", (word,), "s", "d", ()) for index, word in enumerate(WORDS))


def single(paragraphs: tuple[str, ...], entries: tuple[Entry, ...]) -> Edition:
    """An edition of one article of these paragraphs, annotated with these entries."""
    metadata = Metadata("T", "en", Original(), ("E",), "L")
    return Edition(metadata, (Document("article", metadata, paragraphs),), entries)


def rendered_paragraphs(edition: Edition, to_html: Callable[[str], str]) -> list[str]:
    pages, _ = build_pages(edition)
    article = next(page for page in pages if page.path == "article.md")
    return [source_text(paragraph) for paragraph in article_paragraphs(to_html(article.text.split("---", 2)[2]))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(PARAGRAPH.map(lambda text: text + " Crimea NATO"), min_size=1, max_size=4))
def test_any_text_reaches_the_page_exactly(paragraphs: list[str], to_html: Callable[[str], str]) -> None:
    edition = single(tuple(paragraphs), ENTRIES)
    assert rendered_paragraphs(edition, to_html) == paragraphs


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_the_loader_never_crashes_on_any_article(text: str) -> None:
    files = SourceFiles("src", {name: (HOSTILE / name).read_bytes() for name in ("edition.yml", "glossary.yml")})
    files.contents["article.txt"] = text.encode("utf-8", "surrogatepass")
    try:
        edition = parse_source(files)
    except SourceError as error:
        assert error.problems and all(problem.file.startswith("src/") for problem in error.problems)
    else:
        build_pages(edition)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=300))
def test_the_loader_never_crashes_on_any_glossary_bytes(data: bytes) -> None:
    files = SourceFiles("src", {name: (HOSTILE / name).read_bytes() for name in ("edition.yml", "article.txt")})
    files.contents["glossary.yml"] = data
    try:
        parse_source(files)
    except SourceError as error:
        assert error.problems


def test_long_lines_cyrillic_rtl_combining_marks_and_emoji_stay_exact(to_html: Callable[[str], str]) -> None:
    paragraphs = ("Київ " * 5000 + "Crimea", "עברית ‏RTL‏ e\u0301\u0301 🇺🇦🙂 {{ config.site_name }} {% if x %}")
    edition = single(tuple(paragraphs), ENTRIES)
    assert rendered_paragraphs(edition, to_html) == list(paragraphs)


@pytest.mark.site
@pytest.mark.slow
def test_a_ten_megabyte_article_with_five_thousand_entries_builds() -> None:
    words = [f"Term{index}" for index in range(5000)]
    entries = tuple(Entry(f"e{index}", word, "term", (word,), "s", "d", ()) for index, word in enumerate(words))
    count = 10_000_000 // 1100 + 1
    paragraphs = tuple(
        " ".join(f"plain words and {words[(number * 40 + index) % 5000]} again" for index in range(40)) for number in range(count)
    )
    edition = single(tuple(paragraphs), entries)
    pages, summary = build_pages(edition)
    assert sum(len(paragraph) for paragraph in edition.document.paragraphs) >= 10_000_000
    assert summary.paragraphs == count and len(summary.matched) == 5000
    article = next(page.text for page in pages if page.path == "article.md")
    assert article.count('<p class="ed-paragraph" id="p') == count


# Markdown an editor may and may not use -------------------------------------------------------


def set_definition(folder: Path, definition: str) -> None:
    glossary = folder / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("  definition: A peninsula.", f"  definition: {definition!r}"))


def test_a_javascript_link_in_a_definition_is_refused(folder: Path) -> None:
    set_definition(folder, "See [this](javascript:alert(1)).")
    assert problems(folder) == [
        f"{folder}/glossary.yml:21: 'definition' of entry 'crimea' links to 'javascript:alert(1)'; links must be http(s) addresses"
    ]


@pytest.mark.parametrize(
    ("markdown", "tag"), [("# Heading", "h1"), ("![x](https://example.org/x.png)", "img"), ("> quote", "blockquote"), ("    code", "pre")]
)
def test_markdown_beyond_emphasis_links_lists_and_code_is_refused(folder: Path, markdown: str, tag: str) -> None:
    set_definition(folder, markdown)
    assert (
        f"{folder}/glossary.yml:21: 'definition' of entry 'crimea' uses <{tag}>, but only emphasis, links, lists and code are allowed"
        in problems(folder)
    )


def test_raw_html_in_a_definition_is_shown_as_text(folder: Path) -> None:
    set_definition(folder, "<script>alert(1)</script> *fine*")
    assert load_source(folder).entries[2].definition.startswith("<script>")
    pages, _ = build_pages(load_source(folder))
    glossary = next(page for page in pages if page.path == "glossary.md").text
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; <em>fine</em></p>" in glossary


def test_a_source_url_that_is_not_http_is_refused(folder: Path) -> None:
    glossary = folder / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("url: https://www.nato.int/", "url: javascript:alert(1)"))
    assert problems(folder) == [
        f"{folder}/glossary.yml:9: 'url' of a source of entry 'nato' is 'javascript:alert(1)', which should start with https:// "
        "or http:// (or mailto: for an e-mail address)"
    ]


def test_a_control_character_in_the_article_is_refused_with_its_line(folder: Path) -> None:
    (folder / "article.txt").write_text("fine\n\nalso fine\nbad \x07 bell\n", encoding="utf-8")
    assert f"{folder}/article.txt:4: control character U+0007 cannot be shown on a web page; delete it" in problems(folder)


# Builds: all or nothing, and the same bytes every time ----------------------------------------


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_site_command(source: Path, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`python -m edition site` in a process of its own, as `make site` runs it, with the edition's own date."""
    environment = {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}
    command = [sys.executable, "-m", "edition", "site", "--source", str(source), "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]
    return subprocess.run([*command, *options], cwd=ROOT, env=environment, capture_output=True, text=True, check=False)


@pytest.mark.site
@pytest.mark.slow
def test_two_builds_of_the_same_source_are_byte_identical(tmp_path: Path) -> None:
    # Each build in its own process, with nothing kept by an earlier build: books, stylesheets, templates made afresh.
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "site"
    for site in (first, second):
        result = build_site_command(SOURCE, site, "--no-cache")
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(first, second)
    assert tree_digest(first) == tree_digest(second), (comparison.diff_files, comparison.left_only, comparison.right_only)
    # The typeset book is among the files compared: the PDF is reproducible too (its dates are the edition's own).
    assert (first / "sitemap.xml.gz").is_file() and list(first.glob("*.pdf"))


@pytest.mark.site
def test_a_failed_build_leaves_the_site_as_it_was(tmp_path: Path, folder: Path) -> None:
    site = tmp_path / "site"
    assert build_site_command(folder, site).returncode == 0
    before = tree_digest(site)
    (folder / "glossary.yml").write_text("- id: broken\n", encoding="utf-8")
    result = build_site_command(folder, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "source"], "no staging folder is left behind"


def test_replacing_a_folder_swaps_it_whole(tmp_path: Path) -> None:
    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    (old / "stale.html").write_text("old")
    new.mkdir()
    (new / "index.html").write_text("new")
    replace_folder(new, old)
    assert [path.name for path in old.iterdir()] == ["index.html"]
    assert not new.exists() and not (tmp_path / ".site.old").exists()


@pytest.mark.site
def test_a_build_leaves_git_status_clean(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]):
        subprocess.run([*git, *command], cwd=project, check=True)
    for target in ("docs", "site"):
        result = subprocess.run(["make", "--no-print-directory", target], cwd=project, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    status = subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True)
    assert status.stdout == ""


@pytest.mark.site
def test_preview_binds_to_loopback_unless_told_otherwise() -> None:
    dry_run = subprocess.run(["make", "-n", "preview"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert '--host "127.0.0.1" --port "8000"' in dry_run
