"""Finding the challenge a page is about, for views: 404 or 403 as the user may see it."""

from __future__ import annotations

from flask import abort

from . import permissions
from .models import Challenge
from .services import find_challenge


def challenge_for(user, ref: str, allowed=permissions.can_view_challenge) -> Challenge:
    """The challenge behind `ref` if `allowed(user, challenge)`; otherwise a 404 for those who may not
    even see it (another municipality's draft) and a 403 for the others."""
    challenge = find_challenge(ref)
    if challenge is None:
        abort(404)
    if not allowed(user, challenge):
        abort(403 if permissions.can_view_challenge(user, challenge) else 404)
    return challenge
