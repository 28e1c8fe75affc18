from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError

from ..forms import EuroField, WholeNumberField, line_filter, strip_filter
from ..organisations.forms import StartupForm
from ..parsing import parse_whole_number

LONG_TEXT = 5000
MAX_EUROS = 100_000_000


class ProposalForm(FlaskForm):
    lock_version = HiddenField()
    startup = SelectField(_l("Apply on behalf of"), choices=[], validate_choice=False)
    summary = TextAreaField(_l("Summary (optional)"), validators=[Optional(), Length(max=500)],
                            filters=[strip_filter],
                            description=_l("Your idea in a few sentences. Left empty, it is taken from the start of "
                                           "your solution."))
    understanding = TextAreaField(
        _l("Understanding of the problem"), validators=[Optional(), Length(max=LONG_TEXT)], filters=[strip_filter],
        description=_l("What do you see as the core of the problem, and for whom?"))
    solution = TextAreaField(
        _l("Proposed solution and what the pilot would show"), validators=[Optional(), Length(max=LONG_TEXT)],
        filters=[strip_filter],
        description=_l("Start small: what would a first version (MVP) do, and how would we know it works?"))
    team = TextAreaField(_l("Team"), validators=[Optional(), Length(max=LONG_TEXT)], filters=[strip_filter],
                         description=_l("Who would work on this, and what relevant experience do they have?"))
    price_cents = EuroField(_l("Indicative price (EUR, excl. VAT)"), max_euros=MAX_EUROS,
                            description=_l("An estimate for the pilot, for example 25000."))
    price_justification = TextAreaField(
        _l("Price justification"), validators=[Optional(), Length(max=2000)], filters=[strip_filter],
        description=_l("Needed only when your price is outside the budget range."))
    duration_weeks = WholeNumberField(_l("Duration (weeks)"), validators=[Optional(), NumberRange(min=1, max=104)])
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
        return parse_whole_number(str(self.lock_version.data or ""))

    def validate_language(self, field):
        allowed = [value for value, _label in field.choices]
        if field.data not in allowed:
            raise ValidationError(_l("This challenge does not accept proposals in that language."))


class ApplyForm(ProposalForm):
    """The proposal form plus what the apply page asks only when it is missing (see
    `wayin.missing_fields`); the view deletes the fields it does not need. The eligibility fields are
    the profile form's own, so they accept what the profile accepts."""

    form_key = HiddenField()
    email = EmailField(
        _l("Your e-mail address"), validators=[DataRequired(), Email(), Length(max=254)], filters=[strip_filter],
        description=_l("We e-mail you a link to confirm it. No password needed."))
    startup_name = StringField(_l("Name of your startup"), validators=[DataRequired(), Length(max=160)],
                               filters=[line_filter])
    size_fte = StartupForm.size_fte
    founded_year = StartupForm.founded_year

    EXTRA_FIELDS = ("email", "startup_name", "size_fte", "founded_year")

    def keep_only(self, wanted: list[str]) -> None:
        for name in self.EXTRA_FIELDS:
            if name not in wanted:
                delattr(self, name)

    def profile_data(self) -> dict:
        return {name: self[name].data for name in ("size_fte", "founded_year") if name in self}
