"""Pilot forms: the plan, a check-in, the demo day and the gate. The per-criterion fields of a
check-in and of the gate are made for the pilot at hand (`check_in_form`, `gate_form`)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..enums import ProcurementRoute, TrafficLight
from ..forms import (
    CalendarDateField,
    DecimalNumberField,
    EuroField,
    SubForm,
    WholeNumberField,
    line_filter,
    strip_filter,
)
from .lifecycle import MAX_CRITERIA

LONG = 5000


def light_choices():
    return [(TrafficLight.GREEN.value, _l("Green: on track")), (TrafficLight.AMBER.value, _l("Amber: needs attention")),
            (TrafficLight.RED.value, _l("Red: in trouble"))]


def route_choices():
    return [("", _l("Choose a route")),
            (ProcurementRoute.LAUNCHING_CUSTOMER.value, _l("Launching-customer contract")),
            (ProcurementRoute.INNOVATION_PARTNERSHIP.value, _l("Innovation partnership")),
            (ProcurementRoute.SBIR_PHASE_3.value, _l("SBIR phase 3")),
            (ProcurementRoute.REGULAR_TENDER.value, _l("Regular tender"))]


def gate_choices():
    return [("continue", _l("Continue to a contract")), ("extend", _l("Extend the pilot")),
            ("stop", _l("Stop the pilot"))]


class CriterionRow(SubForm):
    name = StringField(_l("Success criterion"), validators=[Optional(), Length(max=200)], filters=[line_filter])
    target = DecimalNumberField(_l("Target"))
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=40)], filters=[line_filter],
                       description=_l("For example %, households, minutes."))
    direction = SelectField(_l("Better is"), choices=[("up", _l("higher")), ("down", _l("lower"))], default="up")

    def validate_target(self, field):
        if self.name.data and field.data is None:
            raise ValidationError(_l("Give a target for this criterion."))

    def validate_name(self, field):
        if not field.data and self.target.data is not None:
            raise ValidationError(_l("Name the criterion this target belongs to."))


class MilestoneRow(SubForm):
    title = StringField(_l("Milestone"), validators=[Optional(), Length(max=200)], filters=[line_filter])
    due_on = CalendarDateField(_l("Date"))
    done_on = CalendarDateField(_l("Reached on"), validators=[Optional()])

    def validate_due_on(self, field):
        if self.title.data and field.data is None:
            raise ValidationError(_l("Give the date of this milestone."))


class PlanForm(FlaskForm):
    starts_on = CalendarDateField(_l("Start date"), validators=[Optional()])
    weeks = WholeNumberField(_l("Length (weeks)"), validators=[InputRequired(), NumberRange(min=1, max=104)])
    goals = TextAreaField(_l("Goals"), validators=[Optional(), Length(max=LONG)], filters=[strip_filter],
                          description=_l("What the pilot should show, in a few sentences."))
    budget_cents = EuroField(_l("Budget (EUR)"), validators=[Optional()])
    paid_by = StringField(_l("Who pays"), validators=[Optional(), Length(max=200)], filters=[line_filter],
                          description=_l("For example: the municipality's innovation budget, 50% provincial grant."))
    municipality_contact = StringField(_l("Contact at the municipality"), validators=[Optional(), Length(max=200)],
                                       filters=[line_filter])
    startup_contact = StringField(_l("Contact at the startup"), validators=[Optional(), Length(max=200)],
                                  filters=[line_filter])
    check_in_every_days = WholeNumberField(_l("Check-in every (days)"),
                                           validators=[InputRequired(), NumberRange(min=1, max=92)])
    spent_cents = EuroField(_l("Spent so far (EUR)"), validators=[Optional()])
    internal_notes = TextAreaField(_l("Internal notes"), validators=[Optional(), Length(max=LONG)],
                                   filters=[strip_filter],
                                   description=_l("Only the municipality's officers and the startup read these."))
    criteria = FieldList(FormField(CriterionRow), min_entries=MAX_CRITERIA, max_entries=MAX_CRITERIA)
    milestones = FieldList(FormField(MilestoneRow), min_entries=6, max_entries=12)


class CheckInForm(FlaskForm):
    tried = TextAreaField(_l("What did you try?"), validators=[DataRequired(), Length(max=LONG)],
                          filters=[strip_filter])
    learned = TextAreaField(_l("What did you learn?"), validators=[DataRequired(), Length(max=LONG)],
                            filters=[strip_filter])
    next_change = TextAreaField(_l("What changes next?"), validators=[DataRequired(), Length(max=LONG)],
                                filters=[strip_filter])
    light = RadioField(_l("How is it going?"), choices=light_choices(), validators=[InputRequired()])


class DemoDayForm(FlaskForm):
    demo_on = CalendarDateField(_l("Date of the demo day"), validators=[InputRequired()])
    attendees = TextAreaField(_l("Who attended"), validators=[Optional(), Length(max=2000)], filters=[strip_filter])
    report = TextAreaField(_l("Short report"), validators=[Optional(), Length(max=LONG)], filters=[strip_filter])


class GateForm(FlaskForm):
    move = RadioField(_l("Decision"), choices=gate_choices(), validators=[InputRequired()])
    motivation = TextAreaField(_l("Motivation"), validators=[Optional(), Length(max=LONG)], filters=[strip_filter],
                               description=_l("Why, in a few sentences, with what the measurements showed."))
    route = SelectField(_l("Procurement route"), choices=route_choices(), validators=[Optional()])
    contract_value_cents = EuroField(_l("Contract value (EUR)"), validators=[Optional()])
    contract_on = CalendarDateField(_l("Contract date"), validators=[Optional()])
    extended_until = CalendarDateField(_l("Extend until"), validators=[Optional()])


def _measure_field(criterion, prefix: str):
    unit = f" ({criterion.unit})" if criterion.unit else ""
    return DecimalNumberField(f"{criterion.name}{unit}", validators=[Optional()],
                              description=_l("Target: %(target)s", target=f"{criterion.target.normalize():f}{unit}"))


def _with_measures(base, pilot, prefix: str):
    form_class = type(base.__name__, (base,), {})
    for criterion in pilot.criteria:
        setattr(form_class, f"{prefix}{criterion.id}", _measure_field(criterion, prefix))
    return form_class


def check_in_form(pilot, **kwargs) -> CheckInForm:
    return _with_measures(CheckInForm, pilot, "measure_")(**kwargs)


def gate_form(pilot, **kwargs) -> GateForm:
    return _with_measures(GateForm, pilot, "final_")(**kwargs)


def measures(form, pilot, prefix: str) -> dict:
    """Criterion id -> the typed value (or None) of the per-criterion fields."""
    return {c.id: form[f"{prefix}{c.id}"].data for c in pilot.criteria}


def measure_fields(form, pilot, prefix: str) -> list:
    return [form[f"{prefix}{c.id}"] for c in pilot.criteria]
