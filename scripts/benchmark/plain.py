"""The plain alternative: the same article as one Material page, with no edition at all.

Same theme, same title and paragraphs, no hook, no overrides, no extra CSS or
JavaScript; only `font: false`, because the default Google Fonts cannot be
fetched here (and the edition turns them off too).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.loader import load_source


def write_plain_project(folder: Path, source: Path) -> Path:
    """Write a minimal Material project for the source's article; return its mkdocs.yml."""
    edition = load_source(source)
    title = edition.metadata.display_title
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# {title}\n\n{edition.metadata.description}\n", encoding="utf-8")
    article = "\n\n".join(edition.paragraphs)
    (docs / "article.md").write_text(f"# {title}\n\n{article}\n", encoding="utf-8")
    config = {
        "site_name": title,
        "site_description": edition.metadata.description,
        "nav": [{"Home": "index.md"}, {"Article": "article.md"}],
        "theme": {"name": "material", "language": edition.metadata.language, "font": False},
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
