"""Rendering: footnote at the first occurrence, tooltip links after, paragraph anchors."""

from __future__ import annotations

from edition.model import Edition, Entry, Metadata, Original
from edition.pages.matcher import find_occurrences
from edition.pages.pipeline import build_pages, summarize
from edition.pages.render import render_article
from edition.source import load_source
from helpers import HOSTILE, SOURCE

ARMY = Entry("us-army", "US Army", "organization", ("US Army",), "The land service.", "d", ())
MILLEY = Entry("milley", "Mark Milley", "person", ("Milley",), 'General "M".', "d", ())


def article(*paragraphs: str) -> str:
    metadata = Metadata("T", "en", Original(), ("E",), "L")
    edition = Edition(metadata, paragraphs, (ARMY, MILLEY))
    return render_article(edition, find_occurrences(paragraphs, edition.entries))


def test_first_occurrence_gets_a_footnote_call_and_later_ones_a_link_with_the_short_text() -> None:
    text = article("Milley spoke.", "Milley again.")
    assert '<span class="ed-term" data-term="milley">Milley</span>[^milley] spoke.' in text
    assert '[Milley](glossary.md#milley){ .ed-term data-term="milley" data-ed-tip="General &quot;M&quot;." } again.' in text


def test_footnote_call_follows_a_possessive() -> None:
    assert '<span class="ed-term" data-term="us-army">US Army</span>’s[^us-army] chairman' in article("The US Army’s chairman")


def test_footnotes_are_defined_in_order_of_first_call() -> None:
    text = article("Milley and the US Army.")
    assert text.index("[^milley]: ") < text.index("[^us-army]: ")


def test_every_paragraph_gets_its_number_and_anchor() -> None:
    text = article("One.", "Two.")
    assert '[2](#p2){ .ed-insert .ed-pnum title="Paragraph 2: link, and copy its citation" }Two.\n{: #p2 .ed-paragraph }' in text


def test_an_editors_title_is_shown_in_brackets() -> None:
    assert "\n# &#91;T&#93;\n" in article("One.")


def test_the_summary_without_rendering_is_the_build_s_summary() -> None:
    for folder in (SOURCE, HOSTILE):
        edition = load_source(folder)
        assert summarize(edition) == build_pages(edition)[1]
    assert summarize(load_source(HOSTILE)).unmatched == ("vilnius",)
