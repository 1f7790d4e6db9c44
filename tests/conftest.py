"""Shared fixtures (a Markdown renderer like the site's, built sites, the browser) and the tests' markers.

Every test gets one of the markers `unit`, `site` or `browser` (pyproject.toml): a test
that asks for a browser fixture is a browser test, one that asks for a built site or a
project copy is a site test, and a module that runs the edition's commands itself says
so with `pytestmark`. The rest are unit tests, which `make test-fast` runs alone.
Playwright is imported only by the browser fixtures, when a browser test needs them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest

from edition.passthrough import PassThroughExtension
from edition.safety import MARKDOWN_EXTENSIONS
from helpers import HOSTILE, SOURCE, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

KINDS = ("unit", "site", "browser")
BROWSER_FIXTURES = {"browser", "tabs", "tab", "desktop_tab", "phone_tab", "hostile_url"}
SITE_FIXTURES = {"site", "hostile_site", "base_url", "project", "preview"}


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the expected pages instead of comparing with them."""
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the current output")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give each test its kind: browser, site or unit (see the module docstring)."""
    for item in items:
        if any(item.get_closest_marker(kind) for kind in KINDS):
            continue
        fixtures = set(getattr(item, "fixturenames", ()))
        kind = "browser" if fixtures & BROWSER_FIXTURES else "site" if fixtures & SITE_FIXTURES else "unit"
        item.add_marker(getattr(pytest.mark, kind))


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def to_html() -> Callable[[str], str]:
    """Render Markdown with the site's extensions."""
    return lambda text: markdown.markdown(text, extensions=[*MARKDOWN_EXTENSIONS, PassThroughExtension()])


def _built(source: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    site = tmp_path_factory.mktemp(name) / "site"
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
    from playwright.sync_api import sync_playwright

    from browsing import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The edition's site, served from the root of a loopback server for the session."""
    from edition.web.serve import serving

    with serving(site) as url:
        yield url
