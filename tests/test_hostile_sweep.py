"""A sweep from outside: every page of the permission matrix, as a role that may see it; every form on
it is sent back with one field at a time set to hostile input, and every page is asked for with
hostile query parameters. The answer may be a message, a redirect or a 4xx, never a 500 (in tests an
unexpected error is raised, so a crash fails here with its traceback)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .conftest import login
from .test_permissions import ROUTES, world  # noqa: F401  (the fixture)

FIELD_VALUES = ["٣", "NaN", "0001-01-01T00:00", "  "]
QUERY_VALUES = ["²", "٣", "-1", "9" * 40, "\u202e=cmd", "x" * 5000, "  "]
QUERY_NAMES = ("page", "per_page", "q", "theme", "municipality", "open", "kind", "all", "z", "next", "org")
PAGES = [(path, expected) for method, path, _data, expected in ROUTES if method == "GET"]


class FormsOnPage(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower(),
                             "fields": {}, "buttons": []}
            self.forms.append(self._current)
        elif tag in ("input", "textarea", "select", "button") and self._current is not None and attrs.get("name"):
            if tag == "button" or attrs.get("type") in ("submit", "button"):
                self._current["buttons"].append(attrs["name"])
            else:
                self._current["fields"][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _visit(client, request, expected, path):
    fixtures = request.getfixturevalue("world")
    role = next((r for r, status in expected.items() if status == 200 and r != "anonymous"), "anonymous")
    if role != "anonymous":
        login(client, fixtures["users"][role])
    return path.format(**fixtures)


@pytest.mark.parametrize(("path", "expected"), PAGES, ids=[path for path, _ in PAGES])
def test_every_form_field_survives_hostile_input(client, request, path, expected):
    url = _visit(client, request, expected, path)
    page = client.get(url)
    if page.status_code != 200 or page.mimetype != "text/html":
        return
    parser = FormsOnPage()
    parser.feed(page.get_data(as_text=True))
    for form in parser.forms:
        action = form["action"] or url
        if action.endswith(("/logout", "/language")):
            continue
        for name in form["fields"]:
            for value in FIELD_VALUES:
                data = {**form["fields"], name: value, **{button: "1" for button in form["buttons"][:1]}}
                if form["method"] == "post":
                    response = client.post(action, data=data)
                else:
                    response = client.get(action, query_string=data)
                assert response.status_code < 500, (action, name, value)


@pytest.mark.parametrize(("path", "expected"), PAGES, ids=[path for path, _ in PAGES])
def test_every_page_survives_hostile_query_parameters(client, request, path, expected):
    url = _visit(client, request, expected, path)
    for value in QUERY_VALUES:
        response = client.get(url, query_string={name: value for name in QUERY_NAMES})
        assert response.status_code < 500, (url, value)
