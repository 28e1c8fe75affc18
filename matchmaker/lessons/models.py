"""A lesson: what a pilot, or a challenge that ended without award, taught. The municipality decides
whether it is published; published lessons are searchable across municipalities."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import LessonOutcome
from ..extensions import db

if TYPE_CHECKING:
    from ..challenges.models import Challenge
    from ..organisations.models import Organisation
    from ..pilots.models import Pilot


class Lesson(db.Model):
    __tablename__ = "lessons"
    __table_args__ = (
        CheckConstraint("language IN ('nl', 'en')", name="lesson_language_known"),
        CheckConstraint("(outcome = 'no_award') = (pilot_id IS NULL)", name="pilot_lesson_or_no_award"),
        # one lesson per challenge without award (a pilot's lesson is unique by pilot_id)
        Index("uq_lessons_one_per_challenge_without_pilot", "challenge_id", unique=True,
              sqlite_where=text("pilot_id IS NULL"), postgresql_where=text("pilot_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    pilot_id: Mapped[int | None] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    outcome: Mapped[LessonOutcome] = mapped_column(enum_type(LessonOutcome, "lesson_outcome"))
    context: Mapped[str] = mapped_column(Text, default="")
    expected: Mapped[str] = mapped_column(Text, default="")
    happened: Mapped[str] = mapped_column(Text, default="")
    differently: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    reusable: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    language: Mapped[str] = mapped_column(String(5), default="nl", server_default="nl")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    challenge: Mapped[Challenge] = relationship()
    pilot: Mapped[Pilot | None] = relationship()
    organisation: Mapped[Organisation] = relationship()

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
