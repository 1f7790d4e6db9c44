"""What building tells the editor: forms of the glossary that the text never shows, places the map cannot show.

A form that never occurs is nearly always a copying slip (a straight apostrophe for the
text's curly one) or a form that a longer one always covers. Neither stops the build:
each is a warning at the form's line, with the near match quoted when there is one. A
place the map cannot show is a warning at the line of its coordinates. `make check`
gives the same warnings without building, from the glossary, the texts and the base data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from edition.errors import WARNING, Problem
from edition.figures.html import format_coords, map_places
from edition.figures.mapsvg import map_layout
from edition.model import Basemap, Edition, Entry, Occurrence
from edition.pages.matcher import find_occurrences
from edition.source.nearmatch import FoldedText

MAX_HINTS = 100
"""How many absent forms get a near-match hint; the others are named plainly."""


def map_warnings(edition: Edition) -> list[Problem]:
    """A warning for every place the edition's map cannot show, at the line of its coordinates, saying why."""
    return place_warnings(edition.entries, edition.basemap)


def place_warnings(entries: Sequence[Entry], basemap: Basemap | None) -> list[Problem]:
    """A warning for every place with coordinates that a map on `basemap` cannot show, at the line of its coordinates.

    It needs only the glossary and the base data, not a whole edition, so that `make check`
    gives these warnings even for a source whose other files have errors.
    """
    if basemap is None:
        return []
    places = map_places(entries)  # as the map page has them, so that the same ones are left out
    placed = {entry.id: entry for entry in entries}
    return [
        Problem(
            placed[item.place.id].file,
            placed[item.place.id].key_lines.get("coords", placed[item.place.id].line),
            f"place '{item.place.id}' at {format_coords(item.place.lat, item.place.lon)} {item.reason}; "
            "the map leaves it out and lists it below the map",
            WARNING,
        )
        for item in (map_layout(basemap, places).left_out if places else ())
    ]


def form_warnings(
    entries: Sequence[Entry], paragraphs: Sequence[str], occurrences: Sequence[Occurrence], labels: Sequence[str] | None = None
) -> list[Problem]:
    """A warning for every form that is never matched in the text, at the form's line, saying why when it can.

    A form may occur only inside a longer form of another entry, which the matcher
    prefers; or it may be absent, often by a copying slip, and then the near match is
    quoted (for the first `MAX_HINTS` such forms: looking costs a pass over the text each).
    A collection's paragraphs come one document after another, each named by `labels`.
    """
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
    folded = FoldedText.of(paragraphs, labels)
    problems = []
    for number, (entry, form, line) in enumerate(unmatched):
        why = inside.get(form) or _absent(form, folded if number < MAX_HINTS else None)
        problems.append(Problem(entry.file, line, f"form '{form}' of entry '{entry.id}' {why}", WARNING))
    return problems


def _inside_longer_forms(
    forms: list[str], paragraphs: Sequence[str], occurrences: Sequence[Occurrence], entries: Sequence[Entry]
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
        return f"never occurs in the text: {near.describe()}"
    return "never occurs in the text; list the words exactly as the text has them, or remove the form"
