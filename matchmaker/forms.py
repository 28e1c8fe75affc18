"""Form pieces shared by several features."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, StringField
from wtforms.validators import ValidationError

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")


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
            tag = " ".join(raw.split())
            if tag and tag.lower() not in seen:
                seen.add(tag.lower())
                self.data.append(tag)

    def pre_validate(self, form):
        if len(self.data) > self.max_tags:
            raise ValidationError(_l("Use at most %(n)d tags.", n=self.max_tags))
        if any(len(tag) > self.max_length for tag in self.data):
            raise ValidationError(_l("A tag has at most %(n)d characters.", n=self.max_length))


class LocalDateTimeField(DateTimeLocalField):
    """A date and time typed in Dutch local time, stored as an aware UTC datetime."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if isinstance(self.data, datetime) and self.data.tzinfo is None:
            self.data = self.data.replace(tzinfo=LOCAL_TZ).astimezone(ZoneInfo("UTC"))

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        if isinstance(self.data, datetime):
            return self.data.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")
        return ""


def strip_filter(value):
    return value.strip() if isinstance(value, str) else value
