"""The plain alternative: the same article as one Material page, with no edition at all.

Same theme, same title and paragraphs, no hook, no overrides, no extra CSS or
JavaScript, and Material's defaults otherwise (so no meta description, which is
what costs it SEO points); only `font: false`, because the default Google Fonts
cannot be fetched here (and the edition turns them off too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from edition.model import Edition
from edition.pages.pipeline import build_pages
from edition.source.parse import load_source


def write_plain_project(folder: Path, source: Path) -> Path:
    """Write a minimal Material project for the source's article; return its mkdocs.yml."""
    edition = load_source(source)
    title = edition.metadata.display_title
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# {title}\n\n{edition.metadata.description}\n", encoding="utf-8")
    article = "\n\n".join(edition.document.paragraphs)
    (docs / "article.md").write_text(f"# {title}\n\n{article}\n", encoding="utf-8")
    return _write_config(folder, edition, {"site_name": title, "nav": [{"Home": "index.md"}, {"Article": "article.md"}]})


def write_same_pages_project(folder: Path, source: Path, edition_config: Path) -> Path:
    """Write a Material project with the edition's own pages but none of its machinery; return its mkdocs.yml.

    The pages are what the generator makes of `source`, with the Markdown extensions of
    `edition_config` (the edition's mkdocs.yml) and the plugin's nav order; there is no
    plugin, no overrides, no extra CSS or JavaScript. Its build time is what the pages alone cost.
    """
    with edition_config.open(encoding="utf-8") as stream:
        extensions = yaml_load(stream)["markdown_extensions"]
    edition = load_source(source)
    pages = build_pages(edition)[0]
    target = folder / "docs"
    target.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (target / page.path).parent.mkdir(parents=True, exist_ok=True)
        (target / page.path).write_text(page.text, encoding="utf-8")
    config = {
        "site_name": edition.metadata.display_title,
        "site_description": edition.metadata.description,
        "nav": [{generated.path.removesuffix(".md"): generated.path} for generated in pages],
        "markdown_extensions": extensions,
    }
    return _write_config(folder, edition, config)


def _write_config(folder: Path, edition: Edition, config: dict[str, Any]) -> Path:
    """Write `folder/mkdocs.yml`: `config` with Material as the theme (in the edition's language, no web fonts)."""
    theme = {"name": "material", "language": edition.metadata.language, "font": False}
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump({**config, "theme": theme}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
