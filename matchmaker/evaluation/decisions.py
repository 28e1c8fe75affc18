"""Decisions: prepared one by one by an officer, released together for the whole challenge. On
release every startup gets its outcome and the feedback the officer chose to share."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..db_types import utcnow
from ..enums import ChallengeStatus, DecisionOutcome, ProposalStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..mail.services import mail_user
from ..proposals.models import Proposal
from . import permissions
from .aggregation import aggregate
from .conflicts import mark_evaluating, proposals_to_assess
from .models import Decision
from .results import criteria_specs, review_inputs
from .reviews import counted_reviews

ALLOWED = {
    ProposalStatus.SUBMITTED: (DecisionOutcome.SHORTLISTED, DecisionOutcome.AWARDED, DecisionOutcome.REJECTED),
    ProposalStatus.SHORTLISTED: (DecisionOutcome.AWARDED, DecisionOutcome.REJECTED),
}
NEW_STATUS = {
    DecisionOutcome.SHORTLISTED: ProposalStatus.SHORTLISTED,
    DecisionOutcome.AWARDED: ProposalStatus.AWARDED,
    DecisionOutcome.REJECTED: ProposalStatus.REJECTED,
}


def pending_decision(proposal: Proposal) -> Decision | None:
    return next((d for d in proposal.decisions if d.released_at is None and d.withdrawn_at is None), None)


def released_decisions(proposal: Proposal) -> list[Decision]:
    return [d for d in proposal.decisions if d.released_at is not None]


def prepare_decision(*, proposal: Proposal, user: User, outcome: DecisionOutcome, motivation: str,
                     pitch_at: datetime | None = None, pitch_note: str = "") -> Decision:
    challenge = proposal.challenge
    if not permissions.can_run_evaluation(user, challenge) or challenge.status == ChallengeStatus.DECIDED:
        raise NotAllowed(_("Decisions can be prepared only after closing and before the final release."))
    if outcome not in ALLOWED.get(proposal.status, ()):
        raise InvalidState(_("This proposal cannot get that outcome in its current state."))
    motivation = (motivation or "").strip()
    if not motivation:
        raise ValidationFailed(_("Every decision needs a motivation."), field="motivation")
    if outcome == DecisionOutcome.SHORTLISTED and pitch_at is None:
        raise ValidationFailed(_("Give the date and time of the pitch."), field="pitch_at")
    decision = pending_decision(proposal)
    if decision is None:
        decision = Decision(proposal_id=proposal.id, outcome=outcome, motivation=motivation)
        db.session.add(decision)
        proposal.decisions.append(decision)
    decision.outcome, decision.motivation = outcome, motivation
    decision.pitch_at = pitch_at if outcome == DecisionOutcome.SHORTLISTED else None
    decision.pitch_note = (pitch_note or "").strip() if outcome == DecisionOutcome.SHORTLISTED else ""
    decision.prepared_by_id, decision.prepared_at = user.id, utcnow()
    mark_evaluating(challenge)
    db.session.flush()
    record_event(actor=user, action="decision.prepared", subject=decision,
                 data={"proposal_id": proposal.id, "outcome": outcome.value, "motivation": motivation})
    return decision


def withdraw_decision(*, proposal: Proposal, user: User) -> None:
    """Take back a prepared (not yet released) decision. The row stays, marked withdrawn."""
    decision = pending_decision(proposal)
    if decision is None:
        return
    if not permissions.can_run_evaluation(user, proposal.challenge):
        raise NotAllowed(_("Only officers of this municipality can change decisions."))
    record_event(actor=user, action="decision.withdrawn", subject=decision,
                 data={"proposal_id": proposal.id, "outcome": decision.outcome.value})
    decision.withdrawn_at = utcnow()
    db.session.flush()


def release_problems(challenge: Challenge, no_award_reason: str | None) -> list[str]:
    proposals = proposals_to_assess(challenge)
    pending = [p for p in proposals if pending_decision(p)]
    problems = []
    if not pending:
        problems.append(_("There are no prepared decisions to release."))
    after = {p.id: (pending_decision(p).outcome if pending_decision(p) else None) for p in proposals}
    open_after = [p for p in proposals if p.status in ALLOWED and after[p.id] in (None, DecisionOutcome.SHORTLISTED)]
    final = not open_after
    awarded = any(o == DecisionOutcome.AWARDED for o in after.values()) or any(
        p.status == ProposalStatus.AWARDED for p in proposals)
    if final and not awarded and not (no_award_reason or "").strip():
        problems.append(_("No proposal is awarded: give the reason for not awarding."))
    return problems


def release_decisions(*, challenge: Challenge, user: User, no_award_reason: str | None = None,
                      share_criterion_averages: bool = True, share_feedback_texts: bool = True) -> int:
    """Release every prepared decision at once and tell each startup. Returns how many were released."""
    if not permissions.can_run_evaluation(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can release decisions."))
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
        decision.released_at = now
        proposal.status = NEW_STATUS[decision.outcome]
        released.append((proposal, decision))
    if not any(p.status in ALLOWED for p in proposals_to_assess(challenge)):
        challenge.status = ChallengeStatus.DECIDED
        challenge.decided_at = now
        if not any(p.status == ProposalStatus.AWARDED for p in proposals_to_assess(challenge)):
            challenge.no_award_reason = (no_award_reason or "").strip()
    db.session.flush()
    record_event(actor=user, action="decision.released", subject=challenge,
                 data={"decisions": [{"proposal_id": p.id, "outcome": d.outcome.value} for p, d in released],
                       "no_award_reason": challenge.no_award_reason, "final": challenge.status == "decided",
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
               Decision.released_at.is_not(None))
        .order_by(Decision.released_at)).all()
    return [(proposal, decision) for proposal, decision in rows]
