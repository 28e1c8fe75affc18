"""Working together: challenges owned by several municipalities (one lead buyer, whose organisation is
`Challenge.organisation`), and rounds that group challenges with shared dates."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false

from ..db_types import UTCDateTime, utcnow
from ..extensions import db

if TYPE_CHECKING:
    from ..organisations.models import Organisation


class CoOwner(db.Model):
    """Another municipality that owns a challenge with the lead buyer. Its officers may do what the
    lead allows; they always share the one panel."""

    __tablename__ = "challenge_co_owners"

    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 primary_key=True, index=True)
    may_edit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    may_answer_questions: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    may_manage_panel: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    may_decide: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    may_run_pilot: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined")

    RIGHTS = ("may_edit", "may_answer_questions", "may_manage_panel", "may_decide", "may_run_pilot")


class Round(db.Model):
    """A programme such as "SiR Noord-Nederland 2027-1": challenges with shared dates. A startup may
    apply to several of its challenges but win at most one."""

    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint("questions_close_at IS NULL OR submissions_close_at IS NULL "
                        "OR questions_close_at <= submissions_close_at", name="round_questions_first"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)  # who runs it
    name: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(180), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    questions_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submissions_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship()
