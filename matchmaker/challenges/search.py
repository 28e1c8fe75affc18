"""A page of challenges in the matcher's order, shaped like Flask-SQLAlchemy's pagination."""

from __future__ import annotations

from math import ceil

from sqlalchemy import select

from ..extensions import db
from .models import Challenge


class RankedPage:
    def __init__(self, ids: list[int], page: int, per_page: int):
        self.total = len(ids)
        self.per_page = per_page
        self.pages = max(1, ceil(self.total / per_page)) if self.total else 0
        self.page = min(max(page, 1), max(self.pages, 1))
        window = ids[(self.page - 1) * per_page:self.page * per_page]
        rows = {c.id: c for c in db.session.scalars(select(Challenge).where(Challenge.id.in_(window)))}
        self.items = [rows[i] for i in window if i in rows]

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None

    def iter_pages(self, left_edge: int = 2, left_current: int = 2, right_current: int = 4, right_edge: int = 2):
        last = 0
        for number in range(1, self.pages + 1):
            if (number <= left_edge or self.page - left_current - 1 < number < self.page + right_current
                    or number > self.pages - right_edge):
                if last + 1 != number:
                    yield None
                yield number
                last = number
