"""Demo data: municipalities, officers, evaluators, startups and challenges in every state.

Loaded once by `flask load-demo` (and `make run`). Everyone shares one demo password, printed with
the logins; the data lives in `demo_data.py`.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from .accounts.services import create_user, find_user_by_email
from .challenges.models import Challenge, ChallengeTheme, Criterion, Question
from .challenges.services import default_anchors, default_criteria
from .database import commit
from .db_types import utcnow
from .enums import ChallengeStatus, MemberRole, OrgKind
from .extensions import db
from .organisations.models import Membership, Organisation
from .slugs import unique_slug

DEMO_PASSWORD = "demo-wachtwoord-2026"
ADMIN_EMAIL = "beheer@matchmaker.demo"


def _user(email: str, name: str, locale: str = "nl", is_admin: bool = False):
    existing = find_user_by_email(email)
    if existing is not None:
        return existing
    return create_user(email=email, name=name, password=DEMO_PASSWORD, locale=locale, is_admin=is_admin)


def _organisation(kind: OrgKind, data: dict, verified: bool) -> Organisation:
    organisation = Organisation(
        kind=kind,
        name=data["name"],
        slug=unique_slug(Organisation, data.get("key") or data["name"]),
        region=data.get("region"),
        website=data.get("website"),
        description=data.get("description", ""),
        capabilities=list(data.get("capabilities", [])),
        sectors=list(data.get("sectors", [])),
        size_fte=data.get("size_fte"),
        founded_year=data.get("founded_year"),
        kvk_number=data.get("kvk_number"),
        verified_at=utcnow() if verified else None,
    )
    db.session.add(organisation)
    db.session.flush()
    return organisation


def _challenge(data: dict, organisation: Organisation, officer) -> Challenge:
    now = utcnow()
    state = data["state"]
    days = data.get("days_to_deadline", 21)
    close_at = (now + timedelta(days=days)).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if state == "closing_soon":
        close_at = now + timedelta(days=min(days, 1), hours=7)
    questions_at = close_at - timedelta(days=min(7, max(abs(days) // 2, 1)))
    if state in ("open", "closing_soon") and questions_at < now:
        questions_at = close_at
    status = {
        "draft": ChallengeStatus.DRAFT,
        "cancelled": ChallengeStatus.CANCELLED,
    }.get(state, ChallengeStatus.PUBLISHED)
    locale = data.get("language", "nl")
    challenge = Challenge(
        organisation=organisation,
        created_by_id=officer.id,
        title=data["title"],
        slug=unique_slug(Challenge, data.get("key") or data["title"]),
        summary=data["summary"][:500],
        problem=data["problem"],
        desired_outcome=data["desired_outcome"],
        affected=data.get("affected", ""),
        department=data.get("department", ""),
        keywords=list(data.get("keywords", [])),
        budget_min_cents=data["budget_min_eur"] * 100,
        budget_max_cents=data["budget_max_eur"] * 100,
        pilot_weeks=data.get("pilot_weeks", 16),
        max_age_years=data.get("max_age_years"),
        max_fte=data.get("max_fte"),
        languages=list(data.get("languages", ["nl", "en"])),
        questions_close_at=questions_at,
        submissions_close_at=close_at,
        status=status,
        published_at=None if status == ChallengeStatus.DRAFT else now - timedelta(days=max(10, abs(days) + 10)),
        cancelled_at=now - timedelta(days=2) if status == ChallengeStatus.CANCELLED else None,
        cancel_reason=data.get("cancel_reason") if status == ChallengeStatus.CANCELLED else None,
    )
    if status == ChallengeStatus.CANCELLED and not challenge.cancel_reason:
        challenge.cancel_reason = "Het budget is in de begroting anders bestemd."
    if state == "closed":
        challenge.status = ChallengeStatus.CLOSED
        challenge.closed_at = close_at
    challenge.theme_links = [ChallengeTheme(theme=t) for t in dict.fromkeys(data.get("themes", []))]
    for position, row in enumerate(default_criteria(locale)):
        challenge.criteria.append(Criterion(position=position, anchors=default_anchors(locale), **row))
    db.session.add(challenge)
    db.session.flush()
    return challenge


def load_demo_data(force: bool = False) -> bool:
    """Load the demo once. Returns False when organisations already exist (and `force` is off)."""
    from . import demo_data as data

    if not force and db.session.scalar(select(func.count(Organisation.id))):
        return False
    _user(ADMIN_EMAIL, "Beheerder Matchmaker", is_admin=True)
    municipalities, officers = {}, {}
    for row in data.MUNICIPALITIES:
        municipalities[row["key"]] = _organisation(OrgKind.MUNICIPALITY, row, row.get("verified", True))
    for row in data.OFFICERS:
        user = _user(row["email"], row["name"], row.get("locale", "nl"))
        db.session.add(Membership(user=user, organisation=municipalities[row["municipality"]],
                                  role=MemberRole(row.get("role", "member"))))
        officers.setdefault(row["municipality"], user)
    for row in data.EVALUATORS:
        _user(row["email"], row["name"], row.get("locale", "nl"))
    startup_owners = []
    for row in data.STARTUPS:
        startup = _organisation(OrgKind.STARTUP, row, True)
        owner = _user(row["owner"]["email"], row["owner"]["name"], row["owner"].get("locale", "nl"))
        db.session.add(Membership(user=owner, organisation=startup, role=MemberRole.OWNER))
        startup_owners.append((owner, startup))
    db.session.flush()
    for index, row in enumerate(data.CHALLENGES):
        organisation = municipalities[row["municipality"]]
        challenge = _challenge(row, organisation, officers[row["municipality"]])
        for q_index, qa in enumerate(row.get("questions", [])):
            asker, startup = startup_owners[(index + q_index) % len(startup_owners)]
            answered = qa.get("answer")
            db.session.add(Question(
                challenge_id=challenge.id, asked_by_id=asker.id, organisation_id=startup.id, text=qa["text"],
                answer=answered, answered_by_id=officers[row["municipality"]].id if answered else None,
                answered_at=utcnow() - timedelta(days=1) if answered else None, published=bool(answered),
            ))
        for text in row.get("clarifications", []):
            db.session.add(Question(challenge_id=challenge.id, text=text, is_clarification=True, published=True,
                                    answered_by_id=officers[row["municipality"]].id,
                                    answered_at=utcnow() - timedelta(days=2)))
    db.session.flush()
    commit()
    return True


def print_logins(echo) -> None:
    from . import demo_data as data

    echo("")
    echo("Demo logins (password for all: %s)" % DEMO_PASSWORD)
    echo(f"  administrator : {ADMIN_EMAIL}")
    for row in data.OFFICERS:
        echo(f"  officer       : {row['email']:<34} ({row['municipality']}, {row.get('role', 'member')})")
    for row in data.STARTUPS[:4]:
        echo(f"  startup       : {row['owner']['email']:<34} ({row['name']})")
    echo(f"  ... and {len(data.STARTUPS) - 4} more startups: founder@<startup>.demo")
    for row in data.EVALUATORS:
        echo(f"  evaluator     : {row['email']:<34} ({row.get('discipline', '')})")
    echo("")
