"""The evaluation panel: invitations by e-mail, accepting a seat, the officer's settings."""

from __future__ import annotations

from datetime import datetime

from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from .. import invitations
from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..db_types import utcnow
from ..enums import Discipline
from ..errors import DomainError, NotAllowed, ValidationFailed
from ..extensions import db
from ..invitations import InvitationState, hash_token
from ..mail.services import external_url, queue_mail
from . import permissions
from .models import PanelSeat

MIN_MEMBERS = 3
MIN_DISCIPLINES = 3


_hash = hash_token  # the name older code and tests use


def seats_of(challenge: Challenge, include_revoked: bool = False) -> list[PanelSeat]:
    query = select(PanelSeat).where(PanelSeat.challenge_id == challenge.id).order_by(PanelSeat.invited_at)
    if not include_revoked:
        query = query.where(PanelSeat.revoked_at.is_(None))
    return list(db.session.scalars(query))


def active_seats(challenge: Challenge) -> list[PanelSeat]:
    return [seat for seat in seats_of(challenge) if seat.is_active]


def panel_warnings(challenge: Challenge) -> list[str]:
    seats = [seat for seat in seats_of(challenge) if seat.invitation_state != InvitationState.EXPIRED]
    warnings = []
    if len(seats) < MIN_MEMBERS:
        warnings.append(ngettext("The panel has %(num)d member; invite at least %(min)d so that no single view decides.",
                                 "The panel has %(num)d members; invite at least %(min)d so that no single view "
                                 "decides.", len(seats), min=MIN_MEMBERS))
    if challenge.reviews_due_at is not None and reviews_due_problem(challenge, challenge.reviews_due_at):
        warnings.append(_("The panel's deadline (%(due)s) is no longer after the submission deadline, which was "
                          "extended: set a new one below.",
                          due=format_datetime(challenge.reviews_due_at, "d MMMM y, HH:mm")))
    disciplines = {seat.discipline for seat in seats}
    if len(disciplines) < MIN_DISCIPLINES:
        warnings.append(ngettext("The panel covers %(num)d discipline; a multidisciplinary panel has at least "
                                 "%(min)d (for example policy, IT and operations).",
                                 "The panel covers %(num)d disciplines; a multidisciplinary panel has at least "
                                 "%(min)d (for example policy, IT and operations).", len(disciplines),
                                 min=MIN_DISCIPLINES))
    return warnings


def invite_evaluator(*, challenge: Challenge, user: User, email: str, discipline: Discipline,
                     locale: str | None = None) -> PanelSeat:
    """Invite someone by e-mail. Inviting the same address again is refused while the invitation is
    pending or accepted; after it expired or was revoked it is sent again, with a new token."""
    if not permissions.can_manage_panel(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can invite evaluators."))
    email = email.strip().lower()
    seat = db.session.scalar(
        select(PanelSeat).where(PanelSeat.challenge_id == challenge.id, PanelSeat.email == email))
    again = seat is not None
    if seat is not None and seat.invitation_state in (InvitationState.PENDING, InvitationState.ACCEPTED):
        raise ValidationFailed(_("%(email)s is already on this panel.", email=email), field="email")
    if seat is None:
        seat = PanelSeat(challenge_id=challenge.id, email=email)
        db.session.add(seat)
    seat.user_id = None
    seat.discipline, seat.invited_at, seat.invited_by_id = discipline, utcnow(), user.id
    token = invitations.issue(seat)
    db.session.flush()
    record_event(actor=user, action="panel.invited", subject=seat,
                 data={"email": email, "discipline": discipline.value, **({"again": True} if again else {})})
    invitee = db.session.scalar(select(User).where(User.email == email))
    queue_mail(
        to=email, template="panel_invitation", locale=invitee.locale if invitee else (locale or user.locale),
        challenge=challenge, inviter=user, discipline=discipline, days=invitations.INVITATION_DAYS,
        expires_at=seat.expires_at, link=external_url("panel.accept", token=token),
    )
    return seat


def find_seat_by_token(token: str) -> PanelSeat | None:
    return db.session.scalar(select(PanelSeat).where(PanelSeat.token_hash == _hash(token)))


def accepted_by(seat: PanelSeat, user: User) -> bool:
    return seat.accepted_at is not None and seat.user_id == getattr(user, "id", None)


def accept_seat(*, token: str, user: User) -> PanelSeat:
    return _accept(find_seat_by_token(token), user)


def accept_invited_seat(*, seat: PanelSeat, user: User) -> PanelSeat:
    """Accept from the dashboard, without the e-mail's link: the account must have confirmed the
    invited address itself (the link would prove nothing more)."""
    if seat.email != user.email:
        raise NotAllowed(_("This invitation was sent to %(email)s. Sign in with that address to accept it.",
                           email=seat.email))
    if not user.is_verified:
        raise DomainError(_("Confirm your e-mail address first, or use the link in the invitation."))
    return _accept(seat, user)


def _accept(seat: PanelSeat | None, user: User) -> PanelSeat:
    if invitations.check_acceptable(seat, user, accepted_by_user=seat is not None and accepted_by(seat, user)):
        return seat  # accepting twice is harmless
    taken = db.session.scalar(select(PanelSeat).where(PanelSeat.challenge_id == seat.challenge_id,
                                                      PanelSeat.user_id == user.id))
    if taken is not None and taken.id != seat.id:
        raise DomainError(_("You already have a seat on this panel."))
    seat.user_id = user.id
    invitations.mark_accepted(seat, user)
    db.session.flush()
    record_event(actor=user, action="panel.accepted", subject=seat)
    return seat


def revoke_seat(*, seat: PanelSeat, user: User) -> None:
    """Take someone off the panel: an accepted seat is closed, a pending invitation withdrawn."""
    if not permissions.can_manage_panel(user, seat.challenge):
        raise NotAllowed(_("Only officers of this municipality can change the panel."))
    if seat.revoked_at is not None:
        return
    seat.revoked_at = utcnow()  # also for an accepted seat (invitations.revoke only withdraws unused ones)
    db.session.flush()
    record_event(actor=user, action="panel.revoked", subject=seat, data={"email": seat.email})


UNCHANGED = object()  # `update_settings(reviews_due_at=...)` left out: keep the panel's deadline as it is


def reviews_due_problem(challenge: Challenge, reviews_due_at: datetime | None) -> str | None:
    """The panel's deadline comes after the submission deadline (the panel cannot start earlier)."""
    close_at = challenge.submissions_close_at
    if reviews_due_at is not None and close_at is not None and reviews_due_at <= close_at:
        return _("The panel's deadline must come after the submission deadline (%(when)s).",
                 when=format_datetime(close_at, "d MMMM y, HH:mm"))
    return None


def update_settings(*, challenge: Challenge, user: User, blind_review: bool, panel_sees_scores: bool,
                    reviews_due_at=UNCHANGED) -> None:
    if not permissions.can_manage_panel(user, challenge):
        raise NotAllowed(_("Only officers of this municipality can change the evaluation settings."))
    from .reviews import any_review_started

    if blind_review != challenge.blind_review and any_review_started(challenge):
        raise DomainError(_("Blind or open can only be chosen before the panel starts reading."),
                          field="blind_review")
    if reviews_due_at is UNCHANGED:
        reviews_due_at = challenge.reviews_due_at
    problem = reviews_due_problem(challenge, reviews_due_at) if reviews_due_at != challenge.reviews_due_at else None
    if problem:
        raise ValidationFailed(problem, field="reviews_due_at")
    changes = {}
    if blind_review != challenge.blind_review:
        changes["blind_review"] = blind_review
    if panel_sees_scores != challenge.panel_sees_scores:
        changes["panel_sees_scores"] = panel_sees_scores
    if reviews_due_at != challenge.reviews_due_at:
        changes["reviews_due_at"] = reviews_due_at.isoformat() if reviews_due_at else None
    if not changes:
        return
    challenge.blind_review = blind_review
    challenge.panel_sees_scores = panel_sees_scores
    challenge.reviews_due_at = reviews_due_at
    db.session.flush()
    record_event(actor=user, action="evaluation.settings_changed", subject=challenge, data=changes)


def seats_for_user(user: User) -> list[PanelSeat]:
    return list(db.session.scalars(
        select(PanelSeat).where(PanelSeat.user_id == user.id, PanelSeat.revoked_at.is_(None),
                                PanelSeat.accepted_at.is_not(None)).order_by(PanelSeat.accepted_at.desc())))
