"""Everything the PDF is typeset from, as one digest: what names a kept book (`edition.cache`).

The book is made from the source folder's files (those the source stage reads, nothing else
in the folder) by this package's code and templates, run by this Python with its
installed packages (WeasyPrint and the libraries under it), with the fonts fontconfig
finds. Each of these is read for the digest: the files' bytes where they are small, the
size and modification time of font files. A change to any of
them gives another digest, so the book is typeset again. System libraries (pango,
harfbuzz) are read through Debian's package database, which an install or upgrade
rewrites; elsewhere they are not tracked.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from edition.source import SourceFiles

PACKAGE = Path(__file__).resolve().parents[1]
"""The edition package: its code and templates all shape the book."""
FONTCONFIG_VARIABLES = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
SYSTEM_PACKAGES = Path("/var/lib/dpkg/status")


def book_digest(files: SourceFiles) -> str:
    """A hex digest of every input of the book made from these source files."""
    return _digest([*_source_inputs(files), environment_digest()])


def environment_digest() -> str:
    """A hex digest of what the typesetter reads besides the source: this code, Python, its packages, the fonts."""
    return _digest(_environment_inputs())


def _digest(parts: Iterable[str | bytes]) -> str:
    """A hex digest of labelled parts, each ended by a zero byte."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _source_inputs(files: SourceFiles) -> Iterator[str | bytes]:
    """The source files' names and bytes, in a fixed order."""
    for name, content in sorted(files.contents.items()):
        yield f"source {name}"
        yield content


def _environment_inputs() -> Iterator[str | bytes]:
    """The parts of the environment's digest, each labelled, in a fixed order."""
    yield from _contents("code", PACKAGE)
    yield f"python {sys.version}"
    yield from (f"package {name}" for name in installed_packages())
    yield from (f"env {name}={os.environ.get(name, '')}" for name in FONTCONFIG_VARIABLES)
    yield from (f"font {entry}" for entry in _stats(font_places()))
    yield from (f"system {entry}" for entry in _stats([SYSTEM_PACKAGES]))


def _contents(label: str, folder: Path) -> Iterator[str | bytes]:
    """The relative path and bytes of every file of the package (its code and templates), compiled Python left out."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield f"{label} {path.relative_to(folder).as_posix()}"
            yield path.read_bytes()


def installed_packages() -> list[str]:
    """The installed distributions with their versions, as the names of their `*.dist-info` folders."""
    names: set[str] = set()
    for entry in sys.path:
        try:
            names.update(path.name for path in Path(entry or ".").iterdir() if path.name.endswith(".dist-info"))
        except OSError:
            continue
    return sorted(names)


def font_places() -> list[Path]:
    """The folders fontconfig reads fonts and its settings from, on a usual Linux setup."""
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local/share")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    fonts = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data / "fonts", home / ".fonts"]
    return [*fonts, Path("/etc/fonts"), config / "fontconfig"]


def _stats(places: Iterable[Path]) -> Iterator[str]:
    """Path, size and modification time of each file at or under `places` (missing ones are skipped)."""
    for place in places:
        files = [place] if place.is_file() else sorted(path for path in place.rglob("*") if path.is_file())
        for path in files:
            try:
                status = path.stat()
            except OSError:
                continue
            yield f"{path} {status.st_size} {status.st_mtime_ns}"
