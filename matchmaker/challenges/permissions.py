"""Who may do what with a challenge. One predicate per action; views, API and templates share them.

A co-owned challenge: the lead buyer's officers do everything; a co-owner's officers read the manage
page and do what the lead allows (`collaboration.permissions.acts_for`). Publishing and cancelling
stay with the lead.
"""

from __future__ import annotations

from ..collaboration.permissions import acts_for, is_lead_officer
from ..enums import ChallengeStatus
from ..organisations.permissions import is_member, is_startup_member


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_create_challenge(user, organisation) -> bool:
    """Officers of a municipality may prepare drafts even before it is verified."""
    return _authenticated(user) and organisation.is_municipality and is_member(user, organisation)


def can_manage_challenge(user, challenge) -> bool:
    """Reads the manage page: an officer of the lead buyer or of any co-owner."""
    return acts_for(user, challenge)


def can_view_challenge(user, challenge) -> bool:
    return challenge.is_public or can_manage_challenge(user, challenge)


def can_edit_challenge(user, challenge) -> bool:
    return acts_for(user, challenge, "may_edit") and challenge.status == ChallengeStatus.DRAFT


def can_publish_challenge(user, challenge) -> bool:
    return (is_lead_officer(user, challenge) and challenge.status == ChallengeStatus.DRAFT
            and challenge.organisation.is_verified)


def can_cancel_challenge(user, challenge) -> bool:
    return is_lead_officer(user, challenge) and challenge.status not in (
        ChallengeStatus.DECIDED,
        ChallengeStatus.CANCELLED,
    )


def can_extend_deadline(user, challenge) -> bool:
    return acts_for(user, challenge, "may_edit") and challenge.is_open


def can_ask_question(user, challenge) -> bool:
    return (
        _authenticated(user)
        and user.is_verified
        and is_startup_member(user)
        and challenge.questions_open
    )


def can_answer_questions(user, challenge) -> bool:
    return acts_for(user, challenge, "may_answer_questions") and challenge.is_public


def can_save_challenge(user, challenge) -> bool:
    return _authenticated(user) and challenge.is_public
