"""Open data: published challenges, their criteria, answered questions and awards, as JSON.

Read-only and public (no account); the same services as the HTML pages. Times are UTC (ISO 8601),
money in euro cents.
"""

from flask import Blueprint, abort, jsonify, request, url_for
from sqlalchemy import select

from ..challenges import services as challenge_services
from ..challenges.browse import browse
from ..challenges.models import Challenge
from ..challenges.questions import published_questions
from ..enums import OrgKind
from ..evaluation.decisions import public_awards
from ..extensions import db, limiter
from ..organisations.models import Organisation
from ..parsing import parse_whole_number
from ..themes import THEMES

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_PER_PAGE = 100


def _when(value):
    return value.isoformat() if value else None


def challenge_summary(challenge: Challenge) -> dict:
    return {
        "id": challenge.id,
        "slug": challenge.slug,
        "url": url_for("challenges.show", ref=challenge.slug, _external=True),
        "title": challenge.title,
        "summary": challenge.summary,
        "language": challenge.language,
        "municipality": {"name": challenge.organisation.name, "slug": challenge.organisation.slug},
        # the lead buyer is "municipality"; the others that own the challenge with it
        "co_owners": [{"name": co.organisation.name, "slug": co.organisation.slug} for co in challenge.co_owners],
        "round": {"name": challenge.round.name, "slug": challenge.round.slug,
                  "url": url_for("rounds.show", slug=challenge.round.slug, _external=True)} if challenge.round else None,
        "status": challenge.current_status.value,
        "themes": challenge.themes,
        "keywords": challenge.keywords,
        "budget_min_cents": challenge.budget_min_cents,
        "budget_max_cents": challenge.budget_max_cents,
        "pilot_weeks": challenge.pilot_weeks,
        "questions_close_at": _when(challenge.questions_close_at),
        "submissions_close_at": _when(challenge.submissions_close_at),
        "published_at": _when(challenge.published_at),
    }


def challenge_detail(challenge: Challenge) -> dict:
    data = challenge_summary(challenge)
    data.update({
        "problem": challenge.problem,
        "desired_outcome": challenge.desired_outcome,
        "affected": challenge.affected,
        "department": challenge.department,
        "languages": challenge.languages,
        "eligibility": {"max_age_years": challenge.max_age_years, "max_fte": challenge.max_fte},
        "criteria": [{"name": c.name, "key": c.key, "description": c.description, "weight": c.weight,
                      "scale": [c.scale_min, c.scale_max]} for c in challenge.criteria],
        "questions": [{"question": q.text, "answer": q.answer, "clarification": q.is_clarification,
                       "published_at": _when(q.answered_at)} for q in published_questions(challenge)],
        "deadline_extensions": [{"from": _when(e.old_close_at), "to": _when(e.new_close_at), "reason": e.reason}
                                for e in challenge.extensions],
        "awards": [{"startup": p.startup.name, "motivation": d.motivation, "released_at": _when(d.released_at)}
                   for p, d in public_awards(challenge)],
        "no_award_reason": challenge.no_award_reason,
    })
    return data


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter (ASCII digits), kept between low and high; a 400 otherwise."""
    raw = request.args.get(name)
    if raw is None:
        return default
    number = parse_whole_number(raw, max_digits=9)
    if number is None:
        abort(400, description=f"'{name}' must be a whole number written with the digits 0-9 "
                               f"(at most 9 of them), from {low} to {high}")
    return min(max(number, low), high)


@bp.get("/challenges")
@limiter.limit("120 per minute")
def challenges():
    theme = request.args.get("theme", "")
    if theme and theme not in THEMES:
        abort(400, description=f"unknown theme; use one of: {', '.join(THEMES)}")
    page = browse(text=request.args.get("q", "").strip()[:200], theme=theme,
                  municipality=request.args.get("municipality", "")[:180], open_now=request.args.get("open") == "1",
                  page=_int_arg("page", 1, 1, 10_000), per_page=_int_arg("per_page", 20, 1, MAX_PER_PAGE))
    return jsonify({"items": [challenge_summary(c) for c in page.items], "page": page.page,
                    "pages": page.pages, "total": page.total})


@bp.get("/challenges/<ref>")
@limiter.limit("120 per minute")
def challenge(ref: str):
    found = challenge_services.find_challenge(ref)
    if found is None or not found.is_public:
        abort(404)
    return jsonify(challenge_detail(found))


@bp.get("/municipalities")
@limiter.limit("120 per minute")
def municipalities():
    rows = db.session.scalars(select(Organisation).where(Organisation.kind == OrgKind.MUNICIPALITY,
                                                         Organisation.verified_at.is_not(None))
                              .order_by(Organisation.name))
    return jsonify({"items": [{"name": o.name, "slug": o.slug, "region": o.region, "website": o.website,
                               "challenges": url_for("api.challenges", municipality=o.slug, _external=True)}
                              for o in rows]})
