"""Who acts for a co-owned challenge, and who runs a round.

The lead buyer is the challenge's own organisation (`Challenge.organisation`); its officers may do
everything. A co-owner's officers may read the manage page and do what the lead allows, one right
(`CoOwner.RIGHTS`) per kind of work. The challenge, evaluation and proposal predicates ask
`acts_for(user, challenge, right)`, so each action keeps one predicate.
"""

from __future__ import annotations

from ..enums import ChallengeStatus, OrgKind
from ..organisations.permissions import is_member


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_lead_officer(user, challenge) -> bool:
    """An officer of the lead buyer (the municipality that owns the challenge)."""
    return _authenticated(user) and is_member(user, challenge.organisation)


def co_ownerships(user, challenge) -> list:
    """The challenge's co-owner rows whose municipality the user is an officer of."""
    if not _authenticated(user):
        return []
    return [co for co in challenge.co_owners if is_member(user, co.organisation)]


def acts_for(user, challenge, right: str | None = None) -> bool:
    """An officer of the lead buyer; or of a co-owner that holds `right` (any co-owner when None)."""
    if is_lead_officer(user, challenge):
        return True
    return any(right is None or getattr(co, right) for co in co_ownerships(user, challenge))


def can_manage_co_owners(user, challenge) -> bool:
    """Only the lead buyer chooses its co-owners and what they may do."""
    return is_lead_officer(user, challenge) and challenge.status != ChallengeStatus.CANCELLED


def may_become_co_owner(organisation, challenge) -> bool:
    return (organisation.kind == OrgKind.MUNICIPALITY and organisation.is_verified
            and organisation.id != challenge.organisation_id)


# --- rounds ----------------------------------------------------------------------------------------

def can_create_round(user, organisation) -> bool:
    return _authenticated(user) and organisation.is_municipality and is_member(user, organisation)


def can_manage_round(user, round_) -> bool:
    """The officers of the municipality that runs the round."""
    return _authenticated(user) and is_member(user, round_.organisation)


def can_put_in_round(user, challenge, round_) -> bool:
    """A lead buyer's officer puts its own draft in a round its municipality runs."""
    return challenge.is_draft and is_lead_officer(user, challenge) and can_manage_round(user, round_)


def can_take_out_of_round(user, challenge) -> bool:
    return (challenge.round is not None and challenge.is_draft
            and (is_lead_officer(user, challenge) or can_manage_round(user, challenge.round)))
