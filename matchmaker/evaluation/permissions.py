"""Who may do what in an evaluation. Evaluators reach only proposals of challenges they sit on, only
after closing, never ones they declared a conflict on; officers of the lead buyer run it, with the
co-owners the lead lets manage the panel (`may_manage_panel`) or decide (`may_decide`)."""

from __future__ import annotations

from ..collaboration.permissions import acts_for
from ..enums import ChallengeStatus, ReviewStatus
from ..proposals.lifecycle import PROPOSAL
from ..proposals.permissions import is_sealed, proposals_opened


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_manage_panel(user, challenge) -> bool:
    """The one panel of the challenge, shared by the lead buyer and its co-owners."""
    return acts_for(user, challenge, "may_manage_panel") and challenge.status != ChallengeStatus.CANCELLED


def can_run_evaluation(user, challenge) -> bool:
    """Officer pages about scores and decisions: only once proposals are unsealed."""
    return (acts_for(user, challenge, "may_decide") and challenge.status != ChallengeStatus.CANCELLED
            and challenge.is_public and not is_sealed(challenge, user))


def is_seat_holder(user, seat) -> bool:
    return _authenticated(user) and seat.is_active and seat.user_id == user.id


def evaluation_open(challenge) -> bool:
    """The panel works between the opening and the final decision."""
    return proposals_opened(challenge) and challenge.status not in (ChallengeStatus.DECIDED, ChallengeStatus.CANCELLED)


def can_declare(user, seat, proposal) -> bool:
    return (
        is_seat_holder(user, seat)
        and proposal.challenge_id == seat.challenge_id
        and not is_sealed(proposal, user)
    )


def can_read_as_evaluator(user, seat, proposal, declaration) -> bool:
    """Declared no conflict on this proposal first."""
    return can_declare(user, seat, proposal) and declaration is not None and not declaration.has_conflict


def can_score(user, seat, proposal, declaration, review) -> bool:
    return (
        can_read_as_evaluator(user, seat, proposal, declaration)
        and evaluation_open(proposal.challenge)
        and not _released(proposal)
        and (review is None or review.status == ReviewStatus.DRAFT)
    )


def can_see_panel_scores(user, seat, proposal, review) -> bool:
    """Others' scores: after submitting one's own, and once the officer has opened them to the panel."""
    return (
        is_seat_holder(user, seat)
        and proposal.challenge.panel_sees_scores
        and review is not None
        and review.status == ReviewStatus.SUBMITTED
    )


def can_reopen_review(user, review) -> bool:
    return (
        can_run_evaluation(user, review.proposal.challenge)
        and review.status == ReviewStatus.SUBMITTED
        and evaluation_open(review.proposal.challenge)
        and not _released(review.proposal)
    )


def _released(proposal) -> bool:
    """Once a decision about a proposal has been released, its scores are final."""
    return any(d.released_at is not None for d in proposal.decisions)


def sees_identities(user, challenge) -> bool:
    """In blind mode evaluators never learn who is behind a proposal; the officers who decide always do."""
    return not challenge.blind_review or acts_for(user, challenge, "may_decide")


def can_prepare_decision(user, proposal) -> bool:
    """An officer prepares a decision for a proposal that still awaits its final outcome."""
    challenge = proposal.challenge
    return (can_run_evaluation(user, challenge) and challenge.status != ChallengeStatus.DECIDED
            and PROPOSAL.allows(proposal, "award"))


def can_release_decisions(user, challenge) -> bool:
    return can_run_evaluation(user, challenge) and challenge.status != ChallengeStatus.DECIDED


def can_read_audit(user, challenge) -> bool:
    """The officers who decide (the lead buyer's, and co-owners' with `may_decide`: the trail names
    applicants after the deadline), and administrators (who also read IP addresses)."""
    return acts_for(user, challenge, "may_decide") or (_authenticated(user) and user.is_admin)
