"""Autosave of drafts (matchmaker/proposals/autosave.py): it saves through the same service as the
button, answers JSON, respects the optimistic lock, never submits, and only for the startup's own
drafts before the deadline."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal, ProposalVersion

from ..conftest import app_like, login

TEXT = {"summary": "Sensoren in containers.", "understanding": "Zakken staan te lang buiten.", "language": "nl"}


@pytest.fixture
def draft(client, make):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup)
    challenge = make.challenge()
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT, summary="Begin")
    login(client, member)
    return client, member, proposal


def autosave(client, proposal, **data):
    data.setdefault("lock_version", str(proposal.lock_version))
    return client.post(f"/proposals/{proposal.id}/autosave", data={**TEXT, **data},
                       headers={"Accept": "application/json"})


def test_autosave_saves_the_draft_and_answers_with_the_time_and_lock(draft):
    client, _member, proposal = draft
    before = proposal.lock_version
    response = autosave(client, proposal)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "saved" and re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", body["time"])
    assert body["message"] == f"Saved at {body['time']}"
    assert body["lock_version"] == before + 1 and body["problems"] == []
    assert body["edit_url"] == f"/proposals/{proposal.id}/edit"
    db.session.refresh(proposal)
    assert (proposal.summary, proposal.understanding, proposal.status) == (
        "Sensoren in containers.", "Zakken staan te lang buiten.", ProposalStatus.DRAFT)


def test_autosave_in_dutch_says_opgeslagen_om(draft):
    client, _member, proposal = draft
    with client.session_transaction() as session:
        session["locale"] = "nl"
    body = autosave(client, proposal).get_json()
    assert body["message"] == f"Opgeslagen om {body['time']}"


def test_autosave_never_submits_even_when_asked(draft, outbox):
    client, member, proposal = draft
    complete = {"solution": "Een pilot.", "team": "Twee mensen.", "price_cents": "25000", "duration_weeks": "12"}
    response = autosave(client, proposal, submit="1", **complete)
    assert response.status_code == 200
    db.session.refresh(proposal)
    assert proposal.status == ProposalStatus.DRAFT and proposal.reference is None
    assert db.session.scalar(select(func.count(ProposalVersion.id))) == 0
    assert outbox(member.email) == []


def test_a_stale_autosave_is_refused_and_writes_nothing(draft):
    client, _member, proposal = draft
    old = proposal.lock_version
    assert autosave(client, proposal, summary="Eerste tab").status_code == 200
    response = autosave(client, proposal, summary="Tweede tab", lock_version=str(old))
    assert response.status_code == 409
    body = response.get_json()
    assert body["status"] == "conflict" and body["message"].startswith("Someone else changed this proposal")
    assert db.session.scalar(select(Proposal.summary)) == "Eerste tab"


def test_the_same_autosave_twice_is_harmless(draft):
    client, _member, proposal = draft
    old = proposal.lock_version
    first = autosave(client, proposal).get_json()
    again = autosave(client, proposal, lock_version=str(old))
    assert again.status_code == 200 and again.get_json()["lock_version"] == first["lock_version"]


def test_the_save_button_after_an_autosave_uses_the_new_lock(draft):
    client, _member, proposal = draft
    lock = autosave(client, proposal).get_json()["lock_version"]
    response = client.post(f"/proposals/{proposal.id}/edit",
                           data={**TEXT, "summary": "Met de knop", "save": "1", "lock_version": str(lock)})
    assert response.status_code == 302
    assert db.session.scalar(select(Proposal.summary)) == "Met de knop"


def test_invalid_fields_are_left_out_and_reported_the_rest_is_saved(draft):
    client, _member, proposal = draft
    response = autosave(client, proposal, price_cents="veel", summary="Wel bewaard")
    assert response.status_code == 200
    body = response.get_json()
    assert body["problems"] == [{"field": "price_cents", "message": "Enter an amount in euros, for example 25000."}]
    db.session.refresh(proposal)
    assert proposal.summary == "Wel bewaard" and proposal.price_cents == 2_500_000


def test_autosave_after_the_deadline_is_refused(draft):
    client, _member, proposal = draft
    proposal.challenge.submissions_close_at = utcnow() - timedelta(minutes=1)
    proposal.challenge.questions_close_at = proposal.challenge.submissions_close_at
    response = autosave(client, proposal, summary="Te laat")
    assert response.status_code == 409 and response.get_json()["status"] == "closed"
    assert "deadline for this challenge has passed" in response.get_json()["message"]
    assert db.session.scalar(select(Proposal.summary)) == "Begin"


def test_a_submitted_proposal_is_not_autosaved(client, make):
    proposal = make.proposal()
    member = make.startup_member(proposal.startup)
    login(client, member)
    response = autosave(client, proposal, summary="Nieuwe versie?")
    assert response.status_code == 409 and response.get_json()["status"] == "refused"
    db.session.refresh(proposal)
    assert proposal.summary != "Nieuwe versie?" and len(proposal.versions) == 1


@pytest.mark.parametrize("role", ["other_startup", "officer", "evaluator", "admin"])
def test_others_get_a_404_as_if_the_draft_did_not_exist(draft, make, role):
    client, _member, proposal = draft
    if role == "other_startup":
        user = make.startup_member()
    elif role == "officer":
        user = make.officer(proposal.challenge.organisation)
    elif role == "evaluator":
        user = make.seat(challenge=proposal.challenge).user
    else:
        user = make.admin()
    login(client, user)
    response = autosave(client, proposal, summary="Niet van mij")
    assert response.status_code == 404 and response.is_json
    assert db.session.scalar(select(Proposal.summary)) == "Begin"
    assert client.post("/proposals/999999/autosave", data=TEXT).status_code == 404


def test_signed_out_autosave_goes_nowhere(client, make):
    proposal = make.proposal(status=ProposalStatus.DRAFT, summary="Begin")
    response = autosave(client, proposal)
    assert response.status_code in (302, 401)
    assert db.session.scalar(select(Proposal.summary)) == "Begin"


def test_autosave_needs_the_csrf_token(app, draft, make):
    _client, member, proposal = draft
    commit()
    strict = app_like(app, WTF_CSRF_ENABLED=True).test_client()
    login(strict, member)
    response = strict.post(f"/proposals/{proposal.id}/autosave", data=TEXT, headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.is_json
    assert db.session.scalar(select(Proposal.summary)) == "Begin"
    page = strict.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = strict.post(f"/proposals/{proposal.id}/autosave", headers={"Accept": "application/json"},
                           data={**TEXT, "csrf_token": token, "lock_version": str(proposal.lock_version)})
    assert response.status_code == 200


def test_autosave_writes_one_audit_event_per_quarter_hour(draft):
    client, member, proposal = draft
    lock = proposal.lock_version
    for n in range(3):
        lock = autosave(client, proposal, summary=f"Versie {n}", lock_version=str(lock)).get_json()["lock_version"]
    saved = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "proposal.saved")).all()
    assert [(e.actor_id, e.subject_id) for e in saved] == [(member.id, proposal.id)]


def test_autosave_is_rate_limited(app, draft):
    from matchmaker.extensions import limiter

    _client, member, proposal = draft
    commit()
    limited = app_like(app, RATELIMIT_ENABLED=True).test_client()
    login(limited, member)
    try:
        statuses = [limited.post(f"/proposals/{proposal.id}/autosave", data=TEXT,
                                 headers={"Accept": "application/json"}).status_code for _ in range(41)]
    finally:
        limiter.reset()
        limiter.enabled = False
    assert statuses[:40] == [200] * 40 and statuses[40] == 429


# --- the first autosave on the apply page starts the proposal -----------------------------------

def test_first_autosave_on_the_apply_page_starts_a_draft(client, make):
    startup = make.startup()
    member = make.startup_member(startup)
    challenge = make.challenge()
    login(client, member)
    response = client.post(f"/challenges/{challenge.slug}/autosave", data={**TEXT, "startup": str(startup.id)},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200
    proposal = db.session.scalar(select(Proposal))
    body = response.get_json()
    assert body["edit_url"] == f"/proposals/{proposal.id}/edit"
    assert body["autosave_url"] == f"/proposals/{proposal.id}/autosave"
    assert proposal.summary == "Sensoren in containers." and proposal.status == ProposalStatus.DRAFT
    again = client.post(f"/challenges/{challenge.slug}/autosave", data={**TEXT, "summary": "Ander tabblad"},
                        headers={"Accept": "application/json"})
    assert again.status_code == 409 and again.get_json()["edit_url"] == body["edit_url"]
    assert db.session.scalar(select(Proposal.summary)) == "Sensoren in containers."


def test_apply_page_autosave_needs_an_open_challenge_and_a_startup(client, make):
    challenge = make.challenge(days_open=-1)
    login(client, make.startup_member())
    closed = client.post(f"/challenges/{challenge.slug}/autosave", data=TEXT, headers={"Accept": "application/json"})
    assert closed.status_code == 409 and closed.get_json()["status"] == "closed"
    login(client, make.user())
    open_challenge = make.challenge()
    refused = client.post(f"/challenges/{open_challenge.slug}/autosave", data=TEXT,
                          headers={"Accept": "application/json"})
    assert refused.status_code == 403
    assert db.session.scalar(select(func.count(Proposal.id))) == 0


# --- the form: autosave only where it may save ----------------------------------------------------

def test_the_draft_form_carries_the_autosave_status_and_script(draft):
    client, _member, proposal = draft
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert f'data-autosave="/proposals/{proposal.id}/autosave"' in page
    assert 'role="status" aria-live="polite"' in page and "/static/js/autosave.js" in page


def test_submitted_and_closed_forms_have_no_autosave(client, make):
    proposal = make.proposal()
    login(client, make.startup_member(proposal.startup))
    assert "data-autosave" not in client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    draft = make.proposal(status=ProposalStatus.DRAFT, startup=proposal.startup)
    draft.challenge.submissions_close_at = utcnow() - timedelta(minutes=1)
    draft.challenge.questions_close_at = draft.challenge.submissions_close_at
    assert "data-autosave" not in client.get(f"/proposals/{draft.id}/edit").get_data(as_text=True)
