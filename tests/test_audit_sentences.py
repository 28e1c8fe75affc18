"""The audit trail in words: every action that exists in the code has a sentence, in English and in
Dutch; the page shows sentences with the raw record one click away; the seal hides who and what."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from matchmaker.audit import sentences
from matchmaker.audit.listing import AuditEntry
from matchmaker.db_types import utcnow
from matchmaker.proposals.models import Proposal

from .conftest import login
from .factories import pass_deadline
from .test_seal import MEMBER_EMAIL, MEMBER_NAME, STARTUP_NAME, sealed_world  # noqa: F401 (fixture)

SOURCE = Path(__file__).resolve().parents[1] / "matchmaker"


def _name(node) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def actions_in_the_code() -> set[str]:
    """Every audit action the code can record: the `action=` of each `record_event(...)` (all the
    strings in it, so `"a" if x else "b"` counts both) and the event of each lifecycle `Move(...)`."""
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            expressions = []
            if _name(node.func) == "record_event":
                expressions = [k.value for k in node.keywords if k.arg == "action"]
            elif _name(node.func) == "Move":
                expressions = node.args[3:4] + [k.value for k in node.keywords if k.arg == "event"]
            for expression in expressions:
                found |= {n.value for n in ast.walk(expression)
                          if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return found


def test_every_action_in_the_code_has_a_sentence():
    actions = actions_in_the_code()
    assert len(actions) >= 45 and {"proposal.submitted", "conflict.none_declared", "user.deactivated",
                                   "decision.released_one", "challenge.closed"} <= actions
    missing = sorted(actions - set(sentences.SENTENCES))
    assert missing == [], f"write a sentence in matchmaker/audit/sentences.py for: {missing}"
    assert sorted(set(sentences.SENTENCES) - actions) == []  # no sentence for an action that no longer exists


SAMPLE_DATA = {
    "from": "2026-03-01T16:00:00+00:00", "to": "2026-03-12T16:00:00+00:00", "reason": "Meer tijd voor vragen.",
    "criteria": [{"name": "Impact", "weight": 100}], "startup": "Regenwinst", "score": 14, "email": "x@example.org",
    "discipline": "it", "again": True, "kind": "personal", "recommendation": "shortlist", "evaluator": "y@example.org",
    "outcome": "rejected", "decisions": [{"proposal_id": 1, "outcome": "rejected"}], "final": True, "role": "owner",
    "blind_review": True, "panel_sees_scores": False, "reviews_due_at": "2026-03-20T16:00:00+00:00",
    "scores": {"1": {"from": None, "to": 3}}, "what": "page",
    "organisation": "Gemeente Zwolle", "rights": ["may_edit", "may_decide"], "round": "SiR Noord-Nederland 2027-1",
}


def entry(action: str, **fields) -> AuditEntry:
    values = {"at": utcnow(), "actor": "anna@example.org", "actor_name": "Anna de Boer", "action": action,
              "subject_type": "challenges", "subject_id": 1, "data": SAMPLE_DATA, "ip": None, "hidden": False}
    values.update(fields)
    return AuditEntry(**values)


@pytest.mark.parametrize("action", sorted(sentences.SENTENCES))
def test_each_sentence_reads_in_english_and_dutch(action):
    with force_locale("en"):
        english = sentences.sentence(entry(action), "Proposal MM-2026-000012")
    with force_locale("nl"):
        dutch = sentences.sentence(entry(action), "Voorstel MM-2026-000012")
    for text in (english, dutch):
        assert text and "%(" not in text and action not in text
    assert english != dutch
    if action not in WITHOUT_ACTOR:
        assert "Anna de Boer" in english and "Anna de Boer" in dutch


WITHOUT_ACTOR = {"challenge.closed", "user.registration_repeated", "pilot.created",  # the system's doing, or nobody's
                 "application.pending_saved", "application.link_resent"}  # a visitor without an account


def test_examples_read_as_the_issue_asks():
    with force_locale("en"):
        assert sentences.sentence(entry("challenge.published")) == "Anna de Boer published the challenge"
        assert sentences.sentence(entry("proposal.submitted", hidden=True, actor=None, actor_name=None, data={})) \
            == "A startup submitted a proposal (hidden until the deadline)"
        assert sentences.sentence(entry("conflict.none_declared", actor_name="Rik Smeets"),
                                  "Proposal MM-2026-000012") == \
            "Evaluator Rik Smeets declared no conflict of interest for Proposal MM-2026-000012"
        assert sentences.sentence(entry("challenge.startup_invited")) == \
            "Anna de Boer invited Regenwinst to apply (fit 14 of 100)"
        assert sentences.sentence(entry("challenge.closed", actor=None, actor_name=None)).startswith(
            "The deadline passed")
        assert sentences.sentence(entry("some.future_action")) == "some.future_action"  # shown, never a crash
    with force_locale("nl"):
        assert sentences.sentence(entry("challenge.published")) == "Anna de Boer heeft de uitdaging gepubliceerd"


def test_hidden_entries_name_nobody_whatever_the_action():
    with force_locale("en"):
        for action in sorted(sentences.SENTENCES):
            text = sentences.sentence(entry(action, hidden=True, actor=None, actor_name=None, subject_id=None,
                                            data={}), "Proposal MM-2026-000012")
            assert "hidden until the deadline" in text
            assert not {"Anna", "MM-2026", "Regenwinst", "example.org"} & set(re.findall(r"[\w@.-]+", text))


def test_the_page_shows_sentences_and_keeps_the_seal(client, sealed_world):  # noqa: F811 (fixture)
    world = sealed_world
    challenge = world["challenge"]
    login(client, world["officer"])
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert "A startup submitted a proposal (hidden until the deadline)" in page
    assert "A startup asked a question (who asked stays hidden until the deadline)" in page
    assert "<details" in page and "<code>proposal.submitted</code>" in page
    for secret in world["secrets"]:
        assert secret.lower() not in page.lower(), secret

    pass_deadline(challenge)
    proposal = db_proposal()
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert f"{MEMBER_NAME} submitted Proposal {proposal.reference}" in page
    assert f"{MEMBER_NAME} withdrew Proposal {proposal.reference}" in page
    assert MEMBER_EMAIL in page  # in the details, one click away
    assert STARTUP_NAME not in page.split("<details")[0]


def db_proposal() -> Proposal:
    from matchmaker.extensions import db

    return db.session.scalar(select(Proposal))


def test_a_real_evaluation_reads_as_sentences(client, make):
    from matchmaker.evaluation import conflicts, panel

    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality, name="Anna de Boer")
    challenge = make.challenge(organisation=municipality, days_open=-1)
    proposal = make.proposal(challenge=challenge)
    evaluator = make.user(name="Rik Smeets")
    seat = make.seat(challenge=challenge, user=evaluator)
    conflicts.declare(seat=seat, proposal=proposal, user=evaluator, has_conflict=False)
    panel.update_settings(challenge=challenge, user=officer, blind_review=False, panel_sees_scores=True,
                          reviews_due_at=utcnow() + timedelta(days=3))
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert f"Evaluator Rik Smeets declared no conflict of interest for Proposal {proposal.reference}" in page
    assert "The evaluation started (first step by Rik Smeets)" in page
    assert "Anna de Boer changed the evaluation settings: evaluators see each other&#39;s scores after " \
           "submitting their own; the panel&#39;s deadline is" in page
