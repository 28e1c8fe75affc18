"""Dutch <-> English: the derived term map, compounds across languages, weights and explanations."""

from __future__ import annotations

import pytest

from matchmaker.matching import MatchIndex
from matchmaker.matching.text import stem
from matchmaker.matching.translate import DATA, FACTOR, term_map

DUTCH = [
    {"id": "park", "title": "Parkeerdruk in woonwijken", "tags": [],
     "text": "Bewoners ervaren 's avonds veel parkeerdruk. We zoeken slimme oplossingen."},
    {"id": "eenzaam", "title": "Eenzaamheid onder ouderen", "tags": [],
     "text": "Veel ouderen in onze gemeente voelen zich alleen."},
    {"id": "afval", "title": "Slimmere afvalinzameling", "tags": [],
     "text": "De inzameling in de binnenstad kan beter met sensoren."},
    {"id": "groen", "title": "Meer groen op schoolpleinen", "tags": [],
     "text": "Tegels eruit, bomen erin, samen met de kinderen."},
]
ENGLISH = [
    {"id": "binwise", "title": "BinWise", "tags": [], "text": "Sensors tell when a bin is full, so waste collection runs plan themselves."},
    {"id": "parkly", "title": "Parkly", "tags": [], "text": "We measure parking pressure in residential streets with camera counts."},
    {"id": "tutor", "title": "TutorBox", "tags": [], "text": "Homework help for pupils after school."},
]


def test_the_term_map_holds_everyday_municipal_words_both_ways():
    tm = term_map()
    assert stem("waste") in tm.translations("afval")
    assert "afval" in tm.translations(stem("waste"))
    assert "parkeer" in tm.translations("parking")
    assert "eenzaamheid" in tm.translations("loneliness")
    assert stem("poverty") in tm.translations(stem("armoede"))
    assert stem("participation") in tm.translations(stem("participatie"))


def test_words_that_are_also_words_of_the_other_language_are_no_translations():
    tm = term_map()
    assert "room" not in tm.translations(stem("cream"))  # Dutch room is cream
    assert "former" not in tm.translations("develop")  # Dutch formeren
    assert all(len(key) >= 3 for key in tm.other)


def test_the_map_ships_with_its_licence_and_sources():
    folder = DATA.parent
    assert "GNU GENERAL PUBLIC LICENSE" in (folder / "GPL-2.txt").read_text()[:200]
    readme = (folder / "README.md").read_text()
    assert "FreeDict" in readme and "GPL-2.0-or-later" in readme
    assert sum(1 for _ in DATA.open(encoding="utf-8")) > 40_000


@pytest.mark.parametrize(("word", "parts"), [
    ("parkeerdruk", ["parkeer", "druk"]),
    ("afvalinzameling", ["afval", "inzameling"]),
    ("energiearmoede", [stem("energie"), stem("armoede")]),
    ("zwerfafval", ["zwerf", "afval"]),
])
def test_compounds_split_into_words_the_map_knows(word, parts):
    assert term_map().split(word) == parts


def test_a_derivation_is_no_compound():
    assert term_map().split("eenzaamheid") != ["eenzaam", "heid"]


@pytest.mark.parametrize(("query", "expected"), [
    ("parking pressure", "park"),
    ("loneliness", "eenzaam"),
    ("waste collection", "afval"),
])
def test_an_english_search_finds_the_dutch_challenge(query, expected):
    index = MatchIndex.build(DUTCH)
    assert index.rank(query)[0].id == expected
    assert [r.id for r in MatchIndex.build(DUTCH, translate=False).rank(query)][:1] != [expected]


def test_a_dutch_challenge_finds_english_profiles():
    index = MatchIndex.build(ENGLISH)
    assert index.rank(DUTCH[2])[0].id == "binwise"
    assert index.rank(DUTCH[0])[0].id == "parkly"
    assert index.rank("afvalinzameling")[0].id == "binwise"


def test_the_explanation_says_it_was_a_translation():
    result = MatchIndex.build(DUTCH).rank("parking pressure")[0]
    items = {(w["query"], w["matched"]): w for w in result.why}
    parking = items[("parking", "parkeerdruk")]
    assert parking["kind"] == "translation" and parking["via"] == "parkeer"
    assert items[("pressure", "parkeerdruk")]["via"] == "druk"
    assert "translation" in result.summary()


def test_a_translation_weighs_less_than_the_word_itself():
    index = MatchIndex.build([
        {"id": "nl", "title": "", "tags": [], "text": "Eenzaamheid in Utrecht."},
        {"id": "en", "title": "", "tags": [], "text": "Loneliness in Utrecht."},
        {"id": "other", "title": "", "tags": [], "text": "Parks in Utrecht."},
    ], prior=0.0, text_weight=0.0)
    scores = {r.id: r.score for r in index.rank("loneliness")}
    assert 0 < scores["nl"] <= FACTOR * scores["en"] + 0.01


def test_records_added_one_by_one_meet_across_languages_too():
    index = MatchIndex.build([ENGLISH[2]])
    for record in DUTCH:
        index.add(record)
    assert index.rank("parking pressure")[0].id == "park"
    assert index.rank("waste collection")[0].id == "afval"


def test_an_english_query_does_not_find_english_texts_through_a_dutch_meaning():
    index = MatchIndex.build([{"id": "r", "title": "", "tags": [], "text": "Booking a meeting room online."}])
    assert index.rank("cream") == []


def test_a_rare_translation_never_outweighs_a_common_word_itself():
    # "werk" is Dutch for work: in an English index where it is a rare name, an English query for
    # "work" must not rank that record above the records that say "work"
    records = [{"id": f"en{i}", "title": "", "tags": [], "text": f"Work on sensors, batch {i}."} for i in range(20)]
    records.append({"id": "name", "title": "", "tags": [], "text": "Werk sensors, batch 99."})
    ranked = MatchIndex.build(records, prior=0.0, text_weight=0.0).rank("work", top=30)
    scores = {r.id: r.score for r in ranked}
    assert scores["name"] <= FACTOR * min(scores[f"en{i}"] for i in range(20)) + 0.01


def test_the_explanation_names_the_record_word_when_it_is_the_translation_itself():
    index = MatchIndex.build([{"id": "p", "title": "", "tags": [], "text": "Een plaats voor fietsen."}])
    why = [w for w in index.rank("places")[0].why if w["kind"] == "translation"]
    assert why and why[0]["via"] == "plaats" == why[0]["matched"]
