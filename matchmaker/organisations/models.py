from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false

from ..db_types import UTCDateTime, enum_type, utcnow
from ..enums import MemberRole, OrgKind
from ..extensions import db
from ..invitations import InvitationState, state

if TYPE_CHECKING:
    from ..accounts.models import User


class Organisation(db.Model):
    """A municipality or a startup; startup-only fields stay empty for municipalities."""

    __tablename__ = "organisations"
    __table_args__ = (
        CheckConstraint("kvk_number IS NULL OR length(kvk_number) = 8", name="kvk_length"),
        CheckConstraint("size_fte IS NULL OR size_fte >= 0", name="size_fte_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrgKind] = mapped_column(enum_type(OrgKind, "org_kind"))
    name: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(180), unique=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    website: Mapped[str | None] = mapped_column(String(255))
    region: Mapped[str | None] = mapped_column(String(120))
    kvk_number: Mapped[str | None] = mapped_column(String(8))
    size_fte: Mapped[Decimal | None] = mapped_column(Numeric(6, 1))  # FTE: 2.5
    founded_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    # The team, written once and offered on every new proposal (taken from the first one when empty).
    team_description: Mapped[str] = mapped_column(Text, default="", server_default="")
    capabilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    sectors: Mapped[list[str]] = mapped_column(JSON, default=list)
    # a municipality may show its KPI dashboard to the public
    kpis_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, index=True)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrgKind.MUNICIPALITY

    @property
    def is_startup(self) -> bool:
        return self.kind == OrgKind.STARTUP

    def __repr__(self) -> str:
        return f"<Organisation {self.slug}>"


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[MemberRole] = mapped_column(enum_type(MemberRole, "member_role"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships", lazy="joined")


class Invitation(db.Model):
    """An owner's invitation to join an organisation (rules in matchmaker.invitations)."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[MemberRole] = mapped_column(enum_type(MemberRole, "invitation_role"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship()

    @property
    def invitation_state(self) -> InvitationState:
        return state(self)
