"""The synthetic collection of `make bench` and its plain baseline: deterministic, valid by construction, realistic in density."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.bench.collection import CollectedText, collection_texts, write_plain_collection, write_synthetic_collection
from edition.model import Entry
from edition.pages.matcher import find_occurrences

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
DOCUMENTS = 12
ENTRIES = 200


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_collection(tmp_path_factory.mktemp("collection") / "source", DOCUMENTS, entries=ENTRIES)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def documents(collection: Path) -> list[Path]:
    return sorted((collection / "documents").iterdir())


def paragraphs(document: Path) -> list[str]:
    return (document / "article.txt").read_text(encoding="utf-8").strip().split("\n\n")


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def glossary_entries(collection: Path) -> tuple[Entry, ...]:
    records = load(collection / "glossary.yml")
    return tuple(
        Entry(id=record["id"], term=record["term"], kind=record["kind"], forms=tuple(record["forms"]), short="", definition="", sources=())
        for record in records
    )


def test_two_writes_with_the_same_arguments_are_byte_identical(tmp_path: Path) -> None:
    first = files(write_synthetic_collection(tmp_path / "first", 5, entries=ENTRIES))
    second = files(write_synthetic_collection(tmp_path / "second", 5, entries=ENTRIES))
    assert first == second
    assert "documents/document-0005/claims.yml" in first


def test_a_document_is_the_same_whatever_the_size_of_the_collection(tmp_path: Path, collection: Path) -> None:
    small = write_synthetic_collection(tmp_path / "small", 3, entries=ENTRIES)
    assert files(small / "documents") == {
        name: data for name, data in files(collection / "documents").items() if name.split("/")[0] <= "document-0003"
    }


def test_another_seed_writes_another_collection(tmp_path: Path) -> None:
    first = write_synthetic_collection(tmp_path / "first", 1, entries=ENTRIES, seed=1)
    second = write_synthetic_collection(tmp_path / "second", 1, entries=ENTRIES, seed=2)
    assert files(first) != files(second)


def test_the_folder_has_the_collection_layout(collection: Path) -> None:
    assert {path.name for path in collection.iterdir()} == {"collection.yml", "glossary.yml", "timeline.yml", "documents"}
    assert [path.name for path in documents(collection)] == [f"document-{index:04d}" for index in range(1, DOCUMENTS + 1)]
    for document in documents(collection):
        assert SLUG.match(document.name)
        assert {path.name for path in document.iterdir()} == {"article.txt", "edition.yml", "notes.yml", "claims.yml"}


def test_collection_metadata_has_what_documents_inherit(collection: Path) -> None:
    metadata = load(collection / "collection.yml")
    assert list(metadata)[:5] == ["title", "language", "description", "editors", "license"]
    assert metadata["language"] == "en"
    assert metadata["editors"] == ["The benchmark"]
    assert datetime.date.fromisoformat(metadata["date"])


def test_editions_omit_inherited_keys_and_have_valid_dates(collection: Path) -> None:
    for document in documents(collection):
        edition = load(document / "edition.yml")
        assert set(edition) == {"title", "description", "source"}
        source = edition["source"]
        assert set(source) == {"headline", "outlet", "byline", "date", "url", "note"}
        assert isinstance(source["date"], str)
        assert datetime.date(2023, 1, 1) <= datetime.date.fromisoformat(source["date"]) <= datetime.date(2024, 12, 31)
        assert source["url"] is None or source["url"].startswith("https://")
        assert "\n" not in edition["title"] + edition["description"]
    headlines = [load(document / "edition.yml")["source"]["headline"] for document in documents(collection)]
    assert [index for index, headline in enumerate(headlines, start=1) if headline is None] == [10]


def test_every_quote_occurs_exactly_once_in_its_document(collection: Path) -> None:
    for document in documents(collection):
        text = paragraphs(document)
        notes, claims = load(document / "notes.yml"), load(document / "claims.yml")
        assert (len(notes), len(claims)) == (3, 3)
        for item in notes + claims:
            assert sum(paragraph.count(item["quote"]) for paragraph in text) == 1, item
            assert len(item["quote"].split()) >= 5


def test_notes_and_claims_use_the_allowed_values(collection: Path) -> None:
    ids = {record["id"]: record for record in load(collection / "glossary.yml")}
    entries = []
    for document in documents(collection):
        for note in load(document / "notes.yml"):
            assert note["type"] in {"correction", "context", "attribution", "since-publication"}
            assert note["sources"][0]["url"].startswith("https://")
        for claim in load(document / "claims.yml"):
            assert claim["form"] in {"quoted", "partly-quoted", "paraphrased"}
            if "entry" in claim:
                assert ids[claim["entry"]]["kind"] == "person"
                assert claim["who"] == ids[claim["entry"]]["term"]
                entries.append(claim["entry"])
    assert entries, "some claims are by a person of the glossary"


def test_the_glossary_has_every_kind_with_its_own_keys(collection: Path) -> None:
    records = load(collection / "glossary.yml")
    assert len(records) == ENTRIES
    kinds = [record["kind"] for record in records]
    assert set(kinds) == {"term", "person", "place", "organization"}
    assert kinds.count("term") > len(kinds) / 2
    for record in records:
        assert {"id", "term", "kind", "forms", "short", "definition", "sources"} <= set(record)
        assert SLUG.match(record["id"])
        assert "\n" not in record["short"]
        assert record["sources"][0]["title"] and record["sources"][0]["url"].startswith("https://")
        assert ("index_as" in record) == (record["kind"] == "person")
        assert ("coords" in record) == (record["kind"] == "place")
        if record["kind"] == "place":
            latitude, longitude = record["coords"]
            assert 40 <= latitude <= 60 and 0 <= longitude <= 40
    forms = [form for record in records for form in record["forms"]]
    assert len(set(forms)) == len(forms)


def test_every_document_mentions_about_twenty_entries_and_each_its_own(collection: Path) -> None:
    entries = glossary_entries(collection)
    mentioned = []
    for document in documents(collection):
        occurrences = find_occurrences(paragraphs(document), entries)
        assert 10 <= len(occurrences) <= 40, document.name
        mentioned.append(frozenset(occurrence.entry_id for occurrence in occurrences))
    assert len(set(mentioned)) == len(mentioned)
    assert len(frozenset().union(*mentioned)) > ENTRIES / 2


def test_documents_have_five_to_seven_paragraphs_of_about_the_words_asked(collection: Path) -> None:
    for document in documents(collection):
        text = paragraphs(document)
        assert 5 <= len(text) <= 7
        assert 550 <= sum(len(paragraph.split()) for paragraph in text) <= 700


def test_the_timeline_is_in_date_order_and_points_into_documents(collection: Path) -> None:
    events = load(collection / "timeline.yml")
    assert len(events) == 20
    dates = [event["date"] for event in events]
    assert dates == sorted(dates)
    assert all(datetime.date.fromisoformat(date) for date in dates)
    linked = [event for event in events if "document" in event]
    assert linked
    for event in linked:
        assert 1 <= event["paragraph"] <= len(paragraphs(collection / "documents" / event["document"]))
        if "note" in event:
            notes = load(collection / "documents" / event["document"] / "notes.yml")
            assert event["note"] in {note["id"] for note in notes}


def test_collection_texts_reads_back_every_document(collection: Path) -> None:
    texts = collection_texts(collection)
    assert [text.slug for text in texts] == [document.name for document in documents(collection)]
    assert texts[0] == CollectedText("document-0001", load(collection / "documents/document-0001/edition.yml")["title"], texts[0].text)
    assert texts[9].title.startswith("[") and texts[9].title.endswith("]"), "an editors' title stands in brackets"
    assert texts[0].text == "\n\n".join(paragraphs(collection / "documents" / "document-0001"))


def test_the_plain_project_has_sections_and_every_text_verbatim(tmp_path: Path, collection: Path) -> None:
    config = write_plain_collection(tmp_path / "plain", collection, per_section=5)
    settings = load(config)
    assert settings["theme"] == {"name": "material", "language": "en", "font": False, "features": ["navigation.prune"]}
    assert settings["plugins"] == ["search"]
    assert settings["nav"][0] == {"Home": "index.md"}
    sections = settings["nav"][1:]
    assert [next(iter(section)) for section in sections] == ["Documents 1–5", "Documents 6–10", "Documents 11–12"]
    assert [len(next(iter(section.values()))) for section in sections] == [5, 5, 2]
    pages = [path for section in sections for page in next(iter(section.values())) for path in page.values()]
    assert pages[0] == "sec-01/document-0001.md" and pages[-1] == "sec-03/document-0012.md"
    home = (tmp_path / "plain" / "docs" / "index.md").read_text(encoding="utf-8")
    for page, text in zip(pages, collection_texts(collection), strict=True):
        assert (tmp_path / "plain" / "docs" / page).read_text(encoding="utf-8") == f"# {text.title}\n\n{text.text}\n"
        assert f"]({page})" in home
    assert "- [\\[" in home, "an editors' bracketed title is escaped in its link"
