"""The way in, measured: a startup that has never been here goes from an open challenge's page to
the receipt in at most 6 page loads and 7 typed fields, with the real pages and CSRF on.

A page load is a navigation of the main frame (the e-mail confirmation link, opened with
`page.goto`, counts as one); a typed field is one `fill`. Run with `-s` to see the counts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matchmaker.database import commit
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from matchmaker.organisations.models import Organisation
from matchmaker.proposals.models import Proposal

pytestmark = pytest.mark.browser

MAX_LOADS = 6
MAX_FIELDS = 7


class Walk:
    """Counts the main frame's navigations and the fields typed on one page."""

    def __init__(self, page):
        self.page = page
        self.loads = 0
        self.fields = 0
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self.loads += 1

    def fill(self, selector: str, value: str) -> None:
        self.page.fill(selector, value)
        self.fields += 1


def confirmation_link(to: str) -> str:
    db.session.rollback()
    message = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to == to).order_by(OutboxMessage.id.desc())).first()
    assert message is not None and message.template == "pending_application"
    return re.search(r"http://\S+/apply/confirm/\S+", message.body).group(0)


def walk(page, base, challenge, *, email, texts, labels, screenshot=None) -> Walk:
    steps = Walk(page)
    page.goto(f"{base}/challenges/{challenge.slug}")
    with page.expect_navigation():
        page.click(f"aside >> text={labels['apply']}")
    assert page.locator(".steps [aria-current=step]").inner_text().strip().endswith(labels["account"])
    steps.fill("#email", email)
    for selector, value in texts:
        steps.fill(selector, value)
    if screenshot:
        page.screenshot(path=f"{screenshot}-form.png", full_page=True)
    with page.expect_navigation():
        page.click("button[name=save]")
    assert labels["check"] in page.locator("h1").inner_text()
    assert email in page.locator("main").inner_text()
    if screenshot:
        page.screenshot(path=f"{screenshot}-check-email.png", full_page=True)

    page.goto(confirmation_link(email))
    page.wait_for_url(re.compile(r".*/proposals/\d+/edit$"))
    assert labels["confirmed"] in page.content()
    assert page.locator(".steps [aria-current=step]").inner_text().strip().endswith(labels["proposal"])
    if screenshot:
        page.screenshot(path=f"{screenshot}-draft.png", full_page=True)
    with page.expect_navigation():
        page.click("button[name=submit]")
    page.wait_for_url(re.compile(r".*/receipt/1$"))
    assert page.locator(".steps [aria-current=step]").inner_text().strip().endswith(labels["submitted"])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    if screenshot:
        page.screenshot(path=f"{screenshot}-receipt.png", full_page=True)
    return steps


def test_a_new_startup_applies_on_a_phone_in_dutch(live_server, page_factory, make, screenshot_dir):
    challenge = make.challenge(title="Slimmere afvalinzameling", language="nl", languages=["nl", "en"],
                               pilot_weeks=10, max_age_years=5, budget_min_cents=1_000_000,
                               budget_max_cents=4_000_000)
    commit()
    page = page_factory("nl", width=360, height=740)
    texts = [
        ("#startup_name", "Afvalslim"),
        ("#founded_year", "2023"),
        ("#understanding", "Zakken staan te lang op straat omdat wagens op vaste routes rijden."),
        ("#solution", "Tien weken vulgraadsensoren in veertig containers. Routes passen zich dagelijks aan."),
        ("#team", "Een data-engineer en een productontwerper met ervaring bij twee gemeenten."),
        ("#price_cents", "25.000"),
    ]
    labels = {"apply": "Schrijf in met je startup", "account": "Account", "check": "Kijk in je mailbox",
              "confirmed": "Je e-mailadres is bevestigd", "proposal": "Voorstel", "submitted": "Ingediend"}
    steps = walk(page, live_server, challenge, email="founder@afvalslim.nl", texts=texts, labels=labels,
                 screenshot=f"{screenshot_dir}/light-apply-nl-360" if screenshot_dir else None)
    print(f"loads={steps.loads} fields={steps.fields}")
    assert steps.loads <= MAX_LOADS and steps.fields <= MAX_FIELDS

    db.session.rollback()
    proposal = db.session.scalar(select(Proposal))
    assert proposal.status.value == "submitted" and proposal.reference in page.content()
    assert proposal.summary == "Tien weken vulgraadsensoren in veertig containers. Routes passen zich dagelijks aan."
    assert proposal.duration_weeks == 10 and proposal.language == "nl" and proposal.price_cents == 2_500_000
    startup = db.session.scalar(select(Organisation).where(Organisation.name == "Afvalslim"))
    assert startup.founded_year == 2023
    assert startup.team_description == "Een data-engineer en een productontwerper met ervaring bij twee gemeenten."
    assert [m.user.email for m in startup.memberships] == ["founder@afvalslim.nl"]


def test_a_new_startup_applies_at_desk_size_in_english(live_server, page_factory, make, screenshot_dir):
    challenge = make.challenge(title="Quieter night buses", languages=["nl", "en"], pilot_weeks=12)
    commit()
    page = page_factory("en", width=1280, height=900)
    texts = [
        ("#startup_name", "Hushline"),
        ("#understanding", "Residents along the night routes sleep badly because of engine noise."),
        ("#solution", "We fit twelve buses with noise sensors and map the loud spots. The pilot shows the change."),
        ("#team", "An acoustic engineer and a data scientist."),
        ("#price_cents", "30000"),
    ]
    labels = {"apply": "Apply with your startup", "account": "Account", "check": "Check your e-mail",
              "confirmed": "Your e-mail address is confirmed", "proposal": "Proposal", "submitted": "Submitted"}
    steps = walk(page, live_server, challenge, email="hello@hushline.example", texts=texts, labels=labels,
                 screenshot=f"{screenshot_dir}/light-apply-en-1280" if screenshot_dir else None)
    print(f"loads={steps.loads} fields={steps.fields}")
    assert steps.loads <= MAX_LOADS and steps.fields <= MAX_FIELDS
    db.session.rollback()
    proposal = db.session.scalar(select(Proposal))
    assert proposal.status.value == "submitted" and proposal.duration_weeks == 12 and proposal.language == "en"
