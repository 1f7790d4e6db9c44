"""A deterministic synthetic collection: many documents sharing one glossary and one timeline, and its plain baseline.

The collection is what the benchmark builds at scale. Its glossary is the made-up names
of `make_glossary`, given the kinds a real glossary has (mostly terms, some persons with
an `index_as`, organizations, and places with coordinates inside Europe so that a map
could show them). Each document is about 600 words of lower-case filler in five to seven
paragraphs, with a glossary form about every thirty words, as in a news report (about
twenty mentions a document). The forms are drawn from the whole glossary, so every
document uses a different handful of entries and the glossary pages link to many
documents, as in a real collection. Every document has three notes and three claims,
anchored on runs of its own words that occur once in it, and a few events of the shared
timeline point into documents.

Everything comes from `random.Random` seeded by the seed and the document's number, so
two calls write byte-identical folders, and a document does not change when the
collection grows. `write_plain_collection` writes the same texts as a plain Material
project configured for scale (sections of 100 and `navigation.prune`): the baseline the
collection's build is measured against.
"""

from __future__ import annotations

import datetime
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from edition.bench.synthetic import SEED, SYLLABLES, Glossary, make_glossary
from edition.source.parse import CLAIM_FORMS, NOTE_TYPES

MENTION_EVERY = 30
"""Filler words between two mentions of a glossary form: a news report's density of names."""
PARAGRAPHS = (5, 7)
QUOTE_WORDS = (5, 8)
NOTES = 3
CLAIMS = 3
TIMELINE_EVENTS = 20
LINKED_EVENT_EVERY = 4
"""Every fourth event of the timeline names a document and a paragraph of it."""
FILLER_WORDS = 3000
FIRST_DATE = datetime.date(2023, 1, 1)
LAST_DATE = datetime.date(2024, 12, 31)
TIMELINE_START = datetime.date(2022, 1, 1)
OUTLETS = ("The Lomira Herald", "Savetu Daily", "Neporu Post", "The Kelzo Observer", "Radio Tinava")
SUFFIXES = ("", "", "", "’s", ",")
EVENT_PHRASES = ("is first reported", "is announced", "comes into force", "is debated in public", "is signed", "ends")
UNNAMED_SPEAKERS = ("An unnamed official", "A spokesperson", "Local residents")
QUOTE_ATTEMPTS = 1000


@dataclass(frozen=True)
class CollectedText:
    """One document of a written collection as a plain page shows it: slug, title as shown, article text."""

    slug: str
    title: str
    text: str


@dataclass(frozen=True)
class SyntheticDocument:
    """One generated document: its metadata and its paragraphs as tokens (a filler word or a whole form)."""

    slug: str
    title: str
    supplied_title: bool
    outlet: str
    byline: str
    date: str
    url: str | None
    tokens: tuple[tuple[str, ...], ...]
    mentioned: tuple[str, ...]
    """The ids of the entries whose forms the text mentions, in reading order."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs as article.txt holds them."""
        return tuple(" ".join(tokens) for tokens in self.tokens)


def write_synthetic_collection(folder: Path, documents: int, *, entries: int = 2000, words: int = 600, seed: int = SEED) -> Path:
    """Write a valid collection folder of `documents` documents sharing a glossary of `entries` entries; return the folder."""
    glossary = make_glossary(entries, seed)
    records = _glossary_records(glossary, random.Random(f"{seed}/glossary"))
    filler = _filler(glossary, random.Random(f"{seed}/filler"))
    folder.mkdir(parents=True, exist_ok=True)
    _write_yaml(folder / "collection.yml", _collection_metadata(documents, entries))
    _write_yaml(folder / "glossary.yml", records)
    persons = [record for record in records if record["kind"] == "person"]
    written: list[SyntheticDocument] = []
    for index in range(1, documents + 1):
        # Seeded by the document's own number, so a document is the same in a collection of any size.
        rng = random.Random(f"{seed}/document/{index}")
        document = _make_document(index, words, glossary, filler, rng)
        _write_document(folder / "documents" / document.slug, document, persons, rng)
        written.append(document)
    _write_yaml(folder / "timeline.yml", _timeline(written, records, random.Random(f"{seed}/timeline")))
    return folder


def _collection_metadata(documents: int, entries: int) -> dict[str, Any]:
    """collection.yml: the edition's own title, language, editors and licence, which its documents inherit."""
    return {
        "title": "A synthetic collection",
        "language": "en",
        "description": f"{documents} synthetic documents sharing a glossary of {entries} entries, for the benchmark.",
        "editors": ["The benchmark"],
        "license": "CC0",
        "version": "1.0",
        "date": "2025-01-01",
        "changelog": [{"version": "1.0", "date": "2025-01-01", "text": "First edition of the synthetic collection."}],
    }


def _glossary_records(glossary: Glossary, rng: random.Random) -> list[dict[str, Any]]:
    """The glossary.yml records: the synthetic entries with kinds, short and long definitions and a source each."""
    records: list[dict[str, Any]] = []
    for entry in glossary.entries:
        kind = _kind(entry.term, rng)
        record: dict[str, Any] = {"id": entry.id, "term": entry.term}
        if kind == "person":
            given, surname = entry.term.rsplit(" ", 1)
            record["index_as"] = f"{surname}, {given}"
        record |= {"kind": kind, "forms": list(entry.forms)}
        record["short"] = f"A made-up {kind} of the synthetic collection, {_words(rng, 3, 6)}."
        definition = f"*{entry.term}* is a made-up {kind} of the synthetic collection. {_sentence(rng, 12, 30)}"
        if rng.random() < 0.3:
            definition += f"\n\n{_sentence(rng, 12, 30)}"
        record["definition"] = definition
        record["sources"] = [{"title": f"{entry.term} (Synthetic Encyclopedia)", "url": f"https://encyclopedia.example.org/{entry.id}"}]
        if kind == "place":
            record["coords"] = [round(rng.uniform(40, 60), 3), round(rng.uniform(0, 40), 3)]
        records.append(record)
    return records


def _kind(term: str, rng: random.Random) -> str:
    """Mostly `term`; a person only when the name has a given name and a surname to index it by."""
    draw = rng.random()
    if draw < 0.15:
        return "person" if " " in term else "term"
    if draw < 0.20:
        return "place"
    if draw < 0.30:
        return "organization"
    return "term"


def _word(rng: random.Random, syllables: int) -> str:
    """A pronounceable made-up word of so many syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _filler(glossary: Glossary, rng: random.Random) -> tuple[str, ...]:
    """The filler vocabulary, most common first: no word that, capitalised, is a word of a form.

    A paragraph's or a title's first word is capitalised; were it a form's word, the text
    would mention an entry by accident. Forms are made of words of two or three syllables,
    so words of one or four syllables are always free and the loop ends.
    """
    taken = {word for form in glossary.forms for word in form.split()}
    words: list[str] = []
    while len(words) < FILLER_WORDS:
        word = _word(rng, rng.choice((1, 2, 3, 4)))
        if word.capitalize() not in taken:
            words.append(word)
    return tuple(words)


def _words(rng: random.Random, least: int, most: int, filler: tuple[str, ...] = ()) -> str:
    """Between `least` and `most` lower-case made-up words (from `filler` when given)."""
    count = rng.randint(least, most)
    return " ".join(rng.choice(filler) if filler else _word(rng, rng.choice((1, 2, 3, 4))) for _ in range(count))


def _sentence(rng: random.Random, least: int, most: int, filler: tuple[str, ...] = ()) -> str:
    """A sentence of made-up words: capitalised, with a full stop."""
    words = _words(rng, least, most, filler)
    return f"{words[0].upper()}{words[1:]}."


def _make_document(index: int, words: int, glossary: Glossary, filler: tuple[str, ...], rng: random.Random) -> SyntheticDocument:
    """The `index`-th document: about `words` words in five to seven paragraphs, and its metadata."""
    slug = f"document-{index:04d}"
    title = _sentence(rng, 4, 8, filler).removesuffix(".")
    outlet = rng.choice(OUTLETS)
    byline = f"By {_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}"
    date = (FIRST_DATE + datetime.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days + 1))).isoformat()
    url = f"https://news.example.org/{date.replace('-', '/')}/{slug}" if rng.random() < 0.7 else None
    # Zipf-like weights, as in make_paragraphs: a few filler words are common, most are rare.
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(filler))))
    count = rng.randint(*PARAGRAPHS)
    shares = [rng.uniform(0.6, 1.4) for _ in range(count)]
    tokens: list[tuple[str, ...]] = []
    mentioned: list[str] = []
    for share in shares:
        # At least two quotes' worth of words, so that a short document still has room for its notes and claims.
        size = max(2 * QUOTE_WORDS[1], round(words * share / sum(shares)))
        paragraph = rng.choices(filler, cum_weights=cumulative, k=size)
        for position in range(rng.randrange(MENTION_EVERY), size, MENTION_EVERY):
            entry = rng.choice(glossary.entries)
            paragraph[position] = rng.choice(entry.forms) + rng.choice(SUFFIXES)
            mentioned.append(entry.id)
        paragraph[-1] = paragraph[-1].removesuffix(",") + "."
        paragraph[0] = paragraph[0][0].upper() + paragraph[0][1:]
        tokens.append(tuple(paragraph))
    return SyntheticDocument(slug, title, index % 10 == 0, outlet, byline, date, url, tuple(tokens), tuple(mentioned))


def _write_document(folder: Path, document: SyntheticDocument, persons: list[dict[str, Any]], rng: random.Random) -> None:
    """Write a document's article.txt, edition.yml, notes.yml and claims.yml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text("\n\n".join(document.paragraphs) + "\n", encoding="utf-8")
    edition = {
        "title": document.title,
        "description": f"A synthetic document of the benchmark, from {document.outlet} of {document.date}.",
        "source": {
            # Every tenth document came without a headline, so its title is the editors'.
            "headline": None if document.supplied_title else document.title,
            "outlet": document.outlet,
            "byline": document.byline,
            "date": document.date,
            "url": document.url,
            "note": None,
        },
    }
    _write_yaml(folder / "edition.yml", edition)
    quotes = _quotes(document, NOTES + CLAIMS, rng)
    _write_yaml(folder / "notes.yml", _notes(document, sorted(quotes[:NOTES]), rng))
    _write_yaml(folder / "claims.yml", _claims(document, sorted(quotes[NOTES:]), persons, rng))


def _quotes(document: SyntheticDocument, count: int, rng: random.Random) -> list[tuple[int, int, str]]:
    """`count` non-overlapping runs of whole tokens, each occurring once in the text: (paragraph, token, quote)."""
    text = "\n\n".join(document.paragraphs)
    taken: set[tuple[int, int]] = set()
    quotes: list[tuple[int, int, str]] = []
    for _ in range(QUOTE_ATTEMPTS):
        if len(quotes) == count:
            return quotes
        number = rng.randrange(len(document.tokens))
        tokens = document.tokens[number]
        length = rng.randint(*QUOTE_WORDS)
        start = rng.randrange(len(tokens) - length + 1)
        span = {(number, position) for position in range(start, start + length)}
        quote = " ".join(tokens[start : start + length])
        # Counted as the loader counts: non-overlapping occurrences of the exact characters.
        if span & taken or text.count(quote) != 1:
            continue
        taken |= span
        quotes.append((number, start, quote))
    raise ValueError(f"{document.slug}: found {len(quotes)} of {count} quotes that occur once; give the documents more words")


def _notes(document: SyntheticDocument, quotes: list[tuple[int, int, str]], rng: random.Random) -> list[dict[str, Any]]:
    """The document's notes, in reading order of their quotes."""
    notes: list[dict[str, Any]] = []
    for number, (_, _, quote) in enumerate(quotes, start=1):
        source = {"title": f"{document.outlet} archive, {document.date}", "url": f"https://archive.example.org/{document.slug}/{number}"}
        notes.append(
            {
                # Ids carry the slug, so they are unique in the whole collection, not only in their file.
                "id": f"{document.slug}-note-{number}",
                "type": rng.choice(NOTE_TYPES),
                "quote": quote,
                "text": f"The *{document.outlet}* {_words(rng, 8, 20)}.",
                "sources": [source],
            }
        )
    return notes


def _claims(
    document: SyntheticDocument, quotes: list[tuple[int, int, str]], persons: list[dict[str, Any]], rng: random.Random
) -> list[dict[str, Any]]:
    """The document's claims, in reading order; most are by a person of the glossary, preferably one the text mentions."""
    mentioned = set(document.mentioned)
    speakers = [person for person in persons if person["id"] in mentioned] or persons
    claims: list[dict[str, Any]] = []
    for number, (_, _, quote) in enumerate(quotes, start=1):
        claim: dict[str, Any] = {"id": f"{document.slug}-claim-{number}"}
        if speakers and rng.random() < 0.7:
            speaker = rng.choice(speakers)
            claim |= {"who": speaker["term"], "entry": speaker["id"]}
        else:
            claim["who"] = rng.choice(UNNAMED_SPEAKERS)
        claim["what"] = f"Said that {_words(rng, 5, 12)}."
        claim["channel"] = rng.choice((f"According to {document.outlet}", "Not stated", "In a statement to reporters"))
        claim |= {"form": rng.choice(CLAIM_FORMS), "quote": quote}
        claims.append(claim)
    return claims


def _timeline(documents: list[SyntheticDocument], records: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """The shared timeline in date order; every fourth event names a document, a paragraph of it and sometimes a note."""
    events: list[dict[str, Any]] = []
    span = (LAST_DATE - TIMELINE_START).days + 1
    for number in range(TIMELINE_EVENTS):
        label = f"{rng.choice(records)['term']} {rng.choice(EVENT_PHRASES)}." if records else f"Event {number + 1} happens."
        if documents and number % LINKED_EVENT_EVERY == 0:
            document = rng.choice(documents)
            event: dict[str, Any] = {"date": document.date, "label": label, "document": document.slug}
            event["paragraph"] = rng.randint(1, len(document.tokens))
            if number % (2 * LINKED_EVENT_EVERY) == 0:
                event["note"] = f"{document.slug}-note-{rng.randint(1, NOTES)}"
        else:
            event = {"date": (TIMELINE_START + datetime.timedelta(days=rng.randrange(span))).isoformat(), "label": label}
        event["sources"] = [{"title": f"Synthetic chronicle, event {number + 1}", "url": f"https://chronicle.example.org/{number + 1}"}]
        events.append(event)
    return sorted(events, key=lambda event: event["date"])


def _write_yaml(path: Path, data: Any) -> None:
    """Write `data` as YAML in the order it was built, Unicode as is."""
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def collection_texts(folder: Path) -> tuple[CollectedText, ...]:
    """The documents of a written collection in slug order, read back from disk: slug, title as shown, article text."""
    texts: list[CollectedText] = []
    for document in sorted(path for path in (folder / "documents").iterdir() if path.is_dir()):
        edition = yaml.safe_load((document / "edition.yml").read_text(encoding="utf-8"))
        # As the edition shows it: an editors' title (no headline) stands in brackets.
        title = edition["title"] if edition["source"]["headline"] is not None else f"[{edition['title']}]"
        text = (document / "article.txt").read_text(encoding="utf-8").strip()
        texts.append(CollectedText(document.name, title, "\n\n".join(re.split(r"\n\s*\n", text))))
    return tuple(texts)


def write_plain_collection(folder: Path, source: Path, *, per_section: int = 100) -> Path:
    """Write a plain Material project of the collection's texts, in sections of `per_section`; return its mkdocs.yml.

    Configured for scale as anyone would: a nav of sections with `navigation.prune`, so a
    page carries only its own section's links, and the search plugin. No hook, overrides,
    CSS or JavaScript, and no web fonts (they cannot be fetched here; the edition turns
    them off too).
    """
    metadata = yaml.safe_load((source / "collection.yml").read_text(encoding="utf-8"))
    texts = collection_texts(source)
    docs = folder / "docs"
    nav: list[dict[str, Any]] = [{"Home": "index.md"}]
    home = [f"# {metadata['title']}", "", metadata["description"]]
    for first in range(0, len(texts), per_section):
        section = texts[first : first + per_section]
        name = f"sec-{first // per_section + 1:02d}"
        heading = f"Documents {first + 1}–{first + len(section)}"
        (docs / name).mkdir(parents=True, exist_ok=True)
        for text in section:
            (docs / name / f"{text.slug}.md").write_text(f"# {text.title}\n\n{text.text}\n", encoding="utf-8")
        nav.append({heading: [{text.title: f"{name}/{text.slug}.md"} for text in section]})
        home += ["", f"## {heading}", ""] + [f"- [{_link_text(text.title)}]({name}/{text.slug}.md)" for text in section]
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    config = {
        "site_name": metadata["title"],
        "nav": nav,
        "theme": {"name": "material", "language": metadata["language"], "font": False, "features": ["navigation.prune"]},
        "plugins": ["search"],
    }
    path = folder / "mkdocs.yml"
    _write_yaml(path, config)
    return path


def _link_text(title: str) -> str:
    """A title as the text of a Markdown link: an editors' [bracketed] title escaped, so it is not read as a link."""
    return title.replace("[", "\\[").replace("]", "\\]")
