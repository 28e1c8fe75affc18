"""Behaviour of the matching engine on small synthetic corpora."""

from __future__ import annotations

import json

import pytest

from matchmaker.matching import MatchIndex, MatchResult, describe
from matchmaker.matching.text import stem, tokenize

# A small Dutch/English corpus; each record has one clear topic so that tests can name the winner.
CORPUS = [
    {
        "id": "afval-1",
        "title": "Slimme afvalinzameling",
        "text": "Wij plannen routes voor de afvalinzameling in de wijk.",
        "tags": ["logistiek"],
    },
    {
        "id": "afval-2",
        "title": "Afval inzameling met drones",
        "text": "Containers worden sneller geleegd.",
        "tags": [],
    },
    {
        "id": "parkeer-1",
        "title": "Parkeersensoren",
        "text": "Draadloze parkeersensoren tonen vrije plekken.",
        "tags": ["iot"],
    },
    {
        "id": "parkeer-2",
        "title": "Slim parkeren",
        "text": "Elke parkeer sensor meldt of een plek vrij is.",
        "tags": [],
    },
    {
        "id": "warmte-1",
        "title": "Warmtetransitie in de wijk",
        "text": "Wij begeleiden bewoners bij de warmtetransitie.",
        "tags": ["energie"],
    },
    {
        "id": "warmte-2",
        "title": "Warmte transitie advies",
        "text": "Advies over warmte transitie voor gemeenten.",
        "tags": [],
    },
    {
        "id": "mobiliteit-1",
        "title": "Deelmobiliteit",
        "text": "Mobiliteit als dienst: deelfietsen en deelauto's.",
        "tags": ["mobiliteit"],
    },
    {
        "id": "org-1",
        "title": "Community organisation",
        "text": "We help a local organisation recruit volunteers.",
        "tags": [],
    },
    {
        "id": "water-1",
        "title": "Waterkwaliteit meten",
        "text": "Sensors measure water quality in canals.",
        "tags": ["water"],
    },
    {
        "id": "ai-1",
        "title": "Machine learning for permits",
        "text": "Our software reads permit applications and flags missing documents.",
        "tags": ["ai", "software"],
    },
]


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return MatchIndex.build(CORPUS)


def ids(results: list[MatchResult]) -> list[str]:
    return [r.id for r in results]


def top_ids(index: MatchIndex, query, n: int = 2) -> set[str]:
    return set(ids(index.rank(query, top=n)))


# -- compounds, inflections, typos, spelling variants ----------------------------------------------


def test_compound_meets_split_spelling_and_part(index: MatchIndex) -> None:
    assert top_ids(index, "afvalinzameling") == {"afval-1", "afval-2"}
    assert top_ids(index, "afval inzameling") == {"afval-1", "afval-2"}
    assert top_ids(index, "afval") == {"afval-1", "afval-2"}


def test_parking_sensors_both_directions(index: MatchIndex) -> None:
    assert top_ids(index, "parkeersensoren") == {"parkeer-1", "parkeer-2"}
    assert top_ids(index, "parkeer sensor") == {"parkeer-1", "parkeer-2"}


def test_heat_transition_both_directions(index: MatchIndex) -> None:
    assert top_ids(index, "warmtetransitie") == {"warmte-1", "warmte-2"}
    assert top_ids(index, "warmte transitie") == {"warmte-1", "warmte-2"}


def test_typo_meets_intended_word(index: MatchIndex) -> None:
    results = index.rank("mobilitiet")
    assert ids(results)[0] == "mobiliteit-1"
    item = results[0].why[0]
    assert (item["query"], item["kind"]) == ("mobilitiet", "fuzzy")
    assert item["matched"].endswith("mobiliteit")
    assert 80 <= item["similarity"] < 100


def test_a_clear_typo_weighs_as_much_as_the_word_itself() -> None:
    # one close spelling in the vocabulary: the typo model puts all of the word's weight on it
    index = MatchIndex.build(
        [
            {"id": "a", "title": "", "text": "Slimme mobiliteit en verkeer", "tags": []},
            {"id": "b", "title": "", "text": "Slimme verlichting", "tags": []},
        ]
    )
    right = index.rank("mobiliteit slimme")[0]
    typo = index.rank("mobilitiet slimme")[0]
    assert right.id == typo.id == "a"
    weight = {item["query"]: item["contribution"] for item in right.why}
    typo_weight = {item["query"]: item["contribution"] for item in typo.why}
    assert typo_weight["mobilitiet"] == pytest.approx(weight["mobiliteit"], abs=0.01)
    assert typo_weight["slimme"] == pytest.approx(weight["slimme"], abs=0.01)


def test_typo_in_the_record_is_found_by_the_right_spelling() -> None:
    index = MatchIndex.build(
        CORPUS + [{"id": "typo", "title": "", "text": "Duurzame mobilitiet", "tags": []}]
    )
    assert "mobiliteit-1" in top_ids(index, "mobiliteit", n=3)
    assert "typo" in top_ids(index, "mobilitiet", n=3)


def test_html_character_references_are_decoded_not_indexed() -> None:
    assert tokenize("Caf&eacute; &quot;Between the Lions&quot; firm&#039;s R&D") == [
        "cafe",
        "between",
        "the",
        "lions",
        "firm",
    ]
    index = MatchIndex.build(
        [
            {"id": "a", "title": "", "text": "A &quot;smart&quot; panel", "tags": []},
            {"id": "b", "title": "", "text": "Reading &quot;Between the Lions&quot; at home", "tags": []},
        ]
    )
    assert [r.id for r in index.rank("&quot;Between the Lions&quot; reading den")] == ["b"]


def test_non_ascii_punctuation_separates_words() -> None:
    # en dash, curly apostrophe, bullet and no-break space split words; accents and a soft hyphen do not
    assert tokenize(
        "Sulfur\u2013Tolerant gemeente\u2019s \u2022Zorg\u00a0en welzijn informa\u00adtie \u00e9\u00e9n"
    ) == [
        "sulfur",
        "tolerant",
        "gemeente",
        "zorg",
        "en",
        "welzijn",
        "informatie",
        "een",
    ]


def test_british_and_american_spelling(index: MatchIndex) -> None:
    assert ids(index.rank("organization"))[0] == "org-1"
    assert stem("organisations") == stem("organization")


def test_word_order_does_not_matter(index: MatchIndex) -> None:
    a = index.rank("water quality sensors")
    b = index.rank("sensors quality water")
    assert [(r.id, r.score) for r in a] == [(r.id, r.score) for r in b]


def test_plural_and_inflection_variants(index: MatchIndex) -> None:
    assert ids(index.rank("parkeersensor"))[0] in {"parkeer-1", "parkeer-2"}
    assert ids(index.rank("sensor water"))[0] == "water-1"
    assert stem("sensoren") == stem("sensors") == stem("sensor")


def test_compound_matching_does_not_depend_on_the_order_of_adds() -> None:
    index = MatchIndex()
    for rec in CORPUS:  # "afval inzameling" is added after "afvalinzameling" and vice versa
        index.add(rec)
    assert top_ids(index, "afvalinzameling") == {"afval-1", "afval-2"}
    assert top_ids(index, "parkeer sensor") == {"parkeer-1", "parkeer-2"}
    reverse = MatchIndex()
    for rec in reversed(CORPUS):
        reverse.add(rec)
    assert top_ids(reverse, "afvalinzameling") == {"afval-1", "afval-2"}
    assert top_ids(reverse, "warmte transitie") == {"warmte-1", "warmte-2"}


def test_part_of_a_compound_whose_other_part_is_unknown() -> None:
    index = MatchIndex.build(
        [
            {"id": "a", "title": "", "text": "Afvalinzameling in Utrecht", "tags": []},
            {"id": "b", "title": "", "text": "Fietsen in Utrecht", "tags": []},
        ]
    )
    assert ids(index.rank("afval")) == ["a"]
    assert ids(index.rank("inzameling")) == ["a"]


# -- stop words and empty input -----------------------------------------------------------------


def test_stop_words_do_not_count(index: MatchIndex) -> None:
    assert index.rank("de het een the of and in voor") == []
    with_stops = index.rank("de water van het quality")
    without = index.rank("water quality")
    assert [(r.id, r.score) for r in with_stops] == [(r.id, r.score) for r in without]
    assert all(item["query"] not in {"de", "van", "het"} for r in with_stops for item in r.why)


def test_empty_queries(index: MatchIndex) -> None:
    assert index.rank("") == []
    assert index.rank({"title": "", "text": "", "tags": []}) == []
    assert index.rank({}) == []
    assert index.rank("!!! ...") == []


def test_empty_index() -> None:
    empty = MatchIndex.build([])
    assert len(empty) == 0
    assert empty.rank("afval") == []
    assert MatchIndex().rank({"title": "afval", "text": "", "tags": []}) == []


def test_record_like_and_plain_string_queries_agree(index: MatchIndex) -> None:
    a = index.rank({"title": "", "text": "afval inzamelen", "tags": []})
    b = index.rank("afval inzamelen")
    assert ids(a) == ids(b) and ids(a)
    assert index.rank({"title": "Afval", "text": None, "tags": None, "extra": 1})


# -- scores, ordering, limits, filters ----------------------------------------------------------


def test_scores_are_between_0_and_100_and_ordered(index: MatchIndex) -> None:
    for query in [
        "afval",
        "parkeersensoren in de wijk",
        "warmte transitie advies voor gemeenten",
        "software ai",
    ]:
        results = index.rank(query, top=10)
        assert results
        scores = [r.score for r in results]
        assert all(0 < s <= 100 for s in scores)
        assert scores == sorted(scores, reverse=True)


def test_full_coverage_scores_100_and_partial_less(index: MatchIndex) -> None:
    assert index.rank("warmtetransitie")[0].score == 100
    partial = index.rank("warmtetransitie zonnepanelen subsidie")
    assert partial and partial[0].score < 70


def test_top_limits_results(index: MatchIndex) -> None:
    assert len(index.rank("wijk afval parkeren warmte", top=2)) == 2
    assert len(index.rank("wijk afval parkeren warmte", top=1)) == 1
    assert index.rank("wijk", top=0) == []
    assert len(index.rank("wijk", top=100)) <= len(index)


def test_records_without_any_match_are_not_returned(index: MatchIndex) -> None:
    assert set(ids(index.rank("drones", top=10))) == {"afval-2"}


def test_only_and_exclude_restrict_candidates(index: MatchIndex) -> None:
    assert ids(index.rank("afval", only={"afval-2", "water-1"})) == ["afval-2"]
    assert ids(index.rank("afval", only=set())) == []
    assert "afval-1" not in ids(index.rank("afval", exclude={"afval-1"}))


# -- explanations ---------------------------------------------------------------------------------


def test_explanation_names_matched_words(index: MatchIndex) -> None:
    result = index.rank("containers drones")[0]
    assert result.id == "afval-2"
    by_query = {item["query"]: item for item in result.why}
    assert by_query["drones"]["matched"] == "drones"
    assert by_query["drones"]["field"] == "title"
    assert by_query["drones"]["similarity"] == 100.0
    assert by_query["drones"]["kind"] == "exact"
    assert by_query["containers"]["field"] == "text"
    total = sum(item["contribution"] for item in result.why)
    assert total == pytest.approx(result.score, abs=0.1)
    json.dumps([r.to_dict() for r in index.rank("afvalinzameling drones")])


def test_explanation_of_a_compound_match(index: MatchIndex) -> None:
    result = next(r for r in index.rank("afvalinzameling") if r.id == "afval-2")
    assert {item["kind"] for item in result.why} - {"text"} == {"compound"}
    assert result.why[0]["matched"] == "afval inzameling"
    result = next(r for r in index.rank("afval") if r.id == "afval-1")
    assert result.why[0]["matched"] == "afvalinzameling"


def test_explanation_is_sorted_and_summary_readable(index: MatchIndex) -> None:
    result = index.rank("slimme afvalinzameling routes wijk")[0]
    contributions = [item["contribution"] for item in result.why]
    assert contributions == sorted(contributions, reverse=True)
    text = result.summary()
    assert text.startswith("Matched ") and "afvalinzameling" in text
    assert describe([]) == "No matching words."


def test_why_limit() -> None:
    index = MatchIndex.build(CORPUS, why_limit=2)
    result = index.rank("slimme afvalinzameling routes wijk plannen logistiek")[0]
    assert len(result.why) == 2


# -- updates ------------------------------------------------------------------------------------


def test_add_replaces_by_id() -> None:
    index = MatchIndex.build(CORPUS)
    assert len(index) == len(CORPUS)
    index.add({"id": "water-1", "title": "Fietsenstalling", "text": "Bewaakte fietsenstalling.", "tags": []})
    assert len(index) == len(CORPUS)
    assert "water-1" not in ids(index.rank("water quality"))
    assert ids(index.rank("fietsenstalling"))[0] == "water-1"  # deelfietsen follows: both hold "fiets"
    index.add({"id": "new", "title": "Water quality drones", "text": "", "tags": []})
    assert "new" in index and len(index) == len(CORPUS) + 1
    assert ids(index.rank("water quality"))[0] == "new"


def test_remove_removes() -> None:
    index = MatchIndex.build(CORPUS)
    assert index.remove("afval-1") is True
    assert "afval-1" not in index
    assert "afval-1" not in ids(index.rank("afval", top=10))
    assert index.remove("afval-1") is False
    assert index.remove("never-there") is False
    assert len(index) == len(CORPUS) - 1


def test_add_and_remove_many_keeps_results_consistent() -> None:
    """Enough adds to fold the delta segment into the main one."""
    built = MatchIndex.build(CORPUS)
    grown = MatchIndex.build(CORPUS[:2])
    for i in range(1200):
        grown.add({"id": f"tmp{i}", "title": f"filler {i}", "text": "tijdelijk record", "tags": []})
    for rec in CORPUS[2:]:
        grown.add(rec)
    for i in range(1200):
        assert grown.remove(f"tmp{i}")
    assert len(grown) == len(CORPUS)
    for query in ["afvalinzameling", "parkeer sensor", "mobilitiet", "water"]:
        assert ids(grown.rank(query))[:1] == ids(built.rank(query))[:1]
    grown.compact()
    assert len(grown) == len(CORPUS) and grown.stats()["delta_rows"] == 0
    assert sorted(grown.ids()) == sorted(r["id"] for r in CORPUS)
    for query in ["afvalinzameling", "parkeer sensor", "mobilitiet", "water"]:
        assert ids(grown.rank(query))[:1] == ids(built.rank(query))[:1]


def test_records_need_an_id() -> None:
    with pytest.raises(ValueError):
        MatchIndex.build([{"title": "no id"}])
    with pytest.raises(ValueError):
        MatchIndex().add({"id": "", "title": "empty id"})


def test_missing_fields_are_empty() -> None:
    index = MatchIndex.build([{"id": 7, "title": "Afval"}, {"id": "x"}, {"id": "y", "tags": ["afval"]}])
    assert len(index) == 3 and "7" in index and 7 in index
    assert set(ids(index.rank("afval"))) == {"7", "y"}
    assert ids(index.rank("afval", only={7})) == ["7"]
    assert index.remove(7) and 7 not in index


def test_tokenize_folds_accents_and_case() -> None:
    assert tokenize("Café-Ëxploitatie 2024") == ["cafe", "exploitatie", "2024"]


def test_build_and_add_index_records_the_same_way() -> None:
    """The vectorised build and one-by-one adds give the same scores (same averages)."""
    records = CORPUS + [
        {
            "id": "multi",
            "title": "Café Ëxploitatie",
            "text": "Eerste zin. Tweede zin!\nDerde; en vierde",
            "tags": ["a b"],
        },
        {"id": "empty", "title": "", "text": "", "tags": []},
    ]
    built = MatchIndex.build(records)
    added = MatchIndex.build(records[:1])
    added._avg_len, added._avg_passage = dict(built._avg_len), built._avg_passage
    added._avg_npass = built._avg_npass
    added.remove(records[0]["id"])
    for rec in records:
        added.add(rec)
    for query in ["afvalinzameling wijk", "parkeer sensor", "cafe zin", "warmte transitie advies gemeenten"]:
        a = [(r.id, r.score) for r in built.rank(query, top=20)]
        b = [(r.id, r.score) for r in added.rank(query, top=20)]
        assert a == b, query


def test_index_can_be_pickled() -> None:
    import pickle

    index = MatchIndex.build(CORPUS)
    index.add({"id": "extra", "title": "Slimme verlichting", "text": "", "tags": []})
    copy = pickle.loads(pickle.dumps(index))
    for query in ["afvalinzameling", "mobilitiet", "verlichting"]:
        assert [(r.id, r.score) for r in copy.rank(query)] == [(r.id, r.score) for r in index.rank(query)]


def test_threads_can_share_an_index() -> None:
    import threading

    index = MatchIndex.build(CORPUS)
    errors: list[BaseException] = []

    def writer(start: int) -> None:
        try:
            for i in range(start, start + 300):
                index.add({"id": f"t{i}", "title": f"afval route {i}", "text": "inzameling", "tags": []})
                if i % 3 == 0:
                    index.remove(f"t{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            for _ in range(100):
                for r in index.rank("afvalinzameling route", top=5):
                    assert 0 < r.score <= 100
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k * 1000,)) for k in range(2)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(index) == len(CORPUS) + 2 * 200
