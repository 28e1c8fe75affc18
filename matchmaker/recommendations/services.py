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
from ..db_types import utcnow
from ..enums import OrgKind
from ..extensions import db
from ..matching import MatchIndex
from ..organisations.models import Organisation
from .live import INDEX_PARAMS, LiveIndex
from .records import challenge_record, proposal_record, startup_record

EXTENSION_KEY = "matching"
SEARCH_WAIT = 0.2   # public search falls back to plain SQL while the index is still being built
PAGE_WAIT = 30.0    # officer and startup pages wait for the first build


@dataclass
class Match:
    item: Any  # an Organisation, Challenge or Proposal
    score: float
    why: list[dict]
    picked_by: float | None = None  # "challenges for you": the profile's score that made it a candidate


def _startup_stamps(since: datetime | None):
    query = select(Organisation.id, Organisation.updated_at).where(Organisation.kind == OrgKind.STARTUP)
    if since is not None:
        query = query.where(Organisation.updated_at >= since)
    return db.session.execute(query.execution_options(yield_per=5000))


def _startup_records(ids: list[int] | None):
    query = select(Organisation.id, Organisation.name, Organisation.description, Organisation.region,
                   Organisation.capabilities, Organisation.sectors).where(Organisation.kind == OrgKind.STARTUP)
    for chunk in _chunks(ids):
        rows = db.session.execute(query if chunk is None else query.where(Organisation.id.in_(chunk)))
        for row in rows.yield_per(5000):
            yield row.id, startup_record(row)


def _challenge_stamps(since: datetime | None):
    query = select(Challenge.id, Challenge.updated_at)
    if since is not None:
        query = query.where(Challenge.updated_at >= since)
    return db.session.execute(query.execution_options(yield_per=5000))


def _challenge_records(ids: list[int] | None):
    columns = select(Challenge.id, Challenge.title, Challenge.summary, Challenge.problem, Challenge.desired_outcome,
                     Challenge.affected, Challenge.department, Challenge.keywords, Challenge.status)
    for chunk in _chunks(ids):
        query = columns if chunk is None else columns.where(Challenge.id.in_(chunk))
        rows = db.session.execute(query).all()
        themes: dict[int, list[str]] = {}
        theme_query = select(ChallengeTheme.challenge_id, ChallengeTheme.theme)
        if chunk is not None:
            theme_query = theme_query.where(ChallengeTheme.challenge_id.in_(chunk))
        for challenge_id, theme in db.session.execute(theme_query):
            themes.setdefault(challenge_id, []).append(theme)
        for row in rows:
            indexed = row.status in PUBLIC_STATUSES
            yield row.id, challenge_record(row, themes.get(row.id, [])) if indexed else None
        # rows whose id was asked for but no longer exists are removed from the index
        if chunk is not None:
            for missing in set(chunk) - {row.id for row in rows}:
                yield missing, None


def _chunks(ids: list[int] | None, size: int = 2000):
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def loaders(name: str):
    """The (stamps, records) functions of an index: startups, challenges, or lessons (published
    lessons and pilots, see `lessons.search`)."""
    if name == "lessons":
        from ..lessons.search import lesson_records, lesson_stamps

        return lesson_stamps, lesson_records
    return (_startup_stamps, _startup_records) if name == "startups" else (_challenge_stamps, _challenge_records)


def _live(name: str) -> LiveIndex:
    app = current_app._get_current_object()
    holders = app.extensions.setdefault(EXTENSION_KEY, {})
    if name not in holders:
        holders[name] = LiveIndex(name, *loaders(name))
    return holders[name]


def reset() -> None:
    """Forget the indexes of this app (tests empty the database between tests)."""
    current_app.extensions.pop(EXTENSION_KEY, None)


def _rank(name: str, query, *, top: int, only=None, exclude=None, wait: float = PAGE_WAIT, fresh: bool = False):
    app = current_app._get_current_object()
    background = app.config.get("MATCH_INDEX_BACKGROUND", True)
    return _live(name).rank(app, query, top=top, only=only, exclude=exclude, background=background, wait=wait,
                            fresh=fresh)


def rank_lessons(query, *, top: int, only=None, exclude=None, wait: float = PAGE_WAIT):
    """The lessons index ranked for `query` (ids "pilot:<id>" and "lesson:<id>"), always in step with
    the database: an unpublished lesson is never found. None while the index is being built."""
    return _rank("lessons", query, top=top, only=only, exclude=exclude, wait=wait, fresh=True)


def index_ready(name: str, wait: float = PAGE_WAIT) -> bool:
    """Whether the index can answer (building it if needed, waiting at most `wait` seconds)."""
    app = current_app._get_current_object()
    background = app.config.get("MATCH_INDEX_BACKGROUND", True)
    return _live(name).get(app, background=background, wait=wait) is not None


def warm_up() -> None:
    """Start building both indexes in the background (called once per process, after start-up)."""
    app = current_app._get_current_object()
    for name in ("startups", "challenges", "lessons"):
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


def shown_score(score: float) -> int:
    """A fit as the pages show it: a whole number, rounded as `fit_score` in _why.html rounds it."""
    return int("%.0f" % score)  # noqa: UP031 (the template's own format, so both round alike)


def fit(challenge: Challenge, startup: Organisation) -> Match | None:
    """THE fit of a startup and a challenge, wherever it is shown: the challenge (as the query)
    scored against the startup's profile, as "Startups that fit" ranks it, with its explanation
    (query words are the challenge's, matched words the profile's). None: no word meets.

    A record's score does not depend on the other records, so ranking only this one gives the
    number the officer sees in the full list."""
    results = _rank("startups", challenge_record(challenge), top=1, only=[str(startup.id)])
    return Match(startup, results[0].score, results[0].why) if results else None


def fit_of_startup(challenge: Challenge, startup: Organisation) -> int | None:
    """The fit of one startup with a challenge as the pages show it (None: no fit)."""
    match = fit(challenge, startup)
    return shown_score(match.score) if match is not None else None


def strong_matches(matches: list[Match], share: float = 0.4, limit: int = 50) -> list[Match]:
    """The head of a ranking: scores of at least `share` of the best one (the tail stays one click away)."""
    if not matches:
        return []
    floor = matches[0].score * share
    return [m for m in matches if m.score >= floor][:limit]


CANDIDATES_PER_RESULT = 3  # "challenges for you" re-scores this many candidates per place shown


def answered_challenge_ids(startup: Organisation):
    """The challenges a startup has already answered, as a subquery: any proposal of its own (draft,
    submitted, withdrawn, decided) and any draft written through the light way in that still waits
    for its e-mail link, when the address is a member's (following the link makes it the startup's)."""
    from ..accounts.models import User
    from ..organisations.models import Membership
    from ..proposals.models import Proposal
    from ..proposals.pending_models import PendingApplication

    members = select(User.email).join(Membership, Membership.user_id == User.id).where(
        Membership.organisation_id == startup.id)
    pending = select(PendingApplication.challenge_id).where(
        PendingApplication.email.in_(members), PendingApplication.accepted_at.is_(None),
        PendingApplication.revoked_at.is_(None), PendingApplication.expires_at > utcnow())
    return select(Proposal.challenge_id).where(Proposal.startup_id == startup.id).union(pending)


def challenges_for_startup(startup: Organisation, limit: int = 5) -> list[Match]:
    """Open challenges that fit the startup, leaving out those it already answered (see
    `answered_challenge_ids`: those are on its list of applications) and closed ones.

    The startup's profile only picks the candidates; each is then shown and ordered by `fit`, the
    same number (and explanation) the officer sees for the pair on "Startups that fit"."""
    open_ids = [str(i) for i in db.session.scalars(
        select(Challenge.id).where(open_condition(), Challenge.id.not_in(answered_challenge_ids(startup))))]
    if not open_ids:
        return []
    candidates = _load(Challenge, _rank("challenges", startup_record(startup), top=limit * CANDIDATES_PER_RESULT,
                                        only=open_ids) or [])
    scored = []
    for place, candidate in enumerate(candidates):
        pair = fit(candidate.item, startup)
        if pair is not None:
            scored.append((-pair.score, place, Match(candidate.item, pair.score, pair.why, picked_by=candidate.score)))
    return [match for *_order, match in sorted(scored, key=lambda entry: entry[:2])][:limit]


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
    from ..proposals.models import Proposal
    from ..proposals.permissions import VISIBLE_AFTER_CLOSING
    from ..proposals.services import version_that_counts

    proposals = db.session.scalars(select(Proposal).where(Proposal.challenge_id == challenge.id,
                                                          Proposal.status.in_(VISIBLE_AFTER_CLOSING))).all()
    records = [proposal_record(p, v) for p in proposals if (v := version_that_counts(p)) is not None]
    if not records:
        return {}
    index = MatchIndex.build(records, **INDEX_PARAMS)
    return {int(r.id): round(r.score, 1) for r in index.rank(challenge_record(challenge), top=len(records),
                                                              explain=False)}
