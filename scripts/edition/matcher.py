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
from collections.abc import Iterable, Iterator

from .model import Entry, Occurrence

WORD = re.compile(r"\w+")
"""A run of word characters: the unit forms are indexed and text is scanned by."""

FormTable = dict[str, list[tuple[str, str]]]
"""First word of a form → (form, entry id) pairs, longest form first."""


def build_form_table(entries: Iterable[Entry]) -> FormTable:
    """Index every form by its first word, longest forms first within each word."""
    table: FormTable = {}
    for entry in entries:
        for form in entry.forms:
            first = WORD.match(form)
            if first:
                table.setdefault(first.group(), []).append((form, entry.id))
    for candidates in table.values():
        candidates.sort(key=lambda pair: -len(pair[0]))
    return table


def find_occurrences(paragraphs: Iterable[str], entries: Iterable[Entry]) -> list[Occurrence]:
    """Every occurrence of every entry, in reading order, never overlapping."""
    table = build_form_table(entries)
    return [occurrence for number, paragraph in enumerate(paragraphs) for occurrence in _scan(paragraph, number, table)]


def _scan(paragraph: str, number: int, table: FormTable) -> Iterator[Occurrence]:
    """Walk the paragraph word by word, taking the longest form that starts at each word."""
    resume = 0
    for word in WORD.finditer(paragraph):
        start = word.start()
        if start < resume:
            continue
        for form, entry_id in table.get(word.group(), ()):
            end = start + len(form)
            if paragraph.startswith(form, start) and _ends_word(paragraph, end, form):
                yield Occurrence(number, start, end, entry_id)
                resume = end
                break


def _ends_word(text: str, end: int, form: str) -> bool:
    """True unless the form ends in a word character and the text's word goes on past it."""
    if end == len(text) or not WORD.match(form[-1]):
        return True
    return not WORD.match(text[end])


def first_occurrences(occurrences: Iterable[Occurrence]) -> dict[str, Occurrence]:
    """The first occurrence of each entry, in reading order (dicts keep insertion order)."""
    firsts: dict[str, Occurrence] = {}
    for occurrence in occurrences:
        firsts.setdefault(occurrence.entry_id, occurrence)
    return firsts
