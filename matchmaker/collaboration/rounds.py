"""Rounds (programmes such as "SiR Noord-Nederland 2027-1"): challenges with shared question and
submission deadlines. A draft in a round takes the round's dates and follows them when they change;
once published, a challenge keeps its own (its deadline can still be extended).

A startup may apply to several challenges of a round but win at most one: `award_elsewhere` is the
rule the decision step asks (see `evaluation.decisions`), under a lock on the round's row.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..audit.services import record_event
from ..challenges.models import Challenge
from ..challenges.services import PUBLIC_STATUSES
from ..database import lock_row
from ..db_types import utcnow
from ..enums import ChallengeStatus, DecisionOutcome, DecisionStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..organisations.models import Organisation
from ..slugs import unique_slug
from . import permissions
from .models import Round


def _check_round_data(data: dict, *, dates_changed: bool) -> tuple[str, str, datetime, datetime]:
    name = (data.get("name") or "").strip()
    description = (data.get("description") or "").strip()
    questions, submissions = data.get("questions_close_at"), data.get("submissions_close_at")
    problems = []
    if not name:
        problems.append(("name", _("Give the round a name.")))
    if questions is None:
        problems.append(("questions_close_at", _("Set the date questions close.")))
    if submissions is None:
        problems.append(("submissions_close_at", _("Set the date proposals close.")))
    elif dates_changed and submissions <= utcnow():
        problems.append(("submissions_close_at", _("The proposal deadline must lie in the future.")))
    if questions is not None and submissions is not None and questions > submissions:
        problems.append(("questions_close_at", _("Questions must close before (or when) submissions close.")))
    if problems:
        raise ValidationFailed(problems[0][1], field=problems[0][0], problems=problems)
    return name, description, questions, submissions


def create_round(*, organisation: Organisation, user, data: dict) -> Round:
    if not permissions.can_create_round(user, organisation):
        raise NotAllowed(_("Only officers of this municipality can start a round for it."))
    name, description, questions, submissions = _check_round_data(data, dates_changed=True)
    round_ = Round(organisation_id=organisation.id, organisation=organisation, name=name,
                   slug=unique_slug(Round, name), description=description,
                   questions_close_at=questions, submissions_close_at=submissions)
    db.session.add(round_)
    db.session.flush()
    record_event(actor=user, action="round.created", subject=round_, data={"round": name})
    return round_


def update_round(*, round_: Round, user, data: dict) -> list[Challenge]:
    """Change the round; its drafts follow the new dates. Returns the drafts that moved."""
    if not permissions.can_manage_round(user, round_):
        raise NotAllowed(_("Only officers of the municipality that runs this round can change it."))
    round_ = lock_row(Round, round_.id)
    dates_changed = (data.get("questions_close_at"), data.get("submissions_close_at")) != (
        round_.questions_close_at, round_.submissions_close_at)
    name, description, questions, submissions = _check_round_data(data, dates_changed=dates_changed)
    round_.name, round_.description = name, description
    round_.questions_close_at, round_.submissions_close_at = questions, submissions
    moved = [c for c in challenges_in(round_) if c.is_draft and _follow_dates(c, round_)]
    db.session.flush()
    record_event(actor=user, action="round.updated", subject=round_,
                 data={"round": name, "questions_close_at": questions.isoformat(),
                       "submissions_close_at": submissions.isoformat(), "drafts_moved": [c.id for c in moved]})
    return moved


def _follow_dates(challenge: Challenge, round_: Round) -> bool:
    """Give a draft the round's dates; True when they changed."""
    dates = (round_.questions_close_at, round_.submissions_close_at)
    if (challenge.questions_close_at, challenge.submissions_close_at) == dates:
        return False
    challenge.questions_close_at, challenge.submissions_close_at = dates
    challenge.updated_at = utcnow()
    return True


def put_in_round(*, challenge: Challenge, round_: Round, user) -> None:
    """Put a draft in a round: it takes the round's dates. Doing it twice changes nothing."""
    if challenge.round_id == round_.id:
        return
    if not permissions.can_put_in_round(user, challenge, round_):
        if not challenge.is_draft:
            raise InvalidState(_("Only a draft can join a round."))
        raise NotAllowed(_("Only officers of the lead buyer can put this challenge in a round their "
                           "municipality runs."))
    challenge.round_id = round_.id
    challenge.round = round_
    _follow_dates(challenge, round_)
    db.session.flush()
    record_event(actor=user, action="challenge.round_joined", subject=challenge,
                 data={"round": round_.name, "round_id": round_.id})


def take_out_of_round(*, challenge: Challenge, user) -> None:
    """Take a draft out of its round; it keeps the dates it had. Doing it twice changes nothing."""
    if challenge.round is None:
        return
    if not permissions.can_take_out_of_round(user, challenge):
        if not challenge.is_draft:
            raise InvalidState(_("A published challenge stays in its round."))
        raise NotAllowed(_("Only officers of the lead buyer or of the round's municipality can take this "
                           "challenge out of the round."))
    name, round_id = challenge.round.name, challenge.round_id
    challenge.round_id = None
    challenge.round = None
    db.session.flush()
    record_event(actor=user, action="challenge.round_left", subject=challenge,
                 data={"round": name, "round_id": round_id})


# --- reading -------------------------------------------------------------------------------------

def find_round(slug: str) -> Round | None:
    return db.session.scalar(select(Round).where(Round.slug == slug))


def challenges_in(round_: Round) -> list[Challenge]:
    return list(db.session.scalars(select(Challenge).where(Challenge.round_id == round_.id)
                                   .order_by(Challenge.title, Challenge.id)))


def public_challenges_in(round_: Round) -> list[Challenge]:
    return list(db.session.scalars(select(Challenge).where(Challenge.round_id == round_.id,
                                                           Challenge.status.in_(PUBLIC_STATUSES))
                                   .order_by(Challenge.title, Challenge.id)))


def public_rounds() -> list[tuple[Round, int]]:
    """Rounds with at least one public challenge, with that number; the latest deadline first."""
    count = func.count(Challenge.id)
    rows = db.session.execute(
        select(Round, count).join(Challenge, Challenge.round_id == Round.id)
        .where(Challenge.status.in_(PUBLIC_STATUSES)).group_by(Round.id)
        .order_by(Round.submissions_close_at.desc(), Round.id.desc())).all()
    return [(round_, number) for round_, number in rows]


def rounds_run_by(user) -> list[Round]:
    org_ids = [m.organisation_id for m in getattr(user, "memberships", []) if m.organisation.is_municipality]
    if not org_ids:
        return []
    return list(db.session.scalars(select(Round).where(Round.organisation_id.in_(org_ids))
                                   .order_by(Round.created_at.desc(), Round.id.desc())))


def drafts_for_round(user, round_: Round) -> list[Challenge]:
    """The drafts this officer could put in the round."""
    org_ids = [m.organisation_id for m in user.memberships]
    drafts = db.session.scalars(select(Challenge).where(
        Challenge.organisation_id.in_(org_ids), Challenge.status == ChallengeStatus.DRAFT,
        (Challenge.round_id.is_(None)) | (Challenge.round_id != round_.id)).order_by(Challenge.title))
    return [c for c in drafts if permissions.can_put_in_round(user, c, round_)]


def is_round_public(round_: Round) -> bool:
    return bool(public_challenges_in(round_))


# --- one win per startup per round -----------------------------------------------------------------

def award_elsewhere(proposal, *, released_only: bool = False) -> Challenge | None:
    """Another challenge of the proposal's round where the same startup has an award, released or
    prepared (only released with `released_only`); None when there is none (or no round)."""
    from ..evaluation.models import Decision
    from ..proposals.models import Proposal

    challenge = proposal.challenge
    if challenge.round_id is None:
        return None
    other_id = db.session.scalar(
        select(Challenge.id).join(Proposal, Proposal.challenge_id == Challenge.id)
        .join(Decision, Decision.proposal_id == Proposal.id)
        .where(Challenge.round_id == challenge.round_id, Challenge.id != challenge.id,
               Challenge.status != ChallengeStatus.CANCELLED, Proposal.startup_id == proposal.startup_id,
               Decision.outcome == DecisionOutcome.AWARDED,
               Decision.status.in_((DecisionStatus.RELEASED,) if released_only
                                   else (DecisionStatus.PREPARED, DecisionStatus.RELEASED)))
        .order_by(Challenge.id).limit(1))
    return db.session.get(Challenge, other_id) if other_id else None


def one_win_problem(proposal, *, released_only: bool = False) -> str | None:
    """The sentence that explains why this proposal cannot be awarded, or None. Releasing asks only
    about released awards elsewhere: of two awards prepared at once, the first released wins."""
    other = award_elsewhere(proposal, released_only=released_only)
    if other is None:
        return None
    return _("%(startup)s already has an award in “%(challenge)s”, another challenge of the round %(round)s. "
             "A startup can win at most one challenge per round.", startup=proposal.startup.name,
             challenge=other.title, round=proposal.challenge.round.name)


def lock_round_of(challenge: Challenge) -> None:
    """Awards in a round are decided one at a time: lock the round's row (before the challenge's)."""
    if challenge.round_id is not None:
        lock_row(Round, challenge.round_id)
