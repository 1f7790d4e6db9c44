"""Quotations against their source: which differences count, which do not, and what a near miss is called."""

from __future__ import annotations

import pytest

from edition.model import Anchor
from edition.source.quotations import DIFFERS, MATCHES, compare, find_passage, occurs_in, quoted_words

SAID = (
    "So from a military standpoint, I still maintain that for this year it would be very, very difficult "
    "to militarily eject the Russian forces from all — every inch of Ukraine"
)


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("it’s very", "it's very"),
        ("it's very", "it’s very"),
        ("‘very’ hard", "'very' hard"),
        ("“very” hard", '"very" hard'),
        ('"very" hard', "“very” hard"),
        ("all – every inch", "all — every inch"),
        ("all — every inch", "all – every inch"),
        ("very  very", "very very"),
        ("very\nvery", "very very"),
        ("very very", "very \t very"),
    ],
)
def test_quotation_marks_apostrophes_dashes_and_spaces_compare_as_equal(typed: str, text: str) -> None:
    assert find_passage(typed, [f"Before {text} after."]) is not None
    assert occurs_in(typed, f"Before {text} after.")


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("Very difficult", "very difficult"),  # case
        ("well-known", "well—known"),  # a hyphen is not a dash
        ("cafe", "café"),  # accents
        ("very, very", "very very"),  # a comma
        ("very… difficult", "very... difficult"),  # an ellipsis character against three full stops
    ],
)
def test_nothing_else_compares_as_equal(typed: str, text: str) -> None:
    assert find_passage(typed, [f"Before {text} after."]) is None
    assert not occurs_in(typed, f"Before {text} after.")


def test_a_passage_is_found_as_the_span_of_the_original_text() -> None:
    paragraphs = ["First paragraph.", "It’s  very — very hard, he said."]
    anchor = find_passage("It's very – very hard", paragraphs)
    assert anchor == Anchor(1, 0, len("It’s  very — very hard"))
    assert paragraphs[1][anchor.start : anchor.end] == "It’s  very — very hard"


def test_a_passage_across_two_paragraphs_is_not_found() -> None:
    assert find_passage("end of one. Start of", ["The end of one.", "Start of two."]) is None


def test_the_quoted_words_are_the_stretches_inside_quotation_marks() -> None:
    quote = 'He said it was “very difficult” and “not now”, and "later" too.'
    assert quoted_words(quote) == ("very difficult", "not now", "later")
    assert quoted_words("He said it was hard.") == ()


def test_the_seed_quotation_matches_milleys_very_very_difficult() -> None:
    assert compare("very difficult", SAID).status == MATCHES


def test_words_that_occur_only_inside_a_longer_word_do_not_match() -> None:
    assert not occurs_in("ult", SAID)
    assert not occurs_in("very difficul", SAID)


@pytest.mark.parametrize(
    ("quoted", "changed_quoted", "changed_source"),
    [
        ("it would be very hard", ["hard"], ["very difficult"]),  # a changed word
        ("it would be very difficult", [], ["very"]),  # a dropped "very"
        ("difficult, very very", ["difficult"], ["would be"]),  # reordered words
    ],
)
def test_a_near_miss_differs_and_its_differences_are_marked(quoted: str, changed_quoted: list[str], changed_source: list[str]) -> None:
    comparison = compare(quoted, SAID)
    assert comparison.status == DIFFERS
    assert [piece.text for piece in comparison.quoted if not piece.same] == changed_quoted
    assert [piece.text for piece in comparison.source if not piece.same] == changed_source


def test_the_source_side_leaves_out_the_passages_words_before_and_after_the_quotation() -> None:
    comparison = compare("it would be very hard to militarily eject", SAID)
    shown = " ".join(piece.text for piece in comparison.source)
    assert shown == "it would be very very difficult to militarily eject"
