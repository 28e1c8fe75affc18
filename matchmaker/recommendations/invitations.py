"""Inviting a startup the matcher found to apply: one e-mail per startup and challenge, logged."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..errors import InvalidState, NotAllowed
from ..extensions import db
from ..mail.services import mail_user
from ..organisations.models import Organisation
from . import permissions
from .models import ApplyInvitation
from .services import answered_challenge_ids


def already_answered(challenge: Challenge, startup: Organisation) -> bool:
    return db.session.scalar(select(select(Challenge.id).where(
        Challenge.id == challenge.id, Challenge.id.in_(answered_challenge_ids(startup))).exists()))


def invitations_of(challenge: Challenge) -> list[ApplyInvitation]:
    return list(db.session.scalars(
        select(ApplyInvitation).where(ApplyInvitation.challenge_id == challenge.id).order_by(ApplyInvitation.created_at)))


def invite_to_apply(*, challenge: Challenge, startup: Organisation, user: User, score: float | None = None
                    ) -> ApplyInvitation:
    """Invite a startup to apply (once), and e-mail its members, unless it has answered the challenge
    already (see `answered_challenge_ids`): then the invitation is kept as the officer made it, but
    nobody is asked to apply again. The officer's page and log stay the same either way, because
    while the challenge is open the municipality may not learn who applied (the seal)."""
    if not permissions.can_invite_to_apply(user, challenge):
        raise InvalidState(_("Startups can be invited only while the challenge is open."))
    if not startup.is_startup:
        raise NotAllowed(_("Only startups can be invited to apply."))
    existing = db.session.scalar(select(ApplyInvitation).where(ApplyInvitation.challenge_id == challenge.id,
                                                               ApplyInvitation.startup_id == startup.id))
    if existing is not None:
        return existing  # invited once is enough
    invitation = ApplyInvitation(challenge_id=challenge.id, startup_id=startup.id, invited_by_id=user.id,
                                 score=score)
    db.session.add(invitation)
    db.session.flush()
    record_event(actor=user, action="challenge.startup_invited", subject=challenge,
                 data={"startup_id": startup.id, "startup": startup.name, "score": score})
    if already_answered(challenge, startup):
        return invitation
    for membership in startup.memberships:
        mail_user(membership.user, "invited_to_apply", challenge=challenge, startup=startup)
    return invitation
