"""The site folder: only ever replaced when `make site` built it; interrupted builds leave nothing behind.

`make site SITE=…` deletes whatever it replaces, so SITE must be absent, an empty
folder, or a site this tool built (it carries the marker `.edition-site`). The
project, the source, the hand-written pages, a folder of someone's files and a file
are each refused before anything is touched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from edition.bench.collection import write_synthetic_collection
from edition.cli import main
from edition.web.site import SITE_MARKER, STAGING_MARKER
from helpers import HOSTILE, ROOT, copy_project

pytestmark = pytest.mark.site


def tree_digest(folder: Path) -> str:
    """A digest of every name, mode, link target and byte under `folder` (links not followed)."""
    digest = hashlib.sha256()
    for directory, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted([*folders, *files]):
            path = Path(directory) / name
            status = path.lstat()
            digest.update(f"{path.relative_to(folder)} {stat.filemode(status.st_mode)}".encode())
            if path.is_symlink():
                digest.update(str(path.readlink()).encode())
            elif stat.S_ISREG(status.st_mode):
                digest.update(path.read_bytes())
    return digest.hexdigest()


def build(source: Path, site: Path, *extra: str) -> int:
    """`python -m edition site` in this process, without the PDF unless `extra` asks otherwise."""
    return main(["site", "--source", str(source), "--site", str(site), "--config", str(ROOT / "mkdocs.yml"), "--no-pdf", *extra])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project under git, sharing the installed .venv and node_modules."""
    copy = copy_project(tmp_path / "project with spaces")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]):
        subprocess.run([*git, *command], cwd=copy, check=True)
    return copy


def make(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=project, capture_output=True, text=True, check=False)


def test_make_site_into_the_project_itself_is_refused_and_changes_nothing(project: Path) -> None:
    before = tree_digest(project)
    result = make(project, "site", "SITE=.")
    assert result.returncode != 0
    assert f"edition site: refused: . holds {project}, which a build must never replace; choose another SITE, e.g. site/" in result.stderr
    assert "site written" not in result.stdout
    assert tree_digest(project) == before


def test_paths_with_spaces_are_passed_whole(project: Path) -> None:
    shutil.copytree(HOSTILE, project / "my source")
    checked = make(project, "check", "SOURCE=my source")
    assert "my source/glossary.yml:53: warning: form 'Vilnius'" in checked.stderr, checked.stderr
    result = make(project, "site", "SOURCE=my source", "SITE=my site")
    assert result.returncode == 0, result.stderr
    assert (project / "my site" / "article" / "index.html").is_file()


@pytest.mark.parametrize("target", ["source", "docs", "overrides", "scripts"])
def test_a_folder_of_the_project_is_refused_as_site(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(ROOT / target)
    assert build(HOSTILE, ROOT / target) == 2
    assert "edition site: refused: " in capsys.readouterr().err
    assert tree_digest(ROOT / target) == before


def test_the_source_folder_is_refused_as_site(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(folder)
    assert build(folder, folder) == 2
    assert f"edition site: refused: {folder} holds {folder}" in capsys.readouterr().err
    assert tree_digest(folder) == before


def test_a_site_inside_the_source_folder_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(folder, folder / "site") == 2
    assert f"is inside {folder}; choose a SITE outside the project's own folders" in capsys.readouterr().err
    assert not (folder / "site").exists()


def test_a_folder_of_someone_s_files_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theirs = tmp_path / "photos"
    theirs.mkdir()
    (theirs / "holiday.jpg").write_bytes(b"\xff\xd8")
    assert build(HOSTILE, theirs) == 2
    assert f"{theirs} holds files that `make site` did not build (it has no .edition-site)" in capsys.readouterr().err
    assert [path.name for path in theirs.iterdir()] == ["holiday.jpg"]


def test_a_file_is_refused_as_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert build(HOSTILE, notes) == 2
    assert f"{notes} is a file, not a site folder" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "mine"


def test_a_link_is_refused_as_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    link = tmp_path / "site"
    link.symlink_to(theirs)
    assert build(HOSTILE, link) == 2
    assert f"{link} is a link; give the site folder itself" in capsys.readouterr().err
    assert link.is_symlink() and list(theirs.iterdir()) == []


def test_an_empty_folder_and_an_earlier_site_are_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    assert build(HOSTILE, site) == 0
    assert (site / SITE_MARKER).is_file()
    (site / "stale.html").write_text("old", encoding="utf-8")
    assert build(HOSTILE, site) == 0
    assert not (site / "stale.html").exists()


def test_the_site_has_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:  # with its PDF, which may come from the private (0700) cache
        assert main(["site", "--source", str(HOSTILE), "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 0
    finally:
        os.umask(umask)
    assert list((tmp_path / "site").glob("*.pdf"))
    modes = {
        path.relative_to(tmp_path).as_posix(): stat.S_IMODE(path.stat().st_mode)
        for path in [tmp_path / "site", *(tmp_path / "site").rglob("*")]
    }
    assert {mode for path, mode in modes.items() if (tmp_path / path).is_dir()} == {0o755}
    assert {mode for path, mode in modes.items() if (tmp_path / path).is_file()} == {0o644}


def test_a_parent_that_cannot_be_written_is_reported_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    # Root may write anywhere on disk; /proc refuses every new folder, whoever asks.
    assert build(HOSTILE, Path("/proc/edition-site")) == 1
    output = capsys.readouterr().err
    assert output.startswith("edition site: cannot write /proc/")
    assert output.rstrip().endswith("nothing was replaced.")
    assert "Traceback" not in output


def test_the_next_build_removes_what_interrupted_ones_left_and_nothing_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    staging = tmp_path / ".site.building-x1y2"
    staging.mkdir()
    (staging / STAGING_MARKER).write_text("1\n", encoding="utf-8")
    replaced = tmp_path / ".site.old-4242"
    replaced.mkdir()
    (replaced / SITE_MARKER).write_text("", encoding="utf-8")
    unknown = tmp_path / ".site.building-someone-elses"
    unknown.mkdir()
    (unknown / "keep.txt").write_text("not ours", encoding="utf-8")
    assert build(HOSTILE, site) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.building-someone-elses", "site"]


@pytest.fixture
def started_build(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """`python -m edition site` with the PDF, in a child process, stopped when it has started its typesetter."""
    site = tmp_path / "site"
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "edition", "site", "--source", str(HOSTILE), "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]
    # SIGINT as a terminal delivers it: a test run in the background of a shell inherits it ignored.
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_interrupt
    )
    try:
        deadline = time.monotonic() + 60
        while not children(process.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert children(process.pid), "the typesetter did not start"
        yield process, site
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _default_interrupt() -> None:
    """In the child, before it runs: Ctrl+C interrupts it, whatever the test run's own handling of it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    """The process ids of a process's children (Linux)."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def is_running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def ended_within(pid: int, seconds: float) -> bool:
    """Whether a process has ended, or ends within so many seconds."""
    deadline = time.monotonic() + seconds
    while is_running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not is_running(pid)


def test_the_typesetter_dies_with_a_killed_build_and_writes_nothing_after(started_build: tuple[subprocess.Popen[str], Path]) -> None:
    process, site = started_build
    [typesetter] = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert ended_within(typesetter, 10), "the typesetter outlived the build it was started by"
    leftovers = sorted(path.name for path in site.parent.iterdir() if path.name.startswith(".site."))
    time.sleep(1)
    assert sorted(path.name for path in site.parent.iterdir() if path.name.startswith(".site.")) == leftovers, "written after the kill"
    assert build(HOSTILE, site) == 0
    assert [path.name for path in site.parent.iterdir() if path.name.startswith(".site.")] == []


def test_ctrl_c_ends_the_build_with_one_line_and_leaves_nothing(started_build: tuple[subprocess.Popen[str], Path]) -> None:
    process, site = started_build
    [typesetter] = children(process.pid)
    process.send_signal(signal.SIGINT)
    output, error = process.communicate(timeout=60)
    assert process.returncode == 130, output + error
    assert error.strip().splitlines() == ["edition site: interrupted; nothing was replaced."]
    # Killed in the build's last step, or by Linux when the build exits (if Ctrl+C came while it was being started).
    assert ended_within(typesetter, 10), "the typesetter outlived the build"
    assert [path.name for path in site.parent.iterdir() if path.name != "cache"] == [], "no site, no staging folder, no book"


def test_a_collection_s_typesetting_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    source = write_synthetic_collection(tmp_path / "source", 4, entries=30)
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [
        sys.executable,
        "-m",
        "edition",
        "site",
        "--source",
        str(source),
        "--site",
        str(tmp_path / "site"),
        "--config",
        str(ROOT / "mkdocs.yml"),
    ]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        # One worker a book, up to one a core: all of them, once the typesetter has started its pool.
        expected, deadline = min(4, os.cpu_count() or 1), time.monotonic() + 60
        while len(workers) < expected and time.monotonic() < deadline:
            workers = [worker for typesetter in children(process.pid) for worker in children(typesetter)]
            time.sleep(0.02)
        assert len(workers) == expected, f"the typesetter started {len(workers)} workers, not {expected}"
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert [worker for worker in workers if not ended_within(worker, 10)] == [], "typesetting workers outlived the build"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for worker in workers:
            if is_running(worker):
                os.kill(worker, signal.SIGKILL)
