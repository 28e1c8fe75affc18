"""Co-owned challenges: the lead buyer adds and removes co-owner municipalities and sets what each
co-owner's officers may do. Every change is audited on the challenge's trail."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..audit.services import record_event
from ..challenges.models import Challenge
from ..database import lock_row
from ..enums import OrgKind
from ..errors import NotAllowed, ValidationFailed
from ..extensions import db
from ..organisations.models import Organisation
from . import permissions
from .models import CoOwner

# What a co-owner's officers may do, in the order the settings page shows it.
RIGHT_LABELS = {
    "may_edit": _l("Edit the draft, extend the deadline and invite startups"),
    "may_answer_questions": _l("Answer questions and post clarifications"),
    "may_manage_panel": _l("Manage the shared evaluation panel"),
    "may_decide": _l("Read the proposals after the deadline, run the evaluation and decide"),
    "may_run_pilot": _l("Run the pilot"),
}


def rights_of(co_owner: CoOwner) -> list[str]:
    return [right for right in CoOwner.RIGHTS if getattr(co_owner, right)]


def _check_allowed(user, challenge: Challenge) -> None:
    if not permissions.can_manage_co_owners(user, challenge):
        raise NotAllowed(_("Only officers of the lead buyer can choose the co-owners of this challenge."))


def add_co_owner(*, challenge: Challenge, user, organisation: Organisation | None,
                 rights: dict[str, bool] | None = None) -> CoOwner:
    """Add a verified municipality (not the lead buyer itself, not twice) as a co-owner."""
    _check_allowed(user, challenge)
    challenge = lock_row(Challenge, challenge.id)  # two officers adding at once: one after the other
    if organisation is None:
        raise ValidationFailed(_("Choose a municipality."), field="organisation")
    if organisation.kind != OrgKind.MUNICIPALITY:
        raise ValidationFailed(_("%(name)s is not a municipality; only municipalities can co-own a challenge.",
                                 name=organisation.name), field="organisation")
    if organisation.id == challenge.organisation_id:
        raise ValidationFailed(_("%(name)s is the lead buyer of this challenge already.", name=organisation.name),
                               field="organisation")
    if not organisation.is_verified:
        raise ValidationFailed(_("%(name)s is not verified yet; only verified municipalities can co-own a "
                                 "challenge.", name=organisation.name), field="organisation")
    if find_co_owner(challenge, organisation.id) is not None:
        raise ValidationFailed(_("%(name)s co-owns this challenge already.", name=organisation.name),
                               field="organisation")
    co_owner = CoOwner(challenge_id=challenge.id, organisation_id=organisation.id, organisation=organisation,
                       **_clean_rights(rights))
    challenge.co_owners.append(co_owner)
    db.session.flush()
    record_event(actor=user, action="challenge.co_owner_added", subject=challenge,
                 data={"organisation": organisation.name, "organisation_id": organisation.id,
                       "rights": rights_of(co_owner)})
    return co_owner


def set_co_owner_rights(*, challenge: Challenge, user, organisation_id: int, rights: dict[str, bool]) -> CoOwner:
    _check_allowed(user, challenge)
    challenge = lock_row(Challenge, challenge.id)
    co_owner = _existing(challenge, organisation_id)
    before = rights_of(co_owner)
    for right, value in _clean_rights(rights).items():
        setattr(co_owner, right, value)
    db.session.flush()
    if rights_of(co_owner) != before:  # saving the same rights twice records nothing
        record_event(actor=user, action="challenge.co_owner_rights_changed", subject=challenge,
                     data={"organisation": co_owner.organisation.name, "organisation_id": organisation_id,
                           "from": before, "rights": rights_of(co_owner)})
    return co_owner


def remove_co_owner(*, challenge: Challenge, user, organisation_id: int) -> None:
    """Remove a co-owner; removing one that is already gone (a double click) does nothing."""
    _check_allowed(user, challenge)
    challenge = lock_row(Challenge, challenge.id)
    co_owner = find_co_owner(challenge, organisation_id)
    if co_owner is None:
        return
    name = co_owner.organisation.name
    challenge.co_owners.remove(co_owner)
    db.session.flush()
    record_event(actor=user, action="challenge.co_owner_removed", subject=challenge,
                 data={"organisation": name, "organisation_id": organisation_id})


def _clean_rights(rights: dict[str, bool] | None) -> dict[str, bool]:
    rights = rights or {}
    return {right: bool(rights.get(right)) for right in CoOwner.RIGHTS}


def _existing(challenge: Challenge, organisation_id: int) -> CoOwner:
    co_owner = find_co_owner(challenge, organisation_id)
    if co_owner is None:
        raise ValidationFailed(_("That municipality does not co-own this challenge."))
    return co_owner


def find_co_owner(challenge: Challenge, organisation_id: int) -> CoOwner | None:
    return next((co for co in challenge.co_owners if co.organisation_id == organisation_id), None)


def co_owner_candidates(challenge: Challenge) -> list[Organisation]:
    """Verified municipalities that could still be added."""
    taken = {challenge.organisation_id} | {co.organisation_id for co in challenge.co_owners}
    rows = db.session.scalars(select(Organisation).where(Organisation.kind == OrgKind.MUNICIPALITY,
                                                         Organisation.verified_at.is_not(None))
                              .order_by(Organisation.name))
    return [o for o in rows if o.id not in taken]
