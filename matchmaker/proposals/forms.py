import re
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from ..forms import strip_filter

LONG_TEXT = 5000
MAX_EUROS = 100_000_000


class EuroField(StringField):
    """An amount in euros as people type it (25000, 25.000, € 25.000,50, 25,000.50), kept as cents."""

    def process_formdata(self, valuelist):
        self.raw = valuelist[0] if valuelist else ""
        self.data = None
        text = re.sub(r"[€\s]|EUR", "", self.raw or "", flags=re.IGNORECASE)
        if not text:
            return
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):  # thousands separators only
            text = re.sub(r"[.,]", "", text)
        elif "," in text and "." in text:
            decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
            text = text.replace("." if decimal_sep == "," else ",", "").replace(",", ".")
        else:
            text = text.replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(_l("Enter an amount in euros, for example 25000.")) from None
        if amount < 0 or amount > MAX_EUROS or amount != amount.quantize(Decimal("0.01")):
            raise ValueError(_l("Enter an amount in euros, for example 25000."))
        self.data = int(amount * 100)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        euros, cents = divmod(self.data, 100)
        return f"{euros}" if not cents else f"{euros}.{cents:02d}"


class ProposalForm(FlaskForm):
    lock_version = HiddenField()
    startup = SelectField(_l("Apply on behalf of"), choices=[], validate_choice=False)
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=500)], filters=[strip_filter],
                            description=_l("Your idea in a few sentences (at most 500 characters)."))
    understanding = TextAreaField(
        _l("Understanding of the problem"), validators=[Optional(), Length(max=LONG_TEXT)], filters=[strip_filter],
        description=_l("What do you see as the core of the problem, and for whom?"))
    solution = TextAreaField(
        _l("Proposed solution and what the pilot would show"), validators=[Optional(), Length(max=LONG_TEXT)],
        filters=[strip_filter],
        description=_l("Start small: what would a first version (MVP) do, and how would we know it works?"))
    team = TextAreaField(_l("Team"), validators=[Optional(), Length(max=LONG_TEXT)], filters=[strip_filter],
                         description=_l("Who would work on this, and what relevant experience do they have?"))
    price_cents = EuroField(_l("Indicative price (EUR, excl. VAT)"),
                      description=_l("An estimate for the pilot, for example 25000."))
    price_justification = TextAreaField(
        _l("Price justification"), validators=[Optional(), Length(max=2000)], filters=[strip_filter],
        description=_l("Needed only when your price is outside the budget range."))
    duration_weeks = IntegerField(_l("Duration (weeks)"), validators=[Optional(), NumberRange(min=1, max=104)])
    language = SelectField(_l("Language of the proposal"), choices=[("nl", _l("Dutch")), ("en", _l("English"))])
    attachment = FileField(_l("Attachment (optional PDF, at most 10 MB)"),
                           description=_l("For example a one-page sketch or a reference. Only PDF files."))
    remove_attachment = BooleanField(_l("Remove the current attachment"))

    def proposal_data(self) -> dict:
        return {
            "summary": self.summary.data or "",
            "understanding": self.understanding.data or "",
            "solution": self.solution.data or "",
            "team": self.team.data or "",
            "price_cents": self.price_cents.data,
            "price_justification": self.price_justification.data or "",
            "duration_weeks": self.duration_weeks.data,
            "language": self.language.data,
        }

    def expected_version(self) -> int | None:
        value = str(self.lock_version.data or "").strip()
        return int(value) if value.isdigit() else None

    def validate_language(self, field):
        allowed = [value for value, _label in field.choices]
        if field.data not in allowed:
            raise ValidationError(_l("This challenge does not accept proposals in that language."))
