"""The dashboard's to-do lists, computed by `matchmaker.main.todo`: exact counts per role."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.audit.services import record_event
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.evaluation import decisions
from matchmaker.main import todo

from . import worlds


@pytest.fixture
def officer_world(make):
    return worlds.officer_world(make)


def test_officer_sees_exactly_what_waits(officer_world):
    w = officer_world
    result = todo.officer_todo(w["officer"])
    assert [(i.challenge.title, i.count) for i in result.questions] == [("Afval", 2), ("Bomen", 1)]
    assert [(i.challenge.title, i.count) for i in result.closing] == [("Afval", 2)]
    assert [(i.challenge.title, i.unread, i.total) for i in result.readable] == [
        ("Hitte", 2, 3), ("Laadpalen", 2, 2)]
    assert [(p.challenge.title, p.expected, p.submitted, p.outstanding, p.members) for p in result.reviews] == [
        ("Hitte", 5, 3, 2, 2), ("Laadpalen", 0, 0, 0, 0)]
    assert result.reviews[0].due_at == w["closed"].reviews_due_at and not result.reviews[0].overdue
    assert [(i.challenge.title, i.count) for i in result.decisions] == [("Parkeren", 2)]
    assert not result.empty


def test_officer_list_follows_the_work(officer_world, make):
    """Answering, reading and releasing take items off the list."""
    from matchmaker.challenges.questions import answer_question, open_questions

    w = officer_world
    for question in open_questions(w["later"]):
        answer_question(question=question, user=w["officer"], answer="Dat kan.")
    for proposal in w["closed_proposals"]:
        record_event(actor=w["officer"], action="proposal.viewed", subject=proposal, data={"what": "page"})
    decisions.release_decisions(challenge=w["deciding"], user=w["officer"])
    result = todo.officer_todo(w["officer"])
    assert [i.challenge.title for i in result.questions] == ["Afval"]
    assert [i.challenge.title for i in result.readable] == ["Laadpalen"]
    assert result.decisions == []


def test_another_officer_reads_for_themselves_and_others_see_nothing(officer_world, make):
    colleague = make.officer(officer_world["municipality"])
    assert [(i.challenge.title, i.unread) for i in todo.officer_todo(colleague).readable] == [
        ("Parkeren", 3), ("Hitte", 3), ("Laadpalen", 2)]
    stranger = make.officer()
    assert todo.officer_todo(stranger).empty


def test_overdue_panel_is_flagged(officer_world):
    officer_world["closed"].reviews_due_at = utcnow() - timedelta(hours=1)
    progress = todo.officer_todo(officer_world["officer"]).reviews[0]
    assert progress.challenge.title == "Hitte" and progress.overdue


@pytest.fixture
def evaluator_world(make):
    return worlds.evaluator_world(make)


def test_evaluator_sees_invitations_and_proposals_to_score(evaluator_world):
    w = evaluator_world
    result = todo.evaluator_todo(w["evaluator"])
    assert [(i.challenge.title, i.inviter.name) for i in result.invitations] == [("Uitnodiging open", "Femke Huizinga")]
    assert [(s.challenge.title, s.to_score, s.to_declare, s.drafts, s.total) for s in result.work] == [
        ("Scoren", 2, 1, 1, 3)]
    assert result.work[0].due_at == w["scoring_seat"].challenge.reviews_due_at
    assert [seat.challenge.title for seat in result.waiting] == ["Nog dicht"]
    assert [s.challenge.title for s in result.done] == ["Klaar"]
    assert result.has_role and not result.empty


def test_accepted_invitation_leaves_the_list(evaluator_world):
    from matchmaker.evaluation.panel import accept_invited_seat

    w = evaluator_world
    accept_invited_seat(seat=w["pending"], user=w["evaluator"])
    assert todo.evaluator_todo(w["evaluator"]).invitations == []


def test_someone_without_seats_has_no_evaluator_role(make):
    result = todo.evaluator_todo(make.user())
    assert not result.has_role and result.empty


def test_an_evaluator_of_finished_panels_keeps_the_role(make):
    evaluator = make.user()
    make.seat(challenge=make.challenge(status=ChallengeStatus.DECIDED, days_open=-30), user=evaluator)
    make.seat(challenge=make.challenge(status=ChallengeStatus.CANCELLED), user=evaluator)
    result = todo.evaluator_todo(evaluator)
    assert result.past == 2 and result.has_role and result.empty and not result.work and not result.waiting


@pytest.fixture
def startup_world(make):
    return worlds.startup_world(make)


def test_startup_sees_drafts_soonest_first_then_submitted_and_outcomes(startup_world):
    result = todo.startup_todo(startup_world["member"], recommend=False)
    assert [p.challenge.title for p in result.drafts] == ["Binnenkort", "Later"]
    assert [p.challenge.title for p in result.submitted] == ["Ingediend open", "Ingetrokken open", "Ingediend dicht"]
    assert [(o.proposal.challenge.title, o.decision.outcome.value) for o in result.outcomes] == [
        ("Afgewezen", "rejected")]
    assert result.for_you == []


def test_challenges_for_a_startup_leave_out_answered_and_closed_ones(startup_world):
    result = todo.startup_todo(startup_world["member"])
    [(startup, matches)] = result.for_you
    titles = [m.item.title for m in matches]
    assert startup.name == "Regenwinst"
    assert "Regenwater in tuinen" in titles
    assert not {"Later", "Binnenkort", "Voorbij", "Ingediend open", "Ingetrokken open"} & set(titles)
