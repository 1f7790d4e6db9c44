"""Quotations against their primary source: find a passage, and compare the words quoted with it.

A passage is found by its exact words, with only what a copy changes without changing
what was said compared as equal: curly and straight quotation marks (‘ ’ ' and “ ” "),
the en and em dash (– —), and runs of spaces and line breaks. Case, accents, hyphens
and every other character count. The words an article puts inside quotation marks
*match the source* when they occur in the passage, folded the same way and on word
boundaries ("very difficult" in "very, very difficult"); otherwise they *differ*, and
`compare` says which words do.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from edition.model import Anchor

FOLDS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "—"})
"""The characters a copy of the same words may change: each folded into one of its kind."""

SPACES = re.compile(r"\s+")

QUOTED = re.compile(
    r"""
    “(?P<curly>[^“”]+)”                  # words in curly quotation marks, as the article prints them
    | "(?P<straight>[^"]+)"               # or in straight ones
    # or in single ones: ‘red line’; an apostrophe inside, as in ‘Putin’s war’, does not end them
    | (?<!\w)‘(?P<single>[^‘’]+(?:’\w+[^‘’]*)*)’(?!\w)
    """,
    re.VERBOSE,
)

WORD = re.compile(r"\w+(?:['’]\w+)*")
"""A word as the comparison counts it: letters and digits, with an apostrophe inside ("doesn’t")."""

MATCHES = "matches"
DIFFERS = "differs"
NO_SOURCE = "no-source"
STATUS_LABELS = {MATCHES: "Matches the source", DIFFERS: "Differs from the source", NO_SOURCE: "No primary source in the edition"}


@dataclass(frozen=True)
class Folded:
    """A text with the allowed differences folded away, and where each of its characters came from."""

    text: str
    origins: tuple[int, ...]
    """For each character of `text`, its index in the original; one more at the end, the original's length."""


def fold(text: str) -> Folded:
    """`text` with quotation marks, apostrophes and dashes made one of each kind, and every run of spaces one space."""
    characters: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text.translate(FOLDS)):
        if character.isspace():
            if characters and characters[-1] == " ":
                continue
            character = " "
        characters.append(character)
        origins.append(index)
    return Folded("".join(characters), (*origins, len(text)))


def folded(text: str) -> str:
    """Only the folded text: for comparing two texts."""
    return fold(text).text.strip()


def find_passage(passage: str, paragraphs: Sequence[str]) -> Anchor | None:
    """Where `passage` first stands in one paragraph, as the original's character span; None when it is in none."""
    return next(iter(find_passages(passage, paragraphs)), None)


def find_passages(passage: str, paragraphs: Sequence[str]) -> list[Anchor]:
    """Every place where `passage` stands whole within one paragraph (never starting or ending inside a word)."""
    wanted = folded(passage)
    found: list[Anchor] = []
    if not wanted:
        return found
    for number, paragraph in enumerate(paragraphs):
        text = fold(paragraph)
        found += [Anchor(number, text.origins[start], text.origins[start + len(wanted) - 1] + 1) for start in _whole(wanted, text.text)]
    return found


def _whole(needle: str, haystack: str) -> list[int]:
    """Where `needle` starts in `haystack` without beginning or ending inside a word."""
    starts = []
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (needle[0].isalnum() and before.isalnum()) and not (needle[-1].isalnum() and after.isalnum()):
            starts.append(start)
        start = haystack.find(needle, start + 1)
    return starts


def quoted_words(quote: str) -> tuple[str, ...]:
    """The words a quote of the article sets inside quotation marks, each stretch apart."""
    return tuple(match["curly"] or match["straight"] or match["single"] for match in QUOTED.finditer(quote))


def occurs_in(words: str, passage: str) -> bool:
    """Whether `words` occur in `passage`, folded, and not as part of a longer word."""
    needle = folded(words)
    return bool(needle) and bool(_whole(needle, folded(passage)))


@dataclass(frozen=True)
class Piece:
    """A stretch of words on one side of a comparison, and whether the other side has it."""

    text: str
    same: bool


@dataclass(frozen=True)
class Comparison:
    """Quoted words set beside the passage: the status, and each side in pieces, what differs marked."""

    status: str
    quoted: tuple[Piece, ...]
    source: tuple[Piece, ...]


def compare(quoted: str, passage: str) -> Comparison:
    """The quoted words against the passage: *matches* when they occur in it, else *differs*, word by word.

    Each side is cut into runs of words the other has and runs it has not. The passage's
    words before and after what the quotation reports are left out, but for the few next to
    a quoted word it has not (the words it replaces), so that a changed word shows beside
    the word the source has.
    """
    ours, theirs = WORD.findall(folded(quoted)), WORD.findall(folded(passage))
    status = MATCHES if occurs_in(quoted, passage) else DIFFERS
    operations = difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
    quoted_side: list[Piece] = []
    source_side: list[Piece] = []
    for index, (operation, first, last, start, end) in enumerate(operations):
        if operation != "equal" and index in (0, len(operations) - 1) and len(operations) > 1:
            start, end = _trimmed(start, end, last - first, at_start=index == 0)
        if last > first:
            quoted_side.append(Piece(" ".join(ours[first:last]), operation == "equal"))
        if end > start:
            source_side.append(Piece(" ".join(theirs[start:end]), operation == "equal"))
    return Comparison(status, tuple(quoted_side), tuple(source_side))


def _trimmed(start: int, end: int, replaced: int, *, at_start: bool) -> tuple[int, int]:
    """The passage's words kept of a difference at its beginning or end: none beside no quoted word, else one more than they are."""
    kept = min(end - start, replaced + 1) if replaced else 0
    return (end - kept, end) if at_start else (start, start + kept)
