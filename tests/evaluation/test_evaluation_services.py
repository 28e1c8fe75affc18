from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import (
    ChallengeStatus,
    ConflictKind,
    DecisionOutcome,
    Discipline,
    ProposalStatus,
    Recommendation,
    ReviewStatus,
)
from matchmaker.errors import DomainError, InvalidState, NotAllowed, ValidationFailed
from matchmaker.evaluation import conflicts, decisions, panel, results, reviews
from matchmaker.evaluation.models import PanelSeat, Review
from matchmaker.extensions import db


def full_scores(challenge, value=3, comment=""):
    return {c.id: (value, comment) for c in challenge.criteria}


# --- panel -----------------------------------------------------------------------------------------

def test_invite_and_accept_a_seat(make, outbox):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    seat = panel.invite_evaluator(challenge=challenge, user=officer, email="Expert@Example.org",
                                  discipline=Discipline.EXTERNAL)
    commit()
    mail = outbox("expert@example.org")[0]
    assert mail.template == "panel_invitation" and challenge.title in mail.body
    token = mail.body.split("/panel/invitations/")[1].split()[0]
    expert = make.user(email="expert@example.org")
    accepted = panel.accept_seat(token=token, user=expert)
    assert accepted.id == seat.id and accepted.is_active and accepted.user_id == expert.id
    assert panel.accept_seat(token=token, user=expert).id == seat.id  # harmless twice


def test_invitation_for_someone_else_is_refused(make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    panel.invite_evaluator(challenge=challenge, user=officer, email="a@example.org", discipline=Discipline.IT)
    seat = db.session.scalar(select(PanelSeat))
    seat.token_hash = panel._hash("known-token")
    with pytest.raises(NotAllowed):
        panel.accept_seat(token="known-token", user=make.user(email="b@example.org"))


def test_inviting_the_same_person_twice_is_refused(make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    panel.invite_evaluator(challenge=challenge, user=officer, email="a@example.org", discipline=Discipline.IT)
    with pytest.raises(ValidationFailed, match="already on this panel"):
        panel.invite_evaluator(challenge=challenge, user=officer, email="A@example.org", discipline=Discipline.IT)


def test_officer_of_another_municipality_cannot_invite(make):
    challenge = make.challenge()
    with pytest.raises(NotAllowed):
        panel.invite_evaluator(challenge=challenge, user=make.officer(), email="a@example.org",
                               discipline=Discipline.IT)


def test_panel_warnings_for_small_or_one_sided_panels(make):
    challenge = make.challenge()
    make.seat(challenge=challenge, discipline=Discipline.IT)
    make.seat(challenge=challenge, discipline=Discipline.IT)
    warnings = panel.panel_warnings(challenge)
    assert len(warnings) == 2 and "has 2 members;" in warnings[0] and "covers 1 discipline;" in warnings[1]
    make.seat(challenge=challenge, discipline=Discipline.POLICY)
    make.seat(challenge=challenge, discipline=Discipline.RESIDENT)
    assert panel.panel_warnings(challenge) == []


def test_one_seat_per_person_per_challenge_in_the_database(make):
    challenge = make.challenge()
    user = make.user()
    make.seat(challenge=challenge, user=user)
    with pytest.raises(IntegrityError):
        make.seat(challenge=challenge, user=user)
    db.session.rollback()


# --- conflicts ---------------------------------------------------------------------------------------

def test_nothing_can_be_declared_or_read_before_closing(make):
    challenge = make.challenge(days_open=5)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    with pytest.raises(NotAllowed):
        conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)


def test_declared_conflict_leaves_queue_and_aggregation(evaluation):
    challenge, (a, b, c), seats = evaluation["challenge"], evaluation["proposals"], evaluation["seats"]
    first = seats[0]
    conflicts.declare_for_all(seat=first, user=first.user, conflicts={b.id: (ConflictKind.FORMER_EMPLOYER, "2019")})
    assert [item.proposal.id for item in reviews.queue_for(first)] == [a.id, c.id]
    assert challenge.status == ChallengeStatus.EVALUATING
    with pytest.raises(NotAllowed):
        reviews.save_review(seat=first, proposal=b, user=first.user, scores=full_scores(challenge),
                            recommendation=Recommendation.MAYBE, feedback="", submit=False)


def test_conflict_declared_after_scoring_removes_that_review_from_the_results(evaluation, make):
    challenge, (a, *_rest), seats = evaluation["challenge"], evaluation["proposals"], evaluation["seats"]
    make.review(seat=seats[0], proposal=a, values=[5, 5, 5, 5, 5])
    make.review(seat=seats[1], proposal=a, values=[1, 1, 1, 1, 1])
    assert results.ranking(challenge)[0].result.mean == 50.0
    conflicts.declare(seat=seats[1], proposal=a, user=seats[1].user, has_conflict=True,
                      kind=ConflictKind.PERSONAL, note="My cousin works there")
    row = next(r for r in results.ranking(challenge) if r.proposal.id == a.id)
    assert row.result.mean == 100.0 and row.result.review_count == 1 and row.expected == 2
    assert db.session.scalar(select(func.count(Review.id))) == 2  # nothing deleted


def test_a_declared_conflict_cannot_be_taken_back_by_the_evaluator(evaluation):
    seat, proposal = evaluation["seats"][0], evaluation["proposals"][0]
    conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=True, kind=ConflictKind.FINANCIAL)
    with pytest.raises(InvalidState):
        conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)


def test_conflict_of_kind_other_needs_a_note(evaluation):
    seat, proposal = evaluation["seats"][0], evaluation["proposals"][0]
    with pytest.raises(ValidationFailed, match="Describe the conflict"):
        conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=True, kind=ConflictKind.OTHER)


# --- scoring -----------------------------------------------------------------------------------------

def test_score_save_draft_then_submit(evaluation):
    challenge, proposal, seat = evaluation["challenge"], evaluation["proposals"][0], evaluation["seats"][0]
    conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)
    review = reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores={challenge.criteria[0].id: (4, "")},
                                 recommendation=None, feedback="", submit=False).review
    assert review.status == ReviewStatus.DRAFT
    outcome = reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores={}, recommendation=None,
                                  feedback="", submit=True)
    fields = [f for f, _m in outcome.problems]
    assert fields == [f"score_{c.id}" for c in challenge.criteria[1:]] + ["recommendation"]
    assert outcome.review.status == ReviewStatus.DRAFT and outcome.review.score_for(challenge.criteria[0].id).value == 4
    review = reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=full_scores(challenge, 4),
                                 recommendation=Recommendation.SHORTLIST, feedback="Sterk team.", submit=True).review
    assert review.status == ReviewStatus.SUBMITTED and review.submitted_at is not None


def test_lowest_and_highest_scores_need_a_comment(evaluation):
    challenge, proposal, seat = evaluation["challenge"], evaluation["proposals"][0], evaluation["seats"][0]
    conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)
    scores = full_scores(challenge, 3)
    scores[challenge.criteria[0].id] = (5, "")
    scores[challenge.criteria[1].id] = (1, "Te duur voor wat het oplevert.")
    outcome = reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=scores,
                                  recommendation=Recommendation.MAYBE, feedback="", submit=True)
    assert [f for f, _m in outcome.problems] == [f"comment_{challenge.criteria[0].id}"]
    assert outcome.review.status == ReviewStatus.DRAFT


@pytest.mark.parametrize("value", [0, 6, -1, 99])
def test_scores_outside_the_scale_are_refused(evaluation, value):
    challenge, proposal, seat = evaluation["challenge"], evaluation["proposals"][0], evaluation["seats"][0]
    conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)
    with pytest.raises(ValidationFailed, match="from 1 to 5"):
        reviews.save_review(seat=seat, proposal=proposal, user=seat.user,
                            scores={challenge.criteria[0].id: (value, "")}, recommendation=None, feedback="",
                            submit=False)


def test_submitted_review_is_locked_until_the_officer_reopens_it(evaluation, make):
    challenge, officer = evaluation["challenge"], evaluation["officer"]
    proposal, seat = evaluation["proposals"][0], evaluation["seats"][0]
    review = make.review(seat=seat, proposal=proposal, values=[3, 3, 3, 3, 3])
    with pytest.raises(InvalidState, match="Ask the officer to reopen"):
        reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=full_scores(challenge, 4),
                            recommendation=Recommendation.MAYBE, feedback="", submit=True)
    with pytest.raises(InvalidState):
        reviews.reopen_review(review=review, user=make.officer())  # another municipality
    reviews.reopen_review(review=review, user=officer)
    assert review.status == ReviewStatus.DRAFT and review.reopened_at is not None
    reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=full_scores(challenge, 4),
                        recommendation=Recommendation.MAYBE, feedback="", submit=True)
    changes = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "review.scores_changed")).all()
    first = changes[-1].data["scores"][str(challenge.criteria[0].id)]
    assert (first["from"], first["to"]) == (3, 4)  # the old score stays in the trail


def test_withdrawn_proposal_cannot_be_scored(evaluation, make):
    challenge, seat = evaluation["challenge"], evaluation["seats"][0]
    withdrawn = make.proposal(challenge=challenge, status=ProposalStatus.WITHDRAWN)
    with pytest.raises(InvalidState, match="withdrawn"):
        reviews.save_review(seat=seat, proposal=withdrawn, user=seat.user, scores=full_scores(challenge),
                            recommendation=None, feedback="", submit=False)


def test_evaluator_of_another_challenge_cannot_score(evaluation, make):
    other_seat = make.seat(challenge=make.challenge(days_open=-1))
    proposal = evaluation["proposals"][0]
    with pytest.raises(NotAllowed):
        conflicts.declare(seat=other_seat, proposal=proposal, user=other_seat.user, has_conflict=False)


def test_one_review_per_evaluator_and_proposal_in_the_database(evaluation, make):
    seat, proposal = evaluation["seats"][0], evaluation["proposals"][0]
    make.review(seat=seat, proposal=proposal, values=[3] * 5)
    with pytest.raises(IntegrityError):
        make.review(seat=seat, proposal=proposal, values=[3] * 5, declare=False)
    db.session.rollback()


def test_panel_sees_other_scores_only_after_own_submit_and_officer_switch(evaluation, make):
    from matchmaker.evaluation.permissions import can_see_panel_scores

    challenge, proposal, (s1, s2, _s3) = evaluation["challenge"], evaluation["proposals"][0], evaluation["seats"]
    make.review(seat=s2, proposal=proposal, values=[4] * 5)
    draft = make.review(seat=s1, proposal=proposal, values=[3] * 5, submitted=False)
    challenge.panel_sees_scores = True
    assert not can_see_panel_scores(s1.user, s1, proposal, draft)
    draft.status, draft.submitted_at = ReviewStatus.SUBMITTED, utcnow()
    assert can_see_panel_scores(s1.user, s1, proposal, draft)
    challenge.panel_sees_scores = False
    assert not can_see_panel_scores(s1.user, s1, proposal, draft)


def test_blind_mode_cannot_change_once_the_panel_started(evaluation):
    challenge, officer, seat = evaluation["challenge"], evaluation["officer"], evaluation["seats"][0]
    panel.update_settings(challenge=challenge, user=officer, blind_review=True, panel_sees_scores=False)
    conflicts.declare(seat=seat, proposal=evaluation["proposals"][0], user=seat.user, has_conflict=False)
    with pytest.raises(DomainError, match="before the panel starts"):
        panel.update_settings(challenge=challenge, user=officer, blind_review=False, panel_sees_scores=False)
    panel.update_settings(challenge=challenge, user=officer, blind_review=True, panel_sees_scores=True)
    assert challenge.panel_sees_scores is True


# --- decisions ---------------------------------------------------------------------------------------

def test_decisions_prepared_then_released_together_with_feedback(evaluation, make, outbox):
    challenge, officer = evaluation["challenge"], evaluation["officer"]
    (a, b, c), seats = evaluation["proposals"], evaluation["seats"]
    for seat in seats:
        make.review(seat=seat, proposal=a, values=[5, 4, 4, 4, 4], recommendation="shortlist",
                    feedback=f"Sterk idee ({seat.discipline.value}).")
        make.review(seat=seat, proposal=b, values=[2, 2, 2, 2, 2], recommendation="no", feedback="Te vaag.")
    pitch = utcnow() + timedelta(days=7)
    decisions.prepare_decision(proposal=a, user=officer, outcome=DecisionOutcome.SHORTLISTED, motivation="Beste score.",
                               pitch_at=pitch, pitch_note="Neem een demo mee.")
    decisions.prepare_decision(proposal=b, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Te vaag.")
    assert a.status == ProposalStatus.SUBMITTED  # nothing happens before the release
    commit()
    assert outbox(evaluation["members"][0].email) == []
    decisions.release_decisions(challenge=challenge, user=officer)
    commit()
    assert (a.status, b.status, c.status) == (ProposalStatus.SHORTLISTED, ProposalStatus.REJECTED,
                                              ProposalStatus.SUBMITTED)
    assert challenge.status == ChallengeStatus.EVALUATING  # c is still open
    mail = outbox(evaluation["members"][0].email)[0]
    assert mail.template == "decision_released" and "Neem een demo mee." in mail.body
    assert "Sterk idee (policy)." in mail.body and "Impact: 5.0" in mail.body
    for seat in seats:
        assert seat.email not in mail.body and seat.user.name not in mail.body
    # final round: award a, reject c
    decisions.prepare_decision(proposal=a, user=officer, outcome=DecisionOutcome.AWARDED, motivation="Sterke pitch.")
    decisions.prepare_decision(proposal=c, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Geen reviews.")
    decisions.release_decisions(challenge=challenge, user=officer, share_feedback_texts=False)
    commit()
    assert a.status == ProposalStatus.AWARDED and challenge.status == ChallengeStatus.DECIDED
    assert "Sterk idee" not in outbox(evaluation["members"][0].email)[-1].body


def test_every_decision_needs_a_motivation(evaluation):
    with pytest.raises(ValidationFailed, match="motivation"):
        decisions.prepare_decision(proposal=evaluation["proposals"][0], user=evaluation["officer"],
                                   outcome=DecisionOutcome.REJECTED, motivation="  ")


def test_shortlist_needs_a_pitch_date(evaluation):
    with pytest.raises(ValidationFailed, match="pitch"):
        decisions.prepare_decision(proposal=evaluation["proposals"][0], user=evaluation["officer"],
                                   outcome=DecisionOutcome.SHORTLISTED, motivation="Goed.")


def test_no_award_needs_a_reason(evaluation):
    challenge, officer = evaluation["challenge"], evaluation["officer"]
    for proposal in evaluation["proposals"]:
        decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED,
                                   motivation="Past niet bij de vraag.")
    with pytest.raises(ValidationFailed, match="reason for not awarding"):
        decisions.release_decisions(challenge=challenge, user=officer)
    decisions.release_decisions(challenge=challenge, user=officer, no_award_reason="Geen voorstel was haalbaar.")
    assert challenge.status == ChallengeStatus.DECIDED and challenge.no_award_reason == "Geen voorstel was haalbaar."


def test_scores_are_refused_after_the_decision_is_released(evaluation, make):
    challenge, officer = evaluation["challenge"], evaluation["officer"]
    proposal, seat = evaluation["proposals"][0], evaluation["seats"][0]
    make.declaration(seat=seat, proposal=proposal)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Nee.")
    decisions.release_decisions(challenge=challenge, user=officer)
    with pytest.raises(InvalidState, match="released"):
        reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=full_scores(challenge),
                            recommendation=None, feedback="", submit=False)


def test_decisions_cannot_be_prepared_before_closing(make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    proposal = make.proposal(challenge=make.challenge(organisation=municipality))
    with pytest.raises(NotAllowed):
        decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED,
                                   motivation="Te vroeg.")


def test_audit_trail_covers_the_whole_evaluation(evaluation, make):
    challenge, officer = evaluation["challenge"], evaluation["officer"]
    proposal, seat = evaluation["proposals"][0], evaluation["seats"][0]
    panel.invite_evaluator(challenge=challenge, user=officer, email="extra@example.org", discipline=Discipline.RESIDENT)
    conflicts.declare(seat=seat, proposal=proposal, user=seat.user, has_conflict=False)
    reviews.save_review(seat=seat, proposal=proposal, user=seat.user, scores=full_scores(challenge, 3),
                        recommendation=Recommendation.MAYBE, feedback="", submit=True)
    review = reviews.review_of(seat, proposal)
    reviews.reopen_review(review=review, user=officer)
    panel.update_settings(challenge=challenge, user=officer, blind_review=False, panel_sees_scores=True)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Nee.")
    from matchmaker.audit.listing import challenge_events

    actions = [e.action for e in challenge_events(challenge)]
    for expected in ("panel.invited", "conflict.none_declared", "review.scores_changed", "review.submitted",
                     "review.reopened", "evaluation.settings_changed", "decision.prepared"):
        assert expected in actions, expected


def test_withdrawing_a_prepared_decision_keeps_it_on_record(evaluation):
    from matchmaker.evaluation.models import Decision

    proposal, officer = evaluation["proposals"][0], evaluation["officer"]
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Nee.")
    decisions.withdraw_decision(proposal=proposal, user=officer)
    assert decisions.pending_decision(proposal) is None
    rows = db.session.scalars(select(Decision)).all()
    assert len(rows) == 1 and rows[0].withdrawn_at is not None and rows[0].released_at is None
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.AWARDED, motivation="Ja.")
    assert decisions.pending_decision(proposal).outcome == DecisionOutcome.AWARDED
    assert db.session.scalar(select(func.count(Decision.id))) == 2
