"""Decisions under concurrency, on both databases: two officers at once never make two pending
decisions for one proposal, nor release twice; the database refuses a second pending decision."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, DecisionOutcome, DecisionStatus, ProposalStatus
from matchmaker.errors import ValidationFailed
from matchmaker.evaluation import decisions
from matchmaker.evaluation.models import Decision
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage

from ..concurrency import run_together


def _load(ids):
    from matchmaker.accounts.models import User
    from matchmaker.challenges.models import Challenge
    from matchmaker.proposals.models import Proposal

    return (db.session.get(Challenge, ids["challenge"]), [db.session.get(Proposal, i) for i in ids["proposals"]],
            [db.session.get(User, i) for i in ids["officers"]])


@pytest.fixture
def two_officers(evaluation, make):
    second = make.officer(evaluation["municipality"])
    ids = {"challenge": evaluation["challenge"].id, "proposals": [p.id for p in evaluation["proposals"]],
           "officers": [evaluation["officer"].id, second.id]}
    commit()
    return ids


def test_two_officers_preparing_at_once_leave_one_pending_decision(app, two_officers):
    def prepare(officer_index, outcome, motivation):
        def job():
            _challenge, proposals, officers = _load(two_officers)
            return decisions.prepare_decision(proposal=proposals[0], user=officers[officer_index], outcome=outcome,
                                              motivation=motivation).id
        return job

    results, errors = run_together(app, prepare(0, DecisionOutcome.AWARDED, "Beste plan."),
                                   prepare(1, DecisionOutcome.REJECTED, "Te duur."))
    assert errors == []
    assert results[0] == results[1]  # the second found the first's decision and changed it
    db.session.rollback()
    rows = db.session.scalars(select(Decision).where(Decision.status == DecisionStatus.PREPARED)).all()
    assert len(rows) == 1


def test_two_officers_releasing_at_once_release_once(app, two_officers, outbox):
    challenge, proposals, officers = _load(two_officers)
    decisions.prepare_decision(proposal=proposals[0], user=officers[0], outcome=DecisionOutcome.AWARDED,
                               motivation="Beste plan.")
    for proposal in proposals[1:]:
        decisions.prepare_decision(proposal=proposal, user=officers[0], outcome=DecisionOutcome.REJECTED,
                                   motivation="Minder passend.")
    commit()

    def release(officer_index):
        def job():
            challenge, _proposals, officers = _load(two_officers)
            return decisions.release_decisions(challenge=challenge, user=officers[officer_index])
        return job

    results, errors = run_together(app, release(0), release(1))
    assert sorted(r for r in results if r is not None) == [3]
    assert len(errors) == 1 and isinstance(errors[0], ValidationFailed)
    assert "no prepared decisions" in errors[0].message
    db.session.rollback()
    challenge, proposals, _officers = _load(two_officers)
    assert challenge.status == ChallengeStatus.DECIDED
    assert [p.status for p in proposals] == [ProposalStatus.AWARDED, ProposalStatus.REJECTED, ProposalStatus.REJECTED]
    mails = db.session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.template == "decision_released"))
    assert mails == 3  # one per startup (one member each), not two


def test_the_database_refuses_a_second_pending_decision(evaluation):
    proposal = evaluation["proposals"][0]
    db.session.add(Decision(proposal_id=proposal.id, outcome=DecisionOutcome.AWARDED, motivation="Eén."))
    db.session.flush()
    db.session.add(Decision(proposal_id=proposal.id, outcome=DecisionOutcome.REJECTED, motivation="Twee."))
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_released_and_withdrawn_decisions_do_not_block_a_new_one(evaluation):
    proposal, officer = evaluation["proposals"][0], evaluation["officer"]
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Nee.")
    decisions.withdraw_decision(proposal=proposal, user=officer)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.SHORTLISTED,
                               motivation="Toch een pitch.", pitch_at=utcnow() + timedelta(days=3))
    statuses = sorted(d.status.value for d in proposal.decisions)
    assert statuses == ["prepared", "withdrawn"]


def test_a_pitch_in_the_past_is_refused(evaluation):
    proposal, officer = evaluation["proposals"][0], evaluation["officer"]
    with pytest.raises(ValidationFailed, match="pitch cannot be in the past") as caught:
        decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.SHORTLISTED,
                                   motivation="Pitch.", pitch_at=utcnow() - timedelta(hours=1))
    assert caught.value.field == "pitch_at"
