"""Recording audit events. Events are only ever added, never changed or deleted."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request

from ..extensions import db
from .models import AuditEvent


def _unwrap(obj):
    """`current_user` is a proxy; the audit trail needs the object behind it."""
    getter = getattr(obj, "_get_current_object", None)
    return getter() if getter is not None else obj


def _challenge_id_of(subject) -> int | None:
    if subject is None:
        return None
    if getattr(subject, "__tablename__", "") == "challenges":
        return subject.id
    if getattr(subject, "challenge_id", None) is not None:
        return subject.challenge_id
    for link in ("proposal", "seat", "review"):
        linked = getattr(subject, link, None)
        if linked is not None:
            return _challenge_id_of(linked)
    return None


def record_event(*, actor, action: str, subject: Any, data: dict | None = None) -> AuditEvent:
    actor, subject = _unwrap(actor), _unwrap(subject)
    subject_type = type(subject).__tablename__ if subject is not None else "system"
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        action=action,
        subject_type=subject_type,
        subject_id=getattr(subject, "id", None),
        challenge_id=_challenge_id_of(subject),
        data=data or {},
        ip=request.remote_addr if has_request_context() else None,
    )
    db.session.add(event)
    db.session.flush()
    return event
