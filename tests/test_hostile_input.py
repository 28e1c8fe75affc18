"""Hostile input from outside, over HTTP: Unicode digits, odd amounts and dates, bidi and control
characters. Nothing here may give a 500; bad input gets the form's message or a JSON 400, and what is
stored is clean."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from wtforms import Form, PasswordField, StringField

import matchmaker
from matchmaker.accounts.models import User
from matchmaker.challenges.models import Challenge, Criterion
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, ProposalStatus
from matchmaker.evaluation.models import ConflictDeclaration, Decision
from matchmaker.extensions import db
from matchmaker.organisations.models import Organisation
from matchmaker.parsing import INVISIBLE
from matchmaker.proposals.models import Proposal

from .conftest import login
from .factories import pdf_bytes

UNICODE_NUMBERS = ["²", "٣", "1_000", "١٢", "½", "Ⅻ", "5٣", " ", "+5", "0x10", "1e3", "12.0", "𝟓", "9" * 40]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
CONTROLS = "".join(chr(c) for c in (*range(0x01, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f, *range(0x80, 0xa0)))


def assert_clean(text: str, *, multiline: bool = False) -> None:
    bad = set(BIDI) | set(CONTROLS) | set(INVISIBLE)
    if not multiline:
        bad |= {"\n", "\t", "\r"}
    assert not set(text) & bad, repr(text)


# --- 1. numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["page", "per_page"])
def test_api_page_numbers_other_than_ascii_digits_are_a_json_400(client, name):
    for value in UNICODE_NUMBERS + ["-1", "abc", ""]:
        response = client.get("/api/v1/challenges", query_string={name: value})
        assert response.status_code == 400 and response.is_json, value
        detail = response.get_json()["error"]["detail"]
        assert f"'{name}' must be a whole number" in detail and "0-9" in detail


def test_api_page_numbers_in_ascii_are_clamped_not_refused(client, make):
    for n in range(3):
        make.challenge(title=f"Uitdaging {n}")
    data = client.get("/api/v1/challenges?per_page=2&page=2").get_json()
    assert (data["page"], len(data["items"]), data["total"]) == (2, 1, 3)
    data = client.get("/api/v1/challenges?per_page=100000&page=0").get_json()
    assert (data["page"], len(data["items"])) == (1, 3)
    assert client.get("/api/v1/challenges?per_page=%202%20").get_json()["items"].__len__() == 2


@pytest.mark.parametrize("ref", ["²", "٣", "١٢", "99999999999999999999", "0", "-1"])
def test_challenge_refs_with_odd_digits_are_404(client, make, ref):
    make.challenge()
    assert client.get(f"/challenges/{ref}").status_code == 404
    api = client.get(f"/api/v1/challenges/{ref}")
    assert api.status_code == 404 and api.is_json


def test_ids_in_paths_take_only_ascii_digits(client, make):
    startup = make.startup()
    login(client, make.startup_member(startup))
    proposal = make.proposal(startup=startup, status=ProposalStatus.DRAFT)
    assert client.get(f"/proposals/{proposal.id}").status_code == 200
    for ident in ("٣", "²", "1_0", "0", str(2**31), "9" * 30, f"{proposal.id}\u200b"):
        assert client.get(f"/proposals/{ident}").status_code == 404


@pytest.mark.parametrize("page", ["²", "٣", "-3", "1e3", "9" * 30, ""])
def test_html_page_numbers_never_crash(client, make, page):
    make.challenge()
    assert client.get("/challenges/", query_string={"page": page}).status_code == 200


@pytest.mark.parametrize("ident", ["²", "٣", "", "-1", "9" * 30])
def test_session_with_odd_user_id_is_signed_out_not_a_crash(client, make, ident):
    user = make.user()
    with client.session_transaction() as session:
        session["_user_id"] = f"{ident}:{user.session_token}"
        session["_fresh"] = True
    response = client.get("/account/settings")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


@pytest.fixture
def officer_client(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    login(client, officer)
    return client, officer, municipality


CHALLENGE_FORM = {
    "title": "Parkeerdruk in woonwijken", "summary": "Te veel auto's.", "problem": "Bewoners vinden geen plek.",
    "desired_outcome": "Inzicht.", "affected": "Bewoners", "department": "Mobiliteit", "themes": ["mobility"],
    "keywords": "parkeren", "budget_min": "10000", "budget_max": "40000", "pilot_weeks": "16",
    "questions_close_at": "2030-03-01T12:00", "submissions_close_at": "2030-03-15T17:00", "languages": ["nl"],
}


@pytest.mark.parametrize("field", ["pilot_weeks", "max_age_years", "max_fte"])
def test_whole_number_fields_take_only_ascii_digits(officer_client, field):
    client, _o, _m = officer_client
    for value in [v for v in UNICODE_NUMBERS if v.strip()]:
        response = client.post("/challenges/new", data={**CHALLENGE_FORM, field: value})
        assert response.status_code == 200, value
        assert "Enter a whole number, such as 12, using the digits 0 to 9." in response.get_data(as_text=True)
    assert db.session.scalar(select(Challenge)) is None


def test_negative_whole_number_gets_the_range_message(officer_client):
    client, _o, _m = officer_client
    page = client.post("/challenges/new", data={**CHALLENGE_FORM, "pilot_weeks": "-5"}).get_data(as_text=True)
    assert "Number must be between 1 and 104." in page and "Enter a whole number" not in page


@pytest.mark.parametrize("weight", ["٥٠", "50.0", "5_0", "²"])
def test_criteria_weights_take_only_ascii_digits(officer_client, make, weight):
    client, _o, municipality = officer_client
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    response = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": weight, "rows-1-name": "Prijs", "rows-1-weight": "50"})
    assert response.status_code == 200
    assert "Enter a whole number, such as 12, using the digits 0 to 9." in response.get_data(as_text=True)


@pytest.fixture
def startup_client(client, make):
    startup = make.startup()
    member = make.startup_member(startup)
    challenge = make.challenge(budget_min_cents=1_000_000, budget_max_cents=4_000_000)
    login(client, member)
    return client, member, startup, challenge


PROPOSAL_FORM = {
    "summary": "Sensoren.", "understanding": "Het probleem.", "solution": "Een pilot.", "team": "Twee mensen.",
    "price_cents": "25000", "duration_weeks": "12", "language": "nl", "save": "1",
}


@pytest.mark.parametrize("weeks", ["٣", "1_0", "²", "12.5"])
def test_proposal_duration_takes_only_ascii_digits(startup_client, weeks):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={**PROPOSAL_FORM, "duration_weeks": weeks})
    assert response.status_code == 422
    assert "Enter a whole number, such as 12, using the digits 0 to 9." in response.get_data(as_text=True)


@pytest.mark.parametrize("version", ["²", "٣", "-1", "9" * 40, "x"])
def test_proposal_lock_version_that_is_not_a_number_never_crashes(startup_client, make, version):
    client, _m, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    response = client.post(f"/proposals/{proposal.id}/edit",
                           data={**PROPOSAL_FORM, "summary": "Nieuwe tekst", "lock_version": version})
    assert response.status_code in (302, 409, 422)


def test_score_radio_with_a_unicode_digit_is_refused(client, make):
    challenge = make.challenge(days_open=-1)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    make.declaration(seat=seat, proposal=proposal)
    login(client, seat.user)
    data = {f"score_{c.id}": "٣" for c in challenge.criteria}
    data.update(recommendation="maybe", feedback="", save="1")
    response = client.post(f"/panel/{seat.id}/proposals/{proposal.id}", data=data)
    assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)


# --- 2. money ------------------------------------------------------------------------------------

REFUSED_AMOUNTS = ["NaN", "sNaN", "-NaN", "Infinity", "-Infinity", "inf", "-0", "-5", "1e400", "1E5", "٣٠٠٠",
                   "25.000,500", "1.2.3", "12,34,5", "€", "0x10", "1_000", "²", "25.00.00", "€-5", "9" * 41]
AMOUNTS = [("25000", 2_500_000), ("25.000,50", 2_500_050), ("€ 25.000", 2_500_000), ("25,000.50", 2_500_050),
           ("€ 25.000,-", 2_500_000), ("25 000", 2_500_000), ("EUR 1.250,5", 125_050), ("0", 0),
           ("12,5", 1250), ("1.000.000", 100_000_000)]


def test_proposal_price_that_is_not_a_clear_amount_gets_the_message(startup_client):
    client, _m, _s, challenge = startup_client
    for typed in REFUSED_AMOUNTS:
        response = client.post(f"/challenges/{challenge.slug}/apply", data={**PROPOSAL_FORM, "price_cents": typed})
        assert response.status_code == 422, typed
        assert "Enter an amount in euros, for example 25000." in response.get_data(as_text=True), typed
    assert db.session.scalar(select(Proposal)) is None


@pytest.mark.parametrize(("typed", "cents"), AMOUNTS)
def test_proposal_price_as_people_type_it(startup_client, typed, cents):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={**PROPOSAL_FORM, "price_cents": typed})
    assert response.status_code == 302
    assert db.session.scalar(select(Proposal.price_cents)) == cents


def test_proposal_price_above_the_maximum_says_so(startup_client):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply",
                           data={**PROPOSAL_FORM, "price_cents": "100.000.001"})
    assert response.status_code == 422
    assert "Enter an amount of at most 100,000,000 euros." in response.get_data(as_text=True)


@pytest.mark.parametrize("field", ["budget_min", "budget_max"])
def test_challenge_budget_that_is_not_a_clear_amount_gets_the_message(officer_client, field):
    client, _o, _m = officer_client
    for typed in REFUSED_AMOUNTS:
        response = client.post("/challenges/new", data={**CHALLENGE_FORM, field: typed})
        assert response.status_code == 200, typed
        assert "Enter an amount in euros, for example 25000." in response.get_data(as_text=True), typed
    assert db.session.scalar(select(Challenge)) is None


@pytest.mark.parametrize(("typed", "cents"), [a for a in AMOUNTS if a[1] <= 4_000_000])
def test_challenge_budget_as_people_type_it(officer_client, typed, cents):
    client, _o, _m = officer_client
    response = client.post("/challenges/new", data={**CHALLENGE_FORM, "budget_min": typed, "budget_max": "€ 40.000"})
    assert response.status_code == 302
    challenge = db.session.scalar(select(Challenge))
    assert (challenge.budget_min_cents, challenge.budget_max_cents) == (cents, 4_000_000)
    # the edit form shows the amount so that saving it again keeps it
    page = client.get(f"/challenges/{challenge.id}/edit").get_data(as_text=True)
    shown = f"{cents // 100}" if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"
    assert f'name="budget_min" type="text" value="{shown}"' in page


# --- 3. dates ------------------------------------------------------------------------------------

BAD_DATES = ["2026-13-45T99:99", "2026-02-30T10:00", "٢٠٣٠-٠٣-٠١T12:00", "2030-03-01T12:00" + "0" * 100_000,
             "x" * 10_000, "2030-03-01", "12:00", "2030-3-1T12:00", "+2030-03-01T12:00", "2030-03-01T12:00Z",
             "2030-03-01T12:00+01:00", "\u202e2030-03-01T12:00"]
OUT_OF_RANGE_DATES = ["0001-01-01T00:00", "0001-01-01T00:59", "9999-12-31T23:59", "1999-12-31T23:59",
                      "2101-01-01T00:00"]


@pytest.mark.parametrize("field", ["questions_close_at", "submissions_close_at"])
def test_challenge_dates_that_are_not_sensible_get_a_message(officer_client, field):
    client, _o, _m = officer_client
    for typed in BAD_DATES + OUT_OF_RANGE_DATES:
        response = client.post("/challenges/new", data={**CHALLENGE_FORM, field: typed})
        assert response.status_code == 200, typed
        page = response.get_data(as_text=True)
        if typed in OUT_OF_RANGE_DATES:
            assert "Enter a date between the years 2000 and 2100." in page, typed
        else:
            assert "Enter a date and time, such as 2026-05-31T17:00." in page, typed[:40]
    assert db.session.scalar(select(Challenge)) is None


def test_challenge_dates_at_the_edges_of_the_range_are_accepted(officer_client):
    client, _o, _m = officer_client
    response = client.post("/challenges/new", data={**CHALLENGE_FORM, "questions_close_at": "2000-01-01T00:00",
                                                    "submissions_close_at": "2100-12-31T23:59:59"})
    assert response.status_code == 302
    challenge = db.session.scalar(select(Challenge))
    assert challenge.questions_close_at == datetime(1999, 12, 31, 23, 0, tzinfo=UTC)
    assert challenge.submissions_close_at == datetime(2100, 12, 31, 22, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize("typed", ["0001-01-01T00:00", "9999-12-31T23:59", "2026-13-45T99:99", "٢٠٣٠-٠٣-٠١T12:00"])
def test_deadline_extension_with_an_impossible_date_gets_a_message(officer_client, make, typed):
    client, _o, municipality = officer_client
    challenge = make.challenge(organisation=municipality)
    before = challenge.submissions_close_at
    response = client.post(f"/challenges/{challenge.id}/extend", data={"new_close_at": typed, "reason": "Meer tijd"})
    assert response.status_code == 200
    assert "Enter a date" in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.submissions_close_at == before


def test_deadline_extension_into_the_past_is_still_refused(officer_client, make):
    client, _o, municipality = officer_client
    challenge = make.challenge(organisation=municipality)
    response = client.post(f"/challenges/{challenge.id}/extend",
                           data={"new_close_at": "2001-01-01T10:00", "reason": "Meer tijd"})
    assert response.status_code == 200 and "must be later than the current one" in response.get_data(as_text=True)


@pytest.fixture
def decision_setup(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=-1)
    proposal = make.proposal(challenge=challenge)
    login(client, officer)
    return client, challenge, proposal


def _local(moment: datetime) -> str:
    from matchmaker.forms import LOCAL_TZ

    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("when", [timedelta(minutes=-2), timedelta(days=-400)])
def test_pitch_in_the_past_is_refused_by_the_form(decision_setup, when):
    client, challenge, proposal = decision_setup
    response = client.post(f"/challenges/{challenge.id}/decisions/{proposal.id}", data={
        f"p{proposal.id}-outcome": "shortlisted", f"p{proposal.id}-motivation": "Sterk idee.",
        f"p{proposal.id}-pitch_at": _local(utcnow() + when)})
    assert response.status_code == 422
    assert "The pitch date has passed. Choose a date and time in the future." in response.get_data(as_text=True)
    assert db.session.scalar(select(Decision)) is None


def test_pitch_in_the_future_is_prepared(decision_setup):
    client, challenge, proposal = decision_setup
    response = client.post(f"/challenges/{challenge.id}/decisions/{proposal.id}", data={
        f"p{proposal.id}-outcome": "shortlisted", f"p{proposal.id}-motivation": "Sterk idee.",
        f"p{proposal.id}-pitch_at": _local(utcnow() + timedelta(days=7))})
    assert response.status_code == 302
    assert db.session.scalar(select(Decision.pitch_at)) is not None


def test_a_stale_pitch_date_does_not_block_another_outcome(decision_setup):
    client, challenge, proposal = decision_setup
    response = client.post(f"/challenges/{challenge.id}/decisions/{proposal.id}", data={
        f"p{proposal.id}-outcome": "awarded", f"p{proposal.id}-motivation": "De beste.",
        f"p{proposal.id}-pitch_at": _local(utcnow() - timedelta(days=1))})
    assert response.status_code == 302
    assert db.session.scalar(select(Decision.pitch_at)) is None


# --- 5. bidi and control characters --------------------------------------------------------------

HOSTILE = "A\u202eB\u2066C\u200fD\x07E\x1bF\x85G\u200bH\ufeffI\x7fJ"


def test_registration_stores_a_name_without_bidi_or_control_characters(client):
    response = client.post("/account/register", data={
        "name": f"  Eve {HOSTILE}\tde\nVries ", "email": "eve@example.org", "password": "a long enough passphrase"})
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "eve@example.org"))
    assert user.name == "Eve ABCDEFGHIJ de Vries"
    assert_clean(user.name)


def test_settings_store_a_name_without_bidi_characters(client, make):
    user = make.user()
    login(client, user)
    client.post("/account/settings", data={"name": f"Bob{BIDI}by", "locale": "en"})
    db.session.refresh(user)
    assert user.name == "Bobby"


def test_organisation_name_tags_and_description_are_cleaned(client, make):
    login(client, make.user())
    response = client.post("/organisations/new?kind=startup", data={
        "name": f"Evil{BIDI}Corp", "region": "Ut\u202erecht", "description": "Regel 1\r\nRegel\u202e 2\x07",
        "capabilities": f"sen\u202esors, da\u2066ta\u2069, {CONTROLS}", "kvk_number": "١٢٣٤٥٦٧٨"})
    assert response.status_code == 200 and "A KvK number has exactly 8 digits." in response.get_data(as_text=True)
    response = client.post("/organisations/new?kind=startup", data={
        "name": f"Evil{BIDI}Corp", "region": "Ut\u202erecht", "description": "Regel 1\r\nRegel\u202e 2\x07\tx",
        "capabilities": f"sen\u202esors, da\u2066ta\u2069, {CONTROLS}", "kvk_number": "1234 5678"})
    assert response.status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert (organisation.name, organisation.region) == ("EvilCorp", "Utrecht")
    assert organisation.description == "Regel 1\nRegel 2\tx"
    assert organisation.capabilities == ["sensors", "data"]
    assert organisation.kvk_number == "12345678"


def test_challenge_title_and_texts_are_cleaned(officer_client):
    client, _o, _m = officer_client
    response = client.post("/challenges/new", data={
        **CHALLENGE_FORM, "title": f"Parkeren\u202e{CONTROLS} in\u2028de wijk", "problem": f"Een\u2067 probleem{CONTROLS}",
        "keywords": "par\u202eking, \u200b"})
    assert response.status_code == 302
    challenge = db.session.scalar(select(Challenge))
    assert challenge.title == "Parkeren in de wijk"
    assert challenge.problem == "Een probleem"
    assert challenge.keywords == ["parking"]
    assert challenge.slug == "parkeren-in-de-wijk"


def test_proposal_texts_and_attachment_name_are_cleaned(startup_client):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={
        **PROPOSAL_FORM, "summary": f"Kort\u202e{CONTROLS}\r\nen goed", "team": "Ann\u2066a",
        "attachment": (__import__("io").BytesIO(pdf_bytes()), "invoice\u202efdp.exe")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert proposal.summary == "Kort\nen goed" and proposal.team == "Anna"
    assert proposal.attachment_name == "invoicefdp.exe.pdf"


def test_conflict_note_outside_the_form_classes_is_cleaned(client, make):
    challenge = make.challenge(days_open=-1)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    login(client, seat.user)
    response = client.post(f"/panel/{seat.id}/conflicts", data={
        f"conflict_{proposal.id}": "yes", f"kind_{proposal.id}": "personal",
        f"note_{proposal.id}": "Mijn\u202e zwager\x1b werkt daar"})
    assert response.status_code == 302
    assert db.session.scalar(select(ConflictDeclaration.note)) == "Mijn zwager werkt daar"


def _all_form_classes() -> list[type[Form]]:
    for module in pkgutil.walk_packages(matchmaker.__path__, "matchmaker."):
        if "matching" not in module.name:
            importlib.import_module(module.name)
    found, todo = [], [Form]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_text_field_of_every_form_cleans_its_input():
    """Any StringField or TextAreaField (not a password, not a hidden field) must filter bidi and control
    characters: a new form that forgets `filters=[strip_filter]` or `line_filter` fails here."""
    from matchmaker.evaluation.forms import review_form_class
    from matchmaker.forms import DecimalNumberField, EuroField, TagListField

    criterion = Criterion(id=1, name="Impact", description="", scale_min=1, scale_max=5, anchors=[])
    classes = _all_form_classes() + [review_form_class([criterion])]
    checked = []
    for cls in classes:
        for name in dir(cls):
            unbound = getattr(cls, name, None)
            field_class = getattr(unbound, "field_class", None)
            if not (isinstance(field_class, type) and issubclass(field_class, StringField)):
                continue
            if issubclass(field_class, (PasswordField, EuroField, DecimalNumberField, TagListField)) or field_class.__name__ == "HiddenField":
                continue  # passwords are kept as typed; the others parse their own input
            value = f" x{HOSTILE}y "
            for text_filter in unbound.kwargs.get("filters", ()):
                value = text_filter(value)
            assert_clean(value.replace(" ", ""))
            checked.append(f"{cls.__name__}.{name}")
    assert len(checked) > 30 and "RegisterForm.name" in checked and "ChallengeForm.title" in checked


def test_criterion_without_a_weight_counts_as_zero_not_a_crash(officer_client, make):
    client, _o, municipality = officer_client
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    response = client.post(f"/challenges/{challenge.id}/criteria", data={
        "rows-0-name": "Impact", "rows-0-weight": "100", "rows-1-name": "Prijs", "rows-1-weight": ""})
    assert response.status_code == 302
    db.session.refresh(challenge)
    assert [(c.name, c.weight) for c in challenge.criteria] == [("Impact", 100), ("Prijs", 0)]


def test_blank_optional_choices_are_no_choice_not_a_crash(client, make):
    """`Optional()` lets "  " past a radio or select field's choice check; it must mean "nothing chosen"."""
    challenge = make.challenge(days_open=-1, blind_review=True)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    login(client, seat.user)
    response = client.post(f"/panel/{seat.id}/proposals/{proposal.id}/declare",
                           data={"has_conflict": "no", "kind": "  ", "note": ""})
    assert response.status_code == 302
    declaration = db.session.scalar(select(ConflictDeclaration))
    assert declaration.has_conflict is False and declaration.kind is None
    data = {f"score_{c.id}": "  " for c in challenge.criteria}
    data.update(recommendation="  ", feedback="", save="1")
    response = client.post(f"/panel/{seat.id}/proposals/{proposal.id}", data=data)
    assert response.status_code == 302


def test_every_number_and_date_field_uses_the_strict_parsers():
    """Plain WTForms number and date fields hand the text to int(), Decimal() or strptime(), which take
    Unicode digits, "1_000" and "NaN": every form uses WholeNumberField, DecimalNumberField, EuroField or
    LocalDateTimeField."""
    from wtforms import DateField, DateTimeField, DecimalField, FloatField, IntegerField

    from matchmaker.forms import CalendarDateField, LocalDateTimeField, WholeNumberField

    strict = (WholeNumberField, LocalDateTimeField, CalendarDateField)
    loose = (IntegerField, DecimalField, FloatField, DateTimeField, DateField)
    found = []
    for cls in _all_form_classes():
        for name in dir(cls):
            field_class = getattr(getattr(cls, name, None), "field_class", None)
            if isinstance(field_class, type) and issubclass(field_class, loose):
                assert issubclass(field_class, strict), f"{cls.__name__}.{name} is a {field_class.__name__}"
                found.append(name)
    assert {"pilot_weeks", "weight", "duration_weeks", "new_close_at", "pitch_at", "starts_on", "contract_on"} <= set(found)
    from matchmaker.forms import DecimalNumberField
    from matchmaker.organisations.forms import StartupForm

    assert StartupForm.size_fte.field_class is DecimalNumberField  # 2.5 FTE, through parsing.parse_decimal
