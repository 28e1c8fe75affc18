"""Lifecycles: one transition table per aggregate, a guard per move, every move audited.

Each feature declares its aggregate's lifecycle once (`challenges/lifecycle.py`,
`proposals/lifecycle.py`, ...): the moves, the states each move starts from, the state it leads to,
a guard that returns what stops the move (empty: allowed) and an effect that sets the timestamps
that go with it. Services apply moves with `LIFECYCLE.apply(obj, "publish", actor=user)`; templates
and permission predicates ask `LIFECYCLE.can(obj, "publish")`. Nothing else writes a status column.
The caller holds the row lock (`database.lock_row`) when two requests could move the same aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from flask_babel import gettext as _

from .db_types import utcnow
from .errors import InvalidState, ValidationFailed
from .extensions import db

Guard = Callable[..., list[str]]
Effect = Callable[..., None]


@dataclass(frozen=True)
class Move:
    name: str
    sources: tuple[StrEnum, ...]
    target: StrEnum
    event: str  # the audit action, e.g. "challenge.published"
    guard: Guard | None = None  # (obj, **context) -> problems; empty means allowed
    effect: Effect | None = None  # (obj, now, **context) -> None: timestamps and the like


class Lifecycle:
    def __init__(self, name: str, moves: Iterable[Move], *, field: str = "status"):
        self.name = name
        self.field = field
        self.moves = {move.name: move for move in moves}

    def state(self, obj) -> StrEnum:
        return getattr(obj, self.field)

    def move(self, name: str) -> Move:
        return self.moves[name]

    def allows(self, obj, name: str) -> bool:
        """The table allows the move from the object's state (the guard is not asked)."""
        return self.state(obj) in self.moves[name].sources

    def problems(self, obj, name: str, **context) -> list[str]:
        """What stops this move now, as sentences; empty when it can be made."""
        move = self.moves[name]
        if self.state(obj) not in move.sources:
            return [_("This is not possible in the current state.")]
        return list(move.guard(obj, **context)) if move.guard else []

    def can(self, obj, name: str, **context) -> bool:
        return not self.problems(obj, name, **context)

    def apply(self, obj, name: str, *, actor, data: dict | None = None, now: datetime | None = None,
              **context: Any) -> None:
        """Make the move: check the table and the guard, set the state, run the effect, audit it."""
        from .audit.services import record_event

        move = self.moves[name]
        previous = self.state(obj)
        if previous not in move.sources:
            raise InvalidState(_("This is not possible in the current state."))
        problems = move.guard(obj, **context) if move.guard else []
        if problems:
            raise ValidationFailed(" ".join(problems), problems=[(None, p) for p in problems])
        setattr(obj, self.field, move.target)
        if move.effect:
            move.effect(obj, now or utcnow(), **context)
        db.session.flush()
        record_event(actor=actor, action=move.event, subject=obj,
                     data={"from": previous.value, "to": move.target.value, **(data or {})})

    def rows(self) -> list[tuple[str, tuple[str, ...], str]]:
        """The table as (move, from states, to state), for documentation and tests."""
        return [(m.name, tuple(s.value for s in m.sources), m.target.value) for m in self.moves.values()]
