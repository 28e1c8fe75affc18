"""Adopt this pilot: an officer of another municipality starts a draft pre-filled from a pilot that
continued to a contract, linked both ways; the original municipality sees who adopted it."""

from __future__ import annotations

import pytest
from flask import render_template_string
from flask_login import login_user, logout_user
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.challenges.models import Challenge
from matchmaker.collaboration.models import CoOwner
from matchmaker.enums import ChallengeStatus
from matchmaker.errors import NotAllowed
from matchmaker.extensions import db
from matchmaker.lessons import adoption

from ..conftest import login
from .conftest import decided_pilot


@pytest.fixture
def success(make):
    utrecht = make.municipality(name="Gemeente Utrecht")
    anna = make.officer(utrecht, name="Anna de Boer")
    pilot = decided_pilot(make, municipality=utrecht, officer=anna, title="Slimme afvalinzameling",
                          themes=("waste", "digital"), summary="Containers melden zelf wanneer ze vol zijn.",
                          problem="Halflege containers worden geleegd.", desired_outcome="Een derde minder ritten.",
                          keywords=["sensoren", "containers"], budget_min_cents=2_000_000,
                          budget_max_cents=6_000_000, pilot_weeks=20, language="nl")
    pilot.challenge.criteria[0].weight, pilot.challenge.criteria[1].weight = 40, 10
    pilot.challenge.criteria[0].description = "Minder ritten, gemeten per week."
    zwolle = make.municipality(name="Gemeente Zwolle")
    bram = make.officer(zwolle, name="Bram Jansen")
    return {"pilot": pilot, "anna": anna, "bram": bram, "zwolle": zwolle, "utrecht": utrecht}


def adopted(pilot) -> list[Challenge]:
    return list(db.session.scalars(select(Challenge).where(Challenge.adopted_from_pilot_id == pilot.id)))


def test_the_draft_is_pre_filled_from_the_pilots_challenge(client, success):
    pilot, original = success["pilot"], success["pilot"].challenge
    login(client, success["bram"])
    response = client.post(f"/lessons/pilots/{pilot.id}/adopt", data={})
    [draft] = adopted(pilot)
    assert response.headers["Location"] == f"/challenges/{draft.id}/manage"
    assert draft.status == ChallengeStatus.DRAFT and draft.organisation_id == success["zwolle"].id
    assert draft.created_by_id == success["bram"].id and draft.slug != original.slug
    assert (draft.title, draft.summary, draft.problem, draft.desired_outcome) == (
        "Slimme afvalinzameling", "Containers melden zelf wanneer ze vol zijn.", "Halflege containers worden geleegd.",
        "Een derde minder ritten.")
    assert (draft.themes, draft.keywords, draft.language) == (["digital", "waste"], ["sensoren", "containers"], "nl")
    assert (draft.budget_min_cents, draft.budget_max_cents, draft.pilot_weeks) == (2_000_000, 6_000_000, 20)
    assert [(c.name, c.key, c.description, c.weight, c.position) for c in draft.criteria] == [
        (c.name, c.key, c.description, c.weight, c.position) for c in original.criteria]
    assert draft.criteria[0].description == "Minder ritten, gemeten per week." and draft.total_weight == original.total_weight
    assert draft.submissions_close_at is None and draft.published_at is None  # the dates are the adopter's own


def test_the_draft_says_where_it_comes_from_and_the_original_sees_the_adopter(client, success):
    pilot = success["pilot"]
    login(client, success["bram"])
    client.post(f"/lessons/pilots/{pilot.id}/adopt", data={})
    [draft] = adopted(pilot)
    page = client.get(f"/challenges/{draft.id}/manage").get_data(as_text=True)
    assert "Adopted from the pilot" in page and "Slimme afvalinzameling</a> of Gemeente Utrecht" in page
    edit = client.get(f"/challenges/{draft.id}/edit").get_data(as_text=True)
    assert "Adopted from the pilot" in edit
    login(client, success["anna"])
    ours = client.get("/lessons/ours").get_data(as_text=True)
    assert "Adopted by Gemeente Zwolle" in ours and "Slimme afvalinzameling" in ours
    assert adoption.adoptions_of(pilot) == [draft]
    assert adoption.adoptions_for(success["anna"]) == [draft]
    assert adoption.adoptions_for(success["bram"]) == []


def test_adopting_is_audited_on_both_sides(client, success):
    pilot = success["pilot"]
    login(client, success["bram"])
    client.post(f"/lessons/pilots/{pilot.id}/adopt", data={})
    [draft] = adopted(pilot)
    events = {e.action: e for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.action.in_(["challenge.adopted", "pilot.adopted", "challenge.created"])))}
    assert (events["challenge.adopted"].challenge_id, events["challenge.adopted"].data) == (
        draft.id, {"pilot_id": pilot.id, "pilot": "Slimme afvalinzameling", "municipality": "Gemeente Utrecht"})
    assert (events["pilot.adopted"].challenge_id, events["pilot.adopted"].data) == (
        pilot.challenge_id, {"challenge_id": draft.id, "organisation": "Gemeente Zwolle"})
    assert events["challenge.created"].challenge_id == draft.id
    login(client, success["anna"])
    trail = client.get(f"/challenges/{pilot.challenge_id}/audit").get_data(as_text=True)
    assert "Bram Jansen (Gemeente Zwolle) adopted the pilot in a new challenge" in trail


def test_a_double_click_makes_one_draft(client, success):
    pilot = success["pilot"]
    login(client, success["bram"])
    first = client.post(f"/lessons/pilots/{pilot.id}/adopt", data={})
    second = client.post(f"/lessons/pilots/{pilot.id}/adopt", data={})
    assert first.headers["Location"] == second.headers["Location"]
    assert len(adopted(pilot)) == 1


def test_an_officer_of_two_municipalities_chooses_for_which(client, make, success):
    pilot, bram = success["pilot"], success["bram"]
    kampen = make.municipality(name="Gemeente Kampen")
    make.membership(user=bram, organisation=kampen)
    make.membership(user=bram, organisation=success["utrecht"])  # the pilot's own: never offered
    login(client, bram)
    assert client.post(f"/lessons/pilots/{pilot.id}/adopt", data={"org": success["utrecht"].slug}).status_code == 403
    assert client.post(f"/lessons/pilots/{pilot.id}/adopt", data={"org": "nowhere"}).status_code == 403
    client.post(f"/lessons/pilots/{pilot.id}/adopt", data={"org": kampen.slug})
    assert [c.organisation_id for c in adopted(pilot)] == [kampen.id]


def test_who_may_not_adopt(make, success):
    pilot = success["pilot"]
    stopped = decided_pilot(make, move="stop")
    co_owner = make.municipality(name="Gemeente Deventer")
    pilot.challenge.co_owners.append(CoOwner(organisation_id=co_owner.id))
    db.session.flush()
    refused = [(pilot, success["anna"]), (pilot, make.officer(success["utrecht"])), (pilot, make.startup_member()),
               (pilot, make.officer(co_owner)), (pilot, make.admin()), (stopped, success["bram"])]
    for subject, user in refused:
        with pytest.raises(NotAllowed):
            adoption.adopt_pilot(pilot=subject, user=user, organisation=success["zwolle"])
    with pytest.raises(NotAllowed):  # for a municipality the officer does not belong to
        adoption.adopt_pilot(pilot=pilot, user=make.officer(), organisation=success["zwolle"])
    assert adopted(pilot) == [] and adopted(stopped) == []


def render_adopt(app, pilot, user=None) -> str:
    with app.test_request_context("/"):
        if user is not None:
            login_user(user)
        else:
            logout_user()  # the test's app context keeps the last signed-in user in `g`
        return render_template_string('{% include "lessons/_adopt.html" %}', pilot=pilot)


def test_the_pilot_page_partial_shows_the_button_or_the_adopters(app, make, success):
    pilot = success["pilot"]
    for_other = render_adopt(app, pilot, success["bram"])
    assert "Adopt this pilot" in for_other and f'action="/lessons/pilots/{pilot.id}/adopt"' in for_other
    assert "Adopted by" not in for_other
    for_owner = render_adopt(app, pilot, success["anna"])
    assert "Adopt this pilot" not in for_owner and "No other municipality has adopted this pilot yet." in for_owner
    adoption.adopt_pilot(pilot=pilot, user=success["bram"], organisation=success["zwolle"])
    for_owner = render_adopt(app, pilot, success["anna"])
    assert "<strong>Gemeente Zwolle</strong>" in for_owner
    for user in (None, make.startup_member(), make.user()):
        assert render_adopt(app, pilot, user).strip() == ""
    assert "Adopt this pilot" not in render_adopt(app, decided_pilot(make, move="stop"), success["bram"])


def test_the_pilot_page_offers_adoption_and_shows_the_adopters(client, make, success):
    pilot = success["pilot"]
    assert "Adopt this pilot" not in client.get(f"/pilots/{pilot.id}").get_data(as_text=True)  # anonymous
    login(client, success["bram"])
    page = client.get(f"/pilots/{pilot.id}").get_data(as_text=True)
    assert f'action="/lessons/pilots/{pilot.id}/adopt"' in page
    response = client.post(f"/lessons/pilots/{pilot.id}/adopt", data={"org": success["zwolle"].slug})
    assert response.status_code == 302
    login(client, success["anna"])
    page = client.get(f"/pilots/{pilot.id}").get_data(as_text=True)
    assert "Adopt this pilot" not in page and "<strong>Gemeente Zwolle</strong>" in page
    login(client, make.startup_member())
    page = client.get(f"/pilots/{pilot.id}").get_data(as_text=True)
    assert "Adopt this pilot" not in page and "Gemeente Zwolle" not in page
