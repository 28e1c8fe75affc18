"""URL slugs: lowercase ASCII words joined by hyphens, made unique per table."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select

from .extensions import db

RESERVED = {"new", "invitations"}  # path segments that are routes, not slugs


def slugify(text: str, max_length: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "item"


def unique_slug(model, text: str, exclude_id: int | None = None) -> str:
    """A slug for `text` not yet used in `model`; never all digits, so it can't be taken for an id."""
    base = slugify(text)
    if base.isdigit() or base in RESERVED:
        base = f"n-{base}"
    candidate, n = base, 1
    while True:
        query = select(model.id).where(model.slug == candidate)
        if exclude_id is not None:
            query = query.where(model.id != exclude_id)
        if db.session.scalar(query) is None:
            return candidate
        n += 1
        candidate = f"{base}-{n}"
