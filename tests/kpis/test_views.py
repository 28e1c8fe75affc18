"""The KPI pages: who sees which dashboard, what each one counts, the public toggle and its audit,
the CSV, and the charts against their tables."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.extensions import db
from matchmaker.kpis import services

from ..conftest import login
from .world import build_world


@pytest.fixture
def world(make):
    data = build_world(make)
    data["startup_member"] = data["founder"]
    commit()
    return data


def figure(html: str, key: str) -> tuple[str, str]:
    """The value and the line under it of one figure on the page."""
    match = re.search(rf'id="kpi-{key}">.*?<strong class="kpi-value">(.*?)</strong>\s*'
                      rf'(?:<span class="kpi-basis">(.*?)</span>)?', html, flags=re.DOTALL)
    assert match, key
    return match.group(1).strip(), (match.group(2) or "").strip()


def as_role(client, world, role):
    if role != "anonymous":
        login(client, world[role])
    return client


ROLES = ["anonymous", "startup_member", "officer_a", "officer_b", "admin"]


# --- who sees what -----------------------------------------------------------------------------------

@pytest.mark.parametrize("role, status", [("anonymous", 403), ("startup_member", 403), ("officer_a", 200),
                                          ("officer_b", 403), ("admin", 200)])
def test_a_private_municipality_page_is_for_its_officers_and_admins(client, world, role, status):
    as_role(client, world, role)
    page = client.get("/kpis/almere")
    assert page.status_code == status
    csv_download = client.get("/kpis/almere/figures.csv")
    assert csv_download.status_code == status
    if status == 403:
        assert "The figures of Gemeente Almere are not public" in page.text
        assert "Afvalslim" not in page.text and "kpi-value" not in page.text


@pytest.mark.parametrize("role", ROLES)
def test_a_public_municipality_page_is_for_everyone(client, world, role):
    as_role(client, world, role)
    assert client.get("/kpis/breda").status_code == 200
    assert client.get("/kpis/breda/figures.csv").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_making_the_figures_public_opens_the_page_to_everyone(client, world, role):
    world["almere"].kpis_public = True
    commit()
    as_role(client, world, role)
    assert client.get("/kpis/almere").status_code == 200


@pytest.mark.parametrize("path", ["/kpis/nobody", "/kpis/rounds/nothing", "/kpis/rounds/nothing/figures.csv",
                                  "/kpis/nobody/figures.csv"])
def test_unknown_pages_are_404(client, world, path):
    assert client.get(path).status_code == 404


def test_a_startup_has_no_kpi_page(client, world, make):
    startup = make.startup()
    commit()
    assert client.get(f"/kpis/{startup.slug}").status_code == 404


# --- what each page counts ---------------------------------------------------------------------------

def test_the_municipality_page_counts_what_it_leads_and_co_owns(client, world):
    """Almere leads A1 and co-owns B1: hand-computed in `world.py`."""
    login(client, world["officer_a"])
    html = client.get("/kpis/almere").text
    assert figure(html, "challenges_published") == ("2", "")
    assert figure(html, "proposals_per_challenge") == ("1.5", "3 proposals for 2 challenges whose deadline has passed")
    assert figure(html, "applicants") == ("3", "")
    assert figure(html, "first_time_share") == ("100%", "3 of 3 applicants")
    assert figure(html, "sme_share") == ("50%", "1 of 2 applicants of known size")
    assert figure(html, "size_unknown") == ("1", "")
    assert figure(html, "median_days_to_award") == ("50", "median over 1 challenge")
    assert figure(html, "pilots_started") == ("1", "")
    assert figure(html, "continued_share") == ("100%", "1 of 1 decided pilot")
    assert figure(html, "median_weeks_to_decision") == ("17.0", "median over 1 decided pilot")
    assert figure(html, "budget_committed") == ("€20,000", "over 1 pilot")
    assert figure(html, "budget_spent") == ("€15,000", "recorded for 1 pilot")
    assert figure(html, "lessons_published") == ("1", "")
    assert "Counts the 2 challenges that Gemeente Almere leads or co-owns" in html


def test_the_leading_municipality_counts_only_its_own(client, world):
    html = client.get("/kpis/breda").text
    assert figure(html, "challenges_published") == ("1", "")
    assert figure(html, "proposals_per_challenge") == ("1.0", "1 proposal for 1 challenge whose deadline has passed")
    assert figure(html, "sme_share") == ("0%", "0 of 1 applicant of known size")
    assert figure(html, "median_days_to_award") == ("–", "no data yet")
    assert figure(html, "pilots_started") == ("0", "no data yet")
    assert figure(html, "budget_committed") == ("–", "no data yet")


@pytest.mark.parametrize("role, published, left_out", [
    ("anonymous", "1", True), ("startup_member", "1", True), ("officer_a", "1", True), ("officer_b", "1", True),
    ("admin", "2", False)])
def test_the_overall_page_counts_public_municipalities_and_admins_see_all(client, world, role, published, left_out):
    as_role(client, world, role)
    page = client.get("/kpis")
    assert page.status_code == 200
    assert figure(page.text, "challenges_published") == (published, "")
    assert ("1 challenge is not counted: its municipality keeps its figures private." in page.text) == left_out
    if role == "admin":
        assert "also those that keep their figures private" in page.text
    else:
        assert "Counts the challenges of the 1 municipality that publishes its figures." in page.text
    assert ('Figures per municipality: <a href="/kpis/breda">Gemeente Breda</a></p>'
            in re.sub(r"\s+", " ", page.text))


@pytest.mark.parametrize("role, published", [("anonymous", "1"), ("startup_member", "1"), ("officer_a", "2"),
                                             ("officer_b", "1"), ("admin", "2")])
def test_the_round_page_counts_all_for_its_organiser_and_public_challenges_for_others(client, world, role,
                                                                                       published):
    as_role(client, world, role)
    page = client.get("/kpis/rounds/noord-2026-1")
    assert page.status_code == 200
    assert "Figures of the round Noord 2026-1" in page.text
    assert figure(page.text, "challenges_published") == (published, "")
    assert client.get("/kpis/rounds/noord-2026-1/figures.csv").status_code == 200


def test_an_empty_platform_shows_no_data_yet_and_no_charts(client):
    page = client.get("/kpis")
    assert page.status_code == 200
    assert figure(page.text, "proposals_per_challenge") == ("–", "no data yet")
    assert figure(page.text, "challenges_published") == ("0", "no data yet")
    assert "No data yet: the trends appear once the first challenge is published." in page.text
    assert "<svg" not in page.text


def test_the_page_reads_in_dutch_with_dutch_numbers(client, world):
    login(client, world["officer_a"])
    with client.session_transaction() as session:
        session["locale"] = "nl"
    html = client.get("/kpis/almere").text
    assert "Cijfers van Gemeente Almere" in html
    assert figure(html, "proposals_per_challenge")[0] == "1,5"
    assert figure(html, "budget_committed")[0] == "€\xa020.000"
    assert "K1 2026" in html  # the quarter, in Dutch


# --- the public toggle -------------------------------------------------------------------------------

def _events(action: str) -> list[AuditEvent]:
    db.session.rollback()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_officer_makes_the_figures_public_and_private_again_audited(client, world):
    login(client, world["officer_a"])
    page = client.get("/kpis/almere")
    assert "Make the figures public" in page.text
    response = client.post("/kpis/almere/visibility", data={"public": "1"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/kpis/almere")
    assert client.get("/kpis/almere").text.count("The figures of Gemeente Almere are public now.") == 1
    db.session.refresh(world["almere"])
    assert world["almere"].kpis_public is True
    client.post("/kpis/almere/visibility", data={"public": "1"})  # a double submit changes nothing more
    assert [(e.actor_id, e.subject_id) for e in _events("organisation.kpis_published")] == [
        (world["officer_a"].id, world["almere"].id)]
    client.post("/kpis/almere/visibility", data={"public": "0"})
    db.session.refresh(world["almere"])
    assert world["almere"].kpis_public is False
    assert len(_events("organisation.kpis_unpublished")) == 1


@pytest.mark.parametrize("role, status", [("startup_member", 403), ("officer_b", 403), ("admin", 403)])
def test_only_the_municipality_officers_toggle(client, world, role, status):
    as_role(client, world, role)
    assert client.post("/kpis/almere/visibility", data={"public": "1"}).status_code == status
    db.session.refresh(world["almere"])
    assert world["almere"].kpis_public is False
    assert _events("organisation.kpis_published") == []


def test_anonymous_toggle_goes_to_sign_in(client, world):
    response = client.post("/kpis/almere/visibility", data={"public": "1"})
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_a_toggle_with_a_bad_value_says_so(client, world):
    login(client, world["officer_a"])
    response = client.post("/kpis/almere/visibility", data={"public": "maybe"}, follow_redirects=True)
    assert response.status_code == 200
    assert "Choose whether the figures are public or private." in response.text
    db.session.refresh(world["almere"])
    assert world["almere"].kpis_public is False


def test_the_toggle_service_refuses_others(world):
    from matchmaker.errors import NotAllowed

    with pytest.raises(NotAllowed):
        services.set_kpis_public(organisation=world["almere"], user=world["officer_b"], public=True)


# --- CSV ----------------------------------------------------------------------------------------------

def test_the_csv_has_one_row_per_figure_per_quarter(client, world):
    login(client, world["officer_a"])
    response = client.get("/kpis/almere/figures.csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="kpis-almere.csv"'
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == ["scope", "figure", "quarter", "value", "basis", "numerator", "unit"]
    quarters = sorted({row[2] for row in rows[1:]} - {"all"})
    assert quarters[:3] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert len(rows) == 1 + 13 * (1 + len(quarters))
    by_key = {(row[1], row[2]): row[3:] for row in rows[1:]}
    assert by_key[("challenges_published", "all")] == ["2", "2", "", "count"]
    assert by_key[("challenges_published", "2026-Q1")] == ["2", "2", "", "count"]
    assert by_key[("proposals_per_challenge", "all")] == ["1.50", "2", "3", "proposals"]
    assert by_key[("first_time_share", "all")] == ["100", "3", "3", "percent"]
    assert by_key[("sme_share", "2026-Q1")] == ["50", "2", "1", "percent"]
    assert by_key[("size_unknown", "all")] == ["1", "1", "", "count"]
    assert by_key[("median_days_to_award", "2026-Q1")] == ["50", "1", "", "days"]
    assert by_key[("median_weeks_to_decision", "2026-Q2")] == ["17", "1", "", "weeks"]
    assert by_key[("continued_share", "2026-Q2")] == ["100", "1", "1", "percent"]
    assert by_key[("budget_committed", "2026-Q1")] == ["20000.00", "1", "", "euro"]
    assert by_key[("budget_spent", "all")] == ["15000.00", "1", "", "euro"]
    assert by_key[("budget_spent", "2026-Q2")] == ["", "0", "", "euro"]
    assert by_key[("lessons_published", "2026-Q3")] == ["1", "1", "", "count"]
    assert by_key[("pilots_started", "2026-Q2")] == ["0", "0", "", "count"]


def test_the_overall_csv_for_the_public_leaves_private_municipalities_out(client, world):
    rows = list(csv.reader(io.StringIO(client.get("/kpis/figures.csv").data.decode("utf-8-sig"))))
    by_key = {(row[1], row[2]): row[3] for row in rows[1:]}
    assert rows[1][0] == "all"
    assert by_key[("challenges_published", "all")] == "1"
    assert by_key[("lessons_published", "all")] == "0"


# --- charts and tables ---------------------------------------------------------------------------------

def _charts(html: str) -> dict[str, tuple[str, str]]:
    found = re.findall(r'<section class="card kpi-chart" aria-labelledby="chart-([a-z_]+)-h">(.*?)</section>',
                       html, flags=re.DOTALL)
    return {key: body for key, body in found}


def _svg_series(svg: str) -> list[list[str]]:
    """The value printed in each bar or dot, per series, in order."""
    parts = re.split(r'<g class="series serie-\d+ color-\d+">', svg)[1:]
    return [re.findall(r'<desc class="value">([^<]*)</desc>', part) for part in parts]


def _table(body: str) -> tuple[list[str], list[list[str]]]:
    table = body[body.index("<table"):]
    quarters = re.findall(r'<th scope="row">([^<]*)</th>', table)
    rows = [re.findall(r'<td class="num">([^<]*)</td>', row) for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>",
                                                                                       table, flags=re.DOTALL)]
    return quarters, rows


@pytest.mark.parametrize("locale", ["en", "nl"])
def test_each_svg_shows_the_numbers_of_its_table(client, world, locale):
    login(client, world["officer_a"])
    with client.session_transaction() as session:
        session["locale"] = locale
    charts = _charts(client.get("/kpis/almere").text)
    assert sorted(charts) == ["activity", "budget", "days_to_award", "proposals", "shares", "weeks_to_decision"]
    for key, body in charts.items():
        quarters, rows = _table(body)
        assert quarters[:3] == (["Q1 2026", "Q2 2026", "Q3 2026"] if locale == "en" else
                                ["K1 2026", "K2 2026", "K3 2026"])
        columns = [[row[i] for row in rows if row[i] != "–"] for i in range(len(rows[0]))]
        drawings = re.findall(r"<svg.*?</svg>", body, flags=re.DOTALL)
        assert len(drawings) == 2  # for wide screens and for phones
        for svg, suffix in zip(drawings, ("", "-narrow"), strict=True):
            chart_id = f"kpi-chart-{key}{suffix}"
            assert f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
            assert "<script" not in svg and "<style" not in svg and "http://" not in svg.split(">", 1)[1]
            for quarter in quarters:
                assert f">{quarter}</text>" in svg  # the x axis names the same quarters
            assert _svg_series(svg) == columns, key


def test_the_tables_hold_the_hand_computed_numbers(client, world):
    login(client, world["officer_a"])
    charts = _charts(client.get("/kpis/almere").text)
    _quarters, rows = _table(charts["activity"])
    assert rows[:3] == [["2", "1", "0"], ["0", "0", "0"], ["0", "0", "1"]]  # published, pilots, lessons
    _quarters, rows = _table(charts["budget"])
    assert rows[0] == ["€20,000", "€15,000"] and rows[1] == ["–", "–"]
    _quarters, rows = _table(charts["shares"])
    assert rows[0] == ["100%", "50%", "–"] and rows[1] == ["–", "–", "100%"]


def test_the_chart_stylesheet_is_pygals_own_css_for_every_chart(client):
    response = client.get("/kpis/charts.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert ".pygal-chart .color-0" in response.text and "#chart-" not in response.text
    assert "fill:#0b5a78" in response.text.replace(" ", "")
    assert ".swatch-1 { background: #b43d0a; }" in response.text  # the HTML legend's colours are the bars'


# --- links ---------------------------------------------------------------------------------------------

def test_links_to_the_figures(client, world):
    assert 'href="/kpis"' in client.get("/").text  # the footer, on every page
    login(client, world["officer_a"])
    assert 'href="/kpis/almere"' in client.get("/dashboard").text


def test_a_winner_applying_again_to_the_same_municipality_is_a_returning_supplier(client, world, make):
    from .world import _dated, at

    again = make.challenge(organisation=world["almere"], title="Schonere pleinen")
    _dated(again, at(4, 1), at(5, 1), again.status)
    make.proposal(challenge=again, startup=world["founder"].memberships[0].organisation)
    commit()
    login(client, world["officer_a"])
    html = client.get("/kpis/almere").text
    assert figure(html, "first_time_share") == ("75%", "3 of 4 applicants")
    assert figure(html, "proposals_per_challenge") == ("1.3", "4 proposals for 3 challenges whose deadline has passed")


def test_the_overall_page_answers_with_and_without_a_trailing_slash(client, world):
    assert client.get("/kpis").status_code == 200
    response = client.get("/kpis/")
    assert response.status_code == 308 and response.headers["Location"] == "/kpis"
