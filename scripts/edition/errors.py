"""What editors are told: problems, each naming file and line, and the one error type that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the source, worded for the editor who has to fix it.

    An error stops the build; a warning (a form that never occurs, a place the map cannot
    show) is reported and the edition is built without what it concerns.
    """

    file: str
    line: int | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "warning: " if self.severity == WARNING else ""
        return f"{where}: {label}{self.message}"

    @property
    def is_error(self) -> bool:
        """Whether this problem stops the build."""
        return self.severity == ERROR


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems sorted as an editor reads them: by file, then line (problems of a whole file first), each once."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda problem: (problem.file, problem.line or 0))


class SourceError(Exception):
    """The source folder cannot be built; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the source:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])


class RefusedError(Exception):
    """A command refuses to touch what it was given (a SITE it did not build); says what it is and what to do."""
