"""Checks across records and files: forms against each other, quotes against the text, claims' entries.

Each returns problems rather than raising, so that `parse` reports them all in one
pass together with every file's own.
"""

from __future__ import annotations

import itertools

from edition.errors import Problem
from edition.model import Anchor, Claim, Entry, Note
from edition.source.anchors import count_quote, locate
from edition.source.nearmatch import near_match


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


def check_claims(claims: tuple[Claim, ...], entry_ids: frozenset[str], paragraphs: tuple[str, ...], file: str) -> list[Problem]:
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
