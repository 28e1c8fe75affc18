"""Accounts: registration, sign-in, verification, password reset and change."""

from __future__ import annotations

import hmac

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit.services import record_event
from ..db_types import utcnow
from ..errors import DomainError, ValidationFailed
from ..extensions import db
from ..mail.services import external_url, mail_user
from . import tokens
from .models import User, new_session_token

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
# Checked against when the e-mail is unknown, so both paths take the same time.
_DUMMY_HASH = generate_password_hash("not-a-real-password-0000")


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed(
            _("Use at least %(n)d characters. A few unrelated words make a strong password.", n=MIN_PASSWORD),
            field="password",
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationFailed(_("Use at most %(n)d characters.", n=MAX_PASSWORD), field="password")


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def register_user(*, email: str, name: str, password: str, locale: str) -> User:
    email = normalise_email(email)
    check_password_rules(password)
    if find_user_by_email(email) is not None:
        raise ValidationFailed(
            _("An account with this e-mail address already exists. Sign in, or reset your password."),
            field="email",
        )
    user = User(email=email, name=name.strip(), password_hash=hash_password(password), locale=locale)
    db.session.add(user)
    db.session.flush()
    record_event(actor=user, action="user.registered", subject=user)
    send_verification(user=user)
    return user


def create_user(
    *, email: str, name: str, password: str, locale: str = "nl", is_admin: bool = False, verified: bool = True
) -> User:
    """Used by the CLI and demo data: an account that needs no e-mail round trip."""
    check_password_rules(password)
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise ValidationFailed(_("An account with this e-mail address already exists."), field="email")
    user = User(
        email=email,
        name=name,
        password_hash=hash_password(password),
        locale=locale,
        is_admin=is_admin,
        verified_at=utcnow() if verified else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def send_verification(*, user: User) -> None:
    token = tokens.make_token("verify", user, tokens.verify_state(user))
    mail_user(user, "verify_email", link=external_url("accounts.verify", token=token))


def verify_email(*, token: str) -> User:
    data = _read("verify", token, tokens.VERIFY_MAX_AGE)
    user = db.session.get(User, data["uid"])
    if user is None:
        raise DomainError(_("This link is not valid."))
    if user.verified_at is not None:
        return user  # a second click is harmless
    if not hmac.compare_digest(data["s"], tokens.verify_state(user)):
        raise DomainError(_("This link is not valid any more."))
    user.verified_at = utcnow()
    record_event(actor=user, action="user.verified", subject=user)
    return user


def authenticate(*, email: str, password: str) -> User | None:
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    user.last_login_at = utcnow()
    return user


def request_password_reset(*, email: str) -> None:
    """Send a reset link if the account exists; say nothing either way."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    token = tokens.make_token("reset", user, tokens.reset_state(user))
    mail_user(user, "reset_password", link=external_url("accounts.reset_password", token=token))


def user_for_reset_token(token: str) -> User:
    data = _read("reset", token, tokens.RESET_MAX_AGE)
    user = db.session.get(User, data["uid"])
    if user is None or not user.active or not hmac.compare_digest(data["s"], tokens.reset_state(user)):
        raise DomainError(_("This link has been used or is not valid any more. Ask for a new one."))
    return user


def reset_password(*, token: str, password: str) -> User:
    user = user_for_reset_token(token)
    _set_password(user, password)
    if user.verified_at is None:
        user.verified_at = utcnow()  # the link proved the address
    record_event(actor=user, action="user.password_reset", subject=user)
    return user


def change_password(*, user: User, current_password: str, new_password: str) -> None:
    if not check_password_hash(user.password_hash, current_password):
        raise ValidationFailed(_("Your current password is not correct."), field="current_password")
    _set_password(user, new_password)
    record_event(actor=user, action="user.password_changed", subject=user)
    mail_user(user, "password_changed")


def _set_password(user: User, password: str) -> None:
    check_password_rules(password)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.session_token = new_session_token()  # signs out every other session


def update_settings(*, user: User, name: str, locale: str, match_digest: bool = False) -> None:
    user.name = name.strip()
    user.locale = locale
    user.match_digest = match_digest


def set_user_active(*, admin: User, user: User, active: bool) -> None:
    if user.id == admin.id and not active:
        raise DomainError(_("You cannot deactivate your own account."))
    user.active = active
    if not active:
        user.session_token = new_session_token()
    record_event(actor=admin, action="user.activated" if active else "user.deactivated", subject=user)


def count_users() -> int:
    return db.session.scalar(select(func.count(User.id))) or 0


def _read(purpose: str, token: str, max_age: int) -> dict:
    try:
        return tokens.read_token(purpose, token, max_age)
    except tokens.TokenInvalid as exc:
        if exc.expired:
            raise DomainError(_("This link has expired. Ask for a new one.")) from exc
        raise DomainError(_("This link is not valid.")) from exc
