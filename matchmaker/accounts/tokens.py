"""Signed, expiring, single-use links.

A token carries the user id and a fingerprint of the state it is meant to change: the e-mail address
and verification state for verification, the password hash for a reset. Once used, that state has
changed, so the same link no longer validates. A verification link may also carry the page to go to
afterwards (`n`), so that it survives the round trip through the mailbox; it is signed with the rest.
"""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

VERIFY_MAX_AGE = 3 * 24 * 3600
RESET_MAX_AGE = 3600
SIGNIN_MAX_AGE = 3600


class TokenInvalid(Exception):
    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"matchmaker.{purpose}")


def _fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def verify_state(user) -> str:
    return _fingerprint(f"{user.email}|{user.verified_at}")


def reset_state(user) -> str:
    return _fingerprint(user.password_hash)


def signin_state(user) -> str:
    """Changes at every sign-in (and with the session token): a sign-in link works once."""
    return _fingerprint(f"{user.session_token}|{user.last_login_at}|{user.email}")


def make_token(purpose: str, user, state: str, next_url: str | None = None) -> str:
    data = {"uid": user.id, "s": state}
    if next_url:
        data["n"] = next_url
    return _serializer(purpose).dumps(data)


def read_token(purpose: str, token: str, max_age: int) -> dict:
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise TokenInvalid(expired=True) from exc
    except BadSignature as exc:
        raise TokenInvalid() from exc
    if not isinstance(data, dict) or "uid" not in data or "s" not in data:
        raise TokenInvalid()
    return data
