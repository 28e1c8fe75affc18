"""Every route against every role: anonymous, startup member, officer of the owning municipality,
officer of another municipality, evaluator and administrator.

Expected values: a status code, or "login" for a redirect to the sign-in page.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.enums import ChallengeStatus

from .conftest import login
from .factories import pdf_bytes

ROLES = ("anonymous", "startup", "officer", "other_officer", "evaluator", "admin")


def everyone(status):
    return {role: status for role in ROLES}


def signed_in(status, **overrides):
    expected = {role: status for role in ROLES}
    expected["anonymous"] = "login"
    expected.update(overrides)
    return expected


def only(role_statuses: dict, others, anonymous="login"):
    expected = {role: others for role in ROLES}
    expected["anonymous"] = anonymous
    expected.update(role_statuses)
    return expected


def assert_answer(response, want, label: str) -> None:
    """The matrix's expectation: a status code, or "login" for a redirect to the sign-in page."""
    if want == "login":
        assert response.status_code == 302, response.status_code
        assert response.headers["Location"].startswith("/account/login")
    else:
        assert response.status_code == want, f"{label}: {response.status_code}"


@pytest.fixture
def world(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    other_municipality = make.municipality(name="Gemeente Zwolle")
    unverified = make.municipality(name="Gemeente Nieuw", verified=False)
    users = {
        "startup": make.startup_member(),
        "officer": make.officer(municipality),
        "other_officer": make.officer(other_municipality),
        "evaluator": make.user(),
        "admin": make.admin(),
    }
    published = make.challenge(organisation=municipality)
    draft = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    question = make.question(challenge=published, asked_by=users["startup"])
    own_proposal = make.proposal(challenge=published, startup=users["startup"].memberships[0].organisation)
    closed = make.challenge(organisation=municipality, days_open=-1)
    from matchmaker.proposals import attachments

    closed_proposal = make.proposal(challenge=closed, attachment_key=attachments.store(pdf_bytes()),
                                    attachment_name="plan.pdf", attachment_size=100)
    seat = make.seat(challenge=closed, user=users["evaluator"])
    make.declaration(seat=seat, proposal=closed_proposal)
    other_review = make.review(seat=make.seat(challenge=closed), proposal=closed_proposal, values=[3, 3, 3, 3, 3])
    make.seat(challenge=published, user=users["evaluator"], accepted=False, token="known-token")
    invitation = make.invitation(organisation=municipality, email=users["evaluator"].email, token="known-invite",
                                 expires_in=timedelta(days=3))
    return {
        "INV": invitation.id,
        "MEM": users["officer"].memberships[0].id,
        "SO": users["startup"].memberships[0].organisation_id,
        "SEAT": seat.id,
        "REV": other_review.id,
        "SP": own_proposal.id,
        "C": closed.id,
        "CP": closed_proposal.id,
        "users": users,
        "P": published.slug,
        "Pid": published.id,
        "D": draft.id,
        "Q": question.id,
        "org": municipality.slug,
        "unverified": unverified.id,
        "victim": users["startup"].id,
    }


ROUTES = [
    ("GET", "/", None, everyone(200)),
    ("GET", "/challenges/", None, everyone(200)),
    ("GET", "/challenges/{P}", None, everyone(200)),
    ("GET", "/challenges/{Pid}", None, everyone(200)),
    ("GET", "/challenges/{D}", None, only({"officer": 200}, 404, anonymous=404)),
    ("GET", "/challenges/new", None, only({"officer": 200, "other_officer": 200}, 403)),
    ("POST", "/challenges/new", {"title": "Nieuw probleem", "pilot_weeks": "16", "languages": ["nl"]},
     only({"officer": 302, "other_officer": 302}, 403)),
    ("GET", "/challenges/{D}/edit", None, only({"officer": 200}, 404)),
    ("POST", "/challenges/{D}/edit", {"title": "Aangepast", "pilot_weeks": "12", "languages": ["nl"]},
     only({"officer": 302}, 404)),
    ("GET", "/challenges/{Pid}/edit", None, only({}, 403)),
    ("GET", "/challenges/{D}/criteria", None, only({"officer": 200}, 404)),
    ("POST", "/challenges/{D}/criteria", {"rows-0-name": "Impact", "rows-0-weight": "100"}, only({"officer": 302}, 404)),
    ("GET", "/challenges/{Pid}/manage", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{D}/manage", None, only({"officer": 200}, 404)),
    ("POST", "/challenges/{D}/publish", {}, only({"officer": 302}, 404)),
    ("GET", "/challenges/{Pid}/cancel", None, only({"officer": 200}, 403)),
    ("POST", "/challenges/{Pid}/cancel", {"reason": "Het budget is anders bestemd."}, only({"officer": 302}, 403)),
    ("GET", "/challenges/{Pid}/extend", None, only({"officer": 200}, 403)),
    ("POST", "/challenges/{P}/save", {}, signed_in(302)),
    ("POST", "/challenges/{P}/questions", {"text": "Mag een consortium inschrijven?"},
     only({"startup": 302}, 403)),
    ("POST", "/challenges/{Pid}/questions/{Q}/answer", {"answer": "Ja, dat mag."}, only({"officer": 302}, 403)),
    ("POST", "/challenges/{Pid}/clarifications", {"text": "De data is openbaar."}, only({"officer": 302}, 403)),
    ("GET", "/dashboard", None, signed_in(200)),
    ("GET", "/account/settings", None, signed_in(200)),
    ("POST", "/account/settings", {"name": "Nieuwe Naam", "locale": "nl"}, signed_in(302)),
    ("POST", "/account/logout", {}, signed_in(302)),
    ("GET", "/account/reset", None, everyone(200)),
    ("POST", "/account/reset", {"email": "someone@example.org"}, everyone(302)),
    ("GET", "/account/reset/not-a-token", None, everyone(400)),
    ("GET", "/account/verify/not-a-token", None, everyone(400)),
    ("POST", "/account/verify/resend", {}, signed_in(302)),
    ("GET", "/account/password", None, signed_in(200)),
    ("GET", "/account/login", None, signed_in(302, anonymous=200)),
    ("GET", "/account/register", None, signed_in(302, anonymous=200)),
    ("POST", "/account/register", {"name": "Nieuw", "email": "nieuw@example.org", "password": "een lang wachtwoord"},
     everyone(302)),
    ("GET", "/account/check-email", None, everyone(200)),
    ("POST", "/account/check-email/resend", {}, everyone(302)),
    ("GET", "/organisations/new", None, signed_in(200)),
    ("GET", "/organisations/{org}", None, everyone(200)),
    ("GET", "/organisations/{org}/edit", None, only({"officer": 200}, 403)),
    ("GET", "/organisations/{org}/members", None, only({"officer": 200}, 403)),
    ("POST", "/organisations/{org}/members/{MEM}/remove", {}, only({"officer": 302}, 403)),  # last owner: refused
    ("POST", "/organisations/{org}/members/{MEM}/role", {"role": "owner"}, only({"officer": 302}, 403)),
    ("GET", "/organisations/invitations/known-invite", None, everyone(200)),  # anonymous: sign in or register
    ("POST", "/organisations/invitations/known-invite", {}, signed_in(200, evaluator=302)),
    ("POST", "/organisations/{org}/members", {"email": "nieuw@example.org", "role": "member"},
     only({"officer": 302}, 403)),
    ("POST", "/organisations/{org}/invitations/{INV}/revoke", {}, only({"officer": 302}, 403)),
    ("GET", "/admin/", None, only({"admin": 302}, 403)),
    ("GET", "/admin/organisations", None, only({"admin": 200}, 403)),
    ("GET", "/admin/users", None, only({"admin": 200}, 403)),
    ("POST", "/admin/organisations/{unverified}/verify", {}, only({"admin": 302}, 403)),
    ("POST", "/admin/users/{victim}/deactivate", {}, only({"admin": 302}, 403)),
    ("POST", "/language", {"locale": "nl"}, everyone(302)),
    ("GET", "/healthz", None, everyone(200)),
    # proposals
    # a visitor writes without an account; the others get a page that says why they cannot apply
    ("GET", "/challenges/{P}/apply", None, only({"startup": 302}, 403, anonymous=200)),  # continues the existing proposal
    ("POST", "/challenges/{P}/apply", {"summary": "Begin", "save": "1", "language": "nl"},
     only({"startup": 302}, 403, anonymous=422)),  # the visitor's form lacks the e-mail address
    ("GET", "/proposals/", None, signed_in(200)),
    ("GET", "/proposals/{SP}", None, only({"startup": 200}, 404)),
    ("GET", "/proposals/{SP}/edit", None, only({"startup": 200}, 404)),
    ("POST", "/proposals/{SP}/edit", {"summary": "Beter", "save": "1", "language": "nl"}, only({"startup": 302}, 404)),
    ("GET", "/proposals/{SP}/receipt/1", None, only({"startup": 200}, 404)),
    ("POST", "/proposals/{SP}/withdraw", {}, only({"startup": 302}, 404)),
    ("GET", "/proposals/{SP}/print", None, only({"startup": 200}, 404)),
    ("GET", "/challenges/{Pid}/proposals", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{Pid}/proposals.csv", None, only({}, 403)),
    ("GET", "/challenges/{C}/proposals", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{C}/proposals.csv", None, only({"officer": 200}, 403)),
    ("GET", "/proposals/{CP}/print", None, only({"officer": 200}, 404)),
    ("GET", "/proposals/{CP}/attachment", None, only({"officer": 200}, 404)),
    # open data
    ("GET", "/api/v1/challenges", None, everyone(200)),
    ("GET", "/api/v1/challenges/{P}", None, everyone(200)),
    ("GET", "/api/v1/challenges/{D}", None, everyone(404)),
    ("GET", "/api/v1/municipalities", None, everyone(200)),
    # recommendations
    ("GET", "/challenges/{Pid}/fit", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{D}/fit", None, only({"officer": 200}, 404)),
    ("POST", "/challenges/{Pid}/fit/{SO}/invite", {}, only({"officer": 302}, 403)),
    ("POST", "/challenges/{C}/fit/{SO}/invite", {}, only({"officer": 302}, 403)),  # closed: refused with a message
    # evaluation: officer side
    ("GET", "/challenges/{C}/panel", None, only({"officer": 200}, 403)),
    ("POST", "/challenges/{C}/panel", {"email": "expert@example.org", "discipline": "it"}, only({"officer": 302}, 403)),
    ("POST", "/challenges/{C}/panel/settings", {"blind_review": "open"}, only({"officer": 302}, 403)),
    ("POST", "/challenges/{C}/panel/{SEAT}/revoke", {}, only({"officer": 302}, 403)),
    ("GET", "/challenges/{C}/evaluation", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{Pid}/evaluation", None, only({}, 403)),
    ("POST", "/challenges/{C}/reviews/{REV}/reopen", {}, only({"officer": 302}, 403)),
    ("GET", "/challenges/{C}/decisions", None, only({"officer": 200}, 403)),
    ("POST", "/challenges/{C}/decisions/{CP}", {"pCP-outcome": "rejected", "pCP-motivation": "Nee."},
     only({"officer": 302}, 403)),
    ("POST", "/challenges/{C}/decisions/release", {"no_award_reason": "Geen"}, only({"officer": 422}, 403)),
    ("GET", "/challenges/{C}/evaluation.csv", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{C}/evaluation/report", None, only({"officer": 200}, 403)),
    ("GET", "/challenges/{C}/audit", None, only({"officer": 200, "admin": 200}, 403)),
    ("GET", "/challenges/{C}/audit.csv", None, only({"officer": 200, "admin": 200}, 403)),
    # evaluation: evaluator side
    ("GET", "/panel/", None, signed_in(200)),
    ("GET", "/panel/invitations/known-token", None, everyone(200)),  # anonymous: sign in or register
    ("POST", "/panel/invitations/known-token", {}, signed_in(200, evaluator=302)),
    ("GET", "/panel/{SEAT}", None, only({"evaluator": 200}, 404)),
    ("GET", "/panel/{SEAT}/conflicts", None, only({"evaluator": 200}, 404)),
    ("POST", "/panel/{SEAT}/conflicts", {}, only({"evaluator": 302}, 404)),
    ("GET", "/panel/{SEAT}/proposals/{CP}", None, only({"evaluator": 200}, 404)),
    ("POST", "/panel/{SEAT}/proposals/{CP}", {"save": "1"}, only({"evaluator": 302}, 404)),
    ("GET", "/panel/{SEAT}/proposals/{CP}/declare", None, only({"evaluator": 200}, 404)),
    ("POST", "/panel/{SEAT}/proposals/{CP}/conflict", {"kind": "personal"}, only({"evaluator": 302}, 404)),
    ("GET", "/panel/{SEAT}/proposals/{CP}/attachment", None, only({"evaluator": 200}, 404)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "data", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, *_ in ROUTES])
def test_permission_matrix(client, world, role, method, path, data, expected):
    if role != "anonymous":
        login(client, world["users"][role])
    url = path.format(**world)
    if data:
        data = {key.replace("CP", str(world["CP"])): value for key, value in data.items()}
    response = client.open(url, method=method, data=data)
    assert_answer(response, expected[role], f"{role} {method} {url}")
