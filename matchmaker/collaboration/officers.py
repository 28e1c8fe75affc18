"""The people who work on a challenge for its owners: the lead buyer's officers and the co-owners'."""

from __future__ import annotations


def owning_organisations(challenge, right: str | None = None) -> list:
    """The lead buyer, then each co-owner that holds `right` (every co-owner when None)."""
    return [challenge.organisation] + [co.organisation for co in challenge.co_owners
                                       if right is None or getattr(co, right)]


def officers_of(challenge, right: str | None = None) -> list:
    """The officers of the owning organisations (see `owning_organisations`), each once."""
    people, seen = [], set()
    for organisation in owning_organisations(challenge, right):
        for membership in organisation.memberships:
            if membership.user_id not in seen:
                seen.add(membership.user_id)
                people.append(membership.user)
    return people
