"""Registration does not reveal whether an address already has an account: the answer is the same,
nobody is signed in, and only the mailbox learns which it was. The verification link signs the
new person in and carries `next` through the e-mail round trip."""

import re

import pytest
from sqlalchemy import func, select

from matchmaker.accounts import services
from matchmaker.accounts.models import User
from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.extensions import db, limiter

from ..conftest import app_like
from ..factories import PASSWORD

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
LINK = re.compile(r"https?://[^\s/]+(/[^\s]*)")


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, html
    return match.group(1) or match.group(2)


def paths_in(message) -> list[str]:
    return LINK.findall(message.body)


def verification_path(message) -> str:
    [path] = [p for p in paths_in(message) if p.startswith("/account/verify/")]
    return path


@pytest.fixture
def strict(app):
    """The app as it runs in production: CSRF protection on."""
    return app_like(app, WTF_CSRF_ENABLED=True)


def register_with_csrf(strict_app, email, *, query="", password="a long and private passphrase"):
    browser = strict_app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    form = browser.get(f"/account/register{query}")
    token = csrf_of(form.get_data(as_text=True))
    response = browser.post(f"/account/register{query}", data={
        "csrf_token": token, "name": "Someone", "email": email, "password": password})
    return browser, response


def normalised(html: str, email: str) -> str:
    html = html.replace(email, "ADDRESS")
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]+"', r'\1CSRF"', html)


def test_new_and_existing_address_get_the_same_answer(strict, make):
    make.user(email="taken@example.org", name="Tina Taken")
    commit()
    new_browser, new = register_with_csrf(strict, "fresh@example.org")
    old_browser, old = register_with_csrf(strict, "taken@example.org")

    assert new.status_code == old.status_code == 302
    assert new.headers["Location"] == old.headers["Location"] == "/account/check-email"
    assert sorted(new.headers.keys()) == sorted(old.headers.keys())
    new_page = new_browser.get(new.headers["Location"])
    old_page = old_browser.get(old.headers["Location"])
    assert new_page.status_code == old_page.status_code == 200
    new_html, old_html = new_page.get_data(as_text=True), old_page.get_data(as_text=True)
    assert "fresh@example.org" in new_html and "taken@example.org" in old_html
    assert normalised(new_html, "fresh@example.org") == normalised(old_html, "taken@example.org")
    # and neither browser is signed in afterwards
    for browser in (new_browser, old_browser):
        dashboard = browser.get("/dashboard")
        assert dashboard.status_code == 302 and dashboard.headers["Location"].startswith("/account/login")


def test_existing_address_gets_a_notice_and_no_verification_and_no_second_account(client, make, outbox):
    owner = make.user(email="taken@example.org", name="Tina Taken")
    before = owner.password_hash
    response = client.post("/account/register", data={
        "name": "Mallory", "email": "Taken@Example.org ", "password": "the attacker's passphrase"})
    assert response.status_code == 302
    mails = outbox("taken@example.org")
    assert [m.template for m in mails] == ["registration_attempt"]
    body = mails[0].body
    assert "/account/verify/" not in body
    assert "Someone (perhaps you) just tried to create a Matchmaker account" in body
    paths = paths_in(mails[0])
    assert any(p.startswith("/account/login") for p in paths) and "/account/reset" in paths
    assert db.session.scalar(select(func.count(User.id))) == 1
    db.session.refresh(owner)
    assert (owner.name, owner.password_hash) == ("Tina Taken", before)
    assert services.authenticate(email="taken@example.org", password="the attacker's passphrase") is None
    events = db.session.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == owner.id)).all()
    assert events == ["user.registration_repeated"]


def test_the_notice_is_in_the_owners_language(client, make, outbox):
    make.user(email="eigenaar@example.org", locale="nl")
    client.post("/account/register", data={"name": "X", "email": "eigenaar@example.org", "password": "p" * 14})
    [mail] = outbox("eigenaar@example.org")
    assert mail.subject == "Iemand probeerde zich te registreren met jouw e-mailadres"
    assert "/account/reset" in mail.body


def test_new_person_is_signed_in_only_by_the_link(client, outbox):
    client.post("/account/register", data={"name": "Nina", "email": "nina@example.org", "password": "p" * 14})
    assert client.get("/dashboard").status_code == 302
    # signing in with the password does not work before the address is confirmed, and says the same
    # as a wrong password (otherwise it would tell that the registration created an account)
    response = client.post("/account/login", data={"email": "nina@example.org", "password": "p" * 14})
    assert response.status_code == 200 and b"do not match an active account" in response.data
    assert client.get("/dashboard").status_code == 302
    [mail] = outbox("nina@example.org")
    assert mail.template == "verify_email"
    response = client.get(verification_path(mail))
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    page = client.get("/dashboard")
    assert page.status_code == 200 and b"your e-mail address is confirmed" in page.data
    assert services.find_user_by_email("nina@example.org").is_verified


def test_a_later_click_on_the_link_signs_nobody_in(app, client, outbox):
    client.post("/account/register", data={"name": "O", "email": "olga@example.org", "password": "p" * 14})
    path = verification_path(outbox("olga@example.org")[0])
    assert client.get(path).status_code == 302  # the first click: confirmed and signed in
    stranger = app.test_client()
    response = stranger.get(path)
    assert response.status_code == 302 and response.headers["Location"].startswith("/account/login")
    assert stranger.get("/dashboard").status_code == 302


@pytest.mark.parametrize("target", ["/challenges/?theme=waste", "/organisations/invitations/abc"])
def test_next_survives_the_round_trip_through_the_mailbox(client, outbox, target):
    from urllib.parse import quote

    page = client.get(f"/account/register?next={quote(target)}").get_data(as_text=True)
    assert f'name="next" value="{target.replace("&", "&amp;")}"' in page
    client.post(f"/account/register?next={quote(target)}",
                data={"name": "P", "email": "piet@example.org", "password": "p" * 14, "next": target})
    response = client.get(verification_path(outbox("piet@example.org")[0]))
    assert response.status_code == 302 and response.headers["Location"] == target


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"])
def test_foreign_next_is_dropped(client, outbox, target):
    client.post("/account/register", data={"name": "Q", "email": "quinn@example.org", "password": "p" * 14,
                                            "next": target})
    response = client.get(verification_path(outbox("quinn@example.org")[0]))
    assert response.headers["Location"] == "/dashboard"


def test_next_reaches_the_sign_in_link_of_the_notice(client, make, outbox):
    make.user(email="known@example.org")
    client.post("/account/register?next=/challenges/", data={
        "name": "R", "email": "known@example.org", "password": "p" * 14})
    [mail] = outbox("known@example.org")
    assert "/account/login?next=/challenges/" in mail.body


def test_check_email_page_shows_the_address_a_spam_hint_and_a_resend_button(client):
    client.post("/account/register", data={"name": "S", "email": "sam@example.org", "password": "p" * 14})
    page = client.get("/account/check-email").get_data(as_text=True)
    assert "<strong>sam@example.org</strong>" in page
    assert "spam" in page
    assert 'action="/account/check-email/resend"' in page


def test_check_email_page_without_a_registration(client):
    page = client.get("/account/check-email")
    assert page.status_code == 200 and b"Create an account" in page.data


def test_resend_answers_the_same_for_new_and_existing_addresses(client, make, app, outbox):
    make.user(email="taken@example.org")
    answers = {}
    for email in ("fresh@example.org", "taken@example.org"):
        browser = app.test_client()
        browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        commit()
        browser.post("/account/register?next=/challenges/",
                     data={"name": "T", "email": email, "password": "p" * 14})
        response = browser.post("/account/check-email/resend")
        page = browser.get(response.headers["Location"]).get_data(as_text=True)
        answers[email] = (response.status_code, response.headers["Location"], normalised(page, email))
    assert answers["fresh@example.org"] == answers["taken@example.org"]
    assert answers["fresh@example.org"][:2] == (302, "/account/check-email")
    assert "We sent the e-mail to ADDRESS again." in answers["fresh@example.org"][2]
    assert [m.template for m in outbox("fresh@example.org")] == ["verify_email", "verify_email"]
    assert [m.template for m in outbox("taken@example.org")] == ["registration_attempt", "registration_attempt"]
    # the second verification link keeps `next` too
    response = app.test_client().get(verification_path(outbox("fresh@example.org")[-1]))
    assert response.headers["Location"] == "/challenges/"


def test_resend_without_a_registration_goes_back_to_the_form(client, outbox):
    response = client.post("/account/check-email/resend")
    assert response.status_code == 302 and response.headers["Location"] == "/account/register"
    assert outbox() == []


def test_register_form_is_prefilled_from_an_invitation_link(client):
    page = client.get("/account/register?email=invited%40example.org").get_data(as_text=True)
    assert 'value="invited@example.org"' in page


def test_registration_stays_rate_limited_for_both_paths(app, make):
    make.user(email="taken@example.org")
    commit()
    try:
        browser = app_like(app, RATELIMIT_ENABLED=True).test_client()
        statuses = [
            browser.post("/account/register", data={
                "name": "U", "email": "taken@example.org" if n % 2 else f"new{n}@example.org",
                "password": "p" * 14}).status_code
            for n in range(11)
        ]
    finally:
        limiter.reset()
        limiter.enabled = False
    assert statuses[:10] == [302] * 10 and statuses[10] == 429


def test_signing_in_still_works_for_confirmed_accounts(client, make):
    make.user(email="fine@example.org")
    response = client.post("/account/login", data={"email": "fine@example.org", "password": PASSWORD})
    assert response.status_code == 302
