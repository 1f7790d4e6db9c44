"""The built site: the HTML contract, self-containment, and publishing under any path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition.source import load_source
from edition.web import site as publish
from helpers import HOSTILE, ROOT, SOURCE, article_paragraphs, build_site, soup


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_pages_are_at_the_contracted_paths(site: Path) -> None:
    for name in ("article", "glossary", "names", "about"):
        assert (site / name / "index.html").is_file(), name
    assert (site / "index.html").is_file()


def test_each_paragraph_is_a_numbered_p(site: Path) -> None:
    paragraphs = article_paragraphs(page(site, "article"))
    assert [paragraph["id"] for paragraph in paragraphs] == [f"p{number}" for number in range(1, 13)]
    for number, paragraph in enumerate(paragraphs, 1):
        link = paragraph.select_one("a.ed-insert.ed-pnum")
        assert link is not None and link.get_text() == str(number) and link["href"] == f"#p{number}"


def test_each_entry_first_occurrence_has_its_footnote(site: Path) -> None:
    html = soup(page(site, "article"))
    edition = load_source(SOURCE)
    for entry in edition.entries:
        occurrences = html.select(f'[data-term="{entry.id}"]')
        assert occurrences, f"{entry.id} is not annotated"
        first = occurrences[0]
        call = first.find_next_sibling("sup")
        assert call is not None and call.a is not None and call.a["href"] == f"#fn:{entry.id}"
        assert html.find("li", id=f"fn:{entry.id}") is not None
        for later in occurrences[1:]:
            assert later.name == "a" and later["href"] == f"../glossary/#{entry.id}" and later["data-ed-tip"] == entry.short


def test_footnotes_are_numbered_in_reading_order(site: Path) -> None:
    html = soup(page(site, "article"))
    calls = [sup.a.get_text() for sup in html.select("p.ed-paragraph sup[id^='fnref:']") if sup.a]
    assert calls == [str(number) for number in range(1, len(calls) + 1)]
    notes = [item["id"] for item in html.select("div.footnote li")]
    assert notes == [f"fn:{str(sup['id']).removeprefix('fnref:')}" for sup in html.select("p.ed-paragraph sup[id^='fnref:']")]


def test_every_glossary_entry_links_back_to_its_paragraphs(site: Path) -> None:
    html = soup(page(site, "glossary"))
    article = soup(page(site, "article"))
    for entry in load_source(SOURCE).entries:
        section = html.find(id=entry.id)
        assert section is not None and section.name == "section"
        backlinks = [link["href"] for link in section.select("a[href^='../article/#p']")]
        paragraphs = {element.find_parent("p") for element in article.select(f'[data-term="{entry.id}"]')}
        expected = sorted(f"../article/#{paragraph['id']}" for paragraph in paragraphs if paragraph is not None)
        assert sorted(backlinks) == expected, entry.id


def test_names_index_lists_people_places_and_organizations(site: Path) -> None:
    html = soup(page(site, "names"))
    headings = [heading.get_text(strip=True).rstrip("¶") for heading in html.select("article h2")]
    assert headings == ["People", "Places", "Organizations"]
    people = [link.get_text() for link in html.select("article ul")[0].select("a[href^='../glossary/#']")]
    assert "Antony Blinken" in " ".join(people) or "Blinken, Antony" in people


def test_no_page_requests_anything_from_another_host(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        html = soup(html_file.read_text(encoding="utf-8"))
        for element in html.select("script[src], link[href], img[src], iframe[src], source[src]"):
            if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            url = element.get("src") or element.get("href")
            assert not re.match(r"(https?:)?//", str(url)), f"{html_file}: {element}"
        assert "fonts.googleapis" not in str(html) and "fonts.gstatic" not in str(html)


def test_links_are_relative_so_the_site_works_under_a_sub_path(site: Path) -> None:
    # 404.html is served at any depth, so MkDocs roots its links at site_url (README: Publishing).
    for html_file in set(site.rglob("*.html")) - {site / "404.html"}:
        for element in soup(html_file.read_text(encoding="utf-8")).select("[href], [src]"):
            url = str(element.get("href") or element.get("src"))
            assert not url.startswith("/") or url.startswith("//"), f"{html_file}: {url}"


def test_site_has_search_a_colour_toggle_and_a_phone_viewport(site: Path) -> None:
    html = soup(page(site, "article"))
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "pagefind-ui.js").is_file()
    assert list((site / "pagefind" / "index").glob("*.pf_index")), "the search index is written in chunks"
    assert not (site / "search" / "search_index.json").exists(), "no Material search index, sent whole to every reader"
    assert len(html.select("form[data-md-component='palette'] input[name='__palette']")) == 2
    viewport = html.find("meta", attrs={"name": "viewport"})
    assert viewport is not None and "width=device-width" in viewport["content"]


def test_home_page_shows_the_edition_title_card(site: Path) -> None:
    html = soup((site / "index.html").read_text(encoding="utf-8"))
    heading = html.select_one("header.ed-card h1")
    assert heading is not None and heading.get_text() == load_source(SOURCE).metadata.display_title
    assert html.select("h1") == [heading]


def test_hand_written_pages_are_published(site: Path) -> None:
    assert "verbatim" in page(site, "about")


def test_any_source_folder_builds_its_own_edition(hostile_site: Path) -> None:
    html = soup(page(hostile_site, "article"))
    metadata = load_source(HOSTILE).metadata
    assert html.title is not None and html.title.get_text() == f"Article - {metadata.title}"
    topic = html.select_one("header .md-header__topic")
    assert topic is not None and topic.get_text(strip=True) == metadata.title
    assert not metadata.display_title.startswith("[")
    assert [element["data-term"] for element in html.select("p [data-term]")][:2] == ["nato", "nato-vilnius"]
    assert "Blinken" not in html.get_text()


@pytest.mark.site
def test_a_bad_source_fails_the_build_with_the_problem_named(tmp_path: Path) -> None:
    bad = tmp_path / "source"
    bad.mkdir()
    for name in ("article.txt", "edition.yml", "notes.yml"):
        (bad / name).write_bytes((HOSTILE / name).read_bytes())
    (bad / "glossary.yml").write_text("- id: x\n  term: X\n  kind: person\n  shrot: s\n", encoding="utf-8")
    result = build_site(bad, tmp_path / "site")
    assert result.returncode == 1
    assert f"{bad}/glossary.yml:4: unknown key 'shrot' in entry 'x': did you mean 'short'?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["article", "glossary", "names"])
def test_generated_pages_have_one_h1(site: Path, name: str) -> None:
    assert len(soup(page(site, name)).select("h1")) == 1


@pytest.mark.site
def test_site_build_prints_the_summary_of_what_matched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert publish.build_site(HOSTILE, tmp_path / "site", ROOT / "mkdocs.yml", pdf=False) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "2 documents: 9 paragraphs, 175 words",
        "7 of 8 glossary entries matched, 14 occurrences",
        "never found in the text: vilnius",
    ]


@pytest.mark.site
def test_a_failed_mkdocs_step_is_reported_and_leaves_the_site_and_environment_as_they_were(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "mkdocs.yml"
    (tmp_path / "docs").mkdir()
    config.write_text("site_name: Broken\nplugins:\n  - edition\nnav:\n  - Missing: missing.md\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    (site / publish.SITE_MARKER).write_text("", encoding="utf-8")
    before = dict(os.environ)
    assert publish.build_site(HOSTILE, site, config, pdf=False) == 1
    errors = capsys.readouterr().err
    assert "'missing.md' is included in the 'nav' configuration, which is not found" in errors
    assert "build: Aborted with 1 warnings in strict mode!" in errors
    assert "Traceback" not in errors
    assert sorted(path.name for path in site.iterdir()) == [publish.SITE_MARKER, "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert dict(os.environ) == before


@pytest.mark.site
def test_compiled_templates_are_kept_between_builds_and_change_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    sites = [tmp_path / "cold", tmp_path / "warm"]
    for site in sites:
        result = build_site(HOSTILE, site, {"XDG_CACHE_HOME": str(cache)})
        assert result.returncode == 0, result.stderr
    cached = list(cache.glob("news-edition/templates/__jinja2_*.cache"))
    assert len(cached) > 10, "Material's templates and the overrides are cached"
    pages = sorted(path.relative_to(sites[0]) for path in sites[0].rglob("*.html"))
    assert pages == sorted(path.relative_to(sites[1]) for path in sites[1].rglob("*.html"))
    assert [page for page in pages if (sites[0] / page).read_bytes() != (sites[1] / page).read_bytes()] == []


EDITION_VARIABLES = {"PYTHONPATH", "NO_MKDOCS_2_WARNING", "SOURCE_DATE_EPOCH"}
"""What the Makefile, the tests or the site build set for a build; names starting with EDITION are the edition's too."""


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`.venv/bin/mkdocs build --strict -d DIR` run from the project root with none of the edition's environment variables."""
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    environment = {name: value for name, value in os.environ.items() if name not in EDITION_VARIABLES and not name.startswith("EDITION")}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.site
def test_mkdocs_build_alone_builds_the_edition_from_the_project_root(mkdocs_site: Path) -> None:
    article = (mkdocs_site / "article" / "index.html").read_text(encoding="utf-8")
    assert len(article_paragraphs(article)) == len(load_source(SOURCE).document.paragraphs)


@pytest.mark.site
def test_make_site_replaces_a_site_a_plain_mkdocs_build_wrote(mkdocs_site: Path) -> None:
    # Last of the tests on this site: it replaces it.
    assert (mkdocs_site / publish.SITE_MARKER).is_file(), "the plugin marks the site as the edition's"
    (mkdocs_site / "left-by-mkdocs.txt").write_text("", encoding="utf-8")
    result = build_site(SOURCE, mkdocs_site)
    assert result.returncode == 0, result.stderr
    assert not (mkdocs_site / "left-by-mkdocs.txt").exists(), "the folder was replaced whole"
    assert (mkdocs_site / publish.SITE_MARKER).is_file() and (mkdocs_site / "article" / "index.html").is_file()


@pytest.mark.site
def test_the_search_index_is_written_in_full_and_a_theme_without_articles_has_none(tmp_path: Path) -> None:
    from edition.web.search import index_site

    for name, body in (("with", "<article><h1>Kerch</h1><p>The bridge.</p></article>"), ("without", "<div><p>The bridge.</p></div>")):
        (tmp_path / name / "page").mkdir(parents=True)
        (tmp_path / name / "page" / "index.html").write_text(f"<!doctype html><html lang=en><body>{body}</body></html>", encoding="utf-8")
        index_site(tmp_path / name, "en")
    written = sorted((tmp_path / "with" / "pagefind").rglob("*"))
    assert written and all(path.stat().st_size > 0 for path in written if path.is_file()), "no file of the bundle is empty"
    assert not (tmp_path / "without" / "pagefind").exists()
