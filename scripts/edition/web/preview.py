"""The preview: the edition served on 127.0.0.1 while an editor works, rebuilt at every save.

A `Preview` owns everything that lives from one build to the next: the folder it builds
into (its own temporary folder), the build served now, its number, its pages' texts, and
the problems of the last attempt. At every save in the source folder, `docs/`,
`overrides/` or `mkdocs.yml` it builds the site again beside the one served and swaps it
in whole; a save that breaks the source leaves the last good build on screen.

A build is incremental when it can be: when the pages are the same set, with the same
navigation, edition metadata, configuration and templates (`frame_of`), the served build is
copied and MkDocs renders only the pages whose generated text changed (and the home and
about pages, which show counts over the whole edition). Search is indexed after the swap,
in the background, so that the page shows the edit first.

The open page learns of each build by asking `/__edition__/state` (a request the server
holds until something changes): it reloads after a good build, and after a bad one shows
the problems, file:line and fix, in a panel over the last good build, which clears itself
once the source is fixed. The terminal prints the same problems.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from edition.errors import SourceError
from edition.layout import url_of
from edition.model import Edition, Page
from edition.pages.pipeline import render_again
from edition.pages.render import RenderMemo
from edition.source import Memo, parse_source, read_source
from edition.web.plugin import navigation
from edition.web.search import start_indexing
from edition.web.serve import LOOPBACK, SiteHandler, running
from edition.web.site import Build, run_mkdocs

STATE = "/__edition__/state"
SCRIPT = "/__edition__/preview.js"
QUIET = 0.15
"""Seconds without a further save before rebuilding: an editor's save is often several writes."""
HELD = 25.0
"""How long the server holds a page's question about the state before answering "unchanged"."""

CLIENT = Path(__file__).with_name("preview.js")
SAVES: list[type[FileSystemEvent]] = [
    FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]  # fmt: skip
"""What the preview asks Linux to report: saves, new, removed and renamed files. Not reads: each build opens every
source file, and a thousand documents' opens, handled in the watcher's thread, slowed the build that made them."""
ALWAYS_RENDERED = frozenset({"index.md", "about.md"})
"""Pages rendered at every build: their templates show counts over the whole edition (documents, notes, claims)."""


@dataclass
class Preview:
    """The preview's state: where it builds, what it serves, and what the last attempt found."""

    source: Path
    config: Path
    root: Path
    generation: int = 0
    served: Path | None = None
    problems: tuple[str, ...] = ()
    changed: threading.Condition = field(default_factory=threading.Condition)
    texts: dict[str, str] = field(default_factory=dict)
    """The served build's generated pages, by path: what an incremental build compares with."""
    frame: str = ""
    """`frame_of` the served build: an incremental build needs the same."""
    indexer: subprocess.Popen[bytes] | None = None
    """Pagefind indexing the served build, while it runs."""
    memo: Memo = field(default_factory=Memo)
    """Each document's parse, kept for the next build: a save to one document parses that one again."""
    renders: RenderMemo = field(default_factory=RenderMemo)
    """Each document's page and occurrences, kept for the next build: a save to one document renders that one again."""

    def rebuild(self) -> bool:
        """Build the site again beside the one served and swap it in; on problems, keep the old one and say why."""
        target = self.root / f"build-{self.generation + 1}"
        try:
            return self._build(target)
        except Exception as error:  # the checks should have caught it; the preview keeps serving the last good build regardless
            shutil.rmtree(target, ignore_errors=True)
            fault = f"{type(error).__name__}: {error}"
            self._failed([f"preview: the build stopped on a fault no check foresaw ({fault}); please report it with the file you saved"])
            return False

    def _build(self, target: Path) -> bool:
        """Build into `target` and swap it in, or say what stopped it."""
        started = time.monotonic()
        try:
            edition = parse_source(read_source(self.source), self.memo)
        except SourceError as error:
            self._failed([str(problem) for problem in error.problems])
            return False
        errors: list[str] = []
        pages = render_again(edition, self.renders)  # the summary's warnings are `make check`'s; the preview shows pages
        frame = frame_of(self.config, edition, pages)
        incremental = self.served is not None and frame == self.frame
        self.stop_indexing()  # it would be writing into the build about to be copied, and dropped
        unchanged: frozenset[str] = frozenset()
        if incremental and self.served is not None:
            unchanged = frozenset(page.path for page in pages if self.texts.get(page.path) == page.text) - ALWAYS_RENDERED
            linked_copy(self.served, target, rewritten=[page.path for page in pages if page.path not in unchanged])
        settings = Build(self.source, edition, pages, pdf=False, cache=True, trim=False, search=False, unchanged=unchanged)
        if not run_mkdocs(self.config, target, settings, errors=errors, dirty=incremental):
            shutil.rmtree(target, ignore_errors=True)
            if self.served is not None:  # its index may have been stopped half-written
                self.indexer = start_indexing(self.served, edition.metadata.language)
            self._failed(errors or ["the site could not be built; the terminal says why"])
            return False
        old, self.served = self.served, target
        self.texts, self.frame = {page.path: page.text for page in pages}, frame
        with self.changed:
            self.generation += 1
            self.problems = ()
            self.changed.notify_all()
        if old is not None:  # removed while the page reloads: nobody waits for it
            threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True}, daemon=True).start()
        self.indexer = start_indexing(target, edition.metadata.language)
        how = f"{len(pages) - len(unchanged)} of {len(pages)} pages" if incremental else "whole"
        print(f"preview: built in {time.monotonic() - started:.1f} s ({how})", file=sys.stderr, flush=True)
        return True

    def stop_indexing(self) -> None:
        """Stop indexing the served build, if it still is."""
        if self.indexer is not None and self.indexer.poll() is None:
            self.indexer.kill()
            self.indexer.wait()
        self.indexer = None

    def _failed(self, problems: list[str]) -> None:
        """Print the problems, keep the last good build, and tell open pages."""
        print("\n".join(problems), file=sys.stderr)
        print("preview: still showing the last good build; it updates as soon as the source is fixed.", file=sys.stderr, flush=True)
        with self.changed:
            self.problems = tuple(problems)
            self.changed.notify_all()

    def state(self) -> dict[str, object]:
        """What an open page needs to know: the build's number and the problems of the last attempt."""
        return {"generation": self.generation, "problems": list(self.problems)}

    def wait(self, generation: int, problems: int, timeout: float) -> dict[str, object]:
        """The state once it differs from what a page has seen, or as it is after `timeout` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != generation or len(self.problems) != problems, timeout)
            return self.state()


class PreviewHandler(SiteHandler):
    """The served build, each page with the preview's script, and the state the script asks for."""

    preview: Preview
    cache_control = "no-cache"

    def folder(self) -> Path:
        """The build served now."""
        return self.preview.served or self.preview.root

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        """The state (held until it changes), the script, or a file of the build."""
        path, _, query = self.path.partition("?")
        if path == STATE:
            seen = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
            state = self.preview.wait(int(seen.get("generation", -1)), int(seen.get("problems", 0)), HELD)
            self._send(200, json.dumps(state).encode("utf-8"), "application/json")
        elif path == SCRIPT:
            self._send(200, CLIENT.read_bytes(), "application/javascript")
        else:
            super().do_GET()

    def respond(self, path: Path, body: bytes, kind: str) -> bytes:
        """Pages get the preview's script, which reloads them and shows problems."""
        if kind != "text/html":
            return body
        tag = f'<script src="{SCRIPT}" data-generation="{self.preview.generation}" defer></script>'.encode()
        return body.replace(b"</body>", tag + b"</body>", 1)


class _Saves(FileSystemEventHandler):
    """Notes that something was saved; the rebuilding thread waits for the saves to settle."""

    def __init__(self, saved: threading.Event, only: Path | None = None) -> None:
        self.saved = saved
        self.only = only

    def on_any_event(self, event: FileSystemEvent) -> None:
        """A change to a watched file or folder (reads do not count; for a single file, changes to others beside it neither)."""
        if event.event_type in ("opened", "closed_no_write"):
            return
        if self.only is None or self.only in (Path(str(event.src_path)), Path(str(getattr(event, "dest_path", "") or "."))):
            self.saved.set()


REWRITTEN_ALWAYS = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""What MkDocs writes at every build, dirty or not, besides the pages."""


def linked_copy(served: Path, target: Path, rewritten: Sequence[str]) -> None:
    """Copy the served build as hard links, but for the files the build will write again, which it writes as new files.

    A link shares its file with the served build: were MkDocs to write into it, the page
    being served would change under a reader, mid-build. Links make the copy of a thousand
    pages take a fifth of the time a byte copy does.
    """
    shutil.copytree(served, target, copy_function=os.link)
    for name in [*(url_of(path) + "index.html" for path in rewritten), *REWRITTEN_ALWAYS]:
        (target / name).unlink(missing_ok=True)


def frame_of(config: Path, edition: Edition, pages: Sequence[Page]) -> str:
    """A digest of what every page is built with beyond its own text: when it changes, every page is rendered again.

    The pages' addresses and navigation, the edition's metadata (its title is in every page),
    and the configuration, hand-written pages and templates, by size and time of change.
    """
    digest = hashlib.sha256()
    digest.update(repr(([page.path for page in pages], navigation(edition, pages), edition.metadata)).encode("utf-8", "surrogatepass"))
    project = config.resolve().parent
    for path in sorted([config.resolve(), *_files(project / "docs"), *_files(project / "overrides")]):
        status = path.stat()
        digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """The files under a folder, if it exists."""
    return [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []


def watched(source: Path, config: Path) -> list[Path]:
    """What the preview rebuilds for: the source folder, mkdocs.yml, and the hand-written pages and templates beside it."""
    project = config.resolve().parent
    return [path for path in (source.resolve(), config.resolve(), project / "docs", project / "overrides") if path.exists()]


def serve_preview(source: Path, config: Path, *, host: str = LOOPBACK, port: int = 8000) -> int:
    """Build, serve and rebuild at every save until interrupted; returns the exit code."""
    root = Path(tempfile.mkdtemp(prefix="edition-preview-"))
    preview = Preview(source, config, root)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a supervisor as by Ctrl+C: the temporary folder goes too
    saved = threading.Event()
    observer = Observer()
    for path in watched(source, config):
        if path.is_dir():
            observer.schedule(_Saves(saved), str(path), recursive=True, event_filter=SAVES)
        else:
            observer.schedule(_Saves(saved, only=path), str(path.parent), recursive=False, event_filter=SAVES)
    try:
        preview.rebuild()
        handler = type("BoundPreviewHandler", (PreviewHandler,), {"preview": preview})
        server = ThreadingHTTPServer((host, port), partial(handler, directory=str(root)))
        observer.start()
        with running(server):
            print(f"preview: serving http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr, flush=True)
            _rebuild_on_saves(preview, saved)
    except KeyboardInterrupt:
        print("preview: stopped", file=sys.stderr)
    finally:
        if observer.is_alive():
            observer.stop()
            observer.join()
        preview.stop_indexing()
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """Turn a termination request into the same clean stop as Ctrl+C."""
    raise KeyboardInterrupt


def _rebuild_on_saves(preview: Preview, saved: threading.Event) -> None:
    """Rebuild once the saves have settled, for ever (until Ctrl+C)."""
    while True:
        saved.wait()
        while saved.is_set():
            saved.clear()
            time.sleep(QUIET)
        preview.rebuild()
