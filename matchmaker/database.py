"""The unit of work and row locks.

A request (or CLI command) keeps its work only when its code calls `commit()` after the service it
called succeeded; whatever is left uncommitted at the end of the request is rolled back. The HTTP
status never decides. After the commit, the e-mail queued in that transaction is handed to the mail
dispatcher; a dispatcher that is down (Redis) is logged and retried by `flask tick`, never turned into
an error for work that is already saved.

`lock_row()` is the one way to take a row lock before changing an aggregate: `SELECT ... FOR UPDATE` on
PostgreSQL, and on SQLite (which has no row locks) the database's write lock, taken with a write that
changes nothing. Either way two requests changing the same aggregate run one after the other, and the
second reads what the first committed.
"""

from __future__ import annotations

import logging

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from .extensions import db

log = logging.getLogger(__name__)

OUTBOX_KEY = "outbox_ids"
WROTE_KEY = "wrote"


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
        try:
            dispatch(ids)
        except Exception:  # the work is saved; the messages wait in the outbox for `flask tick`
            log.exception("mail dispatch failed for outbox messages %s; they stay pending", ids)


def rollback() -> None:
    db.session.info.pop(OUTBOX_KEY, None)
    db.session.rollback()


def has_uncommitted_writes() -> bool:
    """True when this session flushed (or holds) changes that were neither committed nor rolled back."""
    session = db.session()
    return bool(session.info.get(WROTE_KEY) or session.new or session.dirty or session.deleted)


@event.listens_for(Session, "after_flush")
def _remember_write(session, flush_context):
    session.info[WROTE_KEY] = True


@event.listens_for(Session, "after_transaction_end")
def _forget_write(session, transaction):
    if transaction.parent is None:  # the outermost transaction ended: committed or rolled back
        session.info.pop(WROTE_KEY, None)


def lock_row(model, ident: int):
    """Re-read one row with a lock held until the end of the transaction, refreshing the object."""
    if db.session.get_bind().dialect.name == "sqlite":
        primary_key = model.__mapper__.primary_key[0]
        # A write that changes nothing: SQLite takes its (database-wide) write lock, waiting for a
        # writer that holds it; from then on this transaction reads what the others committed.
        db.session.execute(update(model.__table__).where(primary_key == ident).values({primary_key.name: primary_key}))
    return db.session.scalars(
        select(model).where(model.__mapper__.primary_key[0] == ident)
        .with_for_update(of=model)
        .execution_options(populate_existing=True)
    ).one()
