from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import Length, Optional

from ..challenges.forms import LANGUAGE_CHOICES, interface_language
from ..forms import strip_filter
from .services import MAX_PART

REUSABLE_CHOICES = [("yes", _l("Yes: another municipality could use this solution as it is")),
                    ("no", _l("No, or not without major changes"))]


def _part(label, description):
    return TextAreaField(label, validators=[Optional(), Length(max=MAX_PART)], filters=[strip_filter],
                         description=description)


class LessonForm(FlaskForm):
    language = RadioField(_l("Language of this lesson"), choices=LANGUAGE_CHOICES, default=interface_language,
                          description=_l("The language you write it in."))
    context = _part(_l("Context"), _l("The problem, the place and the people involved, in a few sentences."))
    expected = _part(_l("What we expected"), _l("What you hoped the pilot or the challenge would bring."))
    happened = _part(_l("What happened"), _l("What actually happened, with the numbers you measured."))
    differently = _part(_l("What we would do differently"), _l("In the challenge, the selection or the pilot."))
    advice = _part(_l("Advice for another municipality"), _l("What you would tell a colleague who starts on this."))
    reusable = RadioField(_l("Is the solution reusable?"), choices=REUSABLE_CHOICES, default="no")

    def to_data(self) -> dict:
        data = {name: self[name].data for name in ("language", "context", "expected", "happened", "differently",
                                                   "advice")}
        data["reusable"] = self.reusable.data == "yes"
        return data

    def load(self, lesson) -> None:
        if not self.is_submitted():
            self.reusable.data = "yes" if lesson.reusable else "no"
