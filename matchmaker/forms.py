"""Form pieces shared by several features: the input filters every text field uses, and fields for
whole numbers, decimals, euro amounts, tags and local date-times that never turn odd input into a crash."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf.i18n import translations as wtforms_translations
from wtforms import DateField, DateTimeLocalField, Form, IntegerField, StringField
from wtforms.validators import StopValidation, ValidationError

from .parsing import clean_text, format_euros, parse_decimal, parse_euros, parse_whole_number

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
MAX_EUROS = 100_000_000


class SubForm(Form):
    """A form nested in a FlaskForm (FormField, FieldList). WTForms gives nested forms its own
    English messages; this one reads WTForms' translations in the page's language, as FlaskForm does."""

    class Meta:
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return super().get_translations(form)
            return wtforms_translations


def strip_filter(value):
    """The input filter for free text: trimmed, without control, bidi or invisible characters
    (tabs and line breaks stay). Use `line_filter` for names and other one-line fields."""
    return clean_text(value) if isinstance(value, str) else value


def line_filter(value):
    """The input filter for one-line text such as names and titles: like `strip_filter`, and line
    breaks, tabs and runs of spaces become one space."""
    return clean_text(value, multiline=False) if isinstance(value, str) else value


class TagListField(StringField):
    """Comma-separated tags in the form, a clean list in Python (trimmed, unique, at most 20)."""

    max_tags = 20
    max_length = 40

    def _value(self) -> str:
        if self.data:
            return ", ".join(self.data)
        return ""

    def process_formdata(self, valuelist):
        self.data = []
        if not valuelist:
            return
        seen: set[str] = set()
        for raw in valuelist[0].replace(";", ",").split(","):
            tag = line_filter(raw)
            if tag and tag.lower() not in seen:
                seen.add(tag.lower())
                self.data.append(tag)

    def pre_validate(self, form):
        if len(self.data) > self.max_tags:
            raise ValidationError(_l("Use at most %(n)d tags.", n=self.max_tags))
        if any(len(tag) > self.max_length for tag in self.data):
            raise ValidationError(_l("A tag has at most %(n)d characters.", n=self.max_length))


class WholeNumberField(IntegerField):
    """A whole number typed with the digits 0-9 (and perhaps a minus sign), nothing else.

    WTForms' IntegerField hands the text to `int()`, which also takes "٣" and "1_000"; this field
    takes only what `parsing.parse_whole_number` takes. Ranges stay with `NumberRange`; an empty field
    is None, for `Optional` or `InputRequired` to judge.
    """

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        raw = valuelist[0]
        self.data = None
        if raw is None or not str(raw).strip():
            return
        number = parse_whole_number(str(raw), signed=True)
        if number is None:
            raise ValueError(_l("Enter a whole number, such as 12, using the digits 0 to 9."))
        self.data = number

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()  # the message is already there; a range error would only add noise


class DecimalNumberField(StringField):
    """A small decimal number such as a team size in FTE: "2.5" and the Dutch "2,5" both mean two and
    a half, kept as a `Decimal`. Only what `parsing.parse_decimal` reads (ASCII digits, one decimal
    separator, at most one decimal) is a number; ranges stay with `NumberRange`.
    """

    def process_formdata(self, valuelist):
        self.data = None
        raw = valuelist[0] if valuelist else ""
        if not isinstance(raw, str) or not raw.strip():
            return
        number = parse_decimal(raw, decimals=1)
        if number is None:
            raise ValueError(_l("Enter a number such as %(example)s, with at most one decimal.",
                                example=format_decimal(2.5)))
        self.data = number

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()

    def _value(self):
        if self.raw_data:
            return self.raw_data[0] if isinstance(self.raw_data[0], str) else ""
        if self.data is None:
            return ""
        return format_decimal(self.data, format="0.#")  # 2,5 in Dutch, never grouped


class EuroField(StringField):
    """An amount in euros as people type it (25000, 25.000, € 25.000,50, 25,000.50), kept as cents.

    Anything `parsing.parse_euros` does not read as a clear amount (NaN, 1E5, -5, "٣٠٠٠") gets the
    form's message instead of a value.
    """

    def __init__(self, *args, max_euros: int = MAX_EUROS, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_euros = max_euros

    def process_formdata(self, valuelist):
        self.raw = valuelist[0] if valuelist else ""
        self.data = None
        if not isinstance(self.raw, str) or not self.raw.strip():
            return
        cents = parse_euros(self.raw)
        if cents is None:
            raise ValueError(_l("Enter an amount in euros, for example 25000."))
        if cents > self.max_euros * 100:
            raise ValueError(_l("Enter an amount of at most %(amount)s euros.", amount=format_decimal(self.max_euros)))
        self.data = cents

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return format_euros(self.data)


class LocalDateTimeField(DateTimeLocalField):
    """A date and time typed in Dutch local time, stored as an aware UTC datetime.

    Only "YYYY-MM-DDTHH:MM" (seconds optional, a space instead of the T allowed) with ASCII digits,
    and only years from `min_year` to `max_year`: a year-1 date cannot be converted to UTC at all.
    """

    min_year = 2000
    max_year = 2100
    pattern = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        self.data = None
        raw = " ".join(value for value in valuelist if isinstance(value, str)).strip()
        match = self.pattern.fullmatch(raw) if len(raw) <= 20 else None
        try:
            local = datetime(*(int(part) for part in match.groups(default="0"))) if match else None
        except ValueError:  # 2026-13-45T99:99
            local = None
        if local is None:
            raise ValueError(_l("Enter a date and time, such as 2026-05-31T17:00."))
        if not self.min_year <= local.year <= self.max_year:
            raise ValueError(_l("Enter a date between the years %(low)d and %(high)d.",
                                low=self.min_year, high=self.max_year))
        self.data = local.replace(tzinfo=LOCAL_TZ).astimezone(UTC)

    def _value(self):
        if self.raw_data:
            return " ".join(str(value) for value in self.raw_data)[:40]
        if isinstance(self.data, datetime):
            return self.data.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")
        return ""


class CalendarDateField(DateField):
    """A calendar date ("YYYY-MM-DD", as `<input type=date>` sends it) with ASCII digits, years from
    `min_year` to `max_year`; anything else gets the form's message, never an exception."""

    min_year = 2000
    max_year = 2100
    pattern = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        self.data = None
        raw = valuelist[0].strip() if isinstance(valuelist[0], str) else ""
        if not raw:
            return
        match = self.pattern.fullmatch(raw) if len(raw) <= 10 else None
        try:
            value = date(*(int(part) for part in match.groups())) if match else None
        except ValueError:  # 2026-02-30
            value = None
        if value is None:
            raise ValueError(_l("Enter a date, such as 2026-05-31."))
        if not self.min_year <= value.year <= self.max_year:
            raise ValueError(_l("Enter a date between the years %(low)d and %(high)d.",
                                low=self.min_year, high=self.max_year))
        self.data = value

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()

    def _value(self):
        if self.raw_data:
            return str(self.raw_data[0])[:20]
        return self.data.isoformat() if isinstance(self.data, date) else ""
