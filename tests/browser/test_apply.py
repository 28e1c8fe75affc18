"""A startup applies from a phone-sized screen in Dutch: draft, submit, edit (version 2), withdraw."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matchmaker.database import commit
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal

from ..factories import PASSWORD, pdf_bytes

pytestmark = pytest.mark.browser


def test_startup_drafts_submits_edits_and_withdraws_on_a_phone(live_server, page_factory, make, tmp_path,
                                                               screenshot_dir):
    startup = make.startup(name="Afvalslim", founded_year=2022, size_fte=4)
    member = make.startup_member(startup, email="founder@afvalslim.nl", locale="nl")
    challenge = make.challenge(title="Slimmere afvalinzameling", budget_min_cents=1_000_000,
                               budget_max_cents=4_000_000, languages=["nl", "en"])
    commit()
    base = live_server
    page = page_factory("nl", width=375, height=812)
    page.goto(f"{base}/account/login")
    page.fill("#email", member.email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    page.goto(f"{base}/challenges/{challenge.slug}")
    with page.expect_navigation():
        page.click("main >> text=Voorstel schrijven >> nth=0")
    page.fill("#summary", "Vulgraadsensoren in ondergrondse containers.")
    counter = page.locator("#summary-counter").inner_text()
    assert counter == "Tekens: 44 van 500. Woorden: 4"
    # the draft saves itself while typing (and moves to its own address); the button saves it too
    page.locator(".autosave-message", has_text="Opgeslagen om").wait_for()
    with page.expect_navigation():
        page.click("button[name=save]")
    assert "Opgeslagen als concept." in page.content()

    # submitting a half-filled proposal says what is missing and keeps the text
    with page.expect_navigation():
        page.click("button[name=submit]")
    assert "Vul het team in." in page.content()
    assert page.input_value("#summary") == "Vulgraadsensoren in ondergrondse containers."

    page.fill("#understanding", "Zakken staan te lang op straat omdat wagens op vaste routes rijden.")
    page.fill("#solution", "Twaalf weken sensoren in veertig containers en dynamische routes.")
    page.fill("#team", "Een data-engineer en een productontwerper met ervaring bij twee gemeenten.")
    page.fill("#price_cents", "25.000")
    page.fill("#duration_weeks", "12")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(pdf_bytes())
    page.set_input_files("#attachment", str(pdf))
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/apply-form-phone.png", full_page=True)
    with page.expect_navigation():
        page.click("button[name=submit]")
    page.wait_for_url(re.compile(r".*/receipt/1$"))
    content = page.content()
    proposal = db.session.scalar(select(Proposal))
    assert proposal.reference in content and "versie 1" in content
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/apply-receipt-phone.png", full_page=True)

    # edit after submitting: a second version
    page.goto(f"{base}/proposals/{proposal.id}/edit")
    page.fill("#summary", "Vulgraadsensoren en dynamische routes in de binnenstad.")
    with page.expect_navigation():
        page.click("button[name=submit]")
    page.wait_for_url(re.compile(r".*/receipt/2$"))

    # withdraw (confirm the dialog)
    page.goto(f"{base}/proposals/{proposal.id}")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("button:has-text('Intrekken')")
    assert "Je voorstel is ingetrokken." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    db.session.rollback()
    proposal = db.session.get(Proposal, proposal.id)
    assert proposal.status.value == "withdrawn" and [v.number for v in proposal.versions] == [1, 2]
