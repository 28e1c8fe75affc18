"""Pilots on the dashboards, and the reminder e-mail for an overdue check-in (once per overdue check-in)."""

from __future__ import annotations

from datetime import timedelta

from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import TrafficLight
from matchmaker.extensions import db
from matchmaker.pilots import services
from matchmaker.pilots.todo import officer_pilot_todo, startup_pilot_todo

from ..conftest import login


def test_officer_sees_plans_to_finish_ready_to_start_late_check_ins_and_gates(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    unplanned = make.pilot(municipality=municipality, officer=officer, planned=False)
    ready = make.pilot(municipality=municipality, officer=officer)
    late = make.pilot(municipality=municipality, officer=officer, started=True)  # started 20 days ago, no check-in
    late.starts_on = (utcnow() - timedelta(days=20)).date()
    ending = make.pilot(municipality=municipality, officer=officer, started=True)
    ending.starts_on = (utcnow() - timedelta(weeks=11)).date()  # 12 weeks long: ends within two weeks
    services.write_check_in(pilot=ending, user=officer, tried="a", learned="b", next_change="c",
                            light=TrafficLight.GREEN)
    elsewhere = make.pilot(started=True)  # another municipality's
    todo = officer_pilot_todo(officer)
    assert [i.pilot.id for i in todo.to_plan] == [unplanned.id]
    assert [i.pilot.id for i in todo.to_start] == [ready.id]
    assert [i.pilot.id for i in todo.check_ins] == [late.id]
    assert [i.pilot.id for i in todo.gates] == [ending.id]
    assert elsewhere.id not in {i.pilot.id for lst in (todo.to_plan, todo.check_ins, todo.gates) for i in lst}
    commit()
    login(client, officer)
    page = client.get("/dashboard").get_data(as_text=True)
    for marker in ('data-todo="pilot-plans"', 'data-todo="pilot-start"', 'data-todo="pilot-check-ins"',
                   'data-todo="pilot-gates"', f"/pilots/{late.id}/check-in", f"/pilots/{ending.id}/gate"):
        assert marker in page


def test_startup_sees_its_check_ins_due(client, make):
    startup = make.startup()
    member = make.startup_member(startup)
    due = make.pilot(startup=startup, started=True)
    make.pilot(started=True)  # someone else's
    assert [i.pilot.id for i in startup_pilot_todo(member).check_ins] == [due.id]
    services.write_check_in(pilot=due, user=member, tried="a", learned="b", next_change="c", light=TrafficLight.GREEN)
    assert startup_pilot_todo(member).empty
    commit()
    login(client, member)
    assert 'data-todo="pilot-check-ins"' not in client.get("/dashboard").get_data(as_text=True)


def test_a_late_check_in_is_reminded_once_to_both_sides(app, make, outbox):
    pilot = make.pilot(started=True)
    member = make.startup_member(pilot.startup)
    officer = pilot.municipality.memberships[0].user
    commit()
    result = app.test_cli_runner().invoke(args=["tick"])
    assert result.exit_code == 0 and "1 late check-in" in result.output
    sent = [m for m in outbox() if m.template == "check_in_reminder"]
    assert sorted(m.to for m in sent) == sorted([member.email, officer.email])
    assert all(pilot.title in m.subject and f"/pilots/{pilot.id}/check-in" in m.body for m in sent)
    app.test_cli_runner().invoke(args=["tick"])
    assert len([m for m in outbox() if m.template == "check_in_reminder"]) == 2  # not again for the same one
    # a check-in, then the next interval passes without one: a new reminder
    pilot = db.session.get(type(pilot), pilot.id)
    services.write_check_in(pilot=pilot, user=officer, tried="a", learned="b", next_change="c",
                            light=TrafficLight.AMBER)
    commit()
    assert services.send_check_in_reminders() == 0  # just written
    assert services.send_check_in_reminders(now=utcnow() + timedelta(days=15)) == 1
