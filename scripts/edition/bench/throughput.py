"""Generator throughput: the project's matcher against one regex alternation of every form.

The "obvious approach" is what one writes first: a single regular expression
alternating all forms, longest first, between whole-word boundaries. Python's
`re` tries the alternatives one by one at each word start, so its cost grows
with the glossary; the project's matcher looks each word up in a table of forms.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from edition.bench.synthetic import Glossary, make_glossary, make_paragraphs, text_megabytes
from edition.bench.timing import medians_in_turns, timed
from edition.pages.matcher import find_occurrences


@dataclass(frozen=True)
class Throughput:
    """One measurement: text size, glossary size, and the median seconds of both approaches.

    `matcher_seconds_with_gc` is the matcher timed again with the garbage collector running,
    as it does in a build.
    """

    words: int
    entries: int
    megabytes: float
    matcher_seconds: float
    regex_seconds: float
    occurrences: int
    matcher_seconds_with_gc: float


@dataclass(frozen=True)
class Linearity:
    """The matcher's median seconds per MB of text on a smaller and a larger text, one glossary, timed in turns."""

    entries: int
    words: tuple[int, int]
    seconds_per_megabyte: tuple[float, float]


def alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """One regex of every form, longest first, matched only as whole words."""
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(form) for form in ordered) + r")(?!\w)")


def regex_spans(paragraphs: Iterable[str], glossary: Glossary) -> list[tuple[int, int, int]]:
    """The obvious approach, start to finish: compile the alternation and scan every paragraph."""
    pattern = alternation(glossary.forms)
    return [(number, *found.span()) for number, paragraph in enumerate(paragraphs) for found in pattern.finditer(paragraph)]


def measure(words: int, entry_counts: tuple[int, ...], runs: int, regex_runs: int) -> list[Throughput]:
    """Time both approaches on one text size, every glossary size in turns; refuse to report if they disagree."""
    cases = []
    for entries in entry_counts:
        glossary = make_glossary(entries)
        cases.append((glossary, make_paragraphs(words, glossary)))
    matchers = [partial(find_occurrences, paragraphs, glossary.entries) for glossary, paragraphs in cases]
    matcher_seconds = medians_in_turns(matchers, runs)
    with_gc = medians_in_turns(matchers, runs, pause_gc=False)
    results = []
    for (glossary, paragraphs), seconds, seconds_with_gc in zip(cases, matcher_seconds, with_gc, strict=True):
        ours = [(found.paragraph, found.start, found.end) for found in find_occurrences(paragraphs, glossary.entries)]
        regex_times = [timed(partial(regex_spans, paragraphs, glossary)) for _ in range(regex_runs)]
        if regex_times[-1][1] != ours:
            raise AssertionError(f"the matcher and the regex disagree on {words} words, {len(glossary.entries)} entries")
        regex_seconds = statistics.median(seconds for seconds, _ in regex_times)
        megabytes = text_megabytes(paragraphs)
        results.append(Throughput(words, len(glossary.entries), megabytes, seconds, regex_seconds, len(ours), seconds_with_gc))
    return results


def measure_linearity(words: tuple[int, int], entries: int, runs: int) -> Linearity:
    """Time the matcher on both text sizes in turns, so that a slow moment of the machine hits both alike."""
    glossary = make_glossary(entries)
    texts = [make_paragraphs(count, glossary) for count in words]
    seconds = medians_in_turns([partial(find_occurrences, paragraphs, glossary.entries) for paragraphs in texts], runs)
    small, large = (median / text_megabytes(paragraphs) for median, paragraphs in zip(seconds, texts, strict=True))
    return Linearity(entries, words, (small, large))
