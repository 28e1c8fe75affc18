"""The default rubric and the score anchors follow the reader's language; custom criteria show as typed."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from matchmaker.challenges import services
from matchmaker.challenges.models import Challenge, Criterion
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db

from ..conftest import login, private_database
from .helpers import read_in

DUTCH_NAMES = ["Impact", "Haalbaarheid", "Innovatie", "Team", "Prijs-kwaliteitverhouding"]
ENGLISH_NAMES = ["Impact", "Feasibility", "Innovation", "Team", "Value for money"]
KEYS = ["impact", "feasibility", "innovation", "team", "value"]


def dutch_challenge(make, **fields):
    """A challenge created by a Dutch officer, through the service: the rubric is stored in Dutch."""
    municipality = make.municipality()
    officer = make.officer(municipality, locale="nl")
    now = utcnow()
    challenge = services.create_challenge(organisation=municipality, user=officer, data={
        "title": "Hittestress in versteende wijken", "summary": "Het wordt te heet.", "problem": "Stenen.",
        "desired_outcome": "Koelere straten.", "budget_min_cents": 1_000_000, "budget_max_cents": 4_000_000,
        "pilot_weeks": 12, "questions_close_at": now + timedelta(days=5),
        "submissions_close_at": now + timedelta(days=10), **fields})
    commit()
    return officer, challenge


def test_a_dutch_officer_stores_the_rubric_in_dutch_with_keys_and_empty_anchors(make):
    _officer, challenge = dutch_challenge(make)
    assert challenge.language == "nl"
    assert [c.name for c in challenge.criteria] == DUTCH_NAMES
    assert [c.key for c in challenge.criteria] == KEYS
    assert all(c.anchors == [] for c in challenge.criteria)
    with force_locale("en"):
        assert [c.display_name for c in challenge.criteria] == ENGLISH_NAMES
        assert challenge.criteria[1].display_description.startswith("Can this be piloted")
        assert challenge.criteria[0].anchor_labels == ["Insufficient", "Weak", "Adequate", "Good", "Excellent"]
    with force_locale("nl"):
        assert [c.display_name for c in challenge.criteria] == DUTCH_NAMES
        assert challenge.criteria[0].anchor_labels == ["Onvoldoende", "Zwak", "Voldoende", "Goed", "Uitstekend"]


@pytest.mark.parametrize(("locale", "shown", "hidden"), [
    ("en", ["Feasibility", "Value for money", "Can this be piloted"], ["Haalbaarheid", "Prijs-kwaliteit"]),
    ("nl", ["Haalbaarheid", "Prijs-kwaliteitverhouding", "Is een pilot mogelijk"], ["Feasibility", "Value for money"]),
])
def test_the_public_page_shows_the_default_rubric_in_the_readers_language(client, make, locale, shown, hidden):
    _officer, challenge = dutch_challenge(make)
    challenge.status, challenge.published_at = ChallengeStatus.PUBLISHED, utcnow()
    commit()
    page = read_in(client, locale).get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert all(text in page for text in shown), shown
    assert not any(text in page for text in hidden), hidden


@pytest.mark.parametrize(("locale", "anchor", "foreign"), [("en", "1 – Insufficient", "Onvoldoende"),
                                                          ("nl", "1 – Onvoldoende", "Insufficient")])
def test_the_review_form_shows_anchors_and_names_in_the_readers_language(client, make, locale, anchor, foreign):
    _officer, challenge = dutch_challenge(make)
    challenge.status, challenge.published_at = ChallengeStatus.PUBLISHED, utcnow() - timedelta(days=20)
    challenge.questions_close_at = challenge.submissions_close_at = utcnow() - timedelta(minutes=1)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    make.declaration(seat=seat, proposal=proposal)
    commit()
    login(client, seat.user)
    read_in(client, locale)
    page = client.get(f"/panel/{seat.id}/proposals/{proposal.id}").get_data(as_text=True)
    assert anchor in page and "5 – " in page and foreign not in page
    assert ("Feasibility" in page) == (locale == "en") and ("Haalbaarheid" in page) == (locale == "nl")


def test_a_renamed_criterion_is_shown_as_typed_and_marked_with_the_challenges_language(client, make):
    officer, challenge = dutch_challenge(make)
    services.set_criteria(challenge=challenge, user=officer, rows=[
        {"name": "Haalbaarheid", "description": "Is een pilot mogelijk binnen de tijd en het budget, met de data "
                                                "en systemen die we hebben?", "weight": 50},
        {"name": "Duurzaamheid", "description": "Minder CO₂ en minder afval.", "weight": 30},
        {"name": "impact ", "description": "Wat merken bewoners ervan?", "weight": 20},
    ])
    commit()
    assert [c.key for c in challenge.criteria] == ["feasibility", None, "impact"]
    with force_locale("en"):
        shown = [(c.display_name, c.name_language, c.description_language) for c in challenge.criteria]
    assert shown == [("Feasibility", None, None), ("Duurzaamheid", "nl", "nl"), ("Impact", None, "nl")]
    login(client, officer)
    page = read_in(client, "en").get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert '<span lang="nl">Duurzaamheid</span>' in page and "<span>Feasibility</span>" in page
    page = read_in(client, "nl").get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert "<span>Duurzaamheid</span>" in page and "<span>Haalbaarheid</span>" in page


def test_the_criteria_editor_offers_the_defaults_in_the_officers_language_and_keeps_their_keys(client, make):
    _dutch_officer, challenge = dutch_challenge(make)
    english_officer = make.officer(challenge.organisation)
    commit()
    login(client, english_officer)
    read_in(client, "en")
    page = client.get(f"/challenges/{challenge.id}/criteria").get_data(as_text=True)
    assert 'value="Feasibility"' in page and "Haalbaarheid" not in page
    rows = {f"rows-{i}-{field}": value for i, (name, weight) in enumerate(zip(ENGLISH_NAMES, [30, 25, 15, 15, 15],
                                                                             strict=True))
            for field, value in (("name", name), ("weight", str(weight)), ("description", ""))}
    rows["rows-4-name"] = "Price"
    assert client.post(f"/challenges/{challenge.id}/criteria", data=rows).status_code == 302
    db.session.refresh(challenge)
    assert [c.key for c in challenge.criteria] == ["impact", "feasibility", "innovation", "team", None]
    assert [c.name for c in challenge.criteria][-1] == "Price"


def test_exports_keep_the_stored_names_and_the_api_gives_the_key(client, make):
    _officer, challenge = dutch_challenge(make)
    challenge.status, challenge.published_at = ChallengeStatus.PUBLISHED, utcnow() - timedelta(days=20)
    challenge.questions_close_at = challenge.submissions_close_at = utcnow() - timedelta(minutes=1)
    proposal = make.proposal(challenge=challenge)
    make.review(seat=make.seat(challenge=challenge), proposal=proposal, values=[3, 3, 3, 3, 3])
    english_officer = make.officer(challenge.organisation)
    commit()
    login(client, english_officer)
    read_in(client, "en")
    rows = list(csv.DictReader(io.StringIO(client.get(f"/challenges/{challenge.id}/evaluation.csv")
                                           .get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["criterion"] for r in rows if r["record"] == "score"] == DUTCH_NAMES
    criteria = client.get(f"/api/v1/challenges/{challenge.slug}").get_json()["criteria"]
    assert [(c["name"], c["key"]) for c in criteria] == list(zip(DUTCH_NAMES, KEYS, strict=True))


def test_custom_anchors_are_kept_and_other_scales_have_none(make):
    challenge = make.challenge()
    custom = Criterion(challenge=challenge, name="Eigen", weight=0, position=9, scale_min=1, scale_max=3,
                       anchors=["laag", "midden", "hoog"])
    wide = Criterion(challenge=challenge, name="Breed", weight=0, position=10, scale_min=0, scale_max=10)
    with force_locale("en"):
        assert custom.anchor_labels == ["laag", "midden", "hoog"]
        assert wide.anchor_labels == []


# --- the migration -------------------------------------------------------------------------------

def test_migration_0009_backfills_keys_anchors_and_the_challenges_language(tmp_path):
    """Existing rows get a key when their name is a default name in Dutch or English, default anchors
    are emptied, and a challenge takes the first of its languages (on a database of the suite's kind)."""
    from alembic.script import ScriptDirectory
    from flask_migrate import downgrade, upgrade

    from matchmaker import PROJECT_ROOT, create_app

    from ..factories import Factory

    before = ScriptDirectory(str(PROJECT_ROOT / "migrations")).get_revision("0009").down_revision
    settings, drop = private_database(tmp_path)
    other = create_app({"TESTING": True, "SECRET_KEY": "x", "MAIL_BACKEND": "memory", "RATELIMIT_ENABLED": False,
                        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", **settings})
    try:
        with other.app_context():
            upgrade()
            factory = Factory()
            english_first = factory.challenge(languages=["en", "nl"]).id
            dutch_first = factory.challenge(languages=["nl"]).id
            user = factory.user(locale="en").id
            db.session.commit()
            downgrade(revision=before)
            criteria = sa.table("criteria", sa.column("challenge_id"), sa.column("name"), sa.column("description"),
                                sa.column("weight"), sa.column("position"), sa.column("scale_min"),
                                sa.column("scale_max"), sa.column("anchors", sa.JSON))
            dutch = ["Onvoldoende", "Zwak", "Voldoende", "Goed", "Uitstekend"]
            with db.engine.begin() as connection:
                connection.execute(sa.delete(criteria))
                connection.execute(criteria.insert(), [
                    {"challenge_id": dutch_first, "name": "Haalbaarheid", "description": "", "weight": 50,
                     "position": 0, "scale_min": 1, "scale_max": 5, "anchors": dutch},
                    {"challenge_id": dutch_first, "name": "Duurzaamheid", "description": "", "weight": 30,
                     "position": 1, "scale_min": 1, "scale_max": 5, "anchors": ["nee", "matig", "ok", "ja", "top"]},
                    {"challenge_id": english_first, "name": "Value for money", "description": "", "weight": 20,
                     "position": 0, "scale_min": 1, "scale_max": 5,
                     "anchors": ["Insufficient", "Weak", "Adequate", "Good", "Excellent"]},
                ])
            upgrade()
            db.session.expire_all()
            rows = {(c.challenge_id, c.name): (c.key, c.anchors) for c in db.session.scalars(sa.select(Criterion))}
            assert rows == {(dutch_first, "Haalbaarheid"): ("feasibility", []),
                            (dutch_first, "Duurzaamheid"): (None, ["nee", "matig", "ok", "ja", "top"]),
                            (english_first, "Value for money"): ("value", [])}
            assert db.session.get(Challenge, english_first).language == "en"
            assert db.session.get(Challenge, dutch_first).language == "nl"
            from matchmaker.accounts.models import User

            assert db.session.get(User, user).locale_chosen is False
            db.session.remove()
            downgrade(revision=before)  # and back down, without losing the rows
            with db.engine.connect() as connection:
                assert connection.execute(sa.text("SELECT count(*) FROM criteria")).scalar() == 3
                assert connection.execute(sa.text("SELECT count(*) FROM users")).scalar() == 1
            upgrade()
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
        drop()
