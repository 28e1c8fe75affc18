"""Keyboard and error handling beyond axe: the focus ring's contrast (WCAG 1.4.11) against whatever it
sits on, focus on the error summary after a failed submit, summary links that lead somewhere, radio
groups marked invalid, Escape closing the menu, reading order = visual order, the criteria total."""

from __future__ import annotations

import os

import pytest

from matchmaker.database import commit
from matchmaker.enums import ChallengeStatus

from ..factories import PASSWORD
from .steps import sign_in
from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser

# For the focused element: the ring's colour and, at the middle of each side of the ring, the colour
# behind it (the first opaque background under that point, outside the element; gradients give all
# their colours). Contrast as WCAG defines it.
FOCUS_RING_JS = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const backgrounds = node => {
    for (let n = node; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      const image = s.backgroundImage.includes('gradient') ? (s.backgroundImage.match(/rgba?\([^)]+\)/g) || []).map(parse) : [];
      if (image.length) return image;
      const colour = parse(s.backgroundColor);
      if (colour && colour.a >= 0.9) return [colour];
    }
    return [{r: 255, g: 255, b: 255, a: 1}];
  };
  const style = getComputedStyle(el);
  const width = parseFloat(style.outlineWidth) || 0, offset = parseFloat(style.outlineOffset) || 0;
  const describe = n => n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\s+/).join('.') : '') + ' "' + (n.textContent || n.value || '').trim().replace(/\s+/g, ' ').slice(0, 30) + '"';
  if (style.outlineStyle === 'none' || width < 2) return {element: describe(el), ring: style.outlineStyle + ' ' + width + 'px', min: 0};
  const ring = parse(style.outlineColor);
  const r = el.getBoundingClientRect(), d = offset + width / 2;
  const points = [[r.left + r.width / 2, r.top - d], [r.left + r.width / 2, r.bottom + d], [r.left - d, r.top + r.height / 2], [r.right + d, r.top + r.height / 2]];
  let min = Infinity, against = [];
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const under = document.elementsFromPoint(x, y).find(n => n !== el && !el.contains(n));
    if (!under) continue;
    for (const bg of backgrounds(under)) { const c = ratio(ring, bg); if (c < min) { min = c; against = [describe(under), bg]; } }
  }
  return {element: describe(el), ring: style.outlineColor, min: min === Infinity ? null : min, against};
}"""


def tab_through(page, steps: int = 45) -> list[dict]:
    """Press Tab `steps` times (or until the focus comes back round) and measure the ring each time."""
    seen, rings = set(), []
    for _ in range(steps):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUS_RING_JS)
        if found is None:
            continue
        key = found["element"]
        if key in seen:
            break
        seen.add(key)
        rings.append(found)
    return rings


@pytest.fixture
def world(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, email="officer@example.org")
    open_challenge = make.challenge(organisation=municipality, title="Slimmere afvalinzameling")
    make.question(challenge=open_challenge, asked_by=make.startup_member(), answer="Ja, dat kan.")
    draft = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT, title="Concept")
    closed = make.challenge(organisation=municipality, title="Hitte in de wijk", days_open=-1)
    proposal = make.proposal(challenge=closed, startup=make.startup(name="Koele Straten"))
    evaluator = make.user(email="evaluator@example.org")
    seat = make.seat(challenge=closed, user=evaluator)
    scoring = make.user(email="scorer@example.org")
    scoring_seat = make.seat(challenge=closed, user=scoring)
    make.declaration(seat=scoring_seat, proposal=proposal)
    commit()
    return {"officer": officer, "open": open_challenge, "draft": draft, "closed": closed, "proposal": proposal,
            "seat": seat, "scoring_seat": scoring_seat}


@pytest.mark.parametrize("width", [1280, 360])
def test_focus_ring_has_3_to_1_contrast_against_what_it_sits_on(live_server, page_factory, world, width):
    page = page_factory("nl", width=width)
    measured, problems = 0, []

    def check(path):
        nonlocal measured
        page.goto(live_server + path)
        if width == 360 and page.locator(".menu-toggle").is_visible():
            page.click(".menu-toggle")  # the menu's links are tabbed through as well
            page.evaluate("document.activeElement.blur()")
        for ring in tab_through(page):
            measured += 1
            if ring["min"] is not None and ring["min"] < 3:
                problems.append(f"{path}: {ring['element']} ring {ring['ring']} is {ring['min']:.2f}:1 "
                                f"against {ring.get('against')}")

    for path in ("/", f"/challenges/{world['open'].slug}", "/challenges/", "/account/login"):
        check(path)
    sign_in(page, live_server, world["officer"].email, PASSWORD)
    for path in ("/dashboard", f"/challenges/{world['closed'].id}/panel", f"/challenges/{world['draft'].id}/criteria"):
        check(path)
    assert problems == [], "\n".join(problems)
    assert measured >= 60


def test_keyboard_focus_ring_colours(live_server, page_factory):
    """Light amber on the dark header, dark amber on light backgrounds."""
    page = page_factory("en", width=1280)
    page.goto(f"{live_server}/challenges/")
    page.keyboard.press("Tab")  # the skip link, over the header
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineColor") == "rgb(255, 191, 71)"
    page.focus("#q")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineColor") == "rgb(163, 82, 0)"


def summary_state(page) -> dict:
    return page.evaluate("""() => {
      const summary = document.querySelector('.error-summary');
      const links = [...document.querySelectorAll('.error-summary a[href^="#"]')].map(a => a.getAttribute('href'));
      return {focused: !!summary && document.activeElement === summary,
              links, dangling: links.filter(h => !document.getElementById(h.slice(1)))};
    }""")


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_after_a_failed_submit_the_summary_has_the_focus_and_every_link_leads_somewhere(
        live_server, page_factory, world, screenshot_dir, locale):
    page = page_factory(locale, width=360, height=740)
    # registering with nothing filled in
    page.goto(f"{live_server}/account/register")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    state = summary_state(page)
    assert state["focused"] and state["links"] and state["dangling"] == []

    # the conflict declaration without an answer: the radio group
    sign_in(page, live_server, "evaluator@example.org", PASSWORD)
    page.goto(f"{live_server}/panel/{world['seat'].id}/proposals/{world['proposal'].id}")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    state = summary_state(page)
    assert state["focused"] and state["dangling"] == []
    assert "#has_conflict-0" in state["links"]
    assert page.get_attribute("#has_conflict", "role") == "radiogroup"
    assert page.get_attribute("#has_conflict", "aria-invalid") == "true"
    assert page.get_attribute("#has_conflict-0", "aria-invalid") == "true"
    assert axe_violations(page) == []

    # the review without scores: a radio group per criterion and the recommendation
    page.context.clear_cookies()
    sign_in(page, live_server, "scorer@example.org", PASSWORD)
    page.goto(f"{live_server}/panel/{world['scoring_seat'].id}/proposals/{world['proposal'].id}")
    with page.expect_navigation():
        page.click("button[name=submit]")
    state = summary_state(page)
    assert state["focused"] and state["dangling"] == []
    score_links = [h for h in state["links"] if h.startswith("#score_")]
    assert len(score_links) == len(world["closed"].criteria)
    assert "#recommendation-0" in state["links"]
    invalid_groups = page.evaluate(
        "[...document.querySelectorAll('[role=radiogroup][aria-invalid=true]')].map(e => e.id)")
    assert len(invalid_groups) == len(world["closed"].criteria) + 1
    page.click(f".error-summary a[href='{score_links[0]}']")
    assert page.evaluate("document.activeElement.id") == score_links[0][1:]
    assert axe_violations(page) == []
    if screenshot_dir:
        page.screenshot(path=os.path.join(screenshot_dir, f"review-errors-{locale}.png"))


def test_challenge_form_shows_every_error_at_once(live_server, page_factory, world):
    page = page_factory("en", width=1280)
    sign_in(page, live_server, world["officer"].email, PASSWORD)
    page.goto(f"{live_server}/challenges/{world['draft'].id}/edit")
    page.fill("#title", "")
    page.fill("#budget_min", "50000")
    page.fill("#budget_max", "1000")
    page.fill("#questions_close_at", "2031-05-01T12:00")
    page.fill("#submissions_close_at", "2031-04-01T12:00")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    state = summary_state(page)
    assert state["focused"] and state["dangling"] == []
    assert state["links"] == ["#title", "#budget_max", "#questions_close_at"]
    for field in ("title", "budget_max", "questions_close_at"):
        assert page.get_attribute(f"#{field}", "aria-invalid") == "true"


def test_criteria_editor_keeps_a_running_total_and_marks_the_weights(live_server, page_factory, world, screenshot_dir):
    page = page_factory("nl", width=360, height=740)
    sign_in(page, live_server, world["officer"].email, PASSWORD)
    page.goto(f"{live_server}/challenges/{world['draft'].id}/criteria")
    total = page.locator("#weights-total [data-total]")
    assert total.inner_text() == "Totaal van de wegingen: 100 van 100"
    first_weight = page.locator("input[name$='-weight']").first
    first_weight.fill("5")
    assert total.inner_text() == "Totaal van de wegingen: 75 van 100"  # live, before any submit
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert total.inner_text() == "Totaal van de wegingen: 75 van 100"  # rendered by the server
    state = summary_state(page)
    assert state["focused"] and state["dangling"] == [] and len(state["links"]) == 1
    assert "De wegingen tellen op tot 75; ze moeten samen 100 zijn." in page.inner_text(".error-summary")
    weights = page.locator("input[name$='-weight']")
    named = page.locator("input[name$='-name']")
    for i in range(weights.count()):
        expected = "true" if named.nth(i).input_value().strip() else None
        assert weights.nth(i).get_attribute("aria-invalid") == expected
        if expected:
            assert "weights-total" in weights.nth(i).get_attribute("aria-describedby")
    assert axe_violations(page) == []
    if screenshot_dir:
        page.screenshot(path=os.path.join(screenshot_dir, "criteria-errors-360.png"), full_page=True)


def test_escape_closes_the_menu_and_returns_to_its_button(live_server, page_factory):
    page = page_factory("nl", width=320, height=640)
    page.goto(f"{live_server}/")
    page.focus(".menu-toggle")
    page.keyboard.press("Enter")
    assert page.locator("#site-nav").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#site-nav') !== null")
    page.keyboard.press("Escape")
    assert not page.locator("#site-nav").is_visible()
    assert page.get_attribute(".menu-toggle", "aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")


@pytest.mark.parametrize("width", [320, 1280])
def test_reading_order_is_the_visual_order(live_server, page_factory, world, width):
    """On a phone the apply box stands above the Q&A and comes before it in the keyboard order; no
    element anywhere on the page is moved with CSS `order`."""
    page = page_factory("nl", width=width)
    page.goto(f"{live_server}/challenges/{world['open'].slug}")
    apply = page.locator("a:has-text('Schrijf in met je startup'), a:has-text('Apply with your startup')").first
    assert apply.count() == 1
    before_qa = page.evaluate("""() => {
      const apply = [...document.querySelectorAll('main a')].find(a => a.href.includes('/apply'));
      const qa = document.getElementById('qa');
      return !!(apply.compareDocumentPosition(qa) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert before_qa
    if width == 320:
        assert apply.bounding_box()["y"] < page.locator("#qa").bounding_box()["y"]
    moved = page.evaluate("[...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).order !== '0')"
                          ".map(e => e.tagName + '.' + e.className)")
    assert moved == []
