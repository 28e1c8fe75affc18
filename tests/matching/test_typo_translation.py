"""A misspelt word meets the translations of the word meant (across Dutch and English)."""

from __future__ import annotations

import pytest

from matchmaker.matching import MatchIndex
from matchmaker.matching.typos import map_corrections

DUTCH = [
    {
        "id": "eenzaam",
        "title": "Eenzaamheid onder ouderen",
        "tags": [],
        "text": "Veel ouderen voelen zich alleen.",
    },
    {"id": "afval", "title": "Slimmere afvalinzameling", "tags": [], "text": "De inzameling kan beter."},
    {"id": "groen", "title": "Meer groen op schoolpleinen", "tags": [], "text": "Tegels eruit, bomen erin."},
]


def test_a_misspelt_english_word_finds_the_dutch_challenge() -> None:
    index = MatchIndex.build(DUTCH)
    for query in ("loneliness", "lonelyness"):
        results = index.rank(query)
        assert results and results[0].id == "eenzaam"
        item = results[0].why[0]
        assert (item["query"], item["kind"]) == (query, "translation")


def test_the_correction_follows_the_false_friend_rule() -> None:
    found = dict(map_corrections("lonelyness"))
    assert max(found, key=found.get) == "loneliness"
    assert sum(found.values()) == pytest.approx(1.0)
    assert map_corrections("loneliness") == []  # a common word is meant as typed


def test_without_translation_a_misspelt_word_finds_nothing_across_languages() -> None:
    assert MatchIndex.build(DUTCH, translate=False).rank("lonelyness") == []
