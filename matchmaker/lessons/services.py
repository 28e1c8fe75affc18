"""Lessons: written by the officers of the municipality after a pilot's gate (continued or stopped) or
after a challenge that ended without award; published when the municipality decides so. The outcome
is derived from what happened, never typed. Each service checks its predicate, audits and flushes;
the view commits."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import Select, select

from ..audit.services import record_event
from ..challenges.models import Challenge
from ..challenges.services import challenges_managed_by
from ..database import lock_row
from ..db_types import utcnow
from ..enums import LessonOutcome, OrgKind, PilotStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..organisations.permissions import organisations_of
from ..pilots.models import DECIDED, Pilot
from . import permissions
from .models import Lesson

PARTS = ("context", "expected", "happened", "differently", "advice")
LANGUAGES = ("nl", "en")
MAX_PART = 5000


def part_labels() -> dict[str, str]:
    return {"context": _("Context"), "expected": _("What we expected"), "happened": _("What happened"),
            "differently": _("What we would do differently"), "advice": _("Advice for another municipality")}


def outcome_labels() -> dict[str, str]:
    return {LessonOutcome.CONTINUED: _("Continued to a contract"), LessonOutcome.STOPPED: _("Stopped"),
            LessonOutcome.NO_AWARD: _("Ended without award")}


# --- the outcome, derived ----------------------------------------------------------------------------

def outcome_of_pilot(pilot: Pilot) -> LessonOutcome | None:
    """The outcome a pilot's lesson records: its gate decision; None before the gate."""
    return {PilotStatus.CONTINUED: LessonOutcome.CONTINUED, PilotStatus.STOPPED: LessonOutcome.STOPPED}.get(
        pilot.status)


def outcome_of_challenge(challenge: Challenge) -> LessonOutcome | None:
    return LessonOutcome.NO_AWARD if permissions.ended_without_award(challenge) else None


# --- reading -------------------------------------------------------------------------------------------

def lesson_of_pilot(pilot: Pilot) -> Lesson | None:
    return db.session.scalar(select(Lesson).where(Lesson.pilot_id == pilot.id))


def lesson_of_challenge(challenge: Challenge) -> Lesson | None:
    """The lesson of a challenge that ended without award (a pilot's lesson belongs to its pilot)."""
    return db.session.scalar(select(Lesson).where(Lesson.challenge_id == challenge.id, Lesson.pilot_id.is_(None)))


def published_lessons(*, outcome: str = "", reusable: bool = False) -> Select:
    """Published lessons, newest first, optionally of one outcome or only reusable solutions."""
    query = select(Lesson).where(Lesson.published_at.is_not(None))
    if outcome in {o.value for o in LessonOutcome}:
        query = query.where(Lesson.outcome == LessonOutcome(outcome))
    if reusable:
        query = query.where(Lesson.reusable.is_(True))
    return query.order_by(Lesson.published_at.desc(), Lesson.id.desc())


def lessons_of(user) -> list[Lesson]:
    """The lessons of the user's municipalities (drafts and published), most recently changed first."""
    org_ids = [o.id for o in organisations_of(user, OrgKind.MUNICIPALITY)]
    if not org_ids:
        return []
    return list(db.session.scalars(select(Lesson).where(Lesson.organisation_id.in_(org_ids))
                                   .order_by(Lesson.updated_at.desc(), Lesson.id.desc())))


@dataclass
class ToWrite:
    """A pilot past its gate, or a challenge that ended without award, whose lesson is missing or not
    published yet."""

    challenge: Challenge
    pilot: Pilot | None
    lesson: Lesson | None

    @property
    def title(self) -> str:
        return self.pilot.title if self.pilot is not None else self.challenge.title


def lessons_to_write(user) -> list[ToWrite]:
    """For the officer's to-do list: missing lessons first, then drafts not yet published."""
    managed = challenges_managed_by(user)
    if not managed:
        return []
    items: list[ToWrite] = []
    ended = [c for c in managed if permissions.can_write_challenge_lesson(user, c)]
    pilots = db.session.scalars(select(Pilot).where(Pilot.challenge_id.in_([c.id for c in managed]),
                                                    Pilot.status.in_(DECIDED)).order_by(Pilot.decided_at)).all()
    for pilot in pilots:
        if permissions.can_write_pilot_lesson(user, pilot):
            lesson = lesson_of_pilot(pilot)
            if lesson is None or not lesson.is_published:
                items.append(ToWrite(pilot.challenge, pilot, lesson))
    for challenge in ended:
        lesson = lesson_of_challenge(challenge)
        if lesson is None or not lesson.is_published:
            items.append(ToWrite(challenge, None, lesson))
    items.sort(key=lambda item: item.lesson is not None)
    return items


# --- writing -------------------------------------------------------------------------------------------

def _clean(data: dict) -> dict:
    values = {part: (data.get(part) or "").strip() for part in PARTS}
    too_long = [part for part, text in values.items() if len(text) > MAX_PART]
    if too_long:
        raise ValidationFailed(_("Keep each part under %(n)d characters.", n=MAX_PART), field=too_long[0])
    if not any(values.values()):
        raise ValidationFailed(_("Write at least one part of the lesson; you can complete it later."),
                               field="context")
    language = data.get("language")
    values["language"] = language if language in LANGUAGES else "nl"
    values["reusable"] = bool(data.get("reusable"))
    return values


def _apply(lesson: Lesson, values: dict) -> list[str]:
    changed = [name for name, value in values.items() if getattr(lesson, name) != value]
    for name in changed:
        setattr(lesson, name, values[name])
    return changed


def write_pilot_lesson(*, pilot: Pilot, user, data: dict) -> Lesson:
    """Write the lesson of a pilot that reached the gate. A pilot has one lesson: writing again (a
    double submit, a colleague at the same time) edits the one that exists."""
    if not permissions.can_write_pilot_lesson(user, pilot):
        raise NotAllowed(_("The municipality's officers write the lesson once the pilot is decided."))
    values = _clean(data)
    pilot = lock_row(Pilot, pilot.id)
    existing = lesson_of_pilot(pilot)
    if existing is not None:
        return edit_lesson(lesson=existing, user=user, data=data)
    lesson = Lesson(challenge_id=pilot.challenge_id, pilot_id=pilot.id, organisation_id=pilot.municipality_id,
                    outcome=outcome_of_pilot(pilot), created_by_id=user.id, **values)
    return _created(lesson, user)


def write_challenge_lesson(*, challenge: Challenge, user, data: dict) -> Lesson:
    """Write the lesson of a challenge that ended without award (one per challenge)."""
    if not permissions.can_write_challenge_lesson(user, challenge):
        raise NotAllowed(_("The municipality's officers write this lesson once the challenge ended without award."))
    values = _clean(data)
    challenge = lock_row(Challenge, challenge.id)
    existing = lesson_of_challenge(challenge)
    if existing is not None:
        return edit_lesson(lesson=existing, user=user, data=data)
    lesson = Lesson(challenge_id=challenge.id, pilot_id=None, organisation_id=challenge.organisation_id,
                    outcome=LessonOutcome.NO_AWARD, created_by_id=user.id, **values)
    return _created(lesson, user)


def _created(lesson: Lesson, user) -> Lesson:
    db.session.add(lesson)
    db.session.flush()
    record_event(actor=user, action="lesson.written", subject=lesson,
                 data={"outcome": lesson.outcome.value, "pilot_id": lesson.pilot_id, "language": lesson.language})
    return lesson


def edit_lesson(*, lesson: Lesson, user, data: dict) -> Lesson:
    if not permissions.can_edit_lesson(user, lesson):
        raise NotAllowed(_("Only the municipality's officers can change this lesson."))
    values = _clean(data)
    lesson = lock_row(Lesson, lesson.id)
    derived = outcome_of_pilot(lesson.pilot) if lesson.pilot is not None else LessonOutcome.NO_AWARD
    if derived is not None:
        values["outcome"] = derived
    changed = _apply(lesson, values)
    db.session.flush()
    if changed:
        record_event(actor=user, action="lesson.edited", subject=lesson, data={"changed": sorted(changed)})
    return lesson


def publication_problems(lesson: Lesson) -> list[str]:
    """What a lesson lacks before it can be published: every part written."""
    labels = part_labels()
    missing = [labels[part] for part in PARTS if not (getattr(lesson, part) or "").strip()]
    if missing:
        return [_("Fill in before publishing: %(parts)s.", parts=", ".join(missing))]
    return []


def publish_lesson(*, lesson: Lesson, user) -> Lesson:
    """The municipality publishes its lesson: from now on anyone can read it and the matcher finds it."""
    if not permissions.is_lesson_officer(user, lesson):
        raise NotAllowed(_("Only the municipality's officers decide whether this lesson is published."))
    lesson = lock_row(Lesson, lesson.id)
    if lesson.is_published:
        return lesson  # a double click is harmless
    problems = publication_problems(lesson)
    if problems:
        raise InvalidState(problems[0])
    lesson.published_at = utcnow()
    db.session.flush()
    record_event(actor=user, action="lesson.published", subject=lesson, data={"outcome": lesson.outcome.value})
    return lesson


def unpublish_lesson(*, lesson: Lesson, user) -> Lesson:
    if not permissions.is_lesson_officer(user, lesson):
        raise NotAllowed(_("Only the municipality's officers decide whether this lesson is published."))
    lesson = lock_row(Lesson, lesson.id)
    if not lesson.is_published:
        return lesson
    lesson.published_at = None
    db.session.flush()
    record_event(actor=user, action="lesson.unpublished", subject=lesson, data={"outcome": lesson.outcome.value})
    return lesson
