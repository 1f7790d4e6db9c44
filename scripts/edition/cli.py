"""The command line: load, annotate, render, write; errors become messages and an exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_source
from .errors import SourceError
from .loader import load_source
from .pipeline import build_pages, describe_summary
from .writer import write_pages


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Read `--source` and `--out`."""
    parser = argparse.ArgumentParser(
        prog="build_edition.py", description="Turn a source folder into the edition's annotated Markdown pages."
    )
    parser.add_argument("--source", type=Path, default=Path("source"), help="source folder (default: source/)")
    parser.add_argument("--out", type=Path, default=Path("docs"), help="docs folder to write into (default: docs/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the pages; print a summary, or every problem, and return the exit code."""
    arguments = parse_arguments(argv)
    try:
        edition = load_source(arguments.source)
        pages, summary = build_pages(edition)
        written = write_pages(arguments.out, pages)
    except SourceError as error:
        print(f"build_edition: {error}", file=sys.stderr)
        print("Nothing was written. Fix the problems above and run the build again.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"build_edition: cannot write {error.filename or arguments.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build_edition: interrupted; every page written is whole.", file=sys.stderr)
        return 130
    print(describe_summary(summary))
    print(f"wrote {', '.join(written)}" if written else "pages unchanged")
    return 0


def check(argv: list[str] | None = None) -> int:
    """Validate a source folder without building; print every problem and return the exit code."""
    parser = argparse.ArgumentParser(prog="check_edition.py", description="Check a source folder without building.")
    parser.add_argument("--source", type=Path, default=Path("source"), help="source folder (default: source/)")
    try:
        problems = check_source(parser.parse_args(argv).source)
    except KeyboardInterrupt:
        print("check_edition: interrupted.", file=sys.stderr)
        return 130
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        errors = sum(problem.is_error for problem in problems)
        print(f"{_count(errors, 'error')} and {_count(len(problems) - errors, 'warning')} found.", file=sys.stderr)
        return 1
    print("source is valid: no problems found")
    return 0


def _count(number: int, noun: str) -> str:
    """A count and its noun, singular or plural: "1 error", "2 warnings"."""
    return f"{number} {noun}{'s' if number != 1 else ''}"
