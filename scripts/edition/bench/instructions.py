"""Instruction counts under valgrind's callgrind: the same count for the same work, however busy the machine.

Timings on a shared machine move by more than the effects two targets are about (the
matcher's 100 → 2,000 glossary entries, the site build against the plain one), so the
benchmark also counts instructions. For the matcher, setting up the synthetic source is
counted once without the matcher and once with it, and the difference divided by the
number of runs. A build is counted whole, with every process it starts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PROGRAM = """
import sys
from edition.bench.synthetic import make_glossary, make_paragraphs
from edition.pages.matcher import find_occurrences
words, entries, runs = (int(value) for value in sys.argv[1:])
glossary = make_glossary(entries)
paragraphs = make_paragraphs(words, glossary)
for _ in range(runs):
    find_occurrences(paragraphs, glossary.entries)
"""
"""Make the synthetic source, then run the matcher over it `runs` times."""

COLLECTED = re.compile(r"Collected : (?P<count>\d+)")


def matcher_instructions(scripts: Path, words: int, entries: int, runs: int = 2) -> int | None:
    """Instructions one `find_occurrences` call executes on a synthetic source, or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    setup = _instructions(scripts, words, entries, 0)
    return (_instructions(scripts, words, entries, runs) - setup) // runs


def _instructions(scripts: Path, words: int, entries: int, runs: int) -> int:
    """Every instruction the program executes, as callgrind counts them."""
    command = [sys.executable, "-c", PROGRAM, str(words), str(entries), str(runs)]
    return _counted(command, Path.cwd(), dict(os.environ))


def command_instructions(command: list[str], cwd: Path, environment: dict[str, str]) -> int | None:
    """Instructions a command and every process it starts execute, or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    # Pagefind's indexer (Rust, many threads) hangs under valgrind: it runs natively and uncounted.
    return _counted(command, cwd, environment, "--trace-children=yes", "--trace-children-skip=*/pagefind_bin/*")


def _counted(command: list[str], cwd: Path, environment: dict[str, str], *options: str) -> int:
    """The instructions callgrind counts running `command`, summed over its processes."""
    counting = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *options, *command]
    result = subprocess.run(counting, cwd=cwd, capture_output=True, text=True, env=environment, check=False)
    found = COLLECTED.findall(result.stderr)
    if result.returncode != 0 or not found:
        raise RuntimeError(f"callgrind failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return sum(int(count) for count in found)
