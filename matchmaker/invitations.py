"""Invitations by e-mail, one set of rules for every feature that sends them (joining an
organisation, a seat on an evaluation panel).

* The token is random and travels only in the e-mail; the database keeps its sha256 hash.
* An invitation is valid for `INVITATION_DAYS` (the e-mail says so), can be used once, by the
  person it was sent to, and can be revoked. Inviting again issues a new token: the old link stops
  working.
* Accepting proves the address the invitation was sent to, and only that address: it may mark the
  account as confirmed only when the account has exactly that address.

A feature's invitation row needs `email`, `token_hash`, `expires_at`, `accepted_at` and
`revoked_at`; the feature says who accepted it (`accepted_by_user`).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from flask_babel import gettext as _

from .db_types import utcnow
from .errors import DomainError, NotAllowed

INVITATION_DAYS = 14


class Invitable(Protocol):
    email: str
    token_hash: str
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class InvitationState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EXPIRED = "expired"
    REVOKED = "revoked"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry() -> datetime:
    return utcnow() + timedelta(days=INVITATION_DAYS)


def issue(invitation: Invitable) -> str:
    """Give the invitation a fresh token and validity and make it pending again. Returns the token,
    which goes into the e-mail and nowhere else."""
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.expires_at = default_expiry()
    invitation.accepted_at = None
    invitation.revoked_at = None
    return token


def state(invitation: Invitable, now: datetime | None = None) -> InvitationState:
    if invitation.revoked_at is not None:
        return InvitationState.REVOKED
    if invitation.accepted_at is not None:
        return InvitationState.ACCEPTED
    if invitation.expires_at <= (now or utcnow()):
        return InvitationState.EXPIRED
    return InvitationState.PENDING


def is_expired(invitation: Invitable) -> bool:
    return state(invitation) == InvitationState.EXPIRED


def revoke(invitation: Invitable) -> bool:
    """Withdraw an invitation that has not been used; True if this changed anything."""
    if invitation.revoked_at is not None or invitation.accepted_at is not None:
        return False
    invitation.revoked_at = utcnow()
    return True


def check_acceptable(invitation: Invitable | None, user, *, accepted_by_user: bool) -> bool:
    """Raise a DomainError when `user` may not accept the invitation. Returns True when `user`
    accepted it before (using the link twice is harmless), False when it is theirs to accept."""
    current = state(invitation) if invitation is not None else InvitationState.REVOKED
    if current == InvitationState.REVOKED:
        raise DomainError(_("This invitation is not valid (any more)."))
    if current == InvitationState.ACCEPTED:
        if accepted_by_user:
            return True
        raise DomainError(_("This invitation has already been used."))
    if current == InvitationState.EXPIRED:
        raise DomainError(_("This invitation has expired. Ask for a new one."))
    if invitation.email != user.email:
        raise NotAllowed(_("This invitation was sent to %(email)s. Sign in with that address to accept it.",
                           email=invitation.email))
    return False


def problem_for(invitation: Invitable, user, *, accepted_by_user: bool) -> str | None:
    """What an invitation page should say instead of offering to accept (None: offer it).
    For a visitor who is not signed in, only what does not depend on who they are."""
    if not getattr(user, "is_authenticated", False):
        current = state(invitation)
        if current == InvitationState.PENDING:
            return None
        if current == InvitationState.ACCEPTED:
            return _("This invitation has already been used.")
        if current == InvitationState.EXPIRED:
            return _("This invitation has expired. Ask for a new one.")
        return _("This invitation is not valid (any more).")
    try:
        check_acceptable(invitation, user, accepted_by_user=accepted_by_user)
    except DomainError as error:
        return error.message
    return None


def mark_accepted(invitation: Invitable, user) -> None:
    """Record the acceptance. The link proved that `user` reads mail at the invited address, so an
    unconfirmed account with exactly that address is confirmed now; any other address never is."""
    if invitation.email != user.email:
        raise NotAllowed(_("This invitation was sent to %(email)s. Sign in with that address to accept it.",
                           email=invitation.email))
    now = utcnow()
    invitation.accepted_at = now
    if user.verified_at is None:
        user.verified_at = now
