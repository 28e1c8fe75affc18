"""Pilot pages: every route against every role, the happy path through the real forms, bad input, and
what the public may and may not read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from matchmaker.enums import PilotStatus
from matchmaker.extensions import db
from matchmaker.pilots.models import Pilot

from ..conftest import login
from ..test_permissions import ROLES, assert_answer, everyone, only

SECRET_NOTE = "Interne notitie: de leverancier vraagt uitstel van de tweede factuur."


@pytest.fixture
def pilot_world(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    startup = make.startup(name="Afvalslim")
    users = {"startup": make.startup_member(startup), "officer": make.officer(municipality),
             "other_officer": make.officer(make.municipality(name="Gemeente Zwolle")), "evaluator": make.user(),
             "admin": make.admin()}
    planned = make.pilot(municipality=municipality, startup=startup, officer=users["officer"])
    running = make.pilot(municipality=municipality, startup=startup, officer=users["officer"], started=True)
    running.internal_notes = SECRET_NOTE
    db.session.flush()
    return {"users": users, "PL": planned.id, "PR": running.id, "c0": running.criteria[0].id,
            "c1": running.criteria[1].id, "pilot": running}


def _stop(world):
    return {"move": "stop", "motivation": "Het werkte niet voor ons: te weinig meldingen.",
            f"final_{world['c0']}": "3", f"final_{world['c1']}": "4"}


PLAN = {"starts_on": "2026-09-01", "weeks": "16", "check_in_every_days": "14", "goals": "Minder lege ritten.",
        "municipality_contact": "Marloes", "startup_contact": "Sanne", "criteria-0-name": "Minder ritten",
        "criteria-0-target": "20", "criteria-0-direction": "up", "criteria-1-name": "Tevreden bewoners",
        "criteria-1-target": "7,5", "criteria-1-direction": "up"}
CHECK_IN = {"tried": "Sensoren in 40 containers.", "learned": "Koude kost batterij.", "next_change": "Grotere accu.",
            "light": "amber"}
INSIDERS = {"officer": 200, "startup": 200}

ROUTES = [
    ("GET", "/pilots/", None, everyone(200)),
    ("GET", "/pilots/{PL}", None, everyone(200)),
    ("GET", "/pilots/{PR}", None, everyone(200)),
    ("GET", "/pilots/999999", None, everyone(404)),
    ("GET", "/pilots/{PL}/plan", None, only({"officer": 200}, 403)),
    ("POST", "/pilots/{PL}/plan", PLAN, only({"officer": 302}, 403)),
    ("POST", "/pilots/{PL}/start", {}, only({"officer": 302}, 403)),
    ("GET", "/pilots/{PL}/check-in", None, only({}, 403)),  # not running yet
    ("GET", "/pilots/{PR}/check-in", None, only(INSIDERS, 403)),
    ("POST", "/pilots/{PR}/check-in", CHECK_IN, only({"officer": 302, "startup": 302}, 403)),
    ("GET", "/pilots/{PR}/demo-day", None, only({"officer": 200}, 403)),
    ("POST", "/pilots/{PR}/demo-day", {"demo_on": "2026-11-20", "report": "Goed bezocht."},
     only({"officer": 302}, 403)),
    ("GET", "/pilots/{PR}/gate", None, only({"officer": 200}, 403)),
    ("POST", "/pilots/{PR}/gate", "stop", only({"officer": 302}, 403)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "data", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, *_ in ROUTES])
def test_pilot_permission_matrix(client, pilot_world, role, method, path, data, expected):
    if role != "anonymous":
        login(client, pilot_world["users"][role])
    if data == "stop":
        data = _stop(pilot_world)
    url = path.format(**pilot_world)
    response = client.open(url, method=method, data=data)
    assert_answer(response, expected[role], f"{role} {method} {url}")


def test_the_public_reads_goals_progress_and_outcome_but_not_the_internals(client, pilot_world):
    page = client.get(f"/pilots/{pilot_world['PR']}").get_data(as_text=True)
    assert "Fewer half-empty collection rounds" in page and "Criterion 1" in page
    assert SECRET_NOTE not in page and "Marloes van der Linden" not in page
    login(client, pilot_world["users"]["startup"])
    assert SECRET_NOTE in client.get(f"/pilots/{pilot_world['PR']}").get_data(as_text=True)


def test_officer_plans_and_starts_a_pilot_through_the_forms(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    pid = pilot_world["PL"]
    response = client.post(f"/pilots/{pid}/plan", data={**PLAN, "milestones-0-title": "Sensoren geplaatst",
                                                        "milestones-0-due_on": "2026-09-15"})
    assert response.status_code == 302
    pilot = db.session.get(Pilot, pid)
    assert [(c.name, str(c.target)) for c in pilot.criteria] == [("Minder ritten", "20.00"),
                                                                ("Tevreden bewoners", "7.50")]
    assert [m.title for m in pilot.milestones] == ["Sensoren geplaatst"]
    client.post(f"/pilots/{pid}/start")
    assert pilot.status == PilotStatus.RUNNING
    page = client.get(f"/pilots/{pid}").get_data(as_text=True)
    assert "Write a check-in" in page


@pytest.mark.parametrize("field, value, message", [
    ("starts_on", "0001-01-01", "Enter a date between the years 2000 and 2100."),
    ("starts_on", "31-12-2026", "Enter a date, such as 2026-05-31."),
    ("weeks", "NaN", "Enter a whole number"),
    ("weeks", "500", "Number must be between 1 and 104."),
    ("criteria-0-target", "1e9", "Enter a number such as 2.5, with at most one decimal."),
    ("budget_cents", "Infinity", "Enter an amount in euros"),
])
def test_bad_plan_input_gets_a_message_and_keeps_the_rest(client, pilot_world, field, value, message):
    login(client, pilot_world["users"]["officer"])
    response = client.post(f"/pilots/{pilot_world['PL']}/plan", data={**PLAN, field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page
    assert "Minder lege ritten." in page  # nothing typed is lost


def test_a_criterion_without_a_target_is_refused(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    response = client.post(f"/pilots/{pilot_world['PL']}/plan", data={**PLAN, "criteria-1-target": ""})
    assert response.status_code == 422 and "Give a target for this criterion." in response.get_data(as_text=True)


def test_start_with_an_incomplete_plan_says_what_is_missing(client, make):
    pilot = make.pilot(planned=False)
    officer = pilot.municipality.memberships[0].user
    login(client, officer)
    response = client.post(f"/pilots/{pilot.id}/start", follow_redirects=True)
    assert "Choose a start date." in response.get_data(as_text=True)
    assert pilot.status == PilotStatus.PLANNED


def test_check_in_with_measurements_and_double_submit(client, pilot_world):
    login(client, pilot_world["users"]["startup"])
    pid, c0 = pilot_world["PR"], pilot_world["c0"]
    data = {**CHECK_IN, f"measure_{c0}": "12,5"}
    assert client.post(f"/pilots/{pid}/check-in", data=data).status_code == 302
    pilot = db.session.get(Pilot, pid)
    assert [str(m.value) for m in pilot.check_ins[0].measurements] == ["12.50"]
    assert pilot.check_ins[0].side.value == "startup"


def test_a_check_in_without_text_is_refused_with_messages(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    response = client.post(f"/pilots/{pilot_world['PR']}/check-in", data={"light": "purple"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Not a valid choice." in page and "This field is required." in page
    assert pilot_world["pilot"].check_ins == []


def test_the_gate_puts_each_problem_next_to_its_field(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    response = client.post(f"/pilots/{pilot_world['PR']}/gate", data={"move": "continue", "motivation": "kort"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for field, message in (("route", "Choose the procurement route for the contract."),
                           ("contract_value_cents", "Give the value of the contract."),
                           ("contract_on", "Give the date of the contract."),
                           ("motivation", "Explain the decision in a few sentences")):
        assert f'id="{field}-error"' in page and message in page
    assert pilot_world["pilot"].status == PilotStatus.RUNNING


def test_continue_through_the_gate(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    pid = pilot_world["PR"]
    response = client.post(f"/pilots/{pid}/gate", data={
        "move": "continue", "motivation": "De doelen zijn ruim gehaald; we gaan door.", "route": "launching_customer",
        "contract_value_cents": "85.000", "contract_on": "2027-01-15",
        f"final_{pilot_world['c0']}": "14", f"final_{pilot_world['c1']}": "25"})
    assert response.status_code == 302
    pilot = db.session.get(Pilot, pid)
    assert pilot.status == PilotStatus.CONTINUED and pilot.contract_value_cents == 8_500_000
    page = client.get(f"/pilots/{pid}").get_data(as_text=True)
    assert "Launching-customer contract" in page and "target met" in page
    assert client.get(f"/pilots/{pid}/gate").status_code == 403  # decided: the gate is closed


def test_extend_through_the_gate(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    pilot = pilot_world["pilot"]
    later = (date(2026, 9, 1) + timedelta(weeks=20)).isoformat()
    response = client.post(f"/pilots/{pilot.id}/gate", data={
        "move": "extend", "motivation": "Winterdata ontbreekt nog; vier weken erbij.", "extended_until": later})
    assert response.status_code == 302 and pilot.status == PilotStatus.EXTENDED


def test_pilot_pages_in_dutch(client, pilot_world):
    login(client, pilot_world["users"]["officer"])
    client.post("/account/settings", data={"name": "Marloes", "locale": "nl"})
    page = client.get(f"/pilots/{pilot_world['PR']}").get_data(as_text=True)
    assert "Wat succes betekent" in page and "Check-in schrijven" in page
