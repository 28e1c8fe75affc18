"""App-wide behaviour: configuration, migrations, mail delivery, CLI, languages, error pages."""

import smtplib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy import text as sa_text

from matchmaker import create_app
from matchmaker.config import ConfigError, resolve_secret_key
from matchmaker.database import commit
from matchmaker.enums import OutboxStatus
from matchmaker.extensions import db
from matchmaker.mail import services as mail
from matchmaker.mail.models import OutboxMessage

from .conftest import app_like, login


def test_models_and_migrations_agree(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_sqlite_runs_with_foreign_keys_and_wal(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_production_refuses_to_start_without_secret_key(tmp_path):
    with pytest.raises(ConfigError):
        resolve_secret_key({"ENV_NAME": "production", "SECRET_KEY": None}, str(tmp_path))


def test_development_generates_and_keeps_a_secret_key(tmp_path):
    first = resolve_secret_key({"ENV_NAME": "development", "SECRET_KEY": None}, str(tmp_path))
    second = resolve_secret_key({"ENV_NAME": "development", "SECRET_KEY": None}, str(tmp_path))
    assert first == second and len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_environment_key_wins(tmp_path):
    assert resolve_secret_key({"ENV_NAME": "production", "SECRET_KEY": "from-env"}, str(tmp_path)) == "from-env"


def test_console_mail_is_written_to_the_instance_outbox(app, make):
    user = make.user()
    app.config["MAIL_BACKEND"] = "console"
    try:
        mail.mail_user(user, "password_changed")
        commit()
    finally:
        app.config["MAIL_BACKEND"] = "memory"
    message = db.session.scalar(select(OutboxMessage))
    assert message.status == OutboxStatus.SENT
    files = list((Path(app.instance_path) / "outbox").glob(f"{message.id:06d}-password_changed.eml"))
    assert len(files) == 1 and "Your password was changed" in files[0].read_text()


def test_mail_stays_in_the_outbox_while_smtp_is_down_and_is_sent_later(app, make, monkeypatch):
    user = make.user()
    sent = []

    class DownSMTP:
        def __init__(self, *args, **kwargs):
            raise ConnectionRefusedError("SMTP is down")

    class UpSMTP:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send_message(self, message):
            sent.append(message["To"])

    app.config["MAIL_BACKEND"] = "smtp"
    try:
        monkeypatch.setattr(smtplib, "SMTP", DownSMTP)
        mail.mail_user(user, "password_changed")
        commit()
        message = db.session.scalar(select(OutboxMessage))
        assert (message.status, message.attempts) == (OutboxStatus.PENDING, 1)
        assert "SMTP is down" in message.last_error
        monkeypatch.setattr(smtplib, "SMTP", UpSMTP)
        assert mail.deliver_pending() == 1
    finally:
        app.config["MAIL_BACKEND"] = "memory"
    db.session.refresh(message)
    assert message.status == OutboxStatus.SENT and sent == [user.email]


def test_mail_is_rendered_in_the_recipients_language(make):
    dutch, english = make.user(locale="nl"), make.user(locale="en")
    nl_message = mail.mail_user(dutch, "password_changed")
    en_message = mail.mail_user(english, "password_changed")
    assert en_message.subject == "Your password was changed"
    assert nl_message.subject != en_message.subject
    assert "http" not in nl_message.subject


def test_mail_links_use_the_public_address(app, make):
    from matchmaker.accounts.services import send_verification

    user = make.user(verified=False)
    app.config["PUBLIC_URL"] = "https://matchmaker.gemeente.example"
    try:
        with app.test_request_context(base_url="http://internal:8000"):
            send_verification(user=user)
    finally:
        app.config["PUBLIC_URL"] = None
    message = db.session.scalar(select(OutboxMessage))
    assert "https://matchmaker.gemeente.example/account/verify/" in message.body


def test_mail_links_follow_the_request_when_no_public_address_is_set(app, make):
    from matchmaker.accounts.services import send_verification

    user = make.user(verified=False)
    with app.test_request_context(base_url="http://localhost:5055"):
        send_verification(user=user)
    without_request = make.user(verified=False)
    send_verification(user=without_request)
    bodies = [m.body for m in db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    assert "http://localhost:5055/account/verify/" in bodies[0]
    assert "http://127.0.0.1:5000/account/verify/" in bodies[1]


def test_create_admin_command(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "Root@Example.org", "--name", "Root", "--password", "x" * 14])
    assert result.exit_code == 0, result.output
    from matchmaker.accounts.services import find_user_by_email

    db.session.rollback()
    user = find_user_by_email("root@example.org")
    assert user.is_admin and user.is_verified
    result = runner.invoke(args=["create-admin", "short@example.org", "--password", "short"])
    assert result.exit_code != 0 and "12 characters" in result.output


def test_tick_command_closes_due_challenges(app, make):
    challenge = make.challenge(days_open=-0.01)
    commit()
    result = app.test_cli_runner().invoke(args=["tick"])
    assert result.exit_code == 0 and "closed 1 challenge" in result.output
    db.session.rollback()
    assert db.session.get(type(challenge), challenge.id).status.value == "closed"


def test_demo_data_loads_once_with_every_kind_of_content(app):
    from matchmaker.challenges.models import Challenge
    from matchmaker.demo import load_demo_data
    from matchmaker.organisations.models import Organisation

    runner = app.test_cli_runner()
    result = runner.invoke(args=["load-demo"])
    assert result.exit_code == 0, result.output
    assert "password for all" in result.output
    db.session.rollback()
    challenges = db.session.scalars(select(Challenge)).all()
    public = [c for c in challenges if c.is_public]
    assert len(public) >= 12
    assert {c.current_status.value for c in challenges} >= {"published", "closed", "draft", "cancelled"}
    from matchmaker.proposals.models import Proposal

    proposals = db.session.scalars(select(Proposal)).all()
    assert {p.status.value for p in proposals} == {"draft", "submitted", "withdrawn", "awarded", "rejected"}
    assert any(not p.challenge.is_open and p.status.value == "submitted" for p in proposals)
    kinds = [o.kind.value for o in db.session.scalars(select(Organisation))]
    assert kinds.count("municipality") >= 3 and kinds.count("startup") >= 20
    assert load_demo_data() is False
    check_demo_looks_real(challenges, proposals)
    check_demo_after_the_award()


def check_demo_after_the_award():
    """Pilots in every state with check-ins by both sides, the gate's outcomes, lessons (published and
    draft), an adoption and public KPIs, all reached through the services (audited)."""
    from matchmaker.audit.models import AuditEvent
    from matchmaker.challenges.models import Challenge
    from matchmaker.kpis.services import overall_scope, public_municipalities, report_for
    from matchmaker.lessons.models import Lesson
    from matchmaker.pilots.models import Pilot

    pilots = {p.challenge.slug: p for p in db.session.scalars(select(Pilot))}
    assert {p.status.value for p in pilots.values()} == {"planned", "running", "extended", "continued", "stopped"}
    running = pilots["energiecoaches-meer-bereik"]
    assert running.status.value == "running" and 3 <= len(running.check_ins) <= 5
    assert {c.side.value for c in running.check_ins} == {"startup", "municipality"}
    assert {c.light.value for p in pilots.values() for c in p.check_ins} == {"green", "amber", "red"}
    assert all(c.measurements for c in running.check_ins)
    assert any(m.done_on for m in running.milestones) and any(m.done_on is None for m in running.milestones)
    extended = pilots["de-escalatie-oefenen-boas"]
    assert extended.status.value == "extended" and extended.extended_until and extended.decision_motivation
    continued = pilots["brood-naar-de-wijk"]
    assert continued.status.value == "continued" and continued.procurement_route.value == "launching_customer"
    assert continued.contract_value_cents == 9_600_000 and continued.contract_on and continued.demo_report
    assert all(c.met(c.final_value) for c in continued.criteria)
    stopped = pilots["broken-pavement-early"]
    assert stopped.status.value == "stopped" and not any(c.met(c.final_value) for c in stopped.criteria)
    planned = pilots["laadpalen-eerlijk-verdelen"]
    assert planned.status.value == "planned" and planned.starts_on and len(planned.criteria) == 2
    lessons = db.session.scalars(select(Lesson)).all()
    published = {(lesson.outcome.value, lesson.challenge.slug) for lesson in lessons if lesson.is_published}
    assert published == {("continued", "brood-naar-de-wijk"), ("stopped", "broken-pavement-early"),
                         ("no_award", "wachten-aan-de-balie")}
    assert [lesson.challenge.slug for lesson in lessons if not lesson.is_published] == ["bakfietsen-delen-ondernemers"]
    adopted = db.session.scalars(select(Challenge).where(Challenge.adopted_from_pilot_id.is_not(None))).all()
    assert [(c.adopted_from_pilot_id, c.organisation.name, c.status.value) for c in adopted] == [
        (continued.id, "Gemeente Groningen", "draft")]
    assert [m.name for m in public_municipalities()] == ["Gemeente Eindhoven", "Gemeente Utrecht"]
    report = report_for(overall_scope(None))  # what the public sees on /kpis
    published = report["challenges_published"]
    assert len([q for q in report.quarters if published.at(q).value]) >= 5
    assert report["pilots_started"].total.value == 4 and report["lessons_published"].total.value == 2
    assert (report["continued_share"].total.count, report["continued_share"].total.basis) == (2, 3)
    from matchmaker.collaboration.models import Round

    (round_,) = db.session.scalars(select(Round)).all()
    in_round = db.session.scalars(select(Challenge).where(Challenge.round_id == round_.id)).all()
    assert round_.name == "SiR Noord-Nederland 2027-1" and len(in_round) == 3
    assert {(c.status.value, c.submissions_close_at) for c in in_round} == {("published", round_.submissions_close_at)}
    (co_owned,) = [c for c in in_round if c.co_owners]
    rights = {co.organisation.name: [r for r in co.RIGHTS if getattr(co, r)] for co in co_owned.co_owners}
    assert rights == {"Gemeente Leeuwarden": ["may_answer_questions", "may_manage_panel", "may_decide"],
                      "Gemeente Assen": ["may_answer_questions"]}
    actions = {a for (a,) in db.session.execute(select(AuditEvent.action))}
    assert {"round.created", "challenge.round_joined", "challenge.co_owner_added"} <= actions
    assert {"pilot.started", "pilot.check_in", "pilot.extended", "pilot.continued", "pilot.stopped",
            "pilot.demo_day", "lesson.published", "pilot.adopted", "organisation.kpis_published"} <= actions


def check_demo_looks_real(challenges, proposals):
    """Own prices, own words, scores with spread, a disagreement, and states reached by real moves."""
    from matchmaker.audit.models import AuditEvent
    from matchmaker.evaluation.models import Review
    from matchmaker.evaluation.results import ranking

    sent = [p for p in proposals if not p.is_draft]
    prices = [p.price_cents for p in sent]
    assert len(set(prices)) == len(prices) and all(p is not None for p in prices)
    assert any(p.price_cents > p.challenge.budget_max_cents and p.price_justification for p in sent)
    summaries = [p.summary for p in proposals]
    assert len(set(summaries)) == len(summaries)
    assert not any("stelt een pilot voor rond" in s or "proposes a pilot on" in s for s in summaries)
    for proposal in sent:  # written in the challenge's language
        english = proposal.challenge.slug in ("rainwater-private-gardens", "energy-poverty-households",
                                              "broken-pavement-early")
        assert (" the " in proposal.summary) == english, proposal.challenge.slug
    assert len({p.duration_weeks for p in sent}) >= 4
    reviews = [r for r in db.session.scalars(select(Review)) if r.is_submitted]
    assert len(reviews) >= 12
    feedback = [r.feedback for r in reviews]
    assert len(set(feedback)) == len(feedback) and all(len(text) > 60 for text in feedback)
    values = [s.value for r in reviews for s in r.scores]
    assert set(values) == {1, 2, 3, 4, 5}
    assert all(s.comment for r in reviews for s in r.scores if s.value in (1, 5))
    assert all(len({s.value for s in r.scores}) >= 2 for r in reviews)  # no 4-4-4-4-4
    flagged = [row for c in challenges if c.current_status.value in ("evaluating", "decided")
               for row in ranking(c) if row.result.disagreement]
    assert flagged and max(row.result.spread for row in flagged) > 20
    # states come from lifecycle moves, at the time they happened
    actions = [a for (a,) in db.session.execute(select(AuditEvent.action))]
    for action in ("challenge.published", "challenge.closed", "challenge.cancelled", "challenge.evaluating",
                   "challenge.decided", "proposal.submitted", "proposal.withdrawn", "review.submitted",
                   "decision.released", "panel.accepted", "conflict.declared", "question.answered"):
        assert action in actions, action
    published = {e.subject_id: e.at for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "challenge.published"))}
    for challenge in challenges:
        if challenge.published_at is not None:
            assert abs((published[challenge.id] - challenge.published_at).total_seconds()) < 1
            assert challenge.published_at < challenge.submissions_close_at


def test_language_switch_changes_the_interface(client):
    client.post("/language", data={"locale": "nl", "next": "/challenges/"})
    page = client.get("/challenges/").get_data(as_text=True)
    assert '<html lang="nl">' in page and "Uitdagingen" in page
    client.post("/language", data={"locale": "en"})
    assert '<html lang="en">' in client.get("/challenges/").get_data(as_text=True)


def test_language_follows_the_browser(app):
    anonymous = app.test_client()
    page = anonymous.get("/", headers={"Accept-Language": "nl-NL,nl;q=0.9"}).get_data(as_text=True)
    assert '<html lang="nl">' in page
    page = anonymous.get("/", headers={"Accept-Language": "en-GB"}).get_data(as_text=True)
    assert '<html lang="en">' in page


def test_language_switch_ignores_unknown_language_and_foreign_next(client):
    response = client.post("/language", data={"locale": "xx", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_friendly_404_page(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and b"Page not found" in response.data


def test_api_style_404_is_json(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_unexpected_error_shows_friendly_500(app):
    other = app_like(app, RENDER_500_IN_TESTS=True)

    @other.get("/_boom")
    def _boom():
        raise RuntimeError("boom")

    response = other.test_client().get("/_boom", headers={"Accept-Language": "en"})
    assert response.status_code == 500 and b"Something went wrong on our side" in response.data


def test_csrf_token_is_required_on_forms(tmp_path, app):
    strict = app_like(app, WTF_CSRF_ENABLED=True)
    response = strict.test_client().post("/account/login", data={"email": "a@example.org", "password": "x" * 12},
                                         headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert b"The form had expired" in response.data


def test_sign_in_attempts_are_rate_limited(app):
    from matchmaker.extensions import limiter

    try:
        client = app_like(app, RATELIMIT_ENABLED=True).test_client()
        statuses = [
            client.post("/account/login", data={"email": "a@example.org", "password": "wrong password!"}).status_code
            for _ in range(11)
        ]
    finally:  # the extension object is shared by every app in this process
        limiter.reset()
        limiter.enabled = False
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_security_headers(client):
    headers = client.get("/").headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_post_with_huge_body_is_refused(client):
    response = client.post("/account/login", data={"email": "x" * (13 * 1024 * 1024)})
    assert response.status_code == 413


@pytest.mark.parametrize("path", [
    "/challenges/99999999999999999999", "/challenges/2147483648", "/challenges/0",
    "/challenges/?page=99999999999999999999999", "/challenges/?page=-5",
])
def test_out_of_range_numbers_never_crash(client, path):
    assert client.get(path).status_code in (200, 404)


def test_nul_bytes_in_input_are_a_400(client):
    assert client.get("/challenges/?q=a%00b").status_code == 400
    assert client.post("/account/login", data={"email": "a\x00@example.org", "password": "x"}).status_code == 400


def test_out_of_range_ids_in_post_routes_are_404(client, make):
    login(client, make.admin())
    assert client.post("/admin/users/99999999999/deactivate").status_code == 404


def test_dutch_catalogue_is_complete_and_keeps_placeholders():
    import re

    from babel.messages.pofile import read_po

    from matchmaker import PROJECT_ROOT

    path = PROJECT_ROOT / "matchmaker/translations/nl/LC_MESSAGES/messages.po"
    catalog = read_po(path.open("rb"))
    token = re.compile(r"%\(\w+\)\w|\{\w+\}")
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or "fuzzy" in message.flags:
            problems.append(("untranslated", ids[0]))
        elif set(token.findall(ids[-1])) != set(token.findall(strings[-1])):
            problems.append(("placeholders", ids[0]))
    assert problems == []


def test_production_mail_goes_through_the_redis_job_queue(app, make):
    import redis

    from matchmaker import jobs

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    user = make.user()
    app.config.update(JOB_QUEUE="rq", REDIS_URL=url)
    try:
        jobs.queue().empty()
        mail.mail_user(user, "password_changed")
        commit()
        message = db.session.scalar(select(OutboxMessage))
        assert message.status == OutboxStatus.PENDING  # not sent in the request
        assert jobs.queue().count == 1
        jobs.run_worker(burst=True)
    finally:
        jobs.queue().empty()
        app.config.update(JOB_QUEUE="inline", REDIS_URL=None)
    db.session.refresh(message)
    assert message.status == OutboxStatus.SENT and message.attempts == 1


def test_every_theme_has_a_matcher_word():
    from matchmaker.recommendations.records import THEME_WORDS
    from matchmaker.themes import THEMES

    assert set(THEME_WORDS) == set(THEMES)


def test_development_outbox_page_only_with_the_console_backend(app, make):
    user = make.user(verified=False)
    from matchmaker.accounts.services import send_verification

    send_verification(user=user)
    commit()
    page = app_like(app, MAIL_BACKEND="console").test_client().get("/dev/mail/", headers={"Accept-Language": "en"})
    assert page.status_code == 200 and b"/account/verify/" in page.data
    production = app_like(app, MAIL_BACKEND="console", ENV_NAME="production")
    assert production.test_client().get("/dev/mail/").status_code == 404
    assert app.test_client().get("/dev/mail/").status_code == 404  # memory backend (tests)


def test_migrations_go_down_and_up_again(tmp_path):
    """Every migration can be undone: a fresh SQLite database goes to the newest schema, to nothing
    and back."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import inspect

    other = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.db'}",
                        "MAIL_BACKEND": "memory", "RATELIMIT_ENABLED": False})
    with other.app_context():
        upgrade()
        assert "decisions" in inspect(db.engine).get_table_names()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert "apply_invitations" in inspect(db.engine).get_table_names()
        db.engine.dispose()


def test_upgrading_an_old_sqlite_database_keeps_every_row(tmp_path):
    """SQLite alters a table by rebuilding it; with foreign keys on, that used to cascade and delete the
    rows pointing at the rebuilt table (0004 rebuilt `users` and every membership was gone)."""
    import sqlite3

    from flask_migrate import upgrade

    path = tmp_path / "old.db"
    other = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                        "MAIL_BACKEND": "memory", "RATELIMIT_ENABLED": False})
    with other.app_context():
        upgrade(revision="0003")
        db.session.execute(sa_text(
            "INSERT INTO users (id, email, name, password_hash, locale, is_admin, active, session_token, created_at)"
            " VALUES (1, 'a@example.org', 'A', 'x', 'nl', 0, 1, 't', '2026-01-01 00:00:00')"))
        db.session.execute(sa_text(
            "INSERT INTO organisations (id, kind, name, slug, description, capabilities, sectors, created_at,"
            " updated_at) VALUES (1, 'startup', 'S', 's', '', '[]', '[]', '2026-01-01', '2026-01-01')"))
        db.session.execute(sa_text(
            "INSERT INTO memberships (id, user_id, organisation_id, role, created_at)"
            " VALUES (1, 1, 1, 'owner', '2026-01-01')"))
        db.session.commit()
        upgrade()
        db.session.remove()
        db.engine.dispose()
    rows = sqlite3.connect(path).execute("SELECT user_id, organisation_id FROM memberships").fetchall()
    assert rows == [(1, 1)]
