"""A collection: documents at their own addresses, each standing alone, sharing one glossary, timeline, search and map.

The collection is the seed article, the transcript it quotes and the hostile sample side by
side, as an editor would assemble them: `make new --collection`, each source folder's files copied into
`documents/<slug>/`, and the seed's glossary as the shared one.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from edition.errors import SourceError
from edition.pages.pipeline import match
from edition.source import load_source
from helpers import HOSTILE, ROOT, SOURCE, article_paragraphs, edition, soup, source_text

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.site

DOCUMENT_FILES = ("article.txt", "edition.yml", "notes.yml", "claims.yml", "timeline.yml")
SLUGS = {
    "blinken-crimea": SOURCE,
    "hostile-sample": HOSTILE,
    "hostile-transcript": HOSTILE / "documents" / "hostile-transcript",
    "ramstein-transcript": SOURCE / "documents" / "ramstein-transcript",
}


def assemble(folder: Path) -> Path:
    """The seed and the hostile sample as one collection, made as the README tells an editor to."""
    result = edition("new", "--collection", "--source", folder)
    assert result.returncode == 0, result.stderr
    shutil.rmtree(folder / "documents" / "first-document")
    for slug, source in SLUGS.items():
        (folder / "documents" / slug).mkdir()
        for name in DOCUMENT_FILES:
            if (source / name).exists():
                shutil.copy(source / name, folder / "documents" / slug / name)
    shutil.copy(SOURCE / "glossary.yml", folder / "glossary.yml")
    return folder


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble(tmp_path_factory.mktemp("collection") / "source")


def build_afresh(collection: Path, site: Path) -> None:
    """`edition site` in a process of its own, with nothing kept by any build before it (nor a cache folder to keep it in)."""
    result = edition(
        "site", "--no-cache", "--source", collection, "--site", site, "--config", ROOT / "mkdocs.yml",
        environment={"XDG_CACHE_HOME": str(site.parent / f"{site.name}-cache")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def collection_site(collection: Path) -> Path:
    """The collection's site with its PDFs, built once for the module, afresh: the first of the two reproducible builds."""
    site = collection.parent / "site"
    build_afresh(collection, site)
    return site


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def hrefs(html: str, selector: str) -> list[str]:
    """The link addresses of the elements `selector` picks out of a page."""
    return [str(link["href"]) for link in soup(html).select(selector)]


def shared_entry(collection: Path) -> str:
    """An entry that occurs in both documents."""
    matched = match(load_source(collection))
    ids = [{occurrence.entry_id for occurrence in one.occurrences} for one in matched]
    common = sorted(set.intersection(*ids))
    assert common, "the two documents share a glossary term"
    return common[0]


def test_each_document_is_reproduced_verbatim_at_its_own_address(collection_site: Path) -> None:
    for slug, source in SLUGS.items():
        expected = (source / "article.txt").read_text(encoding="utf-8").strip().split("\n\n")
        paragraphs = article_paragraphs(page(collection_site, slug))
        assert [source_text(paragraph) for paragraph in paragraphs] == expected, slug
        assert [paragraph["id"] for paragraph in paragraphs] == [f"p{number}" for number in range(1, len(expected) + 1)]


def test_a_shared_term_is_footnoted_at_its_first_mention_in_each_document(collection: Path, collection_site: Path) -> None:
    entry = shared_entry(collection)
    for slug in SLUGS:
        html = page(collection_site, slug)
        assert html.count(f'id="fnref:{entry}"') == 1, slug
        calls = soup(html).select("sup[id^='fnref:'] a")
        assert calls[0].get_text() == "1", f"{slug}: its footnotes are numbered from 1"


def test_the_shared_glossary_lists_every_document_and_paragraph_an_entry_occurs_in(collection: Path, collection_site: Path) -> None:
    entry = shared_entry(collection)
    links = set(hrefs(page(collection_site, "glossary"), f"section#{entry} a[href]"))
    assert links, f"the glossary has a section for {entry}"
    for slug in SLUGS:
        assert any(re.fullmatch(rf"\.\./{slug}/#p\d+", href) for href in links), f"{entry} links to {slug}'s paragraphs: {links}"


def test_the_home_page_lists_every_document_and_no_page_s_navigation_does(collection_site: Path) -> None:
    listed = set(hrefs(page(collection_site, ""), "article a[href]"))
    assert {f"{slug}/" for slug in SLUGS} <= listed
    for path in ["", *SLUGS, "glossary"]:
        navigation = hrefs(page(collection_site, path), "nav.md-nav--primary a[href]")
        assert not [href for href in navigation if any(slug in href for slug in SLUGS)], path


def test_timeline_events_link_to_the_document_they_concern(collection_site: Path) -> None:
    links = hrefs(page(collection_site, "timeline"), "article a[href]")
    for slug in [slug for slug, source in SLUGS.items() if (source / "timeline.yml").exists()]:
        assert any(href.startswith(f"../{slug}/#p") for href in links), slug


def test_each_document_links_its_own_pdf(collection_site: Path) -> None:
    for slug in SLUGS:
        links = hrefs(page(collection_site, slug), "a[href$='.pdf']")
        assert links, f"{slug} links a PDF"
        assert all((collection_site / slug / link).resolve().is_file() for link in links)
        assert all((collection_site / slug / link).resolve().parent == (collection_site / slug) for link in links)


def test_only_the_document_whose_notes_changed_is_typeset_again(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    environment = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = edition("pdf", "--source", folder, "--out", tmp_path / "books", environment=environment)
    assert "(4 typeset" in first.stdout, first.stdout + first.stderr
    notes = folder / "documents" / "hostile-sample" / "notes.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("text: ", "text: Revised. ", 1), encoding="utf-8")
    second = edition("pdf", "--source", folder, "--out", tmp_path / "books", environment=environment)
    assert "(1 typeset" in second.stdout, second.stdout + second.stderr


def test_a_mistake_in_one_document_is_refused_at_its_line_and_the_site_is_unchanged(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    site = tmp_path / "site"
    assert edition("site", "--no-pdf", "--source", folder, "--site", site, "--config", ROOT / "mkdocs.yml").returncode == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    claims = folder / "documents" / "blinken-crimea" / "claims.yml"
    lines = claims.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines) if line.lstrip().startswith("quote:"))
    lines[number] = re.sub(r"quote: .*", 'quote: "words the article never printed"', lines[number])
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = edition("site", "--no-pdf", "--source", folder, "--site", site, "--config", ROOT / "mkdocs.yml")
    assert result.returncode != 0
    assert f"documents/blinken-crimea/claims.yml:{number + 1}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before


def test_two_builds_in_separate_processes_without_caches_are_byte_identical(
    collection: Path, collection_site: Path, tmp_path: Path
) -> None:
    # The module's site is the first build; this one, in another process and another cache folder, is the second.
    sites = [collection_site, tmp_path / "second"]
    build_afresh(collection, sites[1])
    files = [{path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()} for site in sites]
    assert sorted(files[0]) == sorted(files[1])
    assert [path for path in files[0] if files[0][path] != files[1][path]] == []
    assert any(path.suffix == ".pdf" for path in files[0])


@pytest.fixture
def serve(collection_site: Path) -> Iterator[str]:
    from edition.web.serve import serving

    with serving(collection_site) as url:
        yield url


@pytest.mark.browser
def test_search_finds_a_shared_term_in_every_document(browser: Browser, serve: str, collection: Path) -> None:
    from playwright.sync_api import expect

    term = next(entry.term for entry in load_source(collection).entries if entry.id == shared_entry(collection))
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(serve + "search/?q=" + term)
        results = tab.locator(".pagefind-ui__result-link")
        expect(results.first).to_be_visible()
        more = tab.locator(".pagefind-ui__button")  # "Load more results": the first five are shown at first
        for _ in range(len(SLUGS)):
            if not more.is_visible():
                break
            more.click()
        found = results.evaluate_all("links => links.map((link) => link.getAttribute('href'))")
        for slug in SLUGS:
            assert any(href.startswith(f"/{slug}/") for href in found), (slug, found)
    finally:
        context.close()


# The loader: what a collection's folder must hold, and what it tells an editor when it does not.


def problems_of(folder: Path) -> str:
    with pytest.raises(SourceError) as raised:
        load_source(folder)
    return "\n".join(str(problem) for problem in raised.value.problems)


@pytest.mark.unit
def test_a_document_folder_named_after_a_page_of_the_edition_is_refused(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    (folder / "documents" / "hostile-sample").rename(folder / "documents" / "glossary")
    assert "documents/glossary" in problems_of(folder)


@pytest.mark.unit
def test_a_document_folder_whose_name_is_not_a_slug_is_refused_with_the_rule(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    (folder / "documents" / "hostile-sample").rename(folder / "documents" / "Hostile Sample")
    assert "a slug of a–z, 0–9 and single hyphens" in problems_of(folder)


@pytest.mark.unit
def test_a_collection_without_a_documents_folder_is_refused(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    shutil.rmtree(folder / "documents")
    assert "documents: folder not found" in problems_of(folder)


@pytest.mark.unit
def test_a_shared_event_naming_an_unknown_document_is_refused_at_its_line(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    (folder / "timeline.yml").write_text(
        '- date: "2023-02-01"\n  label: An event.\n  document: no-such-document\n  paragraph: 1\n  sources:\n    - title: "A source"\n',
        encoding="utf-8",
    )
    found = problems_of(folder)
    assert "timeline.yml:3:" in found and "no-such-document" in found


@pytest.mark.unit
def test_a_document_without_editors_or_license_takes_the_collection_s(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    metadata = folder / "documents" / "hostile-sample" / "edition.yml"
    text = metadata.read_text(encoding="utf-8")
    text = re.sub(r"^editors:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    metadata.write_text(re.sub(r"^license: .*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    loaded = load_source(folder)
    hostile = next(document for document in loaded.documents if document.slug == "hostile-sample")
    crimea = next(document for document in loaded.documents if document.slug == "blinken-crimea")
    assert hostile.metadata.editors == loaded.metadata.editors == ("The edition's editors",)
    assert hostile.metadata.license == loaded.metadata.license != crimea.metadata.license


def test_a_glossary_left_in_a_document_folder_is_a_warning_that_names_it(collection: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(collection, tmp_path / "source")
    shutil.copy(HOSTILE / "glossary.yml", folder / "documents" / "hostile-sample" / "glossary.yml")
    result = edition("check", "--source", folder)
    assert result.returncode != 0
    assert "documents/hostile-sample/glossary.yml: warning: is not read" in result.stderr
    assert "move its entries into the glossary.yml at the top of the source folder" in result.stderr
