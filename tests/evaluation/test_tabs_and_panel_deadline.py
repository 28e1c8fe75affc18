"""The evaluation tab bar shows tabs that cannot work yet as disabled with the reason (never a link to a
403 page), and the panel's deadline for reviews is set on the panel page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.evaluation import panel, tabs
from matchmaker.extensions import db

from ..conftest import login


def nav(page: str) -> str:
    return re.search(r'<nav class="actions subnav"[^>]*>(.*?)</nav>', page, re.DOTALL).group(1)


def test_before_the_deadline_scores_and_decisions_are_disabled_with_the_reason(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    close_at = (utcnow() + timedelta(days=30)).replace(month=3, day=12, hour=16, minute=0, second=0, microsecond=0)
    if close_at <= utcnow():
        close_at = close_at.replace(year=close_at.year + 1)
    challenge = make.challenge(organisation=municipality, submissions_close_at=close_at)
    login(client, officer)
    for path in (f"/challenges/{challenge.id}/panel", f"/challenges/{challenge.id}/audit"):
        bar = nav(client.get(path).get_data(as_text=True))
        assert f'href="/challenges/{challenge.id}/evaluation"' not in bar
        assert f'href="/challenges/{challenge.id}/decisions"' not in bar
        assert bar.count('aria-disabled="true"') == 2
        assert "Scores and ranking <span class=\"tab-reason\">(after the deadline, 12 March 17:00)</span>" in bar
        assert f'href="/challenges/{challenge.id}/panel"' in bar or 'aria-current="page"' in bar
    manage = client.get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert f'href="/challenges/{challenge.id}/evaluation"' not in manage
    assert "Decisions <span class=\"tab-reason\">(after the deadline, 12 March 17:00)</span>" in manage
    # in Dutch, the reason reads Dutch
    with client.session_transaction() as session:
        session["locale"] = "nl"
    bar = nav(client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True))
    assert "(na de deadline, 12 maart 17:00)" in bar


def test_after_the_deadline_every_tab_is_a_working_link(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=-1)
    make.proposal(challenge=challenge)
    login(client, officer)
    bar = nav(client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True))
    assert "aria-disabled" not in bar
    for href in re.findall(r'href="([^"]+)"', bar):
        assert client.get(href).status_code == 200, href


def test_cancelled_challenge_has_no_links_to_forbidden_pages(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.CANCELLED)
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    bar = nav(page)
    assert bar.count('aria-disabled="true"') == 3 and "the challenge is cancelled" in bar
    for href in re.findall(r'href="([^"]+)"', page.split("<main")[1]):
        if href.startswith("/challenges/"):
            assert client.get(href).status_code == 200, href


def test_administrator_reading_the_audit_trail_sees_only_that_tab(client, make):
    challenge = make.challenge(days_open=-1)
    login(client, make.admin())
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert re.findall(r'href="([^"]+)"', nav(page)) == [f"/challenges/{challenge.id}/audit"]
    assert f'href="/challenges/{challenge.id}/manage"' not in page


def test_tabs_for_a_draft_say_it_needs_publishing(make):
    officer = make.officer()
    draft = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT)
    with force_locale("en"):
        result = {t.endpoint: t.reason for t in tabs.evaluation_tabs(officer, draft)}
    assert result == {"challenges.manage": None, "evaluation.panel_page": None,
                      "evaluation.overview": "after publishing and the deadline",
                      "evaluation.decisions_page": "after publishing and the deadline", "evaluation.audit": None}
    assert tabs.evaluation_tabs(make.user(), draft) == []


def test_officer_sets_the_panel_deadline(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=5)
    login(client, officer)
    local_close = challenge.submissions_close_at
    due = (local_close + timedelta(days=14)).astimezone(__import__("zoneinfo").ZoneInfo("Europe/Amsterdam"))
    response = client.post(f"/challenges/{challenge.id}/panel/settings", data={
        "blind_review": "open", "reviews_due_at": due.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    db.session.refresh(challenge)
    assert challenge.reviews_due_at == due.replace(second=0, microsecond=0)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "evaluation.settings_changed"))
    assert event.data == {"reviews_due_at": challenge.reviews_due_at.isoformat()}
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert f'value="{due.strftime("%Y-%m-%dT%H:%M")}"' in page
    # an evaluator on the panel sees it in the queue
    seat = make.seat(challenge=challenge)
    login(client, seat.user)
    queue = client.get(f"/panel/{seat.id}").get_data(as_text=True)
    assert "The panel&#39;s deadline for reviews:" in queue or "The panel's deadline for reviews:" in queue


@pytest.mark.parametrize("value, message", [
    ("before", "The panel&#39;s deadline must come after the submission deadline"),
    ("2026-99-99T10:00", "Enter a date and time, such as 2026-05-31T17:00."),
])
def test_panel_deadline_before_the_submissions_or_unreadable_is_refused(client, make, value, message):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=5, blind_review=False)
    login(client, officer)
    if value == "before":
        value = (challenge.submissions_close_at - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/challenges/{challenge.id}/panel/settings", data={
        "blind_review": "blind", "reviews_due_at": value})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.reviews_due_at is None and challenge.blind_review is False  # nothing half-saved


def test_clearing_the_panel_deadline_and_leaving_it_alone(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, days_open=5)
    due = challenge.submissions_close_at + timedelta(days=7)
    panel.update_settings(challenge=challenge, user=officer, blind_review=False, panel_sees_scores=False,
                          reviews_due_at=due)
    panel.update_settings(challenge=challenge, user=officer, blind_review=True, panel_sees_scores=False)
    assert challenge.reviews_due_at == due and challenge.blind_review
    panel.update_settings(challenge=challenge, user=officer, blind_review=True, panel_sees_scores=False,
                          reviews_due_at=None)
    assert challenge.reviews_due_at is None


def test_an_extended_deadline_past_the_panel_deadline_is_flagged(client, make):
    from matchmaker.challenges.services import extend_deadline

    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=5)
    panel.update_settings(challenge=challenge, user=officer, blind_review=False, panel_sees_scores=False,
                          reviews_due_at=challenge.submissions_close_at + timedelta(days=2))
    assert not any("no longer after" in warning for warning in panel.panel_warnings(challenge))
    extend_deadline(challenge=challenge, user=officer, new_close_at=challenge.submissions_close_at + timedelta(days=7),
                    reason="Meer tijd voor vragen.")
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert "is no longer after the submission deadline, which was extended: set a new one below." in page
