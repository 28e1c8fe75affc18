"""A proposal written before its author has an account: kept server-side until the e-mail link is
followed (the rules of links are those of `matchmaker.invitations`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..challenges.models import Challenge
from ..db_types import UTCDateTime, utcnow
from ..extensions import db
from ..invitations import InvitationState, state


class PendingApplication(db.Model):
    """What an anonymous visitor typed on the apply page: the e-mail address, the startup's name, the
    eligibility values the challenge asks for (`profile`) and the proposal fields (`content`).

    `form_key` is a random value in the apply form, so a double submit or a replayed form updates
    the same row. The e-mail carries a random token whose sha256 is `token_hash`; following it
    (`accepted_at`) turns the row into a real draft proposal (`proposal_id`).
    """

    __tablename__ = "pending_applications"
    __table_args__ = (CheckConstraint("email = lower(email)", name="pending_email_lowercase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    form_key: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    startup_name: Mapped[str] = mapped_column(String(160), default="")
    profile: Mapped[dict] = mapped_column(JSON, default=dict)
    content: Mapped[dict] = mapped_column(JSON, default=dict)
    locale: Mapped[str] = mapped_column(String(5), default="nl")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    mailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id", ondelete="SET NULL"))

    challenge: Mapped[Challenge] = relationship(lazy="joined", innerjoin=True)

    @property
    def link_state(self) -> InvitationState:
        return state(self)

    @property
    def is_pending(self) -> bool:
        return self.link_state == InvitationState.PENDING
