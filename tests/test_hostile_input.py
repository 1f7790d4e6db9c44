"""Hostile input and careless commands: refused with file:line and a fix, never a crash, never script.

Each case here was found by an adversarial probe of the edition (issue 18): what a
careless user or a careful attacker might put into a source folder. Every one must be a
problem that `make check` reports and `make site` refuses with the same words, with no
traceback; or, where the text is acceptable, it must reach the page as text.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from edition.cli import main
from edition.pages.pipeline import build_pages
from edition.source import load_source
from edition.source.basemap import MAX_BASEMAP_BYTES, WORLD_BASEMAP
from edition.source.files import MIB, YAML_LIMIT
from edition.source.yamlfile import MAX_DEPTH
from edition.web.site import source_date_epoch
from helpers import HOSTILE, ROOT, SOURCE, edition, problems


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def replace(folder: Path, name: str, old: str, new: str) -> None:
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    write(folder, name, text.replace(old, new, 1))


def check_and_build(folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[int, str, int, str]:
    """`edition check` and `edition site` on the folder, in this process: their exit codes and what they printed."""
    checked = main(["check", "--source", str(folder)])
    check_output = capsys.readouterr().err
    built = main(["site", "--source", str(folder), "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml"), "--no-pdf"])
    build_output = capsys.readouterr().err
    return checked, check_output, built, build_output


# Inputs that used to crash the build: each is now a problem, named alike by check and build ----


CRASHES = {
    "impossible unquoted date": (
        "edition.yml",
        'date: "2024-01-03"',
        "date: 2023-02-30",
        "edition.yml:15: 'date' of the edition is '2023-02-30'",
    ),
    "impossible quoted date": (
        "edition.yml",
        'date: "2024-01-03"',
        'date: "2023-02-30"',
        "edition.yml:15: 'date' of the edition is '2023-02-30'",
    ),
    "words for a date": (
        "edition.yml",
        'date: "2024-01-03"',
        'date: "next spring"',
        "edition.yml:15: 'date' of the edition is 'next spring'",
    ),
    "no editors": (
        "edition.yml",
        "editors:\n  - Test editors <script>alert('editor')</script>\n",
        "editors: []\n",
        "edition.yml:11: 'editors' is empty; name at least one editor",
    ),
    "a lone surrogate in a short": (
        "glossary.yml",
        "  short: Capital of Lithuania.",
        '  short: "Capital \\ud800 of Lithuania."',
        "glossary.yml:55: U+D800 is half of a UTF-16 pair, not a character",
    ),
    "a place term over two lines": (
        "glossary.yml",
        "  term: Vilnius\n",
        '  term: "Vil\\nnius"\n',
        "glossary.yml:53: 'term' of entry 'vilnius' should be one line; join its lines",
    ),
}


@pytest.mark.parametrize("case", sorted(CRASHES))
def test_what_crashed_the_build_is_a_problem_check_and_build_report_alike(
    case: str, folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name, old, new, expected = CRASHES[case]
    replace(folder, name, old, new)
    checked, check_output, built, build_output = check_and_build(folder, capsys, tmp_path)
    assert checked == 1 and built == 1
    assert f"{folder}/{expected}" in check_output
    assert f"{folder}/{expected}" in build_output
    assert "Traceback" not in check_output + build_output
    assert not (tmp_path / "site").exists()


@pytest.mark.site
@pytest.mark.parametrize(("date", "epoch"), [("2023-02", 1675209600), ("2023", 1672531200)])
def test_a_date_of_a_month_or_a_year_is_valid_and_builds(
    date: str, epoch: int, folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    replace(folder, "edition.yml", 'date: "2024-01-03"', f'date: "{date}"')
    _, check_output, built, build_output = check_and_build(folder, capsys, tmp_path)
    assert built == 0, build_output
    assert "0 errors" in check_output and "edition.yml" not in check_output + build_output
    assert "Traceback" not in check_output + build_output
    assert source_date_epoch(date) == str(epoch)


def test_an_empty_edition_file_is_a_problem_not_a_valid_source(folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(folder, "edition.yml", "")
    checked, check_output, built, _ = check_and_build(folder, capsys, tmp_path)
    assert checked == 1 and built == 1
    assert f"{folder}/edition.yml: is empty; it needs at least title, language, source, editors and license" in check_output
    assert "0 problems" not in check_output


@pytest.mark.site
def test_a_place_at_the_south_pole_is_listed_not_drawn(tmp_path: Path) -> None:
    source = Path(shutil.copytree(SOURCE, tmp_path / "source"))
    replace(source, "glossary.yml", "coords: [44.6, 33.53]", "coords: [-90, 33.53]")
    result = edition("docs", "--source", source, "--out", tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    map_page = (tmp_path / "docs" / "map.md").read_text(encoding="utf-8")
    assert "90.00° S, 33.53° E (outside the area the map shows)" in map_page


# Text no page may carry, and values the pages cannot hold --------------------------------------


@pytest.mark.parametrize(
    ("escape", "message"),
    [
        ("\\0", "control character U+0000 cannot be shown on a web page; delete it"),
        ("\\e", "control character U+001B cannot be shown on a web page; delete it"),
        ("\\u202e", "bidirectional control U+202E can make the text display in another order than it reads; delete it"),
    ],
)
def test_escaped_control_characters_in_yaml_are_refused_at_their_line(folder: Path, escape: str, message: str) -> None:
    replace(folder, "glossary.yml", "  short: Capital of Lithuania.", f'  short: "Capital of {escape}Lithuania."')
    assert f"{folder}/glossary.yml:55: {message}" in problems(folder)


def test_a_bidirectional_override_in_the_article_is_refused_at_its_line(folder: Path) -> None:
    article = (folder / "article.txt").read_text(encoding="utf-8")
    write(folder, "article.txt", article.replace("Setext underline", "Setext \u202eenilrednu"))
    assert any(line.startswith(f"{folder}/article.txt:11: bidirectional control U+202E") for line in problems(folder))


def test_a_form_typed_with_a_combining_accent_gets_a_hint(folder: Path) -> None:
    write(folder, "article.txt", (folder / "article.txt").read_text(encoding="utf-8") + "\nThe Café Crimea.\n")
    replace(folder, "glossary.yml", "  term: Vilnius\n", "  term: Vilnius\n  forms: [Cafe\u0301]\n")
    warnings = [str(problem) for problem in build_pages(load_source(folder))[1].warnings]
    assert (
        f"{folder}/glossary.yml:54: warning: form 'Cafe\u0301' of entry 'vilnius' never occurs in the text: the text has “Café” "
        "in ¶7, which differs in how accented letters are encoded (one character against a letter and a combining accent); copy it exactly"
        in warnings
    )


@pytest.mark.parametrize("reserved", ["glossary", "editorial-notes"])
def test_an_id_the_pages_use_for_themselves_is_refused(folder: Path, reserved: str) -> None:
    replace(folder, "glossary.yml", "- id: vilnius", f"- id: {reserved}")
    assert f"{folder}/glossary.yml:52: entry id '{reserved}' is the id of a heading of the pages; choose another" in problems(folder)


def test_an_entry_id_that_is_another_entry_s_heading_id_is_refused(folder: Path) -> None:
    replace(folder, "glossary.yml", "- id: vilnius", "- id: crimea-term")
    assert f"{folder}/glossary.yml:52: entry id 'crimea-term' is the id the pages give the heading of entry 'crimea'; choose another" in (
        problems(folder)
    )


def test_a_note_id_that_is_another_note_s_heading_id_is_refused(folder: Path) -> None:
    note = "  type: context\n  quote: NATO summit in Vilnius\n  text: t\n  sources: [{title: s}]\n"
    write(folder, "notes.yml", f"- id: summit\n{note}- id: summit-heading\n{note}")
    assert f"{folder}/notes.yml:6: note id 'summit-heading' is the id the pages give the heading of note 'summit'; choose another" in (
        problems(folder)
    )


def test_a_hundred_thousand_character_id_is_refused(folder: Path) -> None:
    replace(folder, "glossary.yml", "- id: vilnius", f"- id: {'v' * 100_000}")
    assert f"{folder}/glossary.yml:52: 'id' of an entry is 100,000 characters long; an id has at most 64" in problems(folder)


def test_an_empty_quote_is_refused(folder: Path) -> None:
    write(folder, "notes.yml", '- id: script-note\n  type: context\n  quote: ""\n  occurrence: 1\n  text: t\n  sources: [{title: s}]\n')
    assert problems(folder) == [
        f"{folder}/notes.yml:3: 'quote' of note 'script-note' is empty; write it, or remove the key if it is optional"
    ]


def test_a_nan_in_the_map_frame_is_refused_not_a_silent_empty_map(tmp_path: Path) -> None:
    source = Path(shutil.copytree(SOURCE, tmp_path / "source"))
    region = source / "map" / "region.json"
    region.parent.mkdir()
    data = WORLD_BASEMAP.read_text(encoding="utf-8")
    region.write_text(data.replace('"bbox": [\n  -180.0,', '"bbox": [\n  NaN,', 1), encoding="utf-8")
    assert problems(source) == [
        f"{source}/map/region.json: is not a valid map data file (NaN is not a number a map can use); regenerate it with `make map-data`"
    ]


def test_an_article_with_a_broken_byte_has_that_one_problem(folder: Path) -> None:
    (folder / "article.txt").write_bytes(b"First paragraph.\n\nSecond \xed\xa0\x80 paragraph.\n")
    assert problems(folder) == [f"{folder}/article.txt:3: not UTF-8: byte 25 (0xed) cannot be read; save the file as UTF-8"]


# Markup an editor's text must not become -------------------------------------------------------


def test_a_source_url_that_breaks_out_of_its_link_is_refused(folder: Path) -> None:
    replace(folder, "glossary.yml", "url: https://www.nato.int/", 'url: "https://example.org/>)<svg/onload=alert(document.domain)>"')
    assert problems(folder) == [
        f"{folder}/glossary.yml:9: 'url' of a source of entry 'nato' is 'https://example.org/>)<svg/onload=alert(document.domain)>', "
        "which contains '>', which an address cannot hold; write it as %3E"
    ]


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        (
            'Words.\n{: onmouseover="alert(1)" }',
            "sets the event handler 'onmouseover' on <p>, which is not allowed; remove the {: … } attribute list",
        ),
        ('[safe](https://example.org){: href="javascript:alert(2)" }', "links to 'javascript:alert(2)'; links must be http(s) addresses"),
        ('[safe](https://example.org "<img src=x onerror=alert(3)>")', "gives a link a title (the quoted text after its address)"),
        ("!!! note\n    An admonition.", "uses <div>, but only emphasis, links, lists and code are allowed"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "uses <table>, but only emphasis, links, lists and code are allowed"),
        ("A call[^1].\n\n[^1]: A footnote.", "uses <sup>, but only emphasis, links, lists and code are allowed"),
    ],
)
def test_markdown_the_site_s_extensions_would_turn_into_markup_is_refused(folder: Path, definition: str, message: str) -> None:
    glossary = (folder / "glossary.yml").read_text(encoding="utf-8")
    write(folder, "glossary.yml", glossary.replace("  definition: A peninsula.", f"  definition: {json.dumps(definition)}"))
    found = problems(folder)
    assert any(line.startswith(f"{folder}/glossary.yml:21: 'definition' of entry 'crimea' {message}") for line in found), found


# Resources: nothing an editor writes can take the machine's memory or time ---------------------


def test_a_yaml_merge_key_bomb_is_refused_before_it_is_expanded(folder: Path) -> None:
    lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
    lines += [f"m{level}: &m{level} {{<<: [{', '.join([f'*m{level - 1}'] * 10)}]}}" for level in range(1, 9)]
    write(folder, "glossary.yml", "\n".join(lines) + "\n")
    assert problems(folder) == [f"{folder}/glossary.yml:1: uses a YAML anchor or alias (&name, *name or <<); write the value out in full"]


@pytest.mark.site
@pytest.mark.parametrize("name", ["glossary.yml", "map/region.json"])
def test_a_hundred_thousand_open_brackets_are_refused_without_a_crash(tmp_path: Path, name: str) -> None:
    source = Path(shutil.copytree(SOURCE, tmp_path / "source"))
    (source / name).parent.mkdir(exist_ok=True)
    (source / name).write_text("[" * 100_000, encoding="utf-8")
    # In a child process: a segmentation fault would end the test run itself.
    result = edition("check", "--source", source)
    assert result.returncode == 1, result.stderr
    assert f"{source}/{name}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "limit"),
    [("glossary.yml", YAML_LIMIT), ("map/region.json", MAX_BASEMAP_BYTES), ("article.txt", 16 * MIB), ("index.md", MIB), ("about.md", MIB)],
)
def test_a_file_over_its_size_limit_is_refused_unread(tmp_path: Path, name: str, limit: int) -> None:
    source = Path(shutil.copytree(SOURCE, tmp_path / "source"))
    (source / name).parent.mkdir(exist_ok=True)
    with (source / name).open("ab") as stream:
        stream.write(b" " * (limit + 1))
    expected = f"{source}/{name}: is larger than {limit // MIB} MiB, the most a source file may hold (README: 'Safety and limits')"
    assert problems(source) == [expected]


def test_a_source_file_that_is_not_a_regular_file_is_refused_unread(folder: Path) -> None:
    (folder / "notes.yml").unlink()
    os.mkfifo(folder / "notes.yml")  # opening it to read would wait for ever for a writer
    assert problems(folder) == [f"{folder}/notes.yml: is not a regular file; the source folder holds plain text files"]


def test_yaml_nested_deeper_than_the_limit_is_refused_at_its_line(folder: Path) -> None:
    write(folder, "notes.yml", "- " * (MAX_DEPTH + 1) + "x\n")
    assert problems(folder) == [f"{folder}/notes.yml:1: nests lists and mappings more than {MAX_DEPTH} deep; flatten it"]


def test_a_merge_key_merges_nothing_and_is_an_unknown_key(folder: Path) -> None:
    replace(folder, "glossary.yml", "  short: Capital of Lithuania.", "  short: Capital of Lithuania.\n  <<: {term: Merged}")
    found = problems(folder)
    assert len(found) == 1 and found[0].startswith(f"{folder}/glossary.yml:56: ") and "'<<'" in found[0], found


def test_a_link_to_a_file_outside_the_source_folder_is_refused(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is hunter2.\n", encoding="utf-8")
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to(secret)
    assert problems(folder) == [
        f"{folder}/article.txt: is a link to {secret}, outside the source folder; copy the file into the folder instead"
    ]


def test_a_link_inside_the_source_folder_is_followed(folder: Path) -> None:
    (folder / "texts").mkdir()
    (folder / "article.txt").rename(folder / "texts" / "article.txt")
    (folder / "article.txt").symlink_to(folder / "texts" / "article.txt")
    assert load_source(folder).document.paragraphs == load_source(HOSTILE).document.paragraphs
