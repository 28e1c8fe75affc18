"""Numbers, money and dates follow the reader's locale on pages and in e-mail; CSV stays for machines."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from flask_babel import force_locale

from matchmaker.database import commit
from matchmaker.templating import money, number, percent

from ..conftest import login
from .helpers import read_in


@pytest.mark.parametrize(("locale", "expected"), [
    ("nl", ["87,5", "1.234,56", "-0,46", "3", "92,50", "30%", "12,5%", "2,5", "3", "–"]),
    ("en", ["87.5", "1,234.56", "-0.46", "3", "92.50", "30%", "12.5%", "2.5", "3", "–"]),
])
def test_numbers_follow_the_locale(app, locale, expected):
    with app.test_request_context(), force_locale(locale):
        shown = [number(87.5), number(1234.56, 2), number(-0.456, 2), number(3.2, 0), number(92.5, 2),
                 percent(30), percent(12.5, 1), number(2.5, 1, trim=True), number(3, 1, trim=True), number(None)]
    assert shown == expected


def test_the_number_filter_and_the_evaluation_macro_use_the_locale(app):
    from flask import render_template_string

    template = ('{% from "evaluation/_labels.html" import number as n %}'
                '{{ 87.5|number }} {{ n(0.1234, 2) }} {{ n(none) }} {{ 30|percent }}')
    with app.test_request_context(), force_locale("nl"):
        assert render_template_string(template) == "87,5 0,12 – 30%"
    with app.test_request_context(), force_locale("en"):
        assert render_template_string(template) == "87.5 0.12 – 30%"


@pytest.fixture
def scored(make):
    """A closed challenge with one proposal scored 5-5-5-4-4: a weighted total of 92.5."""
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=-1)
    proposal = make.proposal(challenge=challenge, price_cents=2_500_050)
    seat = make.seat(challenge=challenge)
    make.review(seat=seat, proposal=proposal, values=[5, 5, 5, 4, 4])
    commit()
    return officer, challenge, proposal


@pytest.mark.parametrize(("locale", "mean", "fit_header"), [
    ("nl", "92,5", "Match van de voorsteltekst (advies)"), ("en", "92.5", "Fit of the proposal text (advice)")])
def test_ranking_shows_decimals_in_the_readers_locale(client, scored, locale, mean, fit_header):
    officer, challenge, _proposal = scored
    login(client, officer)
    read_in(client, locale)
    for path in (f"/challenges/{challenge.id}/evaluation?z=1", f"/challenges/{challenge.id}/evaluation/report"):
        page = client.get(path).get_data(as_text=True)
        assert f"<strong>{mean}</strong>" in page or re.search(rf'<td data-label="[^"]+">{re.escape(mean)}</td>', page), path
        assert ("92.5" in page) == (locale == "en"), path
        assert fit_header in page, path  # the proposal's fit is labelled as such, not as the startup's fit


def test_csv_exports_keep_dot_decimals_and_iso_times_in_dutch(client, scored):
    officer, challenge, proposal = scored
    login(client, officer)
    read_in(client, "nl")
    rows = list(csv.reader(io.StringIO(client.get(f"/challenges/{challenge.id}/proposals.csv")
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["price_eur"] == "25000.50"
    assert datetime.fromisoformat(record["submitted_at_utc"]).utcoffset() is not None
    evaluation = client.get(f"/challenges/{challenge.id}/evaluation.csv").get_data(as_text=True)
    assert ",30," in evaluation and "92,5" not in evaluation


@pytest.mark.parametrize(("locale", "budget", "deadline", "weeks"), [
    ("nl", "€\xa010.000 – €\xa050.000", "dinsdag 5 maart 2030, 13:00", "16 weken"),
    ("en", "€10,000 – €50,000", "Tuesday 5 March 2030, 13:00", "16 weeks"),
])
def test_money_and_dates_on_the_challenge_page(client, make, locale, budget, deadline, weeks):
    challenge = make.challenge(submissions_close_at=datetime(2030, 3, 5, 12, 0, tzinfo=UTC), pilot_weeks=16,
                               budget_min_cents=1_000_000, budget_max_cents=5_000_000)
    commit()
    page = read_in(client, locale).get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert budget in page and deadline in page and weeks in page


def test_money_in_cents_and_whole_euros(app):
    with app.test_request_context(), force_locale("nl"):
        assert (money(1_500_000), money(1_500_050)) == ("€\xa015.000", "€\xa015.000,50")
    with app.test_request_context(), force_locale("en"):
        assert (money(1_500_000), money(1_500_050)) == ("€15,000", "€15,000.50")


@pytest.mark.parametrize(("locale", "size", "limit"), [("nl", "1.200 fte", "tot 2 fte"),
                                                       ("en", "1,200 FTE", "up to 2 FTE")])
def test_team_sizes_in_fte_are_numbers_in_the_readers_locale(client, make, locale, size, limit):
    startup = make.startup(size_fte=1200)
    challenge = make.challenge(max_fte=2)
    commit()
    read_in(client, locale)
    assert size in client.get(f"/organisations/{startup.slug}").get_data(as_text=True)
    assert limit in client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
