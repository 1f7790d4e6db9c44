"""The editors' workflow: the seven problems a new editor met, each reproduced and shown gone (issue 21).

1. a dead form is named, with the near match; 2. every problem comes in one pass;
3. at the line of the key that is wrong; 4. a hint names the difference (spacing, a dash,
capitals, quotation marks); 5. a second edition carries nothing of the first; 6. the map
works for places anywhere, and `make check` names a place it cannot show; 7. the glossary's
order, the PDF's name, the source note once. Last, the untouched scaffold checks clean and builds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from edition.book.name import pdf_name
from edition.cli import check_source, main
from edition.pages.pipeline import build_pages
from edition.source import load_source
from helpers import HOSTILE, SOURCE, edition, soup


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def messages(folder: Path) -> list[str]:
    """What `make check` prints for the folder: every problem, errors and warnings, file:line first."""
    return [str(problem) for problem in check_source(folder)]


@pytest.mark.site
def test_1_a_form_with_a_straight_apostrophe_is_named_with_the_text_s_curly_one(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    append(folder / "article.txt", "\nPresident Putin’s plan was discussed.\n")
    append(
        folder / "glossary.yml",
        '- id: putin\n  term: Vladimir Putin\n  kind: person\n  forms: [President Putin, "President Putin\'s"]\n'
        "  short: President of Russia.\n  definition: President of Russia.\n  sources: [{title: s}]\n",
    )
    expected = (
        f"{folder}/glossary.yml:63: warning: form 'President Putin's' of entry 'putin' never occurs in the text: the text has "
        "“President Putin’s” in ¶7, which differs in quotation marks or apostrophes (straight ' \" against curly ’ “ ”); copy it exactly"
    )
    assert expected in messages(folder)
    # `make site` says it too, and builds: a warning does not stop the edition.
    site = folder.parent / "site"
    assert main(["site", "--source", str(folder), "--site", str(site), "--no-pdf"]) == 0
    assert expected in capsys.readouterr().err


def test_2_cross_file_problems_come_in_the_same_pass_as_every_other(folder: Path) -> None:
    (folder / "claims.yml").write_text(
        "- id: c1\n  who: W\n  entry: nobody\n  what: x\n  channel: y\n  form: quoted\n  quote: Zelensky said\n", encoding="utf-8"
    )
    (folder / "notes.yml").write_text("- id: n1\n  type: context\n  quote: [unclosed\n", encoding="utf-8")
    append(folder / "glossary.yml", "- id: kyiv\n  term: Kyiv\n  kind: place\n  short: s\n  definition: d\n  sources: [{title: t}]\n")
    found = messages(folder)
    assert f"{folder}/claims.yml:3: claim 'c1' names entry 'nobody', which is not in the glossary; use an entry id or drop 'entry'" in found
    assert any(message.startswith(f"{folder}/notes.yml:4: not valid YAML") for message in found)
    assert (
        f"{folder}/glossary.yml:61: warning: form 'Kyiv' of entry 'kyiv' never occurs in the text; "
        "list the words exactly as the text has them, or remove the form" in found
    )


def test_3_a_problem_is_at_the_line_of_the_key_that_is_wrong(folder: Path) -> None:
    glossary = folder / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("  kind: organization", "  kind: organisation", 1), encoding="utf-8")
    assert f"{folder}/glossary.yml:3: kind 'organisation' of entry 'nato' is not one of: term, person, place, organization" in messages(
        folder
    )
    (folder / "notes.yml").write_text(
        "- id: n1\n  type: context\n  quote: not in the text\n  text: t\n  sources:\n    - title: ''\n", encoding="utf-8"
    )
    found = messages(folder)
    assert (
        f"{folder}/notes.yml:3: quote of note 'n1' is not in the article; "
        "copy the words exactly, quotes, apostrophes, dashes and spaces included" in found
    )
    assert f"{folder}/notes.yml:6: 'title' of a source of note 'n1' is empty; write it, or remove the key if it is optional" in found


def test_4_a_quote_copied_with_the_page_s_single_spaces_is_told_the_text_has_two(folder: Path) -> None:
    append(folder / "article.txt", "\nThe talks  went on.\n")
    (folder / "notes.yml").write_text(
        "- id: n1\n  type: context\n  quote: The talks went on.\n  text: t\n  sources: [{title: s}]\n", encoding="utf-8"
    )
    assert (
        f"{folder}/notes.yml:3: quote of note 'n1' is not in the article; the text has “The talks  went on.” in ¶7, "
        "which differs in spacing (a double space or a line break against one space); copy it exactly" in messages(folder)
    )


def with_entry(folder: Path, form: str) -> None:
    """Add a glossary entry whose one form is `form`, its `forms` at line 63 of the hostile sample's glossary."""
    append(
        folder / "glossary.yml",
        f"- id: probe\n  term: Probe\n  kind: term\n  forms: [{form}]\n  short: s\n  definition: d\n  sources: [{{title: t}}]\n",
    )


def with_note(folder: Path, quote: str) -> None:
    """Replace the notes with one note quoting `quote`, its `quote` at line 3."""
    (folder / "notes.yml").write_text(
        f"- id: n1\n  type: context\n  quote: {quote}\n  text: t\n  sources: [{{title: s}}]\n", encoding="utf-8"
    )


DASH = "a hyphen against a dash (- against – or —)"
CASE = "capital and small letters"


@pytest.mark.parametrize(
    ("sentence", "form", "found", "difference"),
    [
        ("The pro–Russian forces advanced.", "pro-Russian", "pro–Russian", DASH),
        ("The Foreign Minister spoke.", "foreign minister", "Foreign Minister", CASE),
    ],
    ids=["a hyphen for a dash", "other capitals"],
)
def test_4_a_form_that_differs_from_the_text_is_told_the_text_s_own(
    folder: Path, sentence: str, form: str, found: str, difference: str
) -> None:
    append(folder / "article.txt", f"\n{sentence}\n")
    with_entry(folder, form)
    assert (
        f"{folder}/glossary.yml:63: warning: form '{form}' of entry 'probe' never occurs in the text: "
        f"the text has “{found}” in ¶7, which differs in {difference}; copy it exactly" in messages(folder)
    )


@pytest.mark.parametrize(
    ("sentence", "quote", "difference"),
    [("The talks went on – for now.", "The talks went on - for now.", DASH), ("The talks went on.", "the talks went on.", CASE)],
    ids=["a hyphen for a dash", "other capitals"],
)
def test_4_a_quote_that_differs_from_the_text_is_told_the_text_s_own(folder: Path, sentence: str, quote: str, difference: str) -> None:
    append(folder / "article.txt", f"\n{sentence}\n")
    with_note(folder, quote)
    assert (
        f"{folder}/notes.yml:3: quote of note 'n1' is not in the article; the text has “{sentence}” in ¶7, "
        f"which differs in {difference}; copy it exactly" in messages(folder)
    )


def test_4_words_in_the_text_s_own_quotation_marks_are_quoted_without_more_marks(folder: Path) -> None:
    append(folder / "article.txt", "\nThe minister said: “The talks went on.”\n")
    with_note(folder, "'\"The talks went on.\"'")
    assert (
        f"{folder}/notes.yml:3: quote of note 'n1' is not in the article; the text has “The talks went on.” in ¶7, "
        "which differs in quotation marks or apostrophes (straight ' \" against curly ’ “ ”); copy it exactly" in messages(folder)
    )


SEED_WORDS = ("Blinken", "single news report", "Crimea is drawn", "Performance")
"""What only the Crimea edition's own pages say; the hostile sample names Crimea in its text, so that word is not one."""


def test_5_a_second_edition_s_home_about_and_navigation_carry_nothing_of_the_first(hostile_site: Path) -> None:
    for page in ("index.html", "about/index.html"):
        html = soup((hostile_site / page).read_text(encoding="utf-8"))
        text = html.get_text(" ")
        assert not [word for word in SEED_WORDS if word in text], page
        navigation = [link.get_text(" ", strip=True) for link in html.select("nav.md-nav--primary a.md-nav__link")]
        assert "Performance" not in navigation and "About" in navigation
        # A map only of the sample's own places, when it has any: never the Crimea edition's.
        assert ("Map" in navigation) == any(entry.coords for entry in load_source(HOSTILE).entries), page
    about = (hostile_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "About this edition" in about and "Who said what" in about
    assert not (hostile_site / "performance").exists()
    map_page = hostile_site / "map" / "index.html"
    assert not map_page.exists() or "Sevastopol" not in map_page.read_text(encoding="utf-8")


def test_5_the_editors_own_pages_come_from_the_source_folder(folder: Path, tmp_path: Path) -> None:
    (folder / "index.md").write_text("## Reading this sample\n\nSee the [glossary](glossary.md).\n", encoding="utf-8")
    (folder / "about.md").write_text("# About the sample\n\nWritten by the test.\n", encoding="utf-8")
    pages = {page.path: page.text for page in build_pages(load_source(folder))[0]}
    assert "## Reading this sample" in pages["index.md"] and "How to read this edition" not in pages["index.md"]
    assert '\ntitle: "About the sample"' in pages["about.md"] and "# About the sample\n\nWritten by the test." in pages["about.md"]


def test_5_an_editors_page_may_not_link_outside_the_edition_or_hold_markup(folder: Path) -> None:
    (folder / "index.md").write_text("See [this](secret.md).\n\n<script>alert(1)</script>\n\n!!! note\n    x\n", encoding="utf-8")
    found = [message for message in messages(folder) if "index.md" in message]
    assert (
        f"{folder}/index.md: the page links to 'secret.md', which is not a page of the edition; use one of about.md, "
        "article.md, claims.md, glossary.md, hostile-transcript/index.md, index.md, map.md, names.md, notes.md, timeline.md" in found
    )
    assert any("uses <div>" in message for message in found)
    assert not any("<script>" in message for message in found), "raw HTML is shown as text, not refused"


def with_places(folder: Path, places: dict[str, tuple[str, float, float]]) -> None:
    """Add glossary places with coordinates, each named in the article."""
    lines = [f"\n{' and '.join(name for name, _, _ in places.values())} were named.\n"]
    append(folder / "article.txt", lines[0])
    for entry, (name, lat, lon) in places.items():
        append(
            folder / "glossary.yml",
            f"- id: {entry}\n  term: {name}\n  kind: place\n  short: s\n  definition: d\n"
            f"  sources: [{{title: t}}]\n  coords: [{lat}, {lon}]\n",
        )


def test_6_places_outside_ukraine_get_a_map_without_copying_data_and_a_far_one_is_a_warning(folder: Path) -> None:
    with_places(folder, {"tomsk": ("Tomsk", 56.5, 84.97), "novosibirsk": ("Novosibirsk", 55.03, 82.92), "lima": ("Lima", -12.05, -77.04)})
    assert not (folder / "map").exists()
    pages, summary = build_pages(load_source(folder))
    map_page = next(page.text for page in pages if page.path == "map.md")
    assert 'href="../glossary/#tomsk"' in map_page and 'href="../glossary/#novosibirsk"' in map_page
    assert "#lima" not in map_page.split("## Places on the map")[0], "the far place is not drawn"
    assert "Lima](glossary.md#lima): 12.05° S, 77.04° W (outside the area the map shows)" in map_page
    warnings = [str(problem) for problem in summary.warnings]
    assert (
        f"{folder}/glossary.yml:80: warning: place 'lima' at 12.05° S, 77.04° W is more than 5,000 km from the other places, "
        "too far for one locator map; the map leaves it out and lists it below the map"
    ) in warnings
    assert "RUSSIA" in map_page and 'class="ed-map-focus" data-name="Russia"' in map_page


FAR = (
    "glossary.yml:80: warning: place 'lima' at 12.05° S, 77.04° W is more than 5,000 km from the other places, "
    "too far for one locator map; the map leaves it out and lists it below the map"
)


def test_6_check_names_a_place_too_far_for_the_map_at_its_line_as_the_build_does(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_places(folder, {"tomsk": ("Tomsk", 56.5, 84.97), "novosibirsk": ("Novosibirsk", 55.03, 82.92), "lima": ("Lima", -12.05, -77.04)})
    assert main(["check", "--source", str(folder)]) == 1
    printed = capsys.readouterr()
    assert f"{folder}/{FAR}" in printed.err.splitlines()
    assert printed.err.splitlines()[-1].startswith("0 errors and "), "a warning does not stop the edition"
    # A source with an error elsewhere is not built, and still gets the map's warnings in the same pass.
    (folder / "notes.yml").write_text("- id: n1\n  type: context\n  quote: [unclosed\n", encoding="utf-8")
    assert f"{folder}/{FAR}" in messages(folder)


def test_6_check_names_a_place_at_a_pole_at_its_line(folder: Path) -> None:
    with_places(folder, {"kyiv": ("Kyiv", 50.45, 30.52), "pole": ("Alert", 82.5, -62.35)})
    assert (
        f"{folder}/glossary.yml:73: warning: place 'pole' at 82.50° N, 62.35° W is nearer a pole than 80°, "
        "which a locator map cannot draw; the map leaves it out and lists it below the map" in messages(folder)
    )


REGION = {
    "bbox": [14, 37, 58, 60],
    "features": [
        {
            "id": "UKR",
            "properties": {"name": "Ukraine", "role": "country"},
            "geometry": {"coordinates": [[[[22, 45], [40, 45], [40, 52], [22, 52], [22, 45]]]]},
        }
    ],
}
"""Base data of a source's own, `map/region.json`, that covers Europe only."""


def test_6_check_names_a_place_outside_the_source_s_own_base_data_at_its_line(folder: Path) -> None:
    (folder / "map").mkdir()
    (folder / "map" / "region.json").write_text(json.dumps(REGION), encoding="utf-8")
    with_places(folder, {"kyiv": ("Kyiv", 50.45, 30.52), "novosibirsk": ("Novosibirsk", 55.03, 82.92)})
    outside = (
        f"{folder}/glossary.yml:73: warning: place 'novosibirsk' at 55.03° N, 82.92° E is outside the map's base data "
        "(14° to 58° E, 37° to 60° N); the map leaves it out and lists it below the map"
    )
    assert outside in messages(folder)
    assert outside in [str(warning) for warning in build_pages(load_source(folder))[1].warnings], "the build says the same"
    (folder / "claims.yml").write_text("- id: c1\n", encoding="utf-8")
    assert outside in messages(folder), "and so does a check of a source that cannot be built"


def test_7_the_glossary_lists_entries_in_the_order_of_their_headings() -> None:
    glossary = next(page.text for page in build_pages(load_source(SOURCE))[0] if page.path == "glossary.md")
    headings = re.findall(r"^## (.+?) \{ #", glossary, re.MULTILINE)
    assert headings == sorted(headings, key=str.casefold)
    assert "Antony Blinken" in headings, "persons under their given name, as the heading shows them"


def test_7_the_pdf_is_named_after_the_whole_title(folder: Path) -> None:
    edition = folder / "edition.yml"
    text = edition.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    edition.write_text(text.replace(title, 'title: "Secretary Antony J. Blinken at a Press Availability"'), encoding="utf-8")
    assert pdf_name(load_source(folder)) == "secretary-antony-j-blinken-at-a-press-availability.pdf"


SOURCE_NOTE_PAGES = ("index.html", "about/index.html", "article/index.html")
"""Where the source note stands: the home page's title card, the about page's facts, the article's source line."""


@pytest.mark.site
@pytest.mark.slow
def test_7_the_source_note_is_printed_once_on_each_page_and_in_the_pdf(site: Path, tmp_path: Path) -> None:
    note = load_source(SOURCE).metadata.original.note
    assert note
    start = " ".join(note.split())[:60]
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert set(SOURCE_NOTE_PAGES) <= set(pages)
    for page in pages:
        shown = soup((site / page).read_text(encoding="utf-8")).select_one("article")
        count = " ".join(shown.get_text(" ").split()).count(start) if shown is not None else 0
        assert count == (1 if page in SOURCE_NOTE_PAGES else 0), page
    assert main(["pdf", "--source", str(SOURCE), "--out", str(tmp_path / "book.pdf")]) == 0
    book = PdfReader(tmp_path / "book.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in book.pages)
    assert text.count(start[:40]) == 1


@pytest.mark.site
@pytest.mark.parametrize("kind", [(), ("--collection",)], ids=["single article", "collection"])
def test_the_untouched_scaffold_checks_clean_and_builds(tmp_path: Path, kind: tuple[str, ...]) -> None:
    folder, site = tmp_path / "source", tmp_path / "site"
    assert edition("new", *kind, "--source", folder).returncode == 0
    checked = edition("check", "--source", folder)
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "source is valid: no problems found\n", "")
    built = edition("site", "--source", folder, "--site", site, "--no-pdf")
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines()[-1] == f"site written to {site}/"
    assert (site / "index.html").is_file()
