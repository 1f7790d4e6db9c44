"""Find where a quoted passage sits in the article: notes and claims are anchored this way."""

from __future__ import annotations

from collections.abc import Sequence

from edition.model import Anchor


def count_quote(quote: str, paragraphs: Sequence[str]) -> int:
    """How many times the quote occurs in the article, within single paragraphs."""
    return sum(paragraph.count(quote) for paragraph in paragraphs)


def locate(quote: str, occurrence: int | None, paragraphs: Sequence[str]) -> Anchor:
    """The span of the quote's n-th occurrence (the only one when `occurrence` is None).

    The source stage has already checked that it exists; asking for a missing one is a bug.
    """
    wanted = occurrence or 1
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(quote)
        while start != -1:
            wanted -= 1
            if wanted == 0:
                return Anchor(number, start, start + len(quote))
            start = paragraph.find(quote, start + 1)
    raise ValueError(f"quote not in the article: {quote!r}")
