import re

import pytest
from sqlalchemy import select

from matchmaker.database import commit
from matchmaker.enums import MemberRole, OrgKind
from matchmaker.extensions import db
from matchmaker.organisations import services
from matchmaker.organisations.models import Invitation, Membership, Organisation

from ..conftest import login


def test_startup_registration_creates_profile_with_owner(client, make):
    user = make.user()
    login(client, user)
    response = client.post("/organisations/new?kind=startup", data={
        "name": "Afvalslim BV", "website": "afvalslim.nl", "region": "Utrecht",
        "description": "Sensoren voor afvalinzameling.", "capabilities": "sensors, IoT,  sensors , data",
        "sectors": ["waste", "digital"], "size_fte": "6", "founded_year": "2021", "kvk_number": "1234 5678",
    })
    assert response.status_code == 302
    org = db.session.scalar(select(Organisation).where(Organisation.name == "Afvalslim BV"))
    assert org.kind == OrgKind.STARTUP
    assert org.website == "https://afvalslim.nl"
    assert org.capabilities == ["sensors", "IoT", "data"]
    assert org.sectors == ["waste", "digital"]
    assert (org.size_fte, org.founded_year, org.kvk_number) == (6, 2021, "12345678")
    membership = db.session.scalar(select(Membership).where(Membership.organisation_id == org.id))
    assert membership.user_id == user.id and membership.role == MemberRole.OWNER


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "abcdefgh"])
def test_invalid_kvk_number_is_refused_with_message(client, make, kvk):
    login(client, make.user())
    response = client.post("/organisations/new?kind=startup", data={"name": "X", "kvk_number": kvk})
    assert response.status_code == 200
    assert b"A KvK number has exactly 8 digits." in response.data
    assert db.session.scalar(select(Organisation)) is None


def test_non_numeric_size_and_future_founding_year_are_refused(client, make):
    login(client, make.user())
    response = client.post("/organisations/new?kind=startup", data={"name": "X", "size_fte": "many",
                                                                    "founded_year": "2999"})
    assert response.status_code == 200
    assert b"Enter a number such as 2.5, with at most one decimal." in response.data
    assert b"Enter a year between 1800 and this year." in response.data


def test_municipality_starts_unverified_and_admins_are_told(client, make, outbox):
    admin = make.admin()
    login(client, make.user())
    response = client.post("/organisations/new?kind=municipality", data={"name": "Gemeente Zwolle"})
    assert response.status_code == 302
    org = db.session.scalar(select(Organisation))
    assert org.kind == OrgKind.MUNICIPALITY and org.verified_at is None
    assert [m.template for m in outbox(admin.email)] == ["municipality_to_verify"]


def test_municipality_ignores_startup_only_fields(app, make):
    user = make.user()
    org = services.create_organisation(user=user, kind=OrgKind.MUNICIPALITY,
                                       data={"name": "Gemeente Ede", "kvk_number": "12345678", "size_fte": 5})
    assert org.kvk_number is None and org.size_fte is None


def test_unverified_user_cannot_create_organisation(client, make):
    login(client, make.user(verified=False))
    response = client.post("/organisations/new?kind=startup", data={"name": "X"})
    assert response.status_code == 302
    assert db.session.scalar(select(Organisation)) is None


def test_choose_kind_page_for_unknown_kind(client, make):
    login(client, make.user())
    response = client.get("/organisations/new?kind=bank")
    assert response.status_code == 200
    assert b"Register a municipality" in response.data


def test_member_edits_profile(client, make):
    user = make.user()
    startup = make.startup(members=[user])
    login(client, user)
    response = client.post(f"/organisations/{startup.slug}/edit", data={"name": "Renamed", "description": "New"})
    assert response.status_code == 302
    db.session.refresh(startup)
    assert (startup.name, startup.description) == ("Renamed", "New")


def _invitation_path(message) -> str:
    return re.search(r"(/organisations/invitations/[^\s]+)", message.body).group(1)


def test_owner_invites_member_who_accepts(client, make, outbox):
    owner = make.user()
    startup = make.startup(members=[owner])
    login(client, owner)
    response = client.post(f"/organisations/{startup.slug}/members", data={"email": "New@Example.org", "role": "member"})
    assert response.status_code == 302
    path = _invitation_path(outbox("new@example.org")[0])
    invitee = make.user(email="new@example.org")
    login(client, invitee)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    membership = db.session.scalar(select(Membership).where(Membership.user_id == invitee.id))
    assert membership.organisation_id == startup.id and membership.role == MemberRole.MEMBER
    # using the link again is harmless and adds nothing
    assert client.post(path).status_code == 302
    assert len(db.session.scalars(select(Membership).where(Membership.user_id == invitee.id)).all()) == 1


def test_invitation_for_another_address_is_refused(client, make, outbox):
    owner = make.user()
    startup = make.startup(members=[owner])
    services.invite_member(organisation=startup, user=owner, email="invited@example.org", role=MemberRole.MEMBER)
    commit()
    path = _invitation_path(outbox("invited@example.org")[0])
    intruder = make.user(email="intruder@example.org")
    login(client, intruder)
    response = client.post(path, follow_redirects=True)
    assert b"This invitation was sent to invited@example.org" in response.data
    assert db.session.scalar(select(Membership).where(Membership.user_id == intruder.id)) is None


def test_member_who_is_not_owner_cannot_invite(client, make):
    owner, member = make.user(), make.user()
    startup = make.startup(members=[owner])
    make.membership(user=member, organisation=startup, role=MemberRole.MEMBER)
    login(client, member)
    response = client.post(f"/organisations/{startup.slug}/members", data={"email": "x@example.org", "role": "owner"})
    assert response.status_code == 403
    assert db.session.scalar(select(Invitation)) is None


def test_inviting_an_existing_member_is_refused(client, make):
    owner = make.user()
    startup = make.startup(members=[owner])
    login(client, owner)
    response = client.post(f"/organisations/{startup.slug}/members", data={"email": owner.email, "role": "member"})
    assert response.status_code == 200
    assert b"already a member" in response.data


def test_last_owner_cannot_be_removed(client, make):
    owner = make.user()
    startup = make.startup(members=[owner])
    membership = db.session.scalar(select(Membership).where(Membership.user_id == owner.id))
    login(client, owner)
    response = client.post(f"/organisations/{startup.slug}/members/{membership.id}/remove", follow_redirects=True)
    assert b"needs at least one owner" in response.data
    assert db.session.get(Membership, membership.id) is not None


def test_owner_removes_member(client, make):
    owner, member = make.user(), make.user()
    startup = make.startup(members=[owner])
    membership_id = make.membership(user=member, organisation=startup, role=MemberRole.MEMBER).id
    login(client, owner)
    assert client.post(f"/organisations/{startup.slug}/members/{membership_id}/remove").status_code == 302
    assert db.session.get(Membership, membership_id) is None


def test_public_profile_shows_startup_details(client, make):
    startup = make.startup(name="Parkeerwijs", capabilities=["parkeersensoren"], size_fte=4)
    response = client.get(f"/organisations/{startup.slug}")
    assert response.status_code == 200
    assert b"Parkeerwijs" in response.data and b"parkeersensoren" in response.data


def test_unknown_organisation_is_404(client):
    assert client.get("/organisations/does-not-exist").status_code == 404


def test_owner_hands_over_ownership_and_the_last_owner_stays(client, make):
    owner, member = make.user(), make.user()
    startup = make.startup(members=[owner])
    joined = make.membership(user=member, organisation=startup, role=MemberRole.MEMBER)
    own = db.session.scalar(select(Membership).where(Membership.user_id == owner.id))
    login(client, owner)
    assert client.post(f"/organisations/{startup.slug}/members/{joined.id}/role", data={"role": "owner"}).status_code == 302
    db.session.refresh(joined)
    assert joined.role == MemberRole.OWNER
    client.post(f"/organisations/{startup.slug}/members/{own.id}/role", data={"role": "member"})
    client.post(f"/organisations/{startup.slug}/members/{joined.id}/remove")
    db.session.refresh(own)
    assert own.role == MemberRole.MEMBER
    login(client, member)
    response = client.post(f"/organisations/{startup.slug}/members/{joined.id}/role", data={"role": "member"},
                           follow_redirects=True)
    assert b"needs at least one owner" in response.data


def test_role_change_refuses_unknown_roles_and_non_owners(client, make):
    owner, member = make.user(), make.user()
    startup = make.startup(members=[owner])
    joined = make.membership(user=member, organisation=startup, role=MemberRole.MEMBER)
    login(client, owner)
    assert client.post(f"/organisations/{startup.slug}/members/{joined.id}/role", data={"role": "king"}).status_code == 400
    login(client, member)
    assert client.post(f"/organisations/{startup.slug}/members/{joined.id}/role", data={"role": "owner"}).status_code == 403
