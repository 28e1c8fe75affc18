"""The way in for a startup without an account: the apply page keeps a pending draft, the e-mail
link turns it into a real draft proposal; who can and cannot use the apply page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from matchmaker.accounts.models import User
from matchmaker.audit.models import AuditEvent
from matchmaker.db_types import utcnow
from matchmaker.enums import OrgKind, ProposalStatus
from matchmaker.extensions import db
from matchmaker.organisations.models import Organisation
from matchmaker.proposals.models import Proposal
from matchmaker.proposals.pending_models import PendingApplication
from matchmaker.proposals.summary import derive_summary

from ..conftest import login
from ..factories import PASSWORD

TEXT = {"understanding": "Zakken staan te lang op straat.", "solution": "Sensoren in veertig containers. Dan meer.",
        "team": "Een data-engineer en een ontwerper.", "price_cents": "25.000", "language": "nl"}


def form_key_of(page: str) -> str:
    return re.search(r'name="form_key" type="hidden" value="([^"]+)"', page).group(1)


def open_apply(client, challenge) -> str:
    response = client.get(f"/challenges/{challenge.slug}/apply")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def send(client, challenge, key, **values):
    data = {"form_key": key, "email": "founder@afvalslim.nl", "startup_name": "Afvalslim", **TEXT, "save": "1"}
    data.update(values)
    return client.post(f"/challenges/{challenge.slug}/apply", data=data)


def link_in(outbox, to: str) -> str:
    message = outbox(to)[-1]
    assert message.template == "pending_application"
    return re.search(r"http://\S+(/apply/confirm/\S+)", message.body).group(1)


def other_browser(app):
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return browser


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def challenge(make):
    return make.challenge(slug="afval", max_fte=10, pilot_weeks=8, languages=["nl", "en"], language="nl")


# --- the apply page for a visitor ---------------------------------------------------------------------

def test_the_apply_page_asks_a_visitor_only_what_the_challenge_needs(client, make, challenge):
    page = open_apply(client, challenge)
    assert 'id="email"' in page and 'id="startup_name"' in page and 'id="size_fte"' in page
    assert 'id="founded_year"' not in page  # this challenge has no age rule
    assert 'aria-current="step"' in page and 'name="submit"' not in page and 'id="attachment"' not in page
    assert re.search(r'<input[^>]*id="duration_weeks"[^>]*value="8"', page)
    plain = make.challenge(slug="plain")
    page = open_apply(client, plain)
    assert 'id="size_fte"' not in page and 'id="founded_year"' not in page


def test_a_visitor_s_draft_is_kept_and_editable_before_confirmation(client, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    response = send(client, challenge, key, size_fte="4")
    assert response.status_code == 302 and response.headers["Location"].endswith("/challenges/afval/apply/sent")
    sent = client.get("/challenges/afval/apply/sent").get_data(as_text=True)
    assert "founder@afvalslim.nl" in sent and "Your draft is kept" in sent
    assert [m.template for m in outbox("founder@afvalslim.nl")] == ["pending_application"]
    pending = db.session.scalar(select(PendingApplication))
    assert pending.startup_name == "Afvalslim" and pending.profile == {"size_fte": "4"}  # FTE as decimal text
    assert pending.content["solution"] == TEXT["solution"] and pending.content["price_cents"] == 2_500_000
    assert len(pending.token_hash) == 64 and pending.token_hash not in outbox()[0].body

    page = open_apply(client, challenge)  # the same browser session comes back
    assert form_key_of(page) == key and TEXT["solution"] in page and 'value="Afvalslim"' in page
    send(client, challenge, key, solution="Een betere oplossing.", size_fte="4")
    db.session.expire_all()
    assert count(PendingApplication) == 1 and pending.content["solution"] == "Een betere oplossing."
    assert len(outbox("founder@afvalslim.nl")) == 1  # saving again sends no new mail
    assert count(Proposal) == 0 and count(User) == 0 and count(Organisation) == 1  # the municipality


def test_submitting_waits_for_the_confirmation(client, challenge):
    key = form_key_of(open_apply(client, challenge))
    response = send(client, challenge, key, save=None, submit="1")
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/sent")
    assert count(Proposal) == 0 and count(PendingApplication) == 1


def test_a_double_submit_leaves_one_pending_draft_and_one_mail(client, app, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    other_tab = other_browser(app)  # the same form replayed without the session cookie
    assert send(client, challenge, key).status_code == 302
    assert send(other_tab, challenge, key).status_code == 302
    assert count(PendingApplication) == 1 and len(outbox("founder@afvalslim.nl")) == 1


def test_a_new_address_gets_a_new_link_and_the_old_one_stops_working(client, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key)
    old_link = link_in(outbox, "founder@afvalslim.nl")
    send(client, challenge, key, email="hello@afvalslim.nl")
    new_link = link_in(outbox, "hello@afvalslim.nl")
    assert client.get(old_link).status_code == 400
    assert client.get(new_link).status_code == 302


@pytest.mark.parametrize("values, field, message", [
    ({"email": "not-an-address"}, "email", "Invalid email address."),
    ({"email": ""}, "email", "This field is required."),
    ({"startup_name": ""}, "startup_name", "This field is required."),
    ({"startup_name": "x" * 161}, "startup_name", "Field cannot be longer than 160 characters."),
    ({"size_fte": "vier"}, "size_fte", "Enter a number such as 2.5, with at most one decimal."),
    ({"price_cents": "1e9"}, "price_cents", None),
    ({"language": "de"}, "language", "This challenge does not accept proposals in that language."),
])
def test_hostile_values_on_the_visitor_s_form_get_a_clear_message(client, challenge, values, field, message):
    key = form_key_of(open_apply(client, challenge))
    response = send(client, challenge, key, **values)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and f'href="#{field}"' in page
    if message:
        assert message in page
    assert count(PendingApplication) == 0


@pytest.mark.parametrize("key", ["", "x" * 65])
def test_a_missing_or_forged_form_key_is_refused_without_a_500(client, challenge, key):
    open_apply(client, challenge)
    response = send(client, challenge, key)
    assert response.status_code == 422 and count(PendingApplication) == 0


# --- the link -------------------------------------------------------------------------------------------

def test_the_link_creates_the_account_the_startup_and_the_draft_and_signs_in(client, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key, size_fte="4", summary="")
    response = client.get(link_in(outbox, "founder@afvalslim.nl"))
    proposal = db.session.scalar(select(Proposal))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/proposals/{proposal.id}/edit")
    user = db.session.scalar(select(User))
    assert user.email == "founder@afvalslim.nl" and user.is_verified and not user.has_password
    startup = proposal.startup
    assert startup.name == "Afvalslim" and startup.kind == OrgKind.STARTUP and startup.size_fte == 4
    assert [m.user_id for m in startup.memberships] == [user.id]
    assert proposal.status == ProposalStatus.DRAFT and proposal.solution == TEXT["solution"]
    assert proposal.duration_weeks == 8 and proposal.created_by_id == user.id
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)  # signed in
    assert "Your e-mail address is confirmed. Check your proposal and submit it." in page and 'name="submit"' in page
    actions = [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["application.pending_saved", "user.registered", "organisation.created", "proposal.started",
                       "application.confirmed"]

    response = client.post(f"/proposals/{proposal.id}/edit", data={**TEXT, "submit": "1", "duration_weeks": "8",
                                                                    "lock_version": str(proposal.lock_version)})
    assert response.status_code == 302 and "/receipt/1" in response.headers["Location"]
    db.session.expire_all()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.summary == derive_summary(TEXT["solution"]) == "Sensoren in veertig containers. Dan meer."
    assert startup.team_description == TEXT["team"]


def test_a_second_click_is_harmless_for_its_owner_and_refused_for_anyone_else(client, app, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key)
    link = link_in(outbox, "founder@afvalslim.nl")
    first = client.get(link)
    assert client.get(link).headers["Location"] == first.headers["Location"]
    stranger = other_browser(app)
    response = stranger.get(link)
    assert response.status_code == 400 and "This link has already been used" in response.get_data(as_text=True)
    assert count(Proposal) == 1 and count(User) == 1


def test_an_expired_link_says_so(client, challenge, outbox):
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key)
    link = link_in(outbox, "founder@afvalslim.nl")
    db.session.scalar(select(PendingApplication)).expires_at = utcnow() - timedelta(minutes=1)
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has expired." in response.get_data(as_text=True) and count(Proposal) == 0


def test_an_existing_account_s_address_reveals_nothing_and_the_link_attaches_the_draft(client, app, make,
                                                                                       challenge, outbox):
    startup = make.startup(name="Bestaand BV", size_fte=None)
    owner = make.startup_member(startup, email="owner@bestaand.nl")
    fresh = other_browser(app)
    key_new = form_key_of(open_apply(fresh, challenge))
    key_old = form_key_of(open_apply(client, challenge))
    new_answer = send(fresh, challenge, key_new, email="nobody@nieuw.nl")
    old_answer = send(client, challenge, key_old, email="owner@bestaand.nl", startup_name="Verkeerde naam",
                      size_fte="3")
    assert new_answer.status_code == old_answer.status_code == 302
    assert new_answer.headers["Location"] == old_answer.headers["Location"]
    new_page = fresh.get("/challenges/afval/apply/sent").get_data(as_text=True).replace("nobody@nieuw.nl", "X")
    old_page = client.get("/challenges/afval/apply/sent").get_data(as_text=True).replace("owner@bestaand.nl", "X")
    strip = re.compile(r'name="csrf_token" value="[^"]*"')
    assert strip.sub("", new_page) == strip.sub("", old_page)
    assert outbox("owner@bestaand.nl")[0].subject == outbox("nobody@nieuw.nl")[0].subject
    hash_before = owner.password_hash

    client.get(link_in(outbox, "owner@bestaand.nl"))
    proposal = db.session.scalar(select(Proposal))
    assert proposal.startup_id == startup.id and proposal.created_by_id == owner.id
    db.session.expire_all()
    assert startup.name == "Bestaand BV" and startup.size_fte == 3  # only the gap is filled
    assert owner.password_hash == hash_before and count(User) == 1


def test_the_link_fills_only_the_empty_fields_of_a_proposal_the_startup_already_has(client, make, challenge,
                                                                                    outbox):
    startup = make.startup(size_fte=2)
    make.startup_member(startup, email="owner@bestaand.nl")
    make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT, solution="Onze eigen tekst.",
                  price_justification="")
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key, email="owner@bestaand.nl", price_justification="Omdat het kan.")
    client.get(link_in(outbox, "owner@bestaand.nl"))
    proposal = db.session.scalar(select(Proposal))
    assert proposal.solution == "Onze eigen tekst." and proposal.price_justification == "Omdat het kan."
    assert count(Proposal) == 1


def test_an_officer_s_address_gets_no_startup_from_the_link(client, make, challenge, outbox):
    make.officer(email="inkoper@gemeente.nl")
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key, email="inkoper@gemeente.nl")
    response = client.get(link_in(outbox, "inkoper@gemeente.nl"))
    assert response.status_code == 400 and "cannot apply" in response.get_data(as_text=True)
    assert count(Proposal) == 0
    assert db.session.scalar(select(func.count()).select_from(Organisation)
                             .where(Organisation.kind == OrgKind.STARTUP)) == 0


# --- who may use the apply page -----------------------------------------------------------------------

@pytest.mark.parametrize("who, status, text", [
    ("anonymous", 200, 'id="email"'),
    ("startup", 200, 'name="submit"'),
    ("no organisation yet", 200, 'id="startup_name"'),
    ("officer", 403, "You are signed in as an officer of a municipality."),
    ("evaluator", 403, "You are signed in as a member of an evaluation panel, without a startup."),
    ("admin", 403, "You are signed in as an administrator."),
    ("unconfirmed startup member", 403, "Confirm your e-mail address first"),
])
def test_the_apply_page_for_every_role(client, make, challenge, who, status, text):
    if who == "startup":
        login(client, make.startup_member(make.startup(size_fte=3)))
    elif who == "no organisation yet":
        login(client, make.user())
    elif who == "officer":
        login(client, make.officer(challenge.organisation))
    elif who == "evaluator":
        login(client, make.seat(challenge=make.challenge()).user)
    elif who == "admin":
        login(client, make.admin())
    elif who == "unconfirmed startup member":
        login(client, make.startup_member(verified=False))
    response = client.get(f"/challenges/{challenge.slug}/apply")
    page = response.get_data(as_text=True)
    assert response.status_code == status and text in page
    if status == 403:
        assert "Back to the challenge" in page or "Send the link again" in page


def test_a_confirmed_person_without_a_startup_names_it_on_the_apply_page(client, make, challenge):
    user = make.user()
    login(client, user)
    show = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert f'href="/challenges/{challenge.slug}/apply"' in show and "on the next page" in show
    response = client.post(f"/challenges/{challenge.slug}/apply",
                           data={**TEXT, "startup_name": "Nieuw BV", "size_fte": "12", "submit": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422  # 12 FTE is over the challenge's 10
    assert '<a href="#size_fte">Team size (FTE)</a>: This challenge is for companies up to 10 FTE' in page
    proposal = db.session.scalar(select(Proposal))
    assert proposal.startup.name == "Nieuw BV" and proposal.status == ProposalStatus.DRAFT
    response = client.post(f"/proposals/{proposal.id}/edit",
                           data={**TEXT, "size_fte": "6", "duration_weeks": "8", "submit": "1",
                                 "lock_version": str(proposal.lock_version)})
    assert response.status_code == 302 and "/receipt/1" in response.headers["Location"]


def test_a_startup_profile_without_size_gets_the_field_on_the_apply_page(client, make, challenge):
    startup = make.startup(size_fte=None, team_description="Twee oprichters.")
    login(client, make.startup_member(startup))
    page = open_apply(client, challenge)
    assert 'id="size_fte"' in page and 'id="startup_name"' not in page and 'id="email"' not in page
    assert "Twee oprichters.</textarea>" in page  # the team from the profile
    client.post(f"/challenges/{challenge.slug}/apply", data={**TEXT, "size_fte": "3", "save": "1"})
    db.session.expire_all()
    assert startup.size_fte == 3


def test_next_survives_registration_confirmation_and_the_profile(client, make, challenge, outbox):
    apply_path = f"/challenges/{challenge.slug}/apply"
    client.post(f"/account/register?next={apply_path}",
                data={"name": "Fien", "email": "fien@nieuw.nl", "password": "", "next": apply_path})
    link = re.search(r"http://\S+(/account/verify/\S+)", outbox("fien@nieuw.nl")[0].body).group(1)
    response = client.get(link)
    assert response.status_code == 302 and response.headers["Location"] == apply_path
    assert 'id="startup_name"' in client.get(apply_path).get_data(as_text=True)
    response = client.post(f"/organisations/new?kind=startup&next={apply_path}",
                           data={"name": "Fien BV", "next": apply_path})
    assert response.status_code == 302 and response.headers["Location"] == apply_path
    assert 'id="startup_name"' not in client.get(apply_path).get_data(as_text=True)
    assert db.session.scalar(select(User)).has_password is False and PASSWORD


def test_the_pending_draft_stays_sealed_in_the_audit_trail_and_a_resend_is_recorded(client, make, challenge,
                                                                                     outbox):
    key = form_key_of(open_apply(client, challenge))
    send(client, challenge, key)
    response = client.post("/challenges/afval/apply/resend")
    assert response.status_code == 302 and len(outbox("founder@afvalslim.nl")) == 2
    assert "again. Only the newest link works." in client.get(response.headers["Location"]).get_data(as_text=True)
    officer = make.officer(challenge.organisation)
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert "Someone wrote a draft proposal, waiting for their e-mail confirmation (hidden until the deadline)" in page
    assert "Someone asked for their confirmation link again (hidden until the deadline)" in page
    assert "founder@afvalslim.nl" not in page and "Afvalslim" not in page
