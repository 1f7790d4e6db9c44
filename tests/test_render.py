"""Rendering: footnote at the first occurrence, tooltip links after, paragraph anchors."""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown

from edition.layout import Layout
from edition.model import Document, Edition, Entry, Metadata, Original
from edition.pages.pipeline import build_pages, match
from edition.pages.render import render_article
from edition.passthrough import CLOSE, OPEN
from edition.safety import MARKDOWN_EXTENSIONS
from edition.source import load_source
from helpers import HOSTILE

ARMY = Entry("us-army", "US Army", "organization", ("US Army",), "The land service.", "d", ())
MILLEY = Entry("milley", "Mark Milley", "person", ("Milley",), 'General "M".', "d", ())


CALL = '<sup id="fnref:{0}"><a class="footnote-ref" href="#fn:{0}">{1}</a></sup>'


def article(*paragraphs: str) -> str:
    metadata = Metadata("T", "en", Original(), ("E",), "L")
    edition = Edition(metadata, (Document("article", metadata, paragraphs),), (ARMY, MILLEY))
    one = match(edition)[0]
    return render_article(one, {entry.id: entry for entry in edition.entries}, Layout())


def test_first_occurrence_gets_a_footnote_call_and_later_ones_a_link_with_the_short_text() -> None:
    text = article("Milley spoke.", "Milley again.")
    assert f'<span class="ed-term" data-term="milley">Milley</span>{CALL.format("milley", 1)} spoke.' in text
    assert '<a class="ed-term" data-ed-tip="General &quot;M&quot;." data-term="milley" href="../glossary/#milley">Milley</a> again.' in text


def test_footnote_call_follows_a_possessive() -> None:
    assert f'<span class="ed-term" data-term="us-army">US Army</span>’s{CALL.format("us-army", 1)} chairman' in article(
        "The US Army’s chairman"
    )


def test_footnotes_are_defined_in_order_of_first_call() -> None:
    text = article("Milley and the US Army.")
    assert text.index(CALL.format("milley", 1)) < text.index(CALL.format("us-army", 2))
    assert text.index('<li id="fn:milley">') < text.index('<li id="fn:us-army">')
    assert 'title="Jump back to footnote 2 in the text"' in text


def test_every_paragraph_gets_its_number_and_anchor() -> None:
    text = article("One.", "Two.")
    pnum = '<a class="ed-insert ed-pnum" href="#p2" title="Paragraph 2: link, and copy its citation">2</a>'
    assert f'<p class="ed-paragraph" id="p2">{pnum}Two.</p>' in text


def test_the_pass_through_gives_the_html_markdown_gives_without_it(to_html: Callable[[str], str]) -> None:
    text = article("Milley and the US Army.", "Milley <b>again</b> & *then*.\n  <!-- /edition:html -->")
    fast = to_html(text)
    block = text.split(OPEN + "\n", 1)[1].split("\n" + CLOSE, 1)[0]
    assert block in fast, "the annotated text reaches the page exactly as generated"
    assert "&lt;b&gt;again&lt;/b&gt; &amp; *then*.\n  &lt;!-- /edition:html --&gt;</p>" in fast, "the text cannot close the block"
    plain = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS))
    # The same HTML, but for blank lines between blocks, which HTML does not see.
    assert re.sub(r"\n+", "\n", fast) == re.sub(r"\n+", "\n", re.sub(r"<!-- /?edition:html -->", "", plain)).strip()


def test_an_editors_title_is_shown_in_brackets() -> None:
    assert "\n# &#91;T&#93;\n" in article("One.")


def test_the_summary_names_the_entries_never_found() -> None:
    assert build_pages(load_source(HOSTILE))[1].unmatched == ("vilnius",)
