"""Running behind a reverse proxy (TRUSTED_PROXIES) and the development outbox (DEV_OUTBOX)."""

from __future__ import annotations

import pytest
from flask import request
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.config import ConfigError
from matchmaker.database import commit
from matchmaker.extensions import db, limiter

from .conftest import app_like

PROXY = "10.0.0.2"  # the reverse proxy, as the app sees it


def client_at(variant, remote: str):
    """A test client whose requests come from the address `remote`."""
    client = variant.test_client()
    client.environ_base["REMOTE_ADDR"] = remote
    return client


@pytest.fixture
def limited(app):
    """App variants with rate limits on; the limiter is shared by every app in this process."""
    yield lambda **overrides: app_like(app, RATELIMIT_ENABLED=True, **overrides)
    limiter.reset()
    limiter.enabled = False


def sign_in_attempts(client, n, **headers) -> list[int]:
    return [client.post("/account/login", data={"email": "a@example.org", "password": "wrong password!"},
                        headers=headers).status_code for _ in range(n)]


def whoami(variant):
    @variant.get("/_whoami")
    def _whoami():
        return {"ip": request.remote_addr, "scheme": request.scheme, "host": request.host,
                "root": request.script_root}

    return variant


# --- TRUSTED_PROXIES ------------------------------------------------------------------------------

def test_behind_one_proxy_each_client_has_its_own_rate_limit_bucket(limited):
    client = client_at(limited(TRUSTED_PROXIES=1), PROXY)
    first = sign_in_attempts(client, 11, **{"X-Forwarded-For": "203.0.113.10"})
    assert first[:10] == [200] * 10 and first[10] == 429
    # another visitor through the same proxy is not affected by the first one's limit
    assert sign_in_attempts(client, 1, **{"X-Forwarded-For": "203.0.113.20"}) == [200]
    # and a forged X-Forwarded-For in front of the real one does not help the first visitor
    assert sign_in_attempts(client, 1, **{"X-Forwarded-For": "198.51.100.99, 203.0.113.10"}) == [429]


def test_without_trusted_proxies_x_forwarded_for_is_ignored(limited):
    client = client_at(limited(TRUSTED_PROXIES=0), "203.0.113.30")
    statuses = [client.post("/account/login", data={"email": "a@example.org", "password": "wrong password!"},
                            headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code for n in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429  # spoofing does not escape the limit


def test_behind_a_proxy_the_request_and_the_audit_trail_have_the_clients_address(app):
    variant = whoami(app_like(app, TRUSTED_PROXIES=1))
    client = client_at(variant, PROXY)
    seen = client.get("/_whoami", headers={
        "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "matchmaker.example",
        "X-Forwarded-Prefix": "/mm"}).get_json()
    assert seen == {"ip": "203.0.113.7", "scheme": "https", "host": "matchmaker.example", "root": "/mm"}
    client.post("/account/register", data={"name": "A", "email": "audit@example.org", "password": "p" * 14},
                headers={"X-Forwarded-For": "203.0.113.7"})
    db.session.rollback()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.registered"))
    assert event.ip == "203.0.113.7"


def test_two_proxies_trust_two_entries_from_the_right(app):
    client = client_at(whoami(app_like(app, TRUSTED_PROXIES=2)), PROXY)
    seen = client.get("/_whoami", headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.8, 10.0.0.1"}).get_json()
    assert seen["ip"] == "203.0.113.8"


def test_without_trusted_proxies_the_connecting_machine_is_the_client(app):
    client = client_at(whoami(app_like(app, TRUSTED_PROXIES=0)), "203.0.113.9")
    seen = client.get("/_whoami", headers={"X-Forwarded-For": "6.6.6.6", "X-Forwarded-Proto": "https",
                                           "X-Forwarded-Host": "evil.example"}).get_json()
    assert seen == {"ip": "203.0.113.9", "scheme": "http", "host": "localhost", "root": ""}
    client.post("/account/register", data={"name": "B", "email": "direct@example.org", "password": "p" * 14},
                headers={"X-Forwarded-For": "6.6.6.6"})
    db.session.rollback()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.registered"))
    assert event.ip == "203.0.113.9"


@pytest.mark.parametrize("value", ["one", "-1", "1.5", True, "²", "١"])
def test_trusted_proxies_must_be_a_whole_number(app, value):
    with pytest.raises(ConfigError, match="TRUSTED_PROXIES"):
        app_like(app, TRUSTED_PROXIES=value)


def settings_from_environment(**env) -> list[str]:
    """Config as a fresh process reads it from these environment variables."""
    import os
    import subprocess
    import sys

    code = "from matchmaker.config import Config; print(repr(Config.TRUSTED_PROXIES)); print(repr(Config.DEV_OUTBOX))"
    environment = {k: v for k, v in os.environ.items() if k not in ("TRUSTED_PROXIES", "DEV_OUTBOX")}
    result = subprocess.run([sys.executable, "-c", code], env={**environment, **env}, capture_output=True,
                            text=True, check=True)
    return result.stdout.split()


def test_settings_are_read_from_the_environment():
    assert settings_from_environment() == ["'0'", "None"]
    assert settings_from_environment(TRUSTED_PROXIES="2", DEV_OUTBOX="off") == ["'2'", "False"]
    assert settings_from_environment(DEV_OUTBOX="1")[1] == "True"


# --- DEV_OUTBOX -----------------------------------------------------------------------------------

@pytest.fixture
def reset_mail(app, make):
    """A password-reset e-mail in the outbox: what the outbox page must not show to strangers."""
    from matchmaker.accounts.services import request_password_reset

    user = make.user(email="victim@example.org")
    request_password_reset(email=user.email)
    commit()
    return user


def console(app, **overrides):
    return app_like(app, MAIL_BACKEND="console", **overrides)


def get_outbox(variant, remote="127.0.0.1", **headers):
    return variant.test_client().get("/dev/mail/", environ_base={"REMOTE_ADDR": remote},
                                     headers={"Accept-Language": "en", **headers})


def test_dev_outbox_defaults_on_only_in_development_with_the_console_backend(app):
    assert app_like(app, ENV_NAME="development", MAIL_BACKEND="console").config["DEV_OUTBOX"] is True
    assert app_like(app, ENV_NAME="development", MAIL_BACKEND="smtp").config["DEV_OUTBOX"] is False
    assert app_like(app, ENV_NAME="production", MAIL_BACKEND="console").config["DEV_OUTBOX"] is False
    assert app.config["DEV_OUTBOX"] is False  # the test suite: memory backend


@pytest.mark.parametrize("remote", ["127.0.0.1", "::1"])
def test_dev_outbox_is_served_to_this_machine(app, reset_mail, remote):
    page = get_outbox(console(app, ENV_NAME="development"), remote)
    assert page.status_code == 200 and b"/account/reset/" in page.data


@pytest.mark.parametrize("remote", ["192.0.2.15", "10.1.2.3", "2001:db8::1", "::ffff:192.0.2.15"])
def test_dev_outbox_is_a_404_for_other_machines(app, reset_mail, remote):
    page = get_outbox(console(app, ENV_NAME="development"), remote)
    assert page.status_code == 404 and b"/account/reset/" not in page.data


def test_dev_outbox_behind_a_proxy_looks_at_the_real_client(app, reset_mail):
    variant = console(app, ENV_NAME="development", TRUSTED_PROXIES=1)
    assert get_outbox(variant, "127.0.0.1", **{"X-Forwarded-For": "203.0.113.5"}).status_code == 404
    assert get_outbox(variant, "127.0.0.1", **{"X-Forwarded-For": "127.0.0.1"}).status_code == 200


def test_dev_outbox_refuses_requests_forwarded_by_an_unannounced_proxy(app, reset_mail):
    """A proxy on this machine makes every request look local; its forwarding header gives it away."""
    variant = console(app, ENV_NAME="development", TRUSTED_PROXIES=0)
    assert get_outbox(variant, "127.0.0.1", **{"X-Forwarded-For": "203.0.113.5"}).status_code == 404
    assert get_outbox(variant, "127.0.0.1", Forwarded="for=203.0.113.5").status_code == 404


def test_dev_outbox_only_with_the_console_backend(app, reset_mail):
    assert get_outbox(app_like(app, DEV_OUTBOX=True, MAIL_BACKEND="smtp")).status_code == 404
    assert get_outbox(app_like(app, DEV_OUTBOX=True, MAIL_BACKEND="memory")).status_code == 404
    assert get_outbox(app_like(app, DEV_OUTBOX=False, MAIL_BACKEND="console")).status_code == 404
    assert get_outbox(app_like(app, DEV_OUTBOX=True, MAIL_BACKEND="console")).status_code == 200


def test_production_refuses_to_start_with_the_dev_outbox_on(app):
    with pytest.raises(ConfigError, match="DEV_OUTBOX"):
        app_like(app, ENV_NAME="production", DEV_OUTBOX=True, MAIL_BACKEND="console")
    with pytest.raises(ConfigError, match="DEV_OUTBOX"):
        app_like(app, ENV_NAME="production", DEV_OUTBOX=True, MAIL_BACKEND="smtp")
    assert app_like(app, ENV_NAME="production", DEV_OUTBOX=False).config["DEV_OUTBOX"] is False


def test_the_outbox_link_is_shown_only_where_the_outbox_answers(app):
    variant = console(app, ENV_NAME="development")
    hint = b"Development: read it in the outbox"
    for remote, shown in (("127.0.0.1", True), ("192.0.2.15", False)):
        browser = client_at(variant, remote)
        browser.post("/account/register", data={"name": "L", "email": f"link{shown}@example.org",
                                                 "password": "p" * 14}, headers={"Accept-Language": "en"})
        page = browser.get("/account/check-email", headers={"Accept-Language": "en"})
        assert (hint in page.data) is shown
