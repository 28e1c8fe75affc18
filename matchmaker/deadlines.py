"""Deadlines as people read them, for forms that know their deadline.

The server writes the countdown first ("nog 2 dagen 3 uur" / "2 days 3 hours left"), so it is right
without JavaScript; `static/js/deadline.js` keeps it up to date with the same words (`labels()`),
makes it prominent in the last hour and turns the form read-only when the time runs out. After the
deadline a form is rendered read-only (`freeze_form`); the services still refuse a late change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import get_translations, ngettext
from flask_babel import gettext as _
from wtforms import BooleanField, FileField, HiddenField, SelectField, SelectMultipleField, SubmitField

from .db_types import utcnow

URGENT = timedelta(hours=1)  # the last hour: the countdown becomes prominent

_UNITS = {
    "day": ("%(num)d day", "%(num)d days"),
    "hour": ("%(num)d hour", "%(num)d hours"),
    "minute": ("%(num)d minute", "%(num)d minutes"),
}


@dataclass(frozen=True)
class Countdown:
    deadline: datetime
    left: timedelta

    @property
    def passed(self) -> bool:
        return self.left <= timedelta(0)

    @property
    def urgent(self) -> bool:
        return not self.passed and self.left <= URGENT

    @property
    def text(self) -> str:
        return time_left_text(self.left)


def countdown(deadline: datetime, now: datetime | None = None) -> Countdown:
    return Countdown(deadline, deadline - (now or utcnow()))


def _parts(left: timedelta) -> list[tuple[str, int]]:
    """The two largest units that matter, counted in whole minutes rounded up: 2 days 3 hours,
    5 hours 12 minutes, 40 minutes. A zero second unit is left out (2 days, not 2 days 0 hours)."""
    minutes = math.ceil(left.total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        parts = [("day", days), ("hour", hours)]
    elif hours:
        parts = [("hour", hours), ("minute", minutes)]
    else:
        parts = [("minute", minutes)]
    return [(unit, n) for unit, n in parts if n]


def time_left_text(left: timedelta) -> str:
    """"2 days 3 hours left" / "nog 2 dagen 3 uur"; "The deadline has passed." afterwards."""
    if left <= timedelta(0):
        return _("The deadline has passed.")
    if left < timedelta(minutes=1):
        return _("less than a minute left")
    time = " ".join(ngettext(*_UNITS[unit], n) for unit, n in _parts(left))
    return _("%(time)s left", time=time)


def labels() -> dict:
    """The words of the countdown for the script, in the page's language: each unit's singular and
    plural with "{n}" for the number (Dutch and English have one plural form)."""
    translations = get_translations()

    def unit(singular: str, plural: str) -> list[str]:
        return [translations.ngettext(singular, plural, n).replace("%(num)d", "{n}") for n in (1, 2)]

    return {
        **{name: unit(*forms) for name, forms in _UNITS.items()},
        "left": _("%(time)s left", time="{time}"),
        "soon": _("less than a minute left"),
        "passed": _("The deadline has passed."),
        "urgent": _("Less than an hour left before the deadline."),
    }


_DISABLE = (SelectField, SelectMultipleField, FileField, BooleanField, SubmitField)


def freeze_form(form) -> None:
    """Render every field of `form` read-only: text stays readable and can be copied (readonly);
    choices, check boxes and file inputs, which have no readonly state, are disabled."""
    for field in form:
        if isinstance(field, HiddenField) or field.name == "csrf_token":
            continue
        attribute = "disabled" if isinstance(field, _DISABLE) else "readonly"
        field.render_kw = {**(field.render_kw or {}), attribute: True}
