"""The false-friend rule: a close spelling stands for a query word only when it is likely a typo."""

from __future__ import annotations

import pytest

from matchmaker.matching import MatchIndex
from matchmaker.matching.text import stem
from matchmaker.matching.typos import common_terms, is_common, likely_typo


def typo(word: str, other: str) -> bool:
    """The rule on two surface words, stemmed as the engine stems query words and index terms."""
    return likely_typo(stem(word), stem(other))


# -- the predicate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "other"),
    [("kaart", "kwart"), ("kwart", "kaart"), ("form", "from"), ("from", "form"), ("stad", "stand")],
)
def test_two_common_words_of_one_language_never_pair(word: str, other: str) -> None:
    assert is_common(stem(word)) and is_common(stem(other))
    assert not typo(word, other)


def test_a_common_word_does_not_stand_for_a_rare_one() -> None:
    # "much" typed is meant as "much", even when the index holds "mulch" and no "much"
    assert not is_common(stem("mulch"))
    assert not typo("much", "mulch")


@pytest.mark.parametrize(
    ("misspelt", "meant"),
    [
        ("parkeersensorn", "parkeersensoren"),
        ("afvalinzamelng", "afvalinzameling"),
        ("afvalinzamelling", "afvalinzameling"),
        ("mobilitiet", "mobiliteit"),
        ("opticl", "optical"),
        ("weahter", "weather"),
    ],
)
def test_real_typos_still_pair(misspelt: str, meant: str) -> None:
    assert not is_common(stem(misspelt))
    assert typo(misspelt, meant)


def test_a_cognate_in_the_other_language_may_pair() -> None:
    # "flexibel" is common Dutch, "flexible" common English (and not Dutch): not two words of one language
    assert typo("flexibel", "flexible")


def test_short_words_need_a_closer_spelling() -> None:
    # four letters: one letter replaced (fuzz.ratio 75) makes other words too often; a letter
    # added or left out, or two letters swapped (also 75), is a typo
    for w in ("plsn", "plna", "plaan", "afvel"):
        assert not is_common(w)
    assert not likely_typo("plsn", "plan")  # replaced
    assert likely_typo("plna", "plan")  # swapped
    assert likely_typo("plaan", "plan")  # one letter too many
    assert likely_typo("afvel", "afval")  # five letters: one replaced is still a typo
    assert not likely_typo("pln", "plan")  # three letters: never fuzzed


def test_a_word_is_no_typo_of_itself() -> None:
    assert not likely_typo("afval", "afval")


def test_the_lists_are_loaded_once_and_hold_both_languages() -> None:
    nl, en = common_terms()
    assert common_terms() is common_terms()
    assert "kaart" in nl and "kaart" not in en
    assert "weather" in en and 15_000 < len(nl) < 40_000 and 15_000 < len(en) < 40_000


# -- in the engine ---------------------------------------------------------------------------------

CORPUS = [
    {"id": "kwart", "title": "Kwart van de wijk", "text": "Een kwart van de bewoners doet mee.", "tags": []},
    {
        "id": "parkeer",
        "title": "Parkeersensoren",
        "text": "Draadloze parkeersensoren tonen vrije plekken.",
        "tags": [],
    },
    {"id": "afval", "title": "", "text": "Slimme afvalinzameling in de binnenstad.", "tags": []},
]


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return MatchIndex.build(CORPUS)


def test_kaart_does_not_find_kwart(index: MatchIndex) -> None:
    assert "kaart" not in index.vocab and "kwart" in index.vocab
    results = index.rank("kaart")
    assert all(item.get("matched") != "kwart" for r in results for item in r.why)
    assert "kwart" not in [r.id for r in results]


def test_a_misspelt_compound_finds_its_record(index: MatchIndex) -> None:
    for query, rid in (("parkeersensorn", "parkeer"), ("afvalinzamelng", "afval")):
        results = index.rank(query)
        assert results and results[0].id == rid
        assert any(item["kind"] == "fuzzy" and item["query"] == query for item in results[0].why)
