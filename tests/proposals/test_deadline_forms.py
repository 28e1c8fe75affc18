"""Deadline-aware forms: a countdown while the form is open, and a read-only form that says so at the
top once the deadline has passed (the services still refuse a late change)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from matchmaker.db_types import utcnow
from matchmaker.deadlines import countdown, labels, time_left_text
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal

from ..conftest import login


@pytest.mark.parametrize(("left", "english", "dutch"), [
    (timedelta(days=2, hours=3, minutes=10), "2 days 3 hours left", "nog 2 dagen 3 uur"),
    (timedelta(days=1), "1 day left", "nog 1 dag"),
    (timedelta(hours=5, minutes=1), "5 hours 1 minute left", "nog 5 uur 1 minuut"),
    (timedelta(minutes=59, seconds=1), "1 hour left", "nog 1 uur"),
    (timedelta(minutes=40), "40 minutes left", "nog 40 minuten"),
    (timedelta(seconds=61), "2 minutes left", "nog 2 minuten"),
    (timedelta(seconds=20), "less than a minute left", "nog minder dan een minuut"),
    (timedelta(0), "The deadline has passed.", "De deadline is verstreken."),
    (timedelta(days=-3), "The deadline has passed.", "De deadline is verstreken."),
])
def test_time_left_reads_as_people_say_it(left, english, dutch):
    assert time_left_text(left) == english
    with force_locale("nl"):
        assert time_left_text(left) == dutch


def test_the_last_hour_is_urgent_and_the_script_gets_the_same_words():
    now = utcnow()
    assert not countdown(now + timedelta(minutes=61), now).urgent
    assert countdown(now + timedelta(minutes=60), now).urgent
    assert countdown(now, now).passed and not countdown(now, now).urgent
    with force_locale("nl"):
        words = labels()
    assert words["day"] == ["{n} dag", "{n} dagen"] and words["hour"] == ["{n} uur", "{n} uur"]
    assert words["minute"] == ["{n} minuut", "{n} minuten"] and words["left"] == "nog {time}"
    assert labels()["left"] == "{time} left"


@pytest.fixture
def startup_client(client, make):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup)
    challenge = make.challenge(days_open=2.2)
    login(client, member)
    return client, startup, challenge


def _field_tags(page: str) -> dict[str, str]:
    return {m.group(2): m.group(0) for m in re.finditer(r'<(textarea|input|select)[^>]*\bid="([a-z_]+)"[^>]*>', page)}


def test_open_form_shows_the_countdown_and_the_buttons(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert re.search(r'<strong class="countdown-text">2 days (4|5) hours left</strong>', page)
    assert 'data-countdown="' in page and 'class="deadline-notice"' in page
    assert 'name="submit"' in page and 'name="save"' in page
    assert "readonly" not in _field_tags(page)["summary"]


def test_after_the_deadline_the_form_is_read_only_and_says_so_first(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT,
                             summary="Mijn concept")
    challenge.submissions_close_at = utcnow() - timedelta(minutes=5)
    challenge.questions_close_at = challenge.submissions_close_at
    response = client.get(f"/proposals/{proposal.id}/edit")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    notice = page.index("this proposal can no longer be changed.")
    assert notice < page.index('<form id="proposal-form"')
    assert "The deadline passed on " in page
    assert 'name="submit"' not in page and 'name="save"' not in page
    tags = _field_tags(page)
    for name in ("summary", "understanding", "solution", "team", "price_cents", "duration_weeks"):
        assert "readonly" in tags[name], name
    assert "disabled" in tags["language"] and "disabled" in tags["attachment"]
    assert "Mijn concept" in page  # still there to read and copy
    assert "until the deadline" not in page


def test_a_submitted_proposal_after_the_deadline_no_longer_offers_changes(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup)
    challenge.submissions_close_at = utcnow() - timedelta(minutes=5)
    challenge.questions_close_at = challenge.submissions_close_at
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert "Version 1 was submitted in time; that is the version the panel reads." in page
    assert "You can still change it" not in page and 'name="submit"' not in page


def test_a_late_post_is_still_refused_with_a_clear_message(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT, summary="Op tijd")
    challenge.submissions_close_at = utcnow() - timedelta(minutes=5)
    challenge.questions_close_at = challenge.submissions_close_at
    response = client.post(f"/proposals/{proposal.id}/edit", data={"summary": "Te laat", "save": "1",
                                                                   "language": "nl"})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "The deadline for this challenge has passed, so the proposal can no longer be changed." in page
    assert db.session.scalar(select(Proposal.summary)) == "Op tijd"


def test_the_last_hour_is_prominent(startup_client, make):
    client, startup, challenge = startup_client
    challenge.submissions_close_at = utcnow() + timedelta(minutes=30)
    challenge.questions_close_at = challenge.submissions_close_at
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert 'class="deadline-notice urgent"' in page
    assert re.search(r'<strong class="countdown-text">(30|29) minutes left</strong>', page)


def test_the_dutch_form_counts_down_in_dutch(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    with client.session_transaction() as session:
        session["locale"] = "nl"
    page = client.get(f"/proposals/{proposal.id}/edit").get_data(as_text=True)
    assert re.search(r'<strong class="countdown-text">nog 2 dagen (4|5) uur</strong>', page)


# --- the question form on the challenge page -------------------------------------------------------

def test_question_form_counts_down_to_the_question_deadline(startup_client):
    client, _startup, challenge = startup_client
    challenge.questions_close_at = utcnow() + timedelta(hours=3, minutes=30)
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert re.search(r'<strong class="countdown-text">3 hours (29|30) minutes left</strong>', page)
    assert '<form id="questions-form"' in page and "Questions until" in page


def test_after_the_question_deadline_the_page_says_when_it_ended(startup_client):
    client, _startup, challenge = startup_client
    challenge.questions_close_at = utcnow() - timedelta(hours=1)
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert "The question period ended on " in page and "questions can no longer be asked." in page
    assert '<form id="questions-form"' not in page


def test_the_receipt_after_the_deadline_no_longer_speaks_of_a_coming_deadline(startup_client, make):
    client, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup)
    before = client.get(f"/proposals/{proposal.id}/receipt/1").get_data(as_text=True)
    assert "Proposals stay sealed until the deadline" in before
    challenge.submissions_close_at = utcnow() - timedelta(minutes=5)
    challenge.questions_close_at = challenge.submissions_close_at
    after = client.get(f"/proposals/{proposal.id}/receipt/1").get_data(as_text=True)
    assert "until the deadline" not in after
    assert "The deadline has passed. The latest version submitted before it counts" in after
