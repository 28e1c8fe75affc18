"""The seal, tested generically: a startup works on a proposal through the real pages (starts it,
asks a question, saves, submits, withdraws, submits again). Then every page the municipality's
people can reach from the challenge is crawled, and none of them, nor any e-mail they got, nor the
open-data API, may show the proposal's text, the startup's name, its member's name or e-mail address,
or the reference. After the deadline the same crawl does find them (so the test can fail)."""

from __future__ import annotations

import csv
import io
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from sqlalchemy import select

from matchmaker.enums import Discipline
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from matchmaker.proposals.models import Proposal

from .conftest import login
from .factories import pass_deadline

SECRET_TEXT = "Zegeltekst-7731 ondergrondse sensoren"
STARTUP_NAME = "Qwertyx Zegelbedrijf"
MEMBER_NAME = "Saskia Verzegeld"
MEMBER_EMAIL = "saskia@qwertyx-zegel.nl"
SKIP = ("/account/logout", "/language", "/static/")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.found.append(href)


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.found


def crawl(client, starts: list[str], limit: int = 150, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every internal GET page reachable from `starts`, by following links; path -> text."""
    seen: dict[str, str] = {}
    queue = deque(starts)
    while queue and len(seen) < limit:
        path = urldefrag(queue.popleft())[0]
        if (path in seen or not path.startswith("/") or path.startswith("//")
                or any(s in path for s in SKIP + skip)):
            continue
        response = client.get(path)
        text = response.get_data(as_text=True)
        seen[path] = text
        if response.status_code == 200 and response.mimetype == "text/html":
            queue.extend(link for link in links_of(text) if not urlsplit(link).netloc)
    return seen


def leaks(pages: dict[str, str], secrets: list[str]) -> list[tuple[str, str]]:
    return [(path, secret) for path, text in pages.items() for secret in secrets if secret.lower() in text.lower()]


@pytest.fixture
def sealed_world(client, make):
    municipality = make.municipality(name="Gemeente Zegelstad")
    officer = make.officer(municipality)
    make.officer(municipality)  # a colleague, who gets the same e-mail
    challenge = make.challenge(organisation=municipality, title="Minder zwerfafval in parken",
                               summary="Afval in parken.", question_days=5)
    evaluator = make.user()
    make.seat(challenge=challenge, user=evaluator, discipline=Discipline.IT)
    admin = make.admin()
    startup = make.startup(name=STARTUP_NAME, website="https://qwertyx-zegel.nl", description="Robotica voor havens.",
                           founded_year=2023, size_fte=3)
    member = make.startup_member(startup, name=MEMBER_NAME, email=MEMBER_EMAIL)
    login(client, member)
    form = {"summary": SECRET_TEXT, "understanding": f"{SECRET_TEXT} begrip.", "solution": "Een pilot.",
            "team": f"{MEMBER_NAME} en een collega.", "price_cents": "20000", "duration_weeks": "10",
            "language": "nl"}
    assert client.post(f"/challenges/{challenge.slug}/questions",
                       data={"text": "Mag een consortium met een partner inschrijven?"}).status_code == 302
    assert client.post(f"/challenges/{challenge.slug}/apply", data={**form, "save": "1"}).status_code == 302
    proposal = db.session.scalar(select(Proposal))
    edit = f"/proposals/{proposal.id}/edit"
    assert client.post(edit, data={**form, "submit": "1", "lock_version": proposal.lock_version}).status_code == 302
    assert client.post(f"/proposals/{proposal.id}/withdraw").status_code == 302
    db.session.refresh(proposal)
    assert client.post(edit, data={**form, "submit": "1", "lock_version": proposal.lock_version}).status_code == 302
    client.post("/account/logout")
    db.session.refresh(proposal)
    secrets = [SECRET_TEXT, STARTUP_NAME, MEMBER_NAME, MEMBER_EMAIL, "qwertyx", proposal.reference]
    return {"challenge": challenge, "officer": officer, "evaluator": evaluator, "admin": admin,
            "proposal": proposal, "secrets": secrets, "municipality": municipality}


def _starts(challenge) -> list[str]:
    return ["/dashboard", f"/challenges/{challenge.slug}", f"/challenges/{challenge.id}/manage",
            f"/challenges/{challenge.id}/proposals", f"/challenges/{challenge.id}/proposals.csv",
            f"/challenges/{challenge.id}/panel", f"/challenges/{challenge.id}/audit",
            f"/challenges/{challenge.id}/audit.csv", f"/challenges/{challenge.id}/fit",
            f"/challenges/{challenge.id}/evaluation", f"/challenges/{challenge.id}/decisions",
            f"/challenges/{challenge.id}/evaluation.csv", f"/challenges/{challenge.id}/evaluation/report",
            "/panel/", f"/api/v1/challenges/{challenge.id}", "/api/v1/challenges"]


@pytest.mark.parametrize("who", ["officer", "evaluator", "admin"])
def test_nothing_of_a_sealed_proposal_reaches_the_municipality(client, sealed_world, who):
    world = sealed_world
    login(client, world[who])
    # The administrator's account registry lists every organisation and user, whether they applied or
    # not: it says nothing about a bid, so it is not part of this crawl.
    pages = crawl(client, _starts(world["challenge"]) + [f"/proposals/{world['proposal'].id}/print",
                                                         f"/proposals/{world['proposal'].id}/attachment"],
                  skip=("/admin/",))
    assert len(pages) > 15
    assert leaks(pages, world["secrets"]) == []


def test_no_e_mail_to_the_municipality_or_panel_names_the_applicant(sealed_world):
    world = sealed_world
    insiders = [m.user.email for m in world["municipality"].memberships] + [world["evaluator"].email]
    messages = db.session.scalars(select(OutboxMessage).where(OutboxMessage.to.in_(insiders))).all()
    assert any(m.template == "question_asked" for m in messages)  # they were told something happened
    assert [(m.template, s) for m in messages for s in world["secrets"] if s.lower() in m.body.lower()] == []


def test_the_audit_trail_hides_the_applicant_until_the_deadline_then_shows_it(client, sealed_world):
    world = sealed_world
    challenge, proposal = world["challenge"], world["proposal"]
    login(client, world["officer"])
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert "proposal.submitted" in page and "proposal.withdrawn" in page and "hidden until the deadline" in page
    rows = list(csv.reader(io.StringIO(client.get(f"/challenges/{challenge.id}/audit.csv").get_data(as_text=True))))
    assert "ip" not in rows[0]
    submitted = [r for r in rows if r[2] == "proposal.submitted"]
    assert submitted and all(r[1] == "(hidden until the deadline)" and r[4] == "" and r[5] == "" for r in submitted)

    pass_deadline(challenge)
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert MEMBER_EMAIL in page and proposal.reference in page and "hidden until the deadline" not in page


def test_only_administrators_read_ip_addresses(client, sealed_world):
    world = sealed_world
    challenge = world["challenge"]
    pass_deadline(challenge)
    login(client, world["officer"])
    officer_csv = client.get(f"/challenges/{challenge.id}/audit.csv").get_data(as_text=True)
    assert "127.0.0.1" not in officer_csv and "127.0.0.1" not in client.get(
        f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    login(client, world["admin"])
    rows = list(csv.reader(io.StringIO(client.get(f"/challenges/{challenge.id}/audit.csv").get_data(as_text=True))))
    assert rows[0][-1] == "ip"
    assert any(r[-1] == "127.0.0.1" for r in rows[1:] if r[2] == "proposal.submitted")


def test_after_the_deadline_the_same_crawl_finds_the_proposal(client, sealed_world):
    """The crawl is able to see a proposal: once the seal is off, the officer reads it."""
    world = sealed_world
    challenge = world["challenge"]
    pass_deadline(challenge)
    login(client, world["officer"])
    pages = crawl(client, _starts(challenge))
    found = {secret for _path, secret in leaks(pages, world["secrets"])}
    assert {SECRET_TEXT, STARTUP_NAME, world["proposal"].reference} <= found


def test_a_proposal_of_a_challenge_cancelled_before_its_deadline_stays_sealed(client, sealed_world):
    from matchmaker.challenges.services import cancel_challenge
    from matchmaker.database import commit

    world = sealed_world
    challenge = world["challenge"]
    cancel_challenge(challenge=challenge, user=world["officer"], reason="Het budget is elders nodig.")
    commit()
    login(client, world["officer"])
    pages = crawl(client, _starts(challenge))
    assert leaks(pages, world["secrets"]) == []


def _proposal_routes(challenge, seat_id: int) -> list[tuple[str, str]]:
    return [("GET", "/proposals/{id}/print"), ("GET", "/proposals/{id}/attachment"), ("GET", "/proposals/{id}"),
            ("GET", "/proposals/{id}/edit"), ("POST", "/proposals/{id}/withdraw"),
            ("POST", f"/challenges/{challenge.id}/decisions/{{id}}"),
            ("GET", f"/panel/{seat_id}/proposals/{{id}}"), ("GET", f"/panel/{seat_id}/proposals/{{id}}/declare"),
            ("GET", f"/panel/{seat_id}/proposals/{{id}}/attachment")]


@pytest.mark.parametrize("state", ["open", "closed"])
def test_a_proposal_one_may_not_see_answers_like_one_that_does_not_exist(client, make, state):
    """Sequential ids must not count or date drafts: every proposal route gives the same 404 for a
    proposal the user may not see (sealed, a draft, withdrawn) as for an id that does not exist."""
    from matchmaker.enums import ProposalStatus

    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=14 if state == "open" else -1)
    seat = make.seat(challenge=challenge, user=officer)
    hidden = [make.proposal(challenge=challenge, status=ProposalStatus.DRAFT),
              make.proposal(challenge=challenge, status=ProposalStatus.WITHDRAWN)]
    if state == "open":
        hidden.append(make.proposal(challenge=challenge))
    missing = max(p.id for p in hidden) + 1000
    login(client, officer)
    for method, route in _proposal_routes(challenge, seat.id):
        expected = client.open(route.format(id=missing), method=method).status_code
        assert expected in (403, 404), route  # 403 only where the whole page is closed (evaluation before the deadline)
        for proposal in hidden:
            assert client.open(route.format(id=proposal.id), method=method).status_code == expected, (route, proposal)
