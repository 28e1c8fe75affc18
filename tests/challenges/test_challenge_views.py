import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from matchmaker.challenges.models import Challenge, Question, SavedChallenge
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db

from ..conftest import login


def officer_client(client, make, verified=True):
    municipality = make.municipality(verified=verified)
    officer = make.officer(municipality)
    login(client, officer)
    return officer, municipality


def form_data(**overrides):
    data = {
        "title": "Parkeerdruk in woonwijken", "summary": "Te veel auto's.", "problem": "Bewoners vinden geen plek.",
        "desired_outcome": "Inzicht in parkeerdruk.", "affected": "Bewoners", "department": "Mobiliteit",
        "themes": ["mobility", "digital"], "keywords": "parkeersensoren, data", "budget_min": "10000",
        "budget_max": "40000", "pilot_weeks": "16", "questions_close_at": "2030-03-01T12:00",
        "submissions_close_at": "2030-03-15T17:00", "max_age_years": "", "max_fte": "50", "languages": ["nl", "en"],
    }
    data.update(overrides)
    return data


def test_officer_creates_draft_with_amsterdam_times_and_euros(client, make):
    officer, municipality = officer_client(client, make)
    response = client.post("/challenges/new", data=form_data())
    assert response.status_code == 302
    challenge = db.session.scalar(select(Challenge))
    assert challenge.organisation_id == municipality.id and challenge.status == ChallengeStatus.DRAFT
    assert (challenge.budget_min_cents, challenge.budget_max_cents) == (1_000_000, 4_000_000)
    # 17:00 in Amsterdam in March (CET, UTC+1) is 16:00 UTC
    assert challenge.submissions_close_at == datetime(2030, 3, 15, 16, 0, tzinfo=UTC)
    assert challenge.themes == ["digital", "mobility"]
    assert challenge.keywords == ["parkeersensoren", "data"]
    assert (challenge.max_age_years, challenge.max_fte) == (None, 50)


def test_deadline_shown_in_amsterdam_time_in_summer(client, make):
    challenge = make.challenge(submissions_close_at=datetime(2030, 7, 1, 15, 0, tzinfo=UTC),
                               questions_close_at=datetime(2030, 6, 20, 10, 0, tzinfo=UTC))
    response = client.get(f"/challenges/{challenge.slug}")
    assert b"Monday 1 July 2030, 17:00" in response.data  # CEST is UTC+2


def test_bad_input_on_the_challenge_form_keeps_the_text(client, make):
    officer_client(client, make)
    response = client.post("/challenges/new", data=form_data(budget_min="lots", problem="Mijn lange tekst",
                                                             pilot_weeks="0"))
    assert response.status_code == 200
    assert b"Enter an amount in euros, for example 25000." in response.data
    assert b"Number must be between 1 and 104." in response.data
    assert b"Mijn lange tekst" in response.data
    assert db.session.scalar(select(Challenge)) is None


def test_budget_inverted_shows_error_on_the_field(client, make):
    officer_client(client, make)
    response = client.post("/challenges/new", data=form_data(budget_min="50000", budget_max="1000"))
    assert response.status_code == 200
    assert b"The minimum budget is higher than the maximum." in response.data


def test_criteria_form_refuses_weights_not_adding_to_100(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    response = client.get(f"/challenges/{challenge.id}/criteria")
    assert response.status_code == 200 and b"Value for money" in response.data
    response = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "50", "rows-1-name": "Prijs", "rows-1-weight": "40"})
    assert response.status_code == 200
    assert b"The weights add up to 90; they must add up to 100." in response.data
    response = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "60", "rows-1-name": "Prijs", "rows-1-weight": "40"})
    assert response.status_code == 302
    db.session.refresh(challenge)
    assert [(c.name, c.weight) for c in challenge.criteria] == [("Impact", 60), ("Prijs", 40)]


def test_publish_then_visible_on_public_list(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT, title="Hittestress aanpakken")
    assert b"Hittestress aanpakken" not in client.get("/challenges/").data
    response = client.post(f"/challenges/{challenge.id}/publish")
    assert response.status_code == 302
    assert b"Hittestress aanpakken" in client.get("/challenges/").data


def test_publish_of_unverified_municipality_is_refused_with_message(client, make):
    officer, municipality = officer_client(client, make, verified=False)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    response = client.post(f"/challenges/{challenge.id}/publish", follow_redirects=True)
    assert b"has not verified" in response.data
    db.session.refresh(challenge)
    assert challenge.status == ChallengeStatus.DRAFT


def test_public_list_search_and_pagination(client, make):
    municipality = make.municipality()
    for n in range(14):
        make.challenge(organisation=municipality, title=f"Afvalvraag {n:02d}", days_open=n + 1)
    first = client.get("/challenges/")
    assert b"14 challenges found" in first.data and b"Afvalvraag 00" in first.data
    assert b"Afvalvraag 13" not in first.data
    second = client.get("/challenges/?page=2")
    assert b"Afvalvraag 13" in second.data
    assert client.get("/challenges/?page=999").status_code == 200
    assert client.get("/challenges/?page=abc").status_code == 200
    assert b"14 challenges found" in client.get("/challenges/?q=afvalvraag").data


def first_result(page: str) -> str:
    start = page.index('class="card challenge-card"')
    return re.search(r'<h2[^>]*><a href="[^"]+">([^<]+)</a>', page[start:]).group(1)


@pytest.mark.parametrize(("query", "expected"), [
    ("afvalinzameling", "Slimme afvalinzameling in de binnenstad"),
    ("afval inzameling", "Slimme afvalinzameling in de binnenstad"),
    ("afvalinzamelng", "Slimme afvalinzameling in de binnenstad"),  # a typo
    ("parkeer sensor", "Parkeersensoren in woonwijken"),
    ("eenzaamheid ouderen", "Eenzaamheid onder ouderen signaleren"),
    ("ouderen eenzaamheid", "Eenzaamheid onder ouderen signaleren"),  # word order
])
def test_public_search_forgives_typos_compounds_and_word_order(client, make, query, expected):
    for title in ("Slimme afvalinzameling in de binnenstad", "Parkeersensoren in woonwijken",
                  "Eenzaamheid onder ouderen signaleren", "Warmtetransitie in de wijk"):
        make.challenge(title=title, summary="", problem="", desired_outcome="", themes=())
    page = client.get("/challenges/", query_string={"q": query}).get_data(as_text=True)
    assert first_result(page) == expected


def test_search_respects_the_filters(client, make):
    utrecht, zwolle = make.municipality(), make.municipality()
    make.challenge(organisation=utrecht, title="Afvalinzameling Utrecht")
    make.challenge(organisation=zwolle, title="Afvalinzameling Zwolle")
    page = client.get("/challenges/", query_string={"q": "afval", "municipality": zwolle.slug}).get_data(as_text=True)
    assert "1 challenge found" in page and first_result(page) == "Afvalinzameling Zwolle"


def test_show_page_has_everything_a_startup_needs(client, make):
    challenge = make.challenge(title="Eenzaamheid signaleren", summary="Ouderen in beeld.",
                               problem="Veel ouderen voelen zich eenzaam.", desired_outcome="Eerder hulp.",
                               budget_min_cents=1_500_000, budget_max_cents=4_000_000, pilot_weeks=12)
    page = client.get(f"/challenges/{challenge.id}").get_data(as_text=True)
    for text in ("Eenzaamheid signaleren", "Veel ouderen voelen zich eenzaam.", "Eerder hulp.", "€15,000",
                 "€40,000", "12 weeks", "Impact", "30%", "Value for money", "Europe/Amsterdam"):
        assert text in page, text


def test_cancelled_challenge_is_not_public(client, make):
    challenge = make.challenge(status=ChallengeStatus.CANCELLED)
    assert client.get(f"/challenges/{challenge.slug}").status_code == 404


def test_question_answer_cycle_keeps_the_asker_anonymous(client, make, outbox):
    municipality = make.municipality()
    officer = make.officer(municipality)
    asker = make.startup_member(name="Vera Vraagsteller")
    follower = make.user()
    challenge = make.challenge(organisation=municipality)
    db.session.add(SavedChallenge(user_id=follower.id, challenge_id=challenge.id))

    login(client, asker)
    response = client.post(f"/challenges/{challenge.slug}/questions", data={"text": "Is er open data beschikbaar?"})
    assert response.status_code == 302
    client.post(f"/challenges/{challenge.slug}/questions", data={"text": "Is er open data beschikbaar?"})
    questions = db.session.scalars(select(Question)).all()
    assert len(questions) == 1  # the double submit asked once
    assert [m.template for m in outbox(officer.email)] == ["question_asked"]
    assert b"Is er open data beschikbaar?" not in client.get("/challenges/").data

    login(client, officer)
    response = client.post(f"/challenges/{challenge.id}/questions/{questions[0].id}/answer",
                           data={"answer": "Ja, via data.utrecht.nl."})
    assert response.status_code == 302

    client.post("/account/logout")
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert "Is er open data beschikbaar?" in page and "Ja, via data.utrecht.nl." in page
    assert "Vera Vraagsteller" not in page and asker.email not in page
    assert [m.template for m in outbox(asker.email)] == ["question_answered"]
    assert [m.template for m in outbox(follower.email)] == ["question_answered"]


def test_question_after_question_deadline_is_refused(client, make):
    challenge = make.challenge(days_open=10, question_days=-1)
    login(client, make.startup_member())
    response = client.post(f"/challenges/{challenge.slug}/questions", data={"text": "Nog een vraag?"})
    assert response.status_code == 403
    assert db.session.scalar(select(Question)) is None


def test_empty_question_shows_error_and_keeps_page(client, make):
    challenge = make.challenge()
    login(client, make.startup_member())
    response = client.post(f"/challenges/{challenge.slug}/questions", data={"text": "?"})
    assert response.status_code == 422
    assert b"Field must be between 5 and 2000 characters long." in response.data


def test_empty_answer_keeps_the_officer_on_the_page(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    question = make.question(challenge=challenge, asked_by=make.startup_member())
    login(client, officer)
    response = client.post(f"/challenges/{challenge.id}/questions/{question.id}/answer", data={"answer": "ok"})
    assert response.status_code == 422
    assert b"Field must be between 5 and 2000 characters long." in response.data
    db.session.refresh(question)
    assert question.answer is None


def test_answering_a_question_of_another_challenge_is_404(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    mine = make.challenge(organisation=municipality)
    elsewhere = make.challenge()
    question = make.question(challenge=elsewhere, asked_by=make.startup_member())
    login(client, officer)
    response = client.post(f"/challenges/{mine.id}/questions/{question.id}/answer", data={"answer": "Hijacked!"})
    assert response.status_code == 404


def test_clarification_reaches_askers_and_followers(client, make, outbox):
    municipality = make.municipality()
    officer = make.officer(municipality)
    asker = make.startup_member()
    challenge = make.challenge(organisation=municipality)
    make.question(challenge=challenge, asked_by=asker)
    login(client, officer)
    response = client.post(f"/challenges/{challenge.id}/clarifications", data={"text": "De pilot start in maart."})
    assert response.status_code == 302
    assert [m.template for m in outbox(asker.email)] == ["clarification_posted"]
    assert b"De pilot start in maart." in client.get(f"/challenges/{challenge.slug}").data


def test_save_toggles_following(client, make):
    challenge = make.challenge()
    user = make.user()
    login(client, user)
    client.post(f"/challenges/{challenge.slug}/save")
    assert db.session.scalar(select(SavedChallenge.challenge_id)) == challenge.id
    assert b"Saved challenges" in client.get("/dashboard").data
    client.post(f"/challenges/{challenge.slug}/save")
    assert db.session.scalar(select(SavedChallenge)) is None


def test_extend_form_refuses_earlier_date(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality)
    earlier = (challenge.submissions_close_at - timedelta(days=1)).astimezone(timezone(timedelta(hours=1)))
    response = client.post(f"/challenges/{challenge.id}/extend", data={
        "new_close_at": earlier.strftime("%Y-%m-%dT%H:%M"), "reason": "Meer tijd"})
    assert response.status_code == 200
    assert b"must be later than the current one" in response.data


def test_extend_form_with_garbage_date(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality)
    response = client.post(f"/challenges/{challenge.id}/extend", data={"new_close_at": "tomorrow", "reason": "x"})
    assert response.status_code == 200
    assert b"Enter a date and time, such as 2026-05-31T17:00." in response.data


def test_closed_challenge_shows_closed_and_no_question_form(client, make):
    challenge = make.challenge(days_open=-1)
    login(client, make.startup_member())
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert "Closed" in page and "Ask a question" not in page


def test_officer_dashboard_lists_drafts(client, make):
    officer, municipality = officer_client(client, make)
    make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT, title="Mijn concept")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Mijn concept" in page and "Draft" in page
