"""Steps the browser tests share."""

from __future__ import annotations

from ..factories import PASSWORD


def sign_in(page, base: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real sign-in form (CSRF on) and wait for the page it leads to."""
    page.goto(f"{base}/account/login")
    page.fill("#email", email)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
