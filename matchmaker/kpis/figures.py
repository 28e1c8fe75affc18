"""The KPI figures, computed from plain records: no Flask, no database (the loaders are in `services.py`).

Every figure has a total over all time and a value per calendar quarter (Dutch time), each a `Value`:
the figure itself (None when there is nothing to compute it over: never a division by zero), the basis it
was computed over, and for shares and averages the count on top of the fraction. The definitions that a
council can quote are in `definitions.py`; this module is what they describe, line by line.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
SME_MAX_FTE = 250  # EU definition: fewer than 250 employees

Quarter = tuple[int, int]  # (year, 1..4)


# --- records --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChallengeRecord:
    id: int
    owner_ids: frozenset[int]  # the lead buyer and the co-owners
    published_at: datetime | None = None
    submissions_close_at: datetime | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class ApplicationRecord:
    """A proposal that was submitted and not withdrawn (one per startup per challenge)."""

    challenge_id: int
    startup_id: int
    size_fte: int | None = None


@dataclass(frozen=True)
class AwardRecord:
    """A released decision with outcome "awarded", on any challenge (for first-time suppliers)."""

    challenge_id: int
    startup_id: int
    owner_ids: frozenset[int]
    released_at: datetime


@dataclass(frozen=True)
class PilotRecord:
    challenge_id: int
    awarded_at: datetime
    started_at: datetime | None = None
    decided_at: datetime | None = None
    continued: bool | None = None  # True continued to a contract, False stopped, None not decided
    budget_cents: int | None = None
    spent_cents: int | None = None


@dataclass(frozen=True)
class LessonRecord:
    challenge_id: int
    published_at: datetime | None = None


@dataclass
class Records:
    challenges: list[ChallengeRecord] = field(default_factory=list)
    applications: list[ApplicationRecord] = field(default_factory=list)
    awards: list[AwardRecord] = field(default_factory=list)  # may include challenges outside the scope
    pilots: list[PilotRecord] = field(default_factory=list)
    lessons: list[LessonRecord] = field(default_factory=list)


# --- values ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Value:
    """`value` is None when there is no data. `basis` is what it was computed over (challenges, applicants,
    pilots); `count` is the part on top of a share or the total of an average."""

    value: float | None
    basis: int = 0
    count: float | None = None

    @property
    def has_data(self) -> bool:
        return self.value is not None


@dataclass
class Figure:
    key: str
    kind: str  # count | mean | share | median | money
    total: Value
    by_quarter: dict[Quarter, Value]

    def at(self, quarter: Quarter) -> Value:
        return self.by_quarter.get(quarter, EMPTY[self.kind])


EMPTY = {"count": Value(0), "money": Value(None), "mean": Value(None), "share": Value(None),
         "median": Value(None)}


@dataclass
class Report:
    figures: dict[str, Figure]
    quarters: list[Quarter]

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]


# --- dates ----------------------------------------------------------------------------------------

def dutch_date(moment: datetime) -> date:
    return moment.astimezone(DUTCH_TIME).date()


def quarter_of(moment: datetime) -> Quarter:
    day = dutch_date(moment)
    return day.year, (day.month - 1) // 3 + 1


def days_between(start: datetime, end: datetime) -> int:
    """Calendar days in Dutch time: published on Monday, awarded on Wednesday is 2."""
    return (dutch_date(end) - dutch_date(start)).days


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    quarters, (year, q) = [], first
    while (year, q) <= last:
        quarters.append((year, q))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return quarters


def median(values: list[float]) -> float | None:
    """The middle value; with an even number of values, the mean of the two middle ones; None for none."""
    return statistics.median(values) if values else None


# --- aggregation per quarter ----------------------------------------------------------------------

def _grouped(items: Iterable, moment: Callable) -> dict[Quarter, list]:
    groups: dict[Quarter, list] = defaultdict(list)
    for item in items:
        groups[quarter_of(moment(item))].append(item)
    return groups


def _figure(key: str, kind: str, items: list, moment: Callable, compute: Callable[[list], Value]) -> Figure:
    return Figure(key, kind, compute(items),
                  {quarter: compute(group) for quarter, group in _grouped(items, moment).items()})


def _count(items: list) -> Value:
    return Value(len(items), len(items))


def _share(part: Callable[[object], bool]) -> Callable[[list], Value]:
    def compute(items: list) -> Value:
        hits = sum(1 for item in items if part(item))
        return Value(100 * hits / len(items), len(items), hits) if items else Value(None)

    return compute


def _sum(amount: Callable[[object], int | None]) -> Callable[[list], Value]:
    def compute(items: list) -> Value:
        known = [amount(item) for item in items if amount(item) is not None]
        return Value(sum(known) if known else None, len(known))

    return compute


def _median_of(measure: Callable[[object], float]) -> Callable[[list], Value]:
    def compute(items: list) -> Value:
        return Value(median([measure(item) for item in items]), len(items))

    return compute


# --- the figures ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Applicant:
    application: ApplicationRecord
    challenge: ChallengeRecord
    first_time: bool


def closed_challenges(records: Records, now: datetime) -> list[ChallengeRecord]:
    """Published, not cancelled, and past the submission deadline: the challenges whose proposals count."""
    return [c for c in records.challenges if c.published_at is not None and not c.cancelled
            and c.submissions_close_at is not None and c.submissions_close_at <= now]


def is_first_time(application: ApplicationRecord, challenge: ChallengeRecord, awards: list[AwardRecord]) -> bool:
    """No award to this startup, released before the challenge was published, by a municipality that owns
    this challenge (on another challenge)."""
    return not any(
        award.startup_id == application.startup_id and award.challenge_id != challenge.id
        and award.owner_ids & challenge.owner_ids and award.released_at < challenge.published_at
        for award in awards)


def applicants(records: Records, now: datetime) -> list[_Applicant]:
    closed = {c.id: c for c in closed_challenges(records, now)}
    return [_Applicant(a, closed[a.challenge_id], is_first_time(a, closed[a.challenge_id], records.awards))
            for a in records.applications if a.challenge_id in closed]


def _proposals_per_challenge(records: Records, now: datetime) -> Figure:
    closed = closed_challenges(records, now)
    per_challenge = defaultdict(int)
    for application in records.applications:
        per_challenge[application.challenge_id] += 1

    def compute(challenges: list[ChallengeRecord]) -> Value:
        proposals = sum(per_challenge[c.id] for c in challenges)
        return Value(proposals / len(challenges), len(challenges), proposals) if challenges else Value(None)

    return _figure("proposals_per_challenge", "mean", closed, lambda c: c.submissions_close_at, compute)


def _first_awards(records: Records) -> list[tuple[ChallengeRecord, datetime]]:
    """Each published challenge of the scope with at least one award, and the moment of its first."""
    first: dict[int, datetime] = {}
    for award in records.awards:
        if award.challenge_id not in first or award.released_at < first[award.challenge_id]:
            first[award.challenge_id] = award.released_at
    return [(c, first[c.id]) for c in records.challenges if c.id in first and c.published_at is not None]


def compute_report(records: Records, *, now: datetime) -> Report:
    """Every figure, in total and per quarter, from the records of one scope."""
    published = [c for c in records.challenges if c.published_at is not None]
    applied = applicants(records, now)
    known_size = [a for a in applied if a.application.size_fte is not None]
    unknown_size = [a for a in applied if a.application.size_fte is None]
    awarded = _first_awards(records)
    started = [p for p in records.pilots if p.started_at is not None]
    decided = [p for p in records.pilots if p.decided_at is not None and p.continued is not None]
    lessons = [lesson for lesson in records.lessons if lesson.published_at is not None]

    def closes(applicant: _Applicant) -> datetime:
        return applicant.challenge.submissions_close_at

    figures = [
        _figure("challenges_published", "count", published, lambda c: c.published_at, _count),
        _proposals_per_challenge(records, now),
        _figure("applicants", "count", applied, closes, _count),
        _figure("first_time_share", "share", applied, closes, _share(lambda a: a.first_time)),
        _figure("sme_share", "share", known_size, closes,
                _share(lambda a: a.application.size_fte < SME_MAX_FTE)),
        _figure("size_unknown", "count", unknown_size, closes, _count),
        _figure("median_days_to_award", "median", awarded, lambda pair: pair[1],
                _median_of(lambda pair: days_between(pair[0].published_at, pair[1]))),
        _figure("pilots_started", "count", started, lambda p: p.started_at, _count),
        _figure("continued_share", "share", decided, lambda p: p.decided_at, _share(lambda p: p.continued)),
        _figure("median_weeks_to_decision", "median", decided, lambda p: p.decided_at,
                _median_of(lambda p: days_between(p.awarded_at, p.decided_at) / 7)),
        _figure("budget_committed", "money", started, lambda p: p.started_at, _sum(lambda p: p.budget_cents)),
        _figure("budget_spent", "money", started, lambda p: p.started_at, _sum(lambda p: p.spent_cents)),
        _figure("lessons_published", "count", lessons, lambda lesson: lesson.published_at, _count),
    ]
    seen = [quarter for figure in figures for quarter in figure.by_quarter]
    quarters = quarters_between(min(seen), max(max(seen), quarter_of(now))) if seen else []
    return Report({figure.key: figure for figure in figures}, quarters)
