"""Conflicts of interest. An evaluator declares, per proposal, a conflict (typed, with a note) or
none, before reading it. A conflict takes the proposal out of their queue and out of the aggregation."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.lifecycle import CHALLENGE, record_closing
from ..challenges.models import Challenge
from ..database import lock_row
from ..db_types import utcnow
from ..enums import ChallengeStatus, ConflictKind
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..proposals.models import Proposal
from ..proposals.permissions import VISIBLE_AFTER_CLOSING
from . import permissions
from .models import ConflictDeclaration, PanelSeat


def proposals_to_assess(challenge: Challenge) -> list[Proposal]:
    return list(db.session.scalars(
        select(Proposal).where(Proposal.challenge_id == challenge.id, Proposal.status.in_(VISIBLE_AFTER_CLOSING))
        .order_by(Proposal.id)))


def declarations_of(seat: PanelSeat) -> dict[int, ConflictDeclaration]:
    rows = db.session.scalars(select(ConflictDeclaration).where(ConflictDeclaration.seat_id == seat.id))
    return {row.proposal_id: row for row in rows}


def declarations_for_challenge(challenge: Challenge) -> list[ConflictDeclaration]:
    return list(db.session.scalars(
        select(ConflictDeclaration).join(ConflictDeclaration.seat)
        .where(PanelSeat.challenge_id == challenge.id).order_by(ConflictDeclaration.declared_at)))


def mark_evaluating(challenge: Challenge, *, actor=None) -> None:
    """The first sign of panel work moves a closed challenge to `evaluating` (recording the closing
    first if the scheduler has not)."""
    if challenge.current_status != ChallengeStatus.CLOSED:
        return
    challenge = lock_row(Challenge, challenge.id)
    record_closing(challenge, actor=actor)
    if CHALLENGE.allows(challenge, "start_evaluation"):
        CHALLENGE.apply(challenge, "start_evaluation", actor=actor)


def declare(*, seat: PanelSeat, proposal: Proposal, user: User, has_conflict: bool,
            kind: ConflictKind | None = None, note: str = "") -> ConflictDeclaration:
    if not permissions.can_declare(user, seat, proposal):
        raise NotAllowed(_("You cannot make a declaration about this proposal."))
    note = (note or "").strip()
    if has_conflict and kind is None:
        raise ValidationFailed(_("Choose what kind of conflict it is."), field="kind")
    if has_conflict and kind == ConflictKind.OTHER and not note:
        raise ValidationFailed(_("Describe the conflict in a few words."), field="note")
    existing = declarations_of(seat).get(proposal.id)
    if existing is not None:
        if existing.has_conflict == has_conflict and (not has_conflict or existing.kind == kind):
            return existing  # the same answer twice
        if existing.has_conflict:
            raise InvalidState(_("A declared conflict stays on record; ask the officer if it was a mistake."))
        existing.has_conflict, existing.kind, existing.note, existing.declared_at = True, kind, note, utcnow()
        declaration = existing
    else:
        declaration = ConflictDeclaration(seat_id=seat.id, proposal_id=proposal.id, has_conflict=has_conflict,
                                          kind=kind if has_conflict else None, note=note)
        db.session.add(declaration)
    mark_evaluating(proposal.challenge, actor=user)
    db.session.flush()
    record_event(actor=user, action="conflict.declared" if has_conflict else "conflict.none_declared",
                 subject=declaration, data={"proposal_id": proposal.id, "kind": kind.value if kind else None,
                                            "note": note})
    return declaration


def declare_for_all(*, seat: PanelSeat, user: User, conflicts: dict[int, tuple[ConflictKind, str]]) -> int:
    """Open mode: one declaration per applying startup; those not listed in `conflicts` have none."""
    declared = 0
    existing = declarations_of(seat)
    for proposal in proposals_to_assess(seat.challenge):
        if proposal.id in conflicts:
            kind, note = conflicts[proposal.id]
            declare(seat=seat, proposal=proposal, user=user, has_conflict=True, kind=kind, note=note)
        elif proposal.id not in existing:
            declare(seat=seat, proposal=proposal, user=user, has_conflict=False)
        declared += 1
    return declared
