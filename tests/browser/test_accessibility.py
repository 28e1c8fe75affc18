"""WCAG 2.1 AA checks with axe-core on the main pages, in Dutch and English, on desktop and phone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.database import commit
from matchmaker.enums import ChallengeStatus, ProposalStatus

from ..factories import PASSWORD

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def content(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, email="officer@example.org")
    challenge = make.challenge(organisation=municipality, title="Slimmere afvalinzameling")
    make.question(challenge=challenge, asked_by=make.startup_member(), answer="Ja, dat kan.")
    draft = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT, title="Concept")
    closed = make.challenge(organisation=municipality, title="Hitte in de wijk", days_open=-1)
    founder = make.startup_member(email="founder@example.org")
    proposal = make.proposal(challenge=closed, startup=founder.memberships[0].organisation)
    open_proposal = make.proposal(challenge=challenge, startup=founder.memberships[0].organisation,
                                  status=ProposalStatus.DRAFT)
    seat = make.seat(challenge=closed, user=make.user(email="evaluator@example.org"))
    make.declaration(seat=seat, proposal=proposal)
    make.review(seat=make.seat(challenge=closed), proposal=proposal, values=[4, 3, 5, 2, 1], declare=True)
    make.seat(challenge=closed, accepted=False, token="a11y-pending")
    make.seat(challenge=closed, accepted=False, token="a11y-expired", expires_in=timedelta(days=-1))
    make.invitation(organisation=municipality, email="colleague@example.org", token="a11y-invite")
    commit()
    return {"officer": officer, "challenge": challenge.slug, "draft": draft.id, "closed": closed.id,
            "proposal": proposal.id, "open_proposal": open_proposal.id, "seat": seat.id}


PUBLIC_PAGES = ["/", "/challenges/", "/challenges/{challenge}", "/account/login", "/account/register",
                "/account/reset", "/account/check-email", "/organisations/new", "/no-such-page",
                "/panel/invitations/a11y-pending", "/organisations/invitations/a11y-invite",
                "/challenges/{challenge}/apply"]
OFFICER_PAGES = ["/dashboard", "/challenges/new", "/challenges/{draft}/manage", "/challenges/{draft}/criteria",
                 "/account/settings", "/challenges/{closed}/proposals", "/challenges/{closed}/panel",
                 "/challenges/{closed}/evaluation?z=1", "/challenges/{closed}/decisions", "/challenges/{closed}/audit",
                 "/challenges/{closed}/evaluation/report", "/challenges/{challenge}/apply"]
EVALUATOR_PAGES = ["/panel/", "/panel/{seat}", "/panel/{seat}/proposals/{proposal}"]
STARTUP_PAGES = ["/proposals/", "/proposals/{proposal}", "/proposals/{open_proposal}/edit",
                 "/proposals/{proposal}/receipt/1", "/challenges/{challenge}"]


@pytest.mark.parametrize("locale", ["nl", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_pages_meet_wcag_aa(live_server, page_factory, content, locale, width):
    page = page_factory(locale, width=width)
    problems = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server + path.format(**content))
        found = axe_violations(page)
        if not no_horizontal_scroll(page):
            found.append("page scrolls sideways")
        if found:
            problems[path] = found
    for email, pages in ((content["officer"].email, OFFICER_PAGES), ("evaluator@example.org", EVALUATOR_PAGES),
                         ("founder@example.org", STARTUP_PAGES)):
        page.context.clear_cookies()
        page.goto(f"{live_server}/account/login")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        for path in pages:
            page.goto(live_server + path.format(**content))
            found = axe_violations(page)
            if not no_horizontal_scroll(page):
                found.append("page scrolls sideways")
            if page.title().startswith(("Error", "Fout", "Page not found", "Pagina niet gevonden")):
                found.append(f"error page: {page.title()}")
            if found:
                problems[path] = found
    assert problems == {}


def test_form_errors_are_announced_and_linked(live_server, page_factory):
    page = page_factory("en")
    page.goto(f"{live_server}/account/register")
    page.fill("#name", "X")
    page.fill("#email", "not-an-address")
    page.fill("#password", "short")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.locator("#email").get_attribute("aria-invalid") == "true"
    assert "email-error" in page.locator("#email").get_attribute("aria-describedby")
    assert axe_violations(page) == []


def test_phone_menu_folds_and_unfolds(live_server, page_factory):
    page = page_factory("en", width=360, height=700)
    page.goto(f"{live_server}/")
    nav, toggle = page.locator("#site-nav"), page.locator(".menu-toggle")
    assert toggle.is_visible() and not nav.is_visible()
    toggle.click()
    assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#site-nav >> text=Sign in").is_visible()
    toggle.click()
    assert not nav.is_visible()
    wide = page_factory("en", width=1280)
    wide.goto(f"{live_server}/")
    assert wide.locator("#site-nav").is_visible() and not wide.locator(".menu-toggle").is_visible()


def test_check_your_email_page_after_registering(live_server, page_factory):
    page = page_factory("nl", width=360, height=740)
    page.goto(f"{live_server}/account/register")
    page.fill("#name", "Nora Nieuw")
    page.fill("#email", "nora@example.org")
    page.fill("#password", "een lang en veilig wachtwoord")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith("/account/check-email")
    assert "nora@example.org" in page.locator("main strong").inner_text()
    assert axe_violations(page) == [] and no_horizontal_scroll(page)
    with page.expect_navigation():
        page.click("main button:has-text('Stuur de e-mail opnieuw')")
    assert "We hebben de e-mail opnieuw naar nora@example.org gestuurd." in page.content()
