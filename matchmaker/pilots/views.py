"""Pilot pages: the public pilot page and list; for the municipality and the startup the plan,
check-ins, the demo day and the gate. Thin: a form, one service, commit, redirect."""

from __future__ import annotations

from decimal import Decimal

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..database import commit
from ..enums import PilotStatus, ProcurementRoute, TrafficLight
from ..errors import DomainError
from ..extensions import db
from ..organisations.forms import EmptyForm
from ..web import get_or_404, show_error
from . import permissions, services
from .forms import DemoDayForm, PlanForm, check_in_form, gate_form, measure_fields, measures
from .lifecycle import PILOT, plan_problems, planned_end
from .models import Pilot

bp = Blueprint("pilots", __name__, url_prefix="/pilots")

STATUS_FILTERS = ("running", "planned", "continued", "stopped")


@bp.app_template_global("pilot_for")
def pilot_for(proposal) -> Pilot | None:
    """The pilot an awarded proposal started, for links from the challenge and proposal pages."""
    return services.pilot_for_proposal(proposal) if proposal.is_awarded else None


def _pilot(pilot_id, allowed=permissions.can_view_pilot) -> Pilot:
    pilot = get_or_404(Pilot, pilot_id)
    if not allowed(current_user, pilot):
        abort(403 if permissions.can_see_pilot_internals(current_user, pilot) or current_user.is_authenticated
              else 404)
    return pilot


@bp.get("/")
def index():
    wanted = request.args.get("status", "")
    query = select(Pilot).order_by(Pilot.created_at.desc())
    if wanted in STATUS_FILTERS:
        states = [PilotStatus.RUNNING, PilotStatus.EXTENDED] if wanted == "running" else [PilotStatus(wanted)]
        query = query.where(Pilot.status.in_(states))
    return render_template("pilots/index.html", pilots=db.session.scalars(query).all(), wanted=wanted,
                           filters=STATUS_FILTERS)


@bp.get("/<pilot_id>")
def show(pilot_id):
    pilot = _pilot(pilot_id)
    insider = permissions.can_see_pilot_internals(current_user, pilot)
    return render_template(
        "pilots/show.html", pilot=pilot, insider=insider, end=planned_end(pilot),
        latest=services.latest_measurements(pilot), due=services.next_check_in_due(pilot),
        late=services.is_check_in_late(pilot), start_problems=PILOT.problems(pilot, "start")
        if pilot.status == PilotStatus.PLANNED else [],
        can_edit=permissions.can_edit_plan(current_user, pilot),
        can_check_in=permissions.can_write_check_in(current_user, pilot),
        can_demo=permissions.can_record_demo_day(current_user, pilot),
        can_decide=permissions.can_decide_pilot(current_user, pilot) and pilot.status != PilotStatus.PLANNED,
        button_form=EmptyForm())


def _plan_data(pilot: Pilot) -> dict:
    data = {field: getattr(pilot, field) for field in services.PLAN_FIELDS}
    data["criteria"] = [{"name": c.name, "target": c.target, "unit": c.unit,
                         "direction": "up" if c.higher_is_better else "down"} for c in pilot.criteria]
    data["milestones"] = [{"title": m.title, "due_on": m.due_on, "done_on": m.done_on} for m in pilot.milestones]
    return data


TEXT_FIELDS = ("goals", "paid_by", "municipality_contact", "startup_contact", "internal_notes")


def _plan_from(form: PlanForm) -> dict:
    plan = {field: form[field].data for field in services.PLAN_FIELDS}
    plan.update({field: plan[field] or "" for field in TEXT_FIELDS})
    return plan


def _criteria_from(form: PlanForm) -> list[services.CriterionInput]:
    return [services.CriterionInput(name=row.form.name.data, target=row.form.target.data, unit=row.form.unit.data or "",
                                    higher_is_better=row.form.direction.data != "down")
            for row in form.criteria if row.form.name.data]


def _milestones_from(form: PlanForm) -> list[services.MilestoneInput]:
    return [services.MilestoneInput(title=row.form.title.data, due_on=row.form.due_on.data,
                                    done_on=row.form.done_on.data)
            for row in form.milestones if row.form.title.data]


@bp.route("/<pilot_id>/plan", methods=["GET", "POST"])
@login_required
def plan(pilot_id):
    pilot = _pilot(pilot_id, permissions.can_edit_plan)
    form = PlanForm() if request.method == "POST" else PlanForm(data=_plan_data(pilot))
    if form.validate_on_submit():
        try:
            services.update_plan(pilot=pilot, user=current_user,
                                 plan=_plan_from(form),
                                 criteria=_criteria_from(form) if pilot.status == PilotStatus.PLANNED else None,
                                 milestones=_milestones_from(form))
            commit()
            flash(_("The plan is saved."), "success")
            return redirect(url_for("pilots.show", pilot_id=pilot.id))
        except DomainError as error:
            show_error(error, form)
    return render_template("pilots/plan.html", pilot=pilot, form=form,
                           criteria_fixed=pilot.status != PilotStatus.PLANNED), 200 if not form.errors else 422


@bp.post("/<pilot_id>/start")
@login_required
def start(pilot_id):
    pilot = _pilot(pilot_id, permissions.can_edit_plan)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if pilot.status != PilotStatus.PLANNED:
        flash(_("This pilot has already started."), "info")
        return redirect(url_for("pilots.show", pilot_id=pilot.id))
    try:
        services.start_pilot(pilot=pilot, user=current_user)
        commit()
        flash(_("The pilot is running. The first check-in is due in %(n)d days.", n=pilot.check_in_every_days),
              "success")
    except DomainError as error:
        show_error(error)
    return redirect(url_for("pilots.show", pilot_id=pilot.id))


@bp.route("/<pilot_id>/check-in", methods=["GET", "POST"])
@login_required
def check_in(pilot_id):
    pilot = _pilot(pilot_id, permissions.can_write_check_in)
    form = check_in_form(pilot)
    if form.validate_on_submit():
        try:
            services.write_check_in(pilot=pilot, user=current_user, tried=form.tried.data, learned=form.learned.data,
                                    next_change=form.next_change.data, light=TrafficLight(form.light.data),
                                    measurements={k: v for k, v in measures(form, pilot, "measure_").items()
                                                  if v is not None})
            commit()
            flash(_("Your check-in is saved. Thank you!"), "success")
            return redirect(url_for("pilots.show", pilot_id=pilot.id, _anchor="check-ins"))
        except DomainError as error:
            show_error(error, form)
    return render_template("pilots/check_in.html", pilot=pilot, form=form,
                           measure_fields=measure_fields(form, pilot, "measure_"),
                           latest=services.latest_measurements(pilot)), 200 if not form.errors else 422


@bp.route("/<pilot_id>/demo-day", methods=["GET", "POST"])
@login_required
def demo_day(pilot_id):
    pilot = _pilot(pilot_id, permissions.can_record_demo_day)
    form = DemoDayForm() if request.method == "POST" else DemoDayForm(
        data={"demo_on": pilot.demo_on, "attendees": pilot.demo_attendees, "report": pilot.demo_report})
    if form.validate_on_submit():
        try:
            services.record_demo_day(pilot=pilot, user=current_user, demo_on=form.demo_on.data,
                                     attendees=form.attendees.data or "", report=form.report.data or "")
            commit()
            flash(_("The demo day is recorded."), "success")
            return redirect(url_for("pilots.show", pilot_id=pilot.id))
        except DomainError as error:
            show_error(error, form)
    return render_template("pilots/demo_day.html", pilot=pilot, form=form), 200 if not form.errors else 422


@bp.route("/<pilot_id>/gate", methods=["GET", "POST"])
@login_required
def gate(pilot_id):
    pilot = _pilot(pilot_id, permissions.can_decide_pilot)
    if pilot.status == PilotStatus.PLANNED and request.method == "GET" and request.args.get("move") != "stop":
        flash(_("Start the pilot first; a pilot that never starts can only be stopped."), "info")
    latest = services.latest_measurements(pilot)
    form = gate_form(pilot) if request.method == "POST" else gate_form(
        pilot, data={"move": request.args.get("move"), **{f"final_{cid}": v for cid, v in latest.items()}})
    if form.validate_on_submit():
        try:
            services.decide_pilot(
                pilot=pilot, user=current_user, move=form.move.data, motivation=form.motivation.data or "",
                final_values={k: v for k, v in measures(form, pilot, "final_").items() if v is not None},
                route=ProcurementRoute(form.route.data) if form.route.data else None,
                contract_value_cents=form.contract_value_cents.data, contract_on=form.contract_on.data,
                extended_until=form.extended_until.data)
            commit()
            flash({"continue": _("The pilot continues to a contract."), "extend": _("The pilot is extended."),
                   "stop": _("The pilot is stopped. Write down what you learned.")}[form.move.data], "success")
            return redirect(url_for("pilots.show", pilot_id=pilot.id))
        except DomainError as error:
            show_error(error, form)
    return render_template("pilots/gate.html", pilot=pilot, form=form, end=planned_end(pilot),
                           final_fields=measure_fields(form, pilot, "final_"),
                           targets={c.id: c.target for c in pilot.criteria}), 200 if not form.errors else 422


def plan_is_complete(pilot: Pilot) -> bool:
    return not plan_problems(pilot)


def value_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"
