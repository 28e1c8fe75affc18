"""Demo data: municipalities, officers, evaluators, startups and challenges in every state.

Loaded once by `flask load-demo` (and `make run`). Everyone shares one demo password, printed with
the logins; the content lives in `demo_data.py`.

The demo is played, not written: challenges are created and published, questions asked and
answered, proposals started, submitted and withdrawn, panels invited, conflicts declared, reviews
scored and decisions released through the same services the pages use, each at its own moment in
the past (`db_types.clock_at`). So every state comes from a lifecycle move, deadlines and guards
hold at the time of each step, and the audit trail reads like weeks of real use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from .accounts.models import User
from .accounts.services import create_user, find_user_by_email
from .challenges.models import Challenge
from .database import commit
from .db_types import clock_at, utcnow
from .demo_after import AfterAward, with_after_award
from .enums import ConflictKind, DecisionOutcome, Discipline, MemberRole, OrgKind, Recommendation
from .extensions import db
from .organisations.models import Membership, Organisation
from .slugs import unique_slug

DEMO_PASSWORD = "demo-wachtwoord-2026"
ADMIN_EMAIL = "beheer@matchmaker.demo"
PUBLISHED_FOR = timedelta(days=35)  # how long a demo challenge was open before its deadline (unless the row says)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(order=True)
class Step:
    at: datetime
    order: int
    run: Callable[[], None] = field(compare=False)


class Story:
    """Steps at moments in the past, played in time order, each with the clock set to its moment."""

    def __init__(self, now: datetime):
        self.now = now
        self.steps: list[Step] = []

    def at(self, moment: datetime, run: Callable[[], None]) -> None:
        latest = self.now - timedelta(minutes=5)
        self.steps.append(Step(min(_office_hours(moment), latest), len(self.steps), run))

    def play(self) -> None:
        for step in sorted(self.steps):
            with clock_at(step.at):
                step.run()
                db.session.flush()


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


def _office_hours(moment: datetime) -> datetime:
    """The same day, squeezed into 08:00-21:00 Dutch time (monotonic, so the order of steps holds):
    people work by day. Anything before 17:00 stays before 17:15."""
    local = moment.astimezone(AMSTERDAM)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    squeezed = midnight + timedelta(hours=8) + (local - midnight) * (13 / 24)
    return squeezed.astimezone(UTC)


def _at_five(day: datetime) -> datetime:
    """17:00 Dutch time on that day, in UTC: when demo deadlines fall."""
    local = day.astimezone(AMSTERDAM).replace(hour=17, minute=0, second=0, microsecond=0)
    return local.astimezone(UTC)


def _published_for(row: dict) -> timedelta:
    return timedelta(days=row["published_for_days"]) if row.get("published_for_days") else PUBLISHED_FOR


def _deadlines(row: dict, now: datetime) -> tuple[datetime, datetime]:
    """(questions close, proposals close) as the demo row describes them, relative to now."""
    days = row.get("days_to_deadline", 21)
    close_at = _at_five(now + timedelta(days=days))
    if row["state"] == "closing_soon":  # tomorrow at five, or the day after if that is too close
        close_at = _at_five(now + timedelta(days=min(days, 1)))
        if close_at - now < timedelta(hours=20):
            close_at = _at_five(now + timedelta(days=min(days, 1) + 1))
    questions_at = close_at - timedelta(days=min(7, max(abs(days) // 2, 1)))
    if row["state"] in ("open", "closing_soon") and questions_at < now:
        questions_at = close_at
    return questions_at, close_at


class DemoLoader:
    def __init__(self, data, now: datetime):
        self.data = data
        self.now = now
        self.story = Story(now)
        self.users: dict[str, object] = {}
        self.municipalities: dict[str, Organisation] = {}
        self.officers: dict[str, object] = {}
        self.startups: dict[str, tuple[object, Organisation]] = {}
        self.challenges: dict[str, Challenge] = {}
        self.proposals: dict[tuple[str, str], object] = {}
        self.seats: dict[tuple[str, str], object] = {}
        self.password_hash: str | None = None
        self.disciplines = {row["email"]: row.get("discipline", "external") for row in data.EVALUATORS}

    # --- people and organisations -----------------------------------------------------------------

    def user(self, email: str, name: str, locale: str = "nl", is_admin: bool = False):
        """A confirmed demo account. All share one password, so its (deliberately slow) hash is made once."""
        existing = find_user_by_email(email)
        if existing is not None:
            return existing
        if self.password_hash is None:
            user = create_user(email=email, name=name, password=DEMO_PASSWORD, locale=locale, is_admin=is_admin)
            self.password_hash = user.password_hash
            return user
        user = User(email=email.lower(), name=name, password_hash=self.password_hash, locale=locale,
                    is_admin=is_admin, verified_at=utcnow())
        db.session.add(user)
        db.session.flush()
        return user

    def people(self) -> None:
        data = self.data
        self.users[ADMIN_EMAIL] = self.user(ADMIN_EMAIL, "Beheerder Matchmaker", is_admin=True)
        for row in data.MUNICIPALITIES:
            self.municipalities[row["key"]] = _organisation(OrgKind.MUNICIPALITY, row, row.get("verified", True))
        for row in data.OFFICERS:
            user = self.users[row["email"]] = self.user(row["email"], row["name"], row.get("locale", "nl"))
            db.session.add(Membership(user=user, organisation=self.municipalities[row["municipality"]],
                                      role=MemberRole(row.get("role", "member"))))
            self.officers.setdefault(row["municipality"], user)
        for row in data.EVALUATORS:
            self.users[row["email"]] = self.user(row["email"], row["name"], row.get("locale", "nl"))
        for row in data.STARTUPS:
            startup = _organisation(OrgKind.STARTUP, row, True)
            owner = self.users[row["owner"]["email"]] = self.user(row["owner"]["email"], row["owner"]["name"],
                                                              row["owner"].get("locale", "nl"))
            db.session.add(Membership(user=owner, organisation=startup, role=MemberRole.OWNER))
            self.startups[row["key"]] = (owner, startup)
        db.session.flush()

    # --- challenges -------------------------------------------------------------------------------

    def challenge(self, index: int, row: dict) -> None:
        from .challenges import questions as question_services
        from .challenges import services as challenge_services

        questions_at, close_at = _deadlines(row, self.now)
        publish_at = min(close_at - _published_for(row), self.now - timedelta(days=3))
        created_at = publish_at - timedelta(days=6)
        cancel_at = self.now - timedelta(days=2)
        officer = self.officers[row["municipality"]]
        key = row["key"]
        language = row.get("language", "nl")

        def create():
            challenge = challenge_services.create_challenge(
                organisation=self.municipalities[row["municipality"]], user=officer, data={
                    "title": row["title"], "summary": row["summary"][:500], "problem": row["problem"],
                    "desired_outcome": row["desired_outcome"], "affected": row.get("affected", ""),
                    "department": row.get("department", ""), "keywords": list(row.get("keywords", [])),
                    "budget_min_cents": row["budget_min_eur"] * 100, "budget_max_cents": row["budget_max_eur"] * 100,
                    "pilot_weeks": row.get("pilot_weeks", 16), "max_age_years": row.get("max_age_years"),
                    "max_fte": row.get("max_fte"), "languages": list(row.get("languages", ["nl", "en"])),
                    "questions_close_at": questions_at, "submissions_close_at": close_at,
                    "themes": list(row.get("themes", [])),
                    "language": language,  # the default rubric is stored in it (the officer kept the defaults)
                })
            challenge.slug = unique_slug(Challenge, key)  # short, stable addresses for the demo
            self.challenges[key] = challenge

        self.story.at(created_at, create)
        if row["state"] == "draft":
            return
        self.story.at(publish_at, lambda: challenge_services.publish_challenge(challenge=self.challenges[key],
                                                                              user=officer))
        # questions from startups, answered a day later; then any clarification
        asked = row.get("questions", [])
        last_question = min(questions_at, self.now, cancel_at if row["state"] == "cancelled" else self.now)
        span = (last_question - publish_at) / (len(asked) + 2)
        owners = list(self.startups.values())
        for number, qa in enumerate(asked):
            asker = owners[(index + number) % len(owners)][0]
            ask_at = publish_at + span * (number + 1)
            self.story.at(ask_at, self._ask(key, asker, qa["text"]))
            if qa.get("answer"):
                self.story.at(min(ask_at + timedelta(days=1), last_question + timedelta(hours=20)),
                              self._answer(key, officer, qa["text"], qa["answer"]))
        for number, text in enumerate(row.get("clarifications", [])):
            self.story.at(publish_at + span * (len(asked) + 1) + timedelta(hours=5 + number),
                          lambda text=text: question_services.post_clarification(
                              challenge=self.challenges[key], user=officer, text=text))
        if row["state"] == "cancelled":
            reason = row.get("cancel_reason") or "Het budget is in de begroting anders bestemd."
            self.story.at(cancel_at, lambda: challenge_services.cancel_challenge(
                challenge=self.challenges[key], user=officer, reason=reason))
        if close_at < self.now:  # `flask tick` records the closing a few minutes after the deadline
            self.story.at(close_at + timedelta(minutes=3),
                          lambda: challenge_services.close_due_challenges())
        for startup_key, content in self.data.PROPOSALS.get(key, {}).items():
            self.proposal(key, startup_key, content, publish_at, close_at, language)

    def _ask(self, key: str, asker, text: str):
        from .challenges.questions import ask_question

        return lambda: ask_question(challenge=self.challenges[key], user=asker, text=text)

    def _answer(self, key: str, officer, text: str, answer: str):
        from .challenges.models import Question
        from .challenges.questions import answer_question

        def run():
            question = db.session.scalar(select(Question).where(Question.challenge_id == self.challenges[key].id,
                                                                Question.text == text))
            answer_question(question=question, user=officer, answer=answer)
        return run

    # --- proposals --------------------------------------------------------------------------------

    def proposal(self, key: str, startup_key: str, content: dict, publish_at: datetime, close_at: datetime,
                 language: str) -> None:
        from .proposals import services as proposal_services

        owner, startup = self.startups[startup_key]
        number = list(self.data.PROPOSALS[key]).index(startup_key)
        window_start = publish_at + timedelta(days=2)
        window = min(close_at, self.now) - timedelta(hours=2) - window_start
        fields = {"summary": content.get("summary", ""), "understanding": content.get("understanding", ""),
                  "solution": content.get("solution", ""), "team": content.get("team", ""),
                  "price_cents": content["price_eur"] * 100 if content.get("price_eur") else None,
                  "price_justification": content.get("price_justification", ""),
                  "duration_weeks": content.get("duration_weeks"), "language": language}

        def start():
            self.proposals[(key, startup_key)] = proposal_services.start_proposal(
                challenge=self.challenges[key], startup=startup, user=owner)

        def save(partial: bool):
            def run():
                proposal = self.proposals[(key, startup_key)]
                data = {f: fields[f] for f in ("summary", "understanding", "language")} if partial else fields
                proposal_services.save_proposal(proposal=proposal, user=owner, data=data, expected_version=None)
            return run

        def submit():
            proposal = self.proposals[(key, startup_key)]
            outcome = proposal_services.submit_proposal(proposal=proposal, user=owner, data=fields,
                                                        expected_version=None)
            if not outcome.submitted:
                raise RuntimeError(f"demo proposal {key}/{startup_key} not submitted: {outcome.problems}")

        shift = timedelta(hours=7 * number)
        self.story.at(window_start + window * 0.15 + shift, start)
        self.story.at(window_start + window * 0.35 + shift, save(partial=True))
        if content["state"] == "draft":
            self.story.at(window_start + window * 0.55 + shift, save(partial=False))
            return
        self.story.at(window_start + window * 0.7 + shift, submit)
        if content["state"] == "withdrawn":
            self.story.at(window_start + window * 0.9 + shift, lambda: proposal_services.withdraw_proposal(
                proposal=self.proposals[(key, startup_key)], user=owner))

    # --- panels, reviews, decisions ---------------------------------------------------------------

    def panel(self, key: str, plan: dict) -> None:
        from .evaluation import decisions, panel
        from .proposals.services import record_sealed_view

        challenge_row = next(row for row in self.data.CHALLENGES if row["key"] == key)
        _questions_at, close_at = _deadlines(challenge_row, self.now)
        officer = self.users[plan["invited_by"]]
        invite_at = close_at - timedelta(days=12)

        def invite():
            challenge = self.challenges[key]
            for email in plan["members"]:
                self.seats[(key, email)] = panel.invite_evaluator(
                    challenge=challenge, user=officer, email=email, discipline=Discipline(self.disciplines[email]))
            panel.update_settings(challenge=challenge, user=officer, blind_review=plan["blind_review"],
                                  panel_sees_scores=plan["panel_sees_scores"],
                                  reviews_due_at=close_at + timedelta(days=plan["reviews_due_days"]))
        self.story.at(invite_at, invite)
        for number, email in enumerate(plan["members"]):
            self.story.at(invite_at + timedelta(hours=5 + 9 * number), lambda email=email: panel.accept_invited_seat(
                seat=self.seats[(key, email)], user=self.users[email]))
        if close_at >= self.now:
            return
        startup_keys = [k for k, v in self.data.PROPOSALS[key].items() if v["state"] == "submitted"]

        def read():
            for startup_key in plan.get("read", startup_keys):
                record_sealed_view(proposal=self.proposals[(key, startup_key)], user=self.users[plan["read_by"]],
                                   what="page")
        self.story.at(close_at + timedelta(hours=15), read)

        declared = plan.get("declared", plan["members"])
        for number, email in enumerate(declared):
            self.story.at(close_at + timedelta(days=1, hours=3 * number), self._declare(key, email, plan))
        for number, review in enumerate(plan["reviews"]):
            self.story.at(close_at + timedelta(days=2, hours=10 * number), self._review(key, review))
        for number, decision in enumerate(plan.get("decisions", [])):
            def prepare(decision=decision):
                pitch_at = None
                if decision.get("pitch_days"):
                    pitch_at = (close_at + timedelta(days=decision["pitch_days"])).replace(hour=13, minute=0)
                decisions.prepare_decision(
                    proposal=self.proposals[(key, decision["startup"])], user=officer,
                    outcome=DecisionOutcome(decision["outcome"]), motivation=decision["motivation"],
                    pitch_at=pitch_at, pitch_note=decision.get("pitch_note", ""))
            self.story.at(close_at + timedelta(days=plan.get("release_days", 10) - 2, hours=number), prepare)
        if plan.get("release"):
            self.story.at(close_at + timedelta(days=plan.get("release_days", 10)), lambda: decisions.release_decisions(
                challenge=self.challenges[key], user=officer, **plan["release"]))

    def _declare(self, key: str, email: str, plan: dict):
        from .evaluation import conflicts

        def run():
            seat, user = self.seats[(key, email)], self.users[email]
            chosen = {}
            for conflict in plan.get("conflicts", []):
                if conflict["evaluator"] == email:
                    proposal = self.proposals[(key, conflict["startup"])]
                    chosen[proposal.id] = (ConflictKind(conflict["kind"]), conflict["note"])
            if plan["blind_review"]:  # one by one, before reading each proposal
                for proposal in conflicts.proposals_to_assess(seat.challenge):
                    kind, note = chosen.get(proposal.id, (None, ""))
                    conflicts.declare(seat=seat, proposal=proposal, user=user, has_conflict=kind is not None,
                                      kind=kind, note=note)
            else:
                conflicts.declare_for_all(seat=seat, user=user, conflicts=chosen)
        return run

    def _review(self, key: str, review: dict):
        from .evaluation import reviews

        def run():
            seat, user = self.seats[(key, review["evaluator"])], self.users[review["evaluator"]]
            proposal = self.proposals[(key, review["startup"])]
            criteria = seat.challenge.criteria
            comments = review.get("comments", {})
            scores = {c.id: (value, comments.get(position, "")) for position, (c, value)
                      in enumerate(zip(criteria, review["scores"]))}
            recommendation = Recommendation(review["recommendation"]) if review.get("recommendation") else None
            outcome = reviews.save_review(seat=seat, proposal=proposal, user=user, scores=scores,
                                          recommendation=recommendation, feedback=review.get("feedback", ""),
                                          submit=review.get("submit", True))
            if outcome.problems:
                raise RuntimeError(f"demo review {key}/{review['startup']} not submitted: {outcome.problems}")
        return run

    def pending_invitation(self, row: dict) -> None:
        from .evaluation import panel

        challenge_row = next(r for r in self.data.CHALLENGES if r["key"] == row["challenge"])
        _questions_at, close_at = _deadlines(challenge_row, self.now)
        self.story.at(min(close_at - timedelta(days=10), self.now - timedelta(days=1)), lambda: panel.invite_evaluator(
            challenge=self.challenges[row["challenge"]], user=self.users[row["invited_by"]], email=row["evaluator"],
            discipline=Discipline(self.disciplines[row["evaluator"]])))

    def load(self) -> None:
        data = self.data
        first_publish = min(_deadlines(row, self.now)[1] - _published_for(row) for row in data.CHALLENGES)
        with clock_at(first_publish - timedelta(days=30)):  # everyone joined well before
            self.people()
        for index, row in enumerate(data.CHALLENGES):
            self.challenge(index, row)
        for key, plan in data.PANELS.items():
            self.panel(key, plan)
        for row in data.PENDING_PANEL_INVITATIONS:
            self.pending_invitation(row)
        AfterAward(self).schedule()
        self.story.play()


def load_demo_data(force: bool = False) -> bool:
    """Load the demo once. Returns False when organisations already exist (and `force` is off)."""
    from . import demo_data

    if not force and db.session.scalar(select(func.count(Organisation.id))):
        return False
    DemoLoader(with_after_award(demo_data), utcnow()).load()
    commit()
    return True


def print_logins(echo) -> None:
    from . import demo_data

    data = with_after_award(demo_data)
    echo("")
    echo(f"Demo logins (password for all: {DEMO_PASSWORD})")
    echo(f"  administrator : {ADMIN_EMAIL}")
    for row in data.OFFICERS:
        echo(f"  officer       : {row['email']:<34} ({row['municipality']}, {row.get('role', 'member')})")
    for row in data.STARTUPS[:4]:
        echo(f"  startup       : {row['owner']['email']:<34} ({row['name']})")
    echo(f"  ... and {len(data.STARTUPS) - 4} more startups: founder@<startup>.demo")
    for row in data.EVALUATORS:
        echo(f"  evaluator     : {row['email']:<34} ({row.get('discipline', '')})")
    echo("")
