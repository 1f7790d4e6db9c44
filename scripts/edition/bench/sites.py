"""Whole-build measurements: `make site` against a plain Material build, `make pdf`, and peak memory.

Every build runs as a child process, exactly as a user would start it, into a
temporary folder; the project's own `site/` is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from edition.bench.timing import ProcessTime, process_medians_in_turns

MEMORY_PROBE = """
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
if result.returncode:
    sys.exit(result.stderr[-2000:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Run a command in a fresh process and print the largest resident set of its children, in KiB."""


@dataclass(frozen=True)
class BuildTimes:
    """Median times of `make site` (book kept, book typeset, no PDF), its MkDocs step, its pages built plain, and the plain build."""

    edition: ProcessTime
    edited: ProcessTime
    without_pdf: ProcessTime
    without_pdf_cold: ProcessTime
    mkdocs_step: ProcessTime
    same_pages: ProcessTime
    plain: ProcessTime


def run(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> None:
    """Run a command quietly; fail with its own error output if it fails."""
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed (exit {result.returncode}):\n{result.stderr[-2000:]}")


def make_command(root: Path, target: str, *assignments: str) -> list[str]:
    """`make TARGET VAR=value…` in the project folder."""
    return ["make", "--no-print-directory", "-C", str(root), target, *assignments]


def has_make_target(root: Path, target: str) -> bool:
    """True when the project's Makefile has `target` (`make -n` succeeds)."""
    result = subprocess.run([*make_command(root, target), "-n"], capture_output=True, text=True, check=False)
    return result.returncode == 0


def plain_build_command(config: Path, site: Path) -> list[str]:
    """`mkdocs build` of the plain project, as its user would run it."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site)]


def mkdocs_environment() -> dict[str, str]:
    """The environment of a plain MkDocs build, without Material's notice about MkDocs 2."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def time_site_builds(root: Path, plain_config: Path, same_pages_config: Path, scratch: Path, runs: int) -> BuildTimes:
    """Time every build of `BuildTimes`, in its order, in turns.

    `make site` of the unchanged source finds its book kept by an earlier build (one is run
    first, untimed); after an edit, it typesets the book again. Without the PDF is what
    `make site` runs (build_site.py) with `--no-pdf`; its cold variant starts with no
    compiled templates or trimmed stylesheets kept. Each build goes into its own
    temporary folder.
    """
    edition = make_command(root, "site", f"SITE={scratch / 'edition-site'}")
    run(edition, root)
    edited_source = Path(shutil.copytree(root / "source", scratch / "edited-source"))
    edited = make_command(root, "site", f"SOURCE={edited_source}", f"SITE={scratch / 'edited-site'}")

    def edit_and_build() -> None:
        edit(edited_source / "glossary.yml")
        run(edited, root)

    plain = plain_build_command(plain_config, scratch / "plain-site")
    step = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "--site-dir", str(scratch / "step-site")]
    step_environment = mkdocs_environment()
    pages_only = [sys.executable, "-m", "edition", "site", "--no-pdf", "--source", "source", "--site", str(scratch / "pages-site")]
    same_pages = plain_build_command(same_pages_config, scratch / "same-pages-site")
    actions = [
        lambda: run(edition, root),
        edit_and_build,
        lambda: run(pages_only, root, step_environment),
        # An empty temp folder each time: nothing kept from an earlier build.
        lambda: run(pages_only, root, {**step_environment, "TMPDIR": tempfile.mkdtemp(dir=scratch)}),
        lambda: run(step, root, step_environment),
        lambda: run(same_pages, same_pages_config.parent, mkdocs_environment()),
        lambda: run(plain, plain_config.parent, mkdocs_environment()),
    ]
    times = process_medians_in_turns(actions, runs)
    return BuildTimes(*times)


def edit(file: Path) -> None:
    """Change a source file as an editor would, without changing what it says: a comment line at its end.

    The line is new every time, in this run and any earlier one: a source the build has seen
    before would find its book kept, and the build would not typeset it again.
    """
    with file.open("a", encoding="utf-8") as stream:
        stream.write(f"# benchmark edit {uuid.uuid4().hex}\n")


def time_make_target(root: Path, target: str, runs: int, *assignments: str) -> ProcessTime | None:
    """Median times of `make TARGET VAR=value…`, or None when the Makefile has no such target."""
    if not has_make_target(root, target):
        return None
    return process_medians_in_turns([lambda: run(make_command(root, target, *assignments), root)], runs)[0]


def peak_memory_kib(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> int:
    """The peak resident memory (max RSS, KiB) of `command` and its children, measured in a fresh process."""
    probe = [sys.executable, "-c", MEMORY_PROBE, *command]
    result = subprocess.run(probe, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return int(result.stdout.split()[-1])
