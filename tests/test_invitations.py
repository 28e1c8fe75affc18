"""Invitations (organisation membership and evaluation panel seats): one module, one set of rules:
hashed random tokens, 14 days of validity, one use, revocation, re-sending, and accepting proves
only the invited address."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from matchmaker import invitations
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import Discipline, MemberRole
from matchmaker.errors import DomainError, NotAllowed
from matchmaker.evaluation import panel
from matchmaker.evaluation.models import PanelSeat
from matchmaker.extensions import db
from matchmaker.organisations import services as organisations
from matchmaker.organisations.models import Invitation, Membership

from .conftest import login, private_database

ORG_LINK = re.compile(r"https?://[^\s/]+(/organisations/invitations/([^\s]+))")
PANEL_LINK = re.compile(r"https?://[^\s/]+(/panel/invitations/([^\s]+))")
VERIFY_LINK = re.compile(r"https?://[^\s/]+(/account/verify/[^\s]+)")


def link(pattern, message) -> tuple[str, str]:
    match = pattern.search(message.body)
    assert match, message.body
    return match.group(1), match.group(2)


@pytest.fixture
def team(make):
    owner = make.user(name="Olga Owner")
    startup = make.startup(name="Afvalslim", members=[owner])
    return owner, startup


@pytest.fixture
def panel_of(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, title="Slimme afvalinzameling")
    return officer, challenge


# --- the shared module -----------------------------------------------------------------------------

def test_issue_stores_only_the_hash_and_gives_fourteen_days(team, outbox):
    owner, startup = team
    invitation = organisations.invite_member(organisation=startup, user=owner, email="New@Example.org",
                                             role=MemberRole.MEMBER)
    commit()
    _, token = link(ORG_LINK, outbox("new@example.org")[0])
    db.session.refresh(invitation)
    assert invitation.token_hash == invitations.hash_token(token) and token not in invitation.token_hash
    assert len(token) >= 40
    assert timedelta(days=13, hours=23) < invitation.expires_at - utcnow() <= timedelta(days=14)
    assert "The invitation is valid for 14 days." in outbox("new@example.org")[0].body


def test_state_follows_expiry_acceptance_and_revocation(make, team):
    _, startup = team
    invitation = make.invitation(organisation=startup, email="x@example.org", token="t1")
    assert invitation.invitation_state == invitations.InvitationState.PENDING
    invitation.expires_at = utcnow() - timedelta(seconds=1)
    assert invitation.invitation_state == invitations.InvitationState.EXPIRED
    assert invitations.revoke(invitation) is True and invitations.revoke(invitation) is False
    assert invitation.invitation_state == invitations.InvitationState.REVOKED


def test_panel_invitation_mail_states_the_validity(panel_of, outbox):
    officer, challenge = panel_of
    seat = panel.invite_evaluator(challenge=challenge, user=officer, email="expert@example.org",
                                  discipline=Discipline.IT)
    commit()
    assert "The invitation is valid for 14 days." in outbox("expert@example.org")[0].body
    assert timedelta(days=13, hours=23) < seat.expires_at - utcnow() <= timedelta(days=14)


# --- expiry -------------------------------------------------------------------------------------

def test_expired_organisation_invitation_is_refused(client, make, team):
    _, startup = team
    make.invitation(organisation=startup, email="late@example.org", token="late", expires_in=timedelta(days=-1))
    late = make.user(email="late@example.org")
    with pytest.raises(DomainError, match="expired"):
        organisations.accept_invitation(token="late", user=late)
    login(client, late)
    page = client.get("/organisations/invitations/late")
    assert page.status_code == 200 and b"This invitation has expired" in page.data
    assert b"Accept the invitation" not in page.data
    client.post("/organisations/invitations/late")
    assert db.session.scalar(select(Membership).where(Membership.user_id == late.id)) is None


def test_expired_panel_invitation_is_refused(client, make, panel_of):
    _, challenge = panel_of
    late = make.user(email="late@example.org")
    make.seat(challenge=challenge, user=late, accepted=False, token="late", expires_in=timedelta(days=-1))
    with pytest.raises(DomainError, match="expired"):
        panel.accept_seat(token="late", user=late)
    login(client, late)
    page = client.get("/panel/invitations/late")
    assert b"This invitation has expired" in page.data and b"Accept and join the panel" not in page.data
    client.post("/panel/invitations/late")
    assert db.session.scalar(select(PanelSeat)).accepted_at is None


def test_reinviting_after_expiry_issues_a_new_token(team, make, outbox):
    owner, startup = team
    organisations.invite_member(organisation=startup, user=owner, email="again@example.org", role=MemberRole.MEMBER)
    commit()
    _, old_token = link(ORG_LINK, outbox("again@example.org")[0])
    invitation = db.session.scalar(select(Invitation))
    invitation.expires_at = utcnow() - timedelta(days=1)
    commit()
    organisations.invite_member(organisation=startup, user=owner, email="again@example.org", role=MemberRole.OWNER)
    commit()
    _, new_token = link(ORG_LINK, outbox("again@example.org")[1])
    assert new_token != old_token
    assert organisations.find_invitation(old_token) is None  # the old link stops working
    assert db.session.scalar(sa.func.count(Invitation.id)) == 1
    invitee = make.user(email="again@example.org")
    organisations.accept_invitation(token=new_token, user=invitee)
    membership = db.session.scalar(select(Membership).where(Membership.user_id == invitee.id))
    assert membership.role == MemberRole.OWNER


def test_officer_sees_an_expired_panel_invitation_and_sends_it_again(client, make, panel_of, outbox):
    officer, challenge = panel_of
    panel.invite_evaluator(challenge=challenge, user=officer, email="slow@example.org", discipline=Discipline.IT)
    commit()
    _, old_token = link(PANEL_LINK, outbox("slow@example.org")[0])
    seat = db.session.scalar(select(PanelSeat))
    seat.expires_at = utcnow() - timedelta(hours=1)
    commit()
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert "invitation expired on" in page and "Send again" in page
    # the "send again" button posts the address and the discipline to the invitation form
    response = client.post(f"/challenges/{challenge.id}/panel", data={"email": "slow@example.org",
                                                                      "discipline": "it"})
    assert response.status_code == 302
    mails = outbox("slow@example.org")
    assert len(mails) == 2
    _, new_token = link(PANEL_LINK, mails[1])
    assert new_token != old_token and panel.find_seat_by_token(old_token) is None
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert "invitation expired on" not in page and "valid until" in page
    expert = make.user(email="slow@example.org")
    assert panel.accept_seat(token=new_token, user=expert).is_active


def test_a_pending_panel_invitation_is_not_sent_twice(panel_of):
    officer, challenge = panel_of
    panel.invite_evaluator(challenge=challenge, user=officer, email="a@example.org", discipline=Discipline.IT)
    with pytest.raises(DomainError, match="already on this panel"):
        panel.invite_evaluator(challenge=challenge, user=officer, email="a@example.org", discipline=Discipline.IT)


def test_expired_invitations_do_not_count_as_panel_members(make, panel_of):
    _, challenge = panel_of
    for discipline in (Discipline.IT, Discipline.POLICY, Discipline.OPERATIONS):
        make.seat(challenge=challenge, discipline=discipline)
    assert panel.panel_warnings(challenge) == []
    make.seat(challenge=challenge, discipline=Discipline.EXTERNAL, accepted=False, expires_in=timedelta(days=-1))
    db.session.delete(db.session.scalars(select(PanelSeat)).first())
    db.session.flush()
    assert any("has 2 members;" in w for w in panel.panel_warnings(challenge))


# --- one use, revocation ----------------------------------------------------------------------------

def test_invitation_used_by_someone_else_is_refused(make, team, panel_of):
    _, startup = team
    make.invitation(organisation=startup, email="shared@example.org", token="once")
    first = make.user(email="shared@example.org")
    organisations.accept_invitation(token="once", user=first)
    assert organisations.accept_invitation(token="once", user=first).id == startup.id  # twice is harmless
    other = make.user(email="other@example.org")
    with pytest.raises(DomainError, match="already been used"):
        organisations.accept_invitation(token="once", user=other)

    _, challenge = panel_of
    seat = make.seat(challenge=challenge, user=first, accepted=False, token="seat-once")
    panel.accept_seat(token="seat-once", user=first)
    assert panel.accept_seat(token="seat-once", user=first).id == seat.id
    with pytest.raises(DomainError, match="already been used"):
        panel.accept_seat(token="seat-once", user=other)


def test_owner_withdraws_an_invitation_and_its_link_stops_working(client, make, team, outbox):
    owner, startup = team
    organisations.invite_member(organisation=startup, user=owner, email="gone@example.org", role=MemberRole.MEMBER)
    commit()
    path, _ = link(ORG_LINK, outbox("gone@example.org")[0])
    invitation = db.session.scalar(select(Invitation))
    login(client, owner)
    page = client.get(f"/organisations/{startup.slug}/members").get_data(as_text=True)
    assert "gone@example.org" in page and "valid until" in page and "Withdraw" in page
    response = client.post(f"/organisations/{startup.slug}/invitations/{invitation.id}/revoke")
    assert response.status_code == 302
    page = client.get(f"/organisations/{startup.slug}/members").get_data(as_text=True)
    assert "The invitation to gone@example.org is withdrawn." in page and "Open invitations" not in page
    invitee = make.user(email="gone@example.org")
    login(client, invitee)
    page = client.get(path)
    assert b"This invitation is not valid (any more)." in page.data
    client.post(path)
    assert db.session.scalar(select(Membership).where(Membership.user_id == invitee.id)) is None


def test_only_owners_withdraw_invitations_of_their_own_organisation(client, make, team):
    _, startup = team
    member = make.user()
    make.membership(user=member, organisation=startup, role=MemberRole.MEMBER)
    invitation = make.invitation(organisation=startup, email="x@example.org", token="x")
    other_owner = make.user()
    other = make.startup(members=[other_owner])
    login(client, member)
    assert client.post(f"/organisations/{startup.slug}/invitations/{invitation.id}/revoke").status_code == 403
    login(client, other_owner)
    assert client.post(f"/organisations/{other.slug}/invitations/{invitation.id}/revoke").status_code == 404
    db.session.refresh(invitation)
    assert invitation.revoked_at is None


def test_revoked_panel_seat_link_stops_working(make, panel_of):
    officer, challenge = panel_of
    invitee = make.user(email="revoked@example.org")
    seat = make.seat(challenge=challenge, user=invitee, accepted=False, token="revoked")
    panel.revoke_seat(seat=seat, user=officer)
    with pytest.raises(DomainError, match="not valid"):
        panel.accept_seat(token="revoked", user=invitee)


# --- accepting proves the invited address only ---------------------------------------------------------

@pytest.mark.parametrize("kind", ["organisation", "panel"])
def test_signed_in_user_cannot_accept_an_invitation_sent_to_another_address(client, make, team, panel_of, kind):
    a = make.user(email="a@example.org", verified=False)
    _, startup = team
    _, challenge = panel_of
    if kind == "organisation":
        make.invitation(organisation=startup, email="b@example.org", token="for-b")
        path = "/organisations/invitations/for-b"
    else:
        make.seat(challenge=challenge, user=make.user(email="b@example.org", verified=False), accepted=False,
                  token="for-b")
        path = "/panel/invitations/for-b"
    login(client, a)
    page = client.get(path)
    assert b"This invitation was sent to b@example.org" in page.data
    response = client.post(path, follow_redirects=True)
    assert b"This invitation was sent to b@example.org" in response.data
    db.session.refresh(a)
    assert a.verified_at is None  # the token proves b@, never a@
    assert db.session.scalar(select(Membership).where(Membership.user_id == a.id)) is None
    assert db.session.scalar(select(PanelSeat).where(PanelSeat.user_id == a.id)) is None


@pytest.mark.parametrize("kind", ["organisation", "panel"])
def test_user_whose_address_changed_since_the_invitation_cannot_accept_it(make, team, panel_of, kind):
    user = make.user(email="old@example.org", verified=False)
    _, startup = team
    _, challenge = panel_of
    if kind == "organisation":
        make.invitation(organisation=startup, email="old@example.org", token="tok")
    else:
        make.seat(challenge=challenge, user=user, accepted=False, token="tok")
    user.email = "new@example.org"  # changed since (and not confirmed)
    db.session.flush()
    accept = organisations.accept_invitation if kind == "organisation" else panel.accept_seat
    with pytest.raises(NotAllowed, match="sent to old@example.org"):
        accept(token="tok", user=user)
    assert user.verified_at is None


@pytest.mark.parametrize("kind", ["organisation", "panel"])
def test_accepting_at_the_invited_address_confirms_it(client, make, team, panel_of, kind):
    invitee = make.user(email="invitee@example.org", verified=False)
    _, startup = team
    _, challenge = panel_of
    if kind == "organisation":
        make.invitation(organisation=startup, email="invitee@example.org", token="ok")
        path = "/organisations/invitations/ok"
    else:
        make.seat(challenge=challenge, user=invitee, accepted=False, token="ok")
        path = "/panel/invitations/ok"
    login(client, invitee)
    assert client.post(path).status_code == 302
    db.session.refresh(invitee)
    assert invitee.verified_at is not None


def test_mark_accepted_never_confirms_another_address(make, team):
    _, startup = team
    invitation = make.invitation(organisation=startup, email="b@example.org", token="direct")
    a = make.user(email="a@example.org", verified=False)
    with pytest.raises(NotAllowed):
        invitations.mark_accepted(invitation, a)
    assert a.verified_at is None and invitation.accepted_at is None


# --- a person without an account ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["organisation", "panel"])
def test_invitation_page_offers_sign_in_and_registration_that_come_back(client, make, team, panel_of, kind):
    _, startup = team
    _, challenge = panel_of
    if kind == "organisation":
        make.invitation(organisation=startup, email="newbie@example.org", token="welcome")
        path = "/organisations/invitations/welcome"
    else:
        seat = make.seat(challenge=challenge, user=make.user(email="placeholder@example.org"), accepted=False,
                         token="welcome")
        seat.email = "newbie@example.org"
        path = "/panel/invitations/welcome"
    page = client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "This invitation was sent to newbie@example.org" in html
    assert f'href="/account/login?next={path}"' in html
    assert f'href="/account/register?next={path}&amp;email=newbie@example.org"' in html
    # accepting needs an account
    response = client.post(path)
    assert response.status_code == 302 and response.headers["Location"].startswith("/account/login")


def test_newcomer_registers_from_the_invitation_and_lands_back_on_it(client, make, team, outbox):
    owner, startup = team
    organisations.invite_member(organisation=startup, user=owner, email="newbie@example.org",
                                role=MemberRole.MEMBER)
    commit()
    path, _ = link(ORG_LINK, outbox("newbie@example.org")[0])
    register = f"/account/register?next={path}&email=newbie%40example.org"
    assert 'value="newbie@example.org"' in client.get(register).get_data(as_text=True)
    client.post(register, data={"name": "Nieuweling", "email": "newbie@example.org", "password": "p" * 14,
                                "next": path})
    verify, = VERIFY_LINK.findall(outbox("newbie@example.org")[-1].body)
    response = client.get(verify)
    assert response.status_code == 302 and response.headers["Location"] == path
    assert b"Accept the invitation" in client.get(path).data
    assert client.post(path).status_code == 302
    newbie = db.session.scalar(select(Membership).join(Membership.user).where(
        Membership.organisation_id == startup.id, Membership.role == MemberRole.MEMBER))
    assert newbie is not None and newbie.user.email == "newbie@example.org" and newbie.user.is_verified


def test_existing_user_signs_in_from_the_invitation_and_lands_back_on_it(client, make, panel_of, outbox):
    from .factories import PASSWORD

    officer, challenge = panel_of
    expert = make.user(email="expert@example.org")
    panel.invite_evaluator(challenge=challenge, user=officer, email=expert.email, discipline=Discipline.IT)
    commit()
    path, _ = link(PANEL_LINK, outbox(expert.email)[0])
    response = client.post(f"/account/login?next={path}", data={"email": expert.email, "password": PASSWORD,
                                                                "next": path})
    assert response.headers["Location"] == path
    assert client.post(path).status_code == 302
    assert db.session.scalar(select(PanelSeat)).user_id == expert.id


def test_unknown_invitation_token_is_a_404(client):
    assert client.get("/organisations/invitations/nope").status_code == 404
    assert client.get("/panel/invitations/nope").status_code == 404


# --- the migration -------------------------------------------------------------------------------

def test_migration_0006_backfills_expiry_from_the_invitation_date(tmp_path):
    """Seats that existed before 0006 get invited_at + 14 days (on a database of the suite's kind)."""
    from flask_migrate import downgrade, upgrade

    from matchmaker import create_app
    from matchmaker.db_types import UTCDateTime

    from .factories import Factory

    settings, drop = private_database(tmp_path)
    other = create_app({"TESTING": True, "SECRET_KEY": "x", "MAIL_BACKEND": "memory", "RATELIMIT_ENABLED": False,
                        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", **settings})
    try:
        with other.app_context():
            upgrade()
            challenge_id = Factory().challenge().id
            db.session.commit()
            downgrade(revision="0005")
            seats_0005 = sa.table("panel_seats", sa.column("challenge_id"), sa.column("email"),
                                  sa.column("discipline"), sa.column("token_hash"),
                                  sa.column("invited_at", UTCDateTime()))
            invited = utcnow().replace(microsecond=123456) - timedelta(days=20)
            with db.engine.begin() as connection:
                connection.execute(seats_0005.insert().values(challenge_id=challenge_id, email="e@example.org",
                                                              discipline="it", token_hash="h" * 64,
                                                              invited_at=invited))
            upgrade()
            seat = db.session.scalar(select(PanelSeat))
            assert seat.invited_at == invited
            assert seat.expires_at == invited + timedelta(days=14)
            assert seat.invitation_state == invitations.InvitationState.EXPIRED
            column = next(c for c in sa.inspect(db.engine).get_columns("panel_seats") if c["name"] == "expires_at")
            assert column["nullable"] is False
            db.session.remove()
            db.engine.dispose()
    finally:
        drop()
