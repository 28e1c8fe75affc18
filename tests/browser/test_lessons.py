"""Lessons in a real browser, in Dutch on a phone: an officer writes and publishes the lesson of a
stopped pilot from the dashboard, anyone finds it with a misspelt question, and another municipality adopts
a pilot from its page and the draft says where it comes from and shows the lessons that fit. Axe clean and no
sideways scrolling at 360 and 320 px."""

from __future__ import annotations

import os

import pytest

from matchmaker.database import commit
from matchmaker.lessons import services

from ..lessons.conftest import decided_pilot, write
from .steps import sign_in
from .test_accessibility import axe_violations, no_horizontal_scroll

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(make):
    utrecht = make.municipality(name="Gemeente Utrecht")
    anna = make.officer(utrecht, name="Anna de Boer", locale="nl")
    continued = decided_pilot(make, municipality=utrecht, officer=anna, title="Slimme afvalinzameling in de binnenstad",
                              goals="Minder halflege ophaalrondes.", themes=("waste",))
    services.publish_lesson(lesson=write(continued, anna), user=anna)
    stopped = decided_pilot(make, municipality=utrecht, officer=anna, move="stop",
                            title="Parkeersensoren in de Lombok-wijk", goals="Vrije plekken tonen in een app.",
                            themes=("mobility",))
    zwolle = make.municipality(name="Gemeente Zwolle")
    bram = make.officer(zwolle, name="Bram Jansen", locale="nl")
    commit()
    return {"anna": anna, "bram": bram, "stopped": stopped, "continued": continued.id}


def check(page, screenshot_dir, name):
    assert axe_violations(page) == [], name
    width = page.viewport_size["width"]
    assert no_horizontal_scroll(page), f"{name} scrolls sideways at {width} px"
    if screenshot_dir:
        page.screenshot(path=os.path.join(screenshot_dir, f"lessons-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [360, 320])
def test_write_publish_find_and_adopt_on_a_phone_in_dutch(live_server, page_factory, journey, screenshot_dir, width):
    page = page_factory("nl", width=width, height=780)
    sign_in(page, live_server, journey["anna"].email)
    page.goto(f"{live_server}/dashboard")
    todo = page.locator("[data-todo=lessons]")
    assert "over de pilot is besloten: schrijf de les" in todo.inner_text()
    with page.expect_navigation():
        todo.locator("a", has_text="Parkeersensoren").click()
    assert page.locator("h1").inner_text() == "Schrijf de les"
    assert page.locator(".badge.outcome-stopped").inner_text() == "Gestopt"
    check(page, screenshot_dir, "write")
    page.check("input[name=language][value=nl]")
    page.fill("#context", "In de Lombok-wijk zoeken bewoners en bezoekers avonden lang naar een parkeerplek.")
    page.fill("#expected", "Sensoren in het wegdek zouden vrije plekken in een app tonen, zodat er minder rondgereden wordt.")
    page.fill("#happened", "De sensoren raakten bij regen en vorst de weg kwijt; na acht weken klopte een derde van de meldingen niet.")
    page.fill("#differently", "Eerst twee straten proberen, en de leverancier vooraf laten aantonen dat het in de winter werkt.")
    page.fill("#advice", "Vraag naar metingen in de winter en spreek een stopmoment af voor de pilot begint.")
    page.check("input[name=reusable][value=no]")
    with page.expect_navigation():
        page.click("button[name=publish]")
    assert "De les is bewaard en gepubliceerd." in page.locator(".flashes").inner_text()
    assert page.locator("h1").inner_text().endswith("Parkeersensoren in de Lombok-wijk")
    check(page, screenshot_dir, "lesson")

    anyone = page_factory("nl", width=width, height=780)
    anyone.goto(f"{live_server}/lessons/?q=parkeersensorn+winter")
    first = anyone.locator(".lesson-card").first
    assert "Parkeersensoren in de Lombok-wijk" in first.inner_text() and "Gestopt" in first.inner_text()
    assert "parkeersensorn (daar geschreven als: parkeersensoren)" in first.locator(".why").inner_text()  # the typo
    check(anyone, screenshot_dir, "search")

    page = page_factory("nl", width=width, height=780)
    sign_in(page, live_server, journey["bram"].email)
    page.goto(f"{live_server}/pilots/{journey['continued']}")
    check(page, screenshot_dir, "pilot-to-adopt")
    with page.expect_navigation():
        page.click("section.adopt button[type=submit]")
    assert "Er staat een nieuw concept klaar" in page.locator(".flashes").inner_text()
    assert "Overgenomen van de pilot Slimme afvalinzameling in de binnenstad van Gemeente Utrecht" in \
        page.locator(".adopted-from").inner_text()
    fitting = page.locator("section[aria-labelledby=fitting-lessons-h]")
    assert "Parkeersensoren" in fitting.inner_text() or "afvalinzameling" in fitting.inner_text().lower()
    check(page, screenshot_dir, "adopted-draft")

    page = page_factory("nl", width=width, height=780)
    sign_in(page, live_server, journey["anna"].email)
    page.goto(f"{live_server}/lessons/ours")
    assert "Overgenomen door Gemeente Zwolle" in page.locator("main").inner_text()
    check(page, screenshot_dir, "ours")
