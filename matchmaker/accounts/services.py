"""Accounts: registration, sign-in, verification, password reset and change."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit.services import record_event
from ..db_types import utcnow
from ..errors import DomainError, ValidationFailed
from ..extensions import db
from ..mail.services import external_url, mail_user
from ..web import local_path
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


def register_user(*, email: str, name: str, password: str, locale: str, next_url: str | None = None) -> User | None:
    """Create an unverified account and send the verification link, or, when the address already
    has an account, tell its owner by e-mail instead. An empty password makes an account without
    one: it signs in with links by e-mail, and a password can be set later in the settings.

    From outside both paths look the same: the same work (a password is hashed either way), one
    e-mail to the address, and the same answer in the view. Returns the new user, or None when the
    address was taken; callers must not let the difference show.
    """
    email = normalise_email(email)
    if password:
        check_password_rules(password)
    password_hash = hash_password(password or "not-a-real-password-0000")
    if not password:
        password_hash = ""  # hashed anyway, so both kinds of registration take the same time
    existing = find_user_by_email(email)
    if existing is not None:
        record_event(actor=None, action="user.registration_repeated", subject=existing)
        send_registration_notice(user=existing, next_url=next_url)
        return None
    user = User(email=email, name=name.strip(), password_hash=password_hash, locale=locale)
    db.session.add(user)
    db.session.flush()
    record_event(actor=user, action="user.registered", subject=user)
    send_verification(user=user, next_url=next_url)
    return user


def send_registration_notice(*, user: User, next_url: str | None = None) -> None:
    """"Someone tried to register with your address": with a sign-in and a reset link."""
    mail_user(user, "registration_attempt", login_link=external_url("accounts.login", next=next_url),
              reset_link=external_url("accounts.request_reset"))


def resend_registration_mail(*, email: str, next_url: str | None = None) -> None:
    """Send again what registering sent, without telling the browser which it was: the
    verification link to an unconfirmed account, the notice to a confirmed one."""
    user = find_user_by_email(email)
    if user is None:  # not after a registration: both of its paths leave an account behind
        return
    if user.verified_at is None and user.active:
        send_verification(user=user, next_url=next_url)
    else:
        send_registration_notice(user=user, next_url=next_url)


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


def send_verification(*, user: User, next_url: str | None = None) -> None:
    token = tokens.make_token("verify", user, tokens.verify_state(user), next_url=local_path(next_url))
    mail_user(user, "verify_email", link=external_url("accounts.verify", token=token))


@dataclass(frozen=True)
class Verification:
    user: User
    first_time: bool  # this click confirmed the address (the click that may sign the person in)
    next_url: str | None  # the page to go to afterwards, carried in the signed link


def verify_email(*, token: str) -> Verification:
    data = _read("verify", token, tokens.VERIFY_MAX_AGE)
    user = db.session.get(User, data["uid"])
    if user is None:
        raise DomainError(_("This link is not valid."))
    next_url = local_path(data.get("n")) if isinstance(data.get("n"), str) else None
    if user.verified_at is not None:
        return Verification(user=user, first_time=False, next_url=next_url)  # a second click is harmless
    if not hmac.compare_digest(data["s"], tokens.verify_state(user)):
        raise DomainError(_("This link is not valid any more."))
    user.verified_at = utcnow()
    record_event(actor=user, action="user.verified", subject=user)
    return Verification(user=user, first_time=True, next_url=next_url)


def authenticate(*, email: str, password: str) -> User | None:
    """The active, confirmed account with this address and password, or None.

    An unconfirmed account cannot sign in with its password (its first sign-in is the link in the
    verification e-mail): otherwise whoever registers could tell, by signing in, whether the
    address was new or already someone else's account.
    """
    user = find_user_by_email(email)
    if user is None or not user.has_password:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active or user.verified_at is None:
        return None
    user.last_login_at = utcnow()
    return user


def create_passwordless_user(*, email: str, name: str, locale: str) -> User:
    """An account whose address a link has just proved (the way in from a proposal): confirmed, and
    without a password until its owner sets one."""
    user = User(email=normalise_email(email), name=name.strip()[:120] or normalise_email(email).split("@")[0],
                password_hash="", locale=locale, verified_at=utcnow())
    db.session.add(user)
    db.session.flush()
    record_event(actor=user, action="user.registered", subject=user, data={"by_link": True})
    return user


def send_signin_link(*, email: str, next_url: str | None = None) -> None:
    """E-mail a link that signs in once, within an hour; say nothing when there is no such account."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    token = tokens.make_token("signin", user, tokens.signin_state(user), next_url=local_path(next_url))
    mail_user(user, "signin_link", link=external_url("accounts.signin_by_link", token=token))


@dataclass(frozen=True)
class LinkSignIn:
    user: User
    next_url: str | None


def sign_in_by_link(*, token: str) -> LinkSignIn:
    """Use a sign-in link: it proves the address (confirming it if needed) and works once."""
    data = _read("signin", token, tokens.SIGNIN_MAX_AGE)
    user = db.session.get(User, data["uid"])
    if user is None or not user.active or not hmac.compare_digest(data["s"], tokens.signin_state(user)):
        raise DomainError(_("This sign-in link has been used or is not valid any more. Ask for a new one."))
    if user.verified_at is None:
        user.verified_at = utcnow()
        record_event(actor=user, action="user.verified", subject=user)
    user.last_login_at = utcnow()
    record_event(actor=user, action="user.signed_in_by_link", subject=user)
    next_url = local_path(data.get("n")) if isinstance(data.get("n"), str) else None
    return LinkSignIn(user=user, next_url=next_url)


def set_first_password(*, user: User, password: str) -> None:
    """An account without a password gets one (it keeps signing in by link too)."""
    if user.has_password:
        raise DomainError(_("Your account already has a password. Change it with your current password."))
    _set_password(user, password)
    record_event(actor=user, action="user.password_set", subject=user)
    mail_user(user, "password_changed")


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
    if not user.has_password or not check_password_hash(user.password_hash, current_password):
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
    choose_locale(user=user, locale=locale)
    user.match_digest = match_digest


def choose_locale(*, user: User, locale: str) -> None:
    """The person chose a language (settings, or the language switch while signed in): e-mail comes
    in it, and signing in brings it back from now on."""
    user.locale = locale
    user.locale_chosen = True


def sign_in_locale(*, user: User, browsing: str) -> str:
    """The interface language after signing in: the one the person chose, if they ever did; else the
    one they were browsing in (the session's or the browser's), even if they registered in another."""
    return user.locale if user.locale_chosen else browsing


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
