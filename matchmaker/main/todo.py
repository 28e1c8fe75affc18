"""The dashboard's to-do lists: what each role of the signed-in person should do next.

One list per role the person has (officer, evaluator, startup member). Each item counts what waits
and names the challenge it belongs to; the template turns it into a link. Everything an officer sees
about proposals asks the seal (`is_sealed`), and everything an evaluator sees asks the panel's
permission predicates, exactly as the pages the items link to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ..accounts.models import User
from ..challenges import permissions as challenge_permissions
from ..challenges.models import Challenge, Question
from ..challenges.services import challenges_managed_by
from ..db_types import utcnow
from ..enums import ChallengeStatus, DecisionStatus, OrgKind, ProposalStatus
from ..evaluation import permissions as evaluation_permissions
from ..evaluation.conflicts import proposals_to_assess
from ..evaluation.decisions import released_decisions
from ..evaluation.models import ConflictDeclaration, Decision, PanelSeat, Review
from ..evaluation.panel import active_seats, seats_for_user
from ..evaluation.reviews import queue_for
from ..extensions import db
from ..invitations import InvitationState
from ..lessons.services import lessons_to_write
from ..organisations.models import Organisation
from ..organisations.permissions import organisations_of
from ..proposals import permissions as proposal_permissions
from ..proposals.models import Proposal
from ..proposals.services import count_submitted, proposals_of

CLOSING_SOON = timedelta(days=7)


# --- officers -------------------------------------------------------------------------------------

@dataclass
class ChallengeCount:
    """A number of things waiting on one challenge (questions, proposals, decisions)."""

    challenge: Challenge
    count: int


@dataclass
class PanelProgress:
    """Reviews of one challenge's panel: expected (every active seat times every proposal it has no
    conflict with) against submitted, with the panel's deadline."""

    challenge: Challenge
    expected: int
    submitted: int
    members: int
    proposals: int

    @property
    def outstanding(self) -> int:
        return self.expected - self.submitted

    @property
    def due_at(self) -> datetime | None:
        return self.challenge.reviews_due_at

    @property
    def overdue(self) -> bool:
        return self.due_at is not None and self.due_at <= utcnow() and self.outstanding > 0


@dataclass
class Readable:
    """A closed challenge whose proposals the officer may read now, and how many they have not opened
    yet (every officer's view of a proposal is in the audit trail as `proposal.viewed`)."""

    challenge: Challenge
    unread: int
    total: int


@dataclass
class OfficerTodo:
    questions: list[ChallengeCount] = field(default_factory=list)
    closing: list[ChallengeCount] = field(default_factory=list)  # count: proposals submitted so far
    readable: list[Readable] = field(default_factory=list)
    reviews: list[PanelProgress] = field(default_factory=list)
    decisions: list[ChallengeCount] = field(default_factory=list)
    lessons: list = field(default_factory=list)  # lessons.services.ToWrite

    @property
    def empty(self) -> bool:
        return not (self.questions or self.closing or self.readable or self.reviews or self.decisions
                    or self.lessons)


def _unanswered_questions(challenge_ids: list[int]) -> dict[int, int]:
    if not challenge_ids:
        return {}
    rows = db.session.execute(
        select(Question.challenge_id, func.count(Question.id))
        .where(Question.challenge_id.in_(challenge_ids), Question.published.is_(False),
               Question.is_clarification.is_(False))
        .group_by(Question.challenge_id))
    return {challenge_id: count for challenge_id, count in rows}


def _prepared_decisions(challenge_ids: list[int]) -> dict[int, int]:
    if not challenge_ids:
        return {}
    rows = db.session.execute(
        select(Proposal.challenge_id, func.count(Decision.id)).join(Decision, Decision.proposal_id == Proposal.id)
        .where(Proposal.challenge_id.in_(challenge_ids), Decision.status == DecisionStatus.PREPARED)
        .group_by(Proposal.challenge_id))
    return {challenge_id: count for challenge_id, count in rows}


def panel_progress(challenge: Challenge) -> PanelProgress:
    proposals = {p.id for p in proposals_to_assess(challenge)}
    seats = sorted(seat.id for seat in active_seats(challenge))
    conflicts = set(db.session.execute(
        select(ConflictDeclaration.seat_id, ConflictDeclaration.proposal_id)
        .where(ConflictDeclaration.seat_id.in_(seats), ConflictDeclaration.has_conflict.is_(True))).all()
    ) if seats else set()
    expected = sum(1 for seat in seats for proposal in proposals if (seat, proposal) not in conflicts)
    submitted = sum(1 for seat_id, proposal_id, done in db.session.execute(
        select(Review.seat_id, Review.proposal_id, Review.submitted_at).where(Review.seat_id.in_(seats))
    ) if done is not None and proposal_id in proposals and (seat_id, proposal_id) not in conflicts) if seats else 0
    return PanelProgress(challenge=challenge, expected=expected, submitted=submitted, members=len(seats),
                         proposals=len(proposals))


def readable_proposals(challenge: Challenge, user: User) -> Readable:
    from ..audit.models import AuditEvent

    ids = {p.id for p in proposals_to_assess(challenge) if not proposal_permissions.is_sealed(p, user)}
    opened = set(db.session.scalars(
        select(AuditEvent.subject_id).where(AuditEvent.challenge_id == challenge.id, AuditEvent.actor_id == user.id,
                                            AuditEvent.action == "proposal.viewed",
                                            AuditEvent.subject_type == "proposals"))) if ids else set()
    return Readable(challenge=challenge, unread=len(ids - opened), total=len(ids))


def officer_todo(user: User, now: datetime | None = None) -> OfficerTodo:
    """What the officer's municipalities' challenges wait for, most urgent first within each list."""
    now = now or utcnow()
    todo = OfficerTodo()
    challenges = challenges_managed_by(user)
    answerable = [c for c in challenges if challenge_permissions.can_answer_questions(user, c)]
    waiting = _unanswered_questions([c.id for c in answerable])
    todo.questions = [ChallengeCount(c, waiting[c.id]) for c in answerable if waiting.get(c.id)]
    todo.questions.sort(key=lambda item: (-item.count, item.challenge.title))

    for challenge in sorted((c for c in challenges if c.is_open and c.submissions_close_at <= now + CLOSING_SOON),
                            key=lambda c: c.submissions_close_at):
        todo.closing.append(ChallengeCount(challenge, count_submitted(challenge)))

    evaluating = [c for c in challenges if c.current_status in (ChallengeStatus.CLOSED, ChallengeStatus.EVALUATING)]
    for challenge in evaluating:
        if proposal_permissions.can_list_proposals(user, challenge) and not proposal_permissions.is_sealed(
                challenge, user):
            readable = readable_proposals(challenge, user)
            if readable.unread:
                todo.readable.append(readable)
        if evaluation_permissions.can_run_evaluation(user, challenge) and evaluation_permissions.evaluation_open(
                challenge):
            progress = panel_progress(challenge)
            if progress.proposals and (progress.outstanding > 0 or not progress.members):
                todo.reviews.append(progress)
    todo.readable.sort(key=lambda item: item.challenge.submissions_close_at)
    todo.reviews.sort(key=lambda p: (p.due_at is None, p.due_at or now, p.challenge.title))

    releasable = [c for c in challenges if evaluation_permissions.can_release_decisions(user, c)]
    prepared = _prepared_decisions([c.id for c in releasable])
    todo.decisions = [ChallengeCount(c, prepared[c.id]) for c in releasable if prepared.get(c.id)]
    todo.lessons = lessons_to_write(user)
    return todo


# --- evaluators -----------------------------------------------------------------------------------

@dataclass
class PendingInvitation:
    seat: PanelSeat
    challenge: Challenge
    inviter: User | None

    @property
    def expires_at(self) -> datetime:
        return self.seat.expires_at


@dataclass
class SeatWork:
    """One seat's queue: proposals still to score (not started, declared, or a draft review)."""

    seat: PanelSeat
    to_score: int
    to_declare: int
    drafts: int
    total: int

    @property
    def challenge(self) -> Challenge:
        return self.seat.challenge

    @property
    def due_at(self) -> datetime | None:
        return self.seat.challenge.reviews_due_at


@dataclass
class EvaluatorTodo:
    invitations: list[PendingInvitation] = field(default_factory=list)
    work: list[SeatWork] = field(default_factory=list)
    waiting: list[PanelSeat] = field(default_factory=list)  # seats whose proposals are still sealed
    done: list[SeatWork] = field(default_factory=list)  # seats with nothing left to score
    past: int = 0  # seats on panels that have finished (decided or cancelled challenges)

    @property
    def has_role(self) -> bool:
        return bool(self.invitations or self.work or self.waiting or self.done or self.past)

    @property
    def empty(self) -> bool:
        return not (self.invitations or self.work)


def pending_invitations(user: User, now: datetime | None = None) -> list[PendingInvitation]:
    """Panel invitations sent to the user's address that are still open: not accepted, not withdrawn,
    not expired, for a challenge that is neither cancelled nor decided, and not on a panel the user
    already sits on."""
    now = now or utcnow()
    seats = db.session.scalars(
        select(PanelSeat).join(PanelSeat.challenge)
        .where(PanelSeat.email == user.email, PanelSeat.accepted_at.is_(None), PanelSeat.revoked_at.is_(None),
               PanelSeat.expires_at > now,
               Challenge.status.not_in((ChallengeStatus.CANCELLED, ChallengeStatus.DECIDED)))
        .order_by(PanelSeat.expires_at)).all()
    taken = {seat.challenge_id for seat in seats_for_user(user)}
    return [PendingInvitation(seat=seat, challenge=seat.challenge, inviter=seat.invited_by) for seat in seats
            if seat.challenge_id not in taken and seat.invitation_state == InvitationState.PENDING]


def seat_work(seat: PanelSeat) -> SeatWork:
    items = queue_for(seat)
    open_items = [item for item in items
                  if not (item.review is not None and item.review.is_submitted) and not released_decisions(item.proposal)]
    return SeatWork(seat=seat, to_score=len(open_items),
                    to_declare=sum(1 for item in open_items if item.declaration is None),
                    drafts=sum(1 for item in open_items if item.review is not None), total=len(items))


def evaluator_todo(user: User, now: datetime | None = None) -> EvaluatorTodo:
    todo = EvaluatorTodo(invitations=pending_invitations(user, now))
    for seat in seats_for_user(user):
        challenge = seat.challenge
        if proposal_permissions.is_sealed(challenge, user):
            if challenge.is_cancelled:
                todo.past += 1
            else:
                todo.waiting.append(seat)
        elif evaluation_permissions.evaluation_open(challenge):
            work = seat_work(seat)
            (todo.work if work.to_score else todo.done).append(work)
        else:
            todo.past += 1
    todo.work.sort(key=lambda w: (w.due_at is None, w.due_at or utcnow(), w.challenge.title))
    todo.waiting.sort(key=lambda seat: seat.challenge.submissions_close_at)
    return todo


# --- startups -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    proposal: Proposal
    decision: Decision


@dataclass
class StartupTodo:
    drafts: list[Proposal] = field(default_factory=list)  # open challenges, soonest deadline first
    submitted: list[Proposal] = field(default_factory=list)  # waiting for the deadline or the panel
    outcomes: list[Outcome] = field(default_factory=list)  # released decisions, newest first
    for_you: list[tuple[Organisation, list]] = field(default_factory=list)  # (startup, matches)

    @property
    def empty(self) -> bool:
        return not (self.drafts or self.submitted or self.outcomes)


def startup_todo(user: User, recommend: bool = True) -> StartupTodo:
    """The startup member's proposals by what they wait for, and open challenges that fit (without
    those already answered; see `challenges_for_startup`)."""
    from ..recommendations.services import challenges_for_startup

    todo = StartupTodo()
    for proposal in proposals_of(user):
        released = released_decisions(proposal)
        if released:
            todo.outcomes.append(Outcome(proposal, max(released, key=lambda d: d.released_at)))
        elif proposal.is_draft and proposal.challenge.is_open:
            todo.drafts.append(proposal)
        elif proposal.is_submitted or (proposal.status == ProposalStatus.WITHDRAWN and proposal.challenge.is_open):
            todo.submitted.append(proposal)
    todo.drafts.sort(key=lambda p: (p.challenge.submissions_close_at, p.id))
    todo.submitted.sort(key=lambda p: (not p.challenge.is_open, p.challenge.submissions_close_at, p.id))
    todo.outcomes.sort(key=lambda o: (o.decision.released_at, o.proposal.id), reverse=True)
    if recommend:
        todo.for_you = [(startup, challenges_for_startup(startup))
                        for startup in organisations_of(user, OrgKind.STARTUP)]
    return todo
