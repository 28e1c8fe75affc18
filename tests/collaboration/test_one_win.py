"""One win per startup per round: the decision step refuses a second award in the same round (when
prepared and when released), explains it naming the other challenge, shows it on the decisions page,
and two officers awarding at once never both succeed (on SQLite and PostgreSQL alike)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.collaboration.models import Round
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import DecisionOutcome, DecisionStatus, ProposalStatus
from matchmaker.errors import InvalidState, ValidationFailed
from matchmaker.evaluation import decisions
from matchmaker.evaluation.models import Decision
from matchmaker.extensions import db

from ..concurrency import run_together
from ..conftest import login

EXPLANATION = ("Afvalslim already has an award in “{other}”, another challenge of the round "
               "SiR Noord-Nederland 2027-1. A startup can win at most one challenge per round.")


@pytest.fixture
def two_in_a_round(make):
    """Two closed challenges of one round (two municipalities); Afvalslim applied to both, Groendak to the second."""
    noord = Round(organisation_id=make.municipality().id, name="SiR Noord-Nederland 2027-1", slug="sir-noord",
                  questions_close_at=utcnow() - timedelta(days=5), submissions_close_at=utcnow() - timedelta(days=1))
    db.session.add(noord)
    db.session.flush()
    groningen, assen = make.municipality(name="Gemeente Groningen"), make.municipality(name="Gemeente Assen")
    first = make.challenge(organisation=groningen, days_open=-1, title="Slimme afvalinzameling", round_id=noord.id)
    second = make.challenge(organisation=assen, days_open=-1, title="Minder zwerfafval", round_id=noord.id)
    afvalslim, groendak = make.startup(name="Afvalslim"), make.startup(name="Groendak")
    return {"round": noord, "first": first, "second": second,
            "p1": make.proposal(challenge=first, startup=afvalslim),
            "p2": make.proposal(challenge=second, startup=afvalslim),
            "other": make.proposal(challenge=second, startup=groendak),
            "officer1": make.officer(groningen), "officer2": make.officer(assen)}


def _award(world, key, officer_key):
    return decisions.prepare_decision(proposal=world[key], user=world[officer_key], outcome=DecisionOutcome.AWARDED,
                                      motivation="Het beste plan.")


def test_a_second_award_in_the_round_is_refused_when_prepared(two_in_a_round):
    world = two_in_a_round
    _award(world, "p1", "officer1")
    with pytest.raises(InvalidState) as caught:
        _award(world, "p2", "officer2")
    assert caught.value.message == EXPLANATION.format(other="Slimme afvalinzameling")
    assert decisions.pending_decision(world["p2"]) is None
    # rejecting it, or awarding someone else, is fine
    decisions.prepare_decision(proposal=world["p2"], user=world["officer2"], outcome=DecisionOutcome.REJECTED,
                               motivation="Won elders in de ronde.")
    _award(world, "other", "officer2")


def test_a_withdrawn_award_frees_the_startup(two_in_a_round):
    world = two_in_a_round
    _award(world, "p1", "officer1")
    decisions.withdraw_decision(proposal=world["p1"], user=world["officer1"])
    assert _award(world, "p2", "officer2").status == DecisionStatus.PREPARED


def test_outside_a_round_a_startup_can_win_twice(make, two_in_a_round):
    world = two_in_a_round
    world["second"].round_id = None
    db.session.flush()
    db.session.refresh(world["second"])
    _award(world, "p1", "officer1")
    assert _award(world, "p2", "officer2").status == DecisionStatus.PREPARED


def test_a_released_award_elsewhere_blocks_the_release(two_in_a_round):
    """Two awards prepared before the rule could see them (written straight to the table): the first
    release wins, the second is refused with the explanation and changes nothing."""
    world = two_in_a_round
    _award(world, "p1", "officer1")
    db.session.add(Decision(proposal_id=world["p2"].id, outcome=DecisionOutcome.AWARDED, motivation="Ook goed.",
                            status=DecisionStatus.PREPARED, prepared_by_id=world["officer2"].id, prepared_at=utcnow()))
    decisions.prepare_decision(proposal=world["other"], user=world["officer2"], outcome=DecisionOutcome.REJECTED,
                               motivation="Minder passend.")
    db.session.expire(world["p2"], ["decisions"])
    assert decisions.release_decisions(challenge=world["first"], user=world["officer1"]) == 1
    assert world["p1"].status == ProposalStatus.AWARDED
    with pytest.raises(ValidationFailed) as caught:
        decisions.release_decisions(challenge=world["second"], user=world["officer2"])
    assert EXPLANATION.format(other="Slimme afvalinzameling") in caught.value.message
    assert world["p2"].status == ProposalStatus.SUBMITTED


def test_the_decisions_page_explains_it_at_the_proposal(client, two_in_a_round):
    world = two_in_a_round
    _award(world, "p1", "officer1")
    login(client, world["officer2"])
    page = client.get(f"/challenges/{world['second'].id}/decisions").get_data(as_text=True)
    section = page.split(f'id="p{world["p2"].id}"')[1].split("</section>")[0]
    assert EXPLANATION.format(other="Slimme afvalinzameling") in section
    other = page.split(f'id="p{world["other"].id}"')[1].split("</section>")[0]
    assert "at most one challenge per round" not in other
    response = client.post(f"/challenges/{world['second'].id}/decisions/{world['p2'].id}",
                           data={f"p{world['p2'].id}-outcome": "awarded",
                                 f"p{world['p2'].id}-motivation": "Toch gunnen."})
    assert response.status_code == 422
    assert decisions.pending_decision(world["p2"]) is None


def test_the_explanation_reads_in_dutch(client, two_in_a_round):
    world = two_in_a_round
    _award(world, "p1", "officer1")
    login(client, world["officer2"])
    client.post("/language", data={"locale": "nl"})
    page = client.get(f"/challenges/{world['second'].id}/decisions").get_data(as_text=True)
    assert ("Afvalslim heeft al een gunning in „Slimme afvalinzameling”, een andere uitdaging van de ronde "
            "SiR Noord-Nederland 2027-1.") in page


# --- concurrency -----------------------------------------------------------------------------------

@pytest.fixture
def committed(two_in_a_round):
    world = two_in_a_round
    ids = {key: world[key].id for key in ("first", "second", "p1", "p2", "other", "officer1", "officer2")}
    commit()
    return ids


def _load(ids):
    from matchmaker.accounts.models import User
    from matchmaker.challenges.models import Challenge
    from matchmaker.proposals.models import Proposal

    loaded = {}
    for key, value in ids.items():
        model = User if key.startswith("officer") else Challenge if key in ("first", "second") else Proposal
        loaded[key] = db.session.get(model, value)
    return loaded


def _awarded_decisions():
    db.session.rollback()
    return db.session.scalars(select(Decision).where(Decision.outcome == DecisionOutcome.AWARDED,
                                                     Decision.status != DecisionStatus.WITHDRAWN)).all()


def test_two_officers_awarding_the_same_startup_at_once_do_not_both_succeed(app, committed):
    def award(proposal_key, officer_key):
        def job():
            world = _load(committed)
            return _award(world, proposal_key, officer_key).id
        return job

    results, errors = run_together(app, award("p1", "officer1"), award("p2", "officer2"))
    assert len(errors) == 1 and isinstance(errors[0], InvalidState)
    assert "already has an award" in errors[0].message
    assert len([r for r in results if r is not None]) == 1
    assert len(_awarded_decisions()) == 1


def test_two_releases_of_awards_to_the_same_startup_at_once_release_one(app, committed):
    world = _load(committed)
    _award(world, "p1", "officer1")
    db.session.add(Decision(proposal_id=world["p2"].id, outcome=DecisionOutcome.AWARDED, motivation="Ook goed.",
                            status=DecisionStatus.PREPARED, prepared_by_id=world["officer2"].id, prepared_at=utcnow()))
    decisions.prepare_decision(proposal=world["other"], user=world["officer2"], outcome=DecisionOutcome.REJECTED,
                               motivation="Minder passend.")
    commit()

    def release(challenge_key, officer_key):
        def job():
            loaded = _load(committed)
            return decisions.release_decisions(challenge=loaded[challenge_key], user=loaded[officer_key])
        return job

    results, errors = run_together(app, release("first", "officer1"), release("second", "officer2"))
    assert len([r for r in results if r is not None]) == 1  # 1 (the first) or 2 (the second, with its rejection)
    assert len(errors) == 1 and isinstance(errors[0], ValidationFailed)
    assert "already has an award" in errors[0].message
    db.session.rollback()
    loaded = _load(committed)
    statuses = sorted([loaded["p1"].status.value, loaded["p2"].status.value])
    assert statuses == ["awarded", "submitted"]  # exactly one of the two won
