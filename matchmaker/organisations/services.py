"""Organisations, their members and invitations."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..db_types import utcnow
from ..enums import MemberRole, OrgKind
from ..errors import DomainError, NotAllowed, ValidationFailed
from ..extensions import db
from ..mail.services import external_url, mail_user, queue_mail
from ..slugs import unique_slug
from . import permissions
from .models import Invitation, Membership, Organisation

PROFILE_FIELDS = (
    "name", "website", "region", "description", "kvk_number", "size_fte", "founded_year", "capabilities", "sectors",
)
STARTUP_ONLY = ("kvk_number", "size_fte", "founded_year", "capabilities", "sectors")
INVITATION_DAYS = 14


def create_organisation(*, user: User, kind: OrgKind, data: dict) -> Organisation:
    if not permissions.can_create_organisation(user):
        raise NotAllowed(_("Confirm your e-mail address before you create an organisation."))
    organisation = Organisation(kind=kind, slug=unique_slug(Organisation, data["name"]))
    _apply_profile(organisation, data)
    db.session.add(organisation)
    db.session.flush()
    db.session.add(Membership(user=user, organisation=organisation, role=MemberRole.OWNER))
    db.session.flush()
    record_event(actor=user, action="organisation.created", subject=organisation, data={"kind": kind.value})
    if kind == OrgKind.MUNICIPALITY:
        for admin in db.session.scalars(select(User).where(User.is_admin, User.active)):
            mail_user(admin, "municipality_to_verify", organisation=organisation)
    return organisation


def update_organisation(*, organisation: Organisation, user: User, data: dict) -> None:
    if not permissions.can_edit_organisation(user, organisation):
        raise NotAllowed(_("Only members of this organisation can change it."))
    _apply_profile(organisation, data)
    record_event(actor=user, action="organisation.updated", subject=organisation)


def _apply_profile(organisation: Organisation, data: dict) -> None:
    for field in PROFILE_FIELDS:
        if field not in data:
            continue
        if field in STARTUP_ONLY and organisation.kind != OrgKind.STARTUP:
            continue
        value = data[field]
        if isinstance(value, str):
            value = value.strip() or None
        if field in ("capabilities", "sectors"):
            value = list(value or [])
        if field == "description":
            value = value or ""
        setattr(organisation, field, value)


def verify_organisation(*, admin: User, organisation: Organisation) -> None:
    if not permissions.can_verify_organisation(admin, organisation):
        raise NotAllowed(_("This organisation cannot be verified."))
    organisation.verified_at = utcnow()
    record_event(actor=admin, action="organisation.verified", subject=organisation)
    for membership in organisation.memberships:
        mail_user(membership.user, "municipality_verified", organisation=organisation)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_member(*, organisation: Organisation, user: User, email: str, role: MemberRole) -> Invitation:
    if not permissions.can_manage_members(user, organisation):
        raise NotAllowed(_("Only owners can invite members."))
    email = email.strip().lower()
    if any(m.user.email == email for m in organisation.memberships):
        raise ValidationFailed(_("This person is already a member."), field="email")
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=_hash_token(token),
        invited_by_id=user.id,
        expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
    )
    db.session.add(invitation)
    db.session.flush()
    record_event(actor=user, action="organisation.member_invited", subject=organisation, data={"email": email})
    invitee = db.session.scalar(select(User).where(User.email == email))
    queue_mail(
        to=email,
        template="invitation",
        locale=invitee.locale if invitee else user.locale,
        organisation=organisation,
        inviter=user,
        link=external_url("organisations.accept_invitation", token=token),
        days=INVITATION_DAYS,
    )
    return invitation


def find_invitation(token: str) -> Invitation | None:
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == _hash_token(token)))


def accept_invitation(*, token: str, user: User) -> Organisation:
    invitation = find_invitation(token)
    if invitation is None or invitation.revoked_at is not None:
        raise DomainError(_("This invitation is not valid."))
    if invitation.accepted_at is not None:
        if permissions.is_member(user, invitation.organisation):
            return invitation.organisation  # accepting twice is harmless
        raise DomainError(_("This invitation has already been used."))
    if invitation.expires_at <= utcnow():
        raise DomainError(_("This invitation has expired. Ask for a new one."))
    if invitation.email != user.email:
        raise NotAllowed(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.", email=invitation.email)
        )
    if not user.is_verified:
        user.verified_at = utcnow()  # the invitation link proved the address
    invitation.accepted_at = utcnow()
    if not permissions.is_member(user, invitation.organisation):
        db.session.add(Membership(user=user, organisation=invitation.organisation, role=invitation.role))
        db.session.flush()
        db.session.refresh(user)
    record_event(actor=user, action="organisation.member_joined", subject=invitation.organisation)
    return invitation.organisation


def remove_member(*, organisation: Organisation, user: User, membership: Membership) -> None:
    if not permissions.can_manage_members(user, organisation) and membership.user_id != user.id:
        raise NotAllowed(_("Only owners can remove members."))
    if membership.organisation_id != organisation.id:
        raise NotAllowed(_("This person is not a member of this organisation."))
    owners = [m for m in organisation.memberships if m.role == MemberRole.OWNER]
    if membership.role == MemberRole.OWNER and len(owners) == 1:
        raise DomainError(_("An organisation needs at least one owner. Make someone else owner first."))
    record_event(
        actor=user, action="organisation.member_removed", subject=organisation, data={"user_id": membership.user_id}
    )
    member = membership.user
    db.session.delete(membership)
    db.session.flush()
    db.session.expire(member, ["memberships"])
    db.session.expire(organisation, ["memberships"])


def set_member_role(*, organisation: Organisation, user: User, membership: Membership, role: MemberRole) -> None:
    if not permissions.can_manage_members(user, organisation):
        raise NotAllowed(_("Only owners can change roles."))
    if membership.organisation_id != organisation.id:
        raise NotAllowed(_("This person is not a member of this organisation."))
    if membership.role == role:
        return
    owners = [m for m in organisation.memberships if m.role == MemberRole.OWNER]
    if membership.role == MemberRole.OWNER and len(owners) == 1:
        raise DomainError(_("An organisation needs at least one owner. Make someone else owner first."))
    membership.role = role
    db.session.flush()
    record_event(actor=user, action="organisation.role_changed", subject=organisation,
                 data={"user_id": membership.user_id, "role": role.value})


def pending_invitations(organisation: Organisation) -> list[Invitation]:
    return list(
        db.session.scalars(
            select(Invitation)
            .where(
                Invitation.organisation_id == organisation.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > utcnow(),
            )
            .order_by(Invitation.created_at)
        )
    )


def get_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.slug == slug))
