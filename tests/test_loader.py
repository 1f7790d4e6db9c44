"""Loading a source folder: what is accepted, and the messages for what is not."""

from __future__ import annotations

from pathlib import Path

from edition.source import load_source
from edition.source.parse import split_paragraphs
from helpers import HOSTILE, SOURCE, problems


def test_loads_the_edition_source() -> None:
    edition = load_source(SOURCE)
    assert len(edition.document.paragraphs) == 12
    assert edition.metadata.title_is_supplied
    assert edition.metadata.display_title.startswith("[") and edition.metadata.display_title.endswith("]")


def test_paragraphs_split_at_blank_lines_and_keep_single_newlines() -> None:
    assert split_paragraphs("one\ntwo\n\n \t\nthree\n") == ("one\ntwo", "three")


def test_a_byte_order_mark_and_crlf_are_accepted(folder: Path) -> None:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    (folder / "article.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert load_source(folder).document.paragraphs == load_source(HOSTILE).document.paragraphs


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    assert problems(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: source folder not found; pass the folder that holds article.txt, edition.yml and glossary.yml "
        "(or, for a collection, collection.yml, glossary.yml and documents/)"
    ]


def test_a_missing_file_is_named(folder: Path) -> None:
    (folder / "glossary.yml").unlink()
    assert problems(folder) == [f"{folder}/glossary.yml: file not found; every source folder needs it"]


def test_invalid_yaml_names_file_and_line(folder: Path) -> None:
    (folder / "glossary.yml").write_text("- id: a\n  term: [unclosed\n", encoding="utf-8")
    [message] = problems(folder)
    assert message.startswith(f"{folder}/glossary.yml:3: not valid YAML")


def test_an_unknown_key_suggests_the_close_one(folder: Path) -> None:
    text = (folder / "glossary.yml").read_text(encoding="utf-8").replace("  short: Capital", "  shrot: Capital")
    (folder / "glossary.yml").write_text(text, encoding="utf-8")
    found = problems(folder)
    assert f"{folder}/glossary.yml:55: unknown key 'shrot' in entry 'vilnius': did you mean 'short'?" in found
    assert f"{folder}/glossary.yml:52: entry 'vilnius' has no 'short'; add 'short: …'" in found


def test_every_problem_is_reported_in_one_run(folder: Path) -> None:
    (folder / "glossary.yml").write_text(
        "- id: Bad Id\n  term: A\n  kind: thing\n  short: s\n  definition: d\n  sources: []\n"
        "- id: b\n  term: B\n  kind: term\n  forms: ['  ']\n  short: s\n  definition: d\n  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    (folder / "edition.yml").write_text("language: en\n", encoding="utf-8")
    found = problems(folder)
    assert len(found) >= 6, found
    assert any("'id' of an entry 'Bad Id' should be a slug" in message for message in found)
    assert any("kind 'thing'" in message for message in found)
    assert any("has no sources" in message for message in found)
    assert any("is empty or not text" in message for message in found)
    assert any("edition.yml:1: the edition has no 'title'" in message for message in found)


def test_a_duplicate_id_names_both_lines(folder: Path) -> None:
    text = (folder / "glossary.yml").read_text(encoding="utf-8").replace("- id: vilnius", "- id: crimea")
    (folder / "glossary.yml").write_text(text, encoding="utf-8")
    assert f"{folder}/glossary.yml:52: entry id 'crimea' is already used on line 17; ids must be unique" in problems(folder)


def test_a_form_claimed_by_two_entries_is_refused(folder: Path) -> None:
    text = (folder / "glossary.yml").read_text(encoding="utf-8").replace("  term: Vilnius", "  term: Vilnius\n  forms: [Crimea]")
    (folder / "glossary.yml").write_text(text, encoding="utf-8")
    found = problems(folder)
    assert any("form 'Crimea' of entry 'vilnius' is also a form of entry 'crimea'" in message for message in found)


def test_a_non_utf8_article_names_the_line_and_byte(folder: Path) -> None:
    (folder / "article.txt").write_bytes(b"first line\n\nsecond \xe9t\xe9\n")
    assert problems(folder) == [f"{folder}/article.txt:3: not UTF-8: byte 19 (0xe9) cannot be read; save the file as UTF-8"]


def test_an_empty_article_is_refused(folder: Path) -> None:
    (folder / "article.txt").write_text("\n \n", encoding="utf-8")
    assert any("the article is empty" in message for message in problems(folder))


def test_a_wrong_type_says_what_was_expected(folder: Path) -> None:
    text = (folder / "edition.yml").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    (folder / "edition.yml").write_text(text.replace(title, "title: [A, list]"), encoding="utf-8")
    expected = f"{folder}/edition.yml:1: 'title' of the edition should be text, not a list (quote it if it is meant as text)"
    assert expected in problems(folder)


def test_a_key_given_twice_is_refused(folder: Path) -> None:
    (folder / "edition.yml").write_text((folder / "edition.yml").read_text(encoding="utf-8") + "language: fr\n", encoding="utf-8")
    assert any("key 'language' is given twice" in message for message in problems(folder))


def test_a_note_quote_missing_from_the_text_is_refused(folder: Path) -> None:
    (folder / "notes.yml").write_text(
        "- id: n1\n  type: context\n  quote: words not in the text\n  text: t\n  sources: [{title: s}]\n", encoding="utf-8"
    )
    assert problems(folder) == [
        f"{folder}/notes.yml:3: quote of note 'n1' is not in the article; "
        "copy the words exactly, quotes, apostrophes, dashes and spaces included"
    ]


def test_a_note_quote_found_twice_needs_an_occurrence(folder: Path) -> None:
    (folder / "notes.yml").write_text(
        "- id: n1\n  type: context\n  quote: NATO summit in Vilnius\n  text: t\n  sources: [{title: s}]\n", encoding="utf-8"
    )
    assert problems(folder) == [f"{folder}/notes.yml:3: quote of note 'n1' occurs 2 times; quote more words or add 'occurrence: N'"]
