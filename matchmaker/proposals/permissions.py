"""Who may do what with a proposal. Sealed means: nobody at the municipality reads a proposal (or
learns who applied) while the challenge is open."""

from __future__ import annotations

from ..collaboration.permissions import acts_for
from ..enums import ChallengeStatus, OrgKind, ProposalStatus
from ..organisations.permissions import is_member, organisations_of
from .lifecycle import PROPOSAL

VISIBLE_AFTER_CLOSING = (
    ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.REJECTED, ProposalStatus.AWARDED,
)


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def proposals_opened(challenge) -> bool:
    """The opening: the deadline passed while the challenge was published. A challenge cancelled
    before its deadline never opens its proposals."""
    status = challenge.current_status
    if status in (ChallengeStatus.CLOSED, ChallengeStatus.EVALUATING, ChallengeStatus.DECIDED):
        return True
    return status == ChallengeStatus.CANCELLED and challenge.closed_at is not None


def is_sealed(subject, for_user) -> bool:
    """The seal, the one predicate every page, export, API response, e-mail and audit listing asks:
    True while `for_user` may not learn who applied to a challenge or what they wrote.

    `subject` is a proposal, or a challenge (then: any of its proposals). A startup always sees its
    own proposal. Everyone else (officers, evaluators, administrators) sees nothing of a proposal
    before the opening, and never a draft or a withdrawn proposal. The seal is the same for every
    officer: a co-owner's officer with the right to decide is sealed exactly like the lead buyer's
    (who may read at all is `can_read_proposal`'s question, not the seal's).
    """
    proposal = subject if hasattr(subject, "startup_id") else None
    if proposal is not None and can_view_own_proposal(for_user, proposal):
        return False
    challenge = proposal.challenge if proposal is not None else subject
    if not proposals_opened(challenge):
        return True
    return proposal is not None and proposal.status not in VISIBLE_AFTER_CLOSING


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
        and PROPOSAL.allows(proposal, "submit")
    )


def can_autosave(user, proposal) -> bool:
    """Autosave keeps drafts only: a submitted proposal's changes are saved with the buttons."""
    return can_edit_proposal(user, proposal) and proposal.is_draft


def can_withdraw_proposal(user, proposal) -> bool:
    return can_view_own_proposal(user, proposal) and PROPOSAL.can(proposal, "withdraw")


def can_list_proposals(user, challenge) -> bool:
    """The officers who decide see the count while sealed, the proposals after the opening."""
    return acts_for(user, challenge, "may_decide") and challenge.is_public


def can_read_proposal(user, proposal) -> bool:
    """An officer of the lead buyer (or of a co-owner with `may_decide`) reads a submitted proposal
    once the seal is off; co-owners without that right never do."""
    return acts_for(user, proposal.challenge, "may_decide") and not is_sealed(proposal, user)


def can_see_proposal(user, proposal) -> bool:
    """Anyone who may know this proposal exists: its startup, or an officer after the opening."""
    return can_view_own_proposal(user, proposal) or can_read_proposal(user, proposal)


def can_download_attachment(user, proposal) -> bool:
    return can_see_proposal(user, proposal)


# Why someone cannot start a proposal here (None: they can, perhaps after giving an e-mail address or a
# startup's name on the apply page itself).
CLOSED, ADMIN, OFFICER, EVALUATOR, UNVERIFIED = "closed", "admin", "officer", "evaluator", "unverified"


def apply_refusal(user, challenge, *, has_seat: bool = False) -> str | None:
    """None when `user` may write a proposal for `challenge` on the apply page: anyone not signed in
    (the e-mail link creates the account), a confirmed startup member, or a confirmed person without
    any organisation or panel seat (the apply page asks for the startup's name). Otherwise the reason:
    the challenge is closed, or the person is an administrator, an officer or an evaluator without a
    startup, or has not confirmed their address. `has_seat`: the user has a seat on some panel."""
    if not challenge.is_open:
        return CLOSED
    if not _authenticated(user):
        return None
    if startups_of(user):
        return None if user.is_verified else UNVERIFIED
    if user.is_admin:
        return ADMIN
    if organisations_of(user):
        return OFFICER
    if has_seat:
        return EVALUATOR
    return None if user.is_verified else UNVERIFIED


def can_start_application(user, challenge, *, has_seat: bool = False) -> bool:
    return apply_refusal(user, challenge, has_seat=has_seat) is None
