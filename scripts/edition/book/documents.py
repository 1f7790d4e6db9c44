"""A collection's books: one PDF per document, typeset several at once, and only when its own inputs change.

Each document is typeset as an edition of its own (`pages.pipeline.document_edition`):
its text with footnotes, and as appendices the glossary entries, names, notes, claims,
map and events that are its own. The book is kept in the user's cache under a digest of
that edition and of everything else the typesetter reads (`book.inputs`): editing one
document's notes changes only that document's digest, so only its book is typeset again;
a glossary entry changes the books of the documents that use it.

Typesetting a book takes one core for a second or more, so the books are typeset by a
pool of processes, one per core, each of which imports WeasyPrint once. The workers die
with the process that started them (`book.child.die_with_parent`), so a build that is
killed leaves no typesetter behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from edition.book.child import die_with_parent
from edition.book.inputs import environment_digest
from edition.book.name import document_pdf
from edition.book.typeset import typeset
from edition.cache import MOST_RECENT_KEPT, BuildCache
from edition.model import Edition
from edition.pages.pipeline import document_edition, match


def book_digest_of(view: Edition, environment: str, basemap: str) -> str:
    """The digest of one document's book: its edition (the base map by its own digest) and the typesetter's environment."""
    digest = hashlib.sha256(environment.encode())
    digest.update(repr(dataclasses.replace(view, basemap=None)).encode("utf-8", "surrogatepass"))
    digest.update((basemap if view.basemap is not None else "no map").encode())
    return digest.hexdigest()


def write_document_books(edition: Edition, out: Path, *, cache: bool = True, jobs: int | None = None) -> list[Path]:
    """Write every document's book as `out/<slug>/<name>.pdf` (`book.name.document_pdf`); return the files typeset afresh."""
    matched = {one.document.slug: one for one in match(edition)}
    views = {slug: document_edition(edition, one, matched) for slug, one in matched.items()}
    environment = environment_digest()
    basemap = hashlib.sha256(repr(edition.basemap).encode()).hexdigest() if edition.basemap is not None else ""
    books = BuildCache.in_user_cache("document-books", ".pdf", len(views) + MOST_RECENT_KEPT) if cache else None
    targets = {document.slug: out / document_pdf(document) for document in edition.documents}
    todo: dict[str, str] = {}
    for slug, target in targets.items():
        digest = book_digest_of(views[slug], environment, basemap)
        kept = books.fetch(digest) if books is not None else None
        if kept is None:
            todo[slug] = digest
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(kept)
    if todo:
        workers = min(len(todo), jobs or os.cpu_count() or 1)
        # Each book travels whole, its base map with it only when it has places
        # (`document_edition`): about 20 ms of pickling on a book that takes a second or more,
        # and no state kept in the workers between books.
        with ProcessPoolExecutor(workers, mp_context=_own_children(), initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            list(pool.map(typeset, [views[slug] for slug in todo], [targets[slug] for slug in todo]))
        if books is not None:
            for slug, digest in todo.items():
                books.keep(digest, targets[slug].read_bytes(), forget=False)
            books.forget_old()
    return [targets[slug] for slug in todo]


def _own_children() -> multiprocessing.context.BaseContext | None:
    """The way to start the workers: on Linux as this process's own children, elsewhere Python's default."""
    # PR_SET_PDEATHSIG ties a worker to its parent process: "fork" makes that parent this
    # process, where "forkserver" (Python 3.14's default on Linux) would make it the server.
    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def _start_worker(parent: int) -> None:
    """In a typesetting process, once: die with the process that started it, and import the typesetter before the first book."""
    die_with_parent(parent)
    import weasyprint  # noqa: F401 (imported once per process, not once per book)
