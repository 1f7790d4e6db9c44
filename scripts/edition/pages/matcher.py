"""Find where glossary entries occur in the article: pure text in, occurrences out.

Matching is whole-word and case-sensitive, leftmost first and then longest form
first ("NATO summit in Vilnius" beats "NATO"). A form never matches inside a
longer word ("Crimea" is not found in "Crimean"), while a possessive or any
other punctuation after it ("Zelensky’s", "ATACMS's") ends the word as usual.

Rather than one regular expression alternating every form, which is tried at
each position and slows down as the glossary grows, the text is split into
words once and each word is looked up in a table of the forms that begin with
it: the cost grows with the text and hardly at all with the glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from edition.model import Entry, Occurrence

WORD = re.compile(r"\w+")
"""A run of word characters: the unit forms are indexed and text is scanned by."""

Candidate = tuple[str, str, bool]
"""A form, its entry's id, and whether a word character may not follow it (it ends in one)."""

FormTable = dict[str, list[Candidate]]
"""First word of a form → its candidates, longest form first."""


def build_form_table(entries: Iterable[Entry]) -> FormTable:
    """Index every form by its first word, longest forms first within each word."""
    table: FormTable = {}
    for entry in entries:
        for form in entry.forms:
            first = WORD.match(form)
            if first:
                table.setdefault(first.group(), []).append((form, entry.id, _is_word_character(form[-1])))
    for candidates in table.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))
    return table


def find_occurrences(paragraphs: Iterable[str], entries: Iterable[Entry]) -> list[Occurrence]:
    """Every occurrence of every entry, in reading order, never overlapping."""
    return find_in_table(paragraphs, build_form_table(entries))


def find_in_table(paragraphs: Iterable[str], table: FormTable) -> list[Occurrence]:
    """Every occurrence of the forms of a table built once (`build_form_table`), for a text among many."""
    occurrences: list[Occurrence] = []
    for number, paragraph in enumerate(paragraphs):
        occurrences += _scan(paragraph, number, table)
    return occurrences


def _scan(paragraph: str, number: int, table: FormTable) -> list[Occurrence]:
    """Walk the paragraph word by word, taking the longest form that starts at each word.

    Most words begin no form, so the loop does one dictionary look-up for them and
    nothing else; the hot path is kept free of function calls for that reason.
    """
    found: list[Occurrence] = []
    resume = 0
    for word in WORD.finditer(paragraph):
        candidates = table.get(word.group())
        if candidates is None:
            continue
        start = word.start()
        if start < resume:
            continue
        for form, entry_id, closed in candidates:
            end = start + len(form)
            if paragraph.startswith(form, start) and not (closed and end < len(paragraph) and _is_word_character(paragraph[end])):
                found.append(Occurrence(number, start, end, entry_id))
                resume = end
                break
    return found


def _is_word_character(character: str) -> bool:
    """True for what the pattern `WORD` matches: alphanumerics (`str.isalnum`) and the underscore."""
    return character.isalnum() or character == "_"


def first_occurrences(occurrences: Iterable[Occurrence]) -> dict[str, Occurrence]:
    """The first occurrence of each entry, in reading order (dicts keep insertion order)."""
    firsts: dict[str, Occurrence] = {}
    for occurrence in occurrences:
        firsts.setdefault(occurrence.entry_id, occurrence)
    return firsts
