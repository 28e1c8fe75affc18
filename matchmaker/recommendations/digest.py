"""The opt-in e-mail digest: new open challenges that fit the reader's startup, at most once a day."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select

from ..accounts.models import User
from ..challenges.models import Challenge
from ..db_types import utcnow
from ..enums import OrgKind
from ..extensions import db
from ..mail.services import mail_user
from ..organisations.permissions import organisations_of
from .services import challenges_for_startup, index_ready

MIN_SCORE = 20.0  # on the startup's profile against the challenge, which picks the candidates (see
# `challenges_for_startup`); the e-mail shows the fit, the same number as on the pages
INTERVAL = timedelta(days=1)


def send_digests(*, now: datetime | None = None) -> int:
    """Send each opted-in user the new fitting challenges since their last digest. Returns mails sent."""
    now = now or utcnow()
    if not index_ready("challenges"):
        return 0  # the matcher is still building its index: the next run sends them
    users = db.session.scalars(select(User).where(
        User.match_digest.is_(True), User.active,
        or_(User.digest_sent_at.is_(None), User.digest_sent_at <= now - INTERVAL)))
    sent = 0
    for user in users:
        since = user.digest_sent_at or now - timedelta(days=7)
        matches = []
        for startup in organisations_of(user, OrgKind.STARTUP):
            for match in challenges_for_startup(startup, limit=10):
                if match.picked_by >= MIN_SCORE and match.item.published_at and match.item.published_at > since:
                    matches.append((startup, match))
        user.digest_sent_at = now
        if matches:
            mail_user(user, "match_digest", matches=matches[:10])
            sent += 1
    db.session.flush()
    return sent


def new_since(challenge: Challenge, moment: datetime) -> bool:
    return challenge.published_at is not None and challenge.published_at > moment
