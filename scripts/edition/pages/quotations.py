"""Quotations checked against their primary sources, as the pages show them.

Each claim that names where its words were said (`said`) is checked here: its passage
is found in the source (the source stage has made sure it is there), the words the
article puts in quotation marks are compared with it, and the claim gets a status —
*matches the source*, *differs from the source*, or, for a claim whose quoted words
have no source in the edition, *no primary source in the edition*. The pages then show
the status in the table of who said what, a mark on the quotation in the text that
opens the source's words, the passage marked in the source with a link back, and the
article's paragraph beside the source's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from edition.layout import Layout, href
from edition.model import Anchor, Claim, Document, Edition, Insert
from edition.safety import escape_html
from edition.source.anchors import locate
from edition.source.quotations import (
    DIFFERS,
    MATCHES,
    NO_SOURCE,
    STATUS_LABELS,
    Comparison,
    Piece,
    compare,
    find_passage,
    quoted_words,
)

PARAPHRASED = "paraphrased"
"""The status of a claim that names its source but quotes no words of it: set beside it, not compared."""

LABELS = {**STATUS_LABELS, PARAPHRASED: "Paraphrase of the source"}


@dataclass(frozen=True)
class Check:
    """One claim against its primary source: where each stands, and what the comparison found."""

    claim: Claim
    document: Document
    """The document that reports the words (the article)."""
    anchor: Anchor
    status: str
    source: Document | None = None
    passage: Anchor | None = None
    comparisons: tuple[tuple[str, Comparison], ...] = ()
    """Each stretch of quoted words, and how it compares with the passage."""

    @property
    def passage_id(self) -> str:
        """The element id of the passage in the source's page (claim ids are unique only within their document)."""
        # Two hyphens never occur in a slug or an id: "said-a--b-c" and "said-a-b--c" stay apart.
        return f"said-{self.document.slug}--{self.claim.id}"


@dataclass(frozen=True)
class Checks:
    """Every check of an edition, by claim and by the source it points into, for pages that look them up either way."""

    by_claim: Mapping[tuple[str, str], Check] = field(default_factory=dict)
    """Each check by the slug of the claim's document and the claim's id."""
    by_source: Mapping[str, tuple[Check, ...]] = field(default_factory=dict)
    """The checks whose passage is in a source, by the source's slug, in the order of their passages."""

    def get(self, key: tuple[str, str]) -> Check | None:
        """The check of one claim (its document's slug, its id), if it has one."""
        return self.by_claim.get(key)


NO_CHECKS = Checks()


def check_quotations(edition: Edition) -> Checks:
    """Check every claim that names a source or quotes words; a paraphrase with no source has no check."""
    documents = {document.slug: document for document in edition.documents}
    by_claim = {}
    by_source: dict[str, list[Check]] = defaultdict(list)
    for document in edition.documents:
        for claim in document.claims:
            check = _check(claim, document, documents)
            if check is not None:
                by_claim[(document.slug, claim.id)] = check
            if check is not None and check.source is not None and check.passage is not None:
                by_source[check.source.slug].append(check)
    ordered = {slug: tuple(sorted(found, key=_passage_order)) for slug, found in by_source.items()}
    return Checks(by_claim, ordered)


def _passage_order(check: Check) -> tuple[int, int]:
    """Where a check's passage stands in its source: paragraph, then character."""
    assert check.passage is not None
    return (check.passage.paragraph, check.passage.start)


def _check(claim: Claim, document: Document, documents: Mapping[str, Document]) -> Check | None:
    """One claim's check, or None for a paraphrase that names no source."""
    anchor = locate(claim.quote, claim.occurrence, document.paragraphs)
    words = quoted_words(claim.quote)
    if claim.said is None:
        return Check(claim, document, anchor, NO_SOURCE) if words or claim.no_primary_source else None
    source = documents[claim.said.document]
    passage = find_passage(claim.said.passage, source.paragraphs)
    assert passage is not None, "the source stage refuses a passage that is not in its document"
    said = source.paragraphs[passage.paragraph][passage.start : passage.end]
    comparisons = tuple((stretch, compare(stretch, said)) for stretch in words)
    matched = all(comparison.status == MATCHES for _, comparison in comparisons)
    status = (MATCHES if matched else DIFFERS) if comparisons else PARAPHRASED
    return Check(claim, document, anchor, status, source, passage, comparisons)


def source_name(check: Check, layout: Layout) -> str:
    """The source and paragraph as a link names them: "Press conference …, ¶ 2"."""
    assert check.source is not None and check.passage is not None
    return f"{layout.name(check.source.slug, check.source.metadata.display_title)}, ¶ {check.passage.paragraph + 1}"


def status_html(check: Check | None, page: str, layout: Layout) -> str:
    """The table's cell for a claim: its status, and a link to the passage or the reason there is none."""
    if check is None:
        return "—"
    status = _status_label(check)
    if check.source is not None:
        link = href(page, layout.text(check.source.slug), check.passage_id)
        beside = href(page, layout.claims(check.document.slug), f"beside-{check.claim.id}")
        return f'{status}: <a href="{link}">{escape_html(source_name(check, layout))}</a> (<a href="{beside}">side by side</a>)'
    reason = check.claim.no_primary_source
    return f"{status}: {escape_html(reason)}" if reason else status


def _status_label(check: Check) -> str:
    """A check's status in words, in a span its stylesheet colours."""
    return f'<span class="ed-status ed-status--{check.status}">{LABELS[check.status]}</span>'


def quotation_mark(check: Check, layout: Layout) -> str:
    """The mark after a checked quotation in the text: it opens the source's words (hover, focus) and links to them."""
    assert check.source is not None and check.passage is not None and check.claim.said is not None
    page = layout.text(check.document.slug)
    words = check.source.paragraphs[check.passage.paragraph][check.passage.start : check.passage.end]
    label = LABELS[check.status]
    tip = escape_html(f"{label}. {source_name(check, layout)}: “{words}”")
    symbol = "✓" if check.status == MATCHES else "≠" if check.status == DIFFERS else "↗"
    return (
        f'<sup class="ed-insert ed-said-ref ed-said-ref--{check.status}">'
        f'<a href="{href(page, layout.text(check.source.slug), check.passage_id)}" data-ed-tip="{tip}" '
        f'aria-label="{escape_html(label)}: the words in the source">{symbol}</a></sup>'
    )


def passage_inserts(checks: Checks, source: Document, layout: Layout) -> dict[int, list[Insert]]:
    """The passages of a source that claims point to, marked in its paragraphs, each with a link back to its claim.

    A passage that overlaps one marked before it, or a span of the source's own claims, gets
    only its id and link, so that every span keeps its extent.
    """
    slug = source.slug
    inserts: dict[int, list[Insert]] = defaultdict(list)
    marked_to: dict[int, int] = {}
    claimed = [locate(claim.quote, claim.occurrence, source.paragraphs) for claim in source.claims]
    for check in checks.by_source.get(slug, ()):
        assert check.passage is not None
        passage, page = check.passage, layout.text(slug)
        back = href(page, layout.claims(check.document.slug), f"claim-{check.claim.id}")
        name = layout.name(check.document.slug, check.document.metadata.display_title)
        link = (
            f'<sup class="ed-insert ed-passage-ref"><a href="{back}" '
            f'aria-label="Reported in {escape_html(name)}, ¶ {check.anchor.paragraph + 1}">↩</a></sup>'
        )
        if passage.start >= marked_to.get(passage.paragraph, -1) and not any(_overlaps(passage, span) for span in claimed):
            opening = f'<span class="ed-passage" id="{check.passage_id}" data-claim="{check.claim.id}">'
            inserts[passage.paragraph] += [Insert(passage.start, Insert.OPEN, opening), Insert(passage.end, Insert.CLOSE, "</span>")]
            marked_to[passage.paragraph] = passage.end
        else:
            inserts[passage.paragraph].append(
                Insert(passage.start, Insert.OPEN, f'<span class="ed-insert" id="{check.passage_id}"></span>')
            )
        inserts[passage.paragraph].append(Insert(passage.end, Insert.MARKER, link))
    return inserts


def render_beside(document: Document, checks: Checks, layout: Layout) -> str:
    """Each of a document's checked quotations: its paragraph beside the source's, the words compared (HTML)."""
    found = (checks.get((document.slug, claim.id)) for claim in document.claims)
    return "\n\n".join(_beside(check, layout) for check in found if check is not None and check.source is not None)


def _beside(check: Check, layout: Layout) -> str:
    """One quotation's section: the report's paragraph and the source's, each with its words marked, and the comparison."""
    assert check.source is not None and check.passage is not None
    document, claim, page = check.document, check.claim, layout.claims(check.document.slug)
    number = check.anchor.paragraph + 1
    name = layout.name(document.slug, document.metadata.display_title)
    report = f'<a href="{href(page, layout.text(document.slug), f"p{number}")}">{escape_html(name)}, ¶ {number}</a>'
    source = f'<a href="{href(page, layout.text(check.source.slug), check.passage_id)}">{escape_html(source_name(check, layout))}</a>'
    ours = _marked(document.paragraphs[check.anchor.paragraph], check.anchor)
    theirs = _marked(check.source.paragraphs[check.passage.paragraph], check.passage)
    notes = [
        f'<a href="{href(page, layout.notes(document.slug), note.id)}">{NOTE_LINK}</a>'
        for note in document.notes
        if _overlaps(locate(note.quote, note.occurrence, document.paragraphs), check.anchor)
    ]
    return "\n".join(
        [
            f'<section class="ed-beside" id="beside-{claim.id}" aria-label="{escape_html(claim.who)}: report and source">',
            f"<p>{' · '.join([f'<strong>{escape_html(claim.who)}</strong>', _status_label(check), *notes])}</p>",
            '<div class="ed-beside__columns">',
            f'<blockquote class="ed-beside__report"><p class="ed-beside__where">{report}</p>\n<p>{ours}</p></blockquote>',
            f'<blockquote class="ed-beside__source"><p class="ed-beside__where">{source}</p>\n<p>{theirs}</p></blockquote>',
            "</div>",
            *(_comparison_html(stretch, comparison) for stretch, comparison in check.comparisons),
            "</section>",
        ]
    )


NOTE_LINK = "Editorial note on these words"


def _overlaps(first: Anchor, second: Anchor) -> bool:
    """Whether two spans share a paragraph and at least one character of it."""
    return first.paragraph == second.paragraph and first.start < second.end and second.start < first.end


def _marked(paragraph: str, anchor: Anchor) -> str:
    """A paragraph with the span of `anchor` in `<mark>`, escaped."""
    before, words, after = paragraph[: anchor.start], paragraph[anchor.start : anchor.end], paragraph[anchor.end :]
    return f"{escape_html(before)}<mark>{escape_html(words)}</mark>{escape_html(after)}"


def _comparison_html(stretch: str, comparison: Comparison) -> str:
    """What the comparison found for one stretch of quoted words: that they occur, or which words differ."""
    if comparison.status == MATCHES:
        return f"<p>The quoted words “{escape_html(stretch)}” occur in the source’s words.</p>"
    if all(piece.same for piece in (*comparison.quoted, *comparison.source)):
        return f"<p>The quoted words “{escape_html(stretch)}” have the source’s words, but not its punctuation.</p>"
    return (
        f"<p>The quoted words “{escape_html(stretch)}” do not occur in the source’s words as quoted; "
        "the words that differ are marked.</p>\n"
        '<dl class="ed-diff">'
        f"<dt>Quoted</dt><dd>{_pieces_html(comparison.quoted)}</dd>"
        f"<dt>Source</dt><dd>{_pieces_html(comparison.source)}</dd></dl>"
    )


def _pieces_html(pieces: Sequence[Piece]) -> str:
    """One side of a comparison, each differing run of words in `<mark class="ed-diff__changed">`."""
    return " ".join(
        escape_html(piece.text) if piece.same else f'<mark class="ed-diff__changed">{escape_html(piece.text)}</mark>' for piece in pieces
    )
