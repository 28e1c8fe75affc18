"""The matcher in the app: startups that fit a challenge, challenges for a startup, similar
challenges elsewhere, fit of the proposals received, and the public search. Matching advises; the
panel's scores decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import select

from ..challenges.models import Challenge, ChallengeTheme
from ..challenges.services import PUBLIC_STATUSES, open_condition
from ..enums import OrgKind
from ..extensions import db
from ..organisations.models import Organisation
from ..matching import MatchIndex
from .live import LiveIndex
from .records import challenge_record, proposal_record, startup_record

EXTENSION_KEY = "matching"
SEARCH_WAIT = 0.2   # public search falls back to plain SQL while the index is still being built
PAGE_WAIT = 30.0    # officer and startup pages wait for the first build


@dataclass
class Match:
    item: Any  # an Organisation, Challenge or Proposal
    score: float
    why: list[dict]


def _startup_rows(since: datetime | None):
    query = select(Organisation).where(Organisation.kind == OrgKind.STARTUP)
    if since is not None:
        query = query.where(Organisation.updated_at >= since)
    for org in db.session.scalars(query.execution_options(yield_per=2000)):
        yield org.id, org.updated_at, startup_record(org)


def _challenge_rows(since: datetime | None):
    query = select(Challenge)
    if since is not None:
        query = query.where(Challenge.updated_at >= since)
    challenges = list(db.session.scalars(query))
    themes: dict[int, list[str]] = {}
    if challenges:
        ids = [c.id for c in challenges]
        for start in range(0, len(ids), 5000):
            for link in db.session.scalars(select(ChallengeTheme).where(ChallengeTheme.challenge_id.in_(ids[start:start + 5000]))):
                themes.setdefault(link.challenge_id, []).append(link.theme)
    for challenge in challenges:
        indexed = challenge.status in PUBLIC_STATUSES
        yield challenge.id, challenge.updated_at, challenge_record(challenge, themes.get(challenge.id, [])) if indexed else None


def _live(name: str) -> LiveIndex:
    app = current_app._get_current_object()
    holders = app.extensions.setdefault(EXTENSION_KEY, {})
    if name not in holders:
        holders[name] = LiveIndex(name, _startup_rows if name == "startups" else _challenge_rows)
    return holders[name]


def reset() -> None:
    """Forget the indexes of this app (tests empty the database between tests)."""
    current_app.extensions.pop(EXTENSION_KEY, None)


def _rank(name: str, query, *, top: int, only=None, exclude=None, wait: float = PAGE_WAIT):
    app = current_app._get_current_object()
    background = app.config.get("MATCH_INDEX_BACKGROUND", True)
    return _live(name).rank(app, query, top=top, only=only, exclude=exclude, background=background, wait=wait)


def warm_up() -> None:
    """Start building both indexes in the background (called once per process, after start-up)."""
    app = current_app._get_current_object()
    for name in ("startups", "challenges"):
        _live(name).start(app, background=True)


def _load(model, results) -> list[Match]:
    if not results:
        return []
    ids = [int(r.id) for r in results]
    rows = {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))}
    return [Match(rows[int(r.id)], r.score, r.why) for r in results if int(r.id) in rows]


def startups_for_challenge(challenge: Challenge, limit: int = 50) -> list[Match]:
    results = _rank("startups", challenge_record(challenge), top=limit)
    return _load(Organisation, results or [])


def strong_matches(matches: list[Match], share: float = 0.4, limit: int = 50) -> list[Match]:
    """The head of a ranking: scores of at least `share` of the best one (the tail stays one click away)."""
    if not matches:
        return []
    floor = matches[0].score * share
    return [m for m in matches if m.score >= floor][:limit]


def challenges_for_startup(startup: Organisation, limit: int = 5) -> list[Match]:
    open_ids = [str(i) for i in db.session.scalars(select(Challenge.id).where(open_condition()))]
    if not open_ids:
        return []
    results = _rank("challenges", startup_record(startup), top=limit, only=open_ids)
    return _load(Challenge, results or [])


def similar_challenges(challenge: Challenge, limit: int = 6) -> list[Match]:
    """Current and past public challenges of other municipalities, to learn from or co-own."""
    others = [str(i) for i in db.session.scalars(
        select(Challenge.id).where(Challenge.status.in_(PUBLIC_STATUSES),
                                   Challenge.organisation_id != challenge.organisation_id))]
    if not others:
        return []
    results = _rank("challenges", challenge_record(challenge), top=limit, only=others)
    return _load(Challenge, results or [])


def search_challenge_ids(text: str, candidate_ids: list[int]) -> list[int] | None:
    """Candidate ids ordered by relevance to `text` (typos forgiven); None while the index is building."""
    if not candidate_ids:
        return []
    results = _rank("challenges", {"title": text, "text": "", "tags": []}, top=len(candidate_ids),
                    only=[str(i) for i in candidate_ids], wait=SEARCH_WAIT)
    if results is None:
        return None
    return [int(r.id) for r in results]


def proposal_fit_scores(challenge: Challenge) -> dict[int, float]:
    """How well each submitted proposal fits the challenge (0-100), from a small index built on the spot."""
    from ..proposals.permissions import VISIBLE_AFTER_CLOSING
    from ..proposals.models import Proposal
    from ..proposals.services import version_that_counts

    proposals = db.session.scalars(select(Proposal).where(Proposal.challenge_id == challenge.id,
                                                          Proposal.status.in_(VISIBLE_AFTER_CLOSING))).all()
    records = [proposal_record(p, v) for p in proposals if (v := version_that_counts(p)) is not None]
    if not records:
        return {}
    index = MatchIndex.build(records)
    return {int(r.id): round(r.score, 1) for r in index.rank(challenge_record(challenge), top=len(records),
                                                              explain=False)}
