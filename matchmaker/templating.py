"""Jinja filters and globals: money, Dutch times, themes, statuses, paragraphs."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, g, request
from flask_babel import format_currency, format_date, format_datetime, format_timedelta, get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from .db_types import utcnow
from .enums import ChallengeStatus
from .themes import theme_label

STATUS_LABELS = {
    ChallengeStatus.DRAFT: _l("Draft"),
    ChallengeStatus.PUBLISHED: _l("Open"),
    ChallengeStatus.CLOSED: _l("Closed"),
    ChallengeStatus.EVALUATING: _l("Being evaluated"),
    ChallengeStatus.DECIDED: _l("Decided"),
    ChallengeStatus.CANCELLED: _l("Cancelled"),
}


def money(cents: int | None) -> str:
    """Euro amounts in the reader's locale; whole euros without decimals (€ 15.000, €15,000)."""
    if cents is None:
        return "–"
    if cents % 100:
        return format_currency(cents / 100, "EUR")
    pattern = get_locale().currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
    return format_currency(cents // 100, "EUR", format=pattern, currency_digits=False)


def budget_range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return str(_l("not stated"))
    if low is None or low == high:
        return str(_l("up to %(amount)s", amount=money(high)))
    if high is None:
        return str(_l("from %(amount)s", amount=money(low)))
    return f"{money(low)} – {money(high)}"


def local_datetime(value: datetime | None, fmt: str = "medium") -> str:
    """A UTC datetime shown in Europe/Amsterdam (Flask-Babel's default time zone)."""
    if value is None:
        return "–"
    return format_datetime(value, fmt)


def local_date(value: datetime | None, fmt: str = "long") -> str:
    return "–" if value is None else format_date(value, fmt)


def time_left(value: datetime | None) -> str:
    if value is None:
        return ""
    delta = value - utcnow()
    return format_timedelta(delta, add_direction=True, threshold=1.1)


def paragraphs(text: str | None) -> Markup:
    if not text:
        return Markup("")
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return Markup("\n").join(Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in b.split("\n")))
                              for b in blocks)


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters.update(
        money=money,
        budget_range=budget_range,
        localdt=local_datetime,
        localdate=local_date,
        time_left=time_left,
        paragraphs=paragraphs,
        theme_label=theme_label,
        status_label=lambda status: str(STATUS_LABELS.get(status, status)),
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def _globals():
        from .evaluation.panel import seats_for_user
        from .mail.views import available as dev_outbox_available
        from .organisations.permissions import is_officer, is_startup_member
        from .themes import theme_choices

        def is_evaluator(user) -> bool:
            """Asked by the menu on every page: looked up once per request."""
            if not getattr(user, "is_authenticated", False):
                return False
            if "is_evaluator" not in g:
                g.is_evaluator = bool(seats_for_user(user))
            return g.is_evaluator

        return {
            "current_locale": str(get_locale()),
            "is_officer": is_officer,
            "is_startup_member": is_startup_member,
            "theme_choices": theme_choices(),
            "is_evaluator": is_evaluator,
            "dev_outbox": dev_outbox_available(),
            "request_path": request.full_path.rstrip("?") if request else "/",
        }
