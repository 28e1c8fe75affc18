"""Who may do what with a pilot. The public sees the pilot page (goals, progress, outcome); the
municipality's officers and the startup see everything; internal notes stay with them."""

from __future__ import annotations

from ..enums import PilotStatus
from ..organisations.permissions import is_member

ACTIVE = (PilotStatus.RUNNING, PilotStatus.EXTENDED)


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_pilot_officer(user, pilot) -> bool:
    """An officer of the lead buyer, or of a co-owner the lead lets run the pilot."""
    if not _authenticated(user):
        return False
    if is_member(user, pilot.municipality):
        return True
    return any(co.may_run_pilot and is_member(user, co.organisation) for co in pilot.challenge.co_owners)


def is_pilot_startup(user, pilot) -> bool:
    return _authenticated(user) and is_member(user, pilot.startup)


def can_view_pilot(user, pilot) -> bool:
    """Every pilot page is public: a pilot exists only after a released award."""
    return True


def can_see_pilot_internals(user, pilot) -> bool:
    """Internal notes, contacts, budget spent and every check-in's text."""
    return is_pilot_officer(user, pilot) or is_pilot_startup(user, pilot) or bool(
        _authenticated(user) and user.is_admin)


def can_edit_plan(user, pilot) -> bool:
    return is_pilot_officer(user, pilot) and not pilot.is_decided


def can_write_check_in(user, pilot) -> bool:
    return (is_pilot_officer(user, pilot) or is_pilot_startup(user, pilot)) and pilot.status in ACTIVE


def can_record_demo_day(user, pilot) -> bool:
    return is_pilot_officer(user, pilot) and pilot.status in ACTIVE


def can_decide_pilot(user, pilot) -> bool:
    return is_pilot_officer(user, pilot) and not pilot.is_decided
