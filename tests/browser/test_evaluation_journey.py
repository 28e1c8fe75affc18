"""The whole path in a real browser: publish, apply, close, declare, score, rank, decide, release,
and the startup reads its feedback."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.challenges.models import Challenge
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage

from .steps import sign_in as sign_in_as

pytestmark = pytest.mark.browser


def sign_in(page, base, email):
    sign_in_as(page, base, email)
    page.wait_for_url(re.compile(r".*/dashboard$"))

def test_publish_apply_close_score_decide_release_feedback(live_server, page_factory, make, screenshot_dir):
    base = live_server
    municipality = make.municipality(name="Gemeente Voorbeeld")
    officer = make.officer(municipality, email="inkoper@example.org")
    startup = make.startup(name="Koelwijk", founded_year=2023, size_fte=3)
    founder = make.startup_member(startup, email="founder@koelwijk.example", locale="nl")
    evaluator = make.user(email="beoordelaar@example.org", name="Bea Beoordelaar")
    draft = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT, title="Koele plekken in de wijk")
    commit()

    # the officer publishes
    office = page_factory("en")
    sign_in(office, base, officer.email)
    office.goto(f"{base}/challenges/{draft.id}/manage")
    office.once("dialog", lambda d: d.accept())
    with office.expect_navigation():
        office.click("button:has-text('Publish')")
    office.wait_for_url(re.compile(r".*/challenges/challenge-\d+$"))

    # the startup applies
    shop = page_factory("nl", width=390, height=844)
    sign_in(shop, base, founder.email)
    shop.goto(f"{base}/challenges/{draft.id}/apply")
    shop.fill("#summary", "Mobiele schaduwdaken op pleinen.")
    shop.fill("#understanding", "Bewoners zonder tuin hebben geen koele plek.")
    shop.fill("#solution", "Zes weken drie daken, met temperatuurmetingen.")
    shop.fill("#team", "Een ontwerper en een klimaatonderzoeker.")
    shop.fill("#price_cents", "30000")
    shop.fill("#duration_weeks", "6")
    with shop.expect_navigation():
        shop.click("button[name=submit]")
    shop.wait_for_url(re.compile(r".*/receipt/1$"))

    # the officer invites an evaluator (still before the deadline)
    office.goto(f"{base}/challenges/{draft.id}/panel")
    office.fill("#email", evaluator.email)
    office.select_option("#discipline", "operations")
    with office.expect_navigation():
        office.click("form.form button:has-text('Send invitation')")
    assert "Invitation sent" in office.content()

    # time passes: the deadline is over
    db.session.rollback()
    challenge = db.session.get(Challenge, draft.id)
    challenge.questions_close_at = utcnow() - timedelta(days=2)
    challenge.submissions_close_at = utcnow() - timedelta(minutes=5)
    commit()

    # the evaluator accepts, declares, scores
    panel = page_factory("en")
    sign_in(panel, base, evaluator.email)
    invite = db.session.scalar(select(OutboxMessage).where(OutboxMessage.to == evaluator.email))
    panel.goto(re.search(r"http://[^\s]+/panel/invitations/[^\s]+", invite.body).group(0))
    with panel.expect_navigation():
        panel.click("button:has-text('Accept and join the panel')")
    panel.wait_for_url(re.compile(r".*/panel/\d+/conflicts$"))
    assert "Koelwijk" in panel.content()
    with panel.expect_navigation():
        panel.click("button:has-text('Confirm my declarations')")
    with panel.expect_navigation():
        panel.click("text=Koelwijk")
    for criterion in challenge.criteria:
        panel.check(f"input[name=score_{criterion.id}][value='4']")
    panel.check("input[name=recommendation][value=shortlist]")
    panel.fill("#feedback", "Sterk idee; meet ook de gevoelstemperatuur.")
    with panel.expect_navigation():
        panel.click("button:has-text('Submit review')")
    assert "Your review is submitted." in panel.content()

    # the officer sees the ranking, decides and releases
    office.goto(f"{base}/challenges/{draft.id}/evaluation")
    assert "75.0" in office.content()  # all criteria 4 of 5 -> 75 points
    if screenshot_dir:
        office.screenshot(path=f"{screenshot_dir}/evaluation-overview.png", full_page=True)
    office.goto(f"{base}/challenges/{draft.id}/decisions")
    form = office.locator("section.card form.form").first
    form.locator("select").select_option("awarded")
    form.locator("textarea").first.fill("Beste score en een haalbaar plan.")
    with office.expect_navigation():
        form.locator("button:has-text('Prepare decision')").click()
    assert "Decision prepared" in office.content()
    office.once("dialog", lambda d: d.accept())
    with office.expect_navigation():
        office.click("button:has-text('Release decisions')")
    assert "1 decision released; the startup is being told." in office.content()

    # the startup reads the outcome and the feedback, without the evaluator's name
    shop.goto(f"{base}/proposals/")
    with shop.expect_navigation():
        shop.click("text=Koele plekken in de wijk")
    content = shop.content()
    assert "Gegund" in content and "Beste score en een haalbaar plan." in content
    assert "Sterk idee; meet ook de gevoelstemperatuur." in content
    assert "Bea Beoordelaar" not in content and evaluator.email not in content
    if screenshot_dir:
        shop.screenshot(path=f"{screenshot_dir}/startup-feedback-phone.png", full_page=True)
