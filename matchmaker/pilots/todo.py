"""The pilots part of the dashboard's to-do list: for officers, plans to finish, pilots ready to start,
overdue check-ins and gates coming up; for startups, check-ins due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from ..collaboration.models import CoOwner
from ..db_types import utcnow
from ..enums import OrgKind, PilotStatus
from ..extensions import db
from ..organisations.permissions import organisations_of
from . import permissions, services
from .lifecycle import PILOT, planned_end
from .models import Pilot

GATE_SOON = timedelta(days=14)
CHECK_IN_SOON = timedelta(days=3)


@dataclass
class PilotItem:
    pilot: Pilot
    when: date | datetime | None = None


@dataclass
class PilotTodo:
    to_plan: list[PilotItem] = field(default_factory=list)
    to_start: list[PilotItem] = field(default_factory=list)
    check_ins: list[PilotItem] = field(default_factory=list)  # overdue (officer) or due soon (startup)
    gates: list[PilotItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.to_plan or self.to_start or self.check_ins or self.gates)


def _pilots_of(organisation_ids: list[int], *, as_startup: bool) -> list[Pilot]:
    if not organisation_ids:
        return []
    open_states = [PilotStatus.PLANNED, PilotStatus.RUNNING, PilotStatus.EXTENDED]
    if as_startup:
        where = Pilot.startup_id.in_(organisation_ids)
    else:
        co_owned = select(CoOwner.challenge_id).where(CoOwner.organisation_id.in_(organisation_ids),
                                                      CoOwner.may_run_pilot.is_(True))
        where = or_(Pilot.municipality_id.in_(organisation_ids), Pilot.challenge_id.in_(co_owned))
    return list(db.session.scalars(select(Pilot).where(where, Pilot.status.in_(open_states)).order_by(Pilot.id)))


def officer_pilot_todo(user, now: datetime | None = None) -> PilotTodo:
    now = now or utcnow()
    todo = PilotTodo()
    ids = [o.id for o in organisations_of(user, OrgKind.MUNICIPALITY)]
    for pilot in _pilots_of(ids, as_startup=False):
        if not permissions.is_pilot_officer(user, pilot):
            continue
        if pilot.status == PilotStatus.PLANNED:
            (todo.to_start if PILOT.can(pilot, "start") else todo.to_plan).append(PilotItem(pilot, pilot.starts_on))
            continue
        if services.is_check_in_late(pilot, now):
            todo.check_ins.append(PilotItem(pilot, services.next_check_in_due(pilot)))
        end = planned_end(pilot)
        if end is not None and end <= (now + GATE_SOON).date():
            todo.gates.append(PilotItem(pilot, end))
    todo.check_ins.sort(key=lambda item: item.when)
    todo.gates.sort(key=lambda item: item.when)
    return todo


def startup_pilot_todo(user, now: datetime | None = None) -> PilotTodo:
    now = now or utcnow()
    todo = PilotTodo()
    ids = [o.id for o in organisations_of(user, OrgKind.STARTUP)]
    for pilot in _pilots_of(ids, as_startup=True):
        due = services.next_check_in_due(pilot)
        if due is not None and due <= now + CHECK_IN_SOON:
            todo.check_ins.append(PilotItem(pilot, due))
    todo.check_ins.sort(key=lambda item: item.when)
    return todo
