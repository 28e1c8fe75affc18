"""Every lesson route against every role: anonymous, startup member, officer of the owning municipality,
officer of another municipality, evaluator and administrator. Expected: a status code, or "login" for a
redirect to the sign-in page. Then the same pages with hostile input: never a 500."""

from __future__ import annotations

import pytest

from ..conftest import login
from ..test_hostile_sweep import FIELD_VALUES, QUERY_NAMES, QUERY_VALUES, FormsOnPage
from ..test_permissions import assert_answer

ROLES = ("anonymous", "startup", "officer", "other_officer", "evaluator", "admin")


def expect(default, **overrides):
    expected = {role: default for role in ROLES}
    expected.update(overrides)
    return expected


ROUTES = [
    ("GET", "/lessons/", expect(200)),
    ("GET", "/lessons/?q=afval&outcome=continued&reusable=1", expect(200)),
    ("GET", "/lessons/{published}", expect(200)),
    # an unpublished lesson does not exist for anyone but its municipality's officers and the administrators
    ("GET", "/lessons/{draft}", expect(404, officer=200, admin=200)),
    ("GET", "/lessons/99999999", expect(404)),
    ("GET", "/lessons/pilots/{stopped}/write", expect(403, anonymous="login", officer=200)),
    ("GET", "/lessons/pilots/{continued}/write", expect(403, anonymous="login", officer=302)),  # to its lesson
    ("GET", "/lessons/pilots/{running}/write", expect(403, anonymous="login")),  # not decided yet
    ("GET", "/lessons/pilots/99999999/write", expect(404, anonymous="login")),
    ("POST", "/lessons/pilots/{stopped}/write", expect(403, anonymous="login", officer=302)),
    ("GET", "/lessons/challenges/{cancelled}/write", expect(404, anonymous="login", officer=200)),  # not public
    ("GET", "/lessons/challenges/{no_award}/write", expect(403, anonymous="login", officer=302)),  # to the draft
    ("POST", "/lessons/challenges/{cancelled}/write", expect(404, anonymous="login", officer=302)),
    ("GET", "/lessons/{published}/edit", expect(403, anonymous="login", officer=200)),
    ("GET", "/lessons/{draft}/edit", expect(404, anonymous="login", officer=200, admin=403)),
    ("POST", "/lessons/{draft}/edit", expect(404, anonymous="login", officer=302, admin=403)),
    ("POST", "/lessons/{draft}/publish", expect(404, anonymous="login", officer=302, admin=403)),
    ("POST", "/lessons/{published}/unpublish", expect(403, anonymous="login", officer=302)),
    ("POST", "/lessons/{published}/publish", expect(403, anonymous="login", officer=302)),  # already: harmless
    ("GET", "/lessons/ours", expect(403, anonymous="login", officer=200, other_officer=200)),
    # only an officer of another municipality adopts, and only a pilot that continued to a contract
    ("POST", "/lessons/pilots/{continued}/adopt", expect(403, anonymous="login", other_officer=302)),
    ("POST", "/lessons/pilots/{stopped}/adopt", expect(403, anonymous="login")),
    ("POST", "/lessons/pilots/99999999/adopt", expect(404, anonymous="login")),
]
FORM = {"language": "nl", "context": "Context.", "expected": "Verwacht.", "happened": "Gebeurd.",
        "differently": "Anders.", "advice": "Advies.", "reusable": "yes"}


def ids_of(world) -> dict:
    return {"published": world["published"].id, "draft": world["draft"].id, "stopped": world["stopped"].id,
            "continued": world["continued"].id, "running": world["running"].id,
            "cancelled": world["cancelled"].id, "no_award": world["no_award"].id}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, _e in ROUTES])
def test_permission_matrix(client, lessons_world, role, method, path, expected):
    if role != "anonymous":
        login(client, lessons_world["users"][role])
    url = path.format(**ids_of(lessons_world))
    response = client.open(url, method=method, data=FORM if "/write" in url or "/edit" in url else {})
    assert_answer(response, expected[role], f"{role} {method} {url}")


PAGES = [(path, expected) for method, path, expected in ROUTES if method == "GET" and "?" not in path]


def _visit(client, world, path, expected):
    role = next((r for r, status in expected.items() if status == 200 and r != "anonymous"), "anonymous")
    if role != "anonymous":
        login(client, world["users"][role])
    return path.format(**ids_of(world))


@pytest.mark.parametrize(("path", "expected"), PAGES, ids=[path for path, _ in PAGES])
def test_every_lesson_page_survives_hostile_input(client, lessons_world, path, expected):
    url = _visit(client, lessons_world, path, expected)
    for value in QUERY_VALUES:
        assert client.get(url, query_string={name: value for name in QUERY_NAMES + ("outcome", "reusable")}
                          ).status_code < 500
    page = client.get(url)
    if page.status_code != 200:
        return
    parser = FormsOnPage()
    parser.feed(page.get_data(as_text=True))
    for form in parser.forms:
        action = form["action"] or url
        if action.endswith(("/logout", "/language")):
            continue
        for name in form["fields"]:
            for value in FIELD_VALUES + ["x" * 6000]:
                data = {**form["fields"], name: value, **{button: "1" for button in form["buttons"][:1]}}
                if form["method"] == "post":
                    response = client.post(action, data=data)
                else:
                    response = client.get(action, query_string=data)
                assert response.status_code < 500, (action, name, value)
