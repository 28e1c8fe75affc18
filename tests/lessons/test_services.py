"""Lesson services: write, edit, publish, unpublish; the outcome is derived; one lesson per pilot and per
challenge without award (the services and the database both hold to it); every action audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.enums import ChallengeStatus, LessonOutcome
from matchmaker.errors import InvalidState, NotAllowed, ValidationFailed
from matchmaker.extensions import db
from matchmaker.lessons import services
from matchmaker.lessons.models import Lesson

from .conftest import FULL, decided_pilot, no_award_challenge, write


def actions(lesson):
    return [e.action for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.subject_type == "lessons", AuditEvent.subject_id == lesson.id)
        .order_by(AuditEvent.id))]


def test_a_continued_pilots_lesson_records_the_outcome_from_the_gate(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    lesson = write(pilot, officer, language="en", reusable=False)
    assert lesson.outcome == LessonOutcome.CONTINUED
    assert (lesson.pilot_id, lesson.challenge_id, lesson.organisation_id) == (
        pilot.id, pilot.challenge_id, pilot.municipality_id)
    assert (lesson.context, lesson.advice, lesson.reusable, lesson.language) == (
        FULL["context"], FULL["advice"], False, "en")
    assert lesson.published_at is None and lesson.created_by_id == officer.id
    assert actions(lesson) == ["lesson.written"]


def test_a_stopped_pilot_and_a_challenge_without_award_have_their_own_outcomes(make):
    stopped = decided_pilot(make, move="stop")
    officer = stopped.municipality.memberships[0].user
    assert write(stopped, officer).outcome == LessonOutcome.STOPPED
    challenge = no_award_challenge(make, organisation=stopped.municipality)
    assert write(challenge, officer).outcome == LessonOutcome.NO_AWARD
    cancelled = make.challenge(organisation=stopped.municipality, status=ChallengeStatus.CANCELLED)
    assert write(cancelled, officer).outcome == LessonOutcome.NO_AWARD


def test_the_outcome_cannot_be_typed(make):
    pilot = decided_pilot(make, move="stop")
    officer = pilot.municipality.memberships[0].user
    lesson = write(pilot, officer, outcome="continued")
    services.edit_lesson(lesson=lesson, user=officer, data={**FULL, "outcome": "no_award"})
    assert lesson.outcome == LessonOutcome.STOPPED


def test_no_lesson_before_the_gate_or_for_a_challenge_that_did_not_end_without_award(make):
    running = make.pilot(started=True)
    officer = running.municipality.memberships[0].user
    with pytest.raises(NotAllowed):
        write(running, officer)
    for challenge in (make.challenge(organisation=running.municipality),  # open
                      running.challenge,  # decided with an award
                      make.challenge(organisation=running.municipality, status=ChallengeStatus.DRAFT)):
        with pytest.raises(NotAllowed):
            write(challenge, officer)
    cancelled_draft = make.challenge(organisation=running.municipality, status=ChallengeStatus.CANCELLED)
    cancelled_draft.published_at = None
    with pytest.raises(NotAllowed):
        write(cancelled_draft, officer)
    assert db.session.scalar(select(db.func.count(Lesson.id))) == 0


@pytest.mark.parametrize("who", ["other_officer", "startup", "evaluator", "admin"])
def test_only_the_municipalitys_officers_write_edit_and_publish(lessons_world, who):
    user = lessons_world["users"][who]
    with pytest.raises(NotAllowed):
        write(lessons_world["stopped"], user)
    with pytest.raises(NotAllowed):
        write(lessons_world["cancelled"], user)
    draft = lessons_world["draft"]
    with pytest.raises(NotAllowed):
        services.edit_lesson(lesson=draft, user=user, data=FULL)
    with pytest.raises(NotAllowed):
        services.publish_lesson(lesson=draft, user=user)
    with pytest.raises(NotAllowed):
        services.unpublish_lesson(lesson=lessons_world["published"], user=user)
    assert draft.published_at is None and lessons_world["published"].published_at is not None


def test_one_lesson_per_pilot_writing_again_edits_it(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    colleague = make.officer(pilot.municipality)
    first = write(pilot, officer)
    second = write(pilot, colleague, advice="Neem de chauffeurs mee vanaf dag één.")
    assert second.id == first.id and second.advice == "Neem de chauffeurs mee vanaf dag één."
    assert db.session.scalar(select(db.func.count(Lesson.id))) == 1
    assert actions(first) == ["lesson.written", "lesson.edited"]


def test_one_lesson_per_challenge_writing_again_edits_it(make):
    officer = make.officer()
    challenge = no_award_challenge(make, organisation=officer.memberships[0].organisation)
    first = write(challenge, officer)
    assert write(challenge, officer, context="Anders.").id == first.id
    assert db.session.scalar(select(db.func.count(Lesson.id))) == 1


def test_the_database_holds_one_lesson_per_pilot(make):
    pilot = decided_pilot(make)
    write(pilot, pilot.municipality.memberships[0].user)
    commit()
    db.session.add(Lesson(challenge_id=pilot.challenge_id, pilot_id=pilot.id, organisation_id=pilot.municipality_id,
                          outcome=LessonOutcome.CONTINUED, context="twice"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_database_holds_one_lesson_per_challenge_without_award(make):
    officer = make.officer()
    challenge = no_award_challenge(make, organisation=officer.memberships[0].organisation)
    write(challenge, officer)
    commit()
    db.session.add(Lesson(challenge_id=challenge.id, pilot_id=None, organisation_id=challenge.organisation_id,
                          outcome=LessonOutcome.NO_AWARD, context="twice"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_database_refuses_a_pilot_lesson_marked_no_award(make):
    pilot = decided_pilot(make)
    db.session.add(Lesson(challenge_id=pilot.challenge_id, pilot_id=pilot.id, organisation_id=pilot.municipality_id,
                          outcome=LessonOutcome.NO_AWARD))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_an_empty_lesson_is_refused_with_a_message(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    with pytest.raises(ValidationFailed) as refused:
        write(pilot, officer, context=" ", expected="", happened="", differently="", advice="")
    assert refused.value.message == "Write at least one part of the lesson; you can complete it later."
    with pytest.raises(ValidationFailed) as refused:
        write(pilot, officer, happened="x" * 5001)
    assert refused.value.problems == [("happened", "Keep each part under 5000 characters.")]


def test_an_unknown_language_falls_back_to_dutch(make):
    pilot = decided_pilot(make)
    assert write(pilot, pilot.municipality.memberships[0].user, language="de").language == "nl"


def test_edit_changes_the_parts_and_audits_what_changed(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    lesson = write(pilot, officer)
    services.edit_lesson(lesson=lesson, user=officer, data={**FULL, "advice": "Meet vanaf dag één.", "reusable": False})
    assert (lesson.advice, lesson.reusable) == ("Meet vanaf dag één.", False)
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "lesson.edited")).one()
    assert event.data == {"changed": ["advice", "reusable"]}
    services.edit_lesson(lesson=lesson, user=officer, data={**FULL, "advice": "Meet vanaf dag één.", "reusable": False})
    assert actions(lesson) == ["lesson.written", "lesson.edited"]  # nothing changed: nothing recorded


def test_publishing_needs_every_part_and_is_harmless_twice(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    lesson = write(pilot, officer, expected="", advice="")
    assert services.publication_problems(lesson) == [
        "Fill in before publishing: What we expected, Advice for another municipality."]
    with pytest.raises(InvalidState):
        services.publish_lesson(lesson=lesson, user=officer)
    assert lesson.published_at is None
    services.edit_lesson(lesson=lesson, user=officer, data=FULL)
    services.publish_lesson(lesson=lesson, user=officer)
    published_at = lesson.published_at
    assert published_at is not None
    services.publish_lesson(lesson=lesson, user=officer)
    assert lesson.published_at == published_at
    assert actions(lesson) == ["lesson.written", "lesson.edited", "lesson.published"]


def test_unpublishing_takes_it_off_and_is_harmless_twice(make):
    pilot = decided_pilot(make)
    officer = pilot.municipality.memberships[0].user
    lesson = write(pilot, officer)
    services.publish_lesson(lesson=lesson, user=officer)
    services.unpublish_lesson(lesson=lesson, user=officer)
    services.unpublish_lesson(lesson=lesson, user=officer)
    assert lesson.published_at is None
    assert actions(lesson) == ["lesson.written", "lesson.published", "lesson.unpublished"]
    assert db.session.scalars(services.published_lessons()).all() == []


def test_published_lessons_newest_first_and_filtered(lessons_world, make):
    officer = lessons_world["users"]["officer"]
    stopped = write(lessons_world["stopped"], officer, reusable=False)
    services.publish_lesson(lesson=stopped, user=officer)
    newest_first = db.session.scalars(services.published_lessons()).all()
    assert newest_first == [stopped, lessons_world["published"]]
    assert db.session.scalars(services.published_lessons(outcome="stopped")).all() == [stopped]
    assert db.session.scalars(services.published_lessons(reusable=True)).all() == [lessons_world["published"]]
    assert db.session.scalars(services.published_lessons(outcome="no_award")).all() == []
    assert db.session.scalars(services.published_lessons(outcome="bogus")).all() == newest_first


def test_the_officers_to_do_names_missing_lessons_first_then_drafts(lessons_world):
    officer = lessons_world["users"]["officer"]
    items = services.lessons_to_write(officer)
    assert [(i.pilot, i.challenge, i.lesson) for i in items] == [
        (lessons_world["stopped"], lessons_world["stopped"].challenge, None),
        (None, lessons_world["cancelled"], None),
        (None, lessons_world["no_award"], lessons_world["draft"]),
    ]
    assert services.lessons_to_write(lessons_world["users"]["other_officer"]) == []
    assert services.lessons_to_write(lessons_world["users"]["startup"]) == []
