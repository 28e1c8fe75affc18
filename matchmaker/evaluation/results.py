"""The officer's overview: progress per evaluator and proposal, and the aggregated ranking."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..challenges.models import Challenge
from ..enums import ReviewStatus
from ..proposals.models import Proposal
from .aggregation import CriterionSpec, ProposalResult, ReviewInput, aggregate
from .conflicts import declarations_for_challenge, proposals_to_assess
from .models import PanelSeat
from .panel import active_seats
from .reviews import counted_reviews, reviews_of


@dataclass
class SeatProgress:
    seat: PanelSeat
    assigned: int = 0
    declared: int = 0
    conflicts: int = 0
    drafts: int = 0
    submitted: int = 0


@dataclass
class Row:
    proposal: Proposal
    result: ProposalResult
    expected: int
    fit: float | None = None
    recommendations: dict[str, int] = field(default_factory=dict)


def criteria_specs(challenge: Challenge) -> list[CriterionSpec]:
    return [CriterionSpec(id=c.id, weight=c.weight, scale_min=c.scale_min, scale_max=c.scale_max)
            for c in challenge.criteria]


def review_inputs(challenge: Challenge) -> list[ReviewInput]:
    return [
        ReviewInput(proposal_id=r.proposal_id, evaluator_id=r.seat_id,
                    scores={s.criterion_id: s.value for s in r.scores if s.value is not None},
                    recommendation=r.recommendation.value if r.recommendation else None)
        for r in counted_reviews(challenge)
    ]


def ranking(challenge: Challenge, fit_scores: dict[int, float] | None = None) -> list[Row]:
    proposals = {p.id: p for p in proposals_to_assess(challenge)}
    seats = active_seats(challenge)
    conflicts = {(d.seat_id, d.proposal_id) for d in declarations_for_challenge(challenge) if d.has_conflict}
    results = aggregate(list(proposals), criteria_specs(challenge), review_inputs(challenge))
    rows = []
    for result in results:
        expected = sum(1 for s in seats if (s.id, result.proposal_id) not in conflicts)
        counts: dict[str, int] = {}
        for rec in result.recommendations:
            counts[rec] = counts.get(rec, 0) + 1
        rows.append(Row(proposal=proposals[result.proposal_id], result=result, expected=expected,
                        fit=(fit_scores or {}).get(result.proposal_id), recommendations=counts))
    return rows


def seat_progress(challenge: Challenge) -> list[SeatProgress]:
    proposals = proposals_to_assess(challenge)
    declarations = declarations_for_challenge(challenge)
    reviews = reviews_of(challenge)
    progress = []
    for seat in active_seats(challenge):
        own_declarations = [d for d in declarations if d.seat_id == seat.id]
        own_conflicts = sum(1 for d in own_declarations if d.has_conflict)
        own_reviews = [r for r in reviews if r.seat_id == seat.id]
        progress.append(SeatProgress(
            seat=seat, assigned=len(proposals) - own_conflicts, declared=len(own_declarations),
            conflicts=own_conflicts,
            drafts=sum(1 for r in own_reviews if r.status == ReviewStatus.DRAFT),
            submitted=sum(1 for r in own_reviews if r.status == ReviewStatus.SUBMITTED),
        ))
    return progress
