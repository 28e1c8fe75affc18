"""The unit of work: views commit explicitly; the HTTP status never decides what is kept; a queue that
is down never turns saved work into an error."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.enums import OutboxStatus
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage

from .conftest import app_like, login
from .factories import PASSWORD


def _variant_with_routes(app, **overrides):
    variant = app_like(app, **overrides)

    @variant.post("/_test/write-and-forget")
    def write_and_forget():
        db.session.add(AuditEvent(action="test.forgotten", subject_type="system"))
        db.session.flush()
        return "done"

    @variant.post("/_test/write-then-422")
    def write_then_422():
        db.session.add(AuditEvent(action="test.kept", subject_type="system"))
        commit()  # the work is kept because the view committed it, whatever status follows
        return "refused, but saved", 422

    return variant


def test_a_view_that_writes_without_committing_fails_its_tests(app):
    client = _variant_with_routes(app).test_client()
    with pytest.raises(RuntimeError, match="wrote to the database but did not commit"):
        client.post("/_test/write-and-forget")
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "test.forgotten")) is None


def test_outside_tests_uncommitted_work_is_rolled_back_not_kept(app):
    client = _variant_with_routes(app, ALLOW_UNCOMMITTED_WRITES=True).test_client()
    assert client.post("/_test/write-and-forget").status_code == 200
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "test.forgotten")) is None


def test_committed_work_is_kept_even_with_a_4xx_status(app):
    client = _variant_with_routes(app).test_client()
    assert client.post("/_test/write-then-422").status_code == 422
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "test.kept")) is not None


def test_a_saved_change_stays_saved_when_the_mail_queue_is_down(app, make):
    """Redis is down: the password change is saved, the page answers normally, the mail waits in the
    outbox, and `flask tick` delivers it once the queue is back."""
    user = make.user()
    commit()
    variant = app_like(app, JOB_QUEUE="rq", REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
    client = variant.test_client()
    login(client, user)
    response = client.post("/account/password", data={"current_password": PASSWORD,
                                                      "new_password": "a brand new passphrase here",
                                                      "confirm": "a brand new passphrase here"})
    assert response.status_code == 302
    db.session.rollback()
    db.session.refresh(user)
    assert user.password_changed_at is not None
    message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.template == "password_changed"))
    assert message.status == OutboxStatus.PENDING
    runner = app.test_cli_runner()
    result = runner.invoke(args=["tick"])
    assert result.exit_code == 0 and "sent 1 pending message" in result.output and "(s)" not in result.output
    db.session.refresh(message)
    assert message.status == OutboxStatus.SENT
