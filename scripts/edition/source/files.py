"""Read a source folder from disk: the only I/O of the source stage, and the gate every byte passes.

The folder is treated as a closed world: a file that is a link to somewhere outside it,
anything but a regular file, and a file over its size limit are refused before a byte
is parsed. Only the files the edition knows are opened; anything else in the folder is
never read.

A folder holds one article (`article.txt`, `edition.yml`, `glossary.yml`, …), with
the primary sources it quotes, if any, each in a folder of its own under `documents/`; or a
collection: `collection.yml`, the shared `glossary.yml` (and timeline, map data, home
and about pages), and one folder per document under `documents/`, named by its slug,
holding the document's `article.txt`, `edition.yml` and its own notes, claims and timeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from edition.errors import WARNING, Problem, SourceError
from edition.source.basemap import BASEMAP, MAX_BASEMAP_BYTES

ARTICLE = "article.txt"
EDITION = "edition.yml"
GLOSSARY = "glossary.yml"
NOTES = "notes.yml"
CLAIMS = "claims.yml"
TIMELINE = "timeline.yml"
HOME = "index.md"
ABOUT = "about.md"
COLLECTION = "collection.yml"
DOCUMENTS = "documents"
REQUIRED_FILES = (ARTICLE, EDITION, GLOSSARY)
OPTIONAL_FILES = (NOTES, CLAIMS, TIMELINE, BASEMAP, HOME, ABOUT)
SHARED_REQUIRED = (COLLECTION, GLOSSARY)
SHARED_OPTIONAL = (TIMELINE, BASEMAP, HOME, ABOUT)
DOCUMENT_REQUIRED = (ARTICLE, EDITION)
DOCUMENT_OPTIONAL = (NOTES, CLAIMS, TIMELINE)

MAX_DOCUMENTS = 10_000
"""The most documents a collection holds: ten times what the benchmark builds."""
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_SLUG_LENGTH = 64
RESERVED_SLUGS = frozenset({"article", "notes", "claims", "glossary", "names", "map", "timeline", "about", "search", "assets", "pagefind"})
"""Addresses the edition's own pages and files take: no document may have one."""

MIB = 1024 * 1024
YAML_LIMIT = 8 * MIB
SIZE_LIMITS = {ARTICLE: 16 * MIB, BASEMAP: MAX_BASEMAP_BYTES, HOME: MIB, ABOUT: MIB}
"""The largest file the build reads, by name; every other (YAML) file: `YAML_LIMIT`."""


@dataclass(frozen=True)
class SourceFiles:
    """The raw contents of a source folder, keyed by path within it, with the names to report."""

    folder: str
    contents: dict[str, bytes]
    documents: tuple[str, ...] = field(default=())
    """A collection's documents, by slug (the names of the folders under `documents/`), in name order."""
    notices: tuple[Problem, ...] = field(default=())
    """Warnings about what the folder holds but the build does not read (a glossary inside a document's folder)."""

    @property
    def collection(self) -> bool:
        """Whether the folder holds a collection (it has `collection.yml`)."""
        return COLLECTION in self.contents

    def name(self, file: str) -> str:
        """The path an editor recognizes, e.g. `source/glossary.yml`."""
        return f"{self.folder.rstrip('/')}/{file}"


def read_source(folder: Path | str) -> SourceFiles:
    """Read the source files; a missing folder or file, a link outside it or a file too large is a `SourceError`."""
    path = Path(folder)
    if not path.is_dir():
        raise SourceError(
            [
                Problem(
                    str(folder),
                    None,
                    "source folder not found; pass the folder that holds article.txt, edition.yml and glossary.yml "
                    "(or, for a collection, collection.yml, glossary.yml and documents/)",
                )
            ]
        )
    problems: list[Problem] = []
    root = path.resolve()
    collection = (path / COLLECTION).exists()
    shown = SourceFiles(str(folder), {}).name(DOCUMENTS)
    # A single article may hold the primary sources it quotes, each a document of its own, as a collection holds its documents.
    slugs = _document_folders(root, path, shown, problems, required=collection) if collection or (path / DOCUMENTS).exists() else []
    files = SourceFiles(str(folder), {}, tuple(slugs), tuple(_unread(path, SourceFiles(str(folder), {}), slugs)))
    if collection:
        _read_files(root, path, files, "", SHARED_REQUIRED, SHARED_OPTIONAL, problems)
    else:
        _read_files(root, path, files, "", REQUIRED_FILES, OPTIONAL_FILES, problems)
    for slug in slugs:
        _read_files(root, path, files, f"{DOCUMENTS}/{slug}/", DOCUMENT_REQUIRED, DOCUMENT_OPTIONAL, problems)
    if problems:
        raise SourceError(problems)
    return files


def _read_files(
    root: Path, path: Path, files: SourceFiles, prefix: str, required: tuple[str, ...], optional: tuple[str, ...], problems: list[Problem]
) -> None:
    """Read the known files of one folder (the source's, or a document's under `prefix`) into `files`."""
    for name in (*required, *optional):
        key = prefix + name
        data = _read_file(root, path / key, files.name(key), SIZE_LIMITS.get(name, YAML_LIMIT), problems)
        if data is not None:
            files.contents[key] = data
        elif name in required and not any(problem.file == files.name(key) for problem in problems):
            where = "every document's folder" if prefix else "every source folder"
            problems.append(Problem(files.name(key), None, f"file not found; {where} needs it"))


SHARED_ONLY = {
    GLOSSARY: "the glossary is shared by every document: move its entries into the glossary.yml at the top of the source folder",
    HOME: "an edition has one home page: index.md at the top of the source folder",
    ABOUT: "an edition has one about page: about.md at the top of the source folder",
    BASEMAP: "an edition has one map: map/region.json at the top of the source folder",
    COLLECTION: "a document's folder holds its edition.yml; collection.yml belongs at the top of the source folder",
}
"""Files of a single article that a collection reads only beside collection.yml, and what to do with one found in a document's folder."""


def _unread(path: Path, files: SourceFiles, slugs: list[str]) -> list[Problem]:
    """A warning for each file of the shared kind in a document's folder: the build does not read it."""
    return [
        Problem(files.name(f"{DOCUMENTS}/{slug}/{name}"), None, f"is not read: {advice}", WARNING)
        for slug in slugs
        for name, advice in SHARED_ONLY.items()
        if (path / DOCUMENTS / slug / name).exists()
    ]


def _document_folders(root: Path, path: Path, shown: str, problems: list[Problem], *, required: bool = True) -> list[str]:
    """The slugs of the documents: the folders under `documents/`, each name checked.

    A collection needs at least one (`required`); a single article may have no primary source.
    """
    documents = path / DOCUMENTS
    if documents.is_symlink() or not documents.is_dir() or not documents.resolve().is_relative_to(root):
        found = "is not a folder" if documents.exists() or documents.is_symlink() else "folder not found"
        problems.append(Problem(shown, None, f"{found}; documents/ holds each document (or primary source) in a folder of its own"))
        return []
    slugs = []
    for child in sorted(documents.iterdir()):
        if child.name.startswith("."):
            continue  # a system's or an editor's hidden file (.DS_Store, .git): not a document
        problem = _slug_problem(child.name)
        if not child.is_dir() or child.is_symlink():
            problems.append(Problem(f"{shown}/{child.name}", None, "is not a folder; documents/ holds one folder per document"))
        elif problem:
            problems.append(Problem(f"{shown}/{child.name}", None, problem))
        else:
            slugs.append(child.name)
    if not slugs and not problems and required:
        problems.append(Problem(shown, None, "holds no document; add a folder per document, e.g. documents/first-report/"))
    if len(slugs) > MAX_DOCUMENTS:
        problems.append(Problem(shown, None, f"holds {len(slugs):,} documents; a collection holds at most {MAX_DOCUMENTS:,}"))
        return []
    return slugs


def _slug_problem(name: str) -> str | None:
    """What is wrong with a document folder's name as the document's address, or None."""
    if not SLUG.match(name) or len(name) > MAX_SLUG_LENGTH:
        return (
            f"the folder's name is the document's address, so it must be a slug of a–z, 0–9 and single hyphens, "
            f"at most {MAX_SLUG_LENGTH} characters; rename it, e.g. 'blinken-warns-ukraine'"
        )
    if name in RESERVED_SLUGS:
        return f"'{name}' is the address of one of the edition's own pages; rename the folder"
    return None


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
        too_large = f"is larger than {limit // MIB} MiB, the most a source file may hold (README: 'Safety and limits')"
        problems.append(Problem(shown, None, too_large))
        return None
    return data
