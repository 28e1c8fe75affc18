"""The proposal's lifecycle: draft → submitted → (withdrawn | shortlisted | rejected);
shortlisted → (awarded | rejected). A withdrawn proposal can be submitted again while the challenge
is open, and a submitted one can be submitted again (a new numbered version)."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from ..enums import ProposalStatus as S
from ..lifecycle import Lifecycle, Move
from .models import Proposal


def _challenge_open(proposal: Proposal, **_context) -> list[str]:
    if not proposal.challenge.is_open:
        return [_("The deadline for this challenge has passed.")]
    return []


def _complete(proposal: Proposal, **_context) -> list[str]:
    from .services import submission_problems

    return _challenge_open(proposal) or [message for _field, message in submission_problems(proposal)]


def _submitted(proposal: Proposal, now: datetime, **_context) -> None:
    proposal.withdrawn_at = None
    proposal.submitted_at = now


def _withdrawn(proposal: Proposal, now: datetime, **_context) -> None:
    proposal.withdrawn_at = now


PROPOSAL = Lifecycle("proposal", [
    Move("submit", (S.DRAFT, S.SUBMITTED, S.WITHDRAWN), S.SUBMITTED, "proposal.submitted", guard=_complete,
         effect=_submitted),
    Move("withdraw", (S.SUBMITTED,), S.WITHDRAWN, "proposal.withdrawn", guard=_challenge_open, effect=_withdrawn),
    Move("shortlist", (S.SUBMITTED,), S.SHORTLISTED, "proposal.shortlisted"),
    Move("award", (S.SUBMITTED, S.SHORTLISTED), S.AWARDED, "proposal.awarded"),
    Move("reject", (S.SUBMITTED, S.SHORTLISTED), S.REJECTED, "proposal.rejected"),
])

# The moves a released decision makes.
MOVE_FOR_OUTCOME = {"shortlisted": "shortlist", "awarded": "award", "rejected": "reject"}
