"""The editorial apparatus: notes on the text and the table of who said what.

Notes are marked in the article by their own series of letters (a, b, c …), set apart
from the numbered glossary footnotes and styled by type; claims mark their words with a
subtle span. A single article gives both a page of their own that links back to the
paragraphs; a collection's document holds them on its own page, below its text.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Sequence

from edition.layout import Layout, href
from edition.model import HEADING_SUFFIXES, Anchor, Claim, Document, Insert, Note, Source
from edition.pages.quotations import NO_CHECKS, Checks, quotation_mark, render_beside, status_html
from edition.passthrough import passthrough
from edition.safety import cited_work, escape_content, escape_html, markdown_html, markdown_text
from edition.source.anchors import locate

NOTE_HEADING = HEADING_SUFFIXES["note"]

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


def ordered_notes(document: Document) -> list[tuple[str, Note, Anchor]]:
    """Notes in reading order of where their quotes end, each with its letter and anchor."""
    anchored = [(locate(note.quote, note.occurrence, document.paragraphs), note) for note in document.notes]
    anchored.sort(key=lambda pair: (pair[0].paragraph, pair[0].end, pair[0].start))
    return [(note_label(index), note, anchor) for index, (anchor, note) in enumerate(anchored)]


def ordered_claims(document: Document) -> list[tuple[Claim, Anchor]]:
    """Claims in reading order, each with its anchor."""
    anchored = [(claim, locate(claim.quote, claim.occurrence, document.paragraphs)) for claim in document.claims]
    return sorted(anchored, key=lambda pair: (pair[1].paragraph, pair[1].start))


def paragraph_inserts(document: Document, layout: Layout, checks: Checks = NO_CHECKS) -> dict[int, list[Insert]]:
    """Note markers, claim spans and the marks of checked quotations (HTML) to put into each paragraph, keyed by paragraph index."""
    inserts: dict[int, list[Insert]] = defaultdict(list)
    text, notes = layout.text(document.slug), layout.notes(document.slug)
    for label, note, anchor in ordered_notes(document):
        inserts[anchor.paragraph].append(Insert(anchor.end, Insert.MARKER, note_marker(label, note, href(text, notes, note.id))))
    for claim, anchor in ordered_claims(document):
        # No title: a native tooltip on the span would cover the tooltips of the terms
        # inside it. Who said what is on the claims page, which links back here.
        opening = f'<span class="ed-claim" data-claim="{claim.id}">'
        inserts[anchor.paragraph] += [Insert(anchor.start, Insert.OPEN, opening), Insert(anchor.end, Insert.CLOSE, "</span>")]
        check = checks.get((document.slug, claim.id))
        if check is not None and check.source is not None:
            inserts[anchor.paragraph].append(Insert(anchor.end, Insert.MARKER, quotation_mark(check, layout)))
    return inserts


def note_marker(label: str, note: Note, link: str) -> str:
    """The marker of a note in the text (HTML): a superscript letter linking to the note, its text as tooltip."""
    kind = NOTE_TYPE_LABELS[note.type]
    tip = escape_html(f"{kind}: {markdown_text(note.text)}")
    return (
        f'<sup class="ed-insert ed-note-ref ed-note-ref--{note.type}" id="noteref-{note.id}">'
        f'<a aria-label="{kind} note {label}" data-ed-tip="{tip}" href="{link}">{label}</a></sup>'
    )


def sources_html(sources: Sequence[Source]) -> str:
    """Cited works as an HTML list, one item each."""
    return "<ul>\n" + "\n".join(f"<li>{cited_work(source.title, source.url)}</li>" for source in sources) + "\n</ul>"


def render_notes(document: Document, layout: Layout, *, level: int = 2) -> str:
    """Every note in reading order, with its quote, text, sources and a link back: the notes page's body, or a document's section.

    `level` is the notes' heading level: 2 on a page of their own, 3 within a document's page.
    Each note is HTML that passes through Markdown unparsed, but for its heading, which
    Markdown gives its permanent link and puts in the table of contents.
    """
    page = layout.notes(document.slug)
    text = layout.text(document.slug)
    if not document.notes:
        return "This document has no editorial notes." if page == text else "This edition has no editorial notes."
    sections = []
    for label, note, anchor in ordered_notes(document):
        kind = NOTE_TYPE_LABELS[note.type]
        number = anchor.paragraph + 1
        back = (
            f'<a href="{href(page, text, f"p{number}")}">¶ {number}</a>, '
            f'<a href="{href(page, text, f"noteref-{note.id}")}">at the note’s mark</a>'
        )
        body = [
            f"<blockquote>\n<p>{escape_content(note.quote)}</p>\n</blockquote>",
            f'<div class="ed-prose">\n{markdown_html(note.text)}\n</div>',
            "<p><strong>Sources</strong></p>",
            sources_html(note.sources),
            f"<p><strong>In the {'text' if page == text else 'article'}:</strong> {back}</p>",
            "</section>",
        ]
        sections += [
            passthrough(f'<section class="ed-note ed-note--{note.type}" data-type="{note.type}" id="{note.id}">'),
            f'{"#" * level} {label}. {kind} {{ #{note.id}{NOTE_HEADING} data-toc-label="{label}. {kind}" }}',
            passthrough("\n".join(body)),
        ]
    return "\n\n".join(sections)


NOTES_INTRO = (
    "Notes on the text, in reading order. Each quotes the words it is about and links back to "
    "its paragraph; in the article, notes are marked with letters, apart from the numbered glossary notes. "
    "The article itself is never altered."
)

CLAIMS_INTRO = (
    "Every statement or position the article reports: who it is attributed to, what was said, "
    "how it reached the article, and whether the article quotes or paraphrases it. "
    "In the article, these passages are underlined faintly; the first column gives the paragraph of each."
)


def render_notes_page(document: Document, layout: Layout, front_matter: str) -> str:
    """The notes page of a single article."""
    return "\n\n".join([front_matter, "# Editorial notes", NOTES_INTRO, render_notes(document, layout)]) + "\n"


def render_claims(document: Document, layout: Layout, entry_ids: frozenset[str], checks: Checks = NO_CHECKS) -> str:
    """The table of who said what: paragraph, speaker, statement, channel, form and source (HTML that passes through Markdown)."""
    page = layout.claims(document.slug)
    text = layout.text(document.slug)
    if not document.claims:
        return "This document lists no claims." if page == text else "This edition lists no claims."
    rows = []
    for claim, anchor in ordered_claims(document):
        number = anchor.paragraph + 1
        who = escape_content(claim.who)
        if claim.entry and claim.entry in entry_ids:
            who = f'<a href="{href(page, layout.entry(claim.entry), claim.entry)}">{who}</a>'
        cells = [
            f'<a href="{href(page, text, f"p{number}")}">{number}</a>',
            who,
            escape_content(claim.what),
            escape_content(claim.channel),
            CLAIM_FORM_LABELS[claim.form],
            status_html(checks.get((document.slug, claim.id)), page, layout),
        ]
        rows.append(f'<tr id="claim-{claim.id}">\n' + "".join(f"<td>{cell}</td>\n" for cell in cells) + "</tr>")
    head = "<thead>\n<tr>\n" + "".join(f"<th>{name}</th>\n" for name in CLAIM_COLUMNS) + "</tr>\n</thead>"
    return passthrough(f"<table>\n{head}\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


CLAIM_COLUMNS = ("¶", "Who", "What", "Channel", "Form", "Primary source")


def render_claims_page(document: Document, layout: Layout, entry_ids: frozenset[str], front_matter: str, checks: Checks) -> str:
    """The who-said-what page of a single article: the table, then each checked quotation beside its source."""
    parts = [front_matter, "# Who said what", CLAIMS_INTRO, render_claims(document, layout, entry_ids, checks)]
    return "\n\n".join([*parts, *render_beside_section(document, layout, checks, level=2)]) + "\n"


BESIDE_INTRO = (
    "Each quotation whose source the edition holds: the paragraph that reports it beside the source’s words, "
    "and the quoted words compared with them (quotation marks, apostrophes, dashes and spacing aside)."
)


def render_beside_section(document: Document, layout: Layout, checks: Checks, *, level: int) -> list[str]:
    """The section that sets each checked quotation beside its source, or nothing when the document has none."""
    beside = render_beside(document, checks, layout)
    if not beside:
        return []
    return [f"{'#' * level} Quotations beside their sources {{ #beside }}", BESIDE_INTRO, passthrough(beside)]
