"""A small world for the KPI pages, with fixed dates so the figures can be computed by hand.

Gemeente Almere (figures private) leads challenge A1 and co-owns B1, which Gemeente Breda (figures
public) leads. Both are in Almere's round "Noord 2026-1".

A1: published 10 January 2026, deadline 10 February. Proposals: Afvalslim (12 FTE, awarded),
    Zonnig (size unknown, rejected), one withdrawn, one draft. The award was released on 1 March (50 days
    after publication); its pilot started on 20 March, continued on 28 June (119 days = 17 weeks after the
    award), budget € 20.000, spent € 15.000. Its lesson was published on 1 July.
B1: published 1 February 2026, deadline 1 March. One proposal: Grootbedrijf (300 FTE).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from matchmaker.collaboration.models import CoOwner, Round
from matchmaker.enums import (
    ChallengeStatus,
    DecisionOutcome,
    DecisionStatus,
    LessonOutcome,
    PilotStatus,
    ProcurementRoute,
    ProposalStatus,
)
from matchmaker.evaluation.models import Decision
from matchmaker.extensions import db
from matchmaker.lessons.models import Lesson
from matchmaker.pilots.services import create_pilot_for_award


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def _dated(challenge, published: datetime, closes: datetime, status: ChallengeStatus):
    challenge.published_at, challenge.submissions_close_at, challenge.questions_close_at = published, closes, closes
    challenge.status = status


def build_world(make) -> dict:
    almere = make.municipality(name="Gemeente Almere")
    breda = make.municipality(name="Gemeente Breda", kpis_public=True)
    almere.slug, breda.slug = "almere", "breda"
    officer_a = make.officer(almere, email="officer.almere@example.org", name="Anna Almere")
    officer_b = make.officer(breda, email="officer.breda@example.org", name="Bram Breda")
    founder = make.startup_member(make.startup(name="Afvalslim", size_fte=12), email="founder@example.org")
    winner = founder.memberships[0].organisation
    unknown = make.startup(name="Zonnig", size_fte=None)
    big = make.startup(name="Grootbedrijf", size_fte=300)
    admin = make.admin(email="admin@example.org")

    round_ = Round(organisation_id=almere.id, name="Noord 2026-1", slug="noord-2026-1")
    db.session.add(round_)
    db.session.flush()
    a1 = make.challenge(organisation=almere, title="Minder zwerfafval", round_id=round_.id)
    _dated(a1, at(1, 10), at(2, 10), ChallengeStatus.DECIDED)
    b1 = make.challenge(organisation=breda, title="Slimme verlichting", round_id=round_.id)
    _dated(b1, at(2, 1), at(3, 1), ChallengeStatus.CLOSED)
    db.session.add(CoOwner(challenge_id=b1.id, organisation_id=almere.id))

    awarded = make.proposal(challenge=a1, startup=winner, status=ProposalStatus.AWARDED)
    make.proposal(challenge=a1, startup=unknown, status=ProposalStatus.REJECTED)
    make.proposal(challenge=a1, startup=make.startup(size_fte=5), status=ProposalStatus.WITHDRAWN)
    make.proposal(challenge=a1, startup=make.startup(size_fte=5), status=ProposalStatus.DRAFT)
    make.proposal(challenge=b1, startup=big)
    db.session.add(Decision(proposal_id=awarded.id, outcome=DecisionOutcome.AWARDED, status=DecisionStatus.RELEASED,
                            motivation="De beste aanpak.", prepared_at=at(2, 25), released_at=at(3, 1)))
    db.session.flush()

    pilot = create_pilot_for_award(proposal=awarded, actor=officer_a)
    pilot.status, pilot.started_at, pilot.decided_at = PilotStatus.CONTINUED, at(3, 20), at(6, 28)
    pilot.budget_cents, pilot.spent_cents = 2_000_000, 1_500_000
    pilot.procurement_route, pilot.contract_value_cents, pilot.contract_on = (
        ProcurementRoute.LAUNCHING_CUSTOMER, 8_000_000, date(2026, 7, 15))
    db.session.add(Lesson(challenge_id=a1.id, pilot_id=pilot.id, organisation_id=almere.id,
                          outcome=LessonOutcome.CONTINUED, context="Zwerfafval in het centrum.",
                          published_at=at(7, 1)))
    db.session.flush()
    return {"almere": almere, "breda": breda, "officer_a": officer_a, "officer_b": officer_b, "founder": founder,
            "admin": admin, "round": round_, "a1": a1, "b1": b1, "pilot": pilot}
