"""Each dashboard's to-do list in a real browser: the officer's, the evaluator's and the startup's, with
real data, links that lead to working pages, axe clean, no sideways scrolling at 1280 and 360 px."""

from __future__ import annotations

import os
import re

import pytest

from matchmaker.database import commit

from ..main import worlds
from .steps import sign_in
from .test_accessibility import axe_violations, no_horizontal_scroll

pytestmark = pytest.mark.browser

ERROR_TITLES = ("Error", "Fout", "Page not found", "Pagina niet gevonden", "Access denied", "Geen toegang")



@pytest.fixture
def officer_world(make):
    return worlds.officer_world(make)


@pytest.fixture
def evaluator_world(make):
    return worlds.evaluator_world(make)


@pytest.fixture
def startup_world(make):
    return worlds.startup_world(make)

def check_dashboard(page, base: str, section: str, screenshot_dir, name: str) -> list[str]:
    """Open the dashboard; check the to-do section, axe and reflow; screenshot; return its links."""
    response = page.goto(f"{base}/dashboard")
    assert response.status == 200
    todo = page.locator(f"#todo-{section}")
    assert todo.is_visible()
    assert axe_violations(page) == []
    assert no_horizontal_scroll(page), f"{name} scrolls sideways at {page.viewport_size['width']} px"
    if screenshot_dir:
        page.screenshot(path=os.path.join(screenshot_dir, f"dashboard-{name}-{page.viewport_size['width']}.png"),
                        full_page=True)
    return [base + href if href.startswith("/") else href
            for href in todo.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]


def follow(page, links: list[str]) -> None:
    assert links
    for link in links:
        page.goto("about:blank")  # so that a link to the page already open (with #anchor) loads it again
        response = page.goto(link)
        assert response.status == 200, link
        assert not page.title().startswith(ERROR_TITLES), (link, page.title())


@pytest.mark.parametrize("width", [1280, 360])
def test_officer_dashboard_lists_what_waits(live_server, page_factory, officer_world, screenshot_dir, width):
    w = officer_world
    w["officer"].locale = "nl"
    commit()
    page = page_factory("nl", width=width)
    sign_in(page, live_server, w["officer"].email)
    links = check_dashboard(page, live_server, "officer", screenshot_dir, "officer")
    todo = page.locator("#todo-officer")
    assert todo.locator("h2").inner_text() == "Te doen voor je gemeente"
    questions = todo.locator("[data-todo=questions] li")
    assert questions.count() == 2
    first = questions.nth(0).inner_text()
    assert "Afval" in first and "2 vragen wachten op een antwoord" in first
    assert "3 van 5 beoordelingen ingediend" in todo.locator("[data-todo=reviews]").inner_text()
    assert "2 besluiten voorbereid, nog niet bekendgemaakt" in todo.locator("[data-todo=decisions]").inner_text()
    assert todo.locator("[data-todo=readable] li").count() == 2
    # the first question link lands on the questions of the right challenge
    with page.expect_navigation():
        todo.locator("[data-todo=questions] a").first.click()
    assert page.url.endswith(f"/challenges/{w['closing'].id}/manage#questions")
    assert page.locator("#questions").is_visible()
    follow(page, links)


@pytest.mark.parametrize("width", [1280, 360])
def test_evaluator_dashboard_offers_invitations_and_work(live_server, page_factory, evaluator_world, screenshot_dir,
                                                         width):
    w = evaluator_world
    commit()
    page = page_factory("en", width=width)
    sign_in(page, live_server, w["evaluator"].email)
    links = check_dashboard(page, live_server, "evaluator", screenshot_dir, "evaluator")
    assert page.locator("text=Register an organisation").count() == 0
    todo = page.locator("#todo-evaluator")
    invitation = todo.locator("[data-todo=invitations] li")
    assert invitation.count() == 1
    assert "Femke Huizinga of Gemeente Groningen invited you (Policy)" in invitation.inner_text()
    assert "2 of 3 proposals still to score" in todo.locator("[data-todo=scoring]").inner_text()
    follow(page, links)
    if width == 360:
        return
    # accept the invitation from the dashboard, with the real form and CSRF
    page.goto(f"{live_server}/dashboard")
    with page.expect_navigation():
        page.locator("#todo-evaluator [data-todo=invitations] a").click()
    assert "Femke Huizinga of Gemeente Groningen invites you to the evaluation panel" in page.inner_text("main")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("button:has-text('Accept and join the panel')")
    assert re.search(r"/panel/\d+$", page.url) and "You are on the panel" in page.inner_text("main")
    page.goto(f"{live_server}/dashboard")
    assert page.locator("#todo-evaluator [data-todo=invitations]").count() == 0


@pytest.mark.parametrize("width", [1280, 360])
def test_startup_dashboard_lists_drafts_submissions_outcomes(live_server, page_factory, startup_world, screenshot_dir,
                                                            width):
    w = startup_world
    commit()
    page = page_factory("en", width=width)
    sign_in(page, live_server, w["member"].email)
    links = check_dashboard(page, live_server, "startup", screenshot_dir, "startup")
    todo = page.locator("#todo-startup")
    drafts = todo.locator("[data-todo=drafts] li")
    assert [drafts.nth(i).locator("a").inner_text() for i in range(drafts.count())] == ["Binnenkort", "Later"]
    assert "in 2 days" in drafts.nth(0).inner_text()
    assert todo.locator("[data-todo=submitted] li").count() == 3
    outcome = todo.locator("[data-todo=outcomes] li")
    assert outcome.count() == 1 and "Not selected" in outcome.inner_text()
    assert "Regenwater in tuinen" in todo.locator("[data-todo=for-you]").inner_text()
    follow(page, links)
    if width == 1280:  # the rejected startup reads its feedback right there
        page.goto(f"{live_server}/dashboard")
        with page.expect_navigation():
            todo.locator("[data-todo=outcomes] a").click()
        assert "Read the decision and the panel's feedback below." in page.inner_text("main")
        assert "Te vaag." in page.inner_text("main")
