from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false
from sqlalchemy.sql.expression import true as sa_true

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import ChallengeStatus
from ..extensions import db
from . import rubric

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..collaboration.models import CoOwner, Round
    from ..organisations.models import Organisation
    from ..pilots.models import Pilot


class Challenge(db.Model):
    """A problem a municipality wants solved. Times are UTC; money is in euro cents."""

    __tablename__ = "challenges"
    __table_args__ = (
        CheckConstraint(
            "budget_min_cents IS NULL OR budget_max_cents IS NULL OR budget_min_cents <= budget_max_cents",
            name="budget_range",
        ),
        CheckConstraint("budget_min_cents IS NULL OR budget_min_cents >= 0", name="budget_positive"),
        CheckConstraint("pilot_weeks BETWEEN 1 AND 104", name="pilot_weeks_range"),
        CheckConstraint(
            "questions_close_at IS NULL OR submissions_close_at IS NULL "
            "OR questions_close_at <= submissions_close_at",
            name="questions_before_submissions",
        ),
        CheckConstraint(
            "status IN ('draft', 'cancelled') OR (published_at IS NOT NULL "
            "AND submissions_close_at IS NOT NULL AND questions_close_at IS NOT NULL)",
            name="published_has_dates",
        ),
        CheckConstraint(
            "(status = 'cancelled') = (cancelled_at IS NOT NULL)", name="cancelled_has_timestamp"
        ),
        CheckConstraint("language IN ('nl', 'en')", name="language_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(180), unique=True)
    summary: Mapped[str] = mapped_column(String(500), default="")
    problem: Mapped[str] = mapped_column(Text, default="")
    desired_outcome: Mapped[str] = mapped_column(Text, default="")
    affected: Mapped[str] = mapped_column(Text, default="")
    department: Mapped[str] = mapped_column(String(160), default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    budget_min_cents: Mapped[int | None] = mapped_column(BigInteger)
    budget_max_cents: Mapped[int | None] = mapped_column(BigInteger)
    pilot_weeks: Mapped[int] = mapped_column(Integer, default=16)
    questions_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submissions_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    max_age_years: Mapped[int | None] = mapped_column(Integer)
    max_fte: Mapped[int | None] = mapped_column(Integer)
    languages: Mapped[list[str]] = mapped_column(JSON, default=lambda: ["nl", "en"])  # accepted for proposals
    # The language the challenge is written in: pages in the other language mark its text with it.
    language: Mapped[str] = mapped_column(String(5), default="nl", server_default="nl")
    status: Mapped[ChallengeStatus] = mapped_column(
        enum_type(ChallengeStatus, "challenge_status"), default=ChallengeStatus.DRAFT, index=True
    )
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # evaluation settings, chosen by the officer
    blind_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    panel_sees_scores: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    share_criterion_averages: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    share_feedback_texts: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    # The panel's deadline for reviews (set on the panel page; after the submission deadline).
    reviews_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    no_award_reason: Mapped[str | None] = mapped_column(Text)
    # working together: the round it belongs to, and the pilot it was adopted from
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"), index=True)
    adopted_from_pilot_id: Mapped[int | None] = mapped_column(
        ForeignKey("pilots.id", ondelete="SET NULL", use_alter=True, name="fk_challenges_adopted_from_pilot"),
        index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    organisation: Mapped[Organisation] = relationship(lazy="joined", innerjoin=True)
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="challenge", order_by="Criterion.position", cascade="all, delete-orphan"
    )
    theme_links: Mapped[list[ChallengeTheme]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="challenge", order_by="Question.created_at", cascade="all, delete-orphan"
    )
    extensions: Mapped[list[DeadlineExtension]] = relationship(
        order_by="DeadlineExtension.created_at", cascade="all, delete-orphan"
    )
    co_owners: Mapped[list[CoOwner]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                    order_by="CoOwner.added_at")
    round: Mapped[Round | None] = relationship()
    adopted_from: Mapped[Pilot | None] = relationship(foreign_keys=[adopted_from_pilot_id])

    @property
    def themes(self) -> list[str]:
        return sorted(link.theme for link in self.theme_links)

    @property
    def current_status(self) -> ChallengeStatus:
        """The status as of now: a published challenge past its deadline is closed, even before the
        scheduler has recorded it."""
        if (
            self.status == ChallengeStatus.PUBLISHED
            and self.submissions_close_at is not None
            and self.submissions_close_at <= utcnow()
        ):
            return ChallengeStatus.CLOSED
        return self.status

    @property
    def is_open(self) -> bool:
        return self.current_status == ChallengeStatus.PUBLISHED

    @property
    def questions_open(self) -> bool:
        return (
            self.is_open and self.questions_close_at is not None and self.questions_close_at > utcnow()
        )

    @property
    def is_draft(self) -> bool:
        return self.status == ChallengeStatus.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == ChallengeStatus.CANCELLED

    @property
    def is_decided(self) -> bool:
        return self.status == ChallengeStatus.DECIDED

    @property
    def is_public(self) -> bool:
        return self.status not in (ChallengeStatus.DRAFT, ChallengeStatus.CANCELLED)

    @property
    def total_weight(self) -> int:
        return sum(c.weight for c in self.criteria)

    def __repr__(self) -> str:
        return f"<Challenge {self.slug} {self.status}>"


class ChallengeTheme(db.Model):
    __tablename__ = "challenge_themes"

    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Criterion(db.Model):
    """An evaluation criterion; frozen once the challenge is published."""

    __tablename__ = "criteria"
    __table_args__ = (
        CheckConstraint("weight BETWEEN 0 AND 100", name="weight_range"),
        CheckConstraint("scale_min < scale_max", name="scale_order"),
        UniqueConstraint("challenge_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    scale_min: Mapped[int] = mapped_column(Integer, default=1)
    scale_max: Mapped[int] = mapped_column(Integer, default=5)
    anchors: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: the default anchors
    # One of rubric.DEFAULT_RUBRIC while the officer keeps the default name: shown in the reader's language.
    key: Mapped[str | None] = mapped_column(String(20))

    challenge: Mapped[Challenge] = relationship(back_populates="criteria")

    @property
    def display_name(self) -> str:
        """The name to show: a default criterion's in the reader's language, a custom one as typed."""
        return rubric.name_of(self.key) if self.key in rubric.DEFAULT_RUBRIC else self.name

    @property
    def description_is_default(self) -> bool:
        return rubric.is_default_description(self.key, self.description)

    @property
    def display_description(self) -> str:
        return rubric.description_of(self.key) if self.description_is_default else self.description

    @property
    def name_language(self) -> str | None:
        """The language of the name as shown: None when it follows the reader, else the challenge's."""
        return None if self.key in rubric.DEFAULT_RUBRIC else self._challenge_language

    @property
    def description_language(self) -> str | None:
        return None if self.description_is_default else self._challenge_language

    @property
    def _challenge_language(self) -> str | None:
        return self.challenge.language if self.challenge is not None else None

    @property
    def anchor_labels(self) -> list[str]:
        """The label of each score from `scale_min` up: typed anchors, or the defaults in the reader's language."""
        if rubric.are_default_anchors(self.anchors):
            return rubric.anchor_labels(self.scale_min, self.scale_max)
        return list(self.anchors)


class Question(db.Model):
    """A startup's question, or an officer's clarification (no asker). Public once answered; the
    public page never shows who asked."""

    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint(
            "is_clarification = false OR asked_by_id IS NULL", name="clarification_has_no_asker"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_clarification: Mapped[bool] = mapped_column(Boolean, default=False)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    challenge: Mapped[Challenge] = relationship(back_populates="questions")
    asked_by: Mapped[User | None] = relationship(foreign_keys=[asked_by_id])


class SavedChallenge(db.Model):
    """A user following a challenge: they get its clarifications and changes by e-mail."""

    __tablename__ = "saved_challenges"
    __table_args__ = (UniqueConstraint("user_id", "challenge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeadlineExtension(db.Model):
    """The one change allowed after publishing: a later submission deadline, with a reason."""

    __tablename__ = "deadline_extensions"
    __table_args__ = (CheckConstraint("new_close_at > old_close_at", name="extends_forward"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    old_close_at: Mapped[datetime] = mapped_column(UTCDateTime)
    new_close_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
