"""Challenges: drafting, criteria, publishing, deadlines, cancelling, following."""

from __future__ import annotations

from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import Select, case, exists, func, or_, select

from ..accounts.models import User
from ..audit.services import record_event
from ..collaboration.officers import officers_of
from ..database import lock_row
from ..db_types import parse_id, utcnow
from ..enums import ChallengeStatus, ProposalStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..mail.services import mail_user
from ..organisations.models import Organisation
from ..slugs import unique_slug
from ..themes import THEMES
from . import permissions, rubric
from .lifecycle import CHALLENGE, publication_problems, record_closing  # noqa: F401 (publication_problems: API)
from .models import Challenge, ChallengeTheme, Criterion, DeadlineExtension, Question, SavedChallenge

EDITABLE_FIELDS = (
    "title", "summary", "problem", "desired_outcome", "affected", "department", "keywords",
    "budget_min_cents", "budget_max_cents", "pilot_weeks", "questions_close_at", "submissions_close_at",
    "max_age_years", "max_fte", "languages", "language",
)
LANGUAGES = ("nl", "en")  # the languages a challenge can be written in
PUBLIC_STATUSES = (
    ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED, ChallengeStatus.EVALUATING, ChallengeStatus.DECIDED,
)


def default_criteria(locale: str) -> list[dict]:
    """The rubric every new challenge starts with (key, name, description, weight), stored in the
    officer's language; pages show it in the reader's (see `rubric`)."""
    return rubric.default_rows(locale)


def default_anchors(locale: str, scale_min: int = 1, scale_max: int = 5) -> list[str]:
    """The default anchors in `locale`, for display; criteria store them empty (`Criterion.anchor_labels`)."""
    with force_locale(locale):
        return rubric.anchor_labels(scale_min, scale_max)


def create_challenge(*, organisation: Organisation, user: User, data: dict) -> Challenge:
    if not permissions.can_create_challenge(user, organisation):
        raise NotAllowed(_("Only officers of this municipality can create its challenges."))
    _check_dates_and_budget(data)
    challenge = Challenge(
        organisation=organisation,
        created_by_id=user.id,
        title=data["title"],
        slug=unique_slug(Challenge, data["title"]),
        status=ChallengeStatus.DRAFT,
        language=user.locale if user.locale in LANGUAGES else "nl",  # unless the form says otherwise
    )
    _apply(challenge, data)
    db.session.add(challenge)
    for position, row in enumerate(default_criteria(challenge.language)):
        challenge.criteria.append(Criterion(position=position, **row))
    db.session.flush()
    record_event(actor=user, action="challenge.created", subject=challenge)
    return challenge


def update_challenge(*, challenge: Challenge, user: User, data: dict) -> None:
    if not permissions.can_edit_challenge(user, challenge):
        raise InvalidState(_("Only a draft can be edited. After publishing, only the deadline can be extended."))
    if challenge.round is not None:  # a draft in a round has the round's dates
        data = {**data, "questions_close_at": challenge.round.questions_close_at,
                "submissions_close_at": challenge.round.submissions_close_at}
    _check_dates_and_budget(data)
    _apply(challenge, data)
    challenge.updated_at = utcnow()  # also when only the themes changed: the matcher re-reads it
    db.session.flush()
    record_event(actor=user, action="challenge.updated", subject=challenge)


def _apply(challenge: Challenge, data: dict) -> None:
    for field in EDITABLE_FIELDS:
        if field in data and (field != "language" or data[field] in LANGUAGES):
            setattr(challenge, field, data[field])
    if "themes" in data:
        wanted = [t for t in dict.fromkeys(data["themes"] or []) if t in THEMES]
        challenge.theme_links = [ChallengeTheme(theme=t) for t in wanted]


def challenge_problems(data: dict) -> list[tuple[str, str]]:
    """What is wrong between the fields of a challenge (budget range, order of the deadlines), as
    (field, message), all at once. Views also ask it when a field is invalid, so that the form shows
    every problem in one go."""
    problems = []
    low, high = data.get("budget_min_cents"), data.get("budget_max_cents")
    if low is not None and high is not None and low > high:
        problems.append(("budget_max", _("The minimum budget is higher than the maximum.")))
    questions, submissions = data.get("questions_close_at"), data.get("submissions_close_at")
    if questions and submissions and questions > submissions:
        problems.append(("questions_close_at", _("Questions must close before (or when) submissions close.")))
    return problems


def _check_dates_and_budget(data: dict) -> None:
    problems = challenge_problems(data)
    if problems:
        raise ValidationFailed(problems[0][1], field=problems[0][0], problems=problems)


WEIGHTS_TOTAL = 100


def weights_total(rows: list[dict]) -> int:
    """The sum of the weights of the rows that have a name (the rows that become criteria)."""
    return sum(int(r.get("weight") or 0) for r in rows if (r.get("name") or "").strip())


def criteria_problems(rows: list[dict]) -> list[tuple[str | None, str]]:
    """Everything wrong with these criteria rows at once, as (field, message): `row:<i>:name` for a
    name used twice (i is the row's position, counting the empty rows too), `weights` for a total
    other than 100, None for a list without any criterion."""
    named = [(i, r) for i, r in enumerate(rows) if (r.get("name") or "").strip()]
    if not named:
        return [(None, _("Add at least one criterion."))]
    problems: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for index, row in named:
        key = row["name"].strip().lower()
        if key in seen:
            problems.append((f"row:{index}:name", _("Each criterion needs its own name.")))
        seen.add(key)
    total = weights_total(rows)
    if total != WEIGHTS_TOTAL:
        problems.append(("weights", _("The weights add up to %(total)d; they must add up to 100.", total=total)))
    return problems


def set_criteria(*, challenge: Challenge, user: User, rows: list[dict]) -> None:
    """Replace the criteria. Rows: name, description, weight. Weights must add up to 100; every problem
    is reported at once (`criteria_problems`)."""
    if not permissions.can_edit_challenge(user, challenge):
        raise InvalidState(_("The criteria are frozen once the challenge is published."))
    problems = criteria_problems(rows)
    if problems:
        raise ValidationFailed(problems[0][1], field=problems[0][0], problems=problems)
    rows = [r for r in rows if (r.get("name") or "").strip()]
    challenge.criteria.clear()
    db.session.flush()
    for position, row in enumerate(rows):
        challenge.criteria.append(
            Criterion(
                position=position,
                name=row["name"].strip(),
                key=rubric.key_for_name(row["name"]),  # a default name keeps following the reader
                description=(row.get("description") or "").strip(),
                weight=int(row.get("weight") or 0),
            )
        )
    db.session.flush()
    record_event(
        actor=user, action="challenge.criteria_set", subject=challenge,
        data={"criteria": [{"name": r["name"].strip(), "weight": int(r.get("weight") or 0)} for r in rows]},
    )


def publish_challenge(*, challenge: Challenge, user: User) -> None:
    if not permissions.is_lead_officer(user, challenge):
        raise NotAllowed(_("Only officers of the lead buyer can publish this challenge."))
    challenge = lock_row(Challenge, challenge.id)
    if challenge.status == ChallengeStatus.PUBLISHED:
        return  # a double click is harmless
    if not CHALLENGE.allows(challenge, "publish"):
        raise InvalidState(_("Only a draft can be published."))
    CHALLENGE.apply(challenge, "publish", actor=user, data={
        "submissions_close_at": challenge.submissions_close_at.isoformat() if challenge.submissions_close_at else None,
        "criteria": [{"name": c.name, "weight": c.weight} for c in challenge.criteria]})


def cancel_challenge(*, challenge: Challenge, user: User, reason: str) -> None:
    if not permissions.is_lead_officer(user, challenge):
        raise NotAllowed(_("Only officers of the lead buyer can cancel this challenge."))
    challenge = lock_row(Challenge, challenge.id)
    if challenge.status == ChallengeStatus.CANCELLED:
        return
    if not permissions.can_cancel_challenge(user, challenge):
        raise InvalidState(_("This challenge can no longer be cancelled."))
    reason = (reason or "").strip()
    if CHALLENGE.problems(challenge, "cancel", reason=reason):
        raise ValidationFailed(_("Explain in a sentence why the challenge is cancelled."), field="reason")
    was_public = challenge.is_public
    record_closing(challenge, actor=user)
    CHALLENGE.apply(challenge, "cancel", actor=user, reason=reason, data={"reason": reason})
    if was_public:
        for person in interested_users(challenge, exclude=user):
            mail_user(person, "challenge_cancelled", challenge=challenge, reason=reason)


def extend_deadline(*, challenge: Challenge, user: User, new_close_at: datetime, reason: str) -> DeadlineExtension:
    if not permissions.can_extend_deadline(user, challenge):
        raise InvalidState(_("Only the deadline of an open challenge can be extended."))
    old = challenge.submissions_close_at
    if new_close_at <= old:
        raise ValidationFailed(_("The new deadline must be later than the current one."), field="new_close_at")
    reason = reason.strip()
    if not reason:
        raise ValidationFailed(_("Give a reason; it is shown to everyone."), field="reason")
    extension = DeadlineExtension(
        challenge_id=challenge.id, old_close_at=old, new_close_at=new_close_at, reason=reason, created_by_id=user.id
    )
    db.session.add(extension)
    challenge.submissions_close_at = new_close_at
    db.session.flush()
    record_event(
        actor=user, action="challenge.deadline_extended", subject=challenge,
        data={"from": old.isoformat(), "to": new_close_at.isoformat(), "reason": reason},
    )
    for person in interested_users(challenge, exclude=user):
        mail_user(person, "deadline_extended", challenge=challenge, extension=extension)
    return extension


def close_due_challenges(*, now: datetime | None = None) -> list[Challenge]:
    """Record `closed` for published challenges past their deadline and tell their officers.

    Correctness never depends on this: `Challenge.current_status` already reports them closed.
    """
    now = now or utcnow()
    due = list(
        db.session.scalars(
            select(Challenge)
            .where(Challenge.status == ChallengeStatus.PUBLISHED, Challenge.submissions_close_at <= now)
            .with_for_update(skip_locked=True, of=Challenge)
        )
    )
    closed = []
    for challenge in due:
        challenge = lock_row(Challenge, challenge.id)
        if not CHALLENGE.can(challenge, "close"):
            continue  # another process recorded it first, or the deadline moved
        CHALLENGE.apply(challenge, "close", actor=None)
        closed.append(challenge)
        for officer in officers_of(challenge, "may_decide"):
            mail_user(officer, "challenge_closed", challenge=challenge)
    return closed


def toggle_saved(*, challenge: Challenge, user: User) -> bool:
    """Follow or unfollow a challenge. Returns whether it is saved now."""
    if not permissions.can_save_challenge(user, challenge):
        raise NotAllowed(_("Sign in to save challenges."))
    saved = _saved_row(challenge, user)
    if saved is not None:
        db.session.delete(saved)
        db.session.flush()
        return False
    db.session.add(SavedChallenge(user_id=user.id, challenge_id=challenge.id))
    db.session.flush()
    return True


def _saved_row(challenge: Challenge, user: User) -> SavedChallenge | None:
    return db.session.scalar(
        select(SavedChallenge).where(SavedChallenge.user_id == user.id, SavedChallenge.challenge_id == challenge.id)
    )


def is_saved(challenge: Challenge, user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and _saved_row(challenge, user) is not None


def interested_users(challenge: Challenge, exclude: User | None = None) -> list[User]:
    """Everyone who saved the challenge, asked a question about it, or works on a proposal for it."""
    from ..organisations.models import Membership
    from ..proposals.models import Proposal

    savers = select(SavedChallenge.user_id).where(SavedChallenge.challenge_id == challenge.id)
    askers = select(Question.asked_by_id).where(Question.challenge_id == challenge.id)
    applicants = (
        select(Membership.user_id)
        .join(Proposal, Proposal.startup_id == Membership.organisation_id)
        .where(Proposal.challenge_id == challenge.id, Proposal.status != ProposalStatus.WITHDRAWN)
    )
    query = (
        select(User)
        .where(User.active, or_(User.id.in_(savers), User.id.in_(askers), User.id.in_(applicants)))
        .order_by(User.id)
    )
    if exclude is not None:
        query = query.where(User.id != exclude.id)
    return list(db.session.scalars(query))


# --- reading -------------------------------------------------------------------------------------

def find_challenge(ref: str) -> Challenge | None:
    """By id or by slug: `/challenges/12` and `/challenges/slimme-afvalinzameling` both work."""
    if ref.isascii() and ref.isdigit():
        ident = parse_id(ref)
        return db.session.get(Challenge, ident) if ident else None
    return db.session.scalar(select(Challenge).where(Challenge.slug == ref))


def public_query() -> Select:
    return select(Challenge).where(Challenge.status.in_(PUBLIC_STATUSES))


def open_condition(now: datetime | None = None):
    now = now or utcnow()
    return (Challenge.status == ChallengeStatus.PUBLISHED) & (Challenge.submissions_close_at > now)


def search_public(
    *, text: str = "", theme: str = "", municipality: str = "", open_now: bool = False
) -> Select:
    query = public_query().join(Challenge.organisation)
    if theme:
        query = query.where(
            exists().where(ChallengeTheme.challenge_id == Challenge.id, ChallengeTheme.theme == theme)
        )
    if municipality:
        query = query.where(Organisation.slug == municipality)
    if open_now:
        query = query.where(open_condition())
    for word in text.split()[:8]:
        pattern = f"%{word.lower()}%"
        query = query.where(
            or_(
                func.lower(Challenge.title).like(pattern),
                func.lower(Challenge.summary).like(pattern),
                func.lower(Challenge.problem).like(pattern),
                func.lower(Organisation.name).like(pattern),
            )
        )
    # Open challenges first, the soonest deadline on top; then the rest, newest first.
    is_open = case((open_condition(), 0), else_=1)
    soonest = case((open_condition(), Challenge.submissions_close_at), else_=None)
    return query.order_by(is_open, soonest, Challenge.published_at.desc(), Challenge.id.desc())


def public_challenges_of(organisation: Organisation) -> list[Challenge]:
    return list(
        db.session.scalars(
            public_query().where(Challenge.organisation_id == organisation.id).order_by(Challenge.published_at.desc())
        )
    )


def challenges_managed_by(user: User) -> list[Challenge]:
    """The challenges of the user's municipalities: those they lead and those they co-own."""
    from ..collaboration.models import CoOwner

    org_ids = [m.organisation_id for m in user.memberships if m.organisation.is_municipality]
    if not org_ids:
        return []
    co_owned = select(CoOwner.challenge_id).where(CoOwner.organisation_id.in_(org_ids))
    return list(
        db.session.scalars(
            select(Challenge).where(or_(Challenge.organisation_id.in_(org_ids), Challenge.id.in_(co_owned)))
            .order_by(Challenge.updated_at.desc())
        )
    )


def saved_challenges(user: User) -> list[Challenge]:
    return list(
        db.session.scalars(
            select(Challenge)
            .join(SavedChallenge, SavedChallenge.challenge_id == Challenge.id)
            .where(SavedChallenge.user_id == user.id, Challenge.status.in_(PUBLIC_STATUSES))
            .order_by(Challenge.submissions_close_at)
        )
    )


def municipalities_with_public_challenges() -> list[Organisation]:
    return list(
        db.session.scalars(
            select(Organisation)
            .where(exists().where(Challenge.organisation_id == Organisation.id, Challenge.status.in_(PUBLIC_STATUSES)))
            .order_by(Organisation.name)
        )
    )
