"""Test fixtures: one database per test session (SQLite file, or a private PostgreSQL schema when
DATABASE_URL points at PostgreSQL), built by the Alembic migrations and emptied after every test."""

from __future__ import annotations

import contextvars
import os
import uuid

import pytest
import sqlalchemy as sa
from flask import has_app_context
from flask.testing import FlaskClient
from flask_babel import force_locale

from matchmaker import create_app
from matchmaker.config import TestConfig
from matchmaker.database import commit
from matchmaker.extensions import db

from .factories import Factory

PG_PREFIX = "postgresql"


def private_database(folder) -> tuple[dict, callable]:
    """Settings for an empty database of the suite's kind (a SQLite file in `folder`, or a private
    PostgreSQL schema when DATABASE_URL points at PostgreSQL), and a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(PG_PREFIX):
        return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'test.sqlite'}"}, lambda: None
    schema = f"mm_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()

    return {
        "SQLALCHEMY_DATABASE_URI": url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"options": f"-csearch_path={schema}"}},
        "TEST_SCHEMA": schema,
    }, drop


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    settings, drop = private_database(tmp_path_factory.mktemp("db"))
    instance = tmp_path_factory.mktemp("instance")
    os.environ["INSTANCE_PATH"] = str(instance)

    class Config(TestConfig):
        pass

    for key, value in settings.items():
        setattr(Config, key, value)
    application = create_app(Config)
    with application.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
    drop()


def app_like(app, **overrides):
    """Another app on the same test database (another process, another setting), e.g.
    `app_like(app, WTF_CSRF_ENABLED=True)`."""
    config = type("Variant", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "SQLALCHEMY_ENGINE_OPTIONS": app.config["SQLALCHEMY_ENGINE_OPTIONS"],
        **overrides,
    })
    return create_app(config)


def _empty_database() -> None:
    tables = [t.name for t in db.metadata.sorted_tables]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    else:
        for name in reversed(tables):
            db.session.execute(sa.text(f"DELETE FROM {name}"))
    db.session.commit()


@pytest.fixture(autouse=True)
def app_ctx(app):
    """Each test body runs in its own app context (and database session); the data goes after."""
    from matchmaker.recommendations.services import reset as reset_matcher

    with app.app_context(), force_locale("en"):  # service messages in tests read English
        reset_matcher()  # the matcher's per-process index must not remember the previous test's rows
        yield
        db.session.rollback()
        _empty_database()
        db.session.remove()


class IsolatedClient(FlaskClient):
    """A test client whose requests run in their own contexts, as they would in production.

    Without this, a request would reuse the test's app context, sharing `g` (and the signed-in user)
    and the database session between requests. Before each request the test's pending work is
    committed; afterwards the test's session is reset so it reads what the request wrote.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.rollback()
        return response


@pytest.fixture
def client(app):
    app.test_client_class = IsolatedClient
    test_client = app.test_client()
    test_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions read English; Dutch has its own tests
    return test_client


@pytest.fixture
def make(app) -> Factory:
    return Factory()


def login(client, user) -> None:
    """Sign a user in on a test client without going through the password form."""
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session["locale"] = "en"


@pytest.fixture
def login_as(client):
    def _login(user):
        login(client, user)
        return client

    return _login


@pytest.fixture
def outbox():
    """The e-mail stored so far, oldest first."""
    from matchmaker.mail.models import OutboxMessage

    def _read(to: str | None = None):
        db.session.rollback()
        query = sa.select(OutboxMessage).order_by(OutboxMessage.id)
        if to:
            query = query.where(OutboxMessage.to == to)
        return list(db.session.scalars(query))

    return _read


def pytest_sessionfinish(session, exitstatus):
    """With REQUIRE_BROWSER=1 (CI) the run fails unless browser tests actually ran and passed."""
    if os.environ.get("REQUIRE_BROWSER") != "1" or exitstatus != 0:
        return
    if getattr(session.config, "workerinput", None) is not None:
        return  # an xdist worker: the controller decides
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    passed = reporter.stats.get("passed", []) if reporter else []
    if not any("browser" in report.keywords for report in passed):
        if reporter:
            reporter.write_line("REQUIRE_BROWSER=1 but no browser test ran: failing the run.", red=True)
        session.exitstatus = 1
