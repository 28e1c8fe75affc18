"""Scoring: one review per evaluator and proposal, a score and comment per criterion, a
recommendation and feedback for the startup. Draft until submitted; reopened only by an officer."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from flask_babel import gettext as _
from sqlalchemy import exists, select

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..enums import ProposalStatus, Recommendation, ReviewStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..lifecycle import Lifecycle, Move
from ..proposals.models import Proposal
from . import permissions
from .conflicts import declarations_of, mark_evaluating, proposals_to_assess
from .models import ConflictDeclaration, PanelSeat, Review, ReviewScore


def _complete(review: Review, **_context) -> list[str]:
    criteria = {c.id: c for c in review.proposal.challenge.criteria}
    return [message for _field, message in submission_problems(review, criteria)]


def _submitted(review: Review, now, **_context) -> None:
    review.submitted_at = now


def _reopened(review: Review, now, **_context) -> None:
    review.submitted_at = None
    review.reopened_at = now


REVIEW = Lifecycle("review", [
    Move("submit", (ReviewStatus.DRAFT,), ReviewStatus.SUBMITTED, "review.submitted", guard=_complete,
         effect=_submitted),
    Move("reopen", (ReviewStatus.SUBMITTED,), ReviewStatus.DRAFT, "review.reopened", effect=_reopened),
])


@dataclass
class ReviewOutcome:
    """The saved review, and what stopped a submit (as (field, message) pairs)."""

    review: Review
    problems: list[tuple[str | None, str]] = dataclass_field(default_factory=list)


@dataclass
class QueueItem:
    proposal: Proposal
    declaration: ConflictDeclaration | None
    review: Review | None


def review_of(seat: PanelSeat, proposal: Proposal) -> Review | None:
    return db.session.scalar(select(Review).where(Review.seat_id == seat.id, Review.proposal_id == proposal.id))


def queue_for(seat: PanelSeat) -> list[QueueItem]:
    """The proposals this evaluator should assess: all visible ones except declared conflicts."""
    declarations = declarations_of(seat)
    reviews = {r.proposal_id: r for r in db.session.scalars(select(Review).where(Review.seat_id == seat.id))}
    return [
        QueueItem(p, declarations.get(p.id), reviews.get(p.id))
        for p in proposals_to_assess(seat.challenge)
        if not (declarations.get(p.id) and declarations[p.id].has_conflict)
    ]


def any_review_started(challenge: Challenge) -> bool:
    return bool(db.session.scalar(
        select(exists().where(ConflictDeclaration.seat_id == PanelSeat.id, PanelSeat.challenge_id == challenge.id))))


def save_review(*, seat: PanelSeat, proposal: Proposal, user: User, scores: dict[int, tuple[int | None, str]],
                recommendation: Recommendation | None, feedback: str, submit: bool) -> ReviewOutcome:
    """Store the evaluator's scores; with `submit`, check completeness and make it final. An
    incomplete submit keeps the scores as a draft and returns what is missing."""
    declaration = declarations_of(seat).get(proposal.id)
    review = review_of(seat, proposal)
    if not permissions.can_score(user, seat, proposal, declaration, review):
        _explain_refusal(user, seat, proposal, declaration, review)
    criteria = {c.id: c for c in proposal.challenge.criteria}
    problems: list[tuple[str | None, str]] = []
    for criterion_id, (value, _comment) in scores.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationFailed(_("Unknown criterion."))
        if value is not None and not criterion.scale_min <= value <= criterion.scale_max:
            problems.append((f"score_{criterion_id}", _("Score %(name)s from %(low)d to %(high)d.",
                                                        name=criterion.display_name, low=criterion.scale_min,
                                                        high=criterion.scale_max)))
    if problems:
        raise ValidationFailed(" ".join(m for _f, m in problems), problems=problems)
    if review is None:
        review = Review(proposal_id=proposal.id, seat_id=seat.id, status=ReviewStatus.DRAFT)
        db.session.add(review)
        db.session.flush()
    changes = {}
    for criterion_id, (value, comment) in scores.items():
        row = review.score_for(criterion_id)
        comment = (comment or "").strip()
        if row is None:
            row = ReviewScore(review_id=review.id, criterion_id=criterion_id, value=value, comment=comment)
            review.scores.append(row)
            if value is not None or comment:
                changes[str(criterion_id)] = {"from": None, "to": value, "comment": comment}
        elif row.value != value or row.comment != comment:
            changes[str(criterion_id)] = {"from": row.value, "to": value, "comment": comment}
            row.value, row.comment = value, comment
    review.recommendation = recommendation
    review.feedback = (feedback or "").strip()
    mark_evaluating(proposal.challenge, actor=user)
    db.session.flush()
    if changes:
        record_event(actor=user, action="review.scores_changed", subject=review, data={"scores": changes})
    if not submit:
        return ReviewOutcome(review)
    problems = submission_problems(review, criteria)
    if problems:
        return ReviewOutcome(review, problems)
    REVIEW.apply(review, "submit", actor=user, data={"recommendation": review.recommendation.value})
    return ReviewOutcome(review)


def submission_problems(review: Review, criteria: dict) -> list[tuple[str | None, str]]:
    problems: list[tuple[str | None, str]] = []
    for criterion in criteria.values():
        row = review.score_for(criterion.id)
        if row is None or row.value is None:
            problems.append((f"score_{criterion.id}", _("Give a score for %(name)s.", name=criterion.display_name)))
        elif row.value in (criterion.scale_min, criterion.scale_max) and not row.comment:
            problems.append((f"comment_{criterion.id}", _("Explain the score for %(name)s: the lowest and highest "
                                                          "scores need a comment.", name=criterion.display_name)))
    if review.recommendation is None:
        problems.append(("recommendation", _("Choose a recommendation.")))
    return problems


def _explain_refusal(user, seat, proposal, declaration, review) -> None:
    if proposal.status == ProposalStatus.WITHDRAWN:
        raise InvalidState(_("This proposal was withdrawn; it cannot be scored."))
    if any(d.released_at for d in proposal.decisions):
        raise InvalidState(_("The decision on this proposal has been released; scores can no longer change."))
    if review is not None and review.status == ReviewStatus.SUBMITTED:
        raise InvalidState(_("Your review is submitted. Ask the officer to reopen it if you need to change it."))
    if declaration is None:
        raise NotAllowed(_("Declare first whether you have a conflict of interest with this proposal."))
    raise NotAllowed(_("You cannot score this proposal."))


def reopen_review(*, review: Review, user: User) -> None:
    if not permissions.can_reopen_review(user, review):
        raise InvalidState(_("This review cannot be reopened."))
    REVIEW.apply(review, "reopen", actor=user, data={"evaluator": review.seat.email})


def reviews_of(challenge: Challenge) -> list[Review]:
    return list(db.session.scalars(
        select(Review).join(Review.seat).where(PanelSeat.challenge_id == challenge.id).order_by(Review.id)))


def counted_reviews(challenge: Challenge) -> list[Review]:
    """Submitted reviews of active seats without a conflict on that proposal: what aggregation uses."""
    conflicts = {(d.seat_id, d.proposal_id) for d in db.session.scalars(
        select(ConflictDeclaration).join(ConflictDeclaration.seat)
        .where(PanelSeat.challenge_id == challenge.id, ConflictDeclaration.has_conflict.is_(True)))}
    return [
        r for r in reviews_of(challenge)
        if r.status == ReviewStatus.SUBMITTED and r.seat.revoked_at is None
        and (r.seat_id, r.proposal_id) not in conflicts
        and r.proposal.status in (ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.AWARDED,
                                  ProposalStatus.REJECTED)
    ]


def other_reviews(review: Review) -> list[Review]:
    return [r for r in counted_reviews(review.proposal.challenge)
            if r.proposal_id == review.proposal_id and r.id != review.id]
