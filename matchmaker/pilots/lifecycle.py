"""The pilot's lifecycle: planned → running → (extended →) decided: continued | stopped.

A pilot starts once its plan is complete (a start date, goals, 2–5 measurable success criteria). The
gate at the end continues to a contract, extends the pilot, or stops it, always with a motivation and,
once it ran, the measured result of every success criterion. A stop is a valid outcome. A pilot that
never started can be stopped too (nothing was measured then)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask_babel import gettext as _

from ..enums import PilotStatus as S
from ..lifecycle import Lifecycle, Move
from .models import Pilot

MIN_CRITERIA, MAX_CRITERIA = 2, 5
MIN_MOTIVATION = 20


def planned_end(pilot: Pilot) -> date | None:
    """The last day of the pilot as planned (or as extended)."""
    if pilot.extended_until:
        return pilot.extended_until
    if pilot.starts_on is None:
        return None
    return pilot.starts_on + timedelta(weeks=pilot.weeks) - timedelta(days=1)


def plan_problems(pilot: Pilot, **_context) -> list[str]:
    """What the plan still lacks before the pilot can start, as sentences."""
    problems = []
    if pilot.starts_on is None:
        problems.append(_("Choose a start date."))
    if not (pilot.goals or "").strip():
        problems.append(_("Describe the goals of the pilot."))
    if not MIN_CRITERIA <= len(pilot.criteria) <= MAX_CRITERIA:
        problems.append(_("Give between %(low)d and %(high)d measurable success criteria, each with a target.",
                          low=MIN_CRITERIA, high=MAX_CRITERIA))
    if not (pilot.municipality_contact or "").strip() or not (pilot.startup_contact or "").strip():
        problems.append(_("Name the contact people on both sides."))
    return problems


Problem = tuple[str | None, str]  # (the form field it is about, the sentence)


def gate_problems(pilot: Pilot, move: str, *, motivation: str = "", final_values: dict | None = None, route=None,
                  contract_value_cents: int | None = None, contract_on: date | None = None,
                  extended_until: date | None = None, **_context) -> list[Problem]:
    """What stops the gate's `move` (continue, extend, stop), each with the field that fixes it: the
    per-criterion results are `final_<criterion id>`."""
    problems: list[Problem] = []
    if len((motivation or "").strip()) < MIN_MOTIVATION:
        problems.append(("motivation", _("Explain the decision in a few sentences (at least %(n)d characters).",
                                         n=MIN_MOTIVATION)))
    if move in ("continue", "stop") and pilot.started_at is not None:
        missing = [c for c in pilot.criteria if (final_values or {}).get(c.id) is None]
        if missing:
            message = _("Give the measured result of: %(names)s.", names=", ".join(c.name for c in missing))
            problems += [(f"final_{c.id}", message) for c in missing[:1]]
    if move == "continue":
        if route is None:
            problems.append(("route", _("Choose the procurement route for the contract.")))
        if contract_value_cents is None:
            problems.append(("contract_value_cents", _("Give the value of the contract.")))
        if contract_on is None:
            problems.append(("contract_on", _("Give the date of the contract.")))
    if move == "extend":
        end = planned_end(pilot)
        if extended_until is None:
            problems.append(("extended_until", _("Choose the new end date.")))
        elif end is not None and extended_until <= end:
            problems.append(("extended_until", _("The new end date must come after the current end date.")))
    return problems


def _gate_guard(move: str):
    def guard(pilot: Pilot, **context) -> list[str]:
        return [message for _field, message in gate_problems(pilot, move, **context)]
    return guard


def _started(pilot: Pilot, now: datetime, **_context) -> None:
    pilot.started_at = now


def _extended(pilot: Pilot, now: datetime, extended_until: date | None = None, motivation: str = "",
              **_context) -> None:
    pilot.extended_at = now
    pilot.extended_until = extended_until
    pilot.decision_motivation = motivation.strip()


def _record_results(pilot: Pilot, final_values: dict | None) -> None:
    for criterion in pilot.criteria:
        if final_values and final_values.get(criterion.id) is not None:
            criterion.final_value = final_values[criterion.id]


def _continued(pilot: Pilot, now: datetime, motivation: str = "", final_values: dict | None = None, route=None,
               contract_value_cents: int | None = None, contract_on: date | None = None, **_context) -> None:
    pilot.decided_at = now
    pilot.decision_motivation = motivation.strip()
    pilot.procurement_route = route
    pilot.contract_value_cents = contract_value_cents
    pilot.contract_on = contract_on
    _record_results(pilot, final_values)


def _stopped(pilot: Pilot, now: datetime, motivation: str = "", final_values: dict | None = None,
             **_context) -> None:
    pilot.decided_at = now
    pilot.decision_motivation = motivation.strip()
    _record_results(pilot, final_values)


PILOT = Lifecycle("pilot", [
    Move("start", (S.PLANNED,), S.RUNNING, "pilot.started", guard=plan_problems, effect=_started),
    Move("extend", (S.RUNNING, S.EXTENDED), S.EXTENDED, "pilot.extended", guard=_gate_guard("extend"),
         effect=_extended),
    Move("continue", (S.RUNNING, S.EXTENDED), S.CONTINUED, "pilot.continued", guard=_gate_guard("continue"),
         effect=_continued),
    Move("stop", (S.PLANNED, S.RUNNING, S.EXTENDED), S.STOPPED, "pilot.stopped", guard=_gate_guard("stop"),
         effect=_stopped),
])

# The gate's three choices, as moves.
GATE_MOVES = ("continue", "extend", "stop")
