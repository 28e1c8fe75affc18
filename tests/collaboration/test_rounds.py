"""Rounds: shared dates that drafts take and follow, the public round page with its public challenges
only, the rounds list, and bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.challenges import services as challenge_services
from matchmaker.collaboration import rounds
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.errors import InvalidState, NotAllowed, ValidationFailed
from matchmaker.extensions import db

from ..conftest import login


def _dates(days_questions=20, days_proposals=30):
    now = utcnow().replace(microsecond=0)
    return {"questions_close_at": now + timedelta(days=days_questions),
            "submissions_close_at": now + timedelta(days=days_proposals)}


@pytest.fixture
def noord(make, owners):
    round_ = rounds.create_round(organisation=owners["lead"], user=owners["officer"],
                                 data={"name": "SiR Noord-Nederland 2027-1", "description": "Zes gemeenten.",
                                       **_dates()})
    return round_


def test_a_round_is_created_with_a_slug_and_audited(noord, owners):
    assert noord.slug == "sir-noord-nederland-2027-1"
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "round.created")).all()
    assert event.actor_id == owners["officer"].id and event.data == {"round": "SiR Noord-Nederland 2027-1"}


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"name": " "}, "name", "Give the round a name."),
    ({"questions_close_at": None}, "questions_close_at", "Set the date questions close."),
    ({"submissions_close_at": None}, "submissions_close_at", "Set the date proposals close."),
    (_dates(10, 5), "questions_close_at", "Questions must close before (or when) submissions close."),
    (_dates(-3, -1), "submissions_close_at", "The proposal deadline must lie in the future."),
])
def test_bad_round_data_is_refused_at_its_field(owners, data, field, message):
    values = {"name": "SiR Noord", **_dates(), **data}
    with pytest.raises(ValidationFailed) as caught:
        rounds.create_round(organisation=owners["lead"], user=owners["officer"], data=values)
    assert (field, message) in caught.value.problems


def test_only_officers_of_the_municipality_start_its_round(make, owners):
    with pytest.raises(NotAllowed):
        rounds.create_round(organisation=owners["lead"], user=owners["co_owner_officer"],
                            data={"name": "SiR", **_dates()})
    with pytest.raises(NotAllowed):
        rounds.create_round(organisation=make.startup(members=[owners["officer"]]), user=owners["officer"],
                            data={"name": "SiR", **_dates()})


def test_a_draft_takes_the_round_dates_and_follows_them_a_published_one_keeps_its_own(make, owners, noord):
    officer = owners["officer"]
    draft = make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT, days_open=60)
    rounds.put_in_round(challenge=draft, round_=noord, user=officer)
    assert (draft.questions_close_at, draft.submissions_close_at) == (noord.questions_close_at,
                                                                      noord.submissions_close_at)
    published = make.challenge(organisation=owners["lead"], days_open=30, round_id=noord.id)
    own_deadline = published.submissions_close_at
    new = _dates(40, 50)
    moved = rounds.update_round(round_=noord, user=officer, data={"name": noord.name, "description": "", **new})
    assert moved == [draft]
    assert (draft.questions_close_at, draft.submissions_close_at) == (new["questions_close_at"],
                                                                      new["submissions_close_at"])
    assert published.submissions_close_at == own_deadline  # published: fixed, only extended on its own
    [joined] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "challenge.round_joined")).all()
    assert joined.challenge_id == draft.id and joined.data["round"] == "SiR Noord-Nederland 2027-1"


def test_editing_a_draft_in_a_round_keeps_the_round_dates(make, owners, noord):
    draft = make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT)
    rounds.put_in_round(challenge=draft, round_=noord, user=owners["officer"])
    challenge_services.update_challenge(challenge=draft, user=owners["officer"], data={
        "title": draft.title, "questions_close_at": utcnow() + timedelta(days=2),
        "submissions_close_at": utcnow() + timedelta(days=3)})
    assert draft.submissions_close_at == noord.submissions_close_at


def test_only_drafts_join_or_leave_and_twice_changes_nothing(make, owners, noord):
    officer = owners["officer"]
    published = make.challenge(organisation=owners["lead"])
    with pytest.raises(InvalidState, match="Only a draft can join a round."):
        rounds.put_in_round(challenge=published, round_=noord, user=officer)
    draft = make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT)
    rounds.put_in_round(challenge=draft, round_=noord, user=officer)
    rounds.put_in_round(challenge=draft, round_=noord, user=officer)
    assert len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "challenge.round_joined")).all()) == 1
    dates = (draft.questions_close_at, draft.submissions_close_at)
    rounds.take_out_of_round(challenge=draft, user=officer)
    rounds.take_out_of_round(challenge=draft, user=officer)
    assert draft.round is None and (draft.questions_close_at, draft.submissions_close_at) == dates
    published.round_id = noord.id
    db.session.flush()
    db.session.refresh(published)
    with pytest.raises(InvalidState, match="A published challenge stays in its round."):
        rounds.take_out_of_round(challenge=published, user=officer)


def test_another_municipality_cannot_put_its_draft_in_the_round(make, owners, noord):
    other_draft = make.challenge(organisation=owners["full"], status=ChallengeStatus.DRAFT)
    with pytest.raises(NotAllowed):
        rounds.put_in_round(challenge=other_draft, round_=noord, user=owners["co_owner_officer"])
    assert rounds.drafts_for_round(owners["co_owner_officer"], noord) == []


def test_the_round_page_lists_only_public_challenges_with_the_shared_dates(client, make, owners, noord):
    titles = {"published": "Slimme afvalinzameling", "closed": "Minder zwerfafval", "draft": "Geheim concept",
              "cancelled": "Geschrapt plan"}
    for state, title in titles.items():
        status = {"published": ChallengeStatus.PUBLISHED, "closed": ChallengeStatus.CLOSED,
                  "draft": ChallengeStatus.DRAFT, "cancelled": ChallengeStatus.CANCELLED}[state]
        make.challenge(organisation=owners["lead"], status=status, title=title, round_id=noord.id)
    make.challenge(organisation=owners["lead"], title="Niet in de ronde")
    page = client.get(f"/rounds/{noord.slug}").get_data(as_text=True)
    assert "SiR Noord-Nederland 2027-1" in page and "Zes gemeenten." in page
    assert "Slimme afvalinzameling" in page and "Minder zwerfafval" in page
    for hidden in ("Geheim concept", "Geschrapt plan", "Niet in de ronde"):
        assert hidden not in page
    assert "2 challenges in this round" in page
    assert noord.submissions_close_at.isoformat() in page and noord.questions_close_at.isoformat() in page
    listing = client.get("/rounds/").get_data(as_text=True)
    assert "SiR Noord-Nederland 2027-1" in listing and "2 challenges" in listing
    challenge_page = client.get(f"/challenges/{_slug('Slimme afvalinzameling')}").get_data(as_text=True)
    assert f'href="/rounds/{noord.slug}"' in challenge_page


def _slug(title):
    from matchmaker.challenges.models import Challenge

    return db.session.scalar(select(Challenge.slug).where(Challenge.title == title))


def test_a_round_without_public_challenges_is_not_public(client, make, owners, noord):
    make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT, round_id=noord.id)
    assert client.get(f"/rounds/{noord.slug}").status_code == 404
    assert "SiR Noord" not in client.get("/rounds/").get_data(as_text=True)
    login(client, owners["officer"])
    assert client.get(f"/rounds/{noord.slug}").status_code == 200
    assert "SiR Noord-Nederland 2027-1" in client.get("/rounds/").get_data(as_text=True)  # "your rounds"


def test_the_round_pages_create_move_and_fill_a_round(client, make, owners):
    login(client, owners["officer"])
    response = client.post("/rounds/new", data={"name": "SiR Drenthe 2028-1", "description": "",
                                                 "questions_close_at": "2031-03-01T12:00",
                                                 "submissions_close_at": "2031-03-15T17:00"})
    assert response.status_code == 302 and response.headers["Location"] == "/rounds/sir-drenthe-2028-1/manage"
    round_ = rounds.find_round("sir-drenthe-2028-1")
    assert round_.submissions_close_at.isoformat() == "2031-03-15T16:00:00+00:00"  # 17:00 in Amsterdam (CET)
    draft = make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT, title="Groene daken")
    page = client.get("/rounds/sir-drenthe-2028-1/manage").get_data(as_text=True)
    assert f'<option value="{draft.id}">Groene daken</option>' in page
    assert client.post("/rounds/sir-drenthe-2028-1/challenges", data={"challenge": str(draft.id)}).status_code == 302
    db.session.refresh(draft)
    assert draft.round_id == round_.id and draft.submissions_close_at == round_.submissions_close_at
    edit = client.get(f"/challenges/{draft.id}/edit").get_data(as_text=True)
    assert "part of the round SiR Drenthe 2028-1" in edit and 'name="submissions_close_at"' not in edit
    client.post("/rounds/sir-drenthe-2028-1/manage", data={"name": "SiR Drenthe 2028-1", "description": "",
                                                          "questions_close_at": "2031-04-01T12:00",
                                                          "submissions_close_at": "2031-04-15T17:00"})
    db.session.refresh(draft)
    assert draft.submissions_close_at.isoformat() == "2031-04-15T15:00:00+00:00"  # CEST by then


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_putting_nothing_in_a_round_gets_a_message(client, owners, noord, value):
    login(client, owners["officer"])
    response = client.post(f"/rounds/{noord.slug}/challenges", data={"challenge": value})
    assert response.status_code == 422
    assert "Choose one of your draft challenges." in response.get_data(as_text=True)


def test_a_round_form_with_bad_dates_says_what_is_wrong(client, owners):
    login(client, owners["officer"])
    response = client.post("/rounds/new", data={"name": "", "questions_close_at": "2031-13-45T99:99",
                                                "submissions_close_at": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Give the round a name." in page and "Set the date proposals close." in page
