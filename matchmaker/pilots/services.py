"""Pilot services: an award starts a pilot; the plan, check-ins, demo day and the gate at the end.
Each service checks its predicate, applies moves through `PILOT`, audits, and flushes; the view commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.services import record_event
from ..database import lock_row
from ..db_types import utcnow
from ..enums import CheckInSide, PilotStatus, ProcurementRoute, TrafficLight
from ..errors import NotAllowed, ValidationFailed
from ..extensions import db
from . import permissions
from .lifecycle import MAX_CRITERIA, PILOT, gate_problems
from .models import CheckIn, Measurement, Milestone, Pilot, SuccessCriterion


def pilot_for_proposal(proposal) -> Pilot | None:
    return db.session.scalar(select(Pilot).where(Pilot.proposal_id == proposal.id))


def create_pilot_for_award(*, proposal, actor) -> Pilot:
    """An award starts a pilot in the planned state, with the challenge's pilot length and the
    proposal's price as its budget. Called once per awarded proposal; a second call returns the same."""
    existing = pilot_for_proposal(proposal)
    if existing is not None:
        return existing
    challenge = proposal.challenge
    version = next((v for v in proposal.versions if v.number == proposal.submitted_version), None)
    pilot = Pilot(challenge_id=challenge.id, proposal_id=proposal.id, startup_id=proposal.startup_id,
                  municipality_id=challenge.organisation_id, title=challenge.title[:160],
                  weeks=(version.duration_weeks if version and version.duration_weeks else challenge.pilot_weeks),
                  budget_cents=version.price_cents if version else None,
                  goals=challenge.desired_outcome or "")
    db.session.add(pilot)
    db.session.flush()
    record_event(actor=actor, action="pilot.created", subject=pilot,
                 data={"challenge_id": challenge.id, "proposal_id": proposal.id})
    return pilot


@dataclass
class CriterionInput:
    name: str
    target: Decimal
    unit: str = ""
    higher_is_better: bool = True


@dataclass
class MilestoneInput:
    title: str
    due_on: date
    done_on: date | None = None


PLAN_FIELDS = ("starts_on", "weeks", "goals", "budget_cents", "paid_by", "municipality_contact",
               "startup_contact", "check_in_every_days", "internal_notes", "spent_cents")


def update_plan(*, pilot: Pilot, user, plan: dict, criteria: list[CriterionInput] | None = None,
                milestones: list[MilestoneInput] | None = None) -> Pilot:
    """Save the plan. Success criteria are fixed once the pilot runs (their targets are what the gate
    measures against); milestones, contacts, budget and notes stay editable until the decision."""
    if not permissions.can_edit_plan(user, pilot):
        raise NotAllowed(_("Only the municipality's officers can change this pilot's plan."))
    pilot = lock_row(Pilot, pilot.id)
    changed = {}
    for field in PLAN_FIELDS:
        if field in plan and getattr(pilot, field) != plan[field]:
            if field in ("starts_on", "weeks") and pilot.status != PilotStatus.PLANNED:
                raise ValidationFailed(_("The start date and length are fixed once the pilot runs; extend it at "
                                         "the gate instead."), field=field)
            setattr(pilot, field, plan[field])
            changed[field] = str(plan[field])
    if criteria is not None:
        if pilot.status != PilotStatus.PLANNED:
            raise ValidationFailed(_("The success criteria are fixed once the pilot runs."), field="criteria")
        if len(criteria) > MAX_CRITERIA:
            raise ValidationFailed(_("Give at most %(n)d success criteria.", n=MAX_CRITERIA), field="criteria")
        pilot.criteria.clear()
        db.session.flush()
        for position, item in enumerate(criteria, start=1):
            pilot.criteria.append(SuccessCriterion(position=position, name=item.name.strip(), target=item.target,
                                                   unit=item.unit.strip(), higher_is_better=item.higher_is_better))
        changed["criteria"] = [c.name for c in criteria]
    if milestones is not None:
        pilot.milestones.clear()
        db.session.flush()
        for item in milestones:
            pilot.milestones.append(Milestone(title=item.title.strip(), due_on=item.due_on, done_on=item.done_on))
        changed["milestones"] = len(milestones)
    db.session.flush()
    if changed:
        record_event(actor=user, action="pilot.plan_changed", subject=pilot, data={"changed": sorted(changed)})
    return pilot


def start_pilot(*, pilot: Pilot, user) -> Pilot:
    if not permissions.can_edit_plan(user, pilot):
        raise NotAllowed(_("Only the municipality's officers can start this pilot."))
    pilot = lock_row(Pilot, pilot.id)
    PILOT.apply(pilot, "start", actor=user)
    return pilot


def side_of(user, pilot: Pilot) -> CheckInSide:
    return CheckInSide.STARTUP if permissions.is_pilot_startup(user, pilot) else CheckInSide.MUNICIPALITY


def write_check_in(*, pilot: Pilot, user, tried: str, learned: str, next_change: str, light: TrafficLight,
                   measurements: dict[int, Decimal] | None = None) -> CheckIn:
    """A check-in by the startup or the officer: what was tried, learned and changes next, a traffic
    light, and (optionally) the measured value of each success criterion."""
    if not permissions.can_write_check_in(user, pilot):
        raise NotAllowed(_("Check-ins are written by the startup and the officers while the pilot runs."))
    problems = [(name, _("Fill in %(what)s.", what=label)) for name, label, value in (
        ("tried", _("what was tried"), tried), ("learned", _("what was learned"), learned),
        ("next_change", _("what changes next"), next_change)) if not (value or "").strip()]
    known = {c.id for c in pilot.criteria}
    unknown = [cid for cid in (measurements or {}) if cid not in known]
    if unknown:
        problems.append((None, _("A measurement names a success criterion of another pilot.")))
    if problems:
        raise ValidationFailed(" ".join(p for _f, p in problems), problems=problems)
    check_in = CheckIn(author_id=user.id, side=side_of(user, pilot), tried=tried.strip(),
                       learned=learned.strip(), next_change=next_change.strip(), light=light)
    for criterion_id, value in sorted((measurements or {}).items()):
        if value is not None:
            check_in.measurements.append(Measurement(criterion_id=criterion_id, value=value))
    pilot.check_ins.append(check_in)
    db.session.flush()
    record_event(actor=user, action="pilot.check_in", subject=pilot,
                 data={"check_in_id": check_in.id, "light": light.value, "side": check_in.side.value})
    return check_in


def record_demo_day(*, pilot: Pilot, user, demo_on: date | None, attendees: str, report: str) -> Pilot:
    if not permissions.can_record_demo_day(user, pilot):
        raise NotAllowed(_("The demo day is recorded by the municipality's officers while the pilot runs."))
    if demo_on is None:
        raise ValidationFailed(_("Give the date of the demo day."), field="demo_on")
    pilot.demo_on, pilot.demo_attendees, pilot.demo_report = demo_on, attendees.strip(), report.strip()
    db.session.flush()
    record_event(actor=user, action="pilot.demo_day", subject=pilot, data={"demo_on": demo_on.isoformat()})
    return pilot


def decide_pilot(*, pilot: Pilot, user, move: str, motivation: str, final_values: dict[int, Decimal] | None = None,
                 route: ProcurementRoute | None = None, contract_value_cents: int | None = None,
                 contract_on: date | None = None, extended_until: date | None = None) -> Pilot:
    """The gate: continue to a contract, extend, or stop. The row lock makes two officers deciding at
    once harmless: the second finds the pilot decided and is refused."""
    if move not in ("continue", "extend", "stop"):
        raise ValidationFailed(_("Choose continue, extend or stop."), field="move")
    if not permissions.can_decide_pilot(user, pilot):
        raise NotAllowed(_("Only the municipality's officers decide about this pilot."))
    pilot = lock_row(Pilot, pilot.id)
    context = {"motivation": motivation or "", "final_values": final_values, "route": route,
               "contract_value_cents": contract_value_cents, "contract_on": contract_on,
               "extended_until": extended_until}
    if PILOT.allows(pilot, move):
        problems = gate_problems(pilot, move, **context)
        if problems:
            raise ValidationFailed(" ".join(message for _field, message in problems), problems=problems)
    data = {"motivation_length": len((motivation or "").strip())}
    if move == "continue":
        data.update(route=route.value if route else None, contract_value_cents=contract_value_cents)
    PILOT.apply(pilot, move, actor=user, data=data, **context)
    return pilot


# --- check-in rhythm --------------------------------------------------------------------------------

def last_check_in_at(pilot: Pilot) -> datetime | None:
    return pilot.check_ins[-1].created_at if pilot.check_ins else None


def next_check_in_due(pilot: Pilot) -> datetime | None:
    """When the next check-in is due: the interval after the last one (or after the start)."""
    if pilot.status not in permissions.ACTIVE or pilot.started_at is None:
        return None
    since = last_check_in_at(pilot) or pilot.started_at
    return since + timedelta(days=pilot.check_in_every_days)


def is_check_in_late(pilot: Pilot, now: datetime | None = None) -> bool:
    due = next_check_in_due(pilot)
    return due is not None and due < (now or utcnow())


def late_pilots(now: datetime | None = None) -> list[Pilot]:
    active = db.session.scalars(select(Pilot).where(Pilot.status.in_(permissions.ACTIVE)).order_by(Pilot.id))
    return [pilot for pilot in active if is_check_in_late(pilot, now)]


def latest_measurements(pilot: Pilot) -> dict[int, Decimal]:
    """Criterion id -> the last measured value (check-ins in order; the gate's final value wins)."""
    values: dict[int, Decimal] = {}
    for check_in in pilot.check_ins:
        for measurement in check_in.measurements:
            values[measurement.criterion_id] = measurement.value
    for criterion in pilot.criteria:
        if criterion.final_value is not None:
            values[criterion.id] = criterion.final_value
    return values


def send_check_in_reminders(*, now: datetime | None = None) -> int:
    """E-mail both sides of each pilot whose check-in is overdue: once per overdue check-in (a new
    reminder only after the next interval passes without one)."""
    from ..mail.services import mail_user

    now = now or utcnow()
    reminded = 0
    for pilot in late_pilots(now):
        due = next_check_in_due(pilot)
        if pilot.check_in_reminded_at is not None and pilot.check_in_reminded_at >= due:
            continue
        pilot = lock_row(Pilot, pilot.id)
        pilot.check_in_reminded_at = now
        people = {m.user for m in pilot.startup.memberships} | {m.user for m in pilot.municipality.memberships}
        for user in sorted(people, key=lambda u: u.id):
            mail_user(user, "check_in_reminder", pilot=pilot, due=due)
        reminded += 1
    db.session.flush()
    return reminded
