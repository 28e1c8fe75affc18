"""Adopt this pilot: another municipality starts a challenge draft from a pilot that continued to a
contract, pre-filled from the pilot's challenge and linked to it (`Challenge.adopted_from_pilot_id`).
The original municipality sees who adopted it."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.services import record_event
from ..challenges.models import Challenge, Criterion
from ..challenges.services import create_challenge
from ..database import lock_row
from ..enums import ChallengeStatus, OrgKind
from ..errors import NotAllowed
from ..extensions import db
from ..organisations.permissions import organisations_of
from ..pilots.models import Pilot
from . import permissions

COPIED = ("title", "summary", "problem", "desired_outcome", "keywords", "budget_min_cents", "budget_max_cents",
          "pilot_weeks", "language", "languages")


def draft_data(pilot: Pilot) -> dict:
    """What a new draft takes over from the pilot's challenge."""
    original = pilot.challenge
    data = {name: getattr(original, name) for name in COPIED}
    data["keywords"] = list(original.keywords or [])
    data["languages"] = list(original.languages or ["nl", "en"])
    data["themes"] = list(original.themes)
    return data


def _copy_criteria(source: Challenge, target: Challenge) -> None:
    target.criteria.clear()
    db.session.flush()
    for criterion in source.criteria:
        target.criteria.append(Criterion(position=criterion.position, name=criterion.name, key=criterion.key,
                                         description=criterion.description, weight=criterion.weight,
                                         scale_min=criterion.scale_min, scale_max=criterion.scale_max,
                                         anchors=list(criterion.anchors or [])))


def existing_draft(pilot: Pilot, organisation) -> Challenge | None:
    return db.session.scalar(select(Challenge).where(
        Challenge.adopted_from_pilot_id == pilot.id, Challenge.organisation_id == organisation.id,
        Challenge.status == ChallengeStatus.DRAFT).order_by(Challenge.id))


def adopt_pilot(*, pilot: Pilot, user, organisation) -> Challenge:
    """A new draft of `organisation` pre-filled from the pilot's challenge (title, summary, problem,
    desired outcome, keywords, themes, budget, pilot length, language, criteria). A second click finds
    the draft the first one made."""
    if not permissions.can_adopt_for(user, pilot, organisation):
        raise NotAllowed(_("Only an officer of another municipality can adopt a pilot that continued to a contract."))
    pilot = lock_row(Pilot, pilot.id)
    draft = existing_draft(pilot, organisation)
    if draft is not None:
        return draft
    draft = create_challenge(organisation=organisation, user=user, data=draft_data(pilot))
    _copy_criteria(pilot.challenge, draft)
    draft.adopted_from_pilot_id = pilot.id
    db.session.flush()
    record_event(actor=user, action="challenge.adopted", subject=draft,
                 data={"pilot_id": pilot.id, "pilot": pilot.title, "municipality": pilot.municipality.name})
    record_event(actor=user, action="pilot.adopted", subject=pilot,
                 data={"challenge_id": draft.id, "organisation": organisation.name})
    return draft


def adoptions_of(pilot: Pilot) -> list[Challenge]:
    """The challenges started from this pilot, oldest first."""
    return list(db.session.scalars(select(Challenge).where(Challenge.adopted_from_pilot_id == pilot.id)
                                   .order_by(Challenge.created_at, Challenge.id)))


def adoptions_for(user) -> list[Challenge]:
    """Challenges other municipalities started from the pilots of the user's municipalities."""
    org_ids = [o.id for o in organisations_of(user, OrgKind.MUNICIPALITY)]
    if not org_ids:
        return []
    return list(db.session.scalars(
        select(Challenge).join(Pilot, Pilot.id == Challenge.adopted_from_pilot_id)
        .where(Pilot.municipality_id.in_(org_ids)).order_by(Challenge.created_at.desc(), Challenge.id.desc())))
