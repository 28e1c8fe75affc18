"""Working together on a phone in Dutch: the lead buyer chooses a co-owner and its rights, and the
public round page lists the round's challenges with the shared dates; WCAG 2.1 AA, no sideways
scrolling at 360 and 320 px."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.collaboration.models import Round
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db

from .steps import sign_in
from .test_accessibility import axe_violations, no_horizontal_scroll

pytestmark = pytest.mark.browser


def _shot(page, screenshot_dir, name):
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", [360, 320])
def test_the_lead_buyer_chooses_a_co_owner_on_a_phone_in_dutch(live_server, page_factory, make, screenshot_dir,
                                                                width):
    groningen = make.municipality(name="Gemeente Groningen")
    make.municipality(name="Gemeente Assen")
    make.municipality(name="Gemeente Emmen")
    officer = make.officer(groningen, email=f"inkoper{width}@groningen.example", locale="nl")
    challenge = make.challenge(organisation=groningen, title="Minder zwerfafval in parken", language="nl")
    commit()

    page = page_factory("nl", width=width, height=800)
    sign_in(page, live_server, officer.email)
    page.goto(f"{live_server}/challenges/{challenge.id}/manage")
    with page.expect_navigation():
        page.click("text=Mede-eigenaren kiezen")
    page.select_option("#organisation", label="Gemeente Assen")
    page.check("#may_answer_questions")
    page.check("#may_decide")
    with page.expect_navigation():
        page.click("button:has-text('Mede-eigenaar toevoegen')")
    text = page.inner_text("main")
    assert "Gemeente Assen is nu mede-eigenaar van de uitdaging." in text
    db.session.refresh(challenge)
    [co_owner] = challenge.co_owners
    assert co_owner.may_answer_questions and co_owner.may_decide and not co_owner.may_edit
    assert axe_violations(page) == [] and no_horizontal_scroll(page)
    _shot(page, screenshot_dir, f"co-owners-{width}")

    page.goto(f"{live_server}/challenges/{challenge.slug}")
    assert "Gemeente Groningen (penvoerder), Gemeente Assen" in page.inner_text(".page-head .meta")


@pytest.mark.parametrize("width", [360, 320])
def test_the_public_round_page_on_a_phone_in_dutch(live_server, page_factory, make, screenshot_dir, width):
    groningen, assen = make.municipality(name="Gemeente Groningen"), make.municipality(name="Gemeente Assen")
    noord = Round(organisation_id=groningen.id, name=f"SiR Noord-Nederland 2027-{width}", slug=f"sir-noord-{width}",
                  description="Zes gemeenten in het noorden zoeken samen naar slimme oplossingen voor "
                              "afval, mobiliteit en energie. Startups mogen op meerdere uitdagingen inschrijven.",
                  questions_close_at=utcnow() + timedelta(days=20), submissions_close_at=utcnow() + timedelta(days=30))
    db.session.add(noord)
    db.session.flush()
    for municipality, title in ((groningen, "Minder zwerfafval in parken"),
                                (assen, "Slimme verlichting op fietspaden"),
                                (groningen, "Laadpalen waar bewoners ze nodig hebben")):
        make.challenge(organisation=municipality, title=title, language="nl", round_id=noord.id,
                       questions_close_at=noord.questions_close_at, submissions_close_at=noord.submissions_close_at,
                       themes=("waste", "mobility"))
    make.challenge(organisation=assen, title="Nog een concept", status=ChallengeStatus.DRAFT, round_id=noord.id)
    commit()

    page = page_factory("nl", width=width, height=800)
    page.goto(f"{live_server}/rounds/{noord.slug}")
    text = page.inner_text("main")
    assert "3 uitdagingen in deze ronde" in text and "Nog een concept" not in text
    assert "Gedeelde deadlines" in text and "Eén gunning per startup" in text
    assert axe_violations(page) == [] and no_horizontal_scroll(page)
    _shot(page, screenshot_dir, f"round-{width}")
    page.goto(f"{live_server}/rounds/")
    assert noord.name in page.inner_text("main")
    assert axe_violations(page) == [] and no_horizontal_scroll(page)
