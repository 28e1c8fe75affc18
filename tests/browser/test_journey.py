"""A new officer's first day, in a real browser: register, confirm the address, register the
municipality, get it verified, write and publish a challenge, and find it on the public list."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matchmaker.database import commit
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage

from .steps import sign_in

pytestmark = pytest.mark.browser


def last_link(to: str, pattern: str) -> str:
    db.session.rollback()
    message = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to == to).order_by(OutboxMessage.id.desc())
    ).first()
    assert message is not None, f"no mail to {to}"
    return re.search(pattern, message.body).group(0)


def test_officer_publishes_a_challenge_that_the_public_can_find(live_server, page_factory, make, screenshot_dir):
    admin = make.admin(email="beheer@example.org")
    commit()
    page = page_factory("en")
    base = live_server

    # register
    page.goto(f"{base}/account/register")
    page.fill("#name", "Ilse Inkoper")
    page.fill("#email", "ilse@gemeente-voorbeeld.nl")
    page.fill("#password", "een lang en veilig wachtwoord")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/account/check-email")  # not signed in yet: the e-mail link does that
    assert "ilse@gemeente-voorbeeld.nl" in page.locator("main").inner_text()

    # verify through the link in the e-mail: it confirms the address and signs in
    page.goto(last_link("ilse@gemeente-voorbeeld.nl", r"http://[^\s]+/account/verify/[^\s]+"))
    page.wait_for_url(f"{base}/dashboard")
    assert "your e-mail address is confirmed" in page.content()

    # register the municipality
    page.goto(f"{base}/organisations/new")
    with page.expect_navigation():
        page.click("text=Register a municipality")
    page.fill("#name", "Gemeente Voorbeeld")
    page.fill("#region", "Utrecht")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "An administrator will verify it" in page.content()

    # the administrator verifies it (in a second browser session)
    admin_page = page_factory("en")
    sign_in(admin_page, base, admin.email)
    admin_page.goto(f"{base}/admin/organisations")
    with admin_page.expect_navigation():
        admin_page.click("text=Verify Gemeente Voorbeeld")
    assert "is verified" in admin_page.content()

    # write the challenge
    page.goto(f"{base}/challenges/new")
    page.fill("#title", "Hittestress in versteende wijken")
    page.fill("#summary", "Op hete dagen is het in versteende wijken tot zeven graden warmer.")
    page.fill("#problem", "Kwetsbare bewoners hebben het meest last van hitte.")
    page.fill("#desired_outcome", "Koelte dichter bij huis, gemeten en gedragen door bewoners.")
    page.check("input[name=themes][value=climate]")
    page.fill("#budget_min", "15000")
    page.fill("#budget_max", "40000")
    page.fill("#questions_close_at", "2030-05-01T12:00")
    page.fill("#submissions_close_at", "2030-05-15T17:00")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "The draft is saved" in page.content()
    assert page.locator("text=Everything is in place").is_visible()

    # publish (confirm the dialog)
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("button:has-text('Publish')")
    page.wait_for_url(re.compile(r".*/challenges/hittestress-in-versteende-wijken$"))
    assert "Published" in page.content()
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/journey-published.png", full_page=True)

    # anyone finds it on the public list, with a typo-free search and the deadline in Dutch time
    visitor = page_factory("nl", width=360, height=740)
    visitor.goto(f"{base}/challenges/?q=hittestress")
    with visitor.expect_navigation():
        visitor.click("text=Hittestress in versteende wijken")
    content = visitor.content()
    assert "Kwetsbare bewoners hebben het meest last van hitte." in content
    assert "15 mei 2030, 17:00" in content
    if screenshot_dir:
        visitor.screenshot(path=f"{screenshot_dir}/journey-public-phone.png", full_page=True)
