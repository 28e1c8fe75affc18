"""The challenge's lifecycle: draft → published → closed → evaluating → decided, and cancelled from
any state but decided. Closing happens at the deadline: `Challenge.current_status` already reports a
published challenge past its deadline as closed; the `close` move records it (by `flask tick`, or
first thing before any later move)."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from ..db_types import utcnow
from ..enums import ChallengeStatus as S
from ..lifecycle import Lifecycle, Move
from .models import Challenge

MIN_REASON = 10


def publication_problems(challenge: Challenge, now: datetime | None = None) -> list[str]:
    """What still stands between this draft and publishing, as sentences for the officer."""
    now = now or utcnow()
    problems = []
    if not challenge.organisation.is_verified:
        problems.append(_("An administrator has not verified %(name)s yet.", name=challenge.organisation.name))
    for field, label in (
        ("summary", _("a summary")),
        ("problem", _("the problem statement")),
        ("desired_outcome", _("the desired outcome")),
    ):
        if not (getattr(challenge, field) or "").strip():
            problems.append(_("Fill in %(what)s.", what=label))
    if not challenge.theme_links:
        problems.append(_("Choose at least one theme."))
    if challenge.submissions_close_at is None or challenge.questions_close_at is None:
        problems.append(_("Set both deadlines."))
    elif challenge.submissions_close_at <= now:
        problems.append(_("The submission deadline has passed."))
    elif challenge.questions_close_at <= now:
        problems.append(_("The question deadline has passed."))
    if challenge.budget_max_cents is None:
        problems.append(_("Give a budget range."))
    if challenge.total_weight != 100 or not challenge.criteria:
        problems.append(_("The criteria weights must add up to 100."))
    return problems


def _deadline_passed(challenge: Challenge, **_context) -> list[str]:
    if challenge.submissions_close_at is None or challenge.submissions_close_at > utcnow():
        return [_("The submission deadline has not passed yet.")]
    return []


def _has_reason(challenge: Challenge, reason: str = "", **_context) -> list[str]:
    if len((reason or "").strip()) < MIN_REASON:
        return [_("Explain in a sentence why the challenge is cancelled.")]
    return []


def _everything_decided(challenge: Challenge, **_context) -> list[str]:
    from ..evaluation.decisions import undecided_proposals

    if undecided_proposals(challenge):
        return [_("Some proposals have no final decision yet.")]
    return []


def _set(field: str):
    def effect(challenge: Challenge, now: datetime, **_context) -> None:
        setattr(challenge, field, now)
    return effect


def _closed(challenge: Challenge, now: datetime, **_context) -> None:
    challenge.closed_at = challenge.submissions_close_at


def _cancelled(challenge: Challenge, now: datetime, reason: str = "", **_context) -> None:
    challenge.cancelled_at = now
    challenge.cancel_reason = reason.strip()


def _decided(challenge: Challenge, now: datetime, no_award_reason: str | None = None, **_context) -> None:
    challenge.decided_at = now
    if no_award_reason is not None:
        challenge.no_award_reason = no_award_reason


CHALLENGE = Lifecycle("challenge", [
    Move("publish", (S.DRAFT,), S.PUBLISHED, "challenge.published",
         guard=lambda challenge, **_c: publication_problems(challenge), effect=_set("published_at")),
    Move("close", (S.PUBLISHED,), S.CLOSED, "challenge.closed", guard=_deadline_passed, effect=_closed),
    Move("start_evaluation", (S.CLOSED,), S.EVALUATING, "challenge.evaluating"),
    Move("decide", (S.CLOSED, S.EVALUATING), S.DECIDED, "challenge.decided", guard=_everything_decided,
         effect=_decided),
    Move("cancel", (S.DRAFT, S.PUBLISHED, S.CLOSED, S.EVALUATING), S.CANCELLED, "challenge.cancelled",
         guard=_has_reason, effect=_cancelled),
])


def record_closing(challenge: Challenge, *, actor=None) -> None:
    """A published challenge past its deadline is closed: record it before any later move."""
    if challenge.status == S.PUBLISHED and challenge.current_status == S.CLOSED:
        CHALLENGE.apply(challenge, "close", actor=actor)
