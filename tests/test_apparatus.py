"""Editorial notes and claims: marked in the text, listed on their pages, validated."""

from __future__ import annotations

from pathlib import Path

from edition.pages.apparatus import note_label, ordered_notes
from edition.safety import escape_content, markdown_text
from edition.source import load_source
from helpers import SOURCE, problems, soup


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_element_content_keeps_quotation_marks_as_typed_and_escapes_markup() -> None:
    assert escape_content('Blinken\'s "red line" <b>&</b>\t') == 'Blinken\'s "red line" &lt;b&gt;&amp;&lt;/b&gt;&#9;'


def test_note_labels_run_a_to_z_then_aa() -> None:
    assert [note_label(index) for index in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


def test_a_note_s_text_as_a_reader_sees_it_drops_markdown_and_html() -> None:
    assert markdown_text("A *b* [c](https://x.org) <i>d</i>\nnext") == "A b c <i>d</i> next"


def test_every_note_is_marked_in_the_article_by_letter_in_reading_order(site: Path) -> None:
    html = soup(page(site, "article"))
    markers = html.select("p.ed-paragraph sup.ed-note-ref")
    edition = load_source(SOURCE)
    assert len(markers) == len(edition.document.notes) > 0
    assert [marker.get_text() for marker in markers] == [note_label(index) for index in range(len(markers))]
    for (label, note, anchor), marker in zip(ordered_notes(edition.document), markers, strict=True):
        link = marker.a
        assert link is not None and link["href"] == f"../notes/#{note.id}" and link.get_text() == label
        assert f"ed-note-ref--{note.type}" in marker["class"]
        paragraph = marker.find_parent("p")
        assert paragraph is not None and paragraph["id"] == f"p{anchor.paragraph + 1}"
        assert str(link["data-ed-tip"]).startswith(("Correction: ", "Context: ", "Attribution: ", "Since publication: "))
        assert not link.has_attr("title"), "editors' text never goes into a title, which Material's tooltips rebuild as HTML"


def test_notes_page_lists_every_note_with_quote_sources_and_link_back(site: Path) -> None:
    html = soup(page(site, "notes"))
    for label, note, anchor in ordered_notes(load_source(SOURCE).document):
        section = html.find("section", id=note.id)
        assert section is not None, note.id
        quote = section.select_one("blockquote")
        assert quote is not None and quote.get_text(strip=True) == note.quote
        assert section.find("a", href=f"../article/#p{anchor.paragraph + 1}") is not None
        assert section.find("a", href=f"../article/#noteref-{note.id}") is not None
        assert len(section.select("ul li")) >= len(note.sources)
        assert section.h2 is not None and section.h2.get_text().startswith(f"{label}. ")


def test_claims_table_has_a_row_per_claim_linking_to_its_paragraph(site: Path) -> None:
    html = soup(page(site, "claims"))
    edition = load_source(SOURCE)
    rows = html.select("table tbody tr")
    assert len(rows) == len(edition.document.claims) > 0
    article = soup(page(site, "article"))
    for row in rows:
        link = row.select_one("td a[href^='../article/#p']")
        assert link is not None and article.find(id=str(link["href"]).split("#")[1]) is not None
    spans = article.select("span.ed-claim[data-claim]")
    assert sorted(span["data-claim"] for span in spans) == sorted(claim.id for claim in edition.document.claims)


def test_claim_spans_have_no_native_tooltip_to_cover_the_terms_inside(site: Path) -> None:
    article = soup(page(site, "article"))
    spans = article.select("span.ed-claim")
    assert spans and not [span for span in spans if span.has_attr("title")]
    assert any(span.select("[data-term]") for span in spans)


def test_notes_and_claims_from_a_hostile_source_stay_text(hostile_site: Path) -> None:
    notes = page(hostile_site, "notes")
    assert "<img" not in notes and "&lt;img src=x onerror=alert(1)&gt;" in notes
    assert "<b>source</b>" not in notes
    claims = soup(page(hostile_site, "claims"))
    cells = [cell.get_text() for cell in claims.select("table tbody td")]
    assert "Volodymyr <em>Zelensky</em>" in cells and "The plan | annexed *nothing*." in cells


def test_a_claim_with_an_unknown_entry_or_form_is_refused(folder: Path) -> None:
    (folder / "claims.yml").write_text(
        "- id: c1\n  who: W\n  entry: nobody\n  what: x\n  channel: y\n  form: shouted\n  quote: Zelensky said\n", encoding="utf-8"
    )
    found = problems(folder)
    assert f"{folder}/claims.yml:6: form 'shouted' of claim 'c1' is not one of: quoted, partly-quoted, paraphrased" in found


def test_a_claim_naming_an_unknown_entry_is_refused(folder: Path) -> None:
    (folder / "claims.yml").write_text(
        "- id: c1\n  who: W\n  entry: nobody\n  what: x\n  channel: y\n  form: quoted\n  quote: Zelensky said\n", encoding="utf-8"
    )
    assert problems(folder) == [
        f"{folder}/claims.yml:3: claim 'c1' names entry 'nobody', which is not in the glossary; use an entry id or drop 'entry'"
    ]


def test_overlapping_claims_are_refused(folder: Path) -> None:
    claim = "- id: {id}\n  who: W\n  what: x\n  channel: y\n  form: quoted\n  quote: {quote}\n"
    text = claim.format(id="c1", quote="Zelensky said the") + claim.format(id="c2", quote="said the Zelensky plan")
    (folder / "claims.yml").write_text(text, encoding="utf-8")
    assert problems(folder) == [f"{folder}/claims.yml:12: quote of claim 'c2' overlaps that of claim 'c1' (line 1); shorten one"]


def test_a_note_of_unknown_type_without_sources_is_refused(folder: Path) -> None:
    (folder / "notes.yml").write_text("- id: n1\n  type: gossip\n  quote: Zelensky said\n  text: t\n  sources: []\n", encoding="utf-8")
    found = problems(folder)
    assert f"{folder}/notes.yml:2: type 'gossip' of note 'n1' is not one of: correction, context, attribution, since-publication" in found
    assert f"{folder}/notes.yml:5: note 'n1' has no sources; add at least one '- title: …' under 'sources'" in found
