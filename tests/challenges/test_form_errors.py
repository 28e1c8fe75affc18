"""The challenge form and the criteria editor report every problem at once, on the fields it concerns,
with a summary whose links lead to those fields; the criteria editor shows the total of the weights."""

import re

import pytest
from sqlalchemy import select

from matchmaker.challenges.models import Challenge
from matchmaker.challenges.services import criteria_problems, weights_total
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db

from ..conftest import login
from .test_challenge_views import form_data, officer_client


def summary_links(html: str) -> list[str]:
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    return re.findall(r'href="#([^"]+)"', summary)


def invalid_ids(html: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"[^>]*aria-invalid="true"', html)) | set(
        re.findall(r'aria-invalid="true"[^>]*id="([^"]+)"', html))


def test_criteria_problems_are_all_reported_at_once():
    rows = [{"name": "Impact", "weight": 50}, {"name": "", "weight": 30}, {"name": "impact ", "weight": 20},
            {"name": "Team", "weight": 5}]
    assert criteria_problems(rows) == [
        ("row:2:name", "Each criterion needs its own name."),
        ("weights", "The weights add up to 75; they must add up to 100."),
    ]
    assert weights_total(rows) == 75  # the unnamed row does not count


def test_criteria_without_any_name_say_so():
    assert criteria_problems([{"name": " ", "weight": 100}]) == [(None, "Add at least one criterion.")]
    assert criteria_problems([{"name": "Impact", "weight": 100}]) == []


def test_new_challenge_shows_field_and_cross_field_errors_together(client, make):
    officer_client(client, make)
    response = client.post("/challenges/new", data=form_data(
        title="", budget_min="50000", budget_max="1000",
        questions_close_at="2030-03-20T12:00", submissions_close_at="2030-03-15T17:00"))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert summary_links(html) == ["title", "budget_max", "questions_close_at"]
    assert "This field is required." in html
    assert "The minimum budget is higher than the maximum." in html
    assert "Questions must close before (or when) submissions close." in html
    assert {"title", "budget_max", "questions_close_at"} <= invalid_ids(html)
    assert db.session.scalar(select(Challenge)) is None


def test_a_field_with_its_own_error_gets_no_second_one(client, make):
    officer_client(client, make)
    html = client.post("/challenges/new", data=form_data(title="", budget_min="50000", budget_max="abc")).get_data(
        as_text=True)
    assert "The minimum budget is higher than the maximum." not in html
    assert summary_links(html) == ["title", "budget_max"]


def test_criteria_editor_marks_weights_and_names_and_shows_the_total(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    html = client.get(f"/challenges/{challenge.id}/criteria").get_data(as_text=True)
    assert "Total of the weights: 100 of 100" in html
    response = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "50", "rows-1-name": "Impact", "rows-1-weight": "25",
        "rows-2-name": "", "rows-2-weight": "10"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Total of the weights: 75 of 100" in html
    assert summary_links(html) == ["rows-1-name", "rows-0-weight"]
    assert "The weights add up to 75; they must add up to 100." in html
    assert "Each criterion needs its own name." in html
    assert invalid_ids(html) == {"rows-0-weight", "rows-1-weight", "rows-1-name"}  # not the unnamed row
    db.session.refresh(challenge)
    assert len(challenge.criteria) == 5  # nothing saved


def test_criteria_with_a_bad_weight_also_show_the_total_problem(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    html = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "500", "rows-1-name": "Prijs", "rows-1-weight": "40"}).get_data(
        as_text=True)
    assert summary_links(html) == ["rows-0-weight", "rows-0-weight"]
    assert "Number must be between 0 and 100." in html
    assert "The weights add up to 540; they must add up to 100." in html


def test_criteria_editor_is_in_dutch(client, make):
    officer, municipality = officer_client(client, make)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    with client.session_transaction() as session:
        session["locale"] = "nl"
    html = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "70"}).get_data(as_text=True)
    assert "Totaal van de wegingen: 70 van 100" in html
    assert ">Wegingen</a>: De wegingen tellen op tot 70; ze moeten samen 100 zijn." in html


@pytest.mark.parametrize("role", ["anonymous", "startup", "other officer"])
def test_only_the_challenges_officers_reach_the_criteria_editor(client, make, role):
    challenge = make.challenge(status=ChallengeStatus.DRAFT)
    if role == "startup":
        login(client, make.startup_member())
    elif role == "other officer":
        login(client, make.officer())
    response = client.post(f"/challenges/{challenge.id}/criteria", data={"rows-0-name": "X", "rows-0-weight": "1"})
    assert response.status_code in ((302,) if role == "anonymous" else (403, 404))
    assert "Total of the weights" not in response.get_data(as_text=True)
