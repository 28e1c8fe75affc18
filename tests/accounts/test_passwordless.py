"""Accounts without a password: registering without one, signing in by an e-mail link (which says
nothing about whether an address has an account), and setting a password later."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matchmaker.accounts.models import User
from matchmaker.audit.models import AuditEvent
from matchmaker.extensions import db

from ..conftest import login
from ..factories import PASSWORD

LINK = re.compile(r"https?://[^\s]+(/account/[^\s]+)")


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def ask_link(client, email: str, next_url: str = ""):
    return client.post("/account/login", data={"email": email, "password": "", "link": "1", "next": next_url})


def test_register_without_a_password_then_confirm_signs_in(client, outbox):
    client.post("/account/register", data={"name": "Bo", "email": "bo@example.org", "password": ""})
    user = db.session.scalar(select(User))
    assert user.password_hash == "" and not user.has_password and not user.is_verified
    assert client.get(link_in(outbox("bo@example.org")[0])).status_code == 302
    assert client.get("/account/settings").status_code == 200
    assert "Set a password" in client.get("/account/settings").get_data(as_text=True)


def test_a_sign_in_link_signs_in_once_and_keeps_next(client, make, outbox):
    user = make.user(email="lid@example.org")
    user.password_hash = ""
    page = ask_link(client, "lid@example.org", "/proposals/").get_data(as_text=True)
    assert "If <strong>lid@example.org</strong> has an account here, a sign-in link is on its way." in page
    link = link_in(outbox("lid@example.org")[-1])
    assert outbox("lid@example.org")[-1].template == "signin_link"
    response = client.get(link)
    assert response.status_code == 302 and response.headers["Location"] == "/proposals/"
    assert client.get("/account/settings").status_code == 200
    assert [e.action for e in db.session.scalars(select(AuditEvent))] == ["user.signed_in_by_link"]
    client.post("/account/logout")
    again = client.get(link)
    assert again.status_code == 400 and client.get("/account/settings").status_code == 302


def test_a_sign_in_link_for_an_unknown_address_answers_the_same_and_sends_nothing(client, make, outbox):
    make.user(email="known@example.org")
    known = ask_link(client, "known@example.org").get_data(as_text=True).replace("known@example.org", "X")
    unknown = ask_link(client, "unknown@example.org").get_data(as_text=True).replace("unknown@example.org", "X")
    strip = re.compile(r'name="csrf_token" value="[^"]*"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert outbox("unknown@example.org") == [] and len(outbox("known@example.org")) == 1


def test_a_sign_in_link_confirms_an_unconfirmed_address(client, make, outbox):
    user = make.user(email="new@example.org", verified=False)
    ask_link(client, "new@example.org")
    client.get(link_in(outbox("new@example.org")[-1]))
    db.session.expire_all()
    assert user.is_verified


def test_a_forged_sign_in_link_gets_a_clear_page(client):
    response = client.get("/account/signin/not-a-token")
    assert response.status_code == 400 and "This link does not work" in response.get_data(as_text=True)


def test_a_passwordless_account_cannot_sign_in_with_any_password(client, make):
    user = make.user(email="nopw@example.org")
    user.password_hash = ""
    response = client.post("/account/login", data={"email": "nopw@example.org", "password": ""})
    assert "Enter your password, or ask for a sign-in link." in response.get_data(as_text=True)
    response = client.post("/account/login", data={"email": "nopw@example.org", "password": "whatever it is"})
    assert "do not match an active account" in response.get_data(as_text=True)


def test_setting_a_password_later(client, make, outbox):
    user = make.user(email="later@example.org")
    user.password_hash = ""
    login(client, user)
    page = client.get("/account/password").get_data(as_text=True)
    assert 'id="current_password"' not in page and 'id="new_password"' in page
    short = client.post("/account/password", data={"new_password": "short"})
    assert short.status_code == 200 and "at least 12 characters" in short.get_data(as_text=True).lower()
    response = client.post("/account/password", data={"new_password": "een lang nieuw wachtwoord"})
    assert response.status_code == 302
    db.session.expire_all()
    assert user.has_password
    assert [m.template for m in outbox("later@example.org")] == ["password_changed"]
    assert "user.password_set" in [e.action for e in db.session.scalars(select(AuditEvent))]
    client.post("/account/logout")
    signed_in = client.post("/account/login", data={"email": "later@example.org",
                                                    "password": "een lang nieuw wachtwoord"})
    assert signed_in.status_code == 302


@pytest.mark.parametrize("password", [PASSWORD])
def test_an_account_with_a_password_still_changes_it_with_the_current_one(client, make, password):
    login(client, make.user())
    assert 'id="current_password"' in client.get("/account/password").get_data(as_text=True)
