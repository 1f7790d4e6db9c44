"""The home and about pages: the editors' own (`index.md`, `about.md` in the source folder), or made from what the edition has.

An edition carries no page of another: without pages of its own, its home explains how
to read what this edition has (notes only when there are notes, a map only when there
is one), and its about page says what it is from `edition.yml`. The title card of the
home page and the facts and citation of the about page come from the templates.
"""

from __future__ import annotations

from edition.layout import Layout
from edition.model import Edition
from edition.safety import disarm_html, escape_text

HOME_TITLE = "Home"
ABOUT_TITLE = "About this edition"
A_DOCUMENT = {"report": "a news report", "transcript": "a transcript", "statement": "a statement"}
"""Each of `DOCUMENT_KINDS` in words, for "This is a digital edition of …"."""


def render_home(edition: Edition, front_matter: str, *, has_map: bool, layout: Layout) -> str:
    """The home page: the editors' Markdown under the title card, or how to read this edition."""
    # The editors' Markdown reaches MkDocs disarmed, as `page_problems` checked it: a `<` they typed is shown, never a tag.
    body = disarm_html(edition.home) if edition.home is not None else _how_to_read(edition, has_map=has_map, layout=layout)
    return f"{front_matter}\n{body.rstrip()}\n"


def render_about(edition: Edition, front_matter: str, *, has_map: bool) -> str:
    """The about page: the editors' own, or what the edition is and how it was made; the templates add its facts and citation."""
    about = edition.about
    title = about.title if about is not None and about.title else ABOUT_TITLE
    body = disarm_html(about.markdown) if about is not None else _what_it_is(edition, has_map=has_map)
    return f"{front_matter}\n# {_heading(title)}\n\n{body.rstrip()}\n"


def about_title(edition: Edition) -> str:
    """The about page's title: the editors' first heading, or "About this edition"."""
    return edition.about.title if edition.about is not None and edition.about.title else ABOUT_TITLE


def _heading(title: str) -> str:
    """A heading's text as Markdown that shows it as typed (the editors' title may hold any character)."""
    return escape_text(title, starts_line=False)


def _how_to_read(edition: Edition, *, has_map: bool, layout: Layout) -> str:
    """How to read this edition, one item for each thing it has."""
    items = [
        "**The text** is reproduced exactly as the editors received it: not a word, letter or punctuation mark is changed. "
        "Mistakes in it are left standing and explained in the apparatus, never corrected in the text.",
        "**Paragraph numbers** stand in the margin. Each is a link to that paragraph (for example `article/#p2`), "
        "so that a paragraph can be cited on its own.",
    ]
    if edition.entries:
        items += [
            "**Footnotes** explain each term, person, place and organization at its first mention. "
            "Hover over or focus a footnote number to read the note in place.",
            "**Later mentions** are underlined with dots: hover over or focus one to see a one-line definition, "
            "or follow it to the full glossary entry.",
            "**The [glossary](glossary.md)** gives every entry in full, with its sources and links back to every paragraph "
            "that mentions it. **The [index of names](names.md)** lists the people, places and organizations.",
        ]
    if edition.document.notes:
        items.append(
            "**Letters** in the text mark the [editorial notes](notes.md): corrections, context, attributions "
            "and what changed after publication."
        )
    if edition.document.claims:
        items.append("**[Who said what](claims.md)** lists every statement the article reports and how it reached the article.")
    if len(edition.documents) > 1:
        sources = ", ".join(
            f"[{escape_text(document.metadata.display_title, starts_line=False)}]({layout.text(document.slug)})"
            for document in edition.documents[1:]
        )
        items.append(
            f"**Primary sources** the article quotes are in the edition as texts of their own: {sources}. "
            "Who said what says whether each quotation matches the source's words."
        )
    if has_map and edition.timeline:
        items.append(
            "**The [map](map.md) and the [timeline](timeline.md)** show where the places lie and when the events happened, "
            "including what came after the article."
        )
    elif has_map:
        items.append("**The [map](map.md)** shows where the places lie.")
    elif edition.timeline:
        items.append("**The [timeline](timeline.md)** shows when the events happened, including what came after the article.")
    items.append("**On paper**, print any page, or download the whole edition as a typeset book (PDF) when the site offers it.")
    lines = ["## How to read this edition", "", *(f"- {item}" for item in items), "", "[About this edition and how it was made](about.md)"]
    return "\n".join(lines) + "\n"


def collection_how_to_read(edition: Edition, *, has_map: bool, glossary: str = "glossary.md") -> str:
    """How to read a collection, one item for each thing it has; `glossary` is the glossary's first page."""
    items = [
        "**Each document** has a page of its own, listed below: its text reproduced exactly as the editors received it, "
        "numbered paragraphs that can be cited one by one, and, below the text, its editorial notes and who said what.",
    ]
    if edition.entries:
        items += [
            "**Footnotes** explain each term, person, place and organization at its first mention in each document; "
            "later mentions are underlined with dots and link to the entry.",
            f"**The [glossary]({glossary})** is shared by every document: each entry links back to every document and paragraph "
            "that mentions it. **The [index of names](names.md)** lists the people, places and organizations.",
        ]
    figures = [name for name, present in (("[map](map.md)", has_map), ("[timeline](timeline.md)", bool(edition.timeline))) if present]
    if figures:
        items.append(f"**The {' and the '.join(figures)}** gather what every document contributes, each item linked to its document.")
    items.append("**[Search](search.md)** finds a word in every document. **On paper**, each document is also a typeset book (PDF).")
    lines = [
        "## How to read this collection",
        "",
        *(f"- {item}" for item in items),
        "",
        "[About this edition and how it was made](about.md)",
    ]
    return "\n".join(lines) + "\n"


def _what_it_is(edition: Edition, *, has_map: bool) -> str:
    """What the edition is and how it was made, from what it has."""
    what = f"a collection of {len(edition.documents):,} documents" if edition.collection else A_DOCUMENT[edition.document.metadata.kind]
    parts = [
        f"This is a digital edition of {what}, made the way a scholarly edition treats a document: the text is "
        "reproduced exactly, and everything the editors add is kept apart from it, marked as theirs, and sourced.",
        "## The text",
        "The article is reproduced verbatim from the copy the editors received, paragraph by paragraph. Spelling, "
        "punctuation and factual claims are left as they stand; the apparatus explains such places instead of correcting "
        "them. Whatever the edition inserts into a paragraph (its number, footnote calls, note marks) is marked up "
        "separately, so that removing it leaves exactly the source text. Where the source lacked something an edition "
        "would normally give (a headline, an outlet, a byline, a date, an address), the edition records it as unknown "
        "rather than guessing; a title supplied by the editors is shown in [brackets].",
        "## The apparatus",
        "\n".join(f"- {item}" for item in _apparatus(edition, has_map=has_map)),
        "## How it was made",
        "The edition is built from a source folder of plain files (the article as text, its details, the glossary, the "
        "notes and the reported statements) by a tool that checks them, finds every form of every glossary entry in the "
        "text, anchors each note and statement to its quoted words, and writes the annotated pages, which MkDocs with "
        "Material for MkDocs publishes as this site.",
    ]
    return "\n\n".join(parts) + "\n"


def _apparatus(edition: Edition, *, has_map: bool) -> list[str]:
    """One line for each part of the apparatus this edition has."""
    parts = []
    if edition.entries:
        entries = _count(len(edition.entries), "entry", "entries")
        parts.append(
            f"**Glossary** ({entries}): terms, people, places and organizations, each defined with its "
            "sources; the first mention in the text carries a numbered footnote, later ones link to the entry."
        )
    notes = sum(len(document.notes) for document in edition.documents)
    claims = sum(len(document.claims) for document in edition.documents)
    if notes:
        parts.append(f"**Editorial notes** ({notes}), each anchored to the exact words it concerns and sourced.")
    if claims:
        parts.append(f"**Who said what** ({_count(claims, 'statement')}): who said what, through which channel, quoted or paraphrased.")
    if has_map:
        parts.append("**Map**: the places of the glossary that have coordinates, drawn at build time from Natural Earth data.")
    if edition.timeline:
        parts.append(f"**Timeline** ({_count(len(edition.timeline), 'event')}), each with its sources.")
    book = "each document" if edition.collection else "the whole edition"
    parts.append(f"**PDF**: {book} as a book, with footnotes at the foot of each page and the apparatus as appendices.")
    return parts


def _count(number: int, noun: str, plural: str = "") -> str:
    """A count and its noun, singular or plural: "1 event", "2 events", "3 entries"."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
