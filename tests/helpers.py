"""Test helpers: the project's paths, building a site, and reading its HTML as the contract describes."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from edition.errors import SourceError
from edition.loader import load_source

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
HOSTILE = Path(__file__).resolve().parent / "samples" / "hostile"


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


def mkdocs_env(source: Path) -> dict[str, str]:
    """The environment the Makefile gives MkDocs: the package path and the source folder."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "EDITION_SOURCE": str(source), "NO_MKDOCS_2_WARNING": "1"}


def build_site(source: Path, site: Path, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for a source folder into `site`, with `environment` over the usual variables."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**mkdocs_env(source), **(environment or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def problems(folder: Path) -> list[str]:
    """The errors `load_source` reports for a source folder that must be refused (its warnings left out)."""
    with pytest.raises(SourceError) as caught:
        load_source(folder)
    return [str(problem) for problem in caught.value.problems if problem.is_error]
