"""Small helpers for views: safe redirects, domain errors onto forms, 404 lookups."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

from flask import Response, abort, flash, redirect, request, url_for
from werkzeug.routing import IntegerConverter

from .database import rollback
from .db_types import MAX_ID, parse_id
from .errors import DomainError
from .extensions import db

MAX_NEXT = 2000


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None. Browsers read a backslash as a slash, so
    `/\\evil.example` would leave the site: backslashes and control characters are refused too."""
    if not target or len(target) > MAX_NEXT or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) < 32 or ord(char) == 127 for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def safe_next(default_endpoint: str = "main.dashboard", *, target: str | None = None, **values) -> str:
    """The `next` parameter (or `target`, e.g. read from a signed link) if it points inside this site,
    otherwise the default page."""
    if target is None:
        target = request.values.get("next", "")
    return local_path(target) or url_for(default_endpoint, **values)


def redirect_next(default_endpoint: str = "main.dashboard", **values):
    return redirect(safe_next(default_endpoint, **values))


def show_error(error: DomainError, form=None) -> None:
    """Undo the failed service call and show its message on the field it names, or as a flash."""
    rollback()
    add_error(error, form)


def add_error(error: DomainError, form=None) -> None:
    """Show a domain error on the form field it names, or as a flash (keeping the session's work)."""
    for field, message in error.problems:
        if form is not None and field and field in form:
            form[field].errors = list(form[field].errors) + [message]
        else:
            flash(message, "error")


MAX_PAGE = 10_000


class IdConverter(IntegerConverter):
    """`<id:name>`: a positive database id that fits an INTEGER column (a bigger number is a 404)."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


def page_number() -> int:
    page = request.args.get("page", 1, type=int) or 1
    return min(max(page, 1), MAX_PAGE)


def reject_nul_bytes() -> None:
    """Before each request: NUL characters are never legitimate input and PostgreSQL refuses them."""
    for values in (request.args, request.form):
        for value in values.values():
            if "\x00" in value:
                abort(400)


def get_or_404(model, ident):
    ident = parse_id(ident)
    if ident is None:
        abort(404)
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj


def csv_response(rows: list[list], filename: str) -> Response:
    """A CSV download (UTF-8 with a byte-order mark, so spreadsheet programs read accents right)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response("\ufeff" + buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
