"""The way in: a startup that has never been here writes its proposal on the apply page, gives an
e-mail address and its name there, and confirms the address afterwards.

* `missing_fields`: what the apply page asks besides the proposal (the e-mail address, the
  startup's name, and only the eligibility values the challenge needs and the profile lacks).
* `save_pending`: an anonymous visitor's draft, kept server-side as a `PendingApplication` and
  e-mailed a link (to any address: whether it has an account shows nowhere but in that mailbox).
* `confirm_pending`: following the link confirms the address, creates the account without a
  password (or uses the existing one), creates the startup (or uses the person's own), and turns
  the pending draft into a real draft proposal, ready to submit.
* `complete_profile` / `start_startup`: the same inline fields for someone who is signed in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import invitations
from ..accounts import services as accounts
from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..db_types import utcnow
from ..enums import OrgKind
from ..errors import DomainError, InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..invitations import INVITATION_DAYS, InvitationState, hash_token
from ..mail.services import external_url, queue_mail
from ..organisations import services as organisations
from ..organisations.models import Organisation
from . import permissions
from .models import Proposal
from .pending_models import PendingApplication
from .services import eligibility_issues, find_proposal, start_proposal

PENDING_CONTENT = ("summary", "understanding", "solution", "team", "price_cents", "price_justification",
                   "duration_weeks", "language")
ELIGIBILITY_FIELDS = ("size_fte", "founded_year")


def new_form_key() -> str:
    return secrets.token_urlsafe(24)


def eligibility_fields(challenge: Challenge, startup: Organisation | None = None) -> list[str]:
    """The profile values this challenge's rules read that the startup lacks or that stop it: the
    fields that fix an eligibility problem, shown on the apply page itself."""
    needed = [field for field, rule in (("size_fte", challenge.max_fte), ("founded_year", challenge.max_age_years))
              if rule is not None]
    if startup is None:
        return needed
    blocking = {field for field, _message in eligibility_issues(challenge, startup)}
    return [field for field in needed if getattr(startup, field) is None or field in blocking]


def missing_fields(user, challenge: Challenge, startup: Organisation | None = None) -> list[str]:
    """What the apply page asks besides the proposal, in order."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    if startup is None and signed_in:
        startups = permissions.startups_of(user)
        startup = startups[0] if startups else None
    fields = [] if signed_in else ["email"]
    if startup is None:
        fields.append("startup_name")
    return fields + eligibility_fields(challenge, startup)


def _clean_profile(profile: dict) -> dict:
    """Eligibility values as JSON keeps them: whole numbers as int, decimals (FTE) as text."""
    cleaned = {}
    for field in ELIGIBILITY_FIELDS:
        value = profile.get(field)
        if value is None:
            continue
        cleaned[field] = value if isinstance(value, int) else str(value)
    return cleaned


def _profile_value(value):
    from decimal import Decimal

    if isinstance(value, str):
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else number
    return value


# --- anonymous visitors ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PendingOutcome:
    pending: PendingApplication
    mailed: bool  # a (new) link went out: the first save, or the address changed


def find_pending(form_key: str | None) -> PendingApplication | None:
    if not form_key:
        return None
    return db.session.scalar(select(PendingApplication).where(PendingApplication.form_key == form_key))


def pending_in_session(ids: list[int], challenge: Challenge) -> PendingApplication | None:
    """The newest still-pending draft for this challenge among the rows this browser session wrote."""
    if not ids:
        return None
    rows = db.session.scalars(
        select(PendingApplication)
        .where(PendingApplication.id.in_(ids[-20:]), PendingApplication.challenge_id == challenge.id)
        .order_by(PendingApplication.id.desc())
    )
    return next((row for row in rows if row.is_pending), None)


def save_pending(*, challenge: Challenge, form_key: str, email: str, startup_name: str, profile: dict,
                 content: dict, locale: str) -> PendingOutcome:
    """Keep an anonymous visitor's draft and e-mail the confirmation link (on the first save, or to a
    new address). The same form sent again (a double click, a replay) updates the same row."""
    if not challenge.is_open:
        raise InvalidState(_("This challenge is not open for proposals."))
    if not form_key or len(form_key) > 64:
        raise ValidationFailed(_("This form has expired. Open the apply page again."))
    email = accounts.normalise_email(email)
    pending = find_pending(form_key)
    if pending is not None and pending.challenge_id != challenge.id:
        raise ValidationFailed(_("This form has expired. Open the apply page again."))
    if pending is not None and not pending.is_pending:
        raise InvalidState(_("This draft was already confirmed or has expired. Open the link in the e-mail, or "
                             "start again."))
    created = pending is None
    if created:
        pending = PendingApplication(challenge_id=challenge.id, form_key=form_key, email=email)
        token = invitations.issue(pending)
        try:
            with db.session.begin_nested():
                db.session.add(pending)
        except IntegrityError:  # the same form, twice at the same moment: the other request made the row
            pending = find_pending(form_key)
            if pending is None:
                raise
            created = False
    mail_to_new_address = not created and pending.email != email
    if mail_to_new_address:
        token = invitations.issue(pending)  # the link sent to the old address stops working
    pending.email = email
    pending.startup_name = startup_name.strip()
    pending.profile = _clean_profile(profile)
    pending.content = {field: content.get(field) for field in PENDING_CONTENT}
    pending.locale = locale
    pending.updated_at = utcnow()
    db.session.flush()
    record_event(actor=None, action="application.pending_saved", subject=pending,
                 data={} if created else {"again": True})
    if created or mail_to_new_address:
        _mail_link(pending, token)
    return PendingOutcome(pending, mailed=created or mail_to_new_address)


def resend_pending(*, pending: PendingApplication) -> None:
    """A new link for a draft that is still waiting (the old one stops working)."""
    if pending.accepted_at is not None or pending.revoked_at is not None:
        return
    _mail_link(pending, invitations.issue(pending))
    record_event(actor=None, action="application.link_resent", subject=pending)


def _mail_link(pending: PendingApplication, token: str) -> None:
    pending.mailed_at = utcnow()
    db.session.flush()
    queue_mail(to=pending.email, template="pending_application", locale=pending.locale,
               challenge=pending.challenge, days=INVITATION_DAYS,
               link=external_url("wayin.confirm", token=token))


# --- the link -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Confirmation:
    user: User
    proposal: Proposal | None  # None when the challenge closed before the link was followed
    first_time: bool  # this click confirmed it (a second click by the same person is harmless)
    existing_proposal: bool = False  # the startup had a proposal for this challenge already


def confirm_pending(*, token: str, current_user=None) -> Confirmation:
    pending = db.session.scalar(select(PendingApplication).where(PendingApplication.token_hash == hash_token(token)))
    link_state = pending.link_state if pending is not None else InvitationState.REVOKED
    if link_state == InvitationState.ACCEPTED:
        same_person = getattr(current_user, "id", None) is not None and current_user.id == pending.user_id
        if same_person:
            proposal = db.session.get(Proposal, pending.proposal_id) if pending.proposal_id else None
            return Confirmation(user=current_user, proposal=proposal, first_time=False)
        raise DomainError(_("This link has already been used. Sign in to continue with your proposal."))
    if link_state == InvitationState.EXPIRED:
        raise DomainError(_("This link has expired. Your draft was kept for %(days)d days only; start again from "
                            "the challenge.", days=INVITATION_DAYS))
    if link_state != InvitationState.PENDING:
        raise DomainError(_("This link is not valid (any more). Use the newest e-mail we sent you."))
    user = _user_for(pending)
    if refusal(user, pending.challenge) in (permissions.ADMIN, permissions.OFFICER, permissions.EVALUATOR):
        raise NotAllowed(_("%(email)s belongs to an account that cannot apply (an administrator, an officer or an "
                           "evaluator). Use your startup's own e-mail address.", email=pending.email))
    pending.accepted_at = utcnow()
    pending.user_id = user.id
    startup = _startup_for(user, pending)
    challenge = pending.challenge
    if not challenge.is_open:
        db.session.flush()
        record_event(actor=user, action="application.confirmed", subject=pending, data={"closed": True})
        return Confirmation(user=user, proposal=None, first_time=True)
    existing = find_proposal(challenge, startup) is not None
    proposal = start_proposal(challenge=challenge, startup=startup, user=user)
    _fill_proposal(proposal, pending.content, existing=existing)
    pending.proposal_id = proposal.id
    db.session.flush()
    record_event(actor=user, action="application.confirmed", subject=pending, data={"proposal_id": proposal.id})
    return Confirmation(user=user, proposal=proposal, first_time=True, existing_proposal=existing)


def _user_for(pending: PendingApplication) -> User:
    """The account with the pending draft's address (confirmed now: the link proved it), or a new one
    without a password."""
    user = accounts.find_user_by_email(pending.email)
    if user is None:
        return accounts.create_passwordless_user(email=pending.email, name=pending.email.split("@")[0],
                                                 locale=pending.locale)
    if not user.active:
        raise DomainError(_("This link is not valid (any more). Use the newest e-mail we sent you."))
    if user.verified_at is None:
        user.verified_at = utcnow()
        record_event(actor=user, action="user.verified", subject=user)
    return user


def _startup_for(user: User, pending: PendingApplication) -> Organisation:
    """The person's own startup (gaps in its eligibility values filled from the draft), or a new one."""
    startups = permissions.startups_of(user)
    profile = {field: _profile_value(value) for field, value in (pending.profile or {}).items()
               if field in ELIGIBILITY_FIELDS}
    if startups:
        startup = startups[0]
        gaps = {field: value for field, value in profile.items() if getattr(startup, field) is None}
        if gaps:
            organisations.update_organisation(organisation=startup, user=user, data=gaps)
        return startup
    name = pending.startup_name or pending.email.split("@")[0]
    return organisations.create_organisation(user=user, kind=OrgKind.STARTUP, data={"name": name, **profile})


def _fill_proposal(proposal: Proposal, content: dict, *, existing: bool) -> None:
    """Copy the pending text into the proposal. A proposal the startup already had keeps what it
    has: only its empty fields are filled."""
    accepted = proposal.challenge.languages or ["nl", "en"]
    for field in PENDING_CONTENT:
        value = content.get(field)
        if value in (None, "") or (field == "language" and value not in accepted):
            continue
        if existing and getattr(proposal, field) not in (None, ""):
            continue
        setattr(proposal, field, value)


# --- signed in ------------------------------------------------------------------------------------

def start_startup(*, user: User, name: str, profile: dict) -> Organisation:
    """A confirmed person without a startup names it on the apply page."""
    values = {field: profile.get(field) for field in ELIGIBILITY_FIELDS if profile.get(field) is not None}
    return organisations.create_organisation(user=user, kind=OrgKind.STARTUP, data={"name": name, **values})


def complete_profile(*, user: User, startup: Organisation, profile: dict) -> None:
    """Eligibility values typed on the apply page go into the startup's profile (only the given ones)."""
    values = {field: profile[field] for field in ELIGIBILITY_FIELDS if profile.get(field) is not None}
    if values:
        organisations.update_organisation(organisation=startup, user=user, data=values)
        db.session.flush()


def refusal(user, challenge: Challenge) -> str | None:
    """`permissions.apply_refusal`, with the panel seat looked up only when it matters."""
    has_seat = False
    if getattr(user, "is_authenticated", False) and not permissions.startups_of(user) and not user.is_admin:
        from ..evaluation.panel import seats_for_user

        has_seat = bool(seats_for_user(user))
    return permissions.apply_refusal(user, challenge, has_seat=has_seat)
