"""Who sees which recommendations."""

from __future__ import annotations

from ..challenges.permissions import can_manage_challenge
from ..collaboration.permissions import acts_for
from ..enums import ChallengeStatus


def can_see_fitting_startups(user, challenge) -> bool:
    return can_manage_challenge(user, challenge) and challenge.status != ChallengeStatus.CANCELLED


def can_invite_to_apply(user, challenge) -> bool:
    """Inviting shapes who applies: the lead buyer, and co-owners who may edit the challenge."""
    return acts_for(user, challenge, "may_edit") and challenge.is_open
