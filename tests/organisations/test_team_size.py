"""A startup's team size in FTE takes one decimal: "2.5" and the Dutch "2,5"; nothing else is a number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import NumberRange, Optional

from matchmaker.extensions import db
from matchmaker.forms import DecimalNumberField
from matchmaker.organisations.models import Organisation
from matchmaker.parsing import parse_decimal
from matchmaker.proposals.services import eligibility_problems

from ..conftest import login

FAST = settings(max_examples=200, deadline=None, database=None)
NUMBERISH = st.text(alphabet=st.sampled_from("0123456789٣²١½𝟓 -+_.,eE\u00a0\u202e"), max_size=12)
HOSTILE = ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "1e3", "1E1", "2.55", "2,55", "1.000", "1,5,0",
           "-2", "+2", "2 5", "2_5", ".5", "5.", ",5", "٣", "٣,٥", "²", "𝟓", "0x10", "1234567", "2.5\u202e", "½"]


class SizeForm(Form):
    size = DecimalNumberField(validators=[Optional(), NumberRange(min=0, max=99999)])


@pytest.mark.parametrize(("text", "expected"), [
    ("2.5", Decimal("2.5")), ("2,5", Decimal("2.5")), (" 3 ", Decimal(3)), ("0", Decimal(0)),
    ("12,0", Decimal("12.0")), ("99999.9", Decimal("99999.9")), ("007", Decimal(7)),
])
def test_decimals_with_a_point_or_a_dutch_comma_parse(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_odd_numbers_are_not_numbers(text):
    assert parse_decimal(text) is None


@FAST
@given(st.one_of(st.text(), NUMBERISH))
def test_what_parses_is_ascii_digits_with_one_separator_and_one_decimal(text):
    number = parse_decimal(text)
    if number is not None:
        plain = text.strip().replace(",", ".")
        assert plain.isascii() and Decimal(plain) == number and number >= 0
        assert number.is_finite() and len(plain.partition(".")[2]) <= 1


@FAST
@given(st.decimals(min_value=0, max_value=99999, places=1, allow_nan=False, allow_infinity=False))
def test_sizes_round_trip_through_the_form_in_both_languages(app, value):
    from flask_babel import force_locale

    for locale in ("nl", "en"):
        with app.test_request_context(), force_locale(locale):
            shown = SizeForm(data={"size": value}).size._value()
            assert ("," in shown) == (locale == "nl" and value != value.to_integral())
            form = SizeForm(MultiDict({"size": shown}))
            assert form.validate() and form.size.data == value


@pytest.mark.parametrize("text", HOSTILE + ["veel", "100000"])
def test_the_form_gives_its_message_never_an_exception(app, text):
    form = SizeForm(MultiDict({"size": text}))
    assert not form.validate() and form.size.data in (None, Decimal(100000))
    assert form.errors["size"] in (["Enter a number such as 2.5, with at most one decimal."],
                                   ["Number must be between 0 and 99999."])


def test_profile_takes_two_and_a_half_fte_in_dutch(client, make):
    user = make.user()
    login(client, user)
    response = client.post("/organisations/new?kind=startup", data={"name": "Halfvol", "size_fte": "2,5"})
    assert response.status_code == 302
    org = db.session.scalar(select(Organisation).where(Organisation.name == "Halfvol"))
    assert org.size_fte == Decimal("2.5")
    page = client.get(f"/organisations/{org.slug}").get_data(as_text=True)
    assert "2.5 FTE" in page
    with client.session_transaction() as session:
        session["locale"] = "nl"
    page = client.get(f"/organisations/{org.slug}", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert "2,5 fte" in page.lower()
    edit = client.get(f"/organisations/{org.slug}/edit", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert 'value="2,5"' in edit and 'inputmode="decimal"' in edit


def test_profile_refuses_nan_with_a_message(client, make):
    login(client, make.user())
    response = client.post("/organisations/new?kind=startup", data={"name": "Raar", "size_fte": "NaN"})
    assert response.status_code == 200
    assert "Enter a number such as 2.5, with at most one decimal." in response.get_data(as_text=True)
    assert db.session.scalar(select(Organisation)) is None


@pytest.mark.parametrize(("size", "max_fte", "eligible"), [
    (Decimal("2.5"), 3, True), (Decimal("3.0"), 3, True), (Decimal("3.1"), 3, False), (Decimal("0.5"), 0, False),
])
def test_eligibility_compares_decimal_sizes_with_the_challenge_limit(make, size, max_fte, eligible):
    startup = make.startup(size_fte=size, founded_year=2024)
    challenge = make.challenge(max_fte=max_fte)
    db.session.refresh(startup)
    problems = eligibility_problems(challenge, startup)
    assert (problems == []) == eligible
    if not eligible:
        assert problems == [f"This challenge is for companies up to {max_fte} FTE; {startup.name} has {size}."]
