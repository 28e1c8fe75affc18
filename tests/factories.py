"""Factories for every model. Each returns a flushed object in the test's session."""

from __future__ import annotations

import itertools
from datetime import timedelta

from matchmaker.accounts.models import User
from matchmaker.accounts.services import hash_password
from matchmaker.challenges.models import Challenge, ChallengeTheme, Criterion, Question
from matchmaker.challenges.services import default_criteria
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, Discipline, MemberRole, OrgKind, PilotStatus, ProposalStatus
from matchmaker.extensions import db
from matchmaker.organisations.models import Membership, Organisation
from matchmaker.proposals.models import Proposal, ProposalVersion

PASSWORD = "correct horse battery staple"
_seq = itertools.count(1)


class Factory:
    def user(self, *, email: str | None = None, name: str | None = None, verified: bool = True,
             is_admin: bool = False, locale: str = "en", active: bool = True, password: str = PASSWORD) -> User:
        n = next(_seq)
        user = User(
            email=(email or f"user{n}@example.org").lower(),
            name=name or f"User {n}",
            password_hash=hash_password(password),
            locale=locale,
            is_admin=is_admin,
            active=active,
            verified_at=utcnow() if verified else None,
        )
        db.session.add(user)
        db.session.flush()
        return user

    def admin(self, **kwargs) -> User:
        return self.user(is_admin=True, **kwargs)

    def organisation(self, *, kind: OrgKind = OrgKind.STARTUP, name: str | None = None, verified: bool = True,
                     members: list[User] | tuple = (), role: MemberRole = MemberRole.OWNER, **fields) -> Organisation:
        n = next(_seq)
        name = name or (f"Gemeente Test {n}" if kind == OrgKind.MUNICIPALITY else f"Startup {n}")
        organisation = Organisation(
            kind=kind, name=name, slug=f"org-{n}", verified_at=utcnow() if verified else None,
            description=fields.pop("description", ""), capabilities=fields.pop("capabilities", []),
            sectors=fields.pop("sectors", []), **fields,
        )
        db.session.add(organisation)
        db.session.flush()
        for user in members:
            self.membership(user=user, organisation=organisation, role=role)
        return organisation

    def municipality(self, **kwargs) -> Organisation:
        return self.organisation(kind=OrgKind.MUNICIPALITY, **kwargs)

    def startup(self, **kwargs) -> Organisation:
        return self.organisation(kind=OrgKind.STARTUP, **kwargs)

    def membership(self, *, user: User, organisation: Organisation, role: MemberRole = MemberRole.OWNER) -> Membership:
        membership = Membership(user=user, organisation=organisation, role=role)
        db.session.add(membership)
        db.session.flush()
        db.session.refresh(user)
        return membership

    def invitation(self, *, organisation: Organisation, email: str, token: str, role: MemberRole = MemberRole.MEMBER,
                   expires_in: timedelta = timedelta(days=14)):
        """An organisation invitation whose link carries `token`; a negative `expires_in` makes it expired."""
        from matchmaker.invitations import hash_token
        from matchmaker.organisations.models import Invitation

        invitation = Invitation(organisation_id=organisation.id, email=email.lower(), role=role,
                                token_hash=hash_token(token), expires_at=utcnow() + expires_in)
        db.session.add(invitation)
        db.session.flush()
        return invitation

    def officer(self, municipality: Organisation | None = None, **kwargs) -> User:
        user = self.user(**kwargs)
        self.membership(user=user, organisation=municipality or self.municipality())
        return user

    def startup_member(self, startup: Organisation | None = None, **kwargs) -> User:
        user = self.user(**kwargs)
        self.membership(user=user, organisation=startup or self.startup())
        return user

    def challenge(self, *, organisation: Organisation | None = None, status: ChallengeStatus = ChallengeStatus.PUBLISHED,
                  title: str | None = None, themes: tuple[str, ...] = ("waste",), days_open: float = 14,
                  question_days: float | None = None, **fields) -> Challenge:
        n = next(_seq)
        now = utcnow()
        title = title or f"Challenge {n}"
        submissions = fields.pop("submissions_close_at", now + timedelta(days=days_open))
        default_questions = now + timedelta(days=question_days) if question_days is not None else submissions - timedelta(days=3)
        questions = min(fields.pop("questions_close_at", default_questions), submissions)
        challenge = Challenge(
            organisation=organisation or self.municipality(),
            title=title,
            slug=fields.pop("slug", f"challenge-{n}"),
            summary=fields.pop("summary", "A short summary of the problem."),
            problem=fields.pop("problem", "What goes wrong today."),
            desired_outcome=fields.pop("desired_outcome", "What should be different."),
            budget_min_cents=fields.pop("budget_min_cents", 1_000_000),
            budget_max_cents=fields.pop("budget_max_cents", 5_000_000),
            questions_close_at=questions,
            submissions_close_at=submissions,
            status=status,
            published_at=None if status == ChallengeStatus.DRAFT else now - timedelta(days=1),
            cancelled_at=now if status == ChallengeStatus.CANCELLED else None,
            cancel_reason="Cancelled for a test reason." if status == ChallengeStatus.CANCELLED else None,
            language=fields.pop("language", "en"),  # the factory writes in English
            **fields,
        )
        challenge.theme_links = [ChallengeTheme(theme=t) for t in themes]
        for position, row in enumerate(default_criteria("en")):
            challenge.criteria.append(Criterion(position=position, **row))
        db.session.add(challenge)
        db.session.flush()
        return challenge

    def question(self, *, challenge: Challenge, asked_by: User | None = None, answer: str | None = None,
                 text: str = "Is data from the sensors available?") -> Question:
        question = Question(
            challenge_id=challenge.id, asked_by_id=asked_by.id if asked_by else None, text=text,
            answer=answer, answered_at=utcnow() if answer else None, published=answer is not None,
        )
        db.session.add(question)
        db.session.flush()
        return question

    def proposal(self, *, challenge: Challenge | None = None, startup: Organisation | None = None,
                 status: ProposalStatus = ProposalStatus.SUBMITTED, **fields) -> Proposal:
        """A proposal; unless it is a draft, with one submitted version and a reference."""
        n = next(_seq)
        content = {
            "summary": f"Proposal summary {n}", "understanding": "We understand the problem.",
            "solution": "A small pilot with sensors.", "team": "Two engineers and a designer.",
            "price_cents": 2_500_000, "duration_weeks": 12, "language": "nl",
        }
        content.update(fields)
        proposal = Proposal(challenge=challenge or self.challenge(), startup=startup or self.startup(),
                            status=ProposalStatus.DRAFT, **content)
        db.session.add(proposal)
        db.session.flush()
        if status != ProposalStatus.DRAFT:
            proposal.status = status
            proposal.reference = f"MM-2026-{proposal.id:06d}"
            proposal.submitted_at = proposal.first_submitted_at = utcnow()
            proposal.submitted_version = 1
            if status == ProposalStatus.WITHDRAWN:
                proposal.withdrawn_at = utcnow()
            db.session.add(ProposalVersion(proposal=proposal, number=1, **proposal.content()))
            db.session.flush()
        return proposal

    def seat(self, *, challenge: Challenge, user: User | None = None, discipline: Discipline = Discipline.POLICY,
             accepted: bool = True, token: str | None = None, expires_in: timedelta = timedelta(days=14)):
        """A panel seat; accepted by `user` (made if needed) unless `accepted` is False. The
        invitation link's `token` is random unless given; a negative `expires_in` makes it expired."""
        from matchmaker.evaluation.models import PanelSeat
        from matchmaker.invitations import hash_token

        n = next(_seq)
        user = user or self.user()
        seat = PanelSeat(challenge_id=challenge.id, email=user.email, discipline=discipline,
                         token_hash=hash_token(token or f"seat-token-{n}"), user_id=user.id if accepted else None,
                         accepted_at=utcnow() if accepted else None, invited_at=utcnow(),
                         expires_at=utcnow() + expires_in)
        db.session.add(seat)
        db.session.flush()
        return seat

    def declaration(self, *, seat, proposal, conflict: str | None = None):
        from matchmaker.enums import ConflictKind
        from matchmaker.evaluation.models import ConflictDeclaration

        row = ConflictDeclaration(seat_id=seat.id, proposal_id=proposal.id, has_conflict=conflict is not None,
                                  kind=ConflictKind(conflict) if conflict else None)
        db.session.add(row)
        db.session.flush()
        return row

    def review(self, *, seat, proposal, values: list[int], recommendation: str = "maybe", submitted: bool = True,
               feedback: str = "", declare: bool = True):
        """A review with one score per criterion (in criterion order)."""
        from matchmaker.enums import Recommendation, ReviewStatus
        from matchmaker.evaluation.models import Review, ReviewScore

        if declare:
            self.declaration(seat=seat, proposal=proposal)
        review = Review(proposal_id=proposal.id, seat_id=seat.id, recommendation=Recommendation(recommendation),
                        feedback=feedback, status=ReviewStatus.SUBMITTED if submitted else ReviewStatus.DRAFT,
                        submitted_at=utcnow() if submitted else None)
        db.session.add(review)
        db.session.flush()
        for criterion, value in zip(proposal.challenge.criteria, values):
            review.scores.append(ReviewScore(review_id=review.id, criterion_id=criterion.id, value=value,
                                             comment="because" if value in (1, 5) else ""))
        db.session.flush()
        return review


    def pilot(self, *, municipality: Organisation | None = None, startup: Organisation | None = None,
              officer: User | None = None, planned: bool = True, started: bool = False, criteria: int = 2):
        """An awarded proposal of a decided challenge and the pilot its award started; with `planned`, a
        complete plan (start date, goals, contacts, `criteria` success criteria); with `started`, running."""
        from datetime import date

        from matchmaker.pilots.models import SuccessCriterion
        from matchmaker.pilots.services import create_pilot_for_award

        municipality = municipality or self.municipality()
        officer = officer or self.officer(municipality)
        challenge = self.challenge(organisation=municipality, days_open=-30, status=ChallengeStatus.DECIDED,
                                   pilot_weeks=16)
        challenge.decided_at = utcnow()
        proposal = self.proposal(challenge=challenge, startup=startup, status=ProposalStatus.AWARDED)
        pilot = create_pilot_for_award(proposal=proposal, actor=officer)
        if planned:
            pilot.starts_on = date(2026, 9, 1)
            pilot.goals = "Fewer half-empty collection rounds in the city centre."
            pilot.municipality_contact, pilot.startup_contact = "Marloes van der Linden", "Sanne Bakker"
            for position in range(1, criteria + 1):
                pilot.criteria.append(SuccessCriterion(position=position, name=f"Criterion {position}",
                                                       target=10 * position, unit="%"))
        if started:
            pilot.status = PilotStatus.RUNNING
            pilot.started_at = utcnow() - timedelta(days=20)
        db.session.flush()
        return pilot


def pdf_bytes(pages: int = 1) -> bytes:
    """A small, valid PDF made with pypdf."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pass_deadline(challenge) -> None:
    """Move a published challenge's deadlines a minute into the past: the seal comes off."""
    from datetime import timedelta as _timedelta

    challenge.submissions_close_at = utcnow() - _timedelta(minutes=1)
    challenge.questions_close_at = challenge.submissions_close_at
