"""Demo data: municipalities, officers, evaluators, startups and challenges in every state.

Loaded once by `flask load-demo` (and `make run`). Everyone shares one demo password, printed with
the logins; the data lives in `demo_data.py`.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from .accounts.services import create_user, find_user_by_email
from .challenges.models import Challenge, ChallengeTheme, Criterion, Question
from .challenges.services import default_criteria
from .database import commit
from .db_types import utcnow
from .enums import ChallengeStatus, MemberRole, OrgKind, ProposalStatus
from .extensions import db
from .organisations.models import Membership, Organisation
from .proposals.models import Proposal, ProposalVersion
from .slugs import unique_slug

DEMO_PASSWORD = "demo-wachtwoord-2026"
# Panels: which demo evaluators sit on which closed challenge, and whether they already scored.
DEMO_PANELS = {
    "hittestress-versteende-wijken": [("beleid@panel.demo", True), ("informatievoorziening@panel.demo", True),
                                      ("uitvoering@panel.demo", False)],
    "rainwater-private-gardens": [("inkoop@panel.demo", False), ("extern@panel.demo", False),
                                  ("bewoner@panel.demo", False)],
    "laadpalen-eerlijk-verdelen": [("beleid@panel.demo", False), ("informatievoorziening@panel.demo", False),
                                   ("uitvoering@panel.demo", False)],
}
# Which startups answered which challenge in the demo, and how far they got.
DEMO_PROPOSALS = {
    "hittestress-versteende-wijken": [("groenblauw-ontwerp", "submitted"), ("sponge-city-labs", "submitted"),
                                      ("regenwinst", "submitted"), ("streetlens", "withdrawn")],
    "laadpalen-eerlijk-verdelen": [("parkeerlicht", "submitted"), ("kerbside-labs", "submitted")],
    "rainwater-private-gardens": [("regenwinst", "submitted"), ("sponge-city-labs", "submitted"),
                                  ("groenblauw-ontwerp", "submitted")],
    "slimmere-afvalinzameling-binnenstad": [("stille-vracht", "submitted"), ("streetlens", "draft")],
    "parkeerdruk-woonwijken": [("parkeerlicht", "submitted")],
}
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
        language=locale,
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
        challenge.criteria.append(Criterion(position=position, **row))  # default anchors: stored empty
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
    _demo_proposals(startup_owners)
    _demo_panels({row["email"]: row.get("discipline", "external") for row in data.EVALUATORS})
    commit()
    return True


def _demo_panels(disciplines: dict[str, str]) -> None:
    """Seat the demo evaluators; on one challenge two of them have already scored every proposal."""
    import hashlib

    from .enums import Discipline, Recommendation, ReviewStatus
    from .evaluation.models import ConflictDeclaration, PanelSeat, Review, ReviewScore

    for challenge_slug, members in DEMO_PANELS.items():
        challenge = db.session.scalar(select(Challenge).where(Challenge.slug == challenge_slug))
        if challenge is None:
            continue
        proposals = db.session.scalars(select(Proposal).where(Proposal.challenge_id == challenge.id,
                                                              Proposal.status == ProposalStatus.SUBMITTED)).all()
        for position, (email, scored) in enumerate(members):
            user = find_user_by_email(email)
            if user is None:
                continue
            seat = PanelSeat(challenge_id=challenge.id, email=email, user_id=user.id,
                             discipline=Discipline(disciplines.get(email, "external")), accepted_at=utcnow(),
                             token_hash=hashlib.sha256(f"demo-{challenge.id}-{email}".encode()).hexdigest())
            db.session.add(seat)
            db.session.flush()
            if not scored:
                continue
            challenge.status = ChallengeStatus.EVALUATING
            for rank, proposal in enumerate(proposals):
                db.session.add(ConflictDeclaration(seat_id=seat.id, proposal_id=proposal.id, has_conflict=False))
                value = max(1, min(5, 4 - rank + (position % 2)))
                review = Review(proposal_id=proposal.id, seat_id=seat.id, status=ReviewStatus.SUBMITTED,
                                submitted_at=utcnow(), recommendation=Recommendation.SHORTLIST if value >= 4
                                else Recommendation.MAYBE if value == 3 else Recommendation.NO,
                                feedback="Helder voorstel; maak de meetopzet concreter." if value >= 3
                                else "Sluit nog onvoldoende aan op de vraag van de wijk.")
                db.session.add(review)
                db.session.flush()
                for criterion in challenge.criteria:
                    db.session.add(ReviewScore(review_id=review.id, criterion_id=criterion.id, value=value,
                                               comment="Zie de toelichting in de feedback." if value in (1, 5) else ""))
    db.session.flush()


def _demo_proposals(startup_owners) -> None:
    """A few proposals, so that officers see sealed counts and closed challenges have something to read."""
    by_slug = {startup.slug: (owner, startup) for owner, startup in startup_owners}
    for challenge_slug, answers in DEMO_PROPOSALS.items():
        challenge = db.session.scalar(select(Challenge).where(Challenge.slug == challenge_slug))
        if challenge is None:
            continue
        for startup_slug, state in answers:
            if startup_slug not in by_slug:
                continue
            owner, startup = by_slug[startup_slug]
            _demo_proposal(challenge, startup, owner, state)


def _demo_proposal(challenge: Challenge, startup: Organisation, owner, state: str) -> None:
    dutch = "nl" in challenge.languages and challenge.languages[0] == "nl"
    low, high = challenge.budget_min_cents or 0, challenge.budget_max_cents or 0
    first_sentence = startup.description.split(". ")[0].strip().rstrip(".") + "."
    capabilities = ", ".join(startup.capabilities[:4])
    if dutch:
        content = {
            "summary": f"{startup.name} stelt een pilot voor rond {challenge.title.lower()}. {first_sentence}"[:500],
            "understanding": f"Zoals wij het lezen: {challenge.summary}",
            "solution": (f"In {challenge.pilot_weeks} weken zetten we een eerste versie neer met {capabilities}. "
                         "We meten vooraf en achteraf, en bespreken de resultaten elke twee weken met bewoners "
                         "en medewerkers."),
            "team": (f"Een team van {startup.size_fte or 3} fte uit {startup.region or 'Nederland'}, met ervaring in "
                     f"{capabilities}."),
            "language": "nl",
        }
    else:
        content = {
            "summary": f"{startup.name} proposes a pilot on {challenge.title.lower()}. {first_sentence}"[:500],
            "understanding": f"As we read it: {challenge.summary}",
            "solution": (f"In {challenge.pilot_weeks} weeks we build a first version with {capabilities}, measure "
                         "before and after, and review the results with residents and staff every two weeks."),
            "team": f"A team of {startup.size_fte or 3} FTE with hands-on experience in {capabilities}.",
            "language": "en" if "en" in challenge.languages else challenge.languages[0],
        }
    content.update(price_cents=(low + high) // 2 // 100_000 * 100_000 or 2_500_000,
                   duration_weeks=challenge.pilot_weeks)
    proposal = Proposal(challenge_id=challenge.id, startup_id=startup.id, created_by_id=owner.id,
                        status=ProposalStatus.DRAFT, **content)
    db.session.add(proposal)
    db.session.flush()
    if state == "draft":
        return
    submitted_at = min(challenge.submissions_close_at, utcnow()) - timedelta(days=3)
    proposal.status = ProposalStatus(state)
    proposal.reference = f"MM-{submitted_at.year}-{proposal.id:06d}"
    proposal.first_submitted_at = proposal.submitted_at = submitted_at
    proposal.submitted_version = 1
    if state == "withdrawn":
        proposal.withdrawn_at = submitted_at + timedelta(days=1)
    db.session.add(ProposalVersion(proposal_id=proposal.id, number=1, created_by_id=owner.id,
                                   created_at=submitted_at, **proposal.content()))
    db.session.flush()


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
