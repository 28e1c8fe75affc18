"""Decisions: prepared one by one by an officer, released together for the whole challenge. On
release every startup gets its outcome and the feedback the officer chose to share.

In a round a startup wins at most one challenge: an award is refused (when prepared, and again when
released) while the startup has an award, prepared or released, in another challenge of the round;
decisions in a round are made one at a time under a lock on the round's row."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.lifecycle import CHALLENGE
from ..challenges.models import Challenge
from ..collaboration.rounds import lock_round_of, one_win_problem
from ..database import lock_row
from ..db_types import utcnow
from ..enums import ChallengeStatus, DecisionOutcome, DecisionStatus, ProposalStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..lifecycle import Lifecycle, Move
from ..mail.services import mail_user
from ..pilots.services import create_pilot_for_award
from ..proposals.lifecycle import MOVE_FOR_OUTCOME, PROPOSAL
from ..proposals.models import Proposal
from . import permissions
from .aggregation import aggregate
from .conflicts import mark_evaluating, proposals_to_assess
from .models import Decision
from .results import criteria_specs, review_inputs
from .reviews import counted_reviews


def _stamp(field: str):
    def effect(decision: Decision, now: datetime, **_context) -> None:
        setattr(decision, field, now)
    return effect


# A decision is prepared by an officer, then released with all others of the challenge, or withdrawn
# before that. At most one prepared decision per proposal (a partial unique index).
DECISION = Lifecycle("decision", [
    Move("release", (DecisionStatus.PREPARED,), DecisionStatus.RELEASED, "decision.released_one",
         effect=_stamp("released_at")),
    Move("withdraw", (DecisionStatus.PREPARED,), DecisionStatus.WITHDRAWN, "decision.withdrawn",
         effect=_stamp("withdrawn_at")),
])


def outcome_possible(proposal: Proposal, outcome: DecisionOutcome) -> bool:
    """The proposal's lifecycle allows the move this outcome would make."""
    return PROPOSAL.allows(proposal, MOVE_FOR_OUTCOME[outcome.value])


def is_undecided(proposal: Proposal) -> bool:
    """Still waiting for a final outcome: it can still be awarded or rejected."""
    return PROPOSAL.allows(proposal, "award")


def undecided_proposals(challenge: Challenge) -> list[Proposal]:
    return [p for p in proposals_to_assess(challenge) if is_undecided(p)]


def pending_decision(proposal: Proposal) -> Decision | None:
    return next((d for d in proposal.decisions if d.status == DecisionStatus.PREPARED), None)


def released_decisions(proposal: Proposal) -> list[Decision]:
    return [d for d in proposal.decisions if d.status == DecisionStatus.RELEASED]


def _locked_challenge(challenge: Challenge) -> Challenge:
    """Decisions of one challenge are made one request at a time: lock the challenge's row (and first
    its round's, if it is in one), and read its proposals and decisions afresh."""
    lock_round_of(challenge)
    challenge = lock_row(Challenge, challenge.id)
    for proposal in proposals_to_assess(challenge):
        db.session.refresh(proposal)
        db.session.expire(proposal, ["decisions"])
    return challenge


def prepare_decision(*, proposal: Proposal, user: User, outcome: DecisionOutcome, motivation: str,
                     pitch_at: datetime | None = None, pitch_note: str = "") -> Decision:
    challenge = _locked_challenge(proposal.challenge)
    if not permissions.can_prepare_decision(user, proposal):
        if not permissions.can_run_evaluation(user, challenge) or challenge.status == ChallengeStatus.DECIDED:
            raise NotAllowed(_("Decisions can be prepared only after closing and before the final release."))
        raise InvalidState(_("This proposal cannot get a decision in its current state."))
    if not outcome_possible(proposal, outcome):
        raise InvalidState(_("This proposal cannot get that outcome in its current state."))
    if outcome == DecisionOutcome.AWARDED and (problem := one_win_problem(proposal)):
        raise InvalidState(problem)
    motivation = (motivation or "").strip()
    if not motivation:
        raise ValidationFailed(_("Every decision needs a motivation."), field="motivation")
    if outcome == DecisionOutcome.SHORTLISTED:
        if pitch_at is None:
            raise ValidationFailed(_("Give the date and time of the pitch."), field="pitch_at")
        if pitch_at <= utcnow():
            raise ValidationFailed(_("The pitch cannot be in the past."), field="pitch_at")
    decision = pending_decision(proposal)
    if decision is None:
        decision = Decision(proposal_id=proposal.id, outcome=outcome, motivation=motivation,
                            status=DecisionStatus.PREPARED)
        db.session.add(decision)
        proposal.decisions.append(decision)
    decision.outcome, decision.motivation = outcome, motivation
    decision.pitch_at = pitch_at if outcome == DecisionOutcome.SHORTLISTED else None
    decision.pitch_note = (pitch_note or "").strip() if outcome == DecisionOutcome.SHORTLISTED else ""
    decision.prepared_by_id, decision.prepared_at = user.id, utcnow()
    mark_evaluating(challenge, actor=user)
    db.session.flush()
    record_event(actor=user, action="decision.prepared", subject=decision,
                 data={"proposal_id": proposal.id, "outcome": outcome.value, "motivation": motivation})
    return decision


def withdraw_decision(*, proposal: Proposal, user: User) -> None:
    """Take back a prepared (not yet released) decision. The row stays, marked withdrawn."""
    if not permissions.can_run_evaluation(user, proposal.challenge):
        raise NotAllowed(_("Only officers of this municipality can change decisions."))
    _locked_challenge(proposal.challenge)
    decision = pending_decision(proposal)
    if decision is None:
        return
    DECISION.apply(decision, "withdraw", actor=user,
                   data={"proposal_id": proposal.id, "outcome": decision.outcome.value})


def release_problems(challenge: Challenge, no_award_reason: str | None) -> list[str]:
    proposals = proposals_to_assess(challenge)
    pending = {p.id: pending_decision(p) for p in proposals}
    problems = []
    if not any(pending.values()):
        problems.append(_("There are no prepared decisions to release."))
    outcome_after = {p.id: pending[p.id].outcome if pending[p.id] else None for p in proposals}
    still_open = [p for p in proposals if is_undecided(p)
                  and outcome_after[p.id] in (None, DecisionOutcome.SHORTLISTED)]
    awarded = any(o == DecisionOutcome.AWARDED for o in outcome_after.values()) or any(
        p.status == ProposalStatus.AWARDED for p in proposals)
    if not still_open and not awarded and not (no_award_reason or "").strip():
        problems.append(_("No proposal is awarded: give the reason for not awarding."))
    for proposal in proposals:
        if outcome_after[proposal.id] == DecisionOutcome.AWARDED and pending[proposal.id] is not None:
            problem = one_win_problem(proposal, released_only=True)
            if problem:
                problems.append(problem)
    return problems


def release_decisions(*, challenge: Challenge, user: User, no_award_reason: str | None = None,
                      share_criterion_averages: bool = True, share_feedback_texts: bool = True) -> int:
    """Release every prepared decision at once and tell each startup. Returns how many were released.
    A second click finds nothing left to release and is refused with that message."""
    if not permissions.can_run_evaluation(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can release decisions."))
    challenge = _locked_challenge(challenge)
    problems = release_problems(challenge, no_award_reason)
    if problems:
        raise ValidationFailed(" ".join(problems))
    now = utcnow()
    challenge.share_criterion_averages = share_criterion_averages
    challenge.share_feedback_texts = share_feedback_texts
    released = []
    for proposal in proposals_to_assess(challenge):
        decision = pending_decision(proposal)
        if decision is None:
            continue
        DECISION.apply(decision, "release", actor=user, now=now,
                       data={"proposal_id": proposal.id, "outcome": decision.outcome.value})
        PROPOSAL.apply(proposal, MOVE_FOR_OUTCOME[decision.outcome.value], actor=user, now=now,
                       data={"decision_id": decision.id})
        if proposal.status == ProposalStatus.AWARDED:
            create_pilot_for_award(proposal=proposal, actor=user)
        released.append((proposal, decision))
    mark_evaluating(challenge, actor=user)
    if not undecided_proposals(challenge):
        awarded = any(p.status == ProposalStatus.AWARDED for p in proposals_to_assess(challenge))
        CHALLENGE.apply(challenge, "decide", actor=user, now=now,
                        no_award_reason=None if awarded else (no_award_reason or "").strip())
    db.session.flush()
    record_event(actor=user, action="decision.released", subject=challenge,
                 data={"decisions": [{"proposal_id": p.id, "outcome": d.outcome.value} for p, d in released],
                       "no_award_reason": challenge.no_award_reason,
                       "final": challenge.status == ChallengeStatus.DECIDED,
                       "share_criterion_averages": share_criterion_averages,
                       "share_feedback_texts": share_feedback_texts})
    for proposal, decision in released:
        feedback = feedback_for(proposal)
        for membership in proposal.startup.memberships:
            mail_user(membership.user, "decision_released", proposal=proposal, decision=decision, feedback=feedback)
    return len(released)


def feedback_for(proposal: Proposal) -> dict:
    """What the startup may read: per-criterion averages and feedback texts, as the officer chose;
    never who wrote what."""
    challenge = proposal.challenge
    result = {"averages": [], "texts": []}
    reviews = [r for r in counted_reviews(challenge) if r.proposal_id == proposal.id]
    if challenge.share_criterion_averages and reviews:
        aggregated = aggregate([proposal.id], criteria_specs(challenge), review_inputs(challenge))[0]
        result["averages"] = [(c, aggregated.criterion_means.get(c.id)) for c in challenge.criteria]
    if challenge.share_feedback_texts:
        result["texts"] = [r.feedback for r in reviews if r.feedback]
    return result


def decisions_of(challenge: Challenge) -> list[Decision]:
    return list(db.session.scalars(
        select(Decision).join(Decision.proposal).where(Proposal.challenge_id == challenge.id)
        .order_by(Decision.prepared_at)))


def public_awards(challenge: Challenge) -> list[tuple[Proposal, Decision]]:
    """Released awards, for the public page and the open data (rejections stay private)."""
    rows = db.session.execute(
        select(Proposal, Decision).join(Decision, Decision.proposal_id == Proposal.id)
        .where(Proposal.challenge_id == challenge.id, Decision.outcome == DecisionOutcome.AWARDED,
               Decision.status == DecisionStatus.RELEASED)
        .order_by(Decision.released_at)).all()
    from ..proposals.permissions import is_sealed

    return [(proposal, decision) for proposal, decision in rows if not is_sealed(proposal, None)]
