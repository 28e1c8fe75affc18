from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from ..db_types import utcnow
from ..enums import ConflictKind, DecisionOutcome, Discipline, Recommendation
from ..forms import LocalDateTimeField, strip_filter
from ..templating import lang_span


def discipline_choices():
    return [
        (Discipline.POLICY.value, _l("Policy")),
        (Discipline.IT.value, _l("IT")),
        (Discipline.COMMUNICATION.value, _l("Communication")),
        (Discipline.OPERATIONS.value, _l("Operations (uitvoering)")),
        (Discipline.PROCUREMENT.value, _l("Procurement")),
        (Discipline.EXTERNAL.value, _l("External expert")),
        (Discipline.RESIDENT.value, _l("Resident representative")),
    ]


def conflict_choices():
    return [
        (ConflictKind.FINANCIAL.value, _l("Financial interest")),
        (ConflictKind.PERSONAL.value, _l("Personal relationship")),
        (ConflictKind.FORMER_EMPLOYER.value, _l("Former employer")),
        (ConflictKind.OTHER.value, _l("Other")),
    ]


def recommendation_choices():
    return [
        (Recommendation.SHORTLIST.value, _l("Shortlist")),
        (Recommendation.MAYBE.value, _l("Maybe")),
        (Recommendation.NO.value, _l("No")),
    ]


def outcome_choices():
    return [
        (DecisionOutcome.SHORTLISTED.value, _l("Shortlist for a pitch")),
        (DecisionOutcome.AWARDED.value, _l("Award")),
        (DecisionOutcome.REJECTED.value, _l("Reject")),
    ]


class InviteEvaluatorForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email()], filters=[strip_filter])
    discipline = SelectField(_l("Discipline"), choices=discipline_choices)


class PanelSettingsForm(FlaskForm):
    blind_review = RadioField(
        _l("How evaluators see proposals"),
        choices=[("open", _l("Open: evaluators see the startups' names")),
                 ("blind", _l("Blind: names, e-mail addresses, websites and file names are hidden"))],
        default="open")
    panel_sees_scores = BooleanField(_l("Evaluators who submitted their own review may see the others' scores"))
    reviews_due_at = LocalDateTimeField(
        _l("Deadline for the panel's reviews"), validators=[Optional()],
        description=_l("Dutch time; after the submission deadline. Evaluators see it in their queue and on "
                       "their dashboard. Leave empty for no deadline."))


class BlindDeclarationForm(FlaskForm):
    has_conflict = RadioField(
        _l("Do you have a conflict of interest with the team behind this proposal?"),
        choices=[("no", _l("No, I have no conflict of interest")), ("yes", _l("Yes, I have a conflict of interest"))],
        validators=[InputRequired()])
    kind = SelectField(_l("Kind of conflict"), choices=[("", "—")] + conflict_choices(), validators=[Optional()],
                       filters=[strip_filter])  # Optional() lets "  " through: make it ""
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=1000)], filters=[strip_filter])


class ConflictLaterForm(FlaskForm):
    kind = SelectField(_l("Kind of conflict"), choices=conflict_choices)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=1000)], filters=[strip_filter])


class DecisionForm(FlaskForm):
    outcome = SelectField(_l("Decision"), choices=outcome_choices)
    motivation = TextAreaField(_l("Motivation"), validators=[DataRequired(), Length(max=4000)],
                               filters=[strip_filter],
                               description=_l("Why this outcome; it goes into the procurement file."))
    pitch_at = LocalDateTimeField(_l("Pitch date and time"), validators=[Optional()],
                                  description=_l("Only for the shortlist. Dutch time."))
    pitch_note = TextAreaField(_l("Note for the pitch"), validators=[Optional(), Length(max=2000)],
                               filters=[strip_filter])

    def validate_pitch_at(self, field):
        """A pitch is planned ahead; the date only counts for a shortlist (other outcomes drop it)."""
        if (field.data is not None and self.outcome.data == DecisionOutcome.SHORTLISTED.value
                and field.data <= utcnow()):
            raise ValidationError(_l("The pitch date has passed. Choose a date and time in the future."))


class ReleaseForm(FlaskForm):
    share_criterion_averages = BooleanField(_l("Share the average score per criterion"), default=True)
    share_feedback_texts = BooleanField(_l("Share the evaluators' feedback texts (without their names)"),
                                        default=True)
    no_award_reason = TextAreaField(_l("Reason for not awarding"), validators=[Optional(), Length(max=4000)],
                                    filters=[strip_filter],
                                    description=_l("Required when no proposal is awarded."))


def review_form_class(criteria):
    """A scoring form with a score and a comment per criterion of this challenge."""

    class ReviewForm(FlaskForm):
        recommendation = RadioField(_l("Recommendation"), choices=recommendation_choices(), validators=[Optional()],
                                    filters=[strip_filter])
        feedback = TextAreaField(_l("Feedback for the startup"), validators=[Optional(), Length(max=4000)],
                                 filters=[strip_filter],
                                 description=_l("Shared with the startup without your name, if the officer "
                                                "chooses to share feedback."))

    for criterion in criteria:
        # Default names, descriptions and anchors in the reader's language; custom ones as typed.
        anchors = criterion.anchor_labels
        choices = []
        for value in range(criterion.scale_min, criterion.scale_max + 1):
            index = value - criterion.scale_min
            anchor = anchors[index] if index < len(anchors) else ""
            choices.append((str(value), f"{value} – {anchor}" if anchor else str(value)))
        # A custom name or description in the other language than the page carries its `lang`.
        label = lang_span(criterion.display_name, criterion.name_language)
        description = criterion.display_description
        setattr(ReviewForm, f"score_{criterion.id}", RadioField(
            label, choices=choices, validators=[Optional()], filters=[strip_filter],
            description=lang_span(description, criterion.description_language) if description else ""))
        setattr(ReviewForm, f"comment_{criterion.id}", TextAreaField(
            _l("Comment on %(name)s", name=criterion.display_name), validators=[Optional(), Length(max=2000)],
            filters=[strip_filter]))
    return ReviewForm
