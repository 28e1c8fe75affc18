"""What the challenge pages show about lessons: the lesson of a challenge that ended without award,
the lessons and pilots that fit a draft, and the pilot a draft was adopted from."""

from __future__ import annotations

from . import permissions, search, services


def lesson_context(user, challenge) -> dict:
    """Template values for the challenge's manage page."""
    lesson = services.lesson_of_challenge(challenge) if permissions.ended_without_award(challenge) else None
    return {
        "no_award_lesson": lesson,
        "can_write_lesson": permissions.can_write_challenge_lesson(user, challenge),
        "fitting_lessons": search.fitting_challenge(challenge) if challenge.is_draft else [],
        "lesson_outcomes": services.outcome_labels(),
    }
