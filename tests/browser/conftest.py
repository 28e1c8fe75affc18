"""Browser tests: a live server in a thread and Debian's Chromium driven by Playwright.

Without /usr/bin/chromium the tests are skipped with a hint, unless REQUIRE_BROWSER=1 (CI), where a
missing browser is an error.
"""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from ..conftest import app_like

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def _require_browser():
    if os.path.exists(CHROMIUM):
        return
    message = "Chromium not found: install it with `sudo apt-get install -y chromium` to run the browser tests."
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def live_server(app):
    """The app served over HTTP, with CSRF protection on as in production, on the test database."""

    served = app_like(app, WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, served, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page_factory(browser, tmp_path):
    contexts = []

    def _new(locale: str = "en", width: int = 1280, height: int = 900):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale,
            extra_http_headers={"Accept-Language": locale},
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot_dir():
    path = os.environ.get("SCREENSHOT_DIR")
    if path:
        os.makedirs(path, exist_ok=True)
    return path


DEMO_ROLES = {  # who crawls the demo, and where they start
    "anonymous": (None, ["/", "/challenges/", "/account/register", "/dev/mail/"]),
    "startup": ("founder@containerwijs.demo", ["/dashboard", "/proposals/", "/challenges/"]),
    "officer": ("innovatie@utrecht.demo", ["/dashboard"]),
    "evaluator": ("beleid@panel.demo", ["/dashboard", "/panel/"]),
    "admin": ("beheer@matchmaker.demo", ["/dashboard", "/admin/organisations"]),
}


@pytest.fixture(scope="session")
def demo_crawl(app, browser):
    """The demo (`make run`'s data), crawled once per session by every role at 320 px in Dutch, on a
    server with the development outbox on. Returns the pages (`crawl.Page`) of all roles."""
    from matchmaker.demo import DEMO_PASSWORD, load_demo_data
    from matchmaker.recommendations.services import reset as reset_matcher

    from .crawl import crawl
    from .steps import sign_in

    with app.app_context():
        assert load_demo_data() is True
        reset_matcher()
    served = app_like(app, WTF_CSRF_ENABLED=True, DEV_OUTBOX=True, MAIL_BACKEND="console")
    server = make_server("127.0.0.1", 0, served, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    pages = []
    try:
        for role, (email, start) in DEMO_ROLES.items():
            context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl",
                                          extra_http_headers={"Accept-Language": "nl"})
            page = context.new_page()
            page.set_default_timeout(10_000)
            if email:
                sign_in(page, base, email, DEMO_PASSWORD)
            pages += crawl(page, base, role, start)
            context.close()
    finally:
        server.shutdown()
    return pages
