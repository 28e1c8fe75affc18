"""The permission matrix for co-owned challenges and rounds: every challenge, evaluation, panel,
decision and pilot route whose rule changed, and every new route, against the roles of
tests/test_permissions.py plus an officer of a co-owner with every right (co_owner_officer) and one of
a co-owner without rights (co_owner_no_rights)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus

from ..conftest import login
from ..factories import pdf_bytes
from ..test_permissions import ROLES, assert_answer, everyone, only
from .conftest import ALL_RIGHTS, co_own

CO_ROLES = ("co_owner_officer", "co_owner_no_rights")
ALL_ROLES = ROLES + CO_ROLES


def expect(role_statuses: dict, others, anonymous="login"):
    """`only` for the roles of the main matrix; the co-owner roles get `others` unless named."""
    expected = only({r: s for r, s in role_statuses.items() if r in ROLES}, others, anonymous)
    expected.update({role: role_statuses.get(role, others) for role in CO_ROLES})
    return expected


def all_of(status):
    expected = everyone(status)
    expected.update(dict.fromkeys(CO_ROLES, status))
    return expected


LEAD_AND_FULL = ("officer", "co_owner_officer")
OWNERS = ("officer", "co_owner_officer", "co_owner_no_rights")
OFFICERS = ("officer", "other_officer", "co_owner_officer", "co_owner_no_rights")


def lead_and_full(status, no_rights=403):
    return {**dict.fromkeys(LEAD_AND_FULL, status), "co_owner_no_rights": no_rights}


@pytest.fixture
def world(make):
    lead = make.municipality(name="Gemeente Groningen")
    full = make.municipality(name="Gemeente Assen")
    bare = make.municipality(name="Gemeente Emmen")
    candidate = make.municipality(name="Gemeente Zwolle")
    startup = make.startup(name="Afvalslim")
    users = {"startup": make.startup_member(startup), "officer": make.officer(lead),
             "other_officer": make.officer(candidate), "evaluator": make.user(), "admin": make.admin(),
             "co_owner_officer": make.officer(full), "co_owner_no_rights": make.officer(bare)}
    published = make.challenge(organisation=lead)
    draft = make.challenge(organisation=lead, status=ChallengeStatus.DRAFT)
    closed = make.challenge(organisation=lead, days_open=-1)
    from matchmaker.proposals import attachments

    closed_proposal = make.proposal(challenge=closed, startup=startup, attachment_key=attachments.store(pdf_bytes()),
                                    attachment_name="plan.pdf", attachment_size=100)
    seat = make.seat(challenge=closed, user=users["evaluator"])
    make.declaration(seat=seat, proposal=closed_proposal)
    review = make.review(seat=make.seat(challenge=closed), proposal=closed_proposal, values=[3, 3, 3, 3, 3])
    question = make.question(challenge=published, asked_by=users["startup"])
    planned = make.pilot(municipality=lead, startup=startup, officer=users["officer"])
    running = make.pilot(municipality=lead, startup=startup, officer=users["officer"], started=True)
    for challenge in (published, draft, closed, planned.challenge, running.challenge):
        co_own(challenge, full, **ALL_RIGHTS)
        co_own(challenge, bare)
    from matchmaker.collaboration.models import Round

    public_round = Round(organisation_id=lead.id, name="SiR Noord-Nederland 2027-1", slug="sir-noord-2027-1",
                         questions_close_at=utcnow() + timedelta(days=10),
                         submissions_close_at=utcnow() + timedelta(days=20))
    draft_round = Round(organisation_id=lead.id, name="SiR Drenthe 2028-1", slug="sir-drenthe-2028-1",
                        questions_close_at=utcnow() + timedelta(days=40),
                        submissions_close_at=utcnow() + timedelta(days=50))
    from matchmaker.extensions import db

    db.session.add_all([public_round, draft_round])
    db.session.flush()
    published.round_id = public_round.id
    in_round = make.challenge(organisation=lead, status=ChallengeStatus.DRAFT, round_id=public_round.id)
    make.challenge(organisation=lead, status=ChallengeStatus.DRAFT, round_id=draft_round.id)
    spare_draft = make.challenge(organisation=lead, status=ChallengeStatus.DRAFT)
    db.session.flush()
    return {"users": users, "P": published.slug, "Pid": published.id, "D": draft.id, "C": closed.id,
            "CP": closed_proposal.id, "SEAT": seat.id, "REV": review.id, "Q": question.id, "SO": startup.id,
            "PL": planned.id, "PR": running.id, "c0": running.criteria[0].id, "c1": running.criteria[1].id,
            "FULL": full.id, "BARE": bare.id, "CAND": candidate.id, "R": public_round.slug,
            "RD": draft_round.slug, "IN": in_round.id, "SPARE": spare_draft.id}


PLAN = {"starts_on": "2026-09-01", "weeks": "16", "check_in_every_days": "14", "goals": "Minder lege ritten.",
        "municipality_contact": "Marloes", "startup_contact": "Sanne", "criteria-0-name": "Minder ritten",
        "criteria-0-target": "20", "criteria-0-direction": "up", "criteria-1-name": "Tevreden bewoners",
        "criteria-1-target": "7,5", "criteria-1-direction": "up"}
CHECK_IN = {"tried": "Sensoren in 40 containers.", "learned": "Koude kost batterij.", "next_change": "Grotere accu.",
            "light": "amber"}
ROUND = {"name": "SiR Noord-Nederland 2027-2", "description": "Zes gemeenten, één ronde.",
         "questions_close_at": "2031-03-01T12:00", "submissions_close_at": "2031-03-15T17:00"}

ROUTES = [
    # challenges
    ("GET", "/challenges/{D}", None, expect(dict.fromkeys(OWNERS, 200), 404, anonymous=404)),
    ("GET", "/challenges/{P}", None, all_of(200)),
    ("GET", "/challenges/{D}/edit", None, expect(lead_and_full(200), 404)),
    ("POST", "/challenges/{D}/edit", {"title": "Aangepast", "pilot_weeks": "12", "languages": ["nl"]},
     expect(lead_and_full(302), 404)),
    ("GET", "/challenges/{D}/criteria", None, expect(lead_and_full(200), 404)),
    ("POST", "/challenges/{D}/criteria", {"rows-0-name": "Impact", "rows-0-weight": "100"},
     expect(lead_and_full(302), 404)),
    ("GET", "/challenges/{Pid}/manage", None, expect(dict.fromkeys(OWNERS, 200), 403)),
    ("GET", "/challenges/{D}/manage", None, expect(dict.fromkeys(OWNERS, 200), 404)),
    ("POST", "/challenges/{D}/publish", {}, expect({"officer": 302, "co_owner_officer": 403,
                                                    "co_owner_no_rights": 403}, 404)),
    ("GET", "/challenges/{Pid}/cancel", None, expect({"officer": 200}, 403)),
    ("POST", "/challenges/{Pid}/cancel", {"reason": "Het budget is anders bestemd."}, expect({"officer": 302}, 403)),
    ("GET", "/challenges/{Pid}/extend", None, expect(lead_and_full(200), 403)),
    ("POST", "/challenges/{Pid}/questions/{Q}/answer", {"answer": "Ja, dat mag."}, expect(lead_and_full(302), 403)),
    ("POST", "/challenges/{Pid}/clarifications", {"text": "De data is openbaar."}, expect(lead_and_full(302), 403)),
    # proposals (reading follows may_decide and the seal)
    ("GET", "/challenges/{Pid}/proposals", None, expect(lead_and_full(200), 403)),
    ("GET", "/challenges/{Pid}/proposals.csv", None, expect({}, 403)),
    ("GET", "/challenges/{C}/proposals", None, expect(lead_and_full(200), 403)),
    ("GET", "/challenges/{C}/proposals.csv", None, expect(lead_and_full(200), 403)),
    ("GET", "/proposals/{CP}/print", None, expect({**lead_and_full(200, 404), "startup": 200}, 404)),
    ("GET", "/proposals/{CP}/attachment", None, expect({**lead_and_full(200, 404), "startup": 200}, 404)),
    # recommendations
    ("GET", "/challenges/{Pid}/fit", None, expect(dict.fromkeys(OWNERS, 200), 403)),
    ("POST", "/challenges/{Pid}/fit/{SO}/invite", {}, expect(lead_and_full(302), 403)),
    # the one shared panel
    ("GET", "/challenges/{C}/panel", None, expect(lead_and_full(200), 403)),
    ("POST", "/challenges/{C}/panel", {"email": "expert@example.org", "discipline": "it"},
     expect(lead_and_full(302), 403)),
    ("POST", "/challenges/{C}/panel/settings", {"blind_review": "open"}, expect(lead_and_full(302), 403)),
    ("POST", "/challenges/{C}/panel/{SEAT}/revoke", {}, expect(lead_and_full(302), 403)),
    # evaluation and decisions
    ("GET", "/challenges/{C}/evaluation", None, expect(lead_and_full(200), 403)),
    ("POST", "/challenges/{C}/reviews/{REV}/reopen", {}, expect(lead_and_full(302), 403)),
    ("GET", "/challenges/{C}/decisions", None, expect(lead_and_full(200), 403)),
    ("POST", "/challenges/{C}/decisions/{CP}", {"pCP-outcome": "rejected", "pCP-motivation": "Nee."},
     expect(lead_and_full(302), 403)),
    ("POST", "/challenges/{C}/decisions/release", {"no_award_reason": "Geen"}, expect(lead_and_full(422), 403)),
    ("GET", "/challenges/{C}/evaluation.csv", None, expect(lead_and_full(200), 403)),
    ("GET", "/challenges/{C}/evaluation/report", None, expect(lead_and_full(200), 403)),
    ("GET", "/challenges/{C}/audit", None, expect({**lead_and_full(200), "admin": 200}, 403)),
    ("GET", "/challenges/{C}/audit.csv", None, expect({**lead_and_full(200), "admin": 200}, 403)),
    # co-owner settings: the lead buyer only
    ("GET", "/challenges/{Pid}/co-owners", None, expect({"officer": 200}, 403)),
    ("GET", "/challenges/{D}/co-owners", None, expect({"officer": 200, "co_owner_officer": 403,
                                                       "co_owner_no_rights": 403}, 404)),
    ("POST", "/challenges/{Pid}/co-owners", {"organisation": "{CAND}", "may_edit": "y"}, expect({"officer": 302}, 403)),
    ("POST", "/challenges/{Pid}/co-owners/{BARE}", {"oBARE-may_decide": "y"}, expect({"officer": 302}, 403)),
    ("POST", "/challenges/{Pid}/co-owners/{FULL}/remove", {}, expect({"officer": 302}, 403)),
    # rounds
    ("GET", "/rounds/", None, all_of(200)),
    ("GET", "/rounds/{R}", None, all_of(200)),
    ("GET", "/rounds/{RD}", None, expect({"officer": 200}, 404, anonymous=404)),  # no public challenge yet
    ("GET", "/rounds/new", None, expect(dict.fromkeys(OFFICERS, 200), 403)),
    ("POST", "/rounds/new", ROUND, expect(dict.fromkeys(OFFICERS, 302), 403)),
    ("GET", "/rounds/{R}/manage", None, expect({"officer": 200}, 403)),
    ("GET", "/rounds/{RD}/manage", None, expect({"officer": 200}, 404)),
    ("POST", "/rounds/{R}/manage", ROUND, expect({"officer": 302}, 403)),
    ("POST", "/rounds/{R}/challenges", {"challenge": "{SPARE}"}, expect({"officer": 302}, 403)),
    ("POST", "/rounds/{R}/challenges/{IN}/remove", {}, expect({"officer": 302}, 403)),
    # pilots: may_run_pilot
    ("GET", "/pilots/{PL}/plan", None, expect(lead_and_full(200), 403)),
    ("POST", "/pilots/{PL}/plan", PLAN, expect(lead_and_full(302), 403)),
    ("POST", "/pilots/{PL}/start", {}, expect(lead_and_full(302), 403)),
    ("GET", "/pilots/{PR}/check-in", None, expect({**lead_and_full(200), "startup": 200}, 403)),
    ("POST", "/pilots/{PR}/check-in", CHECK_IN, expect({**lead_and_full(302), "startup": 302}, 403)),
    ("GET", "/pilots/{PR}/demo-day", None, expect(lead_and_full(200), 403)),
    ("POST", "/pilots/{PR}/demo-day", {"demo_on": "2026-11-20", "report": "Goed bezocht."},
     expect(lead_and_full(302), 403)),
    ("GET", "/pilots/{PR}/gate", None, expect(lead_and_full(200), 403)),
    ("POST", "/pilots/{PR}/gate", "stop", expect(lead_and_full(302), 403)),
]


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize(("method", "path", "data", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, *_ in ROUTES])
def test_co_owner_permission_matrix(client, world, role, method, path, data, expected):
    if role != "anonymous":
        login(client, world["users"][role])
    url = path.format(**world)
    if data == "stop":
        data = {"move": "stop", "motivation": "Het werkte niet voor ons: te weinig meldingen.",
                f"final_{world['c0']}": "3", f"final_{world['c1']}": "4"}
    elif data:
        data = {key.replace("CP", str(world["CP"])).replace("BARE", str(world["BARE"])):
                value.format(**world) if isinstance(value, str) else value for key, value in data.items()}
    response = client.open(url, method=method, data=data)
    assert_answer(response, expected[role], f"{role} {method} {url}")
