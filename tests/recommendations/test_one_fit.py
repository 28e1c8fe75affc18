"""One fit, one number: a startup and a challenge show the same fit on the officer's "Startups that fit"
and on the startup's dashboard (and in its digest e-mail, and in the invitation's log), read from the
real pages as a person reads them."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from matchmaker.accounts.models import User
from matchmaker.challenges.models import Challenge
from matchmaker.database import commit
from matchmaker.enums import OrgKind
from matchmaker.extensions import db
from matchmaker.organisations.models import Membership, Organisation
from matchmaker.recommendations import digest, services

from ..conftest import login
from .pages import block, shown_fit, why_sentence
from .test_recommendations import market, sync_at_once  # noqa: F401 (fixtures)

FOR_YOU = re.compile(r'id="for-you-(\d+)-c(\d+)"')


def member_of(organisation: Organisation) -> User:
    return db.session.scalar(select(User).join(Membership, Membership.user_id == User.id)
                             .where(Membership.organisation_id == organisation.id).order_by(User.id))


def dashboard_fits(client, user) -> dict[tuple[int, int], tuple[int, str]]:
    """(startup id, challenge id) -> (fit, sentence) as the startup's "Challenges for ..." shows them."""
    login(client, user)
    page = client.get("/dashboard").get_data(as_text=True)
    shown = {}
    for found in FOR_YOU.finditer(page):
        startup_id, challenge_id = int(found.group(1)), int(found.group(2))
        item = block(page, f"for-you-{startup_id}-c{challenge_id}")
        shown[(startup_id, challenge_id)] = (shown_fit(item), why_sentence(item))
    return shown


def challenge_words(sentence: str) -> list[str]:
    """The challenge's words of a "Matches on: ..." sentence, without the asides and the "and N more"."""
    listed = re.sub(r"\s*\([^)]*\)", "", sentence.removeprefix("Matches on: "))
    return [word.strip() for word in re.sub(r" and \d+ more words?$", "", listed).split(",")]


def officer_fit(client, challenge: Challenge, startup_id: int) -> tuple[int, str]:
    """The fit and sentence of one startup on the challenge's "Startups that fit" (all of them)."""
    login(client, member_of(challenge.organisation))
    page = client.get(f"/challenges/{challenge.id}/fit?all=1").get_data(as_text=True)
    item = block(page, f"s{startup_id}")
    return shown_fit(item), why_sentence(item)


@pytest.fixture
def demo(app):
    from matchmaker.demo import load_demo_data

    assert load_demo_data() is True
    services.reset()
    return db.session.scalars(select(Organisation).where(Organisation.kind == OrgKind.STARTUP)
                              .order_by(Organisation.id)).all()


def test_the_officer_and_the_startup_see_the_same_fit_on_the_demo(client, demo):
    pairs = {}
    for startup in demo[:8]:
        pairs.update(dashboard_fits(client, member_of(startup)))
    assert len(pairs) >= 20 and len({s for s, _c in pairs}) == 8
    compared = 0
    for (startup_id, challenge_id), (fit, sentence) in pairs.items():
        challenge = db.session.get(Challenge, challenge_id)
        assert officer_fit(client, challenge, startup_id)[0] == fit, (startup_id, challenge.title)
        compared += 1
    assert compared == len(pairs)


def test_the_two_sides_read_the_same_words_from_their_own_side(client, demo):
    (startup_id, challenge_id), (fit, sentence) = next(iter(dashboard_fits(client, member_of(demo[0])).items()))
    officer_number, officer_sentence = officer_fit(client, db.session.get(Challenge, challenge_id), startup_id)
    assert officer_number == fit
    assert sentence.startswith("Matches on: ") and officer_sentence.startswith("Matches on: ")
    mine, theirs = challenge_words(sentence), challenge_words(officer_sentence)
    assert len(mine) == 3 and theirs[:3] == mine  # the dashboard shows three words, the fit page four
    assert "your profile" in sentence or "you wrote" in sentence or "(" not in sentence
    assert "your profile" not in officer_sentence


def test_challenges_for_you_are_ordered_by_the_fit_they_show(client, demo):
    for startup in demo[:8]:
        shown = [fit for (s, _c), (fit, _sentence) in dashboard_fits(client, member_of(startup)).items()
                 if s == startup.id]
        assert shown == sorted(shown, reverse=True), startup.name


def test_the_service_gives_each_recommended_pair_the_officers_number(market, make):  # noqa: F811 (fixture)
    make.challenge(organisation=market["municipality"], title="Sensoren voor ondergrondse containers",
                   summary="Vulgraad meten en routes plannen.", keywords=["routeoptimalisatie"])
    matches = services.challenges_for_startup(market["fits"])
    assert len(matches) == 2
    for match in matches:
        officer = {m.item.id: m for m in services.startups_for_challenge(match.item)}[market["fits"].id]
        assert services.shown_score(match.score) == services.fit_of_startup(match.item, market["fits"])
        assert match.score == officer.score and match.why == officer.why  # the same words, too
        assert match.picked_by is not None  # the profile picked it; the fit is what is shown


def test_the_digest_mail_shows_the_dashboards_number(client, market, outbox):  # noqa: F811 (fixture)
    member = market["owners"][market["fits"].id]
    member.match_digest = True
    commit()
    fit = services.fit_of_startup(market["challenge"], market["fits"])
    assert digest.send_digests() == 1
    commit()
    body = outbox(member.email)[0].body
    assert f"— fit {fit}" in body
    shown = dashboard_fits(client, member)
    assert shown[(market["fits"].id, market["challenge"].id)][0] == fit


def test_the_digest_mail_says_why_in_a_sentence(client, market, outbox):  # noqa: F811 (fixture)
    member = market["owners"][market["fits"].id]
    member.match_digest = True
    commit()
    assert digest.send_digests() == 1
    commit()
    body = outbox(member.email)[0].body
    line = next(text for text in body.splitlines() if "Matches on:" in text or "Komt overeen op:" in text)
    match = services.challenges_for_startup(market["fits"])[0]
    assert match.why and match.why[0]["query"] in line
    assert "<" not in line and "&" not in line  # plain text, not the page's markup
