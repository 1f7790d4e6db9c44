"""Edit-to-reload time of `make preview`: from saving a source file to the new text being served.

Two cases: the seed's glossary.yml, edited under its article page; and one document's
notes.yml in a large synthetic collection, edited under that document's page.

The server runs in a temporary copy of the project on a free loopback port, as
tests/test_preview.py runs it, and is always stopped.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

SKIPPED = {".git", ".venv", "site", "node_modules", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "__pycache__"}
"""What a copy of the project leaves out: version control, caches, built output, and what it shares instead."""
INSTALL_INPUTS = ("requirements.txt", "pyproject.toml", "package.json", "package-lock.json")
"""The files `make` installs .venv and node_modules from (Makefile)."""
SHORT = re.compile(r"^(?P<key>  short: )(?P<quote>[\"']?)", re.MULTILINE)
"""The first glossary entry's short definition: where each edit puts its marker."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def copy_project(root: Path, target: Path, *, node_modules: bool = False) -> Path:
    """A throwaway copy of the project that `make` can run in without touching the original.

    The virtual environment is shared (a link: nothing in the copy writes to it, since the
    files it is installed from are marked older than its install). With `node_modules`,
    the copy gets the original's as a tree of hard links, which `npm ci` would replace rather
    than change, for the `make` targets that need it; `make preview` does not.
    """
    shutil.copytree(root, target, ignore=lambda _, names: [name for name in names if name in SKIPPED])
    (target / ".venv").symlink_to(root / ".venv")
    if node_modules:
        shutil.copytree(root / "node_modules", target / "node_modules", copy_function=os.link, symlinks=True)
    for name in INSTALL_INPUTS:
        os.utime(target / name, (0, 0))
    return target


def fetch(url: str) -> str:
    """The body of a page, or "" while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    """Poll every 20 ms until `condition` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.02)


def start_preview(project: Path, port: int, log: Path, source: str = "source") -> subprocess.Popen[bytes]:
    """Start `make preview` of `source` in `project` on `port`, its output in `log`, in a process group of its own."""
    with log.open("w") as output:
        return subprocess.Popen(
            ["make", "--no-print-directory", "preview", f"PORT={port}", f"SOURCE={source}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_preview(process: subprocess.Popen[bytes]) -> None:
    """Stop a preview and everything it started (make, mkdocs): politely, then by force."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def preview_server(project: Path, log: Path, source: str = "source", page: str = "article/") -> Iterator[str]:
    """Run `make preview` of `source` on a free port for the `with` block; yield the URL of `page`."""
    port = free_port()
    process = start_preview(project, port, log, source)
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        wait_for(lambda: bool(fetch(url)), "the first build", timeout=600)
        yield url
    finally:
        stop_preview(process)


def mark_glossary(text: str, marker: str) -> str:
    """The glossary with `marker` put at the start of its first short definition."""
    return SHORT.sub(lambda found: f"{found['key']}{found['quote']}{marker} ", text, count=1)


def time_reloads(root: Path, scratch: Path, runs: int) -> float:
    """Median seconds from writing glossary.yml to the article page showing the edit."""
    project = copy_project(root, scratch / "preview-project")
    glossary = project / "source" / "glossary.yml"
    original = glossary.read_text(encoding="utf-8")
    times = []
    with preview_server(project, scratch / "preview.log") as url:
        for number in range(runs):
            marker = f"Benchmark edit {number}"
            started = time.perf_counter()
            glossary.write_text(mark_glossary(original, marker), encoding="utf-8")
            wait_for(partial(_shows, url, marker), f"edit {number} to show")
            times.append(time.perf_counter() - started)
            time.sleep(1)  # let the server settle before the next edit
    return statistics.median(times)


def time_collection_reloads(root: Path, collection: Path, scratch: Path, runs: int) -> float:
    """Median seconds from writing one document's notes.yml, in a copy of `collection`, to its page showing the edit.

    The document is the middle one; each edit puts a marker at the start of its first note.
    Between edits the server is left to index the search, as it does while an editor reads.
    """
    project = copy_project(root, scratch / "collection-preview-project")
    source = shutil.copytree(collection, project / "collection")
    slug = sorted(path.name for path in (source / "documents").iterdir())[len(list((source / "documents").iterdir())) // 2]
    notes = source / "documents" / slug / "notes.yml"
    original = notes.read_text(encoding="utf-8")
    times = []
    with preview_server(project, scratch / "collection-preview.log", "collection", f"{slug}/") as url:
        for number in range(runs):
            time.sleep(10)  # the last build's search index is written in the background
            marker = f"Benchmark edit {number}"
            started = time.perf_counter()
            notes.write_text(original.replace("  text: ", f"  text: {marker} ", 1), encoding="utf-8")
            wait_for(partial(_shows, url, marker), f"edit {number} to show")
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _shows(url: str, marker: str) -> bool:
    """True once the page at `url` contains `marker`."""
    return marker in fetch(url)
