"""Finding the organisation a page acts for, for views: 403 when the person may not act for it."""

from __future__ import annotations

from flask import abort, request

from ..enums import OrgKind
from . import services
from .permissions import organisations_of


def acting_municipality(user, allowed):
    """(the municipality the page acts for, all of the person's municipalities): the one named by
    `?org=<slug>` when `allowed(user, it)`, else their first; a 403 for someone with no municipality or
    a municipality they may not act for."""
    municipalities = organisations_of(user, OrgKind.MUNICIPALITY)
    if not municipalities:
        abort(403)
    slug = request.values.get("org")
    if not slug:
        return municipalities[0], municipalities
    organisation = services.get_by_slug(slug)
    if organisation is None or not allowed(user, organisation):
        abort(403)
    return organisation, municipalities
