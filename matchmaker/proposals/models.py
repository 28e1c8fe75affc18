from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import ProposalStatus
from ..extensions import db

if TYPE_CHECKING:
    from ..challenges.models import Challenge
    from ..organisations.models import Organisation

# The fields of the light proposal form, shared by the working copy and every submitted version.
CONTENT_FIELDS = (
    "summary", "understanding", "solution", "team", "price_cents", "price_justification", "duration_weeks",
    "language", "attachment_key", "attachment_name", "attachment_size",
)


class ProposalContent:
    """Columns of the proposal form (mixed into the working copy and into each version)."""

    summary: Mapped[str] = mapped_column(String(500), default="")
    understanding: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(Text, default="")
    price_cents: Mapped[int | None] = mapped_column(BigInteger)
    price_justification: Mapped[str] = mapped_column(Text, default="")
    duration_weeks: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(5), default="nl")
    attachment_key: Mapped[str | None] = mapped_column(String(64))  # generated file name on disk
    attachment_name: Mapped[str | None] = mapped_column(String(255))  # the name the startup gave it
    attachment_size: Mapped[int | None] = mapped_column(Integer)

    def content(self) -> dict:
        return {field: getattr(self, field) for field in CONTENT_FIELDS}


class Proposal(ProposalContent, db.Model):
    """One startup's answer to one challenge: the working copy plus its submitted versions.

    `lock_version` makes concurrent updates fail instead of overwriting each other (optimistic
    locking); the form carries it, so a replayed or stale form is recognised.
    """

    __tablename__ = "proposals"
    __table_args__ = (
        UniqueConstraint("challenge_id", "startup_id"),
        CheckConstraint("price_cents IS NULL OR price_cents >= 0", name="price_positive"),
        CheckConstraint("duration_weeks IS NULL OR duration_weeks BETWEEN 1 AND 104", name="duration_range"),
        CheckConstraint("status = 'draft' OR reference IS NOT NULL", name="submitted_has_reference"),
        CheckConstraint("(status = 'withdrawn') = (withdrawn_at IS NOT NULL)", name="withdrawn_has_timestamp"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id"), index=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    status: Mapped[ProposalStatus] = mapped_column(
        enum_type(ProposalStatus, "proposal_status"), default=ProposalStatus.DRAFT, index=True
    )
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    submitted_version: Mapped[int] = mapped_column(Integer, default=0)  # the number of the version that counts
    first_submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    lock_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": lock_version}

    challenge: Mapped[Challenge] = relationship(lazy="joined", innerjoin=True)
    startup: Mapped[Organisation] = relationship(lazy="joined", innerjoin=True)
    versions: Mapped[list[ProposalVersion]] = relationship(
        back_populates="proposal", order_by="ProposalVersion.number", cascade="all, delete-orphan"
    )

    @property
    def is_draft(self) -> bool:
        return self.status == ProposalStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Submitted and waiting: not withdrawn, not yet decided."""
        return self.status == ProposalStatus.SUBMITTED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == ProposalStatus.WITHDRAWN

    @property
    def is_shortlisted(self) -> bool:
        return self.status == ProposalStatus.SHORTLISTED

    @property
    def is_awarded(self) -> bool:
        return self.status == ProposalStatus.AWARDED

    @property
    def latest_version(self) -> ProposalVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def has_unsubmitted_changes(self) -> bool:
        latest = self.latest_version
        return latest is not None and latest.content() != self.content()

    def __repr__(self) -> str:
        return f"<Proposal {self.id} {self.status}>"


class ProposalVersion(ProposalContent, db.Model):
    """What was sent at one submit: the numbered receipt. Never changed afterwards."""

    __tablename__ = "proposal_versions"
    __table_args__ = (UniqueConstraint("proposal_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    proposal: Mapped[Proposal] = relationship(back_populates="versions")
