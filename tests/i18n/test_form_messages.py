"""WTForms' own validation messages are in the page's language, in nested forms too."""

from __future__ import annotations

import html
import importlib
import pkgutil

import pytest
from flask_wtf import FlaskForm
from wtforms import Form

import matchmaker
from matchmaker.challenges.models import Challenge
from matchmaker.database import commit
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db
from matchmaker.forms import SubForm

from ..conftest import login
from .helpers import read_in

MESSAGES = {
    "nl": {"required": "Dit veld is vereist.", "email": "Ongeldig e-mailadres.",
           "too_long": "Veld mag niet langer zijn dan 120 karakters.",
           "range": "Nummer moet tussen 0 en 100 liggen.", "choice": "Ongeldige keuze."},
    "en": {"required": "This field is required.", "email": "Invalid email address.",
           "too_long": "Field cannot be longer than 120 characters.",
           "range": "Number must be between 0 and 100.", "choice": "Not a valid choice."},
}


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_register_form_messages_are_in_the_pages_language(client, locale):
    read_in(client, locale)
    page = html.unescape(client.post("/account/register", data={"name": "x" * 121, "email": "not-an-address",
                                                                "password": ""}).get_data(as_text=True))
    # the password may stay empty (an account that signs in by e-mail link): a missing name is the required field
    page += html.unescape(client.post("/account/register", data={"name": "", "email": "a@example.org",
                                                                 "password": ""}).get_data(as_text=True))
    expected = MESSAGES[locale]
    assert expected["too_long"] in page and expected["email"] in page and expected["required"] in page
    other = MESSAGES["en" if locale == "nl" else "nl"]
    assert not any(text in page for text in other.values())


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_nested_criteria_rows_have_messages_in_the_pages_language(client, make, locale):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    commit()
    login(client, officer)
    read_in(client, locale)
    response = client.post(f"/challenges/{challenge.id}/criteria",
                           data={"rows-0-name": "x" * 121, "rows-0-weight": "500", "rows-0-description": ""})
    page = html.unescape(response.get_data(as_text=True))
    assert MESSAGES[locale]["too_long"] in page and MESSAGES[locale]["range"] in page


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_an_unknown_challenge_language_is_refused_in_the_pages_language(client, make, locale):
    municipality = make.municipality()
    login(client, make.officer(municipality))
    read_in(client, locale)
    response = client.post("/challenges/new", data={"title": "Schone straten", "pilot_weeks": "16",
                                                   "languages": ["nl"], "language": "xx"})
    assert MESSAGES[locale]["choice"] in html.unescape(response.get_data(as_text=True))
    assert db.session.query(Challenge).count() == 0


def test_every_nested_form_reads_the_translations_flask_wtf_uses():
    """A form used inside a FlaskForm (FormField, FieldList) is not a FlaskForm itself: without
    `SubForm` it would answer in English on Dutch pages."""
    for module in pkgutil.walk_packages(matchmaker.__path__, "matchmaker."):
        if "matching" not in module.name:
            importlib.import_module(module.name)
    found, todo = [], list(Form.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("matchmaker.") and not issubclass(cls, FlaskForm):
            found.append(cls)
    assert found and all(issubclass(cls, SubForm) for cls in found), found
