"""KPI services: which challenges a dashboard counts (its scope), the plain records `figures.py` computes
over, and the municipality's choice to make its figures public."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.services import record_event
from ..challenges.models import Challenge
from ..collaboration.models import CoOwner, Round
from ..db_types import utcnow
from ..enums import ChallengeStatus, DecisionOutcome, DecisionStatus, OrgKind, PilotStatus, ProposalStatus
from ..errors import NotAllowed
from ..evaluation.models import Decision
from ..extensions import db
from ..lessons.models import Lesson
from ..organisations.models import Organisation
from ..pilots.models import Pilot
from ..proposals.models import Proposal
from . import permissions
from .figures import (
    ApplicationRecord,
    AwardRecord,
    ChallengeRecord,
    LessonRecord,
    PilotRecord,
    Records,
    Report,
    compute_report,
)

# Submitted and not withdrawn: the proposals a challenge received.
COUNTED_PROPOSALS = (ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.REJECTED,
                     ProposalStatus.AWARDED)


@dataclass
class Scope:
    """The challenges one dashboard counts. `left_out` counts the challenges of the same set that this
    reader does not see, because none of their municipalities publishes its figures."""

    kind: str  # municipality | round | overall
    challenge_ids: list[int]
    left_out: int = 0
    organisation: Organisation | None = None
    round: Round | None = None
    municipalities: int = 0  # how many municipalities own the counted challenges

    @property
    def slug(self) -> str:
        return {"municipality": getattr(self.organisation, "slug", ""),
                "round": getattr(self.round, "slug", "")}.get(self.kind, "all")


def owners_by_challenge(challenge_ids: list[int] | None = None) -> dict[int, set[int]]:
    """Challenge id -> the ids of the municipalities that own it: the lead buyer and the co-owners."""
    query = select(Challenge.id, Challenge.organisation_id)
    co_query = select(CoOwner.challenge_id, CoOwner.organisation_id)
    if challenge_ids is not None:
        query = query.where(Challenge.id.in_(challenge_ids))
        co_query = co_query.where(CoOwner.challenge_id.in_(challenge_ids))
    owners: dict[int, set[int]] = defaultdict(set)
    for challenge_id, organisation_id in db.session.execute(query):
        owners[challenge_id].add(organisation_id)
    for challenge_id, organisation_id in db.session.execute(co_query):
        if challenge_id in owners:
            owners[challenge_id].add(organisation_id)
    return owners


def public_municipality_ids() -> set[int]:
    return set(db.session.scalars(select(Organisation.id).where(
        Organisation.kind == OrgKind.MUNICIPALITY, Organisation.kpis_public.is_(True))))


def _limited(kind: str, owners: dict[int, set[int]], sees_all: bool, **fields) -> Scope:
    public = set() if sees_all else public_municipality_ids()
    counted = owners if sees_all else {cid: ids for cid, ids in owners.items() if ids & public}
    return Scope(kind, sorted(counted), left_out=len(owners) - len(counted),
                 municipalities=len(set().union(*counted.values())) if counted else 0, **fields)


def municipality_scope(organisation: Organisation) -> Scope:
    """The challenges the municipality leads or co-owns."""
    led = select(Challenge.id).where(Challenge.organisation_id == organisation.id)
    co_owned = select(CoOwner.challenge_id).where(CoOwner.organisation_id == organisation.id)
    ids = sorted(set(db.session.scalars(led)) | set(db.session.scalars(co_owned)))
    return Scope("municipality", ids, organisation=organisation, municipalities=1)


def round_scope(round_: Round, user) -> Scope:
    ids = list(db.session.scalars(select(Challenge.id).where(Challenge.round_id == round_.id)))
    return _limited("round", owners_by_challenge(ids) if ids else {}, permissions.sees_whole_round(user, round_),
                    round=round_)


def overall_scope(user) -> Scope:
    return _limited("overall", owners_by_challenge(), permissions.sees_every_municipality(user))


def round_by_slug(slug: str) -> Round | None:
    return db.session.scalar(select(Round).where(Round.slug == slug))


def municipality_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.slug == slug,
                                                        Organisation.kind == OrgKind.MUNICIPALITY))


# --- records --------------------------------------------------------------------------------------

def load_records(challenge_ids: list[int]) -> Records:
    """The plain records of these challenges, plus every released award to their applicants, on any
    challenge (an earlier award elsewhere makes an applicant a returning supplier)."""
    if not challenge_ids:
        return Records()
    owners = owners_by_challenge(challenge_ids)
    challenges = [
        ChallengeRecord(id=row.id, owner_ids=frozenset(owners[row.id]), published_at=row.published_at,
                        submissions_close_at=row.submissions_close_at,
                        cancelled=row.status == ChallengeStatus.CANCELLED)
        for row in db.session.execute(select(Challenge.id, Challenge.published_at, Challenge.submissions_close_at,
                                             Challenge.status).where(Challenge.id.in_(challenge_ids)))]
    applications = [
        ApplicationRecord(challenge_id=row.challenge_id, startup_id=row.startup_id, size_fte=row.size_fte)
        for row in db.session.execute(
            select(Proposal.challenge_id, Proposal.startup_id, Organisation.size_fte)
            .join(Organisation, Organisation.id == Proposal.startup_id)
            .where(Proposal.challenge_id.in_(challenge_ids), Proposal.status.in_(COUNTED_PROPOSALS)))]
    award_rows = db.session.execute(
        select(Proposal.challenge_id, Proposal.startup_id, Decision.released_at, Proposal.id)
        .join(Decision, Decision.proposal_id == Proposal.id)
        .where(Decision.status == DecisionStatus.RELEASED, Decision.outcome == DecisionOutcome.AWARDED,
               Proposal.startup_id.in_(sorted({a.startup_id for a in applications})))).all()
    award_owners = owners_by_challenge(sorted({row.challenge_id for row in award_rows}))
    awards = [AwardRecord(challenge_id=row.challenge_id, startup_id=row.startup_id,
                          owner_ids=frozenset(award_owners[row.challenge_id]), released_at=row.released_at)
              for row in award_rows]
    awarded_at = {row.id: row.released_at for row in award_rows}
    pilots = [
        PilotRecord(challenge_id=pilot.challenge_id, awarded_at=awarded_at.get(pilot.proposal_id, pilot.created_at),
                    started_at=pilot.started_at, decided_at=pilot.decided_at,
                    continued=(pilot.status == PilotStatus.CONTINUED) if pilot.is_decided else None,
                    budget_cents=pilot.budget_cents, spent_cents=pilot.spent_cents)
        for pilot in db.session.scalars(select(Pilot).where(Pilot.challenge_id.in_(challenge_ids)))]
    lessons = [LessonRecord(challenge_id=row.challenge_id, published_at=row.published_at)
               for row in db.session.execute(select(Lesson.challenge_id, Lesson.published_at).where(
                   Lesson.challenge_id.in_(challenge_ids), Lesson.published_at.is_not(None)))]
    return Records(challenges, applications, awards, pilots, lessons)


def report_for(scope: Scope, now: datetime | None = None) -> Report:
    return compute_report(load_records(scope.challenge_ids), now=now or utcnow())


def public_municipalities() -> list[Organisation]:
    """The municipalities whose figures are public, by name: the overall page links to each."""
    return list(db.session.scalars(select(Organisation).where(
        Organisation.kind == OrgKind.MUNICIPALITY, Organisation.kpis_public.is_(True)).order_by(Organisation.name)))


# --- the municipality's choice --------------------------------------------------------------------

def set_kpis_public(*, organisation: Organisation, user, public: bool) -> bool:
    """Make the municipality's figures public or private; True when that changed something (sending the
    same choice twice changes nothing and records nothing)."""
    if not permissions.can_publish_kpis(user, organisation):
        raise NotAllowed(_("Only the municipality's officers decide whether its figures are public."))
    if organisation.kpis_public == public:
        return False
    organisation.kpis_public = public
    db.session.flush()
    record_event(actor=user, action="organisation.kpis_published" if public else "organisation.kpis_unpublished",
                 subject=organisation, data={"kpis_public": public})
    return True
