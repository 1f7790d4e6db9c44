"""Near matches: where words an editor typed almost occur in the text, and how they differ.

A form or quote that is not in the text as typed is nearly always a copying slip: a
straight apostrophe for the text's curly one, a hyphen for a dash, a double space that
the browser showed as one, a capital letter, an accent typed as two characters.
`near_match` looks for the words with those differences folded away and, when it finds
them, returns the text's own words and what differs, so that a message can quote what
the editor should have copied.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
        return f"the text has {self.quoted()} in {self.where}, which differs in {kinds}; copy it exactly"

    def quoted(self) -> str:
        """The found words set off by “ ”, unless the text's own quotation marks already enclose them.

        Wrapping “That decision.” again would show ““That decision.””, and the editor
        could not tell which marks are the text's, the ones to copy.
        """
        if self.found.startswith("“") and self.found.endswith("”") and len(self.found) > 1:
            return self.found
        return f"“{self.found}”"


@functools.lru_cache(maxsize=4096)
def _fold_character(character: str, kinds: frozenset[str]) -> str:
    """One character with the given kinds of difference folded away (possibly several characters, or none)."""
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
    kinds = frozenset(kinds)
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


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
"""What a quick look for a near match leaves out: everything but the letters and digits that folding neither makes nor drops."""


@dataclass(frozen=True)
class FoldedText:
    """Paragraphs to look for many near matches in, each folded once and only when it may hold one.

    Folding is character by character and slow; a paragraph is folded only when the folded
    words' letters and digits a–z, 0–9, in order and nothing else, occur in the paragraph's
    decomposed and casefolded (C-speed string methods) with everything else left out. That
    look is sound: folding gives a letter or digit exactly where the decomposition and
    casefolding give it, so where the folded words occur, their letters and digits do.
    """

    paragraphs: tuple[str, ...]
    labels: tuple[str, ...]
    _quick: list[str | None] = field(default_factory=list, repr=False, compare=False)
    _folded: dict[int, tuple[str, list[int]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, paragraphs: Sequence[str], labels: Sequence[str] | None = None) -> FoldedText:
        """The paragraphs; `labels` name each in messages (default: ¶1, ¶2 …)."""
        names = tuple(labels) if labels is not None else tuple(f"¶{number}" for number in range(1, len(paragraphs) + 1))
        return cls(tuple(paragraphs), names, [None] * len(paragraphs))

    def near_match(self, typed: str) -> NearMatch | None:
        """Where `typed` occurs once its differences from the text are folded away; None when it does not."""
        needle, _ = fold(typed)
        if not needle.strip():
            return None
        letters = _NOT_ALPHANUMERIC.sub("", needle)
        for number, paragraph in enumerate(self.paragraphs):
            if letters not in self._quick_form(number):
                continue
            folded, origin = self._fold(number)
            start = folded.find(needle)
            if start != -1:
                found = paragraph[origin[start] : origin[start + len(needle) - 1] + 1]
                return NearMatch(found, self.labels[number], _differences(typed, found))
        return None

    def _quick_form(self, number: int) -> str:
        """A paragraph's letters and digits a–z, 0–9 once decomposed and casefolded, made once."""
        quick = self._quick[number]
        if quick is None:
            decomposed = unicodedata.normalize("NFD", self.paragraphs[number]).casefold()
            quick = self._quick[number] = _NOT_ALPHANUMERIC.sub("", decomposed)
        return quick

    def _fold(self, number: int) -> tuple[str, list[int]]:
        """A paragraph folded, with the origin of each character, made once."""
        if number not in self._folded:
            self._folded[number] = fold(self.paragraphs[number])
        return self._folded[number]


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
