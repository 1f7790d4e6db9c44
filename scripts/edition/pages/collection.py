"""A collection's own pages: the home page that lists its documents, and the glossary split by letter when long.

The list of documents is on the home page only, grouped by year and in date order
within each: the navigation never lists them, so that no page carries a thousand links
it does not need.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from edition.layout import href
from edition.model import Document, Edition, Entry, Matched
from edition.pages.home import collection_how_to_read
from edition.passthrough import passthrough
from edition.safety import disarm_html, escape_html

GLOSSARY_PAGE_LIMIT = 300
"""A glossary of more entries than this is split into a page per initial letter."""

OTHERS = "other"
"""The page of the entries whose term begins with neither a letter a–z nor one that folds to it."""


def initial(term: str) -> str:
    """The letter a term is filed under: its first letter without accents, casefolded; `OTHERS` for anything else."""
    first = unicodedata.normalize("NFKD", term.strip()[:1]).casefold()[:1]
    return first if "a" <= first <= "z" else OTHERS


def split_glossary(entries: Sequence[Entry]) -> dict[str, str]:
    """The page of each entry, `glossary/<letter>.md`, when the glossary is too long for one page; else nothing."""
    if len(entries) <= GLOSSARY_PAGE_LIMIT:
        return {}
    return {entry.id: f"glossary/{initial(entry.term)}.md" for entry in entries}


def glossary_letter(page: str) -> str:
    """The heading of a glossary page by letter: "A", or "Other" for the rest."""
    letter = page.removeprefix("glossary/").removesuffix(".md")
    return "Other" if letter == OTHERS else letter.upper()


def render_collection_home(edition: Edition, matched: Sequence[Matched], front_matter: str, *, has_map: bool, glossary: str) -> str:
    """The collection's home page: the editors' Markdown (or how to read the collection), then its documents by year.

    `glossary` is the glossary's first page (`Layout.glossary_index`).
    """
    intro = disarm_html(edition.home) if edition.home is not None else collection_how_to_read(edition, has_map=has_map, glossary=glossary)
    return "\n\n".join([front_matter.rstrip("\n"), intro.rstrip(), documents_list([one.document for one in matched])]) + "\n"


def documents_list(documents: Sequence[Document]) -> str:
    """Every document, grouped by the year of its date (undated ones last), with what it is and what the edition adds."""
    years: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        years[(document.metadata.original.date or "")[:4] or "Undated"].append(document)
    parts = [f"## Documents {{ #documents }}\n\n{len(documents):,} documents, by date; select a title to read the text."]
    for year in sorted(years, key=lambda year: (year == "Undated", year)):
        held = sorted(years[year], key=lambda document: (document.metadata.original.date or "", document.slug))
        parts += [f"### {year} {{ #year-{year.lower()} }}", passthrough(_table(held))]
    return "\n\n".join(parts)


def _table(documents: Sequence[Document]) -> str:
    """One year's documents as a table: date, title (linked; bracketed when it is the editors'), outlet, length, notes, claims."""
    rows = []
    for document in documents:
        meta = document.metadata
        original = meta.original
        date = f'<time datetime="{original.date}">{original.date}</time>' if original.date else "not given"
        link = f'<a href="{href("index.md", f"{document.slug}/index.md")}">{escape_html(meta.display_title)}</a>'
        cells = [
            date,
            link,
            escape_html(original.outlet or "not given"),
            f"{document.words:,}",
            str(len(document.notes)),
            str(len(document.claims)),
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f'<th scope="col">{name}</th>' for name in ("Date", "Title", "Outlet", "Words", "Notes", "Claims"))
    return f'<table class="ed-documents">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
