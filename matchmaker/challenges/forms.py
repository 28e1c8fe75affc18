from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..forms import (
    EuroField,
    LocalDateTimeField,
    SubForm,
    TagListField,
    WholeNumberField,
    line_filter,
    strip_filter,
)
from ..organisations.forms import MultiCheckboxField
from ..themes import theme_choices

LANGUAGE_CHOICES = [("nl", _l("Dutch")), ("en", _l("English"))]
MAX_EUROS = 100_000_000


def interface_language() -> str:
    return str(get_locale())


class ChallengeForm(FlaskForm):
    # Not sent: the default (the interface language, or the challenge's own when editing).
    language = RadioField(_l("Language of this challenge"), choices=LANGUAGE_CHOICES, default=interface_language,
                          description=_l("The language you write it in. Pages in the other language tell screen "
                                         "readers so, and the standard criteria follow each reader's language."))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)], filters=[line_filter],
                        description=_l("Describe the problem, not the solution."))
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=500)], filters=[strip_filter],
                            description=_l("Two or three sentences for the overview page (at most 500 characters)."))
    problem = TextAreaField(_l("Problem statement"), validators=[Optional(), Length(max=10000)],
                            filters=[strip_filter],
                            description=_l("What goes wrong today, for whom, and how do you know?"))
    desired_outcome = TextAreaField(_l("Desired outcome"), validators=[Optional(), Length(max=5000)],
                                    filters=[strip_filter],
                                    description=_l("What should be different after a successful pilot?"))
    affected = TextAreaField(_l("Who is affected"), validators=[Optional(), Length(max=3000)],
                             filters=[strip_filter],
                             description=_l("Residents, businesses or staff who feel the problem."))
    department = StringField(_l("Department"), validators=[Optional(), Length(max=160)], filters=[line_filter])
    themes = MultiCheckboxField(_l("Themes"), choices=theme_choices)
    keywords = TagListField(_l("Keywords"), description=_l("Comma-separated; they help startups find you."))
    budget_min = EuroField(_l("Budget from (EUR)"), max_euros=MAX_EUROS)
    budget_max = EuroField(_l("Budget up to (EUR)"), max_euros=MAX_EUROS)
    pilot_weeks = WholeNumberField(_l("Pilot length (weeks)"), default=16,
                                   validators=[InputRequired(), NumberRange(min=1, max=104)])
    questions_close_at = LocalDateTimeField(
        _l("Questions close"), validators=[Optional()], description=_l("Dutch time (Europe/Amsterdam).")
    )
    submissions_close_at = LocalDateTimeField(
        _l("Proposals close"), validators=[Optional()], description=_l("Dutch time (Europe/Amsterdam).")
    )
    max_age_years = WholeNumberField(_l("Maximum company age (years)"),
                                     validators=[Optional(), NumberRange(min=0, max=200)],
                                     description=_l("Leave empty for no limit."))
    max_fte = WholeNumberField(_l("Maximum company size (FTE)"), validators=[Optional(), NumberRange(min=0, max=100000)],
                               description=_l("Leave empty for no limit."))
    languages = MultiCheckboxField(_l("Proposals accepted in"), choices=LANGUAGE_CHOICES, default=["nl", "en"],
                                   validators=[DataRequired(message=_l("Choose at least one language."))])

    def to_data(self) -> dict:
        data = {name: field.data for name, field in self._fields.items() if name not in ("csrf_token",)}
        data["budget_min_cents"], data["budget_max_cents"] = data["budget_min"], data["budget_max"]  # cents
        return data

    def load(self, challenge) -> None:
        """Fill the euro fields from a challenge's cents (the rest comes from `obj=`)."""
        if not self.is_submitted():
            self.budget_min.data, self.budget_max.data = challenge.budget_min_cents, challenge.budget_max_cents
            self.themes.data = challenge.themes


class CriterionRow(SubForm):
    name = StringField(_l("Criterion"), validators=[Optional(), Length(max=120)], filters=[line_filter])
    description = TextAreaField(_l("What the panel looks at"), validators=[Optional(), Length(max=1000)],
                                filters=[strip_filter])
    weight = WholeNumberField(_l("Weight (%)"), validators=[Optional(), NumberRange(min=0, max=100)])


class CriteriaForm(FlaskForm):
    rows = FieldList(FormField(CriterionRow), min_entries=1, max_entries=12)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.weights_error: str | None = None  # "the weights add up to 75": shown at the total
        self.other_problems: list[str] = []  # problems of the whole list ("add at least one criterion")

    def add_problem(self, field: str | None, message: str) -> bool:
        """Place a problem of `services.criteria_problems` (see `web.add_problem`): `row:<i>:<name>` on
        that field of the i-th row, `weights` at the total, anything else above the list."""
        parts = (field or "").split(":")
        if len(parts) == 3 and parts[0] == "row" and parts[1].isdigit() and int(parts[1]) < len(self.rows.entries):
            target = self.rows.entries[int(parts[1])].form[parts[2]]
            target.errors = list(target.errors) + [message]
        elif field == "weights":
            self.weights_error = message
        else:
            self.other_problems.append(message)
        return True

    def row_data(self) -> list[dict]:
        return [row.data for row in self.rows]


class QuestionForm(FlaskForm):
    text = TextAreaField(_l("Your question"), validators=[DataRequired(), Length(min=5, max=2000)],
                         filters=[strip_filter],
                         description=_l("The answer is published for everyone; your name is not shown."))


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(min=5, max=2000)], filters=[strip_filter])


class ClarificationForm(FlaskForm):
    text = TextAreaField(_l("Clarification"), validators=[DataRequired(), Length(min=5, max=2000)],
                         filters=[strip_filter],
                         description=_l("Published on the challenge page and e-mailed to everyone following it."))


class CancelForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(min=10, max=2000)], filters=[strip_filter],
                           description=_l("Shown to everyone who follows this challenge."))


class ExtendForm(FlaskForm):
    new_close_at = LocalDateTimeField(_l("New deadline"), validators=[InputRequired()],
                                      description=_l("Dutch time (Europe/Amsterdam)."))
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)], filters=[strip_filter],
                           description=_l("Shown on the challenge page."))
