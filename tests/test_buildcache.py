"""Outputs kept between builds: the private cache, the digest of a book's inputs, and `make site` reusing a kept PDF."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.book import inputs as bookinputs
from edition.book.inputs import book_digest, installed_packages
from edition.book.name import pdf_name
from edition.cache import MOST_RECENT_KEPT, BuildCache, cache_folder
from edition.source import load_source, read_source
from edition.web import site as publish
from helpers import HOSTILE, ROOT


@pytest.fixture
def cache(tmp_path: Path) -> BuildCache:
    return BuildCache(tmp_path / "kept", ".out")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the small hostile sample, free to edit."""
    return Path(shutil.copytree(HOSTILE, tmp_path / "source"))


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's cache folder, in the test's own folder (platformdirs follows XDG_CACHE_HOME)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path / "xdg-cache" / "news-edition"


def test_a_kept_output_is_fetched_by_its_digest_and_no_other(cache: BuildCache) -> None:
    cache.keep("abc", b"output")
    assert cache.fetch("abc") == b"output"
    assert cache.fetch("abd") is None


def test_a_kept_output_is_named_by_its_inputs_and_its_own_hash(cache: BuildCache) -> None:
    cache.keep("abc", b"output")
    assert [path.name for path in cache.folder.iterdir()] == [f"abc.{hashlib.sha256(b'output').hexdigest()}.out"]


def test_a_kept_output_whose_bytes_no_longer_match_its_hash_is_deleted_not_used(cache: BuildCache) -> None:
    cache.keep("abc", b"output")
    [kept] = cache.folder.iterdir()
    kept.write_bytes(b"%PDF planted by someone else")
    assert cache.fetch("abc") is None
    assert not kept.exists()


def test_only_the_most_recently_used_outputs_are_kept(cache: BuildCache) -> None:
    for number in range(MOST_RECENT_KEPT):
        cache.keep(f"d{number}", b"x")
        # Distinct times, oldest first, whatever the file system's clock resolution.
        [kept] = cache.folder.glob(f"d{number}.*.out")
        os.utime(kept, ns=(number * 10**9, number * 10**9))
    assert cache.fetch("d0") == b"x", "fetching marks d0 as just used"
    cache.keep("new", b"x")
    kept_digests = sorted(path.name.split(".")[0] for path in cache.folder.glob("*.out"))
    assert len(kept_digests) == MOST_RECENT_KEPT
    assert "d1" not in kept_digests and {"d0", "new"} <= set(kept_digests)


def test_a_folder_that_cannot_hold_the_cache_keeps_nothing_and_fails_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    cache = BuildCache(blocker / "kept", ".out")
    cache.keep("abc", b"output")
    assert cache.fetch("abc") is None


def test_the_cache_is_a_private_folder_in_the_user_s_cache(user_cache: Path) -> None:
    assert cache_folder() == user_cache
    assert user_cache.stat().st_mode & 0o777 == 0o700


def test_a_cache_folder_others_can_write_to_is_not_used(user_cache: Path) -> None:
    user_cache.mkdir(parents=True)
    user_cache.chmod(0o777)
    assert cache_folder() is None
    assert BuildCache.in_user_cache("books", ".pdf") is None


def test_a_cache_folder_owned_by_another_user_is_not_used(user_cache: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    user_cache.mkdir(parents=True, mode=0o700)
    os.chown(user_cache, 12345, 12345)
    assert cache_folder() is None


def test_any_edit_to_the_source_folder_changes_the_book_digest(source: Path) -> None:
    before = book_digest(read_source(source))
    glossary = source / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# an editor's note\n", encoding="utf-8")
    assert book_digest(read_source(source)) != before


def test_a_stray_file_in_the_source_folder_is_not_read_for_the_digest(source: Path) -> None:
    before = book_digest(read_source(source))
    with (source / "stray.iso").open("wb") as stray:
        stray.truncate(2 * 1024**3)  # a sparse 2 GiB file: reading it would take 2 GiB of memory
    assert book_digest(read_source(source)) == before


def test_a_change_to_the_code_or_its_templates_changes_the_book_digest(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(shutil.copytree(bookinputs.PACKAGE, tmp_path / "edition", ignore=shutil.ignore_patterns("__pycache__")))
    monkeypatch.setattr(bookinputs, "PACKAGE", package)
    files = read_source(source)
    before = book_digest(files)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "module.pyc").write_bytes(b"compiled")
    assert book_digest(files) == before, "compiled modules are not inputs"
    css = package / "book" / "templates" / "book.css"
    css.write_text(css.read_text(encoding="utf-8") + "p { hyphens: none; }\n", encoding="utf-8")
    assert book_digest(files) != before


def test_a_font_added_or_replaced_changes_the_book_digest(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    monkeypatch.setattr(bookinputs, "font_places", lambda: [fonts, tmp_path / "missing"])
    files = read_source(source)
    empty = book_digest(files)
    font = fonts / "Serif.ttf"
    font.write_bytes(b"glyphs")
    added = book_digest(files)
    os.utime(font, ns=(10**9, 10**9))
    assert len({empty, added, book_digest(files)}) == 3


def test_the_installed_packages_are_named_with_their_versions() -> None:
    packages = installed_packages()
    assert any(name.lower().startswith("weasyprint-") and name[len("weasyprint-") :][0].isdigit() for name in packages)
    assert packages == sorted(set(packages))


def _fake_typesetter(content: bytes) -> Callable[..., subprocess.Popen[bytes]]:
    """A `start_typesetter` that writes `content` as the book, quickly, in a child process as the real one does."""

    def start(source: Path, book: Path, *, cache: bool = True) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-c", f"open({str(book)!r}, 'wb').write({content!r})"])

    return start


def _no_typesetter(source: Path, book: Path, *, cache: bool = True) -> subprocess.Popen[bytes]:
    raise AssertionError("the book was typeset again though a kept one has the same inputs")


@pytest.fixture
def books(user_cache: Path, monkeypatch: pytest.MonkeyPatch, source: Path) -> BuildCache:
    """The build's book cache, in the test's own folder."""
    cache = BuildCache.in_user_cache("books", ".pdf")
    assert cache is not None
    return cache


@pytest.mark.site
def test_a_site_build_with_the_same_book_inputs_copies_the_kept_pdf(
    books: BuildCache, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books.keep(book_digest(read_source(source)), b"%PDF-kept")
    monkeypatch.setattr(publish, "start_typesetter", _no_typesetter)
    site = tmp_path / "site"
    assert publish.build_site(source, site, ROOT / "mkdocs.yml") == 0
    assert (site / pdf_name(load_source(source))).read_bytes() == b"%PDF-kept"


@pytest.mark.site
def test_a_site_build_after_an_edit_typesets_the_book_and_keeps_it(
    books: BuildCache, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books.keep(book_digest(read_source(source)), b"%PDF-before")
    notes = source / "notes.yml"
    notes.write_text(notes.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    monkeypatch.setattr(publish, "start_typesetter", _fake_typesetter(b"%PDF-after"))
    site = tmp_path / "site"
    assert publish.build_site(source, site, ROOT / "mkdocs.yml") == 0
    assert (site / pdf_name(load_source(source))).read_bytes() == b"%PDF-after"
    assert books.fetch(book_digest(read_source(source))) == b"%PDF-after"


def test_a_book_whose_source_changed_while_it_was_typeset_is_not_kept(books: BuildCache, source: Path, tmp_path: Path) -> None:
    digest = book_digest(read_source(source))
    book = tmp_path / "book.pdf"
    book.write_bytes(b"%PDF-either-version")
    (source / "notes.yml").write_text((source / "notes.yml").read_text(encoding="utf-8") + "# saved meanwhile\n", encoding="utf-8")
    publish.keep_book(books, source, digest, book)
    assert books.fetch(digest) is None
    assert not list(books.folder.glob("*.pdf"))


@pytest.mark.site
def test_a_book_planted_in_the_shared_temp_folder_is_never_published(
    books: BuildCache, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-tmp"
    monkeypatch.setenv("TMPDIR", str(shared))
    monkeypatch.setattr(tempfile, "tempdir", None)
    planted = shared / "edition-books" / f"{book_digest(read_source(source))}.pdf"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"%PDF-planted by another user")
    monkeypatch.setattr(publish, "start_typesetter", _fake_typesetter(b"%PDF-typeset"))
    site = tmp_path / "site"
    assert publish.build_site(source, site, ROOT / "mkdocs.yml") == 0
    assert (site / pdf_name(load_source(source))).read_bytes() == b"%PDF-typeset"
