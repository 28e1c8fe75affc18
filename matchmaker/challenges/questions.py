"""Questions and answers on a challenge. The public page shows answers, never who asked."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..collaboration.officers import officers_of
from ..db_types import utcnow
from ..enums import OrgKind
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..mail.services import mail_user
from ..organisations.permissions import organisations_of
from . import permissions
from .models import Challenge, Question
from .services import interested_users

MAX_LENGTH = 2000


def _clean(text: str, field: str) -> str:
    text = (text or "").strip()
    if len(text) < 5:
        raise ValidationFailed(_("Write at least a short sentence."), field=field)
    if len(text) > MAX_LENGTH:
        raise ValidationFailed(_("Use at most %(n)d characters.", n=MAX_LENGTH), field=field)
    return text


def ask_question(*, challenge: Challenge, user: User, text: str) -> Question:
    if not permissions.can_ask_question(user, challenge):
        if challenge.is_public and not challenge.questions_open:
            raise InvalidState(_("The question period for this challenge has ended."))
        raise NotAllowed(_("Only members of a startup with a confirmed e-mail address can ask questions."))
    text = _clean(text, "text")
    duplicate = db.session.scalar(
        select(Question).where(
            Question.challenge_id == challenge.id, Question.asked_by_id == user.id, Question.text == text
        )
    )
    if duplicate is not None:
        return duplicate  # a double submit asks once
    startup = organisations_of(user, OrgKind.STARTUP)[0]
    question = Question(challenge_id=challenge.id, asked_by_id=user.id, organisation_id=startup.id, text=text)
    db.session.add(question)
    db.session.flush()
    record_event(actor=user, action="question.asked", subject=question, data={"challenge_id": challenge.id})
    for officer in officers_of(challenge, "may_answer_questions"):
        mail_user(officer, "question_asked", challenge=challenge, question=question)
    return question


def answer_question(*, question: Question, user: User, answer: str) -> None:
    challenge = question.challenge
    if not permissions.can_answer_questions(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can answer questions."))
    if question.is_clarification:
        raise InvalidState(_("A clarification has no answer."))
    first_answer = question.answer is None
    question.answer = _clean(answer, "answer")
    question.answered_by_id = user.id
    question.answered_at = utcnow()
    question.published = True
    db.session.flush()
    record_event(actor=user, action="question.answered", subject=question, data={"challenge_id": challenge.id})
    if first_answer:
        for person in interested_users(challenge, exclude=user):
            mail_user(person, "question_answered", challenge=challenge, question=question)


def post_clarification(*, challenge: Challenge, user: User, text: str) -> Question:
    if not permissions.can_answer_questions(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can post clarifications."))
    text = _clean(text, "text")
    duplicate = db.session.scalar(
        select(Question).where(
            Question.challenge_id == challenge.id, Question.is_clarification.is_(True), Question.text == text
        )
    )
    if duplicate is not None:
        return duplicate
    clarification = Question(
        challenge_id=challenge.id, text=text, is_clarification=True, published=True,
        answered_by_id=user.id, answered_at=utcnow(),
    )
    db.session.add(clarification)
    db.session.flush()
    record_event(actor=user, action="challenge.clarified", subject=challenge, data={"question_id": clarification.id})
    for person in interested_users(challenge, exclude=user):
        mail_user(person, "clarification_posted", challenge=challenge, question=clarification)
    return clarification


def published_questions(challenge: Challenge) -> list[Question]:
    return [q for q in challenge.questions if q.published]


def open_questions(challenge: Challenge) -> list[Question]:
    return [q for q in challenge.questions if not q.published and not q.is_clarification]


def questions_asked_by(challenge: Challenge, user) -> list[Question]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [q for q in challenge.questions if q.asked_by_id == user.id]
