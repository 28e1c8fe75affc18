""""Has anyone tried this?": published lessons and pilots ranked by the matcher, typos and Dutch compounds
forgiven, with the words that matched; an unpublished lesson is never found."""

from __future__ import annotations

import pytest

from matchmaker.enums import ChallengeStatus
from matchmaker.lessons import search, services

from ..conftest import login
from ..recommendations.pages import why_sentence
from .conftest import decided_pilot, no_award_challenge, write

WASTE = {
    "context": "In de binnenstad staan driehonderd ondergrondse containers voor restafval.",
    "expected": "Minder halflege ophaalrondes door vulgraadsensoren in de containers.",
    "happened": "De afvalinzameling reed een kwart minder rondes; de sensoren hielden het in de vorst vol.",
    "differently": "De chauffeurs eerder betrekken bij de nieuwe routeplanning.",
    "advice": "Begin met één wijk en meet de vulgraad vanaf de eerste week.", "language": "nl", "reusable": True}
LONELY = {
    "context": "Wijkteams zien eenzaamheid onder ouderen vaak te laat.",
    "expected": "Een app zou signalen van buren en huisartsen bundelen.",
    "happened": "Weinig ouderen gebruikten de app; de wijkteams bleven bellen.",
    "differently": "Eerst met ouderen zelf praten, pas daarna een app kiezen.",
    "advice": "Zoek het in mensen, niet in techniek.", "language": "nl", "reusable": False}
RAIN = {
    "context": "Heavy rain floods the streets of the old town several times a year.",
    "expected": "Residents would install rain barrels and green roofs with a subsidy.",
    "happened": "Few residents joined; the barrels that were installed buffered little water.",
    "differently": "Work street by street with the residents' associations.",
    "advice": "Measure the buffered water per street, not per garden.", "language": "en", "reusable": False}
SECRET = {
    "context": "Zonnepaneelreiniging met drones op gemeentelijke daken.",
    "expected": "Schonere panelen.", "happened": "Het werkte half.", "differently": "Kleiner beginnen.",
    "advice": "Niet doen zonder onderhoudscontract.", "language": "nl", "reusable": False}


@pytest.fixture
def library(make):
    utrecht = make.municipality(name="Gemeente Utrecht")
    zwolle = make.municipality(name="Gemeente Zwolle")
    anna, bram = make.officer(utrecht), make.officer(zwolle)
    waste = decided_pilot(make, municipality=utrecht, officer=anna, title="Slimme containers in de binnenstad",
                          goals="Minder ritten met de vuilniswagen.", themes=("waste",))
    lonely = decided_pilot(make, municipality=zwolle, officer=bram, move="stop", title="Buurtsignalen",
                           goals="Eerder hulp bij eenzaamheid.", themes=("care",))
    rain = no_award_challenge(make, organisation=zwolle, title="Rainwater in the old town", language="en",
                              summary="Keeping the streets dry after heavy rain.")
    rain.theme_links.clear()
    hidden = decided_pilot(make, municipality=utrecht, officer=anna, move="stop", title="Daken inspecteren",
                           goals="Inspectie van daken.", themes=("energy",))
    running = make.pilot(municipality=zwolle, officer=bram, started=True)
    running.title, running.goals = "Parkeerdruk meten met camera's", "Vrije plekken tellen in de wijk."
    lessons = {"waste": write(waste, anna, **WASTE), "lonely": write(lonely, bram, **LONELY),
               "rain": write(rain, bram, **RAIN), "hidden": write(hidden, anna, **SECRET)}
    for name in ("waste", "lonely", "rain"):
        services.publish_lesson(lesson=lessons[name], user=anna if name == "waste" else bram)
    return {"lessons": lessons, "running": running, "anna": anna, "bram": bram, "zwolle": zwolle}


def test_a_dutch_query_with_a_typo_finds_the_right_lesson_first(library):
    found = search.search("afvalinzamelling sensoren")
    assert found[0].lesson == library["lessons"]["waste"]
    matched = {(w["query"], w["matched"], w["kind"]) for w in found[0].why}
    assert ("afvalinzamelling", "afvalinzameling", "fuzzy") in matched


def test_a_dutch_compound_meets_its_parts(library):
    assert search.search("afval inzameling")[0].lesson == library["lessons"]["waste"]
    assert search.search("eenzaamheidssignalen ouderen")[0].lesson == library["lessons"]["lonely"]


def test_an_english_query_finds_the_english_lesson(library):
    found = search.search("rain barrels for residents")
    assert found[0].lesson == library["lessons"]["rain"] and found[0].language == "en"
    assert {w["matched"] for w in found[0].why} >= {"barrels", "residents"}


def test_an_unpublished_lesson_is_never_found(library):
    hidden = library["lessons"]["hidden"]
    assert search.search("zonnepaneelreiniging") == []
    found = search.search("onderhoudscontract drones")  # "drones" ≈ "rondes" of another lesson, fine
    assert hidden.pilot not in [f.pilot for f in found] and hidden not in [f.lesson for f in found]
    services.publish_lesson(lesson=hidden, user=library["anna"])
    assert [f.lesson for f in search.search("zonnepaneelreiniging")] == [hidden]
    services.unpublish_lesson(lesson=hidden, user=library["anna"])
    assert search.search("zonnepaneelreiniging") == []  # at once, not after the next sync


def test_a_pilot_without_a_published_lesson_is_found_by_its_title_and_goals(library):
    found = search.search("parkeerdruk")
    assert [(f.pilot, f.lesson) for f in found] == [(library["running"], None)]
    # the pilot of the unpublished lesson is found as a pilot, without its lesson's words
    found = search.search("daken inspecteren")
    assert found[0].pilot.title == "Daken inspecteren" and found[0].lesson is None


def test_filters_keep_only_published_lessons_that_pass(library):
    assert [f.lesson for f in search.search("ouderen afval regen rain", outcome="stopped")] == [
        library["lessons"]["lonely"]]
    assert [f.lesson for f in search.search("ouderen afval rain", reusable=True)] == [library["lessons"]["waste"]]
    assert search.search("parkeerdruk", outcome="continued") == []
    assert search.search("   ") == []


def test_the_public_page_shows_the_results_and_why(client, library):
    page = client.get("/lessons/?q=afvalinzamelling").get_data(as_text=True)
    assert "1 lesson or pilot fits “afvalinzamelling”" in page
    assert "Slimme containers in de binnenstad" in page
    assert "afvalinzamelling (spelt there: afvalinzameling)" in why_sentence(page)  # the typo, explained
    assert "Zonnepaneelreiniging" not in page
    listing = client.get("/lessons/").get_data(as_text=True)
    assert "3 published lessons" in listing and "Daken inspecteren" not in listing
    assert listing.index("Rainwater in the old town") < listing.index("Slimme containers")  # newest first
    assert client.get("/lessons/?outcome=no_award").get_data(as_text=True).count('class="card lesson-card"') == 1


def test_the_page_reads_in_dutch(client, library):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl"
    page = client.get("/lessons/?q=regenton").get_data(as_text=True)
    assert "Lessen" in page and "Heeft iemand dit al geprobeerd?" in page
    page = client.get(f"/lessons/{library['lessons']['rain'].id}").get_data(as_text=True)
    assert '<span lang="en">Rainwater in the old town</span>' in page
    assert "Beëindigd zonder gunning" in page


def test_a_new_draft_shows_the_lessons_and_pilots_that_fit_it(client, make, library):
    draft = make.challenge(organisation=library["zwolle"], status=ChallengeStatus.DRAFT,
                           title="Afvalinzameling slimmer plannen", summary="Containers die vol zijn eerst legen.",
                           problem="Halflege containers worden geleegd, volle niet.", themes=("waste",))
    login(client, library["bram"])
    page = client.get(f"/challenges/{draft.id}/manage").get_data(as_text=True)
    assert "Lessons and pilots that fit this challenge" in page
    section = page.split("Lessons and pilots that fit this challenge")[1].split("</section>")[0]
    assert "Slimme containers in de binnenstad" in section and "Gemeente Utrecht" in section
    assert "Zonnepaneel" not in section
    fits = search.fitting_challenge(draft)
    assert fits[0].lesson == library["lessons"]["waste"]
