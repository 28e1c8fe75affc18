"""The pilot's lifecycle: the transition table, every guard, the audit, and two officers at the gate at once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.enums import DecisionOutcome, PilotStatus, ProcurementRoute, TrafficLight
from matchmaker.errors import InvalidState, NotAllowed, ValidationFailed
from matchmaker.extensions import db
from matchmaker.pilots import services
from matchmaker.pilots.lifecycle import PILOT, planned_end
from matchmaker.pilots.models import Pilot

from ..concurrency import run_together

MOTIVATION = "The sensors cut half-empty rounds by a third; we continue."


def events(pilot):
    return [e.action for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.subject_type == "pilots", AuditEvent.subject_id == pilot.id)
        .order_by(AuditEvent.id))]


def finals(pilot, *values):
    return {c.id: Decimal(v) for c, v in zip(pilot.criteria, values)}


def test_the_table_is_the_design():
    assert PILOT.rows() == [
        ("start", ("planned",), "running"),
        ("extend", ("running", "extended"), "extended"),
        ("continue", ("running", "extended"), "continued"),
        ("stop", ("planned", "running", "extended"), "stopped"),
    ]


def test_an_award_starts_a_planned_pilot_with_the_challenges_length_and_the_price(make):
    pilot = make.pilot(planned=False)
    assert pilot.status == PilotStatus.PLANNED
    assert pilot.weeks == 12  # the proposal's duration
    assert pilot.budget_cents == 2_500_000
    assert pilot.municipality_id == pilot.challenge.organisation_id and pilot.startup_id == pilot.proposal.startup_id
    assert events(pilot) == ["pilot.created"]
    again = services.create_pilot_for_award(proposal=pilot.proposal, actor=None)
    assert again.id == pilot.id and db.session.scalar(select(db.func.count(Pilot.id))) == 1


def test_releasing_an_award_creates_the_pilot(evaluation, make):
    from matchmaker.evaluation import decisions

    challenge, officer = evaluation["challenge"], evaluation["officer"]
    winner, *others = evaluation["proposals"]
    decisions.prepare_decision(proposal=winner, user=officer, outcome=DecisionOutcome.AWARDED, motivation="Beste plan.")
    for proposal in others:
        decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED,
                                   motivation="Minder passend.")
    decisions.release_decisions(challenge=challenge, user=officer)
    pilots = db.session.scalars(select(Pilot)).all()
    assert [p.proposal_id for p in pilots] == [winner.id]


def test_an_incomplete_plan_cannot_start_and_says_what_is_missing(make):
    pilot = make.pilot(planned=False)
    officer = pilot.municipality.memberships[0].user
    assert set(PILOT.problems(pilot, "start")) == {
        "Choose a start date.", "Describe the goals of the pilot.",
        "Give between 2 and 5 measurable success criteria, each with a target.",
        "Name the contact people on both sides."} - ({"Describe the goals of the pilot."} if pilot.goals else set())
    with pytest.raises(ValidationFailed):
        services.start_pilot(pilot=pilot, user=officer)
    assert pilot.status == PilotStatus.PLANNED


@pytest.mark.parametrize("count, ok", [(1, False), (2, True), (5, True), (6, False)])
def test_two_to_five_success_criteria(make, count, ok):
    pilot = make.pilot(criteria=count)
    assert PILOT.can(pilot, "start") is ok


def test_start_records_the_moment_and_audits(make):
    pilot = make.pilot()
    officer = pilot.municipality.memberships[0].user
    services.start_pilot(pilot=pilot, user=officer)
    assert pilot.status == PilotStatus.RUNNING and pilot.started_at is not None
    assert events(pilot)[-1] == "pilot.started"
    with pytest.raises(InvalidState):
        services.start_pilot(pilot=pilot, user=officer)


def test_only_the_municipality_moves_the_pilot(make):
    pilot = make.pilot()
    stranger = make.officer()  # an officer of another municipality
    startup_member = make.startup_member(pilot.startup)
    for user in (stranger, startup_member):
        with pytest.raises(NotAllowed):
            services.start_pilot(pilot=pilot, user=user)
        with pytest.raises(NotAllowed):
            services.decide_pilot(pilot=pilot, user=user, move="stop", motivation=MOTIVATION)
    assert pilot.status == PilotStatus.PLANNED


def test_continue_needs_motivation_results_route_value_and_date(make):
    pilot = make.pilot(started=True)
    officer = pilot.municipality.memberships[0].user
    with pytest.raises(ValidationFailed) as refused:
        services.decide_pilot(pilot=pilot, user=officer, move="continue", motivation="ok")
    problems = [p for _f, p in refused.value.problems]
    assert problems == [
        "Explain the decision in a few sentences (at least 20 characters).",
        "Give the measured result of: Criterion 1, Criterion 2.",
        "Choose the procurement route for the contract.", "Give the value of the contract.",
        "Give the date of the contract."]
    assert pilot.status == PilotStatus.RUNNING
    services.decide_pilot(pilot=pilot, user=officer, move="continue", motivation=MOTIVATION,
                          final_values=finals(pilot, "12", "25"), route=ProcurementRoute.INNOVATION_PARTNERSHIP,
                          contract_value_cents=12_000_000, contract_on=date(2027, 2, 1))
    assert pilot.status == PilotStatus.CONTINUED and pilot.decided_at is not None
    assert [c.final_value for c in pilot.criteria] == [Decimal("12"), Decimal("25")]
    assert [c.met(c.final_value) for c in pilot.criteria] == [True, True]
    assert pilot.procurement_route == ProcurementRoute.INNOVATION_PARTNERSHIP
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "pilot.continued")).one()
    assert event.data["from"] == "running" and event.data["route"] == "innovation_partnership"
    with pytest.raises(NotAllowed):  # decided: nobody moves it again
        services.decide_pilot(pilot=pilot, user=officer, move="stop", motivation=MOTIVATION)


def test_a_stop_is_a_valid_outcome_with_its_results(make):
    pilot = make.pilot(started=True)
    officer = pilot.municipality.memberships[0].user
    services.decide_pilot(pilot=pilot, user=officer, move="stop", motivation="We learned this does not work for us.",
                          final_values=finals(pilot, "3", "4"))
    assert pilot.status == PilotStatus.STOPPED and pilot.procurement_route is None
    assert [c.met(c.final_value) for c in pilot.criteria] == [False, False]


def test_a_pilot_that_never_started_can_be_stopped_without_results(make):
    pilot = make.pilot()
    officer = pilot.municipality.memberships[0].user
    services.decide_pilot(pilot=pilot, user=officer, move="stop", motivation="The startup could not staff the pilot.")
    assert pilot.status == PilotStatus.STOPPED


def test_extend_needs_a_later_end_date_and_can_repeat(make):
    pilot = make.pilot(started=True)
    officer = pilot.municipality.memberships[0].user
    end = planned_end(pilot)
    assert end == date(2026, 9, 1) + timedelta(weeks=12) - timedelta(days=1)
    with pytest.raises(ValidationFailed, match="after the current end date"):
        services.decide_pilot(pilot=pilot, user=officer, move="extend", motivation=MOTIVATION, extended_until=end)
    with pytest.raises(ValidationFailed, match="Choose the new end date"):
        services.decide_pilot(pilot=pilot, user=officer, move="extend", motivation=MOTIVATION)
    services.decide_pilot(pilot=pilot, user=officer, move="extend", motivation=MOTIVATION,
                          extended_until=end + timedelta(weeks=4))
    assert pilot.status == PilotStatus.EXTENDED and planned_end(pilot) == end + timedelta(weeks=4)
    services.decide_pilot(pilot=pilot, user=officer, move="extend", motivation=MOTIVATION,
                          extended_until=end + timedelta(weeks=6))
    assert planned_end(pilot) == end + timedelta(weeks=6)
    services.decide_pilot(pilot=pilot, user=officer, move="stop", motivation=MOTIVATION,
                          final_values=finals(pilot, "9", "19"))
    assert events(pilot)[-3:] == ["pilot.extended", "pilot.extended", "pilot.stopped"]


def test_unknown_gate_choice_is_refused(make):
    pilot = make.pilot(started=True)
    with pytest.raises(ValidationFailed, match="Choose continue, extend or stop"):
        services.decide_pilot(pilot=pilot, user=pilot.municipality.memberships[0].user, move="award",
                              motivation=MOTIVATION)


def test_the_database_refuses_a_continued_pilot_without_a_contract(make):
    from sqlalchemy.exc import IntegrityError

    pilot = make.pilot(started=True)
    pilot.status = PilotStatus.CONTINUED
    pilot.decided_at = pilot.started_at
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_check_ins_by_both_sides_and_lateness(make):
    pilot = make.pilot(started=True)
    officer = pilot.municipality.memberships[0].user
    member = make.startup_member(pilot.startup)
    assert services.is_check_in_late(pilot)  # started 20 days ago, every 14 days, nothing written
    with pytest.raises(ValidationFailed):
        services.write_check_in(pilot=pilot, user=member, tried=" ", learned="", next_change="x",
                                light=TrafficLight.GREEN)
    first = services.write_check_in(pilot=pilot, user=member, tried="Sensors in 40 containers.",
                                    learned="Batteries last shorter in the cold.", next_change="Bigger batteries.",
                                    light=TrafficLight.AMBER, measurements=finals(pilot, "5", "8"))
    assert first.side.value == "startup" and not services.is_check_in_late(pilot)
    services.write_check_in(pilot=pilot, user=officer, tried="Routes planned by fill level.",
                            learned="Drivers need the route a day earlier.", next_change="Plan at 15:00.",
                            light=TrafficLight.GREEN, measurements={pilot.criteria[0].id: Decimal("7")})
    assert services.latest_measurements(pilot) == {pilot.criteria[0].id: Decimal("7"),
                                                   pilot.criteria[1].id: Decimal("8")}
    other = make.pilot(started=True)
    with pytest.raises(ValidationFailed, match="another pilot"):
        services.write_check_in(pilot=pilot, user=officer, tried="a", learned="b", next_change="c",
                                light=TrafficLight.RED, measurements={other.criteria[0].id: Decimal("1")})
    with pytest.raises(NotAllowed):
        services.write_check_in(pilot=pilot, user=make.officer(), tried="a", learned="b", next_change="c",
                                light=TrafficLight.RED)
    assert events(pilot).count("pilot.check_in") == 2


def test_no_check_ins_before_the_start_or_after_the_decision(make):
    pilot = make.pilot()
    officer = pilot.municipality.memberships[0].user
    with pytest.raises(NotAllowed):
        services.write_check_in(pilot=pilot, user=officer, tried="a", learned="b", next_change="c",
                                light=TrafficLight.GREEN)
    assert not services.is_check_in_late(pilot)


def test_criteria_are_fixed_once_the_pilot_runs(make):
    pilot = make.pilot(started=True)
    officer = pilot.municipality.memberships[0].user
    with pytest.raises(ValidationFailed, match="fixed once the pilot runs"):
        services.update_plan(pilot=pilot, user=officer, plan={},
                             criteria=[services.CriterionInput(name="New", target=Decimal("1"))])
    services.update_plan(pilot=pilot, user=officer, plan={"paid_by": "Gemeente en provincie, 50/50"},
                         milestones=[services.MilestoneInput(title="Sensors placed", due_on=date(2026, 9, 15))])
    assert pilot.paid_by == "Gemeente en provincie, 50/50" and [m.title for m in pilot.milestones] == ["Sensors placed"]


def test_two_officers_at_the_gate_at_once_decide_once(app, make):
    pilot = make.pilot(started=True)
    second = make.officer(pilot.municipality)
    ids = {"pilot": pilot.id, "officers": [pilot.municipality.memberships[0].user_id, second.id],
           "criteria": [c.id for c in pilot.criteria]}
    commit()

    def decide(index, move):
        def job():
            from matchmaker.accounts.models import User

            p = db.session.get(Pilot, ids["pilot"])
            values = {cid: Decimal("20") for cid in ids["criteria"]}
            services.decide_pilot(pilot=p, user=db.session.get(User, ids["officers"][index]), move=move,
                                  motivation=MOTIVATION, final_values=values,
                                  route=ProcurementRoute.LAUNCHING_CUSTOMER, contract_value_cents=5_000_000,
                                  contract_on=date(2027, 1, 15))
            return move
        return job

    results, errors = run_together(app, decide(0, "continue"), decide(1, "stop"))
    assert len(errors) == 1 and isinstance(errors[0], (NotAllowed, InvalidState))
    db.session.expire_all()
    decided = db.session.get(Pilot, ids["pilot"])
    assert decided.status.value in ("continued", "stopped")
    moves = db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.subject_type == "pilots", AuditEvent.action.in_(["pilot.continued", "pilot.stopped"]))).all()
    assert len(moves) == 1
