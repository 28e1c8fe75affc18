"""The dashboard page: one to-do section per role, links that work, nobody pushed to register an
organisation they do not need; and the panel invitation as seen from the dashboard and from the link."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.db_types import utcnow
from matchmaker.enums import ProposalStatus
from matchmaker.evaluation.models import PanelSeat
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal

from ..conftest import login
from . import worlds


@pytest.fixture
def officer_world(make):
    return worlds.officer_world(make)


@pytest.fixture
def evaluator_world(make):
    return worlds.evaluator_world(make)


@pytest.fixture
def startup_world(make):
    return worlds.startup_world(make)


def section(page: str, name: str) -> str:
    match = re.search(rf'<section class="card todo"[^>]*id="todo-{name}">(.*?)</section>', page, re.DOTALL)
    assert match, f"no {name} to-do section"
    return match.group(1)


def links(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]


def follow_all(client, html: str) -> None:
    for href in links(html):
        response = client.get(href, follow_redirects=True)  # a queue may send on to the declarations first
        assert response.status_code == 200, (href, response.status_code)


def test_officer_dashboard_lists_the_work_with_working_links(client, officer_world):
    w = officer_world
    login(client, w["officer"])
    page = client.get("/dashboard").get_data(as_text=True)
    todo = section(page, "officer")
    assert "2 questions wait for an answer" in todo and "1 question waits for an answer" in todo
    assert "2 proposals so far (sealed)" in todo
    assert "2 proposals you have not opened yet" in todo and "3 in all, readable since the deadline" in todo
    assert "3 of 5 reviews submitted" in todo and "panel deadline" in todo
    assert "2 proposals and nobody on the panel yet: invite evaluators" in todo
    assert "2 decisions prepared, not released yet" in todo
    assert f'/challenges/{w["closing"].id}/manage#questions' in todo
    assert f'/challenges/{w["closed"].id}/proposals' in todo
    assert f'/challenges/{w["closed"].id}/evaluation' in todo
    assert f'/challenges/{w["no_panel"].id}/panel' in todo
    assert f'/challenges/{w["deciding"].id}/decisions' in todo
    assert "Elders" not in page  # another municipality's challenge
    assert 'id="todo-evaluator"' not in page and 'id="todo-startup"' not in page
    follow_all(client, todo)


def test_officer_with_nothing_to_do_is_told_so(client, make):
    officer = make.officer()
    login(client, officer)
    todo = section(client.get("/dashboard").get_data(as_text=True), "officer")
    assert "Nothing waits for you on your challenges right now." in todo


def test_evaluator_only_dashboard_speaks_of_panels_not_organisations(client, evaluator_world):
    w = evaluator_world
    login(client, w["evaluator"])
    page = client.get("/dashboard").get_data(as_text=True)
    todo = section(page, "evaluator")
    assert "Uitnodiging open" in todo and "Femke Huizinga of Gemeente Groningen invited you (Policy)" in todo
    assert "Verlopen" not in todo and "Ingetrokken" not in todo and "Geannuleerd" not in todo
    assert "2 of 3 proposals still to score" in todo and "declare conflicts of interest first (1)" in todo
    assert "panel deadline" in todo
    assert "Nog dicht" in todo and "Klaar: all your reviews are submitted." in todo
    assert "Register an organisation" not in page and "Get started" not in page
    follow_all(client, todo)


def test_evaluator_accepts_a_pending_invitation_from_the_dashboard(client, evaluator_world):
    w = evaluator_world
    seat = w["pending"]
    login(client, w["evaluator"])
    page = client.get(f"/panel/invitations/seats/{seat.id}").get_data(as_text=True)
    assert "Femke Huizinga of Gemeente Groningen invites you to the evaluation panel of the challenge " \
           "Uitnodiging open." in page
    assert "Invited by" in page and "Accept and join the panel" in page
    response = client.post(f"/panel/invitations/seats/{seat.id}")
    assert response.status_code == 302 and response.headers["Location"] == f"/panel/{seat.id}"
    db.session.refresh(seat)
    assert seat.user_id == w["evaluator"].id and seat.accepted_at is not None
    todo = section(client.get("/dashboard").get_data(as_text=True), "evaluator")
    assert "Panel invitations" not in todo and f"/panel/{seat.id}" in todo  # now waiting for its deadline


def test_pending_invitation_page_is_only_for_the_invited_confirmed_address(client, evaluator_world, make):
    seat = evaluator_world["pending"]
    login(client, make.user())
    assert client.get(f"/panel/invitations/seats/{seat.id}").status_code == 404
    assert client.post(f"/panel/invitations/seats/{seat.id}").status_code == 404
    evaluator = evaluator_world["evaluator"]
    evaluator.verified_at = None
    login(client, evaluator)
    page = client.get(f"/panel/invitations/seats/{seat.id}").get_data(as_text=True)
    assert "Confirm your e-mail address first, or use the link in the invitation." in page
    assert "Accept and join the panel" not in page
    client.post(f"/panel/invitations/seats/{seat.id}")
    db.session.refresh(seat)
    assert seat.accepted_at is None
    expired = db.session.scalar(select(PanelSeat).where(PanelSeat.expires_at < utcnow()))
    evaluator.verified_at = utcnow()
    login(client, evaluator)
    page = client.get(f"/panel/invitations/seats/{expired.id}").get_data(as_text=True)
    assert "This invitation has expired. Ask for a new one." in page and "Accept and join" not in page


def test_invitation_link_shows_the_challenge_and_who_invited(client, app, make):
    municipality = make.municipality(name="Gemeente Zwolle")
    inviter = make.officer(municipality, name="Ilse Brink")
    challenge = make.challenge(organisation=municipality, title="Water vasthouden", days_open=4)
    challenge.reviews_due_at = challenge.submissions_close_at + timedelta(days=10)
    guest = make.user(email="gast@example.org")
    seat = make.seat(challenge=challenge, user=guest, accepted=False, token="link-token")
    seat.invited_by_id = inviter.id
    anonymous = app.test_client()
    login(client, guest)
    for visitor in (anonymous, client):
        page = visitor.get("/panel/invitations/link-token", headers={"Accept-Language": "en"}).get_data(as_text=True)
        assert "Ilse Brink of Gemeente Zwolle invites you to the evaluation panel of the challenge " \
               "Water vasthouden." in page
        assert "Panel deadline" in page and "Policy" in page
        assert f'href="/challenges/{challenge.slug}"' in page
    page = anonymous.get("/panel/invitations/link-token", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Sign in" in page and "Create an account" in page
    page = client.get("/panel/invitations/link-token").get_data(as_text=True)
    assert "Accept and join the panel" in page


def test_startup_dashboard_lists_drafts_submitted_outcomes_and_fits(client, startup_world):
    login(client, startup_world["member"])
    page = client.get("/dashboard").get_data(as_text=True)
    todo = section(page, "startup")
    drafts = todo.split("Drafts to finish")[1].split("Submitted proposals")[0]
    assert drafts.index("Binnenkort") < drafts.index("Later") and "Voorbij" not in drafts
    assert "submit before" in drafts and "in 2 days" in drafts
    submitted = todo.split("Submitted proposals")[1].split("Outcomes")[0]
    assert "Ingediend open" in submitted and "Ingetrokken open" in submitted and "Ingediend dicht" in submitted
    assert "Ingetrokken dicht" not in todo
    outcomes = todo.split("Outcomes")[1].split("Challenges for")[0]
    assert "Afgewezen" in outcomes and "Not selected" in outcomes
    fits = todo.split("Challenges for Regenwinst")[1]
    assert "Regenwater in tuinen" in fits and "Binnenkort" not in fits
    assert 'id="todo-officer"' not in page and 'id="todo-evaluator"' not in page
    follow_all(client, todo)


def test_newcomer_is_offered_a_way_in(client, make):
    login(client, make.user())
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Get started" in page and "Register your startup" in page and "todo-" not in page


def test_rejected_startup_is_pointed_to_the_feedback_below(client, startup_world):
    login(client, startup_world["member"])
    rejected = db.session.scalar(select(Proposal).where(Proposal.status == ProposalStatus.REJECTED))
    page = client.get(f"/proposals/{rejected.id}").get_data(as_text=True)
    assert "Not selected this time. Read the decision and the panel's feedback below." in page
    assert "e-mail you received" not in page
    assert "Te vaag." in page.split("Read the decision and the panel's feedback below.")[1]
    mine = client.get("/proposals/").get_data(as_text=True)
    assert f'href="/proposals/{rejected.id}#feedback-h"' in mine and "e-mail you received" not in mine
