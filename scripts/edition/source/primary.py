"""Primary sources in the source format: what a document says of itself, and claims that point into one.

A document's `edition.yml` may say what it is (`kind`: report, transcript, statement),
who issued it, the copy its text was taken from, whether it is an excerpt, and, for a
transcript, its speakers: the label that opens each turn, exactly as the text has it
(`GEN. MILLEY:`), and the speaker's glossary entry. A claim may say where its words
were said (`said: {document, passage}`), or why the edition has no such source
(`no_primary_source`). Every passage is looked for in its document here, so that a
claim pointing to words that are not there stops the build at its line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping as MappingType
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from edition.errors import Problem
from edition.model import DOCUMENT_KINDS, Claim, Said, Source, Speaker
from edition.source import schema
from edition.source.nearmatch import near_match
from edition.source.quotations import find_passages
from edition.source.records import item_lines
from edition.source.yamlfile import Mapping

OMISSION = re.compile(r"(?:…|\.\.\.)[ \t]*")
"""An excerpt's mark of words left out, which may stand before a turn's label: "… GEN. MILLEY: …"."""


def primary_fields(data: Mapping, file: str, problems: list[Problem]) -> dict[str, Any]:
    """The primary-source fields of an `edition.yml` that has passed its schema, as `Metadata` takes them."""
    kind = data.get("kind", "report")
    if kind not in DOCUMENT_KINDS:
        problems.append(Problem(file, data.key_lines["kind"], f"kind '{kind}' is not one of: {', '.join(DOCUMENT_KINDS)}"))
    copy = None
    if "copy" in data:
        found = schema.check_record(data["copy"], schema.SOURCE, file, "'copy'", data.key_lines["copy"])
        problems += found
        copy = None if found else Source(data["copy"]["title"].strip(), data["copy"].get("url"))
    speakers = _speakers(data.get("speakers", []), file, data.key_lines.get("speakers"), problems)
    if speakers and kind != "transcript":
        problems.append(Problem(file, data.key_lines["speakers"], "only a transcript has speakers; add 'kind: transcript' or remove them"))
    return {
        "kind": kind,
        "issued_by": data["issued_by"].strip() if "issued_by" in data else None,
        "copy": copy,
        "excerpt": data["excerpt"].strip() if "excerpt" in data else None,
        "speakers": speakers,
    }


def _speakers(items: list[Any], file: str, line: int | None, problems: list[Problem]) -> tuple[Speaker, ...]:
    """A transcript's speakers, each a label and an entry; two speakers may not share a label."""
    speakers: list[Speaker] = []
    for item, item_line in zip(items, item_lines(items, line), strict=True):
        found = schema.check_record(item, schema.SPEAKER, file, "a speaker", item_line)
        problems += found
        if found:
            continue
        label = item["label"].strip()
        if any(speaker.label == label for speaker in speakers):
            problems.append(Problem(file, item.key_lines["label"], f"speaker label '{label}' is given twice; give each label once"))
            continue
        speakers.append(Speaker(label, item["entry"], item.key_lines["label"]))
    return tuple(speakers)


def said_fields(record: Mapping, file: str, what: str, problems: list[Problem]) -> dict[str, Any]:
    """A claim's `said` (where its words were said) and `no_primary_source` (why the edition has none), as `Claim` takes them."""
    said = None
    if "said" in record:
        value = record["said"]
        found = schema.check_record(value, schema.SAID, file, f"'said' of {what}", record.key_lines["said"])
        problems += found
        if not found:
            said = Said(value["document"], value["passage"], value.key_lines["passage"])
    reason = record["no_primary_source"].strip() if "no_primary_source" in record else None
    if "said" in record and reason is not None:
        problems.append(
            Problem(
                file,
                record.key_lines["no_primary_source"],
                f"{what} gives both 'said' and 'no_primary_source'; keep 'said' if the edition holds the source, else the reason",
            )
        )
    return {"said": said, "no_primary_source": reason}


@dataclass(frozen=True)
class Text:
    """What the checks across documents need of one: its slug, files as editors name them, speakers and paragraphs."""

    slug: str
    article: str
    edition: str
    claims: str
    speakers: tuple[Speaker, ...]
    paragraphs: tuple[str, ...]


def check_primary_sources(
    texts: Sequence[Text], claims: MappingType[str, tuple[Claim, ...]], entry_ids: frozenset[str] | None
) -> list[Problem]:
    """Every claim's passage is in the document it names, and every speaker opens a turn and has an entry."""
    by_slug = {text.slug: text for text in texts}
    problems: list[Problem] = []
    for text in texts:
        problems += _speaker_problems(text, entry_ids)
        for claim in claims.get(text.slug, ()):
            if claim.said is not None:
                problems += _said_problems(claim, claim.said, text, by_slug)
    return problems


def _said_problems(claim: Claim, said: Said, text: Text, by_slug: MappingType[str, Text]) -> list[Problem]:
    """What is wrong with where a claim says its words were said: no such document, no such passage, or several."""
    line = claim.key_lines.get("said", claim.line)
    source = by_slug.get(said.document)
    if said.document == text.slug:
        message = f"claim '{claim.id}' names its own document as where the words were said; name the primary source"
        return [Problem(text.claims, line, message)]
    if source is None:
        close = difflib.get_close_matches(said.document, [slug for slug in by_slug if slug != text.slug], n=1)
        hint = f"did you mean '{close[0]}'?" if close else "name the folder of a document under documents/"
        return [Problem(text.claims, line, f"claim '{claim.id}' names document '{said.document}', which the edition does not have; {hint}")]
    found = find_passages(said.passage, source.paragraphs)
    if len(found) > 1:
        where = ", ".join(f"¶{anchor.paragraph + 1}" for anchor in found)
        message = f"passage of claim '{claim.id}' occurs {len(found)} times in {source.article} ({where}); quote more words to name one"
        return [Problem(text.claims, said.line or line, message)]
    if found:
        return []
    near = near_match(said.passage, source.paragraphs)
    hint = near.describe() if near else "copy the words exactly as they stand there, whole words within one paragraph"
    return [Problem(text.claims, said.line or line, f"passage of claim '{claim.id}' is not in {source.article}; {hint}")]


def _speaker_problems(text: Text, entry_ids: frozenset[str] | None) -> list[Problem]:
    """Each speaker's entry is in the glossary, and their label opens at least one paragraph."""
    problems = []
    for speaker in text.speakers:
        if entry_ids is not None and speaker.entry not in entry_ids:
            message = f"speaker '{speaker.label}' names entry '{speaker.entry}', which is not in the glossary; give the speaker's entry id"
            problems.append(Problem(text.edition, speaker.line or None, message))
        if not any(turn_label(paragraph, (speaker,)) for paragraph in text.paragraphs):
            problems.append(
                Problem(
                    text.edition,
                    speaker.line or None,
                    f"speaker label '{speaker.label}' opens no paragraph of {text.article}; "
                    "copy the label exactly as the text has it at the start of a turn, colon included",
                )
            )
    return problems


def turn_label(paragraph: str, speakers: Sequence[Speaker]) -> tuple[Speaker, int, int] | None:
    """The speaker whose label opens the paragraph (after an excerpt's "…", if any), and the label's span; or None."""
    omitted = OMISSION.match(paragraph)
    start = omitted.end() if omitted else 0
    for speaker in sorted(speakers, key=lambda speaker: -len(speaker.label)):
        if paragraph.startswith(speaker.label, start):
            return speaker, start, start + len(speaker.label)
    return None
