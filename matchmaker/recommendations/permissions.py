"""Who sees which recommendations."""

from __future__ import annotations

from ..challenges.permissions import can_manage_challenge
from ..collaboration.permissions import acts_for
from ..enums import ChallengeStatus


def can_see_fitting_startups(user, challenge) -> bool:
    return can_manage_challenge(user, challenge) and challenge.status != ChallengeStatus.CANCELLED


def can_send_invitations(user, challenge) -> bool:
    """Who invites startups to apply (it shapes who applies): the lead buyer, and co-owners who may
    edit the challenge."""
    return acts_for(user, challenge, "may_edit")


def can_invite_to_apply(user, challenge) -> bool:
    """... and only while the challenge is open."""
    return can_send_invitations(user, challenge) and challenge.is_open
