"""Write generated pages into the docs folder: only when changed, never over a hand-written page."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import Problem, SourceError
from .model import Page
from .render import GENERATED_MARK


def is_generated(path: Path) -> bool:
    """True when the file at `path` carries the generated mark in its first lines."""
    with path.open(encoding="utf-8", errors="replace") as file:
        head = [next(file, "") for _ in range(8)]
    return any(line.strip() == GENERATED_MARK for line in head)


def write_pages(out: Path, pages: Iterable[Page]) -> list[str]:
    """Write each page whose text changed; return the paths written.

    A file at a generated page's path that lacks the generated mark was written
    by hand, so the build stops rather than overwrite it.
    """
    pages = list(pages)
    clashes = [page.path for page in pages if (out / page.path).exists() and not is_generated(out / page.path)]
    if clashes:
        raise SourceError(
            Problem(str(out / path), None, "is a hand-written page with the name of a generated one; rename it or move it away")
            for path in clashes
        )
    written = []
    for page in pages:
        target = out / page.path
        if target.exists() and target.read_text(encoding="utf-8") == page.text:
            continue
        write_atomically(target, page.text)
        written.append(page.path)
    return written


def write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file and a rename, so that no reader sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
