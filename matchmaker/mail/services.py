"""The one mail service. `queue_mail` stores a rendered message in the outbox; after the commit,
`dispatch` delivers it inline (development, tests) or through the job queue (production)."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, has_request_context, render_template, request, url_for
from flask_babel import force_locale

from ..database import remember_outbox_id
from ..db_types import utcnow
from ..enums import OutboxStatus
from ..extensions import db
from .models import OutboxMessage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def queue_mail(*, to: str, template: str, locale: str | None = None, **context) -> OutboxMessage:
    """Render `templates/mail/<template>.txt` in the recipient's language and store it.

    The template sets `subject` with `{% set subject = ... %}`; the rest is the body.
    """
    locale = locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    # Links in mail point at the public address, whether we are in a request, a job or the CLI.
    with current_app.test_request_context(base_url=public_url()), force_locale(locale):
        tmpl = current_app.jinja_env.get_template(f"mail/{template}.txt")
        subject = " ".join(str(getattr(tmpl.make_module(dict(context)), "subject", "Matchmaker")).split())
        body = render_template(f"mail/{template}.txt", **context).strip() + "\n"
    message = OutboxMessage(to=to, subject=subject[:255], body=body, template=template)
    db.session.add(message)
    db.session.flush()
    remember_outbox_id(message.id)
    return message


DEFAULT_PUBLIC_URL = "http://127.0.0.1:5000"


def public_url() -> str:
    configured = current_app.config.get("PUBLIC_URL")
    if configured:
        return configured.rstrip("/")
    if has_request_context():
        return request.host_url.rstrip("/")
    return DEFAULT_PUBLIC_URL


def external_url(endpoint: str, **values) -> str:
    """An absolute link on the public address, for e-mail; works outside requests too."""
    with current_app.test_request_context(base_url=public_url()):
        return url_for(endpoint, _external=True, **values)


def mail_user(user, template: str, **context) -> OutboxMessage:
    return queue_mail(to=user.email, template=template, locale=user.locale, user=user, **context)


def dispatch(ids: list[int]) -> None:
    if current_app.config["JOB_QUEUE"] == "rq":
        from ..jobs import enqueue

        for message_id in ids:
            enqueue("matchmaker.mail.services.deliver_by_id", message_id)
    else:
        for message_id in ids:
            deliver_by_id(message_id)


def deliver_by_id(message_id: int) -> None:
    message = db.session.get(OutboxMessage, message_id)
    if message is None or message.status == OutboxStatus.SENT:
        return
    deliver(message)
    db.session.commit()


def deliver(message: OutboxMessage) -> None:
    backend = current_app.config["MAIL_BACKEND"]
    message.attempts += 1
    try:
        if backend == "smtp":
            _send_smtp(message)
        elif backend == "console":
            _write_console(message)
        # "memory": the outbox row is the delivery; tests read it.
    except (OSError, smtplib.SMTPException) as exc:
        message.last_error = str(exc)[:2000]
        message.status = OutboxStatus.FAILED if message.attempts >= MAX_ATTEMPTS else OutboxStatus.PENDING
        log.warning("mail %s to %s failed (attempt %s): %s", message.id, message.to, message.attempts, exc)
        return
    message.status = OutboxStatus.SENT
    message.sent_at = utcnow()
    message.last_error = None


def deliver_pending(limit: int = 500) -> int:
    """Retry what is still pending (SMTP was down, the worker was away). Returns how many were sent."""
    pending = db.session.scalars(
        db.select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    for message in pending:
        deliver(message)
    db.session.commit()
    return sum(1 for m in pending if m.status == OutboxStatus.SENT)


def _build(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_FROM"]
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain="matchmaker")
    email.set_content(message.body)
    return email


def _send_smtp(message: OutboxMessage) -> None:
    cfg = current_app.config
    smtp_cls = smtplib.SMTP_SSL if cfg["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_cls(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20) as smtp:
        if cfg["MAIL_USE_TLS"]:
            smtp.starttls()
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
        smtp.send_message(_build(message))


def _write_console(message: OutboxMessage) -> None:
    folder = Path(current_app.instance_path) / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{message.id:06d}-{message.template}.eml"
    path.write_text(_build(message).as_string())
    log.info("mail to %s: %s (%s)", message.to, message.subject, path.name)
