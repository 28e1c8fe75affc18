"""Drafts that save themselves and forms that know their deadline, in Chromium: autosave while
typing (and the button without JavaScript), the countdown, and the read-only form after the deadline."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal

from .steps import sign_in

pytestmark = pytest.mark.browser


def shoot(page, screenshot_dir, name):
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/{name}.png", full_page=True)


def test_a_new_draft_saves_itself_while_typing_and_survives_a_reload(live_server, page_factory, make,
                                                                     screenshot_dir):
    startup = make.startup(name="Afvalslim", founded_year=2022, size_fte=4)
    member = make.startup_member(startup, email="autosave@afvalslim.nl", locale="nl")
    challenge = make.challenge(title="Slimmere afvalinzameling", days_open=2.2, languages=["nl", "en"])
    commit()
    page = page_factory("nl", width=360, height=780)
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server}/challenges/{challenge.slug}/apply")
    assert re.fullmatch(r"nog 2 dagen [45] uur", page.inner_text(".deadline-notice .countdown-text"))

    page.fill("#summary", "Vulgraadsensoren in veertig ondergrondse containers.")
    page.locator("#understanding").press_sequentially("Zakken staan te lang op straat.", delay=20)
    page.locator(".autosave-message", has_text="Opgeslagen om").wait_for()
    message = page.inner_text(".autosave-message")
    assert re.fullmatch(r"Opgeslagen om [0-2][0-9]:[0-5][0-9]", message)
    db.session.rollback()
    proposal = db.session.scalar(select(Proposal))
    assert page.url == f"{live_server}/proposals/{proposal.id}/edit"  # the first autosave started the draft
    assert proposal.status == ProposalStatus.DRAFT and proposal.reference is None
    shoot(page, screenshot_dir, "drafts-autosaved-phone")

    # typing on and leaving the field: saved again; the form follows the new lock_version
    with page.expect_response(lambda r: r.url.endswith("/autosave")
                              and "Twee ingenieurs." in (r.request.post_data or "")) as saved:
        page.locator("#team").press_sequentially("Twee ingenieurs.", delay=20)
        page.keyboard.press("Tab")  # leaving a field saves at once
    lock = saved.value.json()["lock_version"]
    expect(page.locator("input[name=lock_version]")).to_have_value(str(lock))
    page.reload()
    assert page.input_value("#summary") == "Vulgraadsensoren in veertig ondergrondse containers."
    assert page.input_value("#understanding") == "Zakken staan te lang op straat."
    assert page.input_value("#team") == "Twee ingenieurs."

    # the button still works after autosaves (the form carries the current lock_version)
    page.fill("#solution", "Dynamische routes.")
    with page.expect_navigation():
        page.click("button[name=save]")
    assert "Opgeslagen als concept." in page.content()
    db.session.rollback()
    assert db.session.get(Proposal, proposal.id).solution == "Dynamische routes."


def test_without_javascript_the_save_button_still_works(live_server, browser, make):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup, email="nojs@example.org", locale="nl")
    proposal = make.proposal(startup=startup, status=ProposalStatus.DRAFT, summary="Begin")
    commit()
    context = browser.new_context(java_script_enabled=False, locale="nl", extra_http_headers={"Accept-Language": "nl"})
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        sign_in(page, live_server, member.email)
        page.goto(f"{live_server}/proposals/{proposal.id}/edit")
        assert page.locator(".deadline-notice .countdown-text").inner_text().startswith("nog ")
        page.fill("#summary", "Zonder JavaScript opgeslagen.")
        with page.expect_navigation():
            page.click("button[name=save]")
        assert "Opgeslagen als concept." in page.content()
        assert page.input_value("#summary") == "Zonder JavaScript opgeslagen."
        assert page.inner_text(".autosave-message") == ""
    finally:
        context.close()


def test_after_the_deadline_the_form_is_read_only_from_the_start(live_server, page_factory, make, screenshot_dir):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup, email="late@example.org", locale="en")
    challenge = make.challenge(days_open=3)
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT,
                             summary="Almost finished")
    challenge.submissions_close_at = utcnow() - timedelta(hours=2)
    challenge.questions_close_at = challenge.submissions_close_at
    commit()
    page = page_factory("en", width=320, height=700)
    sign_in(page, live_server, member.email)
    page.goto(f"{live_server}/proposals/{proposal.id}/edit")
    notice = page.locator(".deadline-notice .deadline-closed")
    assert notice.is_visible()
    assert re.fullmatch(r"The deadline passed on .+; this proposal can no longer be changed\.", notice.inner_text())
    assert page.locator("#proposal-form button[type=submit]:enabled").count() == 0
    assert page.locator("#summary").get_attribute("readonly") is not None
    assert page.input_value("#summary") == "Almost finished"
    assert page.locator("[data-autosave]").count() == 0
    no_scroll = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot(page, screenshot_dir, "drafts-closed-320")
    assert no_scroll


def test_when_time_runs_out_on_an_open_page_the_form_locks_itself(live_server, page_factory, make, screenshot_dir):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup, email="clock@example.org", locale="en")
    challenge = make.challenge(days_open=3)
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    commit()
    page = page_factory("en")
    sign_in(page, live_server, member.email)
    challenge = db.session.merge(challenge)
    challenge.submissions_close_at = utcnow() + timedelta(seconds=8)
    challenge.questions_close_at = challenge.submissions_close_at
    commit()
    page.goto(f"{live_server}/proposals/{proposal.id}/edit")
    assert "urgent" in page.get_attribute(".deadline-notice", "class")
    assert page.inner_text(".deadline-notice .countdown-text") in ("1 minute left", "less than a minute left")
    shoot(page, screenshot_dir, "drafts-last-hour")
    page.wait_for_selector(".deadline-notice .deadline-closed:visible", timeout=15_000)
    assert page.locator("#proposal-form button[type=submit]:visible").count() == 0
    assert page.evaluate("document.getElementById('summary').readOnly") is True
    announced = page.inner_text("[data-countdown-announce]")
    assert announced.endswith("this proposal can no longer be changed.")
