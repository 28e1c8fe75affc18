"""Property-based tests (hypothesis) of everything that reads numbers, amounts, dates and text from
outside: the parsers, the shared form fields, the CSV defuser and the JSON API with arbitrary query
strings. Properties: nothing raises but the field's own validation error; what parses, parses to what
int() or Decimal would give; amounts and dates survive a round trip through the form."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import NumberRange, Optional

from matchmaker.db_types import MAX_ID, parse_id
from matchmaker.forms import LOCAL_TZ, MAX_EUROS, EuroField, LocalDateTimeField, WholeNumberField
from matchmaker.parsing import INVISIBLE, clean_text, format_euros, parse_euros, parse_whole_number
from matchmaker.themes import THEMES
from matchmaker.web import csv_response

FAST = settings(max_examples=150, deadline=None, database=None)
WITH_DB = settings(max_examples=40, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])

ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"))  # every category but surrogates (never in a request)
NUMBERISH = st.text(alphabet=st.sampled_from("0123456789٣²١٢½𝟓 -+_.,eE€\u202e\u00a0"), max_size=25)


class AmountForm(Form):
    amount = EuroField()


class CountForm(Form):
    count = WholeNumberField(validators=[Optional(), NumberRange(min=0, max=1000)])


class WhenForm(Form):
    when = LocalDateTimeField(validators=[Optional()])


def submit(form_class, **values):
    form = form_class(MultiDict(values))
    form.validate()
    return form


# --- whole numbers and ids -----------------------------------------------------------------------

@FAST
@given(st.one_of(ANY_TEXT, NUMBERISH))
def test_whole_numbers_are_ascii_digits_or_none(text):
    for signed in (False, True):
        number = parse_whole_number(text, signed=signed)
        if number is not None:
            digits = text.strip().removeprefix("-") if signed else text.strip()
            assert digits.isascii() and digits.isdigit() and number == int(text)


@FAST
@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1), st.sampled_from(["", " ", "\t", "  "]))
def test_ascii_whole_numbers_parse_as_int_does(number, pad):
    text = f"{pad}{number}{pad}"
    assert parse_whole_number(text, signed=True) == int(text)
    assert parse_whole_number(text) == (number if number >= 0 else None)


@FAST
@given(st.one_of(ANY_TEXT, NUMBERISH, st.integers(), st.none()))
def test_ids_are_positive_integers_that_fit_the_column_or_none(value):
    ident = parse_id(value)
    assert ident is None or (type(ident) is int and 1 <= ident <= MAX_ID)


@FAST
@given(st.one_of(ANY_TEXT, NUMBERISH))
def test_whole_number_field_gives_a_number_in_range_or_its_message(text):
    form = submit(CountForm, count=text)
    if form.count.data is None:
        assert form.errors or not text.strip()
    else:
        assert form.count.data == int(text)
        assert (not form.errors) == (0 <= form.count.data <= 1000)


# --- euro amounts --------------------------------------------------------------------------------

@FAST
@given(st.one_of(ANY_TEXT, NUMBERISH, st.sampled_from(["NaN", "sNaN", "-Infinity", "1e400", "-0", "٣٠٠٠"])))
def test_euro_field_gives_cents_or_its_message(text):
    form = submit(AmountForm, amount=text)
    cents = form.amount.data
    if cents is None:
        assert form.errors or not text.strip()
    else:
        assert type(cents) is int and 0 <= cents <= MAX_EUROS * 100 and not form.errors


@FAST
@given(st.integers(min_value=0, max_value=MAX_EUROS * 100))
def test_amounts_round_trip_through_the_form(cents):
    shown = AmountForm(data={"amount": cents}).amount._value()
    assert shown == format_euros(cents)
    assert submit(AmountForm, amount=shown).amount.data == cents


@FAST
@given(st.integers(min_value=0, max_value=MAX_EUROS * 100), st.sampled_from(["nl", "en"]), st.booleans())
def test_amounts_written_the_dutch_or_english_way(cents, style, symbol):
    euros, rest = divmod(cents, 100)
    if style == "nl":
        text = f"{euros:,}".replace(",", ".") + (f",{rest:02d}" if rest else "")
    else:
        text = f"{euros:,}" + (f".{rest:02d}" if rest else "")
    assert parse_euros(f"€ {text}" if symbol else text) == cents


@FAST
@given(st.decimals(min_value=0, max_value=MAX_EUROS, places=2, allow_nan=False, allow_infinity=False))
def test_plain_decimal_amounts_parse_as_decimal_does(amount):
    assert parse_euros(f"{amount:f}") == int(amount * 100)
    assert parse_euros(f"{amount:f}".replace(".", ",")) == int(amount * 100)


# --- dates ---------------------------------------------------------------------------------------

def typed(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}"


@FAST
@given(st.one_of(ANY_TEXT, st.text(alphabet=st.sampled_from("0123456789-T: ٢٠"), max_size=20)))
def test_date_field_gives_an_aware_utc_time_in_range_or_its_message(text):
    form = submit(WhenForm, when=text)
    when = form.when.data
    if when is None:
        assert form.errors or not text.strip()
    else:
        assert when.tzinfo is not None and when.utcoffset().total_seconds() == 0
        assert 1999 <= when.year <= 2100


@FAST
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)))
def test_dates_in_range_round_trip_through_the_form(moment):
    moment = moment.replace(second=0, microsecond=0)
    form = submit(WhenForm, when=typed(moment))
    expected = moment.replace(tzinfo=LOCAL_TZ).astimezone(UTC)
    assert form.when.data == expected and not form.errors
    assume(expected.astimezone(LOCAL_TZ).replace(tzinfo=None) == moment)  # not in the spring-forward gap
    assert WhenForm(data={"when": form.when.data}).when._value() == typed(moment)


@FAST
@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)))
def test_dates_out_of_range_get_the_message(moment):
    assume(not 2000 <= moment.year <= 2100)
    form = submit(WhenForm, when=typed(moment))
    assert form.when.data is None and form.errors


# --- text ----------------------------------------------------------------------------------------

@FAST
@given(ANY_TEXT)
def test_clean_text_leaves_no_control_or_bidi_characters(text):
    for multiline in (True, False):
        cleaned = clean_text(text, multiline=multiline)
        allowed = "\n\t" if multiline else ""
        assert not any(c in INVISIBLE or (unicodedata.category(c) == "Cc" and c not in allowed) for c in cleaned)
        assert clean_text(cleaned, multiline=multiline) == cleaned  # a second pass changes nothing
        assert cleaned == cleaned.strip()
        if not multiline:
            assert "  " not in cleaned


# --- CSV -----------------------------------------------------------------------------------------

NO_NUL = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"))  # no NUL for the CSV module


@FAST
@given(st.lists(NO_NUL, min_size=1, max_size=5))
def test_no_csv_cell_can_start_a_formula(app, row):
    with app.test_request_context():
        text = csv_response([row], "x.csv").get_data(as_text=True)
    assert text.startswith("\ufeff")
    [read] = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert len(read) == len(row)
    for original, cell in zip(row, read):
        visible = next((c for c in cell if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))), "")
        risky = cell[:1] in ("\t", "\r") or unicodedata.normalize("NFKC", visible)[:1] in set("=+-@|%")
        if cell.startswith("'") and cell != original:
            assert cell[1:].replace("\\|", "|") == original.replace("\\|", "|")
        else:
            assert cell == original
            if risky:  # only a plain (negative) number may start like a formula
                assert original.lstrip("-").replace(",", "").replace(".", "").isdigit()


# --- the API and the HTML list with arbitrary query strings ---------------------------------------

PARAMS = st.sampled_from(["page", "per_page", "q", "theme", "municipality", "open"])


def _seed(make):
    from sqlalchemy import select

    from matchmaker.challenges.models import Challenge
    from matchmaker.extensions import db

    if db.session.scalar(select(Challenge.id).limit(1)) is None:
        municipality = make.municipality(name="Gemeente Utrecht")
        make.challenge(organisation=municipality, title="Slimme afvalinzameling")
        make.challenge(organisation=municipality, title="Parkeerdruk meten", themes=("mobility",))


@WITH_DB
@given(st.dictionaries(PARAMS, st.one_of(ANY_TEXT, NUMBERISH, st.sampled_from(sorted(THEMES))), max_size=6))
def test_api_list_answers_200_or_400_with_json(client, make, params):
    _seed(make)
    response = client.get("/api/v1/challenges", query_string=params)
    assert response.status_code in (200, 400), (params, response.status_code)
    body = response.get_json()
    if response.status_code == 200:
        assert set(body) == {"items", "page", "pages", "total"} and 1 <= body["page"] <= 10_000
        assert len(body["items"]) <= 100
    else:
        assert body["error"]["status"] == 400 and body["error"]["detail"]


@WITH_DB
@given(st.lists(st.tuples(PARAMS, st.binary(max_size=24)), max_size=6))
def test_api_list_survives_raw_bytes_in_the_query_string(client, make, pairs):
    _seed(make)
    query = "&".join(f"{name}={quote_from_bytes(value)}" for name, value in pairs)
    response = client.get(f"/api/v1/challenges?{query}")
    assert response.status_code in (200, 400) and response.is_json


@WITH_DB
@given(st.dictionaries(PARAMS, st.one_of(ANY_TEXT, NUMBERISH), max_size=6))
def test_html_list_never_fails_on_its_query_string(client, make, params):
    _seed(make)
    response = client.get("/challenges/", query_string=params)
    assert response.status_code in (200, 400)


def test_the_decimal_module_really_is_generous():
    """Why the parsers exist: what Python itself accepts and what it does with it."""
    assert int("٣") == 3 and int("1_000") == 1000 and "²".isdigit()
    assert Decimal("٣٠٠٠") == 3000 and Decimal("1E5") == 100_000 and Decimal("NaN").is_nan()
    assert parse_whole_number("٣") is None and parse_euros("1E5") is None and parse_euros("NaN") is None


def test_a_control_character_around_a_number_is_not_a_space():
    assert parse_whole_number("0\x1f") is None and parse_whole_number("\x1c12") is None
    assert parse_whole_number(" 12\t") == 12
