"""The matcher: whole words, longest form first, possessives, never inside a longer word."""

from __future__ import annotations

from edition.model import Entry
from edition.pages.matcher import find_occurrences, first_occurrences


def entry(entry_id: str, *forms: str) -> Entry:
    return Entry(entry_id, forms[0], "term", forms, "short", "definition", ())


def matched(text: str, *entries: Entry) -> list[tuple[str, str]]:
    """The (entry id, matched text) pairs found in one paragraph."""
    return [(found.entry_id, text[found.start : found.end]) for found in find_occurrences([text], entries)]


def test_finds_a_form_as_a_whole_word() -> None:
    assert matched("The Pentagon said.", entry("pentagon", "Pentagon")) == [("pentagon", "Pentagon")]


def test_never_matches_inside_a_longer_word() -> None:
    assert matched("the Crimean peninsula and Crimeas", entry("crimea", "Crimea")) == []


def test_never_matches_a_word_that_only_ends_with_the_form() -> None:
    assert matched("UNATO and NATOs", entry("nato", "NATO")) == []


def test_a_longer_word_matches_when_listed_as_a_form() -> None:
    found = matched("the Crimean peninsula", entry("crimea", "Crimean peninsula", "Crimea"))
    assert found == [("crimea", "Crimean peninsula")]


def test_longest_form_wins_over_a_shorter_one_at_the_same_place() -> None:
    found = matched("at the NATO summit in Vilnius", entry("nato", "NATO"), entry("summit", "NATO summit in Vilnius"))
    assert found == [("summit", "NATO summit in Vilnius")]


def test_longest_form_wins_whatever_the_order_of_entries() -> None:
    found = matched("at the NATO summit in Vilnius", entry("summit", "NATO summit in Vilnius"), entry("nato", "NATO"))
    assert found == [("summit", "NATO summit in Vilnius")]


def test_a_shorter_form_matches_where_the_longer_does_not_continue() -> None:
    found = matched("the NATO summit in Madrid", entry("nato", "NATO"), entry("summit", "NATO summit in Vilnius"))
    assert found == [("nato", "NATO")]


def test_matches_before_a_typographic_possessive() -> None:
    assert matched("Zelensky’s plans", entry("zelensky", "Zelensky")) == [("zelensky", "Zelensky")]


def test_matches_before_a_straight_possessive() -> None:
    assert matched("ATACMS's range", entry("atacms", "ATACMS")) == [("atacms", "ATACMS")]


def test_matches_a_listed_inflection() -> None:
    found = matched("Russia annexed Crimea; the annexation", entry("annexation", "annexation", "annexed"))
    assert found == [("annexation", "annexed"), ("annexation", "annexation")]


def test_does_not_match_an_unlisted_inflection() -> None:
    assert matched("Russia annexed Crimea", entry("annexation", "annexation")) == []


def test_matching_is_case_sensitive() -> None:
    assert matched("the pentagon shape", entry("pentagon", "Pentagon")) == []


def test_matches_at_the_start_and_end_of_a_paragraph() -> None:
    assert matched("Kyiv to Kyiv", entry("kyiv", "Kyiv")) == [("kyiv", "Kyiv"), ("kyiv", "Kyiv")]


def test_a_hyphen_ends_a_word() -> None:
    assert matched("Russia-backed authorities", entry("russia", "Russia")) == [("russia", "Russia")]


def test_a_form_with_a_hyphen_matches_whole() -> None:
    assert matched("the Russia-Ukraine war", entry("war", "Russia-Ukraine war")) == [("war", "Russia-Ukraine war")]


def test_a_form_ending_in_punctuation_matches_before_a_letter() -> None:
    assert matched("the U.S.A and the U.S.", entry("us", "U.S.")) == [("us", "U.S."), ("us", "U.S.")]


def test_occurrences_never_overlap() -> None:
    entries = (entry("a", "House Armed Services Committee"), entry("b", "Armed Services"))
    assert matched("the House Armed Services Committee", *entries) == [("a", "House Armed Services Committee")]


def test_occurrences_come_in_reading_order_across_paragraphs() -> None:
    found = find_occurrences(["Blinken and Putin", "Putin"], [entry("putin", "Putin"), entry("blinken", "Blinken")])
    assert [(item.paragraph, item.entry_id) for item in found] == [(0, "blinken"), (0, "putin"), (1, "putin")]


def test_first_occurrences_keep_reading_order() -> None:
    found = find_occurrences(["Putin met Blinken; Putin"], [entry("blinken", "Blinken"), entry("putin", "Putin")])
    assert list(first_occurrences(found)) == ["putin", "blinken"]


def test_matches_words_in_any_script() -> None:
    assert matched("Київ і Київщина", entry("kyiv", "Київ")) == [("kyiv", "Київ")]
