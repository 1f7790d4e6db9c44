"""Read a source folder from disk: the only I/O of the source stage, and the gate every byte passes.

The folder is treated as a closed world: a file that is a link to somewhere outside it,
anything but a regular file, and a file over its size limit are refused before a byte
is parsed. Only the files the edition knows are opened; anything else in the folder is
never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.errors import Problem, SourceError
from edition.source.basemap import BASEMAP, MAX_BASEMAP_BYTES

ARTICLE = "article.txt"
EDITION = "edition.yml"
GLOSSARY = "glossary.yml"
NOTES = "notes.yml"
CLAIMS = "claims.yml"
TIMELINE = "timeline.yml"
HOME = "index.md"
ABOUT = "about.md"
REQUIRED_FILES = (ARTICLE, EDITION, GLOSSARY)
OPTIONAL_FILES = (NOTES, CLAIMS, TIMELINE, BASEMAP, HOME, ABOUT)

MIB = 1024 * 1024
YAML_LIMIT = 8 * MIB
SIZE_LIMITS = {ARTICLE: 16 * MIB, BASEMAP: MAX_BASEMAP_BYTES, HOME: MIB, ABOUT: MIB}
"""The largest file the build reads, by name; every other (YAML) file: `YAML_LIMIT`."""


@dataclass(frozen=True)
class SourceFiles:
    """The raw contents of a source folder, keyed by file name, with the names to report."""

    folder: str
    contents: dict[str, bytes]

    def name(self, file: str) -> str:
        """The path an editor recognizes, e.g. `source/glossary.yml`."""
        return f"{self.folder.rstrip('/')}/{file}"


def read_source(folder: Path | str) -> SourceFiles:
    """Read the source files; a missing folder or file, a link outside it or a file too large is a `SourceError`."""
    path = Path(folder)
    if not path.is_dir():
        raise SourceError(
            [Problem(str(folder), None, "source folder not found; pass the folder that holds article.txt, edition.yml and glossary.yml")]
        )
    files = SourceFiles(str(folder), {})
    problems: list[Problem] = []
    root = path.resolve()
    for name in (*REQUIRED_FILES, *OPTIONAL_FILES):
        data = _read_file(root, path / name, files.name(name), SIZE_LIMITS.get(name, YAML_LIMIT), problems)
        if data is not None:
            files.contents[name] = data
        elif name in REQUIRED_FILES and not any(problem.file == files.name(name) for problem in problems):
            problems.append(Problem(files.name(name), None, "file not found; every source folder needs it"))
    if problems:
        raise SourceError(problems)
    return files


def _read_file(root: Path, path: Path, shown: str, limit: int, problems: list[Problem]) -> bytes | None:
    """The bytes of one source file, or None when it is absent or refused (the reason goes into `problems`)."""
    if not path.exists() and not path.is_symlink():
        return None
    real = path.resolve()
    if not real.is_relative_to(root):
        problems.append(Problem(shown, None, f"is a link to {real}, outside the source folder; copy the file into the folder instead"))
        return None
    if not real.is_file():
        problems.append(Problem(shown, None, "is not a regular file; the source folder holds plain text files"))
        return None
    try:
        with real.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        problems.append(Problem(shown, None, f"cannot be read ({error.strerror}); check its permissions"))
        return None
    if len(data) > limit:
        problems.append(Problem(shown, None, f"is larger than {limit // MIB} MiB, the most a source file may hold (README: Limits)"))
        return None
    return data
