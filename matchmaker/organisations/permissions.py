"""Who may do what with an organisation. Each predicate takes the user first and never raises."""

from __future__ import annotations

from ..enums import MemberRole, OrgKind


def membership_of(user, organisation):
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return None
    for membership in user.memberships:
        if membership.organisation_id == organisation.id:
            return membership
    return None


def is_member(user, organisation) -> bool:
    return membership_of(user, organisation) is not None


def is_owner(user, organisation) -> bool:
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == MemberRole.OWNER


def can_create_organisation(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_verified


def can_edit_organisation(user, organisation) -> bool:
    return is_member(user, organisation)


def can_manage_members(user, organisation) -> bool:
    return is_owner(user, organisation)


def can_verify_organisation(user, organisation) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and user.is_admin
        and organisation.kind == OrgKind.MUNICIPALITY
        and not organisation.is_verified
    )


def organisations_of(user, kind: OrgKind | None = None) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        m.organisation for m in user.memberships if kind is None or m.organisation.kind == kind
    ]


def is_startup_member(user) -> bool:
    return bool(organisations_of(user, OrgKind.STARTUP))


def is_officer(user) -> bool:
    return bool(organisations_of(user, OrgKind.MUNICIPALITY))
