from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import ConflictKind, DecisionOutcome, DecisionStatus, Discipline, Recommendation, ReviewStatus
from ..extensions import db
from ..invitations import InvitationState, default_expiry, state

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..challenges.models import Challenge, Criterion
    from ..proposals.models import Proposal


class PanelSeat(db.Model):
    """A place on a challenge's evaluation panel: invited by e-mail, taken by a user on accepting."""

    __tablename__ = "panel_seats"
    __table_args__ = (
        UniqueConstraint("challenge_id", "email"),
        UniqueConstraint("challenge_id", "user_id"),
        CheckConstraint("accepted_at IS NULL OR user_id IS NOT NULL", name="accepted_has_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    discipline: Mapped[Discipline] = mapped_column(enum_type(Discipline, "discipline"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Until when the invitation can be accepted (see matchmaker.invitations); set on every (re)invitation.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, default=default_expiry)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    challenge: Mapped[Challenge] = relationship()
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])

    @property
    def is_active(self) -> bool:
        return self.accepted_at is not None and self.revoked_at is None

    @property
    def invitation_state(self) -> InvitationState:
        return state(self)


class ConflictDeclaration(db.Model):
    """An evaluator's statement about one proposal: a conflict (typed, with a note) or none."""

    __tablename__ = "conflict_declarations"
    __table_args__ = (
        UniqueConstraint("seat_id", "proposal_id"),
        CheckConstraint("has_conflict = (kind IS NOT NULL)", name="conflict_has_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("panel_seats.id", ondelete="CASCADE"), index=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    has_conflict: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[ConflictKind | None] = mapped_column(enum_type(ConflictKind, "conflict_kind"))
    note: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    seat: Mapped[PanelSeat] = relationship()
    proposal: Mapped[Proposal] = relationship()


class Review(db.Model):
    """One evaluator's assessment of one proposal."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("proposal_id", "seat_id"),
        CheckConstraint("(status = 'submitted') = (submitted_at IS NOT NULL)", name="submitted_has_timestamp"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("panel_seats.id", ondelete="CASCADE"), index=True)
    status: Mapped[ReviewStatus] = mapped_column(enum_type(ReviewStatus, "review_status"), default=ReviewStatus.DRAFT)
    recommendation: Mapped[Recommendation | None] = mapped_column(enum_type(Recommendation, "recommendation"))
    feedback: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    seat: Mapped[PanelSeat] = relationship(lazy="joined", innerjoin=True)
    proposal: Mapped[Proposal] = relationship()
    scores: Mapped[list[ReviewScore]] = relationship(back_populates="review", cascade="all, delete-orphan",
                                                     lazy="selectin")

    @property
    def is_submitted(self) -> bool:
        return self.status == ReviewStatus.SUBMITTED

    def score_for(self, criterion_id: int) -> ReviewScore | None:
        return next((s for s in self.scores if s.criterion_id == criterion_id), None)


class ReviewScore(db.Model):
    __tablename__ = "review_scores"
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id", ondelete="CASCADE"), index=True)
    value: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[Review] = relationship(back_populates="scores")
    criterion: Mapped[Criterion] = relationship()


class Decision(db.Model):
    """An outcome for a proposal, prepared by an officer and released with all others of the challenge."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint("length(motivation) > 0", name="has_motivation"),
        CheckConstraint("outcome = 'shortlisted' OR pitch_at IS NULL", name="pitch_only_for_shortlist"),
        CheckConstraint("released_at IS NULL OR withdrawn_at IS NULL", name="released_or_withdrawn"),
        CheckConstraint("(status = 'released') = (released_at IS NOT NULL)", name="released_has_timestamp"),
        CheckConstraint("(status = 'withdrawn') = (withdrawn_at IS NOT NULL)", name="withdrawn_has_timestamp"),
        # At most one prepared (pending) decision per proposal, whatever two officers do at once.
        Index("uq_decisions_one_prepared", "proposal_id", unique=True,
              sqlite_where=text("status = 'prepared'"), postgresql_where=text("status = 'prepared'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[DecisionOutcome] = mapped_column(enum_type(DecisionOutcome, "decision_outcome"))
    status: Mapped[DecisionStatus] = mapped_column(enum_type(DecisionStatus, "decision_status"),
                                                   default=DecisionStatus.PREPARED, server_default="prepared")
    motivation: Mapped[str] = mapped_column(Text)
    pitch_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pitch_note: Mapped[str] = mapped_column(Text, default="")
    prepared_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    prepared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # taken back before release; kept

    proposal: Mapped[Proposal] = relationship(backref=backref("decisions", order_by="Decision.prepared_at"))
