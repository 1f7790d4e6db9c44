"""Checks across records and files: forms against the text and each other, quotes, claims' entries.

Each returns problems rather than raising, so that the loader reports them all in one
pass together with every file's own.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from .anchors import count_quote, locate
from .errors import WARNING, Problem
from .matcher import find_occurrences
from .model import Anchor, Claim, Entry, Note, Occurrence
from .nearmatch import FoldedText, near_match


def check_shared_forms(entries: tuple[Entry, ...], file: str) -> list[Problem]:
    """A form may belong to one entry only, or the matcher could not tell which is meant."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        for form, line in zip(entry.forms, entry.form_lines or [entry.line] * len(entry.forms), strict=True):
            first = owner.setdefault(form, entry)
            if first is not entry:
                problems.append(
                    Problem(
                        file,
                        line,
                        f"form '{form}' of entry '{entry.id}' is also a form of entry '{first.id}' (line {first.line}); keep it in one",
                    )
                )
    return problems


def check_forms(entries: tuple[Entry, ...], paragraphs: tuple[str, ...], file: str) -> list[Problem]:
    """A warning for every form that is never matched in the text, saying why when it can.

    A form may occur only inside a longer form of another entry, which the matcher
    prefers; or it may be absent, often by a copying slip, and then the near match is
    quoted (for the first `MAX_HINTS` such forms: looking costs a pass over the text each).
    """
    occurrences = find_occurrences(paragraphs, entries)
    matched = {paragraphs[occurrence.paragraph][occurrence.start : occurrence.end] for occurrence in occurrences}
    unmatched = [
        (entry, form, line)
        for entry in entries
        for form, line in zip(entry.forms, entry.form_lines or [entry.line] * len(entry.forms), strict=True)
        if form not in matched
    ]
    if not unmatched:
        return []
    inside = _inside_longer_forms([form for _, form, _ in unmatched], paragraphs, occurrences, entries)
    folded = FoldedText.of(paragraphs)
    problems = []
    for number, (entry, form, line) in enumerate(unmatched):
        why = inside.get(form) or _absent(form, folded if number < MAX_HINTS else None)
        problems.append(Problem(file, line, f"form '{form}' of entry '{entry.id}' {why}", WARNING))
    return problems


MAX_HINTS = 100
"""How many absent forms get a near-match hint; the others are named plainly."""


def _inside_longer_forms(
    forms: list[str], paragraphs: tuple[str, ...], occurrences: list[Occurrence], entries: tuple[Entry, ...]
) -> dict[str, str]:
    """For each form that occurs as a whole word but is never matched, why: the longer form matched around it."""
    probes = tuple(Entry(str(index), form, "term", (form,), "", "", ()) for index, form in enumerate(forms))
    matched_by_paragraph: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        matched_by_paragraph[occurrence.paragraph].append(occurrence)
    owner = {entry.id: entry for entry in entries}
    reasons: dict[str, str] = {}
    for found in find_occurrences(paragraphs, probes):
        form = forms[int(found.entry_id)]
        around = next((other for other in matched_by_paragraph[found.paragraph] if other.start <= found.start < other.end), None)
        covering = ""
        if around is not None:
            covering = f" '{paragraphs[around.paragraph][around.start : around.end]}' of entry '{owner[around.entry_id].id}'"
        reasons.setdefault(form, f"occurs only inside the longer form{covering}, which is matched instead; remove it or the longer one")
    return reasons


def _absent(form: str, folded: FoldedText | None) -> str:
    """Why an absent form is never matched: its near match in the text, or plainly that it is not there."""
    near = folded.near_match(form) if folded is not None else None
    if near is not None:
        return f"never occurs in the article: {near.describe()}"
    return "never occurs in the article; list the words exactly as the article has them, or remove the form"


def check_quotes(items: tuple[Note, ...] | tuple[Claim, ...], paragraphs: tuple[str, ...], file: str, what: str) -> list[Problem]:
    """Each quote must occur within one paragraph: exactly once, or as often as `occurrence` asks."""
    problems = []
    for item in items:
        line = item.key_lines.get("quote", item.line)
        count = count_quote(item.quote, paragraphs)
        if count == 0:
            near = near_match(item.quote, paragraphs)
            hint = near.describe() if near else "copy the words exactly, quotes, apostrophes, dashes and spaces included"
            problems.append(Problem(file, line, f"quote of {what} '{item.id}' is not in the article; {hint}"))
        elif item.occurrence is None and count > 1:
            problems.append(
                Problem(file, line, f"quote of {what} '{item.id}' occurs {count} times; quote more words or add 'occurrence: N'")
            )
        elif item.occurrence is not None and not 1 <= item.occurrence <= count:
            problems.append(
                Problem(
                    file,
                    item.key_lines.get("occurrence", line),
                    f"{what} '{item.id}' asks for occurrence {item.occurrence} of its quote, which occurs {count} time(s)",
                )
            )
    return problems


def check_claims(claims: tuple[Claim, ...], entry_ids: set[str], paragraphs: tuple[str, ...], file: str) -> list[Problem]:
    """A claim's `entry` must be a glossary id, and two claims may not mark overlapping words."""
    problems = [
        Problem(
            file,
            claim.key_lines.get("entry", claim.line),
            f"claim '{claim.id}' names entry '{claim.entry}', which is not in the glossary; use an entry id or drop 'entry'",
        )
        for claim in claims
        if claim.entry is not None and claim.entry not in entry_ids
    ]
    anchored = [claim for claim in claims if 1 <= (claim.occurrence or 1) <= count_quote(claim.quote, paragraphs)]
    anchored = [claim for claim in anchored if claim.occurrence is not None or count_quote(claim.quote, paragraphs) == 1]
    spans = sorted(
        ((locate(claim.quote, claim.occurrence, paragraphs), claim) for claim in anchored),
        key=lambda pair: (pair[0].paragraph, pair[0].start, pair[0].end),
    )
    for (first, earlier), (second, later) in itertools.pairwise(spans):
        if first.paragraph == second.paragraph and second.start < first.end:
            problems.append(
                Problem(
                    file,
                    later.key_lines.get("quote", later.line),
                    f"quote of claim '{later.id}' overlaps that of claim '{earlier.id}' (line {earlier.line}); shorten one",
                )
            )
    return problems


def _is_anchored(item: Note | Claim, paragraphs: tuple[str, ...]) -> bool:
    """Whether the quote occurs as the item asks: once, or at least `occurrence` times."""
    count = count_quote(item.quote, paragraphs)
    return 1 <= (item.occurrence or 1) <= count and (item.occurrence is not None or count == 1)


def _position(anchor: Anchor) -> tuple[int, int, int]:
    """An anchor's place in reading order."""
    return anchor.paragraph, anchor.start, anchor.end
