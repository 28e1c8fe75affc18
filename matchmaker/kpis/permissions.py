"""Who sees which KPI dashboard. A municipality decides whether its figures are public
(`Organisation.kpis_public`); its officers and the administrators always see them. Each predicate takes
the user first and never raises."""

from __future__ import annotations

from ..organisations.permissions import is_member


def _is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_admin)


def is_kpi_officer(user, organisation) -> bool:
    return organisation is not None and organisation.is_municipality and is_member(user, organisation)


def can_view_municipality_kpis(user, organisation) -> bool:
    if organisation is None or not organisation.is_municipality:
        return False
    return organisation.kpis_public or is_kpi_officer(user, organisation) or _is_admin(user)


def can_publish_kpis(user, organisation) -> bool:
    """Only the municipality's own officers make its figures public or private again."""
    return is_kpi_officer(user, organisation)


def sees_whole_round(user, round_) -> bool:
    """Administrators and the officers of the municipality that runs the round count all its challenges;
    everyone else the challenges of municipalities whose figures are public."""
    return _is_admin(user) or is_kpi_officer(user, round_.organisation)


def sees_every_municipality(user) -> bool:
    return _is_admin(user)
