"""The KPI figures against hand-computed cases: plain records in, numbers out (no database)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from matchmaker.kpis.figures import (
    ApplicationRecord,
    AwardRecord,
    ChallengeRecord,
    LessonRecord,
    PilotRecord,
    Records,
    Value,
    compute_report,
    days_between,
    median,
    quarter_of,
)

M, OTHER, CO = 1, 2, 3  # municipalities
NOW = datetime(2026, 7, 1, 12, tzinfo=UTC)


def at(month: int, day: int, hour: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


FEB_10, MAR_10 = at(2, 10), at(3, 10)


def challenge(cid: int, published=FEB_10, closes=MAR_10, owners=(M,), cancelled=False) -> ChallengeRecord:
    return ChallengeRecord(cid, frozenset(owners), published, closes, cancelled)


def test_empty_data_gives_no_figures_and_no_division_by_zero():
    report = compute_report(Records(), now=NOW)
    assert report.quarters == []
    assert report["challenges_published"].total == Value(0, 0)
    assert report["lessons_published"].total == Value(0, 0)
    assert report["pilots_started"].total == Value(0, 0)
    for key in ("proposals_per_challenge", "first_time_share", "sme_share", "median_days_to_award",
                "continued_share", "median_weeks_to_decision", "budget_committed", "budget_spent"):
        assert report[key].total.value is None, key
        assert report[key].by_quarter == {}


def test_tiny_data_one_challenge_one_proposal():
    records = Records(challenges=[challenge(1)], applications=[ApplicationRecord(1, 10, size_fte=4)])
    report = compute_report(records, now=NOW)
    assert report.quarters == [(2026, 1), (2026, 2), (2026, 3)]  # first data up to the quarter of now
    assert report["challenges_published"].total == Value(1, 1)
    assert report["challenges_published"].by_quarter == {(2026, 1): Value(1, 1)}
    assert report["proposals_per_challenge"].total == Value(1.0, 1, 1)
    assert report["applicants"].total == Value(1, 1)
    assert report["first_time_share"].total == Value(100.0, 1, 1)
    assert report["sme_share"].total == Value(100.0, 1, 1)
    assert report["size_unknown"].total == Value(0, 0)
    assert report["median_days_to_award"].total == Value(None)
    # a quarter without data: a count is 0, an average has no value
    assert report["challenges_published"].at((2026, 2)) == Value(0)
    assert report["proposals_per_challenge"].at((2026, 2)) == Value(None)


def test_proposals_count_only_for_challenges_past_their_deadline_and_not_cancelled():
    records = Records(
        challenges=[challenge(1), challenge(2), challenge(3, closes=at(8, 1)), challenge(4, cancelled=True)],
        applications=[ApplicationRecord(1, 10), ApplicationRecord(1, 11), ApplicationRecord(1, 12),
                      ApplicationRecord(3, 10), ApplicationRecord(4, 10)])
    report = compute_report(records, now=NOW)
    assert report["challenges_published"].total == Value(4, 4)  # the cancelled one was published too
    # challenge 2 received nothing and still counts: 3 proposals over 2 challenges
    assert report["proposals_per_challenge"].total == Value(1.5, 2, 3)
    assert report["applicants"].total == Value(3, 3)


def test_a_draft_is_not_published():
    report = compute_report(Records(challenges=[challenge(1, published=None, closes=None)]), now=NOW)
    assert report["challenges_published"].total == Value(0, 0)
    assert report.quarters == []


def test_first_time_supplier_against_a_returning_one():
    """Startup 10 won an award from M before challenge 2 was published: returning. Startup 11 won only
    from another municipality, startup 12 only after the publication: both first-time."""
    records = Records(
        challenges=[challenge(2, published=at(2, 1), closes=at(3, 1))],
        applications=[ApplicationRecord(2, 10), ApplicationRecord(2, 11), ApplicationRecord(2, 12),
                      ApplicationRecord(2, 13)],
        awards=[AwardRecord(1, 10, frozenset({M}), at(1, 15)),
                AwardRecord(5, 11, frozenset({OTHER}), at(1, 15)),
                AwardRecord(6, 12, frozenset({M}), at(2, 5))])
    report = compute_report(records, now=NOW)
    assert report["first_time_share"].total == Value(75.0, 4, 3)


def test_an_award_from_a_co_owner_makes_a_returning_supplier():
    records = Records(
        challenges=[challenge(2, published=at(2, 1), owners=(M, CO))],
        applications=[ApplicationRecord(2, 10)],
        awards=[AwardRecord(1, 10, frozenset({CO}), at(1, 15))])
    assert compute_report(records, now=NOW)["first_time_share"].total == Value(0.0, 1, 0)


def test_the_award_on_this_very_challenge_does_not_make_its_winner_a_returning_supplier():
    records = Records(challenges=[challenge(2)], applications=[ApplicationRecord(2, 10)],
                      awards=[AwardRecord(2, 10, frozenset({M}), at(4, 1))])
    assert compute_report(records, now=NOW)["first_time_share"].total == Value(100.0, 1, 1)


def test_smes_with_unknown_size_stated_separately():
    """Fewer than 250 is an SME (249 yes, 250 no); an unknown size is left out of the share."""
    records = Records(challenges=[challenge(1)],
                      applications=[ApplicationRecord(1, 10, size_fte=3), ApplicationRecord(1, 11, size_fte=249),
                                    ApplicationRecord(1, 12, size_fte=250), ApplicationRecord(1, 13, size_fte=None)])
    report = compute_report(records, now=NOW)
    assert report["sme_share"].total == Value(pytest.approx(200 / 3), 3, 2)
    assert report["size_unknown"].total == Value(1, 1)
    assert report["applicants"].total == Value(4, 4)


def test_only_applicants_of_unknown_size_leave_the_sme_share_without_data():
    records = Records(challenges=[challenge(1)], applications=[ApplicationRecord(1, 10, size_fte=None)])
    report = compute_report(records, now=NOW)
    assert report["sme_share"].total == Value(None)
    assert report["size_unknown"].total == Value(1, 1)


def test_median_days_to_award_with_an_even_count_is_the_mean_of_the_middle_two():
    """Published 1 March; first awards after 10, 20, 30 and 50 days: median (20 + 30) / 2 = 25."""
    challenges = [challenge(i, published=at(3, 1), closes=at(3, 5)) for i in (1, 2, 3, 4)]
    awards = [AwardRecord(1, 10, frozenset({M}), at(3, 11)), AwardRecord(2, 11, frozenset({M}), at(3, 21)),
              AwardRecord(3, 12, frozenset({M}), at(3, 31)), AwardRecord(4, 13, frozenset({M}), at(4, 20)),
              AwardRecord(4, 14, frozenset({M}), at(5, 30))]  # a second award on 4: the first one counts
    report = compute_report(Records(challenges=challenges, awards=awards), now=NOW)
    assert report["median_days_to_award"].total == Value(25.0, 4)
    assert report["median_days_to_award"].by_quarter == {(2026, 1): Value(20, 3), (2026, 2): Value(50, 1)}


def test_median_of_an_odd_count_is_the_middle_value():
    assert median([30, 10, 20]) == 20
    assert median([1, 2, 3, 10]) == 2.5
    assert median([]) is None


def test_days_are_calendar_days_in_dutch_time():
    # 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam; 2 March to 3 March is one day
    assert days_between(datetime(2026, 3, 1, 23, 30, tzinfo=UTC), datetime(2026, 3, 3, 10, tzinfo=UTC)) == 1
    # summer time: 22:30 UTC on 30 June is 00:30 on 1 July, the third quarter
    assert quarter_of(datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == (2026, 3)
    assert quarter_of(datetime(2026, 6, 30, 21, 30, tzinfo=UTC)) == (2026, 2)


def test_a_stopped_pilot_against_a_continued_one():
    """Continued: awarded 1 March, decided 1 May (61 days). Stopped: awarded 1 March, decided 26 April
    (56 days, 8 weeks). One running pilot and one planned pilot are not decided."""
    pilots = [
        PilotRecord(1, awarded_at=at(3, 1), started_at=at(3, 15), decided_at=at(5, 1), continued=True,
                    budget_cents=1_000_000, spent_cents=900_000),
        PilotRecord(2, awarded_at=at(3, 1), started_at=at(4, 2), decided_at=at(4, 26), continued=False,
                    budget_cents=500_000, spent_cents=None),
        PilotRecord(3, awarded_at=at(5, 1), started_at=at(5, 20), budget_cents=None),
        PilotRecord(4, awarded_at=at(6, 1), budget_cents=2_000_000),
    ]
    report = compute_report(Records(pilots=pilots), now=NOW)
    assert report["pilots_started"].total == Value(3, 3)
    assert report["pilots_started"].by_quarter == {(2026, 1): Value(1, 1), (2026, 2): Value(2, 2)}
    assert report["continued_share"].total == Value(50.0, 2, 1)
    assert report["median_weeks_to_decision"].total == Value(pytest.approx((61 / 7 + 8) / 2), 2)
    assert report["budget_committed"].total == Value(1_500_000, 2)  # the planned pilot has not started
    assert report["budget_committed"].by_quarter == {(2026, 1): Value(1_000_000, 1), (2026, 2): Value(500_000, 1)}
    assert report["budget_spent"].total == Value(900_000, 1)
    assert report["budget_spent"].at((2026, 2)) == Value(None)


def test_a_pilot_stopped_before_it_started_is_decided_but_not_started():
    pilots = [PilotRecord(1, awarded_at=at(3, 1), decided_at=at(3, 29), continued=False, budget_cents=100)]
    report = compute_report(Records(pilots=pilots), now=NOW)
    assert report["pilots_started"].total == Value(0, 0)
    assert report["continued_share"].total == Value(0.0, 1, 0)
    assert report["median_weeks_to_decision"].total == Value(4.0, 1)
    assert report["budget_committed"].total == Value(None)


def test_only_published_lessons_count_in_the_quarter_of_publication():
    lessons = [LessonRecord(1, at(2, 1)), LessonRecord(2, at(5, 1)), LessonRecord(3, None)]
    report = compute_report(Records(lessons=lessons), now=NOW)
    assert report["lessons_published"].total == Value(2, 2)
    assert report["lessons_published"].by_quarter == {(2026, 1): Value(1, 1), (2026, 2): Value(1, 1)}
    assert report.quarters == [(2026, 1), (2026, 2), (2026, 3)]


def test_quarters_run_across_years_and_empty_quarters_in_between():
    records = Records(challenges=[challenge(1, published=at(11, 20, year=2025), closes=at(12, 1, year=2025))])
    report = compute_report(records, now=NOW)
    assert report.quarters == [(2025, 4), (2026, 1), (2026, 2), (2026, 3)]
    assert report["proposals_per_challenge"].total == Value(0.0, 1, 0)
    assert report["proposals_per_challenge"].by_quarter == {(2025, 4): Value(0.0, 1, 0)}


@pytest.mark.parametrize("unit, values, ticks", [
    ("count", [2, 1, 0], [0, 1, 2]),
    ("count", [11], [0, 5, 10, 15]),
    ("count", [0, None], [0, 1]),
    ("proposals", [1.5], [0, 0.5, 1.0, 1.5]),
    ("days", [50], [0, 20, 40, 60]),
    ("euro", [20000, 15000], [0, 5000, 10000, 15000, 20000]),
    ("percent", [50], [0, 20, 40, 60, 80, 100]),
])
def test_chart_axes_step_in_round_numbers(unit, values, ticks):
    from matchmaker.kpis.charts import y_labels

    assert y_labels(unit, values) == ticks
