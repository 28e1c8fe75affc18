""""Challenges for you" never offers a challenge the startup already answered (any proposal of its own,
or a light way-in draft of one of its members still waiting for its e-mail link) or one that is closed,
on every surface that recommends challenges: the service, the dashboard, the digest e-mail, and the
invitation to apply. (There is no API endpoint that recommends challenges.)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, ProposalStatus
from matchmaker.extensions import db
from matchmaker.proposals import wayin
from matchmaker.recommendations import digest, invitations, services
from matchmaker.recommendations.models import ApplyInvitation

from ..conftest import login
from .test_recommendations import sync_at_once  # noqa: F401 (fixture)

TEXT = {"summary": "Afvalinzameling met vulgraadsensoren in ondergrondse containers.",
        "problem": "Inzamelwagens rijden half leeg langs containers.", "keywords": ["vulgraadsensoren"]}


@pytest.fixture
def shelf(make):
    """Challenges that all fit Containerwijs, in every state that matters."""
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality)
    startup = make.startup(name="Containerwijs", description="Vulgraadsensoren voor ondergrondse containers en "
                           "slimme routes voor afvalinzameling.", capabilities=["sensoren", "vulgraadsensoren"],
                           sectors=["waste"])
    owner = make.startup_member(startup)
    colleague = make.startup_member(startup)

    def challenge(title, **fields):
        return make.challenge(organisation=municipality, title=f"Afvalinzameling: {title}", **{**TEXT, **fields})

    c = {name: challenge(name) for name in ("fresh", "drafted", "submitted", "withdrawn", "pending_mine",
                                            "pending_colleague", "pending_stranger", "pending_expired",
                                            "pending_revoked")}
    c["deadline_passed"] = challenge("deadline passed", days_open=-1)
    for status in (ChallengeStatus.CLOSED, ChallengeStatus.CANCELLED, ChallengeStatus.DRAFT,
                   ChallengeStatus.DECIDED):
        c[status.value] = challenge(status.value, status=status, days_open=-2 if status != ChallengeStatus.DRAFT else 14)
    for name, status in (("drafted", ProposalStatus.DRAFT), ("submitted", ProposalStatus.SUBMITTED),
                         ("withdrawn", ProposalStatus.WITHDRAWN)):
        make.proposal(challenge=c[name], startup=startup, status=status)

    def pending(name, email):
        return wayin.save_pending(challenge=c[name], form_key=wayin.new_form_key(), email=email,
                                  startup_name="Containerwijs", profile={},
                                  content={"summary": "Wij meten de vulgraad."}, locale="nl").pending

    pending("pending_mine", owner.email.upper())  # addresses are compared as the app stores them
    pending("pending_colleague", colleague.email)
    pending("pending_stranger", "iemand@elders.example")
    pending("pending_expired", owner.email).expires_at = utcnow() - timedelta(minutes=1)
    pending("pending_revoked", owner.email).revoked_at = utcnow()
    commit()
    return {"startup": startup, "owner": owner, "officer": officer, "challenges": c}


OFFERED = {"fresh", "pending_stranger", "pending_expired", "pending_revoked"}


def offered(shelf, ids) -> set[str]:
    names = {challenge.id: name for name, challenge in shelf["challenges"].items()}
    return {names[i] for i in ids}


def test_the_service_leaves_out_answered_and_closed_challenges(shelf):
    matches = services.challenges_for_startup(shelf["startup"], limit=50)
    assert offered(shelf, [m.item.id for m in matches]) == OFFERED


def test_the_dashboard_leaves_them_out(client, shelf):
    login(client, shelf["owner"])
    page = client.get("/dashboard").get_data(as_text=True)
    listed = page.split('data-todo="for-you"')[1].split("</ol>")[0]
    shown = {name for name, challenge in shelf["challenges"].items() if f'-c{challenge.id}"' in listed}
    assert shown == OFFERED


def test_the_digest_leaves_them_out(shelf, outbox, monkeypatch):
    monkeypatch.setattr(digest, "MIN_SCORE", 0.0)  # every candidate that is offered at all
    shelf["owner"].match_digest = True
    commit()
    assert digest.send_digests() == 1
    commit()
    [body] = [m.body for m in outbox(shelf["owner"].email) if m.template == "match_digest"]
    mentioned = {name for name, challenge in shelf["challenges"].items() if challenge.title in body}
    assert mentioned == OFFERED


def test_an_invitation_to_a_challenge_already_answered_asks_nobody_to_apply_again(client, shelf, outbox):
    challenges, startup, owner = shelf["challenges"], shelf["startup"], shelf["owner"]
    login(client, shelf["officer"])
    for name in ("fresh", "drafted", "submitted", "pending_mine"):
        page = client.get(f"/challenges/{challenges[name].id}/fit").get_data(as_text=True)
        assert "Invite to apply" in page  # the seal: the officer's page does not tell who applied
        assert client.post(f"/challenges/{challenges[name].id}/fit/{startup.id}/invite").status_code == 302
    invited = {i.challenge_id for i in db.session.scalars(select(ApplyInvitation))}
    assert invited == {challenges[name].id for name in ("fresh", "drafted", "submitted", "pending_mine")}
    logged = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "challenge.startup_invited")).all()
    assert len(logged) == 4  # logged alike, whatever the startup did
    mails = [m for m in outbox(owner.email) if m.template == "invited_to_apply"]
    assert [m.subject.split(": ", 1)[1] for m in mails] == [challenges["fresh"].title]


def test_an_invitation_to_a_closed_challenge_is_refused(shelf):
    from matchmaker.errors import InvalidState

    with pytest.raises(InvalidState):
        invitations.invite_to_apply(challenge=shelf["challenges"]["deadline_passed"], startup=shelf["startup"],
                                    user=shelf["officer"])
