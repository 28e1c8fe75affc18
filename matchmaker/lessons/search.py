""""Has anyone tried this?": published lessons and pilots, ranked by the matcher.

The "lessons" index of the matcher (kept in step by `recommendations.live`, like the startups and
challenges) holds one record per pilot, "pilot:<id>" (its title and goals, its challenge's keywords
and themes, and its lesson once published) and one per published lesson of a challenge that ended
without award, "lesson:<id>". An unpublished lesson adds nothing to any record, so its words are
never found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..challenges.models import Challenge
from ..extensions import db
from ..pilots.models import Pilot
from ..recommendations.records import challenge_record, theme_words
from .models import Lesson
from .services import PARTS

PILOT, LESSON = "pilot", "lesson"
SEARCH_WAIT = 0.2  # the public list says "try again" rather than wait long for a first build


def key(kind: str, ident: int) -> str:
    return f"{kind}:{ident}"


def parse_key(value: str) -> tuple[str, int] | None:
    kind, _sep, ident = str(value).partition(":")
    if kind in (PILOT, LESSON) and ident.isascii() and ident.isdigit():
        return kind, int(ident)
    return None


def lesson_text(lesson: Lesson | None) -> str:
    if lesson is None or not lesson.is_published:
        return ""
    return "\n".join(getattr(lesson, part) for part in PARTS if getattr(lesson, part))


def _tags(challenge: Challenge) -> list[str]:
    return list(challenge.keywords or []) + theme_words(challenge.themes)


def pilot_record(pilot: Pilot, lesson: Lesson | None) -> dict:
    text = "\n".join(part for part in (pilot.goals, lesson_text(lesson)) if part)
    return {"id": key(PILOT, pilot.id), "title": pilot.title, "text": text, "tags": _tags(pilot.challenge)}


def no_award_record(lesson: Lesson) -> dict | None:
    if not lesson.is_published:
        return None
    challenge = lesson.challenge
    text = "\n".join(part for part in (challenge.summary, lesson_text(lesson)) if part)
    return {"id": key(LESSON, lesson.id), "title": challenge.title, "text": text, "tags": _tags(challenge)}


# --- the loaders of the "lessons" index (see recommendations.services.loaders) --------------------------

def lesson_stamps(since: datetime | None) -> Iterable[tuple[str, datetime]]:
    """(key, last change) of every record changed since `since` (all of them with None)."""
    pilots = select(Pilot.id, Pilot.updated_at, Lesson.updated_at).outerjoin(Lesson, Lesson.pilot_id == Pilot.id)
    if since is not None:
        pilots = pilots.where(or_(Pilot.updated_at >= since, Lesson.updated_at >= since))
    for pilot_id, pilot_at, lesson_at in db.session.execute(pilots):
        yield key(PILOT, pilot_id), max(pilot_at, lesson_at) if lesson_at else pilot_at
    lessons = select(Lesson.id, Lesson.updated_at).where(Lesson.pilot_id.is_(None))
    if since is not None:
        lessons = lessons.where(Lesson.updated_at >= since)
    for lesson_id, lesson_at in db.session.execute(lessons):
        yield key(LESSON, lesson_id), lesson_at


def lesson_records(keys: list[str] | None) -> Iterable[tuple[str, dict | None]]:
    """(key, record) for the given keys (every record with None); None removes a record."""
    wanted = None if keys is None else [parsed for k in keys if (parsed := parse_key(k))]
    pilot_ids = None if wanted is None else [i for kind, i in wanted if kind == PILOT]
    lesson_ids = None if wanted is None else [i for kind, i in wanted if kind == LESSON]
    if pilot_ids is None or pilot_ids:
        query = select(Pilot).options(selectinload(Pilot.challenge))
        if pilot_ids is not None:
            query = query.where(Pilot.id.in_(pilot_ids))
        pilots = db.session.scalars(query).all()
        ids = [p.id for p in pilots]
        lessons = {lesson.pilot_id: lesson for lesson in db.session.scalars(
            select(Lesson).where(Lesson.pilot_id.in_(ids), Lesson.published_at.is_not(None)))} if ids else {}
        for pilot in pilots:
            yield key(PILOT, pilot.id), pilot_record(pilot, lessons.get(pilot.id))
        for missing in set(pilot_ids or []) - set(ids):
            yield key(PILOT, missing), None
    if lesson_ids is None or lesson_ids:
        query = select(Lesson).where(Lesson.pilot_id.is_(None)).options(selectinload(Lesson.challenge))
        if lesson_ids is not None:
            query = query.where(Lesson.id.in_(lesson_ids))
        found = db.session.scalars(query).all()
        for lesson in found:
            yield key(LESSON, lesson.id), no_award_record(lesson)
        for missing in set(lesson_ids or []) - {lesson.id for lesson in found}:
            yield key(LESSON, missing), None


# --- searching ----------------------------------------------------------------------------------------

@dataclass
class Found:
    """One result: a published lesson (of a pilot or of a challenge without award), or a pilot whose
    lesson is not published (yet); with the matcher's score and explanation."""

    score: float
    why: list[dict] = field(default_factory=list)
    lesson: Lesson | None = None
    pilot: Pilot | None = None

    @property
    def challenge(self) -> Challenge:
        return self.lesson.challenge if self.lesson is not None else self.pilot.challenge

    @property
    def title(self) -> str:
        return self.pilot.title if self.pilot is not None else self.challenge.title

    @property
    def municipality(self):
        return self.pilot.municipality if self.pilot is not None else self.lesson.organisation

    @property
    def language(self) -> str:
        return self.lesson.language if self.lesson is not None else self.challenge.language


def _load(results) -> list[Found]:
    """Results as `Found`, keeping the matcher's order; a lesson is shown only while it is published."""
    parsed = [(parse_key(r.id), r) for r in results or []]
    pilot_ids = [p[1] for p, _r in parsed if p and p[0] == PILOT]
    lesson_ids = [p[1] for p, _r in parsed if p and p[0] == LESSON]
    pilots = {p.id: p for p in db.session.scalars(select(Pilot).where(Pilot.id.in_(pilot_ids)))} if pilot_ids else {}
    pilot_lessons = {lesson.pilot_id: lesson for lesson in db.session.scalars(
        select(Lesson).where(Lesson.pilot_id.in_(pilot_ids), Lesson.published_at.is_not(None)))} if pilot_ids else {}
    lessons = {lesson.id: lesson for lesson in db.session.scalars(
        select(Lesson).where(Lesson.id.in_(lesson_ids), Lesson.published_at.is_not(None)))} if lesson_ids else {}
    found = []
    for parsed_key, result in parsed:
        if parsed_key is None:
            continue
        kind, ident = parsed_key
        if kind == PILOT and ident in pilots:
            found.append(Found(result.score, result.why, pilot_lessons.get(ident), pilots[ident]))
        elif kind == LESSON and ident in lessons:
            found.append(Found(result.score, result.why, lessons[ident], None))
    return found


def _published_keys(outcome: str = "", reusable: bool = False) -> list[str]:
    from .services import published_lessons

    rows = db.session.execute(published_lessons(outcome=outcome, reusable=reusable)
                              .with_only_columns(Lesson.id, Lesson.pilot_id)).all()
    return [key(PILOT, pilot_id) if pilot_id else key(LESSON, lesson_id) for lesson_id, pilot_id in rows]


def search(text: str, *, outcome: str = "", reusable: bool = False, top: int = 50,
           wait: float = SEARCH_WAIT) -> list[Found] | None:
    """Published lessons and pilots that fit a free-text question, best first, typos and Dutch
    compounds forgiven. With a filter (outcome, reusable) only published lessons that pass it. None
    while the matcher's index is still being built."""
    from ..recommendations.services import rank_lessons

    text = (text or "").strip()
    if not text:
        return []
    only = _published_keys(outcome, reusable) if (outcome or reusable) else None
    if only is not None and not only:
        return []
    results = rank_lessons({"title": text, "text": "", "tags": []}, top=top, only=only, wait=wait)
    return None if results is None else _load(results)


def fitting_challenge(challenge: Challenge, limit: int = 4) -> list[Found]:
    """Lessons and pilots of other challenges that fit this one (shown beside "similar challenges
    elsewhere" while the officer drafts it)."""
    from ..recommendations.services import rank_lessons

    own = [key(PILOT, i) for i in db.session.scalars(select(Pilot.id).where(Pilot.challenge_id == challenge.id))]
    own += [key(LESSON, i) for i in db.session.scalars(select(Lesson.id).where(Lesson.challenge_id == challenge.id))]
    results = rank_lessons(challenge_record(challenge), top=limit, exclude=own)
    return _load(results)
