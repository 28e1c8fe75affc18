from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..forms import LocalDateTimeField, line_filter, strip_filter
from .services import RIGHT_LABELS


class RightsForm(FlaskForm):
    """What a co-owner's officers may do. Reading the manage page always comes with co-owning."""

    may_edit = BooleanField(RIGHT_LABELS["may_edit"])
    may_answer_questions = BooleanField(RIGHT_LABELS["may_answer_questions"])
    may_manage_panel = BooleanField(RIGHT_LABELS["may_manage_panel"])
    may_decide = BooleanField(RIGHT_LABELS["may_decide"])
    may_run_pilot = BooleanField(RIGHT_LABELS["may_run_pilot"])

    def rights(self) -> dict[str, bool]:
        return {name: bool(self[name].data) for name in RIGHT_LABELS}


class CoOwnerForm(RightsForm):
    # The choices are the verified municipalities still free; any other value gets a clear message.
    organisation = SelectField(_l("Municipality"), choices=[], validate_choice=False,
                               description=_l("Only verified municipalities can co-own a challenge."))


class RoundForm(FlaskForm):
    name = StringField(_l("Name of the round"),
                       validators=[DataRequired(message=_l("Give the round a name.")), Length(max=160)],
                       filters=[line_filter],
                       description=_l("For example: SiR Noord-Nederland 2027-1."))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)], filters=[strip_filter],
                                description=_l("What the round is about and who takes part; shown on its public page."))
    questions_close_at = LocalDateTimeField(_l("Questions close"),
                                            validators=[InputRequired(message=_l("Set the date questions close."))],
                                            description=_l("Dutch time (Europe/Amsterdam). Shared by every challenge "
                                                           "in the round."))
    submissions_close_at = LocalDateTimeField(_l("Proposals close"),
                                              validators=[InputRequired(message=_l("Set the date proposals close."))],
                                              description=_l("Dutch time (Europe/Amsterdam). Shared by every "
                                                             "challenge in the round."))

    def to_data(self) -> dict:
        return {"name": self.name.data, "description": self.description.data,
                "questions_close_at": self.questions_close_at.data,
                "submissions_close_at": self.submissions_close_at.data}


class RoundChallengeForm(FlaskForm):
    challenge = SelectField(_l("Draft challenge"), choices=[], validate_choice=False)
