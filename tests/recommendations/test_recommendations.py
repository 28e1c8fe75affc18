from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.extensions import db
from matchmaker.organisations.services import update_organisation
from matchmaker.recommendations import digest, invitations, live, services
from matchmaker.recommendations.models import ApplyInvitation

from ..conftest import app_like, login
from .pages import why_sentence


@pytest.fixture(autouse=True)
def sync_at_once(monkeypatch):
    monkeypatch.setattr(live, "SYNC_SECONDS", 0.0)


@pytest.fixture
def market(make):
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, title="Slimmere afvalinzameling in de binnenstad",
                               summary="Afvalzakken staan te lang op straat.", keywords=["vulgraadsensoren"],
                               problem="Inzamelwagens rijden half leeg.", desired_outcome="Minder ritten.")
    fits = make.startup(name="Containerwijs", description="Vulgraadsensoren voor ondergrondse containers en "
                        "slimme routes voor afvalinzameling.", capabilities=["sensoren", "routeoptimalisatie"],
                        sectors=["waste"])
    parking = make.startup(name="Parkeerlicht", description="Parkeersensoren en data over parkeerdruk.",
                           capabilities=["parkeersensoren"], sectors=["mobility"])
    unrelated = make.startup(name="Restbrood", description="Brood van gisteren wordt bier.", capabilities=["voedsel"])
    owners = {org.id: make.startup_member(org) for org in (fits, parking, unrelated)}
    return {"municipality": municipality, "officer": officer, "challenge": challenge, "fits": fits,
            "parking": parking, "unrelated": unrelated, "owners": owners}


def test_startups_that_fit_are_ranked_with_explanations(market):
    matches = services.startups_for_challenge(market["challenge"])
    assert [m.item.id for m in matches] == [market["fits"].id]  # nobody else shares a word with it
    assert 0 < matches[0].score <= 100
    matched = {(w["query"], w["matched"], w["field"]) for w in matches[0].why}
    assert {("vulgraadsensoren", "vulgraadsensoren", "text"), ("afval", "afval", "tags"),
            ("afvalinzameling", "afvalinzameling", "text")} <= matched


def test_profile_changes_reach_the_ranking_without_a_rebuild(market):
    before = [m.item.id for m in services.startups_for_challenge(market["challenge"])]
    assert market["unrelated"].id not in before
    update_organisation(organisation=market["unrelated"], user=market["owners"][market["unrelated"].id],
                        data={"description": "Wij doen nu afvalinzameling met vulgraadsensoren."})
    commit()
    after = [m.item.id for m in services.startups_for_challenge(market["challenge"])]
    assert market["unrelated"].id in after


def test_another_process_sees_the_change_too(app, market):
    """Two app instances stand for two gunicorn workers with their own index on one database."""

    challenge_id = market["challenge"].id
    commit()
    other = app_like(app)

    def ranked_elsewhere():
        with other.app_context():
            from matchmaker.challenges.models import Challenge

            ids = [m.item.id for m in services.startups_for_challenge(db.session.get(Challenge, challenge_id))]
            db.session.remove()
            return ids

    assert market["unrelated"].id not in ranked_elsewhere()
    market["unrelated"].description = "Afvalinzameling met vulgraadsensoren."
    market["unrelated"].updated_at = utcnow()
    commit()
    assert market["unrelated"].id in ranked_elsewhere()


def test_challenges_for_a_startup_are_only_open_ones(market, make):
    closed = make.challenge(organisation=market["municipality"], title="Afvalinzameling met sensoren (gesloten)",
                            days_open=-1)
    draft = make.challenge(organisation=market["municipality"], title="Afvalinzameling concept",
                           status=ChallengeStatus.DRAFT)
    ids = [m.item.id for m in services.challenges_for_startup(market["fits"])]
    assert ids[0] == market["challenge"].id
    assert closed.id not in ids and draft.id not in ids


def test_similar_challenges_come_from_other_municipalities(market, make):
    elsewhere = make.challenge(organisation=make.municipality(), title="Afvalinzameling in smalle straten",
                               days_open=-30, status=ChallengeStatus.DECIDED)
    own = make.challenge(organisation=market["municipality"], title="Afvalinzameling bij scholen")
    ids = [m.item.id for m in services.similar_challenges(market["challenge"])]
    assert ids == [elsewhere.id] and own.id not in ids


def test_officer_page_lists_fitting_startups_and_invites_once(client, market, outbox):
    challenge, fits = market["challenge"], market["fits"]
    owner = market["owners"][fits.id]
    login(client, market["officer"])
    page = client.get(f"/challenges/{challenge.id}/fit").get_data(as_text=True)
    assert "Containerwijs" in page and "Restbrood" not in page
    assert "vulgraadsensoren" in why_sentence(page, f"s{fits.id}") and "Invite to apply" in page
    assert client.post(f"/challenges/{challenge.id}/fit/{fits.id}/invite").status_code == 302
    client.post(f"/challenges/{challenge.id}/fit/{fits.id}/invite")
    assert len(db.session.scalars(select(ApplyInvitation)).all()) == 1
    assert [m.template for m in outbox(owner.email)] == ["invited_to_apply"]
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "challenge.startup_invited"))
    manage = client.get(f"/challenges/{challenge.id}/manage").get_data(as_text=True)
    assert "Invited to apply" in manage and "Containerwijs" in manage


def test_invitations_only_while_open(market, make):
    closed = make.challenge(organisation=market["municipality"], days_open=-1)
    from matchmaker.errors import InvalidState

    with pytest.raises(InvalidState):
        invitations.invite_to_apply(challenge=closed, startup=market["fits"], user=market["officer"])


def test_startup_dashboard_shows_challenges_for_you(client, market):
    login(client, market["owners"][market["fits"].id])
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Challenges for Containerwijs" in page and market["challenge"].title in page


def test_proposal_fit_is_shown_beside_the_panels_scores(client, market, make):
    challenge = make.challenge(organisation=market["municipality"], title="Afvalinzameling slimmer", days_open=-1)
    good = make.proposal(challenge=challenge, summary="Afvalinzameling met vulgraadsensoren.")
    weak = make.proposal(challenge=challenge, summary="Een app voor de bibliotheek.", understanding="Boeken.",
                         solution="Een app.", team="Wij.")
    fit = services.proposal_fit_scores(challenge)
    assert fit[good.id] > fit.get(weak.id, 0)
    login(client, market["officer"])
    page = client.get(f"/challenges/{challenge.id}/evaluation").get_data(as_text=True)
    assert f"{fit[good.id]:.0f}" in page


def test_digest_goes_to_opted_in_members_once_a_day(market, make, outbox):
    member = market["owners"][market["fits"].id]
    quiet = make.startup_member(market["fits"])
    member.match_digest = True
    assert digest.send_digests() == 1
    commit()
    mails = outbox(member.email)
    assert [m.template for m in mails] == ["match_digest"] and market["challenge"].title in mails[0].body
    assert outbox(quiet.email) == []
    assert digest.send_digests() == 0  # not again the same day
    assert digest.send_digests(now=utcnow() + timedelta(days=2)) == 0  # nothing new since


def test_background_build_runs_in_another_process_and_answers_none_until_ready(app, market, monkeypatch):
    """The real production path: a separate process builds from the database and writes a snapshot."""
    import shutil
    from pathlib import Path

    monkeypatch.setattr(live, "SMALL_INDEX", 1)  # treat the test database as a large one

    shutil.rmtree(Path(app.instance_path) / "match-index", ignore_errors=True)
    commit()
    holder = live.LiveIndex("challenges", *services.loaders("challenges"))
    assert holder.get(app, background=True, wait=0) is None  # not ready at once: the request is not held up
    index = holder.get(app, background=True, wait=120)
    assert index is not None and str(market["challenge"].id) in index
    assert (Path(app.instance_path) / "match-index" / f"challenges-{live.ENGINE_FINGERPRINT}.pickle").exists()
    # a second process-local holder reuses the fresh snapshot instead of building again
    again = live.LiveIndex("challenges", *services.loaders("challenges"))
    assert str(market["challenge"].id) in again.get(app, background=True, wait=60)


def test_fit_page_shows_the_strong_head_and_the_rest_on_request(client, market, make):
    for n in range(4):  # several profiles sharing one plain word: a weak signal
        make.startup(name=f"Zwakke Match {n}", description=f"Fietsenstalling {n} in een straat.")
    login(client, market["officer"])
    head = client.get(f"/challenges/{market['challenge'].id}/fit").get_data(as_text=True)
    everything = client.get(f"/challenges/{market['challenge'].id}/fit?all=1").get_data(as_text=True)
    assert "Containerwijs" in head and "Zwakke Match" not in head and "more startup" in head
    assert "Zwakke Match" in everything


def test_strong_matches_keep_scores_of_at_least_a_share_of_the_best():
    matches = [services.Match(item=i, score=s, why=[]) for i, s in enumerate([50.0, 30.0, 20.0, 19.9, 5.0])]
    assert [m.item for m in services.strong_matches(matches)] == [0, 1, 2]
    assert services.strong_matches([]) == []


def test_only_one_worker_builds_at_a_time(tmp_path):
    target = tmp_path / "startups.pickle"
    first, second = live._build_lock(target), live._build_lock(target)
    with first as first_builds, second as second_builds:
        assert (first_builds, second_builds) == (True, False)
    assert not target.with_suffix(".building").exists()
    with live._build_lock(target) as builds_again:
        assert builds_again


def test_small_databases_build_at_once_even_in_the_background_mode(app, market):
    holder = live.LiveIndex("challenges", *services.loaders("challenges"))
    commit()
    index = holder.get(app, background=True, wait=0)
    assert index is not None and str(market["challenge"].id) in index and holder.builder is None
