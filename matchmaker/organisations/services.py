"""Organisations, their members and invitations."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from .. import invitations
from ..accounts.models import User
from ..audit.services import record_event
from ..db_types import utcnow
from ..enums import MemberRole, OrgKind
from ..errors import DomainError, NotAllowed, ValidationFailed
from ..extensions import db
from ..invitations import INVITATION_DAYS, InvitationState, hash_token
from ..mail.services import external_url, mail_user, queue_mail
from ..slugs import unique_slug
from . import permissions
from .models import Invitation, Membership, Organisation

PROFILE_FIELDS = (
    "name", "website", "region", "description", "kvk_number", "size_fte", "founded_year", "capabilities", "sectors",
    "team_description",
)
STARTUP_ONLY = ("kvk_number", "size_fte", "founded_year", "capabilities", "sectors", "team_description")


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
        if field in ("description", "team_description"):
            value = value or ""
        setattr(organisation, field, value)


def verify_organisation(*, admin: User, organisation: Organisation) -> None:
    if not permissions.can_verify_organisation(admin, organisation):
        raise NotAllowed(_("This organisation cannot be verified."))
    organisation.verified_at = utcnow()
    record_event(actor=admin, action="organisation.verified", subject=organisation)
    for membership in organisation.memberships:
        mail_user(membership.user, "municipality_verified", organisation=organisation)


_hash_token = hash_token  # the name older code and tests use


def invite_member(*, organisation: Organisation, user: User, email: str, role: MemberRole) -> Invitation:
    """Invite someone by e-mail. An open invitation to the same address (pending or expired) is sent
    again with a new token and validity; the old link stops working."""
    if not permissions.can_manage_members(user, organisation):
        raise NotAllowed(_("Only owners can invite members."))
    email = email.strip().lower()
    if any(m.user.email == email for m in organisation.memberships):
        raise ValidationFailed(_("This person is already a member."), field="email")
    invitation = db.session.scalar(
        select(Invitation)
        .where(Invitation.organisation_id == organisation.id, Invitation.email == email,
               Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .order_by(Invitation.created_at.desc())
        .limit(1)
    )
    again = invitation is not None
    if invitation is None:
        invitation = Invitation(organisation=organisation, email=email)
        db.session.add(invitation)
    invitation.role, invitation.invited_by_id, invitation.created_at = role, user.id, utcnow()
    token = invitations.issue(invitation)
    db.session.flush()
    record_event(actor=user, action="organisation.member_invited", subject=organisation,
                 data={"email": email, **({"again": True} if again else {})})
    invitee = db.session.scalar(select(User).where(User.email == email))
    queue_mail(
        to=email,
        template="invitation",
        locale=invitee.locale if invitee else user.locale,
        organisation=organisation,
        inviter=user,
        link=external_url("organisations.accept_invitation", token=token),
        days=INVITATION_DAYS,
        expires_at=invitation.expires_at,
    )
    return invitation


def find_invitation(token: str) -> Invitation | None:
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_token(token)))


def accepted_by(invitation: Invitation, user: User) -> bool:
    """The address is the invitation's and the person is a member: they accepted it."""
    return (invitation.accepted_at is not None and getattr(user, "email", None) == invitation.email
            and permissions.is_member(user, invitation.organisation))


def accept_invitation(*, token: str, user: User) -> Organisation:
    invitation = find_invitation(token)
    if invitations.check_acceptable(invitation, user,
                                    accepted_by_user=invitation is not None and accepted_by(invitation, user)):
        return invitation.organisation  # accepting twice is harmless
    invitations.mark_accepted(invitation, user)
    if not permissions.is_member(user, invitation.organisation):
        db.session.add(Membership(user=user, organisation=invitation.organisation, role=invitation.role))
        db.session.flush()
        db.session.refresh(user)
    record_event(actor=user, action="organisation.member_joined", subject=invitation.organisation)
    return invitation.organisation


def revoke_invitation(*, organisation: Organisation, user: User, invitation: Invitation) -> None:
    if not permissions.can_manage_members(user, organisation):
        raise NotAllowed(_("Only owners can withdraw invitations."))
    if invitation.organisation_id != organisation.id:
        raise NotAllowed(_("This invitation is not valid (any more)."))
    if invitations.revoke(invitation):
        db.session.flush()
        record_event(actor=user, action="organisation.invitation_revoked", subject=organisation,
                     data={"email": invitation.email})


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
    return [i for i in open_invitations(organisation) if i.invitation_state == InvitationState.PENDING]


def open_invitations(organisation: Organisation) -> list[Invitation]:
    """Invitations not accepted or withdrawn: pending ones and expired ones (to send again)."""
    return list(
        db.session.scalars(
            select(Invitation)
            .where(
                Invitation.organisation_id == organisation.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
            )
            .order_by(Invitation.created_at)
        )
    )


def get_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.slug == slug))
