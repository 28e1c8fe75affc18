"""Small helpers for views: safe redirects, domain errors onto forms, 404 lookups."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import urlsplit

from defusedcsv import csv as defused_csv
from flask import Response, abort, flash, redirect, request, url_for
from werkzeug.routing import IntegerConverter

from .database import rollback
from .db_types import MAX_ID, parse_id
from .errors import DomainError
from .extensions import db
from .parsing import parse_whole_number

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
        add_problem(form, field, message)


def add_problem(form, field: str | None, message: str, *, unless_invalid: bool = False) -> None:
    """Put `message` on the field named `field` (a name, or the id of a field in a nested row such as
    `rows-2-name`), or let the form keep it (`form.add_problem`, e.g. for a total), or else flash it.
    With `unless_invalid`, a field that already shows an error keeps only that one."""
    target = find_field(form, field) if form is not None and field else None
    if target is not None:
        if not (unless_invalid and target.errors):
            target.errors = list(target.errors) + [message]
    elif form is not None and hasattr(form, "add_problem") and form.add_problem(field, message):
        return
    else:
        flash(message, "error")


def find_field(form, name: str):
    """The field of `form` named `name`, also inside FieldLists and FormFields (by id), or None."""
    if name in form:
        return form[name]
    for field in form:
        for entry in getattr(field, "entries", ()):
            if entry.id == name:
                return entry
            if getattr(entry, "form", None) is not None:
                found = find_field(entry.form, name)
                if found is not None:
                    return found
    return None


MAX_PAGE = 10_000


class IdConverter(IntegerConverter):
    """`<id:name>`: a positive database id that fits an INTEGER column (a bigger number is a 404).

    ASCII digits only: Werkzeug's `\\d+` would also match "٣" and hand it to `int()`."""

    regex = r"[0-9]+"

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)


def page_number() -> int:
    """The `page` query parameter, 1 when it is missing or not a whole number, at most MAX_PAGE."""
    page = parse_whole_number(request.args.get("page", "")) or 1
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


FORMULA_STARTS = frozenset("=+-@|%")


def _first_visible(value: str) -> str:
    """The first character a spreadsheet might act on, past spaces and invisible characters,
    in its plain form (a full-width "＝" is "=")."""
    for char in value:
        if not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf")):
            return unicodedata.normalize("NFKC", char)[:1]
    return ""


def defuse_cell(value):
    """A cell that a spreadsheet shows as text and never runs as a formula (CSV injection).

    defusedcsv (used by `csv_response`) puts an apostrophe before text starting with = + - @ | or %
    and escapes "|" in it. It leaves numbers alone, and text that is just a number such as "-5" or
    "-2,50": a spreadsheet reads that as the number and nothing more, so it stays as it is. This adds
    what defusedcsv misses, in the same way: text starting with a tab or a carriage return (OWASP's
    list), and text whose first visible character is a formula character after spaces, line breaks
    or invisible characters (" =1+1", "\\n@SUM(1)") or in a full-width form ("＝1+1").
    """
    if not isinstance(value, str) or not value or value[0] in FORMULA_STARTS:
        return value  # not text, or defusedcsv's own case
    if value[0] in "\t\r" or _first_visible(value) in FORMULA_STARTS:
        return "'" + value.replace("|", "\\|")
    return value


def csv_response(rows: list[list], filename: str) -> Response:
    """A CSV download (UTF-8 with a byte-order mark, so spreadsheet programs read accents right), with
    every text cell defused against formula injection (see `defuse_cell`).

    CSV is for machines and stays the same in every interface language: numbers with a dot decimal
    (87.5, 250.00), no thousands separators, times as ISO 8601 in UTC. Pages and e-mails format numbers,
    money and dates for people in the reader's locale instead (`templating.number`, `money`, `localdt`)."""
    buffer = io.StringIO()
    defused_csv.writer(buffer).writerows([defuse_cell(cell) for cell in row] for row in rows)
    return Response("\ufeff" + buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
