"""Signing in keeps the language the visitor was browsing in, unless they chose one in their settings."""

from __future__ import annotations

import pytest

from matchmaker.accounts.models import User
from matchmaker.database import commit
from matchmaker.extensions import db

from ..factories import PASSWORD


def page_language(client, path: str = "/challenges/") -> str:
    page = client.get(path).get_data(as_text=True)
    return page.split('<html lang="', 1)[1].split('"', 1)[0]


def sign_in(client, user, follow: str = "/challenges/"):
    response = client.post(f"/account/login?next={follow}", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == follow
    return response


@pytest.mark.parametrize(("browser", "account"), [("en", "nl"), ("nl", "en")])
def test_sign_in_keeps_the_browsers_language_when_none_was_chosen(client, make, browser, account):
    user = make.user(locale=account)
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = browser
    assert page_language(client) == browser
    sign_in(client, user)
    assert page_language(client) == browser
    assert page_language(client, "/dashboard") == browser
    db.session.refresh(user)
    assert (user.locale, user.locale_chosen) == (account, False)  # e-mail still in the account's language


def test_sign_in_keeps_the_language_switched_to_before_signing_in(client, make):
    user = make.user(locale="nl")
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl"
    client.post("/language", data={"locale": "en", "next": "/challenges/"})
    assert page_language(client) == "en"
    sign_in(client, user)
    assert page_language(client) == "en"


@pytest.mark.parametrize(("browser", "chosen"), [("en", "nl"), ("nl", "en")])
def test_sign_in_brings_back_the_language_chosen_in_the_settings(client, make, browser, chosen):
    user = make.user(locale=browser)
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = browser
    sign_in(client, user)
    response = client.post("/account/settings", data={"name": user.name, "locale": chosen})
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.locale, user.locale_chosen) == (chosen, True)
    client.post("/account/logout")
    assert page_language(client) == browser
    sign_in(client, user)
    assert page_language(client) == chosen


def test_switching_language_while_signed_in_is_a_choice(client, make):
    user = make.user(locale="en")
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(client, user)
    client.post("/language", data={"locale": "nl"})
    db.session.refresh(user)
    assert (user.locale, user.locale_chosen) == ("nl", True)
    client.post("/account/logout")
    assert page_language(client) == "en"
    sign_in(client, user)
    assert page_language(client) == "nl"


def test_switching_language_anonymously_changes_no_account(client, make):
    user = make.user(locale="nl")
    commit()
    client.post("/language", data={"locale": "en"})
    db.session.refresh(user)
    assert (user.locale, user.locale_chosen) == ("nl", False)


@pytest.mark.parametrize(("chosen", "expected"), [(False, "en"), (True, "nl")])
def test_a_remembered_sign_in_without_a_session_language(client, make, chosen, expected):
    """Signed in from a "keep me signed in" cookie, the session has no language yet: the browser's
    counts unless the person chose one."""
    user = make.user(locale="nl")
    user.locale_chosen = chosen
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    assert page_language(client, "/dashboard") == expected


@pytest.mark.parametrize(("chosen", "selected"), [(False, "en"), (True, "nl")])
def test_the_settings_offer_the_page_language_until_one_is_chosen(client, make, chosen, selected):
    user = make.user(locale="nl")
    user.locale_chosen = chosen
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(client, user)
    page = client.get("/account/settings").get_data(as_text=True)
    assert f'<option selected value="{selected}">' in page


def test_the_confirmation_link_signs_in_with_the_browsers_language(client, make, outbox):
    from matchmaker.accounts.services import register_user

    register_user(email="nieuw@example.org", name="Nieuw", password=PASSWORD, locale="nl")
    commit()
    link = next(line for line in outbox("nieuw@example.org")[0].body.splitlines() if "/account/verify/" in line)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.get(link.strip().split("127.0.0.1:5000", 1)[-1])
    assert page_language(client, "/dashboard") == "en"
    assert db.session.scalar(db.select(User).where(User.email == "nieuw@example.org")).locale == "nl"
