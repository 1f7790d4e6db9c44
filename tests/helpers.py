"""Test helpers: the project's paths, running the edition's commands, and reading its HTML as the contract describes."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from edition.bench import preview as bench_preview
from edition.errors import SourceError
from edition.layout import url_of
from edition.pages.pipeline import build_pages
from edition.source import load_source

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
HOSTILE = Path(__file__).resolve().parent / "samples" / "hostile"


def site_paths() -> list[str]:
    """Every page a reader can reach on the edition's own site: its pages (it has every one, map and timeline included) and the 404 page."""
    return [*(url_of(page.path) for page in build_pages(load_source(SOURCE))[0]), "404.html"]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def source_text(paragraph: Tag) -> str:
    """A paragraph's text once everything the edition inserted (`<sup>`, `.ed-insert`) is removed."""
    bare = copy.copy(paragraph)
    for inserted in bare.select("sup, .ed-insert"):
        inserted.decompose()
    return bare.get_text()


def article_paragraphs(html: str) -> list[Tag]:
    """The article's paragraphs, `<p id="pN">`, in order."""
    return soup(html).select("p.ed-paragraph[id^=p]")


def edition(*arguments: str | Path, environment: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m edition ARGUMENTS…` as a user runs it, in a process of its own, with `environment` over this one's."""
    return subprocess.run(
        [sys.executable, "-m", "edition", *map(str, arguments)],
        cwd=cwd,
        env={**os.environ, **(environment or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(source: Path, site: Path, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m edition site --no-pdf` for a source folder into `site`, with `environment` over the usual variables."""
    return edition("site", "--no-pdf", "--source", source, "--site", site, "--config", ROOT / "mkdocs.yml", environment=environment)


def copy_project(target: Path) -> Path:
    """A throwaway copy of this project, node_modules included, that `make` can run in (`edition.bench.preview.copy_project`)."""
    return bench_preview.copy_project(ROOT, target, node_modules=True)


def problems(folder: Path) -> list[str]:
    """The errors `load_source` reports for a source folder that must be refused (its warnings left out)."""
    with pytest.raises(SourceError) as caught:
        load_source(folder)
    return [str(problem) for problem in caught.value.problems if problem.is_error]
