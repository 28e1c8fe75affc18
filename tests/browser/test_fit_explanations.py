"""Fit and its explanation in a real browser, on the demo: the officer (in Dutch) and the startup (in
English) read the same number for the same pair, each with a sentence from their own side, and the
points per word one click away. Axe clean and no sideways scrolling, also at 360 px."""

from __future__ import annotations

import os
import re
import threading

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from matchmaker.accounts.models import User
from matchmaker.challenges.models import Challenge
from matchmaker.database import commit
from matchmaker.extensions import db
from matchmaker.organisations.models import Membership

from ..conftest import app_like
from .steps import sign_in
from .test_accessibility import axe_violations, no_horizontal_scroll

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_server(app):
    """The demo on its own server (a fresh matcher index), CSRF on."""
    from matchmaker.demo import load_demo_data

    assert load_demo_data() is True
    founder = db.session.scalar(select(User).where(User.email == "founder@containerwijs.demo"))
    founder.locale = "en"  # the startup reads in English, the officer in Dutch
    commit()
    server = make_server("127.0.0.1", 0, app_like(app, WTF_CSRF_ENABLED=True), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def officer_of(challenge: Challenge) -> str:
    return db.session.scalar(select(User.email).join(Membership, Membership.user_id == User.id)
                             .where(Membership.organisation_id == challenge.organisation_id).order_by(User.id))


def shoot(page, screenshot_dir, name: str, item=None) -> None:
    """The whole page, and the one match read (legible at full size)."""
    if screenshot_dir:
        width = page.viewport_size["width"]
        page.screenshot(path=os.path.join(screenshot_dir, f"{name}-{width}.png"), full_page=True)
        if item is not None:
            item.screenshot(path=os.path.join(screenshot_dir, f"{name}-{width}-match.png"))


def open_points(page, item) -> list[str]:
    """Open "points per word" of one match as a person does (a click) and read its rows."""
    details = item.locator("details.why-points")
    assert not details.locator("table").is_visible()
    details.locator("summary").click()
    table = details.locator("table")
    assert table.is_visible()
    return [re.sub(r"\s+", " ", row) for row in table.locator("tbody tr").all_inner_texts()]


@pytest.mark.parametrize("width", [1280, 360])
def test_officer_and_startup_read_the_same_fit_with_a_sentence(demo_server, page_factory, screenshot_dir, width):
    from matchmaker.demo import DEMO_PASSWORD

    # the startup: its dashboard recommends challenges, each with a fit and a sentence
    startup_page = page_factory("en", width=width)
    sign_in(startup_page, demo_server, "founder@containerwijs.demo", DEMO_PASSWORD)
    startup_page.goto(f"{demo_server}/dashboard")
    items = startup_page.locator("[data-todo=for-you] > li")
    sentences = items.locator("p.why").all_inner_texts()
    assert len(sentences) == items.count() >= 3 and all(s.startswith("Matches on: ") for s in sentences), sentences
    # a pair whose sentence also says how a word was met (another form, a part of a compound, a typo)
    first = items.nth(next(i for i, s in enumerate(sentences) if "(your profile: " in s or "(you wrote: " in s))
    startup_id, challenge_id = map(int, re.fullmatch(r"for-you-(\d+)-c(\d+)", first.get_attribute("id")).groups())
    fit = first.locator(".fit .fit-number").inner_text()
    rows = open_points(startup_page, first)
    assert rows[-1].startswith("Fit (0–100)")
    assert axe_violations(startup_page) == []
    assert no_horizontal_scroll(startup_page), f"the dashboard scrolls sideways at {width} px"
    shoot(startup_page, screenshot_dir, "fit-dashboard-startup", first)

    # the officer of that challenge: the same number for the same startup, the sentence from their side
    challenge = db.session.get(Challenge, challenge_id)
    officer_page = page_factory("nl", width=width)
    sign_in(officer_page, demo_server, officer_of(challenge), DEMO_PASSWORD)
    officer_page.goto(f"{demo_server}/challenges/{challenge_id}/fit?all=1")
    item = officer_page.locator(f"#s{startup_id}")
    assert item.locator(".fit .fit-number").inner_text() == fit
    assert item.locator(".fit").inner_text().replace("\n", " ") == f"match {fit} van 100"  # heard with its meaning
    officer_sentence = item.locator("p.why").inner_text()
    assert officer_sentence.startswith("Komt overeen op: "), officer_sentence
    assert "(in het profiel: " in officer_sentence or "(het profiel schrijft: " in officer_sentence, officer_sentence
    assert "je profiel" not in officer_sentence
    rows = open_points(officer_page, item)
    assert rows[-1].startswith("Match (0–100)")
    assert axe_violations(officer_page) == []
    assert no_horizontal_scroll(officer_page), f"the fit page scrolls sideways at {width} px"
    shoot(officer_page, screenshot_dir, "fit-officer", item)
