"""Development only: the outbox in the browser, so a developer (or a demo visitor) can follow the
links in verification, reset and invitation e-mails without a mail server. Never registered in
production or with a real mail backend."""

from flask import Blueprint, render_template
from sqlalchemy import select

from ..extensions import db
from .models import OutboxMessage

bp = Blueprint("devmail", __name__, url_prefix="/dev/mail")


def enabled(app) -> bool:
    return app.config.get("ENV_NAME") != "production" and app.config.get("MAIL_BACKEND") == "console"


@bp.get("/")
def outbox():
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(50)).all()
    return render_template("mail/outbox.html", messages=messages)
