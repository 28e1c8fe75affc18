"""After the award, on a phone in Dutch: the officer releases the award, follows the pilot, completes
the plan, starts it, writes a check-in, decides to continue to a contract, and publishes the lesson."""

from __future__ import annotations

import re

import pytest

from matchmaker.database import commit
from matchmaker.enums import DecisionOutcome, PilotStatus
from matchmaker.evaluation import decisions
from matchmaker.extensions import db
from matchmaker.pilots.models import Pilot

from .steps import sign_in

pytestmark = pytest.mark.browser


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), page.url


def test_officer_from_award_to_pilot_check_in_continue_and_lesson_on_a_phone(live_server, page_factory, make,
                                                                              screenshot_dir):
    base = live_server
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, email="inkoper@utrecht.example", locale="nl")
    challenge = make.challenge(organisation=municipality, days_open=-1, title="Slimmere afvalinzameling",
                               language="nl")
    startup = make.startup(name="Afvalslim")
    proposal = make.proposal(challenge=challenge, startup=startup)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.AWARDED,
                               motivation="Het beste plan: klein beginnen met veertig containers.")
    commit()

    page = page_factory("nl", width=360, height=780)
    sign_in(page, base, officer.email)

    # the award: released from the decisions page
    page.goto(f"{base}/challenges/{challenge.id}/decisions")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("button:has-text('Besluiten bekendmaken')")
    page.goto(f"{base}/challenges/{challenge.slug}")
    with page.expect_navigation():
        page.click("text=Volg de pilot")
    pilot = db.session.query(Pilot).one()
    page.wait_for_url(re.compile(rf".*/pilots/{pilot.id}$"))
    assert "Voordat de pilot start" in page.content()

    # the plan
    with page.expect_navigation():
        page.click("main >> text=Plan bewerken")
    page.fill("#starts_on", "2026-09-01")
    page.fill("#goals", "Minder halflege ritten in de binnenstad, zonder dat zakken langer op straat staan.")
    page.fill("#municipality_contact", "Marloes van der Linden")
    page.fill("#startup_contact", "Sanne Bakker")
    page.fill("#criteria-0-name", "Minder ritten")
    page.fill("#criteria-0-target", "20")
    page.fill("#criteria-0-unit", "%")
    page.fill("#criteria-1-name", "Meldingen over volle containers")
    page.fill("#criteria-1-target", "10")
    page.select_option("#criteria-1-direction", "down")
    page.fill("#milestones-0-title", "Sensoren geplaatst")
    page.fill("#milestones-0-due_on", "2026-09-15")
    no_sideways_scroll(page)
    with page.expect_navigation():
        page.click("button:has-text('Plan opslaan')")
    assert "Het plan is opgeslagen." in page.content()
    with page.expect_navigation():
        page.click("button:has-text('Pilot starten')")
    assert "De pilot loopt." in page.content()

    # a check-in
    with page.expect_navigation():
        page.click("main >> text=Check-in schrijven")
    page.fill("#tried", "Sensoren in veertig containers; routes op vulgraad.")
    page.fill("#learned", "Chauffeurs willen de route een dag eerder zien.")
    page.fill("#next_change", "Route om 15:00 de dag ervoor klaarzetten.")
    page.check("input[name=light][value=amber]")
    criteria = list(db.session.get(Pilot, pilot.id).criteria)
    page.fill(f"#measure_{criteria[0].id}", "12,5")
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/pilot-check-in-phone.png", full_page=True)
    with page.expect_navigation():
        page.click("button:has-text('Check-in opslaan')")
    assert "Je check-in is opgeslagen." in page.content()
    no_sideways_scroll(page)

    # the gate: continue to a contract; a missing field is named next to it first
    page.goto(f"{base}/pilots/{pilot.id}/gate")
    page.check("input[name=move][value=continue]")
    page.fill("#motivation", "Beide doelen gehaald; we gaan door met een launching-customer-contract.")
    page.fill(f"#final_{criteria[0].id}", "24")
    page.fill(f"#final_{criteria[1].id}", "6")
    with page.expect_navigation():
        page.click("button:has-text('Besluit vastleggen')")
    assert "Kies de inkoopprocedure voor het contract." in page.content()
    assert page.input_value("#motivation").startswith("Beide doelen gehaald")
    page.select_option("#route", "launching_customer")
    page.fill("#contract_value_cents", "85.000")
    page.fill("#contract_on", "2027-01-15")
    with page.expect_navigation():
        page.click("button:has-text('Besluit vastleggen')")
    content = page.content()
    assert "De pilot gaat door met een contract." in content and "streefwaarde gehaald" in content
    db.session.expire_all()
    assert db.session.get(Pilot, pilot.id).status == PilotStatus.CONTINUED
    no_sideways_scroll(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/pilot-continued-phone.png", full_page=True)

    # the lesson, written from the pilot page and published; the public finds it
    with page.expect_navigation():
        page.click("main >> text=Schrijf de les")
    page.fill("#context", "De binnenstad heeft smalle straten en veel ondergrondse containers.")
    page.fill("#expected", "Een kwart minder ritten zonder extra klachten.")
    page.fill("#happened", "Bijna een kwart minder ritten; chauffeurs moesten wennen aan wisselende routes.")
    page.fill("#differently", "Chauffeurs vanaf de eerste week betrekken bij het plannen.")
    page.fill("#advice", "Begin met veertig containers en meet vanaf dag één hoe vol ze zijn.")
    with page.expect_navigation():
        page.click("button:has-text('Bewaren en publiceren')")
    assert "De les is bewaard en gepubliceerd." in page.content()
    no_sideways_scroll(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/pilot-lesson-phone.png", full_page=True)
    public = page_factory("nl", width=360, height=780)
    public.goto(f"{base}/lessons")
    assert "Begin met veertig containers" in public.content() or "Slimmere afvalinzameling" in public.content()
