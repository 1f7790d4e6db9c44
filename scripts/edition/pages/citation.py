"""How to cite the edition, and the metadata reference managers and search engines read.

Everything here is derived from `edition.yml` and the notes; a field the source does
not know (the original's outlet, byline, date, address) is left out, never invented.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from slugify import slugify

from edition.model import Document, Metadata
from edition.pages.quotations import LABELS, Check
from edition.safety import markdown_text
from edition.source.quotations import MATCHES

BIBTEX_SPECIALS = re.compile(r"(?P<char>[\\{}%&#_$])")


@dataclass(frozen=True)
class Citations:
    """The edition cited in three styles, plus the short form a paragraph citation starts with."""

    chicago: str
    apa: str
    bibtex: str
    short: str


def _year(metadata: Metadata) -> str:
    """The edition's year, or "n.d." when edition.yml gives no date."""
    return metadata.date[:4] if metadata.date else "n.d."


def _editors(metadata: Metadata) -> str:
    """The editors joined as a bibliography would list them."""
    names = list(metadata.editors)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


SLUG_LENGTH = 80


def slug(text: str) -> str:
    """A lowercase ASCII key of the whole title, cut at a word if it is long: `blinken-reportedly-warns-ukraine-against-retaking-crimea`.

    Letters of other scripts are transliterated (python-slugify), so a title in Ukrainian
    or Greek gives a readable name too.
    """
    return slugify(text, max_length=SLUG_LENGTH, word_boundary=True, save_order=True) or "edition"


def page_url(base: str | None, page: str) -> str | None:
    """A page's address under the site's, e.g. `https://example.org/editions/crimea/article/`; None when unknown."""
    return f"{base.rstrip('/')}/{page}" if base else None


def cite(metadata: Metadata, base: str | None) -> Citations:
    """The edition in Chicago and APA style and as a BibTeX record; `base` is the site's address."""
    url = base
    title = metadata.display_title
    version = f"version {metadata.version}" if metadata.version else "digital edition"
    where = f" {url}." if url else ""
    editors = _editors(metadata)
    plural = "eds." if len(metadata.editors) > 1 else "ed."
    chicago = f"{editors}, {plural} “{title}.” Digital edition, {version}, {metadata.date or 'n.d.'}.{where}"
    apa_version = f" (Version {metadata.version})" if metadata.version else ""
    apa = f"{editors} (Ed{'s' if len(metadata.editors) > 1 else ''}.). ({_year(metadata)}). {title}{apa_version} [Digital edition].{where}"
    fields = {
        "title": "{" + _bibtex(title) + "}",
        "editor": " and ".join("{" + _bibtex(name) + "}" for name in metadata.editors),
        "year": _year(metadata),
        "version": metadata.version,
        "howpublished": "Digital edition",
        "url": url or "",
    }
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    bibtex = f"@misc{{{slug(metadata.title)},\n{body}\n}}"
    return Citations(chicago, apa, bibtex, f"{editors}, {plural} “{title}”")


def _bibtex(text: str) -> str:
    """Escape BibTeX's special characters."""
    return BIBTEX_SPECIALS.sub(lambda match: "\\" + match.group("char"), " ".join(text.split()))


def meta_tags(document: Document, url: str | None) -> list[tuple[str, str, str]]:
    """`(attribute, name, content)` of a text's page's Highwire, Dublin Core and Open Graph tags; `url` is the page's address."""
    metadata = document.metadata
    tags = [
        ("name", "citation_title", metadata.display_title),
        ("name", "citation_language", metadata.language),
        ("name", "DC.title", metadata.display_title),
        ("name", "DC.type", "newspaperArticle"),
        ("name", "DC.language", metadata.language),
        ("name", "DC.rights", " ".join(metadata.license.split())),
        ("property", "og:type", "article"),
        ("property", "og:title", metadata.display_title),
        ("property", "og:site_name", metadata.display_title),
    ]
    if metadata.date:
        tags += [("name", "citation_publication_date", metadata.date.replace("-", "/")), ("name", "DC.date", metadata.date)]
    tags += [("name", "DC.contributor", editor) for editor in metadata.editors]
    if metadata.description:
        tags += [("name", "DC.description", metadata.description), ("property", "og:description", metadata.description)]
    if metadata.original.note:
        tags.append(("name", "DC.source", " ".join(metadata.original.note.split())))
    if url:
        tags += [("name", "citation_public_url", url), ("property", "og:url", url)]
    return tags


def json_ld(document: Document, url: str | None) -> str:
    """schema.org data for a text's page: the edition as a NewsArticle based on the original.

    The result is safe to put inside `<script type="application/ld+json">`.
    """
    metadata = document.metadata
    article = _known(
        {
            "@type": "NewsArticle",
            "headline": metadata.display_title[:110],
            "description": metadata.description,
            "inLanguage": metadata.language,
            "datePublished": metadata.date,
            "version": metadata.version,
            "creditText": _editors(metadata),
            "license": " ".join(metadata.license.split()),
            "url": url,
            "isBasedOn": _original(document),
        }
    )
    return _script_json([article])


def reviews_json_ld(document: Document, notes_url: str | None) -> str | None:
    """schema.org data for the page that publishes a text's corrections: one ClaimReview each; None without any."""
    metadata = document.metadata
    reviews = [
        _known(
            {
                "@type": "ClaimReview",
                "claimReviewed": note.quote,
                "reviewBody": markdown_text(note.text),
                "reviewRating": {"@type": "Rating", "alternateName": "Incorrect"},
                "itemReviewed": {"@type": "Claim", "appearance": _original(document)},
                "creditText": _editors(metadata),
                "datePublished": metadata.date,
                "url": notes_url and f"{notes_url}#{note.id}",
            }
        )
        for note in document.notes
        if note.type == "correction"
    ]
    return _script_json(reviews) if reviews else None


def quotation_reviews_json_ld(checks: Sequence[Check], claims_url: str | None, kinds: Mapping[str, str]) -> str | None:
    """schema.org data for the quotations checked against a primary source: one ClaimReview each; None without any.

    The claim's author is its speaker (typed by their glossary entry) and its appearance the
    report; the primary source is the review's evidence, its `citation`, and, when the quoted
    words are the source's own, the claim's `firstAppearance`.
    """
    reviews = []
    for check in checks:
        if check.source is None:
            continue
        source = _original(check.source)
        claim = {
            "@type": "Claim",
            "author": {"@type": AUTHOR_TYPES.get(kinds.get(check.claim.entry or "", ""), "Thing"), "name": check.claim.who},
            "appearance": _original(check.document),
            "firstAppearance": source if check.status == MATCHES else None,
        }
        review = {
            "@type": "ClaimReview",
            "claimReviewed": check.claim.quote,
            "reviewBody": f"{LABELS[check.status]}: {check.source.metadata.original.headline or check.source.metadata.title}",
            "reviewRating": {"@type": "Rating", "alternateName": LABELS[check.status]},
            "itemReviewed": _known(claim),
            "citation": source,
            "creditText": _editors(check.document.metadata),
            "datePublished": check.document.metadata.date,
            "url": claims_url and f"{claims_url}#claim-{check.claim.id}",
        }
        reviews.append(_known(review))
    return _script_json(reviews) if reviews else None


AUTHOR_TYPES = {"person": "Person", "organization": "Organization"}
"""The schema.org type of a claim's author, by the kind of its glossary entry."""


def _original(document: Document) -> dict[str, Any]:
    """The original report as a schema.org NewsArticle, with what the source knows of it."""
    original = document.metadata.original
    return _known(
        {
            # schema.org has no type for a transcript or a statement: a report is a NewsArticle, a primary source a CreativeWork.
            "@type": "NewsArticle" if document.metadata.kind == "report" else "CreativeWork",
            "headline": original.headline,
            "author": original.byline and {"@type": "Person", "name": original.byline},
            "publisher": original.outlet and {"@type": "Organization", "name": original.outlet},
            "datePublished": original.date,
            "url": original.url,
            "description": original.note and " ".join(original.note.split()),
        }
    )


def _script_json(graph: list[dict[str, Any]]) -> str:
    """A schema.org graph as JSON that cannot close the script element holding it, or open a tag.

    `<`, `>` and `&` are written as JSON escapes, as Django's `json_script` does: the
    data parses the same, and no markup an editor typed appears in the page as markup.
    """
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _known(fields: dict[str, Any]) -> dict[str, Any]:
    """Drop the fields nobody knows."""
    return {key: value for key, value in fields.items() if value}
