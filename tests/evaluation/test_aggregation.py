"""Aggregation against numbers worked out by hand."""

import pytest

from matchmaker.evaluation.aggregation import CriterionSpec, ReviewInput, aggregate, weighted_total, z_scores

# Two criteria on 1-5: impact (weight 60) and price (weight 40).
CRITERIA = [CriterionSpec(id=1, weight=60), CriterionSpec(id=2, weight=40)]


def test_weighted_total_by_hand():
    # impact 5 -> 1.0 * 60 = 60; price 3 -> 0.5 * 40 = 20; total 80
    assert weighted_total({1: 5, 2: 3}, CRITERIA) == 80.0
    # lowest everywhere is 0, highest everywhere is 100
    assert weighted_total({1: 1, 2: 1}, CRITERIA) == 0.0
    assert weighted_total({1: 5, 2: 5}, CRITERIA) == 100.0
    # impact 2 -> 0.25 * 60 = 15; price 4 -> 0.75 * 40 = 30; total 45
    assert weighted_total({1: 2, 2: 4}, CRITERIA) == 45.0


def test_weighted_total_of_incomplete_review_is_none():
    assert weighted_total({1: 5}, CRITERIA) is None


def test_other_scales_are_placed_on_their_own_range():
    criteria = [CriterionSpec(id=1, weight=50, scale_min=0, scale_max=10), CriterionSpec(id=2, weight=50)]
    # 7 of 0-10 -> 0.7 * 50 = 35; 2 of 1-5 -> 0.25 * 50 = 12.5; total 47.5
    assert weighted_total({1: 7, 2: 2}, criteria) == 47.5


def test_mean_median_spread_and_rank_by_hand():
    reviews = [
        # proposal 10: totals 80, 45, 100 -> mean 75, median 80, sample sd = sqrt(((5)^2+(30)^2+(25)^2)/2)
        ReviewInput(10, 1, {1: 5, 2: 3}, "shortlist"),
        ReviewInput(10, 2, {1: 2, 2: 4}, "maybe"),
        ReviewInput(10, 3, {1: 5, 2: 5}, "shortlist"),
        # proposal 20: impact 4 -> 0.75 * 60 = 45, price 3 -> 0.5 * 40 = 20: totals 65 and 65
        ReviewInput(20, 1, {1: 4, 2: 3}, "maybe"),
        ReviewInput(20, 2, {1: 4, 2: 3}, "maybe"),
    ]
    results = {r.proposal_id: r for r in aggregate([10, 20, 30], CRITERIA, reviews)}
    first = results[10]
    assert (first.mean, first.median) == (75.0, 80.0)
    assert first.spread == pytest.approx(((25 + 900 + 625) / 2) ** 0.5, abs=1e-4)  # 27.8388
    assert first.disagreement is True  # spread above 20 points
    assert first.review_count == 3
    second = results[20]
    assert (second.mean, second.median, second.spread, second.disagreement) == (65.0, 65.0, 0.0, False)
    assert (first.rank, second.rank) == (1, 2)
    # proposal 30 has no reviews: no numbers, no rank, listed last
    assert results[30].mean is None and results[30].rank is None and results[30].review_count == 0


def test_ties_share_a_rank():
    reviews = [ReviewInput(1, 9, {1: 5, 2: 5}), ReviewInput(2, 9, {1: 5, 2: 5}), ReviewInput(3, 9, {1: 1, 2: 1}),
               ReviewInput(4, 9, {1: 5, 2: 5})]
    ranked = aggregate([1, 2, 3, 4], CRITERIA, reviews)
    assert [(r.proposal_id, r.rank) for r in ranked] == [(1, 1), (2, 1), (4, 1), (3, 4)]


def test_contradicting_recommendations_flag_disagreement_even_with_equal_scores():
    reviews = [ReviewInput(1, 1, {1: 3, 2: 3}, "shortlist"), ReviewInput(1, 2, {1: 3, 2: 3}, "no")]
    result = aggregate([1], CRITERIA, reviews)[0]
    assert result.spread == 0.0 and result.disagreement is True


def test_missing_reviews_count_only_what_was_submitted():
    reviews = [ReviewInput(1, 1, {1: 5, 2: 5}), ReviewInput(1, 2, {1: 5})]  # second is incomplete
    result = aggregate([1], CRITERIA, reviews)[0]
    assert result.review_count == 1 and result.mean == 100.0 and result.spread == 0.0


def test_conflicted_evaluators_simply_have_no_review_in_the_input():
    # evaluator 3 declared a conflict on proposal 1: the caller leaves that review out
    reviews = [ReviewInput(1, 1, {1: 5, 2: 5}), ReviewInput(1, 2, {1: 3, 2: 3})]
    result = aggregate([1], CRITERIA, reviews)[0]
    assert result.mean == 75.0 and sorted(result.totals) == [1, 2]


def test_z_scores_expose_harsh_and_lenient_scorers():
    # evaluator 1 is lenient (100, 80), evaluator 2 harsh (20, 0): both prefer proposal A equally
    totals = {("A", 1): 100.0, ("B", 1): 80.0, ("A", 2): 20.0, ("B", 2): 0.0}
    zs = z_scores([], totals)
    assert zs == {("A", 1): 1.0, ("B", 1): -1.0, ("A", 2): 1.0, ("B", 2): -1.0}


def test_z_mean_in_aggregate_and_single_review_evaluator_is_zero():
    reviews = [
        ReviewInput(1, 1, {1: 5, 2: 5}), ReviewInput(2, 1, {1: 4, 2: 5}),  # lenient: 100, 85
        ReviewInput(1, 2, {1: 2, 2: 1}), ReviewInput(2, 2, {1: 1, 2: 1}),  # harsh: 15, 0
        ReviewInput(1, 3, {1: 3, 2: 3}),                                   # only one review -> z 0
    ]
    results = {r.proposal_id: r for r in aggregate([1, 2], CRITERIA, reviews)}
    assert results[1].z_mean == pytest.approx((1 + 1 + 0) / 3, abs=1e-4)
    assert results[2].z_mean == -1.0


def test_per_criterion_means_for_feedback():
    reviews = [ReviewInput(1, 1, {1: 5, 2: 2}), ReviewInput(1, 2, {1: 4, 2: 3})]
    assert aggregate([1], CRITERIA, reviews)[0].criterion_means == {1: 4.5, 2: 2.5}
