"""Deterministic synthetic sources: a glossary of made-up names and an article that mentions them.

Everything comes from a seeded random generator, so two runs measure the same
bytes. Forms are capitalised made-up names of one to three words, some sharing
their first word with a longer form ("Varnok" and "Varnok Telu Asma"); the text
is lower-case filler words with one glossary form about every twelve words, and
now and then the first word of a multi-word form without the rest (a near miss:
a word that begins forms but is not one itself). The density of mentions is the
same whatever the glossary's size, as in a real article, so a larger glossary
costs only what looking forms up costs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.model import Entry

SEED = 20230217
SYLLABLES = ("ka", "lo", "mi", "nu", "ra", "se", "ti", "va", "do", "ne", "po", "su", "ri", "ta", "ke", "zo", "an", "el", "or", "us")
MENTION_EVERY = 12
NEAR_MISS_EVERY = 50
WORDS_PER_PARAGRAPH = 90


@dataclass(frozen=True)
class Glossary:
    """Synthetic glossary entries and the flat list of all their forms."""

    entries: tuple[Entry, ...]
    forms: tuple[str, ...]


def _word(rng: random.Random, syllables: int) -> str:
    """A pronounceable made-up word of so many syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def make_glossary(size: int, seed: int = SEED) -> Glossary:
    """`size` entries with one to three distinct forms each; no form belongs to two entries."""
    rng = random.Random(seed)
    taken: set[str] = set()
    names: list[str] = []
    entries: list[Entry] = []
    for number in range(size):
        forms: list[str] = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            form = _new_form(rng, names, taken)
            taken.add(form)
            names.append(form)
            forms.append(form)
        entry_id = f"entry-{number:05d}"
        entries.append(Entry(entry_id, forms[0], "term", tuple(forms), f"Short definition of {forms[0]}.", "A definition.", ()))
    return Glossary(tuple(entries), tuple(names))


def _new_form(rng: random.Random, names: list[str], taken: set[str]) -> str:
    """A fresh form: one to three capitalised words, sometimes extending an existing form."""
    while True:
        if names and rng.random() < 0.2:
            form = f"{rng.choice(names)} {_word(rng, 2).capitalize()}"
        else:
            form = " ".join(_word(rng, rng.choice((2, 3))).capitalize() for _ in range(rng.choice((1, 1, 2, 3))))
        if form not in taken:
            return form


def make_paragraphs(words: int, glossary: Glossary, seed: int = SEED) -> tuple[str, ...]:
    """About `words` words of text in paragraphs, mentioning the glossary's forms at a fixed rate."""
    rng = random.Random(seed + words)
    near_misses = sorted({form.split()[0] for form in glossary.forms if " " in form} - set(glossary.forms))
    filler = [_word(rng, rng.choice((1, 2, 3))) for _ in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(filler))]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        tokens = rng.choices(filler, weights, k=WORDS_PER_PARAGRAPH)
        for position in range(0, len(tokens), MENTION_EVERY):
            tokens[position] = rng.choice(glossary.forms) + rng.choice(("", "", "", "’s", ","))
        if near_misses:
            for position in range(7, len(tokens), NEAR_MISS_EVERY):
                tokens[position] = rng.choice(near_misses)
        tokens[-1] += "."
        paragraph = " ".join(tokens)
        paragraphs.append(paragraph[0].upper() + paragraph[1:])
        count += len(paragraph.split())
    return tuple(paragraphs)


def text_megabytes(paragraphs: tuple[str, ...]) -> float:
    """The size of the article text in MB (10^6 bytes of UTF-8)."""
    return sum(len(paragraph.encode("utf-8")) + 2 for paragraph in paragraphs) / 1e6


def write_source(folder: Path, paragraphs: tuple[str, ...], glossary: Glossary) -> Path:
    """Write a valid source folder (article.txt, edition.yml, glossary.yml) for a full build."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    edition = {
        "title": "A synthetic article",
        "language": "en",
        "description": "A synthetic article for the benchmark.",
        "source": {"headline": "A synthetic article", "outlet": "Bench", "date": "2024-01-01", "url": None, "note": None},
        "editors": ["The benchmark"],
        "license": "CC0",
    }
    (folder / "edition.yml").write_text(yaml.safe_dump(edition, sort_keys=False), encoding="utf-8")
    records = [
        {"id": entry.id, "term": entry.term, "kind": entry.kind, "forms": list(entry.forms), "short": entry.short}
        | {"definition": entry.definition, "sources": [{"title": "Benchmark"}]}
        for entry in glossary.entries
    ]
    (folder / "glossary.yml").write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder
