"""Development only: the outbox in the browser, so a developer (or a demo visitor) can follow the
links in verification, reset and invitation e-mails without a mail server.

Registered only when `DEV_OUTBOX` is on (never in production: the app refuses to start) and mail
goes to the console backend; even then it answers only clients on this machine (127.0.0.1 or ::1,
the real client address when `TRUSTED_PROXIES` is set). Everyone else gets a 404, as if the page
did not exist."""

from __future__ import annotations

import ipaddress

from flask import Blueprint, abort, current_app, has_request_context, render_template, request
from sqlalchemy import select

from ..extensions import db
from .models import OutboxMessage

bp = Blueprint("devmail", __name__, url_prefix="/dev/mail")

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def enabled(app) -> bool:
    return bool(app.config.get("DEV_OUTBOX")) and app.config.get("MAIL_BACKEND") == "console"


def is_loopback(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address((address or "").split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def is_local_request() -> bool:
    """Does this request come from a browser on this machine?

    Without trusted proxies, a request that carries forwarding headers came through a proxy we were
    not told about (it would look local although its client is not), so it does not count.
    """
    if not current_app.config.get("TRUSTED_PROXIES") and any(h in request.environ for h in FORWARDED_HEADERS):
        return False
    return is_loopback(request.remote_addr)


def available() -> bool:
    """Whether this request may see the outbox (for the link in the page header)."""
    return (has_request_context() and "devmail.outbox" in current_app.view_functions
            and is_local_request())


@bp.before_request
def _only_from_this_machine():
    if not is_local_request():
        abort(404)


@bp.get("/")
def outbox():
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(50)).all()
    return render_template("mail/outbox.html", messages=messages)
