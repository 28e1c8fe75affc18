"""The dashboard's to-do lists, computed by `matchmaker.main.todo`: exact counts per role."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.audit.services import record_event
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, DecisionOutcome, Discipline, ProposalStatus
from matchmaker.evaluation import decisions
from matchmaker.main import todo


@pytest.fixture
def officer_world(make):
    """One officer's municipality with challenges in every situation the officer's list knows, and
    another municipality whose work must not appear."""
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, name="Anna de Boer")
    asker = make.startup_member()
    w = {"officer": officer, "municipality": municipality}

    # open, closing in 3 days: two questions waiting, one answered, a clarification; two submitted, one draft
    w["closing"] = closing = make.challenge(organisation=municipality, title="Afval", days_open=3)
    make.question(challenge=closing, asked_by=asker, text="Vraag een")
    make.question(challenge=closing, asked_by=asker, text="Vraag twee")
    make.question(challenge=closing, asked_by=asker, text="Beantwoord", answer="Ja.")
    make.question(challenge=closing, text="Verduidelijking").is_clarification = True
    make.proposal(challenge=closing)
    make.proposal(challenge=closing)
    make.proposal(challenge=closing, status=ProposalStatus.DRAFT)

    # open, closing in 20 days: one question waiting; not closing this week
    w["later"] = later = make.challenge(organisation=municipality, title="Bomen", days_open=20)
    make.question(challenge=later, asked_by=asker)

    # closed with a panel: 3 proposals (and one withdrawn), two active seats, one pending, one revoked
    w["closed"] = closed = make.challenge(organisation=municipality, title="Hitte", days_open=-2)
    closed.reviews_due_at = utcnow() + timedelta(days=5)
    proposals = [make.proposal(challenge=closed) for _ in range(3)]
    make.proposal(challenge=closed, status=ProposalStatus.WITHDRAWN)
    first, second = make.seat(challenge=closed), make.seat(challenge=closed, discipline=Discipline.IT)
    make.seat(challenge=closed, accepted=False)
    gone = make.seat(challenge=closed)
    gone.revoked_at = utcnow()
    make.review(seat=gone, proposal=proposals[0], values=[3] * 5)  # a removed evaluator does not count
    make.review(seat=first, proposal=proposals[0], values=[3] * 5)
    make.review(seat=first, proposal=proposals[1], values=[4] * 5)
    make.review(seat=first, proposal=proposals[2], values=[2] * 5, submitted=False)
    make.declaration(seat=second, proposal=proposals[0], conflict="personal")
    make.review(seat=second, proposal=proposals[1], values=[3] * 5)
    record_event(actor=officer, action="proposal.viewed", subject=proposals[0], data={"what": "page"})
    record_event(actor=officer, action="proposal.viewed", subject=proposals[0], data={"what": "csv"})
    w["closed_proposals"] = proposals

    # closed, two proposals, nobody on the panel
    w["no_panel"] = make.challenge(organisation=municipality, title="Laadpalen", days_open=-1)
    make.proposal(challenge=w["no_panel"])
    make.proposal(challenge=w["no_panel"])

    # evaluating: two prepared decisions, one prepared and withdrawn again, all proposals read
    w["deciding"] = deciding = make.challenge(organisation=municipality, title="Parkeren", days_open=-10)
    ready = [make.proposal(challenge=deciding) for _ in range(3)]
    for proposal in ready:
        record_event(actor=officer, action="proposal.viewed", subject=proposal, data={"what": "page"})
    seat = make.seat(challenge=deciding)
    for proposal in ready:
        make.review(seat=seat, proposal=proposal, values=[3] * 5)
    for proposal in ready[:2]:
        decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED,
                                   motivation="Past niet bij de vraag.")
    decisions.prepare_decision(proposal=ready[2], user=officer, outcome=DecisionOutcome.AWARDED, motivation="Goed.")
    decisions.withdraw_decision(proposal=ready[2], user=officer)

    # cancelled with a question, a draft, a decided challenge: none of them asks for anything
    cancelled = make.challenge(organisation=municipality, title="Geschrapt", status=ChallengeStatus.CANCELLED)
    make.question(challenge=cancelled, asked_by=asker)
    make.challenge(organisation=municipality, title="Concept", status=ChallengeStatus.DRAFT, days_open=2)
    make.challenge(organisation=municipality, title="Besloten", status=ChallengeStatus.DECIDED, days_open=-30)

    # another municipality's challenge closing tomorrow with a question
    elsewhere = make.challenge(title="Elders", days_open=1)
    make.question(challenge=elsewhere, asked_by=asker)
    return w


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
    municipality = make.municipality(name="Gemeente Groningen")
    inviter = make.officer(municipality, name="Femke Huizinga")
    evaluator = make.user(email="eva@example.org", name="Eva Evaluator")
    w = {"evaluator": evaluator, "inviter": inviter}

    def invite(title, **kwargs):
        challenge = make.challenge(organisation=municipality, title=title, days_open=kwargs.pop("days_open", 5),
                                   **kwargs)
        seat = make.seat(challenge=challenge, user=evaluator, accepted=False)
        seat.invited_by_id = inviter.id
        return seat

    w["pending"] = invite("Uitnodiging open")
    invite("Verlopen").expires_at = utcnow() - timedelta(minutes=1)
    invite("Ingetrokken").revoked_at = utcnow()
    invite("Geannuleerd", status=ChallengeStatus.CANCELLED)
    make.seat(challenge=make.challenge(title="Voor een ander"), user=make.user(), accepted=False)

    # a panel with work: four proposals, one conflict, one submitted, one draft, one undeclared
    scoring = make.challenge(organisation=municipality, title="Scoren", days_open=-1)
    scoring.reviews_due_at = utcnow() + timedelta(days=3)
    proposals = [make.proposal(challenge=scoring) for _ in range(4)]
    seat = make.seat(challenge=scoring, user=evaluator)
    make.declaration(seat=seat, proposal=proposals[0], conflict="financial")
    make.review(seat=seat, proposal=proposals[1], values=[3] * 5)
    make.review(seat=seat, proposal=proposals[2], values=[3] * 5, submitted=False)
    w["scoring_seat"] = seat

    # a panel still sealed, and one where everything is submitted
    w["sealed_seat"] = make.seat(challenge=make.challenge(organisation=municipality, title="Nog dicht", days_open=9),
                                 user=evaluator)
    done = make.challenge(organisation=municipality, title="Klaar", days_open=-3)
    done_proposal = make.proposal(challenge=done)
    make.review(seat=make.seat(challenge=done, user=evaluator), proposal=done_proposal, values=[4] * 5)
    return w


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


@pytest.fixture
def startup_world(make):
    startup = make.startup(name="Regenwinst", description="Regenwater opvangen in tuinen.")
    member = make.startup_member(startup)
    municipality = make.municipality()
    officer = make.officer(municipality)
    w = {"member": member, "startup": startup, "officer": officer}
    late = make.challenge(organisation=municipality, title="Later", days_open=12)
    soon = make.challenge(organisation=municipality, title="Binnenkort", days_open=2)
    gone = make.challenge(organisation=municipality, title="Voorbij", days_open=-1)
    make.proposal(challenge=late, startup=startup, status=ProposalStatus.DRAFT)
    make.proposal(challenge=soon, startup=startup, status=ProposalStatus.DRAFT)
    make.proposal(challenge=gone, startup=startup, status=ProposalStatus.DRAFT)  # too late: not a to-do
    waiting = make.challenge(organisation=municipality, title="Ingediend open", days_open=6)
    make.proposal(challenge=waiting, startup=startup)
    judged = make.challenge(organisation=municipality, title="Ingediend dicht", days_open=-4)
    make.proposal(challenge=judged, startup=startup)
    again = make.challenge(organisation=municipality, title="Ingetrokken open", days_open=6)
    make.proposal(challenge=again, startup=startup, status=ProposalStatus.WITHDRAWN)
    withdrawn_closed = make.challenge(organisation=municipality, title="Ingetrokken dicht", days_open=-4)
    make.proposal(challenge=withdrawn_closed, startup=startup, status=ProposalStatus.WITHDRAWN)
    decided = make.challenge(organisation=municipality, title="Afgewezen", days_open=-20)
    rejected = make.proposal(challenge=decided, startup=startup)
    make.review(seat=make.seat(challenge=decided), proposal=rejected, values=[2] * 5, feedback="Te vaag.")
    decisions.prepare_decision(proposal=rejected, user=officer, outcome=DecisionOutcome.REJECTED,
                               motivation="Niet concreet genoeg.")
    decisions.release_decisions(challenge=decided, user=officer, no_award_reason="Geen passend voorstel.")
    # open challenges about rainwater: one answered already (draft above is about "Later")
    late.summary = soon.summary = "Regenwater opvangen in tuinen."
    w["fits"] = make.challenge(organisation=municipality, title="Regenwater in tuinen",
                               summary="Regenwater opvangen in tuinen.", days_open=15)
    return w


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
