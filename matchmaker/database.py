"""The unit of work: one commit per request (or CLI command), then the outbox is dispatched."""

from __future__ import annotations

from .extensions import db

OUTBOX_KEY = "outbox_ids"


def remember_outbox_id(message_id: int) -> None:
    db.session.info.setdefault(OUTBOX_KEY, []).append(message_id)


def commit() -> None:
    """Commit the session, then hand the messages queued in it to the mail dispatcher."""
    from .mail.services import dispatch  # the mail package needs this module

    ids = db.session.info.pop(OUTBOX_KEY, [])
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    if ids:
        dispatch(ids)


def rollback() -> None:
    db.session.info.pop(OUTBOX_KEY, None)
    db.session.rollback()
