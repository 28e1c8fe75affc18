"""The public list of challenges: filters in SQL, free text through the matcher (typos forgiven).
Shared by the HTML list and the open-data API."""

from __future__ import annotations

from ..extensions import db
from .models import Challenge
from .search import RankedPage
from .services import search_public


def browse(*, text: str = "", theme: str = "", municipality: str = "", open_now: bool = False, page: int = 1,
           per_page: int = 12):
    from ..recommendations.services import search_challenge_ids

    query = search_public(theme=theme, municipality=municipality, open_now=open_now)
    if text:
        candidates = list(db.session.scalars(query.with_only_columns(Challenge.id)))
        ranked = search_challenge_ids(text, candidates)
        if ranked is not None:
            return RankedPage(ranked, page, per_page)
        # the matcher is still warming up: plain word search meanwhile
        query = search_public(text=text, theme=theme, municipality=municipality, open_now=open_now)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
