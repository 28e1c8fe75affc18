"""WCAG 3.1.2: content in the other language than the page carries `lang` (as served; the browser test
checks the same in Chromium)."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from matchmaker.challenges.models import Challenge
from matchmaker.database import commit
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db
from matchmaker.templating import lang_attr, lang_span, paragraphs

from ..conftest import login
from ..factories import pass_deadline
from .helpers import read_in

ENGLISH = {"title": "Cooler streets in stony neighbourhoods", "summary": "Stone and asphalt keep the heat in.",
           "problem": "Streets stay hot at night.\n\nResidents sleep badly.", "desired_outcome": "Cooler nights."}
DUTCH = {"title": "Koelere straten in stenige wijken", "summary": "Steen en asfalt houden de hitte vast.",
         "problem": "Straten blijven 's nachts heet.", "desired_outcome": "Koelere nachten."}


def test_lang_attr_marks_only_another_known_language(app):
    with app.test_request_context(), force_locale("nl"):
        assert str(lang_attr("en")) == ' lang="en"'
        assert str(lang_attr("nl")) == "" and str(lang_attr(None)) == "" and str(lang_attr("xx")) == ""
        assert str(lang_attr(Challenge(language="en"))) == ' lang="en"'
        assert str(lang_span("Heat & <b>", "en")) == '<span lang="en">Heat &amp; &lt;b&gt;</span>'
        assert str(lang_span("Hitte & <b>", "nl")) == "Hitte &amp; &lt;b&gt;"
        assert str(paragraphs("One\n\nTwo", "en")) == '<p lang="en">One</p>\n<p lang="en">Two</p>'


@pytest.mark.parametrize(("page_locale", "content", "content_locale"), [("nl", ENGLISH, "en"), ("en", DUTCH, "nl")])
def test_the_public_page_marks_a_challenge_in_the_other_language(client, make, page_locale, content, content_locale):
    challenge = make.challenge(language=content_locale, keywords=["hitte"], **content)
    commit()
    page = read_in(client, page_locale).get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    mark = f' lang="{content_locale}"'
    assert f'<html lang="{page_locale}">' in page
    assert f"<h1{mark}>{content['title']}</h1>" in page
    assert f'<p class="card lead"{mark}>{content["summary"]}</p>' in page
    assert f"<p{mark}>{content['desired_outcome']}</p>" in page
    assert page.count(f"<p{mark}>") >= 2 + content["problem"].count("\n\n")
    listing = client.get("/challenges/").get_data(as_text=True)
    assert re.search(rf'<h2{mark}><a href="/challenges/{challenge.slug}">', listing)


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_a_challenge_in_the_pages_own_language_is_not_marked(client, make, locale):
    challenge = make.challenge(language=locale, **(DUTCH if locale == "nl" else ENGLISH))
    commit()
    page = read_in(client, locale).get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert ' lang="' not in page.replace('<html lang="', "").replace('lang="nl" aria-pressed', "") \
        .replace('lang="en" aria-pressed', "")


def test_officer_pages_mark_the_challenge_and_the_proposals(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, language="en", **ENGLISH)
    proposal = make.proposal(challenge=challenge, language="en", summary="We plant trees.",
                             solution="Trees and shade sails.")
    pass_deadline(challenge)
    commit()
    login(client, officer)
    read_in(client, "nl")
    manage = client.get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert f'<h1 lang="en">{ENGLISH["title"]}</h1>' in manage
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert f'lang="en">{ENGLISH["title"]}</a>' in dashboard
    received = client.get(f"/challenges/{challenge.id}/proposals").get_data(as_text=True)
    assert '<td data-label="Samenvatting" lang="en">We plant trees.</td>' in received
    printable = client.get(f"/proposals/{proposal.id}/print").get_data(as_text=True)
    assert '<p lang="en">Trees and shade sails.</p>' in printable


def test_evaluator_pages_mark_a_dutch_proposal_on_an_english_page(client, make):
    challenge = make.challenge(language="nl", **DUTCH)
    proposal = make.proposal(challenge=challenge, language="nl", summary="Wij planten bomen.")
    custom = challenge.criteria[1]
    custom.name, custom.key, custom.description = "Duurzaamheid", None, "Minder CO₂ & afval."
    seat = make.seat(challenge=challenge)
    make.declaration(seat=seat, proposal=proposal)
    pass_deadline(challenge)
    commit()
    login(client, seat.user)
    read_in(client, "en")
    page = client.get(f"/panel/{seat.id}/proposals/{proposal.id}").get_data(as_text=True)
    assert '<p lang="nl">Wij planten bomen.</p>' in page
    assert f'<span lang="nl">{DUTCH["title"]}</span>' in page
    assert '<legend><span lang="nl">Duurzaamheid</span></legend>' in page  # the score's radio group
    assert '<span lang="nl">Minder CO₂ &amp; afval.</span>' in page
    assert "<legend>Innovation</legend>" in page  # a default criterion follows the page
    queue = client.get(f"/panel/{seat.id}").get_data(as_text=True)
    assert f'<h1 lang="nl">{DUTCH["title"]}</h1>' in queue


@pytest.mark.parametrize(("locale", "checked"), [("nl", "nl"), ("en", "en")])
def test_the_challenge_form_offers_the_interface_language(client, make, locale, checked):
    login(client, make.officer())
    page = read_in(client, locale).get("/challenges/new").get_data(as_text=True)
    assert re.search(rf'<input checked id="language-\d" name="language" type="radio" value="{checked}">', page)


def test_an_officer_on_a_dutch_page_writes_an_english_challenge(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality, locale="nl")
    login(client, officer)
    read_in(client, "nl")
    response = client.post("/challenges/new", data={"title": ENGLISH["title"], "pilot_weeks": "16",
                                                   "languages": ["en"], "language": "en"})
    assert response.status_code == 302
    challenge = db.session.scalar(select(Challenge))
    assert challenge.language == "en"
    assert [c.name for c in challenge.criteria][:2] == ["Impact", "Feasibility"]  # stored in its language
    response = client.post(f"/challenges/{challenge.id}/edit", data={"title": ENGLISH["title"], "pilot_weeks": "16",
                                                                    "languages": ["en"]})
    assert response.status_code == 302
    db.session.refresh(challenge)
    assert challenge.language == "en"  # not sent: kept
    client.post(f"/challenges/{challenge.id}/edit", data={"title": DUTCH["title"], "pilot_weeks": "16",
                                                         "languages": ["nl"], "language": "nl"})
    db.session.refresh(challenge)
    assert challenge.language == "nl"


def test_the_api_tells_each_challenges_language(client, make):
    challenge = make.challenge(language="en", **ENGLISH)
    make.challenge(status=ChallengeStatus.DRAFT)
    commit()
    data = client.get(f"/api/v1/challenges/{challenge.slug}").get_json()
    assert data["language"] == "en"
