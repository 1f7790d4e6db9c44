"""The theme's lightened Jinja environments: the same files and templates as MkDocs' own, for less work."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from edition.web.themeenv import VisibleFilesLoader, lighten_environments
from helpers import ROOT


def edition_config(site: Path) -> MkDocsConfig:
    """The edition's mkdocs.yml as MkDocs loads it, before any plugin event."""
    return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))


def theme_files(config: MkDocsConfig) -> list[tuple[str, str | None]]:
    """The theme files MkDocs adds to a build with the environment the theme gives now."""
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_the_listing_skips_dot_folders_at_any_depth_and_templates_there_still_load(tmp_path: Path) -> None:
    for name, text in {
        "main.html": "{% include '.icons/set/icon.svg' %}",
        "assets/site.css": "p {}",
        "assets/.cache/old.css": "p {}",
        ".icons/set/icon.svg": "<svg/>",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    loader = VisibleFilesLoader(str(tmp_path))
    assert loader.list_templates() == ["assets/site.css", "main.html"]
    assert Environment(loader=loader).get_template("main.html").render() == "<svg/>"


def test_the_theme_adds_the_same_files_to_a_build_as_without_the_edition(tmp_path: Path) -> None:
    config = edition_config(tmp_path)
    stock = theme_files(config)
    lighten_environments(config.theme)
    assert isinstance(config.theme.get_env().loader, VisibleFilesLoader)
    assert theme_files(config) == stock
    assert any(uri.startswith("assets/stylesheets/") for uri, _ in stock), "Material's static files are listed"


def test_every_environment_the_theme_gives_keeps_compiled_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    config = edition_config(tmp_path / "site")
    lighten_environments(config.theme)
    first, second = config.theme.get_env(), config.theme.get_env()
    assert first is not second
    assert isinstance(second.bytecode_cache, FileSystemBytecodeCache)
    first.get_template("partials/language.html")
    assert list(tmp_path.glob("cache/news-edition/templates/__jinja2_*.cache")), "the compiled template is kept for the next environment"
    assert second.get_template(".icons/material/weather-night.svg").render().startswith("<svg")
