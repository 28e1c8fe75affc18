"""The audit trail of one challenge as a reader may see it.

The full record stays in `audit_events`. While the seal holds (`is_sealed(challenge, reader)`), an
event that could tell who applied (its subject is a proposal, or its actor is neither one of the
owners' officers nor on the challenge's panel: a startup's member asking, saving, submitting,
withdrawing) is listed without its actor, subject id and data. Only administrators read IP addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from .models import AuditEvent

APPLICANT_SUBJECTS = ("proposals", "proposal_versions", "pending_applications")


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str | None  # an e-mail address; None for the system, or when hidden
    action: str
    subject_type: str
    subject_id: int | None
    data: dict
    ip: str | None
    hidden: bool  # sealed: who and what stay hidden until the deadline
    actor_name: str | None = None  # the person's name, for the sentence (None when hidden or the system)


def challenge_events(challenge) -> list[AuditEvent]:
    return list(db.session.scalars(
        select(AuditEvent).where(AuditEvent.challenge_id == challenge.id).order_by(AuditEvent.at, AuditEvent.id)))


def _insiders(challenge) -> set[int]:
    """The people whose actions never reveal an applicant: the owners' officers (lead buyer and
    co-owners) and the panel."""
    from ..collaboration.officers import officers_of
    from ..evaluation.models import PanelSeat

    officers = {user.id for user in officers_of(challenge)}
    panel = set(db.session.scalars(
        select(PanelSeat.user_id).where(PanelSeat.challenge_id == challenge.id, PanelSeat.user_id.is_not(None))))
    return officers | panel


def _people(events: list[AuditEvent]) -> dict[int, tuple[str, str]]:
    """Actor id -> (e-mail address, name)."""
    from ..accounts.models import User

    ids = {e.actor_id for e in events if e.actor_id}
    return {u.id: (u.email, u.name) for u in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}


def challenge_trail(challenge, reader) -> list[AuditEntry]:
    from ..proposals.permissions import is_sealed

    events = challenge_events(challenge)
    sealed = is_sealed(challenge, reader)
    insiders = _insiders(challenge) if sealed else set()
    people = _people(events)
    admin = bool(getattr(reader, "is_admin", False))
    entries = []
    for event in events:
        hidden = sealed and (event.subject_type in APPLICANT_SUBJECTS
                             or (event.actor_id is not None and event.actor_id not in insiders))
        entries.append(AuditEntry(
            at=event.at, action=event.action, subject_type=event.subject_type, hidden=hidden,
            actor=None if hidden else people.get(event.actor_id, (None, None))[0],
            actor_name=None if hidden else people.get(event.actor_id, (None, None))[1],
            subject_id=None if hidden else event.subject_id,
            data={} if hidden else (event.data or {}),
            ip=event.ip if admin and not hidden else None,
        ))
    return entries
