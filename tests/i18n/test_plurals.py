"""Plurals go through ngettext: no "member(s)" in English, no "lid/leden" or "besluit(en)" in Dutch."""

from __future__ import annotations

import os
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask_babel import force_locale

from matchmaker import PROJECT_ROOT
from matchmaker.enums import Discipline
from matchmaker.evaluation import panel

from ..conftest import login
from .helpers import read_in

CATALOGUE = PROJECT_ROOT / "matchmaker/translations/nl/LC_MESSAGES/messages.po"
ENGLISH_MAKESHIFT = re.compile(r"\w\((s|es)\)")  # member(s), match(es)
DUTCH_MAKESHIFT = re.compile(r"\w\((en|s|n|e)\)|\b\w+/\w*en\b")  # besluit(en), lid/leden
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2),
            "lazy_ngettext": (1, 2)}


def source_messages() -> dict[str, str]:
    """Every message in the code and templates (as `make messages` extracts them), with a place."""
    with (PROJECT_ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)

    def only_the_app(path: str) -> bool:
        return os.path.relpath(path, PROJECT_ROOT).split(os.sep)[0] in ("matchmaker", "templates")

    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            PROJECT_ROOT, method_map, options_map, keywords=KEYWORDS, directory_filter=only_the_app):
        for text in (message,) if isinstance(message, str) else message:
            if text:
                found.setdefault(text, f"{filename}:{lineno}")
    return found


def catalogue():
    return [m for m in read_po(CATALOGUE.open("rb")) if m.id]


def test_the_checks_recognise_makeshift_plurals():
    assert ENGLISH_MAKESHIFT.search("The panel has %(n)d member(s)")
    assert not ENGLISH_MAKESHIFT.search("The panel has %(num)d members; %(name)s (see below)")
    for dutch in ("%(n)d besluit(en) bekendgemaakt", "Het panel heeft 2 lid/leden", "2 discipline(s)"):
        assert DUTCH_MAKESHIFT.search(dutch), dutch
    assert not DUTCH_MAKESHIFT.search("Nederlandse tijd (Europe/Amsterdam), %(num)d besluiten")


def test_the_extraction_finds_the_messages_of_code_and_templates():
    found = source_messages()
    assert len(found) > 500
    assert found["Search challenges"].startswith("templates/")
    assert found["The panel has %(num)d members; invite at least %(min)d so that no single view decides."] \
        .startswith("matchmaker/evaluation/panel.py")


def test_no_message_in_code_or_catalogue_fakes_a_plural():
    problems = [(where, text) for text, where in source_messages().items() if ENGLISH_MAKESHIFT.search(text)]
    for message in catalogue():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        problems += [("msgid", text) for text in ids if ENGLISH_MAKESHIFT.search(text)]
        problems += [("Dutch msgstr", text) for text in strings if text and DUTCH_MAKESHIFT.search(text)]
    assert problems == []


def test_every_message_in_the_code_is_in_the_dutch_catalogue():
    known = set()
    for message in catalogue():
        known.update(message.id if isinstance(message.id, tuple) else (message.id,))
    missing = {text: where for text, where in source_messages().items() if text not in known}
    assert missing == {}


def test_dutch_plural_messages_have_both_forms():
    for message in catalogue():
        if isinstance(message.id, tuple):
            assert len(message.string) == 2 and all(message.string), message.id


@pytest.mark.parametrize(("seats", "locale", "expected"), [
    (1, "en", ["The panel has 1 member;", "The panel covers 1 discipline;"]),
    (2, "en", ["The panel has 2 members;", "The panel covers 1 discipline;"]),
    (1, "nl", ["Het panel heeft 1 lid;", "Het panel omvat 1 discipline;"]),
    (2, "nl", ["Het panel heeft 2 leden;", "Het panel omvat 1 discipline;"]),
])
def test_panel_warnings_count_members_and_disciplines(make, seats, locale, expected):
    challenge = make.challenge()
    for _ in range(seats):
        make.seat(challenge=challenge, discipline=Discipline.IT)
    with force_locale(locale):
        warnings = panel.panel_warnings(challenge)
    assert [w[:len(e)] for w, e in zip(warnings, expected, strict=True)] == expected


@pytest.mark.parametrize(("locale", "empty", "one"), [
    ("nl", ["Het panel heeft 0 leden;", "omvat 0 disciplines;"], "0 van 1 beoordeling ingediend"),
    ("en", ["The panel has 0 members;", "covers 0 disciplines;"], "0 of 1 review submitted"),
])
def test_counts_on_pages_use_real_plurals(client, make, locale, empty, one):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    login(client, officer)
    read_in(client, locale)
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert all(text in page for text in empty)
    closed = make.challenge(organisation=municipality, days_open=-1)
    make.proposal(challenge=closed)
    evaluator = make.seat(challenge=closed).user
    login(client, evaluator)
    read_in(client, locale)
    assert one in client.get("/panel/").get_data(as_text=True)


@pytest.mark.parametrize(("years", "locale", "expected"), [
    (1, "en", "companies up to 1 year old"), (5, "en", "companies up to 5 years old"),
    (1, "nl", "bedrijven tot 1 jaar oud"), (5, "nl", "bedrijven tot 5 jaar oud"),
])
def test_age_limit_on_the_challenge_page(client, make, years, locale, expected):
    challenge = make.challenge(max_age_years=years)
    assert expected in read_in(client, locale).get(f"/challenges/{challenge.slug}").get_data(as_text=True)
