"""The KPI dashboards in a real browser: axe clean, no sideways scrolling at 1280 and 360 px, charts
that draw with their styles under the Content-Security-Policy, and the officer's public toggle."""

from __future__ import annotations

import os

import pytest

from matchmaker.database import commit

from ..kpis.world import build_world
from .steps import sign_in
from .test_accessibility import axe_violations, no_horizontal_scroll

pytestmark = pytest.mark.browser


@pytest.fixture
def world(make):
    data = build_world(make)
    commit()
    return data


def check_page(page, url: str, screenshot_dir, name: str) -> None:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    response = page.goto(url)
    assert response.status == 200
    assert axe_violations(page) == []
    assert no_horizontal_scroll(page), f"{name} scrolls sideways at {page.viewport_size['width']} px"
    assert errors == []  # nothing refused by the Content-Security-Policy
    # the charts are drawn with pygal's stylesheet: a bar is filled with the first colour, not black
    fill = page.evaluate("getComputedStyle(document.querySelector('#kpi-chart-activity .color-0 rect')).fill")
    assert fill == "rgb(11, 90, 120)"
    narrow = page.viewport_size["width"] <= 600  # phones see the phone-sized drawing, others the wide one
    shown, hidden = ("#kpi-chart-activity-narrow", "#kpi-chart-activity")[::1 if narrow else -1]
    width = page.evaluate(f"document.querySelector('{shown}').getBoundingClientRect().width")
    assert 0 < width <= page.viewport_size["width"]
    assert page.evaluate(f"document.querySelector('{hidden}').getBoundingClientRect().width") == 0
    if screenshot_dir:
        prefix = os.path.join(screenshot_dir, f"kpis-{name}-{page.viewport_size['width']}")
        page.screenshot(path=f"{prefix}.png", full_page=True)
        page.screenshot(path=f"{prefix}-top.png")
        page.locator(".kpi-grid").screenshot(path=f"{prefix}-figures.png")
        for index in range(page.locator("section.kpi-chart").count()):
            page.locator("section.kpi-chart").nth(index).screenshot(path=f"{prefix}-chart-{index}.png")


@pytest.mark.parametrize("locale, width", [("nl", 360), ("en", 1280), ("nl", 1280), ("en", 320)])
def test_an_officer_reads_the_figures_and_makes_them_public(live_server, page_factory, world, screenshot_dir,
                                                           locale, width):
    page = page_factory(locale, width=width, height=800)
    sign_in(page, live_server, world["officer_a"].email)
    check_page(page, f"{live_server}/kpis/almere", screenshot_dir, f"almere-{locale}")
    button = page.locator("main button:has-text('Maak de cijfers openbaar'), "
                          "main button:has-text('Make the figures public')")
    with page.expect_navigation():
        button.click()
    assert page.locator(".flash.success").count() == 1
    assert axe_violations(page) == []

    visitor = page_factory(locale, width=width, height=800)
    visitor.goto(f"{live_server}/")
    with visitor.expect_navigation():
        visitor.click("footer a[href='/kpis']")
    check_page(visitor, visitor.url, screenshot_dir, f"overall-{locale}")
    assert visitor.locator("#kpi-challenges_published .kpi-value").inner_text() == "2"  # Almere is public now
    check_page(visitor, f"{live_server}/kpis/rounds/noord-2026-1", screenshot_dir, f"round-{locale}")


def test_a_private_page_explains_itself(live_server, page_factory, world):
    page = page_factory("nl", width=360)
    response = page.goto(f"{live_server}/kpis/almere")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "De cijfers van Gemeente Almere zijn niet openbaar"
    assert axe_violations(page) == [] and no_horizontal_scroll(page)
