"""Who may do what with lessons and adoptions. The officers of the municipality that owns the pilot (or
the challenge that ended without award) write, edit, publish and unpublish its lesson; a published
lesson is public, an unpublished one is theirs (and the administrators') only. An officer of another
municipality may adopt a pilot that continued to a contract."""

from __future__ import annotations

from ..challenges.permissions import can_manage_challenge
from ..enums import ChallengeStatus, OrgKind, PilotStatus
from ..organisations.permissions import is_member, organisations_of
from ..pilots.permissions import is_pilot_officer


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _admin(user) -> bool:
    return _authenticated(user) and bool(user.is_admin)


def ended_without_award(challenge) -> bool:
    """Decided with a reason for not awarding, or cancelled after it was published."""
    if challenge.status == ChallengeStatus.DECIDED:
        return bool((challenge.no_award_reason or "").strip())
    return challenge.status == ChallengeStatus.CANCELLED and challenge.published_at is not None


def can_write_pilot_lesson(user, pilot) -> bool:
    """A pilot's lesson is written once it reached the gate: continued or stopped."""
    return pilot.is_decided and is_pilot_officer(user, pilot)


def can_write_challenge_lesson(user, challenge) -> bool:
    return ended_without_award(challenge) and can_manage_challenge(user, challenge)


def is_lesson_officer(user, lesson) -> bool:
    if lesson.pilot is not None:
        return is_pilot_officer(user, lesson.pilot)
    return can_manage_challenge(user, lesson.challenge)


def can_edit_lesson(user, lesson) -> bool:
    return is_lesson_officer(user, lesson)


def can_publish_lesson(user, lesson) -> bool:
    return is_lesson_officer(user, lesson) and not lesson.is_published


def can_unpublish_lesson(user, lesson) -> bool:
    return is_lesson_officer(user, lesson) and lesson.is_published


def can_view_lesson(user, lesson) -> bool:
    return lesson.is_published or is_lesson_officer(user, lesson) or _admin(user)


# --- adopting a pilot ---------------------------------------------------------------------------------

def adopting_organisations(user, pilot) -> list:
    """The municipalities in whose name `user` may adopt `pilot`: their own, if it is neither the
    pilot's buyer nor a co-owner of its challenge."""
    if not _authenticated(user):
        return []
    owners = {pilot.municipality_id} | {co.organisation_id for co in pilot.challenge.co_owners}
    return [org for org in organisations_of(user, OrgKind.MUNICIPALITY) if org.id not in owners]


def can_adopt_pilot(user, pilot) -> bool:
    """Only a pilot that continued to a contract is a success another municipality can start from."""
    return pilot.status == PilotStatus.CONTINUED and bool(adopting_organisations(user, pilot))


def can_see_adoptions(user, pilot) -> bool:
    """Who adopted a pilot: its municipality's officers (and the administrators)."""
    return is_pilot_officer(user, pilot) or _admin(user)


def can_adopt_for(user, pilot, organisation) -> bool:
    return can_adopt_pilot(user, pilot) and organisation is not None and is_member(user, organisation) and any(
        org.id == organisation.id for org in adopting_organisations(user, pilot))
