"""Check a source folder without building: every problem at once, file:line first."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, SourceError
from .loader import GLOSSARY, load_source
from .matcher import find_occurrences


def check_source(folder: Path | str) -> list[Problem]:
    """Every problem with the source, including glossary entries none of whose forms occur."""
    try:
        edition = load_source(folder)
    except SourceError as error:
        return list(error.problems)
    found = {occurrence.entry_id for occurrence in find_occurrences(edition.paragraphs, edition.entries)}
    file = f"{str(folder).rstrip('/')}/{GLOSSARY}"
    return [
        Problem(file, entry.line, f"no form of entry '{entry.id}' occurs in the article; fix 'forms' or remove the entry")
        for entry in edition.entries
        if entry.id not in found
    ]
