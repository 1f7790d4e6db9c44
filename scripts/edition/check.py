"""Check a source folder without building: every problem at once, file:line first."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, SourceError
from .loader import load_source


def check_source(folder: Path | str) -> list[Problem]:
    """Every problem with the source: the errors that stop a build and the warnings it prints."""
    try:
        return list(load_source(folder).warnings)
    except SourceError as error:
        return list(error.problems)
