"""Near matches: where words an editor typed almost occur in the text, and how they differ.

A form or quote that is not in the text as typed is nearly always a copying slip: a
straight apostrophe for the text's curly one, a hyphen for a dash, a double space that
the browser showed as one, a capital letter, an accent typed as two characters.
`near_match` looks for the words with those differences folded away and, when it finds
them, returns the text's own words and what differs, so that a message can quote what
the editor should have copied.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

QUOTES = {**dict.fromkeys("’‘‚‛′`", "'"), **dict.fromkeys("“”„‟″", '"')}
DASHES = dict.fromkeys("‐‑‒–—―−", "-")

DIFFERENCES = {
    "quotes": "quotation marks or apostrophes (straight ' \" against curly ’ “ ”)",
    "dashes": "a hyphen against a dash (- against – or —)",
    "spaces": "spacing (a double space or a line break against one space)",
    "case": "capital and small letters",
    "composition": "how accented letters are encoded (one character against a letter and a combining accent)",
}
"""Each kind of difference folded away, and how a message names it."""


@dataclass(frozen=True)
class NearMatch:
    """The text's own words where the typed ones almost occur, and the kinds of difference."""

    found: str
    where: str
    """The paragraph it is in, as a message names it: "¶7", or "document-0001 ¶7" in a collection."""
    differences: tuple[str, ...]

    def describe(self) -> str:
        """The hint a message gives: what the text has, and how it differs."""
        kinds = "; ".join(DIFFERENCES[kind] for kind in self.differences)
        return f"the text has “{self.found}” in {self.where}, which differs in {kinds}; copy it exactly"


def _fold_character(character: str, kinds: Iterable[str]) -> str:
    """One character with the given kinds of difference folded away (possibly several characters, or none)."""
    kinds = set(kinds)
    if "composition" in kinds:
        character = unicodedata.normalize("NFD", character)
    if "quotes" in kinds:
        character = "".join(QUOTES.get(part, part) for part in character)
    if "dashes" in kinds:
        character = "".join(DASHES.get(part, part) for part in character)
    if "case" in kinds:
        character = character.casefold()
    return character


def fold(text: str, kinds: Iterable[str] = DIFFERENCES) -> tuple[str, list[int]]:
    """The text folded, and for each folded character the index of the character it came from."""
    kinds = tuple(kinds)
    folded: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, character in enumerate(text):
        if "spaces" in kinds and character.isspace():
            if not in_space:
                folded.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        for part in _fold_character(character, kinds):
            folded.append(part)
            origin.append(index)
    return "".join(folded), origin


@dataclass(frozen=True)
class FoldedText:
    """Paragraphs folded once, to look for many near matches in them."""

    paragraphs: tuple[str, ...]
    folded: tuple[tuple[str, list[int]], ...]
    labels: tuple[str, ...]

    @classmethod
    def of(cls, paragraphs: Sequence[str], labels: Sequence[str] | None = None) -> FoldedText:
        """Fold every paragraph; `labels` name each in messages (default: ¶1, ¶2 …)."""
        names = tuple(labels) if labels is not None else tuple(f"¶{number}" for number in range(1, len(paragraphs) + 1))
        return cls(tuple(paragraphs), tuple(fold(paragraph) for paragraph in paragraphs), names)

    def near_match(self, typed: str) -> NearMatch | None:
        """Where `typed` occurs once its differences from the text are folded away; None when it does not."""
        needle, _ = fold(typed)
        if not needle.strip():
            return None
        for number, (folded, origin) in enumerate(self.folded):
            start = folded.find(needle)
            if start != -1:
                found = self.paragraphs[number][origin[start] : origin[start + len(needle) - 1] + 1]
                return NearMatch(found, self.labels[number], _differences(typed, found))
        return None


def near_match(typed: str, paragraphs: Sequence[str]) -> NearMatch | None:
    """Where `typed` occurs in the paragraphs once its differences from them are folded away; None when it does not."""
    return FoldedText.of(paragraphs).near_match(typed)


def _differences(typed: str, found: str) -> tuple[str, ...]:
    """The kinds of difference without which `typed` and `found` would not fold to the same text."""
    needed = []
    for kind in DIFFERENCES:
        others = [other for other in DIFFERENCES if other != kind]
        if fold(typed, others)[0] != fold(found, others)[0]:
            needed.append(kind)
    return tuple(needed) or tuple(DIFFERENCES)
