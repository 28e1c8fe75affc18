"""Friendly error pages (HTML) and JSON errors for the API; never a bare 500 for bad input."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from .errors import DomainError

log = logging.getLogger(__name__)


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Something in the request was not right"),
              _("The page could not handle what was sent. Go back, check the form and try again.")),
        403: (_("You do not have access to this page"),
              _("You are signed in with an account that may not do this. Ask an owner of the organisation "
                "if you think you should have access.")),
        404: (_("Page not found"), _("This page does not exist, or it is not public.")),
        405: (_("This action is not possible here"), _("Use the buttons on the page.")),
        409: (_("This was changed at the same time"),
              _("Someone else changed this just now. Reload the page and try again; nothing was lost.")),
        413: (_("The file is too large"), _("Upload a smaller file.")),
        422: (_("The input could not be processed"), _("Check the form and try again.")),
        429: (_("Too many attempts"), _("Wait a minute and try again.")),
        500: (_("Something went wrong on our side"),
              _("The error has been logged. Try again in a moment; if it keeps happening, contact us.")),
    }


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def render_error(code: int, detail: str | None = None):
    title, text = _messages().get(code, _messages()[400 if code < 500 else 500])
    if wants_json():
        return jsonify({"error": {"status": code, "title": title, "detail": detail or text}}), code
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error):
        return render_error(400, _("The form had expired or was sent from another page. Reload the page "
                                   "and submit again; your text is still in the form if you go back."))

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        detail = error.description if wants_json() and error.code == 400 else None
        return render_error(error.code or 500, detail)

    @app.errorhandler(StaleDataError)
    @app.errorhandler(IntegrityError)
    @app.errorhandler(OperationalError)
    def _conflict(error):
        """Two requests changed the same thing at once (or the database was busy): nothing was saved."""
        from .database import rollback

        rollback()
        if isinstance(error, OperationalError) and not any(
                word in str(error).lower() for word in ("locked", "deadlock", "could not serialize")):
            log.exception("database error on %s %s", request.method, request.path)
            return render_error(500)
        log.warning("database conflict on %s %s: %s", request.method, request.path, error)
        return render_error(409)

    @app.errorhandler(DomainError)
    def _domain(error: DomainError):
        return render_error(error.status_code, error.message)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if app.testing and not app.config.get("RENDER_500_IN_TESTS"):
            raise error  # tests see the real traceback
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500)
