"""Wiring: extensions, database settings, blueprints, error pages, template helpers, CLI."""

from __future__ import annotations

import logging

from flask import Flask, has_request_context, request, session
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .config import ConfigError
from .extensions import babel, csrf, db, limiter, login_manager, migrate

log = logging.getLogger(__name__)


def select_locale() -> str:
    """The interface language: the one in the session (switched, or kept at sign-in), then the one
    a signed-in person chose in their settings, then the browser's, then the account's, then Dutch."""
    from flask import current_app

    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    user = current_user if current_user and getattr(current_user, "is_authenticated", False) else None
    if user is not None and user.locale_chosen and user.locale in languages:
        return user.locale
    browser = request.accept_languages.best_match(languages)
    if browser:
        return browser
    if user is not None and user.locale in languages:
        return user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: enforce foreign keys and use write-ahead logging, on every connection."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def init_app(app: Flask) -> None:
    from .web import IdConverter, reject_nul_bytes

    _configure_proxies(app)
    _configure_dev_outbox(app)
    app.url_map.converters["id"] = IdConverter
    app.before_request(reject_nul_bytes)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}),
            "connect_args": {"timeout": 15},
        }
    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.config.get("MIGRATIONS_DIR") or _migrations_dir()))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    _init_login(app)

    from . import models  # noqa: F401  (every table registered with the metadata)

    _register_blueprints(app)
    from .cli import register_cli
    from .errorpages import register_error_handlers
    from .templating import register_template_helpers

    register_error_handlers(app)
    register_template_helpers(app)
    register_cli(app)
    _register_unit_of_work(app)
    _register_security_headers(app)


def _configure_proxies(app: Flask) -> None:
    """Behind `TRUSTED_PROXIES` reverse proxies, read the client's address, the scheme, the host and
    the path prefix from the X-Forwarded-* headers those proxies set (werkzeug's ProxyFix trusts
    only that many entries, counted from the right, so a client cannot inject its own). With 0 the
    headers are ignored: the connecting machine is the client."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from .parsing import parse_whole_number

    raw = app.config.get("TRUSTED_PROXIES") or 0
    problem = f"TRUSTED_PROXIES must be the number of proxies in front of the app (0 or more), not {raw!r}."
    count = None if isinstance(raw, bool) else parse_whole_number(str(raw).strip())
    if count is None or count < 0:
        raise ConfigError(problem)
    app.config["TRUSTED_PROXIES"] = count
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_prefix=count)


DEVELOPMENT_ENVS = ("development", "testing")


def _configure_dev_outbox(app: Flask) -> None:
    """Decide `DEV_OUTBOX` (unset: on in development with the console mail backend) and refuse to
    start with it on in production, where it would show password-reset links."""
    setting = app.config.get("DEV_OUTBOX")
    if isinstance(setting, str):
        setting = setting.strip().lower() in {"1", "true", "yes", "on"}
    if setting is None:
        setting = app.config.get("ENV_NAME") in DEVELOPMENT_ENVS and app.config.get("MAIL_BACKEND") == "console"
    if setting and app.config.get("ENV_NAME") == "production":
        raise ConfigError("DEV_OUTBOX must be off in production (MATCHMAKER_ENV=production): the development "
                          "outbox shows every e-mail the app sends, password-reset links included.")
    app.config["DEV_OUTBOX"] = bool(setting)


def _migrations_dir():
    from . import PROJECT_ROOT

    return PROJECT_ROOT / "migrations"


def _init_login(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from .accounts.models import User
    from .db_types import parse_id

    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str):
        ident, _, token = user_id.partition(":")
        ident = parse_id(ident)
        if ident is None or not token:
            return None
        user = db.session.get(User, ident)
        if user is None or not user.active or user.session_token != token:
            return None
        return user


def _register_blueprints(app: Flask) -> None:
    from .accounts.views import bp as accounts_bp
    from .admin.views import bp as admin_bp
    from .api.views import bp as api_bp
    from .challenges.views import bp as challenges_bp
    from .collaboration.round_views import bp as rounds_bp
    from .collaboration.views import bp as collaboration_bp
    from .evaluation.panel_views import bp as panel_bp
    from .evaluation.views import bp as evaluation_bp
    from .kpis.views import bp as kpis_bp
    from .main.views import bp as main_bp
    from .organisations.views import bp as organisations_bp
    from .pilots.views import bp as pilots_bp
    from .proposals import autosave  # noqa: F401  (its routes are on the proposals blueprint)
    from .proposals.views import bp as proposals_bp
    from .proposals.wayin_views import bp as wayin_bp
    from .recommendations.views import bp as recommendations_bp

    for blueprint in (main_bp, accounts_bp, organisations_bp, challenges_bp, proposals_bp, wayin_bp, evaluation_bp,
                      panel_bp, recommendations_bp, pilots_bp, collaboration_bp, rounds_bp, admin_bp, api_bp, kpis_bp):
        app.register_blueprint(blueprint)
    from .lessons.views import bp as lessons_bp

    app.register_blueprint(lessons_bp)

    from .mail import views as devmail

    if devmail.enabled(app):
        app.register_blueprint(devmail.bp)

    if app.config.get("MATCH_INDEX_BACKGROUND", True):
        warmed = []

        @app.before_request
        def _warm_up_matcher():
            """Build the matcher's indexes in the background, once per process, without delaying this request."""
            if not warmed:
                warmed.append(True)
                from .recommendations.services import warm_up

                warm_up()


def _register_unit_of_work(app: Flask) -> None:
    """Work is kept only where a view called `commit()`; what is left at the end is rolled back."""
    from .database import has_uncommitted_writes, rollback

    @app.after_request
    def _finish(response):
        if has_uncommitted_writes() and response.status_code < 400:
            message = f"{request.method} {request.path} wrote to the database but did not commit"
            if app.testing and not app.config.get("ALLOW_UNCOMMITTED_WRITES"):
                rollback()
                raise RuntimeError(message)  # a view that forgot `commit()` fails its tests
            log.warning(message)
        rollback()
        return response

    @app.teardown_request
    def _cleanup(exc):
        if exc is not None:
            rollback()


def _register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
        )
        return response
