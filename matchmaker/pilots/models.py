"""A pilot: what an award starts. A plan with 2–5 measurable success criteria and milestones, check-ins
written by both sides, a demo day, and the gate at the end (continue to a contract, extend, or stop).
Money is in euro cents; calendar dates are plain dates; moments are UTC."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import CheckInSide, PilotStatus, ProcurementRoute, TrafficLight
from ..extensions import db

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..challenges.models import Challenge
    from ..organisations.models import Organisation
    from ..proposals.models import Proposal

DECIDED = (PilotStatus.CONTINUED, PilotStatus.STOPPED)


class Pilot(db.Model):
    __tablename__ = "pilots"
    __table_args__ = (
        CheckConstraint("weeks BETWEEN 1 AND 104", name="pilot_weeks_range"),
        CheckConstraint("check_in_every_days BETWEEN 1 AND 92", name="check_in_interval"),
        CheckConstraint("budget_cents IS NULL OR budget_cents >= 0", name="budget_positive"),
        CheckConstraint("spent_cents IS NULL OR spent_cents >= 0", name="spent_positive"),
        CheckConstraint("contract_value_cents IS NULL OR contract_value_cents >= 0", name="contract_positive"),
        CheckConstraint("status NOT IN ('running', 'extended', 'continued') OR started_at IS NOT NULL",
                        name="started_has_timestamp"),
        CheckConstraint("(status IN ('continued', 'stopped')) = (decided_at IS NOT NULL)",
                        name="decided_has_timestamp"),
        CheckConstraint("status <> 'continued' OR (procurement_route IS NOT NULL AND contract_value_cents IS NOT NULL "
                        "AND contract_on IS NOT NULL)", name="continued_has_contract"),
        CheckConstraint("status <> 'extended' OR extended_until IS NOT NULL", name="extended_has_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), unique=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)  # the lead buyer
    status: Mapped[PilotStatus] = mapped_column(enum_type(PilotStatus, "pilot_status"),
                                                default=PilotStatus.PLANNED, server_default="planned", index=True)
    title: Mapped[str] = mapped_column(String(160))
    # the plan
    starts_on: Mapped[date | None] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(Integer, default=16)
    goals: Mapped[str] = mapped_column(Text, default="")
    budget_cents: Mapped[int | None] = mapped_column(BigInteger)
    paid_by: Mapped[str] = mapped_column(String(200), default="")
    municipality_contact: Mapped[str] = mapped_column(String(200), default="")
    startup_contact: Mapped[str] = mapped_column(String(200), default="")
    check_in_every_days: Mapped[int] = mapped_column(Integer, default=14)
    internal_notes: Mapped[str] = mapped_column(Text, default="")  # the municipality's and the startup's only
    spent_cents: Mapped[int | None] = mapped_column(BigInteger)
    # demo day
    demo_on: Mapped[date | None] = mapped_column(Date)
    demo_attendees: Mapped[str] = mapped_column(Text, default="")
    demo_report: Mapped[str] = mapped_column(Text, default="")
    # the gate
    extended_until: Mapped[date | None] = mapped_column(Date)
    decision_motivation: Mapped[str] = mapped_column(Text, default="")
    procurement_route: Mapped[ProcurementRoute | None] = mapped_column(
        enum_type(ProcurementRoute, "procurement_route"))
    contract_value_cents: Mapped[int | None] = mapped_column(BigInteger)
    contract_on: Mapped[date | None] = mapped_column(Date)
    # moments
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    extended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    check_in_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the last late-check-in reminder
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    challenge: Mapped[Challenge] = relationship(foreign_keys=[challenge_id])
    proposal: Mapped[Proposal] = relationship()
    startup: Mapped[Organisation] = relationship(foreign_keys=[startup_id])
    municipality: Mapped[Organisation] = relationship(foreign_keys=[municipality_id])
    criteria: Mapped[list[SuccessCriterion]] = relationship(
        back_populates="pilot", order_by="SuccessCriterion.position", cascade="all, delete-orphan")
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="pilot", order_by="Milestone.due_on", cascade="all, delete-orphan")
    check_ins: Mapped[list[CheckIn]] = relationship(
        back_populates="pilot", order_by="CheckIn.created_at", cascade="all, delete-orphan")

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED

    def __repr__(self) -> str:
        return f"<Pilot {self.id} {self.status}>"


class SuccessCriterion(db.Model):
    """What "success" means, measurably: a target, and the value measured at the gate."""

    __tablename__ = "pilot_success_criteria"
    __table_args__ = (UniqueConstraint("pilot_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    target: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    unit: Mapped[str] = mapped_column(String(40), default="")
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    final_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # measured at the gate

    pilot: Mapped[Pilot] = relationship(back_populates="criteria")

    def met(self, value: Decimal | None) -> bool | None:
        if value is None:
            return None
        return value >= self.target if self.higher_is_better else value <= self.target


class Milestone(db.Model):
    __tablename__ = "pilot_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    pilot: Mapped[Pilot] = relationship(back_populates="milestones")


class CheckIn(db.Model):
    """The iterative lesson made visible: what was tried, learned and changes next, a traffic light,
    and the measured value of each success criterion."""

    __tablename__ = "pilot_check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    side: Mapped[CheckInSide] = mapped_column(enum_type(CheckInSide, "check_in_side"))
    tried: Mapped[str] = mapped_column(Text)
    learned: Mapped[str] = mapped_column(Text)
    next_change: Mapped[str] = mapped_column(Text)
    light: Mapped[TrafficLight] = mapped_column(enum_type(TrafficLight, "traffic_light"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    pilot: Mapped[Pilot] = relationship(back_populates="check_ins")
    author: Mapped[User | None] = relationship()
    measurements: Mapped[list[Measurement]] = relationship(back_populates="check_in", cascade="all, delete-orphan")


class Measurement(db.Model):
    __tablename__ = "pilot_measurements"
    __table_args__ = (UniqueConstraint("check_in_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_in_id: Mapped[int] = mapped_column(ForeignKey("pilot_check_ins.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("pilot_success_criteria.id", ondelete="CASCADE"))
    value: Mapped[Decimal] = mapped_column(Numeric(14, 2))

    check_in: Mapped[CheckIn] = relationship(back_populates="measurements")
    criterion: Mapped[SuccessCriterion] = relationship()
