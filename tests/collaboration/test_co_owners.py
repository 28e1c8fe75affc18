"""Co-owned challenges: the lead buyer adds, removes and sets the rights of co-owner municipalities;
co-owners' officers do what the lead allows; the public page and the API name every owner."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.challenges import permissions as challenge_permissions
from matchmaker.collaboration import services
from matchmaker.collaboration.models import CoOwner
from matchmaker.enums import ChallengeStatus
from matchmaker.errors import NotAllowed, ValidationFailed
from matchmaker.evaluation import permissions as evaluation_permissions
from matchmaker.extensions import db
from matchmaker.proposals import permissions as proposal_permissions

from ..conftest import login
from ..factories import pass_deadline
from .conftest import ALL_RIGHTS, co_own


def _events(action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_lead_adds_a_co_owner_with_rights_and_it_is_audited(make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    row = services.add_co_owner(challenge=challenge, user=owners["officer"], organisation=owners["full"],
                                rights={"may_answer_questions": True, "may_decide": True})
    assert [co.organisation.name for co in challenge.co_owners] == ["Gemeente Assen"]
    assert services.rights_of(row) == ["may_answer_questions", "may_decide"]
    [event] = _events("challenge.co_owner_added")
    assert event.challenge_id == challenge.id and event.actor_id == owners["officer"].id
    assert event.data == {"organisation": "Gemeente Assen", "organisation_id": owners["full"].id,
                          "rights": ["may_answer_questions", "may_decide"]}


@pytest.mark.parametrize(("who", "message"), [
    ("unverified", "Gemeente Nieuw is not verified yet; only verified municipalities can co-own a challenge."),
    ("lead", "Gemeente Groningen is the lead buyer of this challenge already."),
    ("startup", "Afvalslim is not a municipality; only municipalities can co-own a challenge."),
    ("duplicate", "Gemeente Assen co-owns this challenge already."),
    ("nobody", "Choose a municipality."),
])
def test_a_co_owner_must_be_another_verified_municipality_once(make, owners, who, message):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"])
    organisation = {"unverified": make.municipality(name="Gemeente Nieuw", verified=False), "lead": owners["lead"],
                    "startup": make.startup(name="Afvalslim"), "duplicate": owners["full"], "nobody": None}[who]
    with pytest.raises(ValidationFailed) as caught:
        services.add_co_owner(challenge=challenge, user=owners["officer"], organisation=organisation)
    assert caught.value.message == message and caught.value.field == "organisation"
    assert [co.organisation_id for co in challenge.co_owners] == [owners["full"].id]


@pytest.mark.parametrize("role", ["co_owner_officer", "co_owner_no_rights"])
def test_only_the_lead_chooses_co_owners(make, owners, role):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"], **ALL_RIGHTS)
    co_own(challenge, owners["bare"])
    other = make.municipality(name="Gemeente Zwolle")
    with pytest.raises(NotAllowed, match="Only officers of the lead buyer can choose the co-owners"):
        services.add_co_owner(challenge=challenge, user=owners[role], organisation=other)
    with pytest.raises(NotAllowed):
        services.set_co_owner_rights(challenge=challenge, user=owners[role], organisation_id=owners["bare"].id,
                                     rights=ALL_RIGHTS)
    with pytest.raises(NotAllowed):
        services.remove_co_owner(challenge=challenge, user=owners[role], organisation_id=owners["bare"].id)


def test_no_co_owners_for_a_cancelled_challenge(make, owners):
    challenge = make.challenge(organisation=owners["lead"], status=ChallengeStatus.CANCELLED)
    with pytest.raises(NotAllowed):
        services.add_co_owner(challenge=challenge, user=owners["officer"], organisation=owners["full"])


def test_changing_rights_is_audited_once_and_a_double_remove_is_harmless(make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["bare"])
    officer, bare = owners["officer"], owners["bare"].id
    services.set_co_owner_rights(challenge=challenge, user=officer, organisation_id=bare, rights={"may_edit": True})
    services.set_co_owner_rights(challenge=challenge, user=officer, organisation_id=bare, rights={"may_edit": True})
    [event] = _events("challenge.co_owner_rights_changed")
    assert event.data["from"] == [] and event.data["rights"] == ["may_edit"]
    services.remove_co_owner(challenge=challenge, user=officer, organisation_id=bare)
    services.remove_co_owner(challenge=challenge, user=officer, organisation_id=bare)
    assert challenge.co_owners == []
    assert db.session.scalars(select(CoOwner)).all() == []
    assert [e.data["organisation"] for e in _events("challenge.co_owner_removed")] == ["Gemeente Emmen"]


def test_rights_of_an_organisation_that_is_no_co_owner_are_refused(make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    with pytest.raises(ValidationFailed, match="does not co-own"):
        services.set_co_owner_rights(challenge=challenge, user=owners["officer"], organisation_id=owners["full"].id,
                                     rights={})


def test_each_right_opens_exactly_its_own_work(make, owners):
    """One co-owner per right: each may do that and nothing else; publishing and cancelling stay with the lead."""
    draft = make.challenge(organisation=owners["lead"], status=ChallengeStatus.DRAFT)
    published = make.challenge(organisation=owners["lead"])
    closed = make.challenge(organisation=owners["lead"], days_open=-1)
    checks = {
        "may_edit": lambda u: challenge_permissions.can_edit_challenge(u, draft),
        "may_answer_questions": lambda u: challenge_permissions.can_answer_questions(u, published),
        "may_manage_panel": lambda u: evaluation_permissions.can_manage_panel(u, closed),
        "may_decide": lambda u: evaluation_permissions.can_run_evaluation(u, closed),
    }
    for right in checks:
        municipality = make.municipality(name=f"Gemeente {right}")
        user = make.officer(municipality)
        for challenge in (draft, published, closed):
            co_own(challenge, municipality, **{right: True})
        assert {r for r, check in checks.items() if check(user)} == {right}, right
        assert challenge_permissions.can_manage_challenge(user, published)
        assert not challenge_permissions.can_publish_challenge(user, draft)
        assert not challenge_permissions.can_cancel_challenge(user, published)
    assert challenge_permissions.can_publish_challenge(owners["officer"], draft)


def test_the_seal_treats_a_deciding_co_owner_like_the_lead_and_others_never_read(make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"], may_decide=True)
    co_own(challenge, owners["bare"], may_edit=True, may_answer_questions=True, may_manage_panel=True)
    proposal = make.proposal(challenge=challenge)
    lead, full, bare = owners["officer"], owners["co_owner_officer"], owners["co_owner_no_rights"]
    for user in (lead, full, bare):  # before the deadline: sealed for every officer alike
        assert proposal_permissions.is_sealed(proposal, user) and proposal_permissions.is_sealed(challenge, user)
        assert not proposal_permissions.can_read_proposal(user, proposal)
    pass_deadline(challenge)
    for user in (lead, full, bare):  # the seal itself is the same for all
        assert not proposal_permissions.is_sealed(proposal, user)
    assert proposal_permissions.can_read_proposal(lead, proposal)
    assert proposal_permissions.can_read_proposal(full, proposal)
    assert not proposal_permissions.can_read_proposal(bare, proposal)  # no right to decide: never reads
    assert not proposal_permissions.can_list_proposals(bare, challenge)


def test_a_co_owner_without_rights_does_not_see_names_in_blind_review(make, owners):
    challenge = make.challenge(organisation=owners["lead"], days_open=-1, blind_review=True)
    co_own(challenge, owners["full"], may_decide=True)
    co_own(challenge, owners["bare"])
    assert evaluation_permissions.sees_identities(owners["co_owner_officer"], challenge)
    assert not evaluation_permissions.sees_identities(owners["co_owner_no_rights"], challenge)


def test_a_co_owner_with_the_panel_right_manages_the_one_panel(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"], days_open=-1)
    co_own(challenge, owners["full"], may_manage_panel=True)
    login(client, owners["co_owner_officer"])
    response = client.post(f"/challenges/{challenge.id}/panel", data={"email": "expert@example.org",
                                                                      "discipline": "it"})
    assert response.status_code == 302
    from matchmaker.evaluation.models import PanelSeat

    seats = db.session.scalars(select(PanelSeat).where(PanelSeat.challenge_id == challenge.id)).all()
    assert [s.email for s in seats] == ["expert@example.org"]  # on the challenge's own (only) panel
    client.post("/account/logout")
    login(client, owners["officer"])
    assert "expert@example.org" in client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)


def test_the_public_page_and_the_api_name_every_owner(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"])
    co_own(challenge, owners["bare"])
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    text = " ".join(page.split())
    assert ">Gemeente Groningen</a> (lead buyer), <a" in text
    assert text.index("Gemeente Groningen") < text.index("Gemeente Assen") < text.index("Gemeente Emmen")
    data = client.get(f"/api/v1/challenges/{challenge.slug}").get_json()
    assert data["municipality"]["name"] == "Gemeente Groningen"
    assert data["co_owners"] == [{"name": "Gemeente Assen", "slug": owners["full"].slug},
                                 {"name": "Gemeente Emmen", "slug": owners["bare"].slug}]
    assert data["round"] is None
    listed = client.get("/api/v1/challenges").get_json()["items"][0]
    assert [c["name"] for c in listed["co_owners"]] == ["Gemeente Assen", "Gemeente Emmen"]


def test_a_challenge_without_co_owners_names_no_lead_buyer(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    assert "lead buyer" not in client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)


def test_the_public_page_in_dutch_says_penvoerder(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"])
    client.post("/language", data={"locale": "nl"})
    assert "(penvoerder)" in client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)


def test_co_owners_see_the_challenge_on_their_dashboard(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"], title="Slimme afvalinzameling")
    co_own(challenge, owners["bare"])
    make.challenge(organisation=make.municipality(), title="Iets heel anders")
    login(client, owners["co_owner_no_rights"])
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Slimme afvalinzameling" in page and "co-owned by your municipality" in page
    assert "Iets heel anders" not in page


def test_the_settings_page_adds_sets_and_removes(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    login(client, owners["officer"])
    page = client.get(f"/challenges/{challenge.id}/co-owners").get_data(as_text=True)
    assert "Gemeente Assen" in page and "Gemeente Groningen</option>" not in page
    response = client.post(f"/challenges/{challenge.id}/co-owners",
                           data={"organisation": str(owners["full"].id), "may_decide": "y"})
    assert response.status_code == 302
    [row] = challenge.co_owners
    assert services.rights_of(row) == ["may_decide"]
    prefix = f"o{owners['full'].id}"
    client.post(f"/challenges/{challenge.id}/co-owners/{owners['full'].id}",
                data={f"{prefix}-may_edit": "y", f"{prefix}-may_run_pilot": "y"})
    db.session.refresh(row)
    assert services.rights_of(row) == ["may_edit", "may_run_pilot"]
    manage = client.get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert "Edit the draft, extend the deadline and invite startups; Run the pilot" in manage
    client.post(f"/challenges/{challenge.id}/co-owners/{owners['full'].id}/remove")
    db.session.expire_all()
    assert db.session.scalars(select(CoOwner)).all() == []


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1", "٣"])
def test_bad_input_on_the_settings_page_gets_a_message(client, make, owners, value):
    challenge = make.challenge(organisation=owners["lead"])
    login(client, owners["officer"])
    response = client.post(f"/challenges/{challenge.id}/co-owners", data={"organisation": value})
    assert response.status_code == 422
    assert "Choose a municipality." in response.get_data(as_text=True)


def test_adding_the_same_co_owner_twice_on_the_page_says_so(client, make, owners):
    challenge = make.challenge(organisation=owners["lead"])
    login(client, owners["officer"])
    data = {"organisation": str(owners["full"].id)}
    assert client.post(f"/challenges/{challenge.id}/co-owners", data=data).status_code == 302
    response = client.post(f"/challenges/{challenge.id}/co-owners", data=data)
    assert response.status_code == 422
    assert "Gemeente Assen co-owns this challenge already." in response.get_data(as_text=True)
    assert len(db.session.scalars(select(CoOwner)).all()) == 1


def test_a_question_reaches_co_owners_who_answer_questions(make, owners):
    from matchmaker.challenges.questions import ask_question
    from matchmaker.mail.models import OutboxMessage

    challenge = make.challenge(organisation=owners["lead"])
    co_own(challenge, owners["full"], may_answer_questions=True)
    co_own(challenge, owners["bare"])
    ask_question(challenge=challenge, user=make.startup_member(), text="Mag een consortium inschrijven?")
    recipients = sorted(m.to for m in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.template == "question_asked")))
    assert recipients == sorted([owners["officer"].email, owners["co_owner_officer"].email])
