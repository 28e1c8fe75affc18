"""Worlds for the dashboard tests: an officer's, an evaluator's and a startup member's situation with
every kind of item their to-do list knows. Plain builders; the test modules wrap them in fixtures."""

from __future__ import annotations

from datetime import timedelta

from matchmaker.audit.services import record_event
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, DecisionOutcome, Discipline, ProposalStatus
from matchmaker.evaluation import decisions


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
