"""Small helpers for views: safe redirects, domain errors onto forms, 404 lookups."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, request, url_for

from .database import rollback
from .errors import DomainError
from .extensions import db


def safe_next(default_endpoint: str = "main.dashboard", **values) -> str:
    """The `next` parameter if it points inside this site, otherwise the default page."""
    target = request.values.get("next", "")
    parts = urlsplit(target)
    if target and not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for(default_endpoint, **values)


def redirect_next(default_endpoint: str = "main.dashboard", **values):
    return redirect(safe_next(default_endpoint, **values))


def show_error(error: DomainError, form=None) -> None:
    """Undo the failed service call and show its message on the field it names, or as a flash."""
    rollback()
    if form is not None and error.field and error.field in form:
        form[error.field].errors = list(form[error.field].errors) + [error.message]
    else:
        flash(error.message, "error")


def get_or_404(model, ident):
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        abort(404)
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj
