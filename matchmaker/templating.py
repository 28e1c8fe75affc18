"""Jinja filters and globals: numbers, money and Dutch times in the reader's locale, themes,
statuses, paragraphs, and the `lang` of content written in another language than the page."""

from __future__ import annotations

import re
from datetime import datetime

from flask import Flask, g, request
from flask_babel import (
    format_currency,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    format_timedelta,
    get_locale,
)
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


def number(value: float | None, digits: int = 1, trim: bool = False) -> str:
    """A number for people, in the reader's locale with `digits` decimals: 87,5 in Dutch, 87.5 in
    English, thousands grouped (1.234,5 / 1,234.5); "–" for no value. With `trim`, decimals only as
    far as needed (2,5 FTE, 3 FTE). CSV exports and the API keep dot decimals: they are for machines."""
    if value is None:
        return "–"
    decimals = ("#" if trim else "0") * max(digits, 0)
    return format_decimal(value, format="#,##0" + ("." + decimals if decimals else ""))


def percent(value: float | None, digits: int = 0) -> str:
    """A percentage given on 0-100 (a weight of 30 -> 30%), in the reader's locale."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return format_percent(value / 100, format=pattern)


def page_language() -> str:
    return str(get_locale() or "")


def language_of(subject) -> str | None:
    """The language code of a subject: a code itself, or an object's `language` (challenge, proposal,
    proposal version); None when unknown."""
    language = subject if isinstance(subject, str) or subject is None else getattr(subject, "language", None)
    return language if language in ("nl", "en") else None


def lang_attr(subject) -> Markup:
    """` lang="en"` when `subject` is written in another language than the page (WCAG 3.1.2), else
    nothing: `<h1{{ lang_attr(challenge) }}>`."""
    language = language_of(subject)
    if language is None or language == page_language():
        return Markup("")
    return Markup(' lang="{}"').format(language)


def lang_span(text, subject) -> Markup:
    """`text` in a `<span lang>` when `subject` is in another language than the page, for text inside
    a translated sentence: `_("… %(title)s.", title=lang_span(challenge.title, challenge))`."""
    attr = lang_attr(subject)
    return Markup("<span{}>{}</span>").format(attr, text) if attr else escape(text)


SENTENCE_END = re.compile(r"([?!]|(?<![.])[.])[.](?=\s|$)")


def sentence(text) -> str:
    """A sentence whose placeholder already ended it: drop the full stop after "?", "!" or a
    single "." ("…eenzaamheid?." -> "…eenzaamheid?", "B.V.." -> "B.V."); an ellipsis stays."""
    return SENTENCE_END.sub(r"\1", str(text))


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


def paragraphs(text: str | None, language=None) -> Markup:
    """Plain text as paragraphs; `language` (a code, or an object with one) marks them with `lang`
    when that differs from the page's."""
    if not text:
        return Markup("")
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    opening = Markup("<p{}>").format(lang_attr(language))
    return Markup("\n").join(opening + Markup("<br>").join(escape(line) for line in b.split("\n")) + Markup("</p>")
                              for b in blocks)


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters.update(
        number=number,
        percent=percent,
        sentence=sentence,
        money=money,
        budget_range=budget_range,
        localdt=local_datetime,
        localdate=local_date,
        time_left=time_left,
        paragraphs=paragraphs,
        theme_label=theme_label,
        status_label=lambda status: str(STATUS_LABELS.get(status, status)),
    )
    from .challenges.search_examples import search_examples
    from .deadlines import countdown
    from .deadlines import labels as countdown_labels
    from .recommendations.reasons import other_language, reasons

    app.jinja_env.globals.update(lang_attr=lang_attr, lang_span=lang_span,  # globals: imported macros see them
                                 search_examples=lambda: search_examples(page_language()),
                                 countdown=countdown, countdown_labels=countdown_labels,
                                 why_reasons=reasons, other_language=other_language, language_of=language_of)
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
