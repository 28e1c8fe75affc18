"""Reflow (WCAG 1.4.10): no page of the demo scrolls sideways at 320 px in Dutch, for any role; tables
stack into cards instead of hiding columns; every scrolling table region has its own name."""

from __future__ import annotations

import os

import pytest

from ..factories import PASSWORD
from .conftest import DEMO_ROLES
from .steps import sign_in

pytestmark = pytest.mark.browser


def test_no_page_of_the_demo_scrolls_sideways_at_320_px(demo_crawl):
    roles = {p.role for p in demo_crawl}
    assert roles == set(DEMO_ROLES), "every role crawled some pages"
    for role in DEMO_ROLES:
        assert len([p for p in demo_crawl if p.role == role]) >= 5, role
    server_errors = [f"{p.role} {p.url}: {p.status}" for p in demo_crawl if p.status >= 500]
    assert server_errors == []
    wide = [f"{p.role} {p.url} ({p.title}): {p.overflow['scrollWidth']} px wide in {p.overflow['clientWidth']} px, "
            f"because of {p.overflow['elements']}" for p in demo_crawl if p.overflow]
    assert wide == []
    print(f"\n{len(demo_crawl)} pages crawled at 320 px, none scrolls sideways")


def test_the_crawl_reaches_the_pages_the_issue_names(demo_crawl):
    paths = {p.final.split("?")[0] for p in demo_crawl if p.status == 200}
    for wanted in ("/dashboard", "/dev/mail/", "/admin/organisations"):
        assert wanted in paths, wanted
    for suffix in ("/panel", "/evaluation", "/evaluation/report", "/proposals"):
        assert any(path.startswith("/challenges/") and path.endswith(suffix) for path in paths), suffix


def test_every_table_region_has_its_own_name(demo_crawl):
    problems = []
    for p in demo_crawl:
        names = [r["name"] for r in p.regions]
        for region in p.regions:
            if region["missing"] or not region["name"]:
                problems.append(f"{p.role} {p.url}: region labelled by {region['labelledby']!r} has no name")
        if len(names) != len(set(names)):
            problems.append(f"{p.role} {p.url}: regions share a name: {names}")
    assert problems == []
    assert any(p.regions for p in demo_crawl)


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_officer_tables_show_every_column_and_button(live_server, page_factory, make, screenshot_dir, width):
    """The reviews table, the ranking and the panel: at 320/360 px stacked cards, at 1280 px a table;
    nothing is cut off inside its scrolling region either."""
    from matchmaker.database import commit

    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, email="officer@example.org")
    closed = make.challenge(organisation=municipality, title="Belangenverklaringen en Ontvangstbevestigingen",
                            days_open=-1)
    proposals = [make.proposal(challenge=closed, startup=make.startup(name=f"Startup {n}")) for n in range(3)]
    for n in range(3):
        seat = make.seat(challenge=closed, user=make.user(
            email=f"informatievoorzieningsadviseur.{n}@gemeente-voorbeeldstad.example.org"))
        for proposal in proposals:
            make.review(seat=seat, proposal=proposal, values=[1 + (n + proposal.id) % 5, 3, 4, 2, 5])
    commit()
    page = page_factory("nl", width=width)
    sign_in(page, live_server, officer.email, PASSWORD)
    for path in (f"/challenges/{closed.id}/evaluation?z=1", f"/challenges/{closed.id}/panel",
                 f"/challenges/{closed.id}/evaluation/report"):
        page.goto(live_server + path)
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
        cut = page.evaluate("""() => [...document.querySelectorAll('.table-scroll')]
            .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.getAttribute('aria-labelledby'))""")
        assert cut == [], (path, cut)
        if screenshot_dir:
            name = path.strip("/").replace("/", "-").replace("?", "-")
            page.screenshot(path=os.path.join(screenshot_dir, f"reflow-{name}-{width}.png"), full_page=True)
    page.goto(f"{live_server}/challenges/{closed.id}/evaluation")
    reopen = page.locator("#reviews-h ~ .table-scroll button:has-text('Heropenen')")
    assert reopen.count() == 9
    stacked = page.evaluate("getComputedStyle(document.querySelector('#reviews-h ~ .table-scroll tbody tr')).display")
    assert stacked == ("table-row" if width == 1280 else "block")
    viewport = page.viewport_size["width"]
    for i in range(reopen.count()):
        box = reopen.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport, (i, box)
