"""A collection's books: one PDF per document, typeset several at once, and only when its own inputs change.

Each document is typeset as an edition of its own (`pages.pipeline.document_edition`):
its text with footnotes, and as appendices the glossary entries, names, notes, claims,
map and events that are its own. The book is kept in the user's cache under a digest of
that edition and of everything else the typesetter reads (`book.inputs`): editing one
document's notes changes only that document's digest, so only its book is typeset again;
a glossary entry changes the books of the documents that use it.

Typesetting a book takes one core for a second or more, so the books are typeset by a
pool of processes, one per core, each of which imports WeasyPrint once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from edition.book.inputs import environment_digest
from edition.book.name import document_pdf
from edition.cache import MOST_RECENT_KEPT, BuildCache
from edition.model import Basemap, Edition
from edition.pages.pipeline import document_edition, match

_worker_basemap: Basemap | None = None
"""A typesetting process's copy of the collection's base map, handed over once (`_start_worker`) rather than with each book."""


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
        stripped = {slug: dataclasses.replace(views[slug], basemap=None) for slug in todo}
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(edition.basemap,)) as pool:
            list(pool.map(_typeset, [stripped[slug] for slug in todo], [targets[slug] for slug in todo]))
        if books is not None:
            for slug, digest in todo.items():
                books.keep(digest, targets[slug].read_bytes(), forget=False)
            books.forget_old()
    return [targets[slug] for slug in todo]


def _start_worker(basemap: Basemap | None) -> None:
    """In a typesetting process, once: keep the base map, and import the typesetter before the first book."""
    global _worker_basemap
    _worker_basemap = basemap
    import weasyprint  # noqa: F401 (imported once per process, not once per book)


def _typeset(view: Edition, target: Path) -> None:
    """Typeset one document's book in a worker, its base map restored."""
    from edition.book.typeset import typeset

    has_places = any(entry.coords for entry in view.entries)
    typeset(dataclasses.replace(view, basemap=_worker_basemap if has_places else None), target)
