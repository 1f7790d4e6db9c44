"""Test helpers: the project's paths, running the edition's commands, and reading its HTML as the contract describes."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from edition.errors import SourceError
from edition.source import load_source

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


COPY_SKIPS = {".git", ".venv", "site", "node_modules", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "__pycache__"}
INSTALL_INPUTS = ("requirements.txt", "pyproject.toml", "package.json", "package-lock.json")


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project that `make` can run in without touching this one.

    The virtual environment is shared (a link: nothing in the copy writes to it, since
    the files it is installed from are marked older than its install), and node_modules
    is a copy of hard links, which `npm ci` would replace rather than change.
    """
    shutil.copytree(ROOT, target, ignore=lambda _, names: [name for name in names if name in COPY_SKIPS])
    (target / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(ROOT / "node_modules", target / "node_modules", copy_function=os.link, symlinks=True)
    for name in INSTALL_INPUTS:
        os.utime(target / name, (0, 0))
    return target


def problems(folder: Path) -> list[str]:
    """The errors `load_source` reports for a source folder that must be refused (its warnings left out)."""
    with pytest.raises(SourceError) as caught:
        load_source(folder)
    return [str(problem) for problem in caught.value.problems if problem.is_error]
