"""The editorial apparatus: notes on the text and the table of who said what.

Notes are marked in the article by their own series of letters (a, b, c …), set apart
from the numbered glossary footnotes and styled by type; claims mark their words with a
subtle span. Both also get a page of their own that links back to the paragraphs.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Sequence

from edition.model import Anchor, Claim, Edition, Insert, Note, Source
from edition.safety import cited_work, escape_attribute, escape_text, markdown_html, markdown_text
from edition.source.anchors import locate

NOTE_TYPE_LABELS = {
    "correction": "Correction",
    "context": "Context",
    "attribution": "Attribution",
    "since-publication": "Since publication",
}

CLAIM_FORM_LABELS = {"quoted": "quoted", "partly-quoted": "partly quoted", "paraphrased": "paraphrased"}


def note_label(index: int) -> str:
    """The letter of the n-th note (from 0): a … z, then aa, ab …, like spreadsheet columns."""
    letters = string.ascii_lowercase
    label = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        label = letters[remainder] + label
    return label


def ordered_notes(edition: Edition) -> list[tuple[str, Note, Anchor]]:
    """Notes in reading order of where their quotes end, each with its letter and anchor."""
    anchored = [(locate(note.quote, note.occurrence, edition.paragraphs), note) for note in edition.notes]
    anchored.sort(key=lambda pair: (pair[0].paragraph, pair[0].end, pair[0].start))
    return [(note_label(index), note, anchor) for index, (anchor, note) in enumerate(anchored)]


def ordered_claims(edition: Edition) -> list[tuple[Claim, Anchor]]:
    """Claims in reading order, each with its anchor."""
    anchored = [(claim, locate(claim.quote, claim.occurrence, edition.paragraphs)) for claim in edition.claims]
    return sorted(anchored, key=lambda pair: (pair[1].paragraph, pair[1].start))


def paragraph_inserts(edition: Edition) -> dict[int, list[Insert]]:
    """Note markers and claim spans to put into each paragraph, keyed by paragraph index."""
    inserts: dict[int, list[Insert]] = defaultdict(list)
    for label, note, anchor in ordered_notes(edition):
        inserts[anchor.paragraph].append(Insert(anchor.end, Insert.MARKER, note_marker(label, note)))
    for claim, anchor in ordered_claims(edition):
        # No title: a native tooltip on the span would cover the tooltips of the terms
        # inside it. Who said what is on the claims page, which links back here.
        opening = f'<span class="ed-claim" data-claim="{claim.id}">'
        inserts[anchor.paragraph] += [Insert(anchor.start, Insert.OPEN, opening), Insert(anchor.end, Insert.CLOSE, "</span>")]
    return inserts


def note_marker(label: str, note: Note) -> str:
    """The marker of a note in the text: a superscript letter linking to the note, its text as tooltip."""
    kind = NOTE_TYPE_LABELS[note.type]
    tip = escape_attribute(f"{kind}: {plain_text(note.text)}")
    return (
        f'<sup class="ed-insert ed-note-ref ed-note-ref--{note.type}" id="noteref-{note.id}">'
        f'[{label}](notes.md#{note.id}){{ data-ed-tip="{tip}" aria-label="{kind} note {label}" }}</sup>'
    )


def plain_text(markdown_source: str) -> str:
    """The text a reader sees of a Markdown note, as one line: for tooltips and metadata."""
    return markdown_text(markdown_source)


def sources_list(sources: Sequence[Source]) -> str:
    """Cited works as a Markdown list, one line each."""
    return "\n".join(f"- {cited_work(source.title, source.url)}" for source in sources)


def render_notes(edition: Edition, front_matter: str) -> str:
    """The notes page: every note in reading order, with its quote, text, sources and a link back."""
    parts = [
        front_matter,
        "# Editorial notes",
        "Notes on the text, in reading order. Each quotes the words it is about and links back to "
        "its paragraph; in the article, notes are marked with letters, apart from the numbered glossary notes. "
        "The article itself is never altered.",
    ]
    if not edition.notes:
        parts.append("This edition has no editorial notes.")
    for label, note, anchor in ordered_notes(edition):
        kind = NOTE_TYPE_LABELS[note.type]
        number = anchor.paragraph + 1
        parts.append(
            "\n\n".join(
                [
                    f'<section class="ed-note ed-note--{note.type}" id="{note.id}" data-type="{note.type}" markdown>',
                    f'## {label}. {kind} {{ #{note.id}-heading data-toc-label="{label}. {kind}" }}',
                    f"> {escape_text(note.quote)}",
                    f'<div class="ed-prose">\n{markdown_html(note.text)}\n</div>',
                    "**Sources**\n\n" + sources_list(note.sources),
                    f"**In the article:** [¶ {number}](article.md#p{number}), [at the note’s mark](article.md#noteref-{note.id})",
                    "</section>",
                ]
            )
        )
    return "\n\n".join(parts) + "\n"


def render_claims(edition: Edition, front_matter: str) -> str:
    """The table of who said what: speaker, statement, channel, form and paragraph."""
    rows = [
        "| ¶ | Who | What | Channel | Form |",
        "|---|---|---|---|---|",
    ]
    for claim, anchor in ordered_claims(edition):
        number = anchor.paragraph + 1
        who = f"[{escape_text(claim.who)}](glossary.md#{claim.entry})" if claim.entry else escape_text(claim.who)
        cells = [
            f"[{number}](article.md#p{number})",
            who,
            escape_text(claim.what),
            escape_text(claim.channel),
            CLAIM_FORM_LABELS[claim.form],
        ]
        rows.append("| " + " | ".join(cell.replace("\n", " ") for cell in cells) + " |")
    intro = (
        "Every statement or position the article reports: who it is attributed to, what was said, "
        "how it reached the article, and whether the article quotes or paraphrases it. "
        "In the article, these passages are underlined faintly; the first column gives the paragraph of each."
    )
    table = "\n".join(rows) if edition.claims else "This edition lists no claims."
    return "\n\n".join([front_matter, "# Who said what", intro, table]) + "\n"
