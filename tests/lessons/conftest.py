"""Lessons: pilots past their gate, challenges without award, and the people around them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from matchmaker.challenges.models import ChallengeTheme
from matchmaker.enums import ChallengeStatus, ProcurementRoute
from matchmaker.lessons import services
from matchmaker.pilots.services import decide_pilot

MOTIVATION = "The pilot showed what it had to show; this is our decision."

FULL = {
    "context": "De binnenstad van Utrecht heeft honderden ondergrondse containers.",
    "expected": "We verwachtten een derde minder ophaalrondes.",
    "happened": "De sensoren meldden de vulgraad; de rondes daalden met een kwart.",
    "differently": "Eerder de chauffeurs betrekken bij de planning.",
    "advice": "Begin met één wijk en meet vanaf de eerste week.",
    "reusable": True,
    "language": "nl",
}


def decided_pilot(make, *, municipality=None, officer=None, move: str = "continue", title: str | None = None,
                  goals: str | None = None, startup=None, **challenge_fields):
    """A pilot that ran and was decided at the gate (continue to a contract, or stop)."""
    pilot = make.pilot(municipality=municipality, officer=officer, startup=startup, started=True)
    if title:
        pilot.title = pilot.challenge.title = title
    if goals:
        pilot.goals = goals
    themes = challenge_fields.pop("themes", None)
    if themes is not None:
        pilot.challenge.theme_links = [ChallengeTheme(theme=t) for t in themes]
    for name, value in challenge_fields.items():
        setattr(pilot.challenge, name, value)
    officer = officer or pilot.municipality.memberships[0].user
    finals = {c.id: Decimal(50) for c in pilot.criteria}
    if move == "continue":
        decide_pilot(pilot=pilot, user=officer, move="continue", motivation=MOTIVATION, final_values=finals,
                     route=ProcurementRoute.INNOVATION_PARTNERSHIP, contract_value_cents=9_000_000,
                     contract_on=date(2027, 3, 1))
    else:
        decide_pilot(pilot=pilot, user=officer, move="stop", motivation=MOTIVATION, final_values=finals)
    return pilot


def no_award_challenge(make, *, organisation, **fields):
    challenge = make.challenge(organisation=organisation, days_open=-30, status=ChallengeStatus.DECIDED, **fields)
    challenge.no_award_reason = "Geen van de voorstellen paste binnen het budget."
    challenge.decided_at = challenge.submissions_close_at
    return challenge


def write(subject, officer, **overrides):
    data = {**FULL, **overrides}
    if hasattr(subject, "proposal_id"):
        return services.write_pilot_lesson(pilot=subject, user=officer, data=data)
    return services.write_challenge_lesson(challenge=subject, user=officer, data=data)


@pytest.fixture
def lessons_world(make):
    """Utrecht (officer Anna) with a continued pilot and its published lesson, a stopped pilot without a
    lesson, a running pilot, a challenge without award with a draft lesson, and one cancelled after
    publication without a lesson; Zwolle with its own officer; a startup member (of the continued
    pilot's startup), an evaluator of its challenge, and an administrator."""
    utrecht = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(utrecht, name="Anna de Boer")
    zwolle = make.municipality(name="Gemeente Zwolle")
    other_officer = make.officer(zwolle, name="Bram Jansen")
    continued = decided_pilot(make, municipality=utrecht, officer=officer, title="Slimme afvalinzameling")
    stopped = decided_pilot(make, municipality=utrecht, officer=officer, move="stop", title="Parkeersensoren")
    running = make.pilot(municipality=utrecht, officer=officer, started=True)
    published = write(continued, officer)
    services.publish_lesson(lesson=published, user=officer)
    no_award = no_award_challenge(make, organisation=utrecht, title="Eenzaamheid signaleren")
    draft = write(no_award, officer, advice="")
    cancelled = make.challenge(organisation=utrecht, status=ChallengeStatus.CANCELLED, title="Geannuleerd")
    evaluator = make.user(name="Eva Evaluator")
    make.seat(challenge=continued.challenge, user=evaluator)
    return {
        "utrecht": utrecht, "zwolle": zwolle, "continued": continued, "stopped": stopped, "running": running,
        "published": published, "draft": draft, "no_award": no_award, "cancelled": cancelled,
        "users": {"officer": officer, "other_officer": other_officer,
                  "startup": make.startup_member(continued.startup), "evaluator": evaluator,
                  "admin": make.admin()},
    }
