"""Shared fixtures: project paths, a Markdown renderer like the site's, and built sites."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from playwright.sync_api import Browser, sync_playwright

from browsing import CHROMIUM, CHROMIUM_ARGS, serve
from helpers import HOSTILE, ROOT, SOURCE, build_site


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the expected pages instead of comparing with them."""
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking MkDocs' `!ENV [NAME, default]` tags as their default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def site_markdown_extensions() -> list[str]:
    """The Markdown extensions mkdocs.yml enables, so unit tests render as the site does."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]


@pytest.fixture
def to_html() -> Callable[[str], str]:
    """Render Markdown with the site's extensions."""
    return lambda text: markdown.markdown(text, extensions=site_markdown_extensions())


def _built(source: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    site = tmp_path_factory.mktemp(name)
    result = build_site(source, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition's own site, built once per test run."""
    return _built(SOURCE, tmp_path_factory, "site")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the hostile sample article, built once per test run."""
    return _built(HOSTILE, tmp_path_factory, "hostile-site")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the hostile sample source folder, for tests that break it."""
    target = tmp_path / "source"
    shutil.copytree(HOSTILE, target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, started once for the session: Playwright allows one sync driver per thread."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The edition's site, served from the root of a loopback server for the session."""
    with serve(site) as url:
        yield url
