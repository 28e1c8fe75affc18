import re

import pytest
from sqlalchemy import select

from matchmaker.accounts import services
from matchmaker.accounts.models import User
from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.errors import DomainError, ValidationFailed
from matchmaker.extensions import db

from ..conftest import login
from ..factories import PASSWORD

LINK = re.compile(r"https?://[^\s]+(/account/[^\s]+)")


def link_in(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def test_register_creates_unverified_user_and_sends_link(client, outbox):
    response = client.post("/account/register", data={
        "name": "Anna de Vries", "email": "Anna@Example.org", "password": "a long enough passphrase",
    })
    assert response.status_code == 302 and response.headers["Location"] == "/account/check-email"
    assert client.get("/dashboard").status_code == 302  # not signed in before the link is opened
    user = db.session.scalar(select(User).where(User.email == "anna@example.org"))
    assert user is not None and user.verified_at is None
    assert user.password_hash != "a long enough passphrase"
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
    mails = outbox("anna@example.org")
    assert len(mails) == 1 and "/account/verify/" in mails[0].body


@pytest.mark.parametrize("password", ["short", "elevenchars"])
def test_register_refuses_short_password(client, password):
    response = client.post("/account/register", data={"name": "A", "email": "a@example.org", "password": password})
    assert response.status_code == 200
    assert b"Field must be between 12 and 1024 characters long." in response.data
    assert db.session.scalar(select(User)) is None


def test_register_accepts_long_passphrase_without_composition_rules(client, outbox):
    phrase = "all lowercase words are fine " * 10
    response = client.post("/account/register", data={"name": "B", "email": "b@example.org", "password": phrase})
    assert response.status_code == 302
    assert services.authenticate(email="b@example.org", password=phrase) is None  # not before confirming
    client.get(link_in(outbox("b@example.org")[0]))
    assert services.authenticate(email="b@example.org", password=phrase) is not None


def test_register_twice_with_same_email_any_case_makes_no_second_account(client, make, outbox):
    make.user(email="taken@example.org")
    response = client.post("/account/register", data={
        "name": "C", "email": "TAKEN@example.org", "password": "another long password"})
    assert response.status_code == 302 and response.headers["Location"] == "/account/check-email"
    assert b"already exists" not in client.get("/account/check-email").data
    assert len(db.session.scalars(select(User)).all()) == 1
    assert [m.template for m in outbox("taken@example.org")] == ["registration_attempt"]


def test_register_with_invalid_email_shows_error(client):
    response = client.post("/account/register", data={"name": "C", "email": "not-an-email", "password": "x" * 14})
    assert response.status_code == 200
    assert b"Invalid email address." in response.data


def test_verification_link_verifies_once_and_second_click_is_harmless(client, outbox):
    client.post("/account/register", data={"name": "D", "email": "d@example.org", "password": "p" * 14})
    path = link_in(outbox("d@example.org")[0])
    assert client.get(path).status_code == 302
    user = services.find_user_by_email("d@example.org")
    first = user.verified_at
    assert first is not None
    assert client.get(path).status_code == 302
    db.session.refresh(user)
    assert user.verified_at == first
    assert client.get("/dashboard").status_code == 200


def test_tampered_verification_link_is_refused(client, outbox):
    client.post("/account/register", data={"name": "E", "email": "e@example.org", "password": "p" * 14})
    path = link_in(outbox("e@example.org")[0])
    response = client.get(path[:-3] + "xyz")
    assert response.status_code == 400
    assert services.find_user_by_email("e@example.org").verified_at is None


def test_expired_verification_link_is_refused(app, make, monkeypatch):
    from matchmaker.accounts import tokens

    user = make.user(verified=False)
    token = tokens.make_token("verify", user, tokens.verify_state(user))
    monkeypatch.setattr(tokens, "VERIFY_MAX_AGE", -1)
    with pytest.raises(DomainError, match="expired"):
        services.verify_email(token=token)


def test_login_with_correct_password(client, make):
    make.user(email="f@example.org")
    response = client.post("/account/login", data={"email": "F@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 200


def test_login_with_wrong_password_fails_with_message(client, make):
    make.user(email="g@example.org")
    response = client.post("/account/login", data={"email": "g@example.org", "password": "wrong password here"})
    assert response.status_code == 200
    assert b"do not match an active account" in response.data
    assert client.get("/dashboard").status_code == 302


def test_deactivated_user_cannot_log_in(client, make):
    make.user(email="h@example.org", active=False)
    response = client.post("/account/login", data={"email": "h@example.org", "password": PASSWORD})
    assert b"do not match an active account" in response.data


def test_login_redirects_only_to_local_next(client, make):
    make.user(email="i@example.org")
    response = client.post("/account/login?next=https://evil.example/", data={"email": "i@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/dashboard"
    client.post("/account/logout")
    response = client.post("/account/login?next=/challenges/", data={"email": "i@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/challenges/"


def test_logout_requires_post_and_ends_session(client, make):
    user = make.user()
    login(client, user)
    assert client.get("/account/logout").status_code == 405
    assert client.post("/account/logout").status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_password_reset_flow_is_single_use(client, make, outbox):
    make.user(email="j@example.org")
    response = client.post("/account/reset", data={"email": "j@example.org"})
    assert response.status_code == 302
    path = link_in(outbox("j@example.org")[-1])
    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": "a brand new passphrase"})
    assert response.status_code == 302
    assert services.authenticate(email="j@example.org", password="a brand new passphrase") is not None
    # the link has been used: the password hash it was bound to has changed
    assert client.get(path).status_code == 400
    assert client.post(path, data={"password": "yet another passphrase"}).status_code == 400


def test_password_reset_for_unknown_address_says_the_same_and_sends_nothing(client, outbox):
    response = client.post("/account/reset", data={"email": "nobody@example.org"}, follow_redirects=True)
    assert b"If an account exists" in response.data
    assert outbox() == []


def test_password_reset_link_expires_after_an_hour(app, make, monkeypatch):
    from matchmaker.accounts import tokens

    user = make.user()
    token = tokens.make_token("reset", user, tokens.reset_state(user))
    monkeypatch.setattr(tokens, "RESET_MAX_AGE", -1)
    with pytest.raises(DomainError, match="expired"):
        services.reset_password(token=token, password="a new long password")


def test_change_password_ends_other_sessions(app, make):
    user = make.user(email="k@example.org")
    commit()
    laptop, phone = app.test_client(), app.test_client()
    for c in (laptop, phone):
        c.post("/account/login", data={"email": "k@example.org", "password": PASSWORD})
        assert c.get("/dashboard").status_code == 200
    response = laptop.post("/account/password", data={
        "current_password": PASSWORD, "new_password": "the new long password"})
    assert response.status_code == 302
    assert laptop.get("/dashboard").status_code == 200  # this session stays
    assert phone.get("/dashboard").status_code == 302  # the other is signed out
    events = db.session.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == user.id)).all()
    assert "user.password_changed" in events


def test_change_password_with_wrong_current_password_is_refused(client, make):
    user = make.user()
    login(client, user)
    response = client.post("/account/password", data={
        "current_password": "not my password", "new_password": "the new long password"})
    assert response.status_code == 200
    assert b"current password is not correct" in response.data
    assert services.authenticate(email=user.email, password=PASSWORD) is not None


def test_settings_change_name_and_language(client, make):
    user = make.user()
    login(client, user)
    response = client.post("/account/settings", data={"name": "New Name", "locale": "nl"})
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.name, user.locale) == ("New Name", "nl")


def test_settings_refuse_unknown_language(client, make):
    user = make.user()
    login(client, user)
    response = client.post("/account/settings", data={"name": "X", "locale": "xx"})
    assert response.status_code == 200
    assert b"Not a valid choice" in response.data


def test_resend_verification_sends_a_new_link(client, make, outbox):
    user = make.user(verified=False)
    login(client, user)
    assert client.post("/account/verify/resend").status_code == 302
    assert len(outbox(user.email)) == 1


def test_register_service_checks_password_rules(app):
    with pytest.raises(ValidationFailed):
        services.register_user(email="x@example.org", name="X", password="short", locale="en")
