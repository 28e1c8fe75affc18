"""Who may do what with a proposal. Sealed means: nobody at the municipality reads a proposal (or
learns who applied) while the challenge is open."""

from __future__ import annotations

from ..challenges.permissions import can_manage_challenge
from ..enums import ChallengeStatus, OrgKind, ProposalStatus
from ..organisations.permissions import is_member, organisations_of

VISIBLE_AFTER_CLOSING = (
    ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.REJECTED, ProposalStatus.AWARDED,
)


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_sealed(challenge) -> bool:
    return challenge.current_status == ChallengeStatus.PUBLISHED


def startups_of(user) -> list:
    return organisations_of(user, OrgKind.STARTUP)


def can_apply(user, challenge) -> bool:
    return _authenticated(user) and user.is_verified and bool(startups_of(user)) and challenge.is_open


def can_view_own_proposal(user, proposal) -> bool:
    return _authenticated(user) and is_member(user, proposal.startup)


def can_edit_proposal(user, proposal) -> bool:
    return (
        can_view_own_proposal(user, proposal)
        and user.is_verified
        and proposal.challenge.is_open
        and proposal.status in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN)
    )


def can_withdraw_proposal(user, proposal) -> bool:
    return (
        can_view_own_proposal(user, proposal)
        and proposal.challenge.is_open
        and proposal.status == ProposalStatus.SUBMITTED
    )


def can_list_proposals(user, challenge) -> bool:
    """Officers see the count while sealed, the proposals after closing."""
    return can_manage_challenge(user, challenge) and challenge.is_public


def can_read_sealed_proposal(user, proposal) -> bool:
    return (
        can_manage_challenge(user, proposal.challenge)
        and not is_sealed(proposal.challenge)
        and proposal.challenge.status != ChallengeStatus.CANCELLED
        and proposal.status in VISIBLE_AFTER_CLOSING
    )


def can_download_attachment(user, proposal) -> bool:
    return can_view_own_proposal(user, proposal) or can_read_sealed_proposal(user, proposal)
