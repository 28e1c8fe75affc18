"""Turning the panel's scores into a ranking. Pure functions on plain values: easy to check by hand.

* A review's weighted total is on a 0–100 scale: each criterion's score is placed on its own scale
  (lowest = 0, highest = 1) and weighted by the criterion's weight (the weights add up to 100).
* Across the submitted reviews of a proposal: mean, median, sample standard deviation.
* Disagreement: a spread above `SPREAD_THRESHOLD` points (more than one step apart on a 1–5 scale), or recommendations that contradict
  (one evaluator says shortlist while another says no).
* Normalisation (optional view): each evaluator's totals become z-scores against that evaluator's own
  mean and spread over the proposals they scored, which exposes harsh and lenient scorers.
* Ranking: by mean, highest first; equal means share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

SPREAD_THRESHOLD = 20.0  # one step apart on a 1-5 scale everywhere is 17.7; two steps is 35.4


@dataclass(frozen=True)
class CriterionSpec:
    id: int
    weight: int
    scale_min: int = 1
    scale_max: int = 5


@dataclass(frozen=True)
class ReviewInput:
    proposal_id: int
    evaluator_id: int
    scores: dict[int, int]  # criterion id -> value
    recommendation: str | None = None


@dataclass
class ProposalResult:
    proposal_id: int
    totals: dict[int, float] = field(default_factory=dict)  # evaluator id -> weighted total
    recommendations: list[str] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    spread: float | None = None
    z_mean: float | None = None
    disagreement: bool = False
    rank: int | None = None
    criterion_means: dict[int, float] = field(default_factory=dict)

    @property
    def review_count(self) -> int:
        return len(self.totals)


def weighted_total(scores: dict[int, int], criteria: list[CriterionSpec]) -> float | None:
    """0–100; None when a criterion has no score (an incomplete review does not count)."""
    total_weight = sum(c.weight for c in criteria)
    if not criteria or total_weight == 0:
        return None
    points = 0.0
    for criterion in criteria:
        value = scores.get(criterion.id)
        if value is None:
            return None
        span = criterion.scale_max - criterion.scale_min
        points += criterion.weight * (value - criterion.scale_min) / span
    return round(100 * points / total_weight, 4)


def spread_of(values: list[float]) -> float:
    return statistics.stdev(values) if len(values) > 1 else 0.0


def contradicts(recommendations: list[str]) -> bool:
    return "shortlist" in recommendations and "no" in recommendations


def z_scores(reviews: list[ReviewInput], totals: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """(proposal, evaluator) -> z-score of that total among the evaluator's own totals."""
    by_evaluator: dict[int, list[float]] = {}
    for (proposal_id, evaluator_id), total in totals.items():
        by_evaluator.setdefault(evaluator_id, []).append(total)
    result = {}
    for (proposal_id, evaluator_id), total in totals.items():
        own = by_evaluator[evaluator_id]
        mean = statistics.fmean(own)
        sd = statistics.pstdev(own) if len(own) > 1 else 0.0
        result[(proposal_id, evaluator_id)] = 0.0 if sd == 0 else round((total - mean) / sd, 4)
    return result


def aggregate(proposal_ids: list[int], criteria: list[CriterionSpec], reviews: list[ReviewInput],
              spread_threshold: float = SPREAD_THRESHOLD) -> list[ProposalResult]:
    """Results for every proposal (also those without reviews), ranked best first."""
    results = {pid: ProposalResult(proposal_id=pid) for pid in proposal_ids}
    totals: dict[tuple[int, int], float] = {}
    per_criterion: dict[int, dict[int, list[int]]] = {pid: {} for pid in proposal_ids}
    for review in reviews:
        if review.proposal_id not in results:
            continue
        total = weighted_total(review.scores, criteria)
        if total is None:
            continue
        totals[(review.proposal_id, review.evaluator_id)] = total
        result = results[review.proposal_id]
        result.totals[review.evaluator_id] = total
        if review.recommendation:
            result.recommendations.append(review.recommendation)
        for criterion in criteria:
            per_criterion[review.proposal_id].setdefault(criterion.id, []).append(review.scores[criterion.id])
    zs = z_scores(reviews, totals)
    for pid, result in results.items():
        values = list(result.totals.values())
        if values:
            result.mean = round(statistics.fmean(values), 4)
            result.median = round(statistics.median(values), 4)
            result.spread = round(spread_of(values), 4)
            result.z_mean = round(statistics.fmean(zs[(pid, e)] for e in result.totals), 4)
            result.disagreement = result.spread > spread_threshold or contradicts(result.recommendations)
            result.criterion_means = {cid: round(statistics.fmean(v), 4) for cid, v in per_criterion[pid].items()}
    ranked = sorted(results.values(), key=lambda r: (r.mean is None, -(r.mean or 0), r.proposal_id))
    previous, rank = None, 0
    for position, result in enumerate(ranked, start=1):
        if result.mean is None:
            continue
        if result.mean != previous:
            rank, previous = position, result.mean
        result.rank = rank
    return ranked
