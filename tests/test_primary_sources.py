"""Primary sources: the Ramstein transcript in the edition, and the article's quotations checked against it.

The seed holds the US Department of Defense transcript (an excerpt) of the press
conference at Ramstein Air Base on 20 January 2023 as a document of its own
(`source/documents/ramstein-transcript/`). The built site must show it as General
Milley's turns, word for word; ¶9's “very difficult” must be checked against his words
and match; Blinken's two quotations must say they have no primary source; and a claim
that points to words the source does not hold must stop the build at its line.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from edition.errors import SourceError
from edition.pages.pipeline import build_pages, document_edition, match
from edition.source import load_source
from helpers import SOURCE, article_paragraphs, soup, source_text

TRANSCRIPT = SOURCE / "documents" / "ramstein-transcript"
PASSAGE = "for this year it would be very, very difficult to militarily eject the Russian forces from all — every inch of Ukraine"
PASSAGE_ID = "said-article--milley-very-difficult"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
def test_the_ramstein_transcript_renders_as_general_milleys_turns_word_for_word(site: Path) -> None:
    expected = (TRANSCRIPT / "article.txt").read_text(encoding="utf-8").strip().split("\n\n")
    paragraphs = article_paragraphs(page(site, "ramstein-transcript"))
    assert [source_text(paragraph) for paragraph in paragraphs] == expected
    first, *rest = paragraphs
    label = first.select_one("a.ed-speaker")
    assert label is not None and label.get_text() == "General Milley:"
    assert label["href"] == "../glossary/#milley"
    assert "ed-turn" in first["class"] and first["data-speaker"] == "milley"
    # The answer goes on over three more paragraphs without a label: the same speaker's turn.
    assert all("ed-turn--continued" in paragraph["class"] and paragraph["data-speaker"] == "milley" for paragraph in rest)


@pytest.mark.site
def test_the_transcript_page_says_what_it_is_who_issued_it_where_it_was_copied_and_that_it_is_an_excerpt(site: Path) -> None:
    facts = soup(page(site, "ramstein-transcript")).select_one(".ed-primary")
    assert facts is not None
    text = facts.get_text(" ", strip=True)
    assert "Transcript" in text and "US Department of Defense" in text and "An excerpt" in text
    assert "that’l" in text, "the excerpt note says where the text breaks off"
    copy = [str(link["href"]) for link in facts.select("a[href]")]
    assert copy == [
        "https://russialist.org/transcript-secretary-of-defense-lloyd-j-austin-iii-and-general-mark-a-milley-press-conference-"
        "following-ukraine-defense-contact-group-meeting-ramstein-air-base-germany-excerpt/"
    ]
    assert "https://www.defense.gov/" in page(site, "ramstein-transcript"), "the official publisher's address is recorded"


@pytest.mark.site
def test_paragraph_9s_quotation_is_checked_against_milleys_words_and_matches(site: Path) -> None:
    claims = soup(page(site, "claims"))
    row = claims.select_one("tr#claim-milley-very-difficult")
    assert row is not None
    status = row.select("td")[-1]
    assert status.select_one(".ed-status--matches") is not None, status
    assert f"../ramstein-transcript/#{PASSAGE_ID}" in [str(link["href"]) for link in status.select("a[href]")]

    transcript = soup(page(site, "ramstein-transcript"))
    passage = transcript.select_one(f"#{PASSAGE_ID}")
    assert passage is not None and passage.get_text() == PASSAGE
    back = passage.find_next_sibling("sup")
    assert back is not None and back.a is not None and back.a["href"] == "../claims/#claim-milley-very-difficult"

    mark = soup(page(site, "article")).select_one("#p9 sup.ed-said-ref a")
    assert mark is not None and mark["href"] == f"../ramstein-transcript/#{PASSAGE_ID}"
    assert PASSAGE in str(mark["data-ed-tip"]) and "Matches the source" in str(mark["data-ed-tip"])


@pytest.mark.site
def test_blinkens_red_line_and_actively_encouraging_say_they_have_no_primary_source(site: Path) -> None:
    claims = soup(page(site, "claims"))
    for claim in ("blinken-red-line", "blinken-not-encouraging"):
        cell = claims.select(f"tr#claim-{claim} td")[-1]
        assert cell.select_one(".ed-status--no-source") is not None, claim
        assert "No primary source in the edition" in cell.get_text() and "second-hand" in cell.get_text(), claim
        assert not cell.select("a[href]"), claim


@pytest.mark.site
def test_the_side_by_side_view_sets_article_paragraph_9_beside_the_passage(site: Path) -> None:
    beside = soup(page(site, "claims")).select_one("section#beside-milley-very-difficult")
    assert beside is not None
    report, source = beside.select("blockquote")
    assert report.select_one("a[href]")["href"] == "../article/#p9"  # type: ignore[index]
    assert source.select_one("a[href]")["href"] == f"../ramstein-transcript/#{PASSAGE_ID}"  # type: ignore[index]
    assert report.select_one("mark").get_text().startswith("He said that Ukrainian forces")  # type: ignore[union-attr]
    assert source.select_one("mark").get_text() == PASSAGE  # type: ignore[union-attr]
    # The paraphrase ("dug in defensive positions") earns the editorial note on what Milley did say.
    assert "../notes/#milley-remark-scope" in [str(link["href"]) for link in beside.select("a[href]")]


@pytest.mark.site
def test_the_checked_quotation_is_a_claim_review_whose_evidence_is_the_transcript(site: Path) -> None:
    graphs = [json.loads(script.get_text()) for script in soup(page(site, "claims")).select('script[type="application/ld+json"]')]
    reviews = [node for graph in graphs for node in graph["@graph"] if node["@type"] == "ClaimReview"]
    [review] = reviews
    claim = review["itemReviewed"]
    assert review["reviewRating"]["alternateName"] == "Matches the source"
    assert claim["author"] == {"@type": "Person", "name": "Mark Milley"}
    assert claim["firstAppearance"]["publisher"]["name"] == "US Department of Defense"
    assert claim["firstAppearance"]["datePublished"] == "2023-01-20"
    assert review["citation"] == claim["firstAppearance"], "the transcript is the review's evidence"
    assert claim["appearance"]["@type"] == "NewsArticle" and claim["firstAppearance"]["@type"] == "CreativeWork"
    assert "“very difficult”" in review["claimReviewed"]


@pytest.mark.site
def test_the_glossary_names_index_and_timeline_include_the_transcript(site: Path) -> None:
    glossary = [str(link["href"]) for link in soup(page(site, "glossary")).select("section#milley a[href]")]
    assert "../ramstein-transcript/#p1" in glossary and "../article/#p9" in glossary
    names = [str(link["href"]) for link in soup(page(site, "names")).select("li a[href]")]
    assert "../ramstein-transcript/#p1" in names
    timeline = [str(link["href"]) for link in soup(page(site, "timeline")).select("article a[href]")]
    assert "../ramstein-transcript/#p1" in timeline


@pytest.mark.site
def test_the_transcript_is_in_the_navigation_after_who_said_what(site: Path) -> None:
    navigation = [(link.get_text(strip=True), str(link["href"])) for link in soup(page(site, "")).select("nav.md-nav--primary a[href]")]
    titles = [title for title, _ in navigation]
    assert titles.index("Transcript") == titles.index("Who said what") + 1
    assert ("Transcript", "ramstein-transcript/") in navigation


# What the source stage refuses ------------------------------------------------------------


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A writable copy of the seed source folder."""
    return shutil.copytree(SOURCE, tmp_path / "source")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(SourceError) as raised:
        load_source(folder)
    return [str(problem) for problem in raised.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.unit
def test_a_claim_pointing_to_words_not_in_the_source_is_refused_at_its_line_with_the_fix(seed: Path) -> None:
    claims = seed / "claims.yml"
    edit(claims, "passage: for this year it would be very, very difficult", "passage: for this year it would be very, very hard")
    problems = problems_of(seed)
    line = line_of(claims, "very, very hard")
    assert problems == [
        f"{seed}/claims.yml:{line}: passage of claim 'milley-very-difficult' is not in "
        f"{seed}/documents/ramstein-transcript/article.txt; copy the words exactly as they stand there, whole words within one paragraph"
    ]


@pytest.mark.unit
def test_a_passage_with_a_different_case_is_refused_with_a_hint_quoting_the_source(seed: Path) -> None:
    edit(seed / "claims.yml", "passage: for this year", "passage: For this year")
    [problem] = problems_of(seed)
    assert "the text has “for this year" in problem and "capital and small letters" in problem


@pytest.mark.unit
def test_a_claim_naming_a_document_the_edition_lacks_is_refused(seed: Path) -> None:
    edit(seed / "claims.yml", "document: ramstein-transcript", "document: ramstein-transcrpit")
    [problem] = problems_of(seed)
    assert "names document 'ramstein-transcrpit', which the edition does not have; did you mean 'ramstein-transcript'?" in problem


@pytest.mark.unit
def test_a_claim_with_both_a_source_and_a_reason_for_none_is_refused(seed: Path) -> None:
    edit(seed / "claims.yml", "  said:\n", '  no_primary_source: "none"\n  said:\n')
    [problem] = problems_of(seed)
    assert "gives both 'said' and 'no_primary_source'" in problem


@pytest.mark.unit
def test_a_speaker_label_that_opens_no_paragraph_is_refused_at_its_line(seed: Path) -> None:
    metadata = seed / "documents" / "ramstein-transcript" / "edition.yml"
    edit(metadata, 'label: "General Milley:"', 'label: "GEN. MILLEY:"')
    [problem] = problems_of(seed)
    assert problem.startswith(f"{metadata}:{line_of(metadata, 'GEN. MILLEY:')}: speaker label 'GEN. MILLEY:' opens no paragraph")


@pytest.mark.unit
def test_speakers_belong_to_a_transcript(seed: Path) -> None:
    edit(seed / "documents" / "ramstein-transcript" / "edition.yml", "kind: transcript", "kind: statement")
    [problem] = problems_of(seed)
    assert "only a transcript has speakers" in problem


# A hostile transcript -------------------------------------------------------------------------

HOSTILE_TRANSCRIPT = (
    "<script>alert(1)</script>: Hello.\n\n"
    "**BOLD**: [x](javascript:alert(2)) and {: onclick=alert(3) }\n\n"
    "<script>alert(1)</script>:\n\n"
    "A turn that goes on & <b>on</b>.\n\n"
    "# Not a heading: a paragraph with no label.\n"
)
HOSTILE_SPEAKERS = """
kind: transcript
speakers:
  - label: "<script>alert(1)</script>:"
    entry: blinken
  - label: "**BOLD**:"
    entry: milley
"""


@pytest.mark.unit
def test_a_hostile_transcript_builds_verbatim_with_its_turns_and_no_markup_from_its_text(seed: Path, to_html: Callable[[str], str]) -> None:
    folder = seed / "documents" / "ramstein-transcript"
    (folder / "article.txt").write_text(HOSTILE_TRANSCRIPT, encoding="utf-8")
    metadata = folder / "edition.yml"
    text = metadata.read_text(encoding="utf-8")
    kept = text[: text.index("kind: transcript")] + text[text.index("issued_by:") : text.index("speakers:")]
    metadata.write_text(kept + HOSTILE_SPEAKERS, encoding="utf-8")
    edit(seed / "claims.yml", f"passage: {PASSAGE}", "passage: goes on & <b>on</b>")
    pages, _ = build_pages(load_source(seed))
    html = to_html(next(page.text for page in pages if page.path == "ramstein-transcript/index.md").split("\n---\n", 1)[1])
    paragraphs = article_paragraphs(html)
    assert [source_text(paragraph) for paragraph in paragraphs] == HOSTILE_TRANSCRIPT.strip().split("\n\n")
    tree = soup(html)
    assert not tree.select("script, b, h1 ~ h1, [onclick]"), "no markup from the text"
    assert not [link for link in tree.select("a[href]") if str(link["href"]).startswith("javascript:")]
    speakers = [paragraph.get("data-speaker") for paragraph in paragraphs]
    assert speakers == ["blinken", "milley", "blinken", "blinken", "blinken"]
    labels = [label.get_text() for label in tree.select("a.ed-speaker")]
    assert labels == ["<script>alert(1)</script>:", "**BOLD**:", "<script>alert(1)</script>:"], "a label with no text is a turn too"
    assert tree.select_one(f"#{PASSAGE_ID}").get_text() == "goes on & <b>on</b>"  # type: ignore[union-attr]


@pytest.mark.unit
def test_a_passage_that_starts_inside_a_speakers_label_still_nests_with_it(seed: Path) -> None:
    edit(seed / "claims.yml", f"passage: {PASSAGE}", 'passage: "Milley: … President Biden"')
    pages, _ = build_pages(load_source(seed))
    text = next(page.text for page in pages if page.path == "ramstein-transcript/index.md")
    first = next(line for line in text.splitlines() if line.startswith('<p class="ed-paragraph ed-turn"'))
    # Well-formed as XML only if every element closes inside the one that holds it.
    paragraph = ElementTree.fromstring(first)
    [passage] = [element for element in paragraph.iter("span") if element.get("id") == PASSAGE_ID]
    assert "".join(passage.itertext()).startswith("General Milley: … President Biden"), "the passage takes in the whole label"


@pytest.mark.unit
def test_a_passage_that_occurs_more_than_once_is_refused_with_where(seed: Path) -> None:
    edit(seed / "claims.yml", f"passage: {PASSAGE}", "passage: very, very difficult")
    [problem] = problems_of(seed)
    assert "passage of claim 'milley-very-difficult' occurs 3 times in" in problem and "(¶1, ¶2, ¶2)" in problem


@pytest.mark.unit
def test_a_passage_must_be_whole_words(seed: Path) -> None:
    edit(seed / "claims.yml", f"passage: {PASSAGE}", "passage: ery, very difficult to militarily")
    [problem] = problems_of(seed)
    assert "passage of claim 'milley-very-difficult' is not in" in problem


def rendered(seed: Path, path: str, to_html: Callable[[str], str]) -> BeautifulSoup:
    """One generated page of the seed copy, rendered as the site renders it."""
    pages, _ = build_pages(load_source(seed))
    return soup(to_html(next(page.text for page in pages if page.path == path).split("\n---\n", 1)[1]))


@pytest.mark.unit
def test_a_quotation_whose_words_differ_is_shown_differing_word_by_word(seed: Path, to_html: Callable[[str], str]) -> None:
    edit(seed / "claims.yml", f"passage: {PASSAGE}", "passage: I do think it’s very, very possible")
    claims = rendered(seed, "claims.md", to_html)
    status = claims.select("tr#claim-milley-very-difficult td")[-1]
    assert status.select_one(".ed-status--differs") is not None and "Differs from the source" in status.get_text()
    beside = claims.select_one("#beside-milley-very-difficult")
    assert beside is not None
    quoted, source = beside.select("dl.ed-diff dd")
    assert [mark.get_text() for mark in quoted.select("mark.ed-diff__changed")] == ["difficult"]
    assert [mark.get_text() for mark in source.select("mark.ed-diff__changed")] == ["very possible"]
    mark = rendered(seed, "article.md", to_html).select_one("#p9 sup.ed-said-ref--differs a")
    assert mark is not None and mark.get_text() == "≠" and "Differs from the source" in str(mark["data-ed-tip"])


@pytest.mark.unit
def test_a_paraphrase_that_names_its_source_is_set_beside_it_not_compared(seed: Path, to_html: Callable[[str], str]) -> None:
    claims = seed / "claims.yml"
    quote = "  quote: also expressed his reservations on Ukraine’s plans to retake Crimea\n"
    edit(claims, quote, quote + "  said:\n    document: ramstein-transcript\n    passage: That doesn’t mean it can’t happen\n")
    page = rendered(seed, "claims.md", to_html)
    status = page.select("tr#claim-milley-reservations td")[-1]
    assert "Paraphrase of the source" in status.get_text()
    beside = page.select_one("#beside-milley-reservations")
    assert beside is not None and not beside.select("dl.ed-diff"), "no quoted words to compare"


@pytest.mark.unit
def test_a_documents_book_brings_the_sources_it_quotes_without_what_they_quote_in_turn(tmp_path: Path) -> None:
    folder = tmp_path / "collection"
    (folder / "documents").mkdir(parents=True)
    (folder / "collection.yml").write_text('title: "Quotations in a chain"\nlanguage: en\neditors: ["E"]\nlicense: "CC BY 4.0"\n')
    shutil.copy(SOURCE / "glossary.yml", folder / "glossary.yml")
    shutil.copytree(TRANSCRIPT, folder / "documents" / "ramstein-transcript")
    report = shutil.copytree(SOURCE, folder / "documents" / "report-a", ignore=shutil.ignore_patterns("documents", "glossary.yml", "*.md"))
    quoting = shutil.copytree(report, folder / "documents" / "report-b")
    # report-b quotes report-a, which quotes the transcript: report-b's book holds report-a, but not its quotations.
    edit(quoting / "claims.yml", "document: ramstein-transcript", "document: report-a")
    edit(quoting / "claims.yml", f"passage: {PASSAGE}", "passage: He said that Ukrainian forces will find it “very difficult”")
    edition = load_source(folder)
    matched = {one.document.slug: one for one in match(edition)}
    view = document_edition(edition, matched["report-b"], matched)
    assert [document.slug for document in view.documents] == ["article", "report-a"]
    assert view.documents[1].claims == ()
    pages, _ = build_pages(view)
    claims = next(page.text for page in pages if page.path == "claims.md")
    assert "../report-a/#said-article--milley-very-difficult" in claims


@pytest.mark.unit
def test_an_article_that_is_itself_a_transcript_says_so_on_its_page_and_about_page(tmp_path: Path) -> None:
    folder = tmp_path / "transcript"
    folder.mkdir()
    shutil.copy(TRANSCRIPT / "article.txt", folder / "article.txt")
    shutil.copy(SOURCE / "glossary.yml", folder / "glossary.yml")
    metadata = (TRANSCRIPT / "edition.yml").read_text(encoding="utf-8")
    (folder / "edition.yml").write_text(metadata + "language: en\neditors: [The editors]\n", encoding="utf-8")
    pages = {page.path: page.text for page in build_pages(load_source(folder))[0]}
    facts = soup(pages["article.md"]).select_one(".ed-primary")
    assert facts is not None
    text = facts.get_text(" ", strip=True)
    assert text.startswith("Transcript · Issued by: US Department of Defense · An excerpt")
    assert "Text taken from: TRANSCRIPT:" in text and "that’l" in text
    assert "This is a digital edition of a transcript," in pages["about.md"]
