"""Explanations read as a sentence in the reader's language, from the reader's side, with the points one
click away: "Matches on: afvalinzameling (your profile: waste collection, translation), sensoren"."""

from __future__ import annotations

import re

import pytest
from flask import render_template_string
from flask_babel import force_locale

from matchmaker.recommendations.reasons import reasons

from ..conftest import login
from ..i18n.helpers import read_in
from .pages import block, text_of, why_sentence
from .test_recommendations import market, sync_at_once  # noqa: F401 (fixtures)

# The matcher's `why` items as MatchResult documents them, with the new "translation" kind.
WHY = [
    {"query": "afvalinzameling", "matched": "waste collection", "field": "text", "similarity": 100.0,
     "contribution": 6.2, "kind": "translation", "via": "waste collection"},
    {"query": "sensoren", "matched": "sensoren", "field": "tags", "similarity": 100.0, "contribution": 3.1,
     "kind": "exact"},
    {"query": "parkeersensoren", "matched": "parkeersensorn", "field": "text", "similarity": 96.6,
     "contribution": 2.0, "kind": "fuzzy"},
    {"query": "binnenstad", "matched": "binnensteden", "field": "text", "similarity": 91.0, "contribution": 1.1,
     "kind": "variant"},
    {"query": "*", "matched": "*", "field": "all", "similarity": 40.0, "contribution": 0.7, "kind": "text"},
    {"query": "wijk", "matched": "wijken", "field": "text", "similarity": 90.0, "contribution": 0.3,
     "kind": "variant"},
]


class Dutch:
    language = "nl"


DUTCH = Dutch()  # what the query is written in, as a challenge says it


def render(items, reader, locale="en", limit=4, score=14.0, query_lang=DUTCH) -> str:
    with force_locale(locale):
        return render_template_string(
            '{% from "recommendations/_why.html" import why %}{{ why(items, limit, reader, score, query_lang) }}',
            items=items, limit=limit, reader=reader, score=score, query_lang=query_lang)


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


@pytest.mark.parametrize(("reader", "locale", "sentence"), [
    ("startup", "en", ("Matches on: afvalinzameling (your profile: waste collection, translation), sensoren, "
                      "parkeersensoren (you wrote: parkeersensorn), binnenstad (your profile: binnensteden)")),
    ("officer", "en", ("Matches on: afvalinzameling (the profile says: waste collection, translation), sensoren, "
                      "parkeersensoren (the profile spells it: parkeersensorn), binnenstad (the profile says: "
                      "binnensteden)")),
    ("startup", "nl", ("Komt overeen op: afvalinzameling (je profiel: waste collection, vertaling), sensoren, "
                      "parkeersensoren (je schreef: parkeersensorn), binnenstad (je profiel: binnensteden)")),
    ("officer", "nl", ("Komt overeen op: afvalinzameling (in het profiel: waste collection, vertaling), sensoren, "
                      "parkeersensoren (het profiel schrijft: parkeersensorn), binnenstad (in het profiel: "
                      "binnensteden)")),
    ("text", "en", ("Matches on: afvalinzameling (the text says: waste collection, translation), sensoren, "
                   "parkeersensoren (spelt there: parkeersensorn), binnenstad (the text says: binnensteden)")),
])
def test_the_sentence_speaks_from_the_readers_side_in_their_language(request_context, reader, locale, sentence):
    assert why_sentence(render(WHY, reader, locale)) == sentence


def test_the_sentence_keeps_to_its_limit_and_says_how_many_more(request_context):
    assert why_sentence(render(WHY, "startup", limit=2)) == (
        "Matches on: afvalinzameling (your profile: waste collection, translation), sensoren and 2 more words")
    with force_locale("nl"):
        assert why_sentence(render(WHY, "startup", "nl", limit=3)).endswith("en nog 1 woord")


def test_a_word_met_several_ways_reads_as_one(request_context):
    items = [dict(WHY[0]), {"query": "afvalinzameling", "matched": "afval", "field": "tags", "similarity": 100.0,
                            "contribution": 1.0, "kind": "compound"},
             {"query": "afvalinzameling", "matched": "afvalinzameling", "field": "text", "similarity": 100.0,
              "contribution": 2.0, "kind": "exact"}]
    assert why_sentence(render(items, "startup")) == (
        "Matches on: afvalinzameling (your profile: afval; translation: waste collection)")


def test_words_carry_their_language(request_context):
    page = render(WHY, "officer", "en")
    sentence = re.search(r'<p class="why">.*?</p>', page, re.DOTALL).group(0)
    assert '<span class="why-word" lang="nl">afvalinzameling</span>' in sentence  # the challenge's Dutch word
    assert '<span class="why-word">waste collection</span>' in sentence  # English, as the page
    dutch_page = render(WHY, "officer", "nl")
    assert '<span class="why-word" lang="en">waste collection</span>' in dutch_page
    assert '<span class="why-word">afvalinzameling</span>' in dutch_page


def test_the_points_are_one_click_away(request_context):
    page = render(WHY, "startup", "en", score=14.0)
    details = re.search(r'<details class="why-points">(.*?)</details>', page, re.DOTALL).group(1)
    assert "<summary>Points per word</summary>" in details
    rows = [text_of(re.sub("</t[dh]>", " ", row)) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", details, re.DOTALL)]
    assert rows[0] == "In the challenge In your profile Kind Points"
    assert rows[1] == "afvalinzameling waste collection (in text) translation 6.2"
    assert rows[3] == "parkeersensoren parkeersensorn (in text) close spelling (97%) 2.0"
    assert "the texts as a whole similar texts 0.7" in rows
    assert "wijk wijken (in text) other form of the word 0.3" in rows  # too small for the sentence, still here
    assert rows[-2:] == ["other, smaller matches 0.6", "Fit (0–100) 14.0"]  # the points add up to the fit
    with force_locale("nl"):
        assert "<summary>Punten per woord</summary>" in render(WHY, "startup", "nl")


def test_a_translation_names_the_word_it_went_through(request_context):
    item = {"query": "parking", "matched": "parkeerdruk", "field": "text", "similarity": 100.0,
            "contribution": 4.0, "kind": "translation", "via": "parkeer"}
    english = render([item], "officer", "en", query_lang="en")
    assert why_sentence(english) == "Matches on: parking (the profile says: parkeerdruk, translation)"
    assert 'translation via <span class="why-word" lang="nl">parkeer</span>' in english
    assert "vertaling via" in render([item], "startup", "nl", query_lang="en")


def test_nothing_is_said_when_nothing_but_the_whole_text_met(request_context):
    assert render([WHY[4]], "startup").strip() == ""
    assert reasons([], 4).shown == []


def test_the_officer_reads_the_sentence_on_the_fit_page_in_dutch(client, market):  # noqa: F811 (fixture)
    login(client, market["officer"])
    read_in(client, "nl")
    page = client.get(f"/challenges/{market['challenge'].id}/fit").get_data(as_text=True)
    sentence = why_sentence(page, f"s{market['fits'].id}")
    assert sentence.startswith("Komt overeen op: ") and "vulgraadsensoren" in sentence
    assert "Punten per woord" in block(page, f"s{market['fits'].id}")


def test_a_small_side_match_stays_in_the_table():
    why = [{"query": "openbareruimte", "matched": "openbareruimte", "field": "tags", "similarity": 100.0,
            "contribution": 3.0, "kind": "exact"},
           {"query": "ruimte", "matched": "openbareruimte", "field": "tags", "similarity": 100.0,
            "contribution": 0.7, "kind": "compound"},
           {"query": "ruimte", "matched": "space", "field": "text", "similarity": 100.0, "contribution": 0.2,
            "kind": "translation", "via": "space"},
           {"query": "openbareruimte", "matched": "space", "field": "text", "similarity": 100.0,
            "contribution": 0.2, "kind": "translation", "via": "space"}]
    found = reasons(why)
    assert [(r.word, r.says, r.translated) for r in found.shown] == [
        ("openbareruimte", [], []), ("ruimte", ["openbareruimte"], [])]
    assert found.shown[1].points == pytest.approx(0.9)
