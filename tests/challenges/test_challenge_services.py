from datetime import timedelta

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.challenges import services
from matchmaker.challenges.models import Challenge, DeadlineExtension
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus
from matchmaker.errors import InvalidState, NotAllowed, ValidationFailed
from matchmaker.extensions import db


def draft_data(**overrides):
    now = utcnow()
    data = {
        "title": "Slimmere afvalinzameling", "summary": "Afval blijft te lang liggen.",
        "problem": "Zakken op straat.", "desired_outcome": "Schone straten.", "themes": ["waste"],
        "budget_min_cents": 1_000_000, "budget_max_cents": 4_000_000, "pilot_weeks": 16,
        "questions_close_at": now + timedelta(days=10), "submissions_close_at": now + timedelta(days=20),
    }
    data.update(overrides)
    return data


def test_create_challenge_starts_as_draft_with_default_rubric(make):
    officer = make.officer()
    municipality = officer.memberships[0].organisation
    challenge = services.create_challenge(organisation=municipality, user=officer, data=draft_data())
    assert challenge.status == ChallengeStatus.DRAFT
    assert challenge.pilot_weeks == 16
    assert [(c.name, c.weight) for c in challenge.criteria] == [
        ("Impact", 30), ("Feasibility", 25), ("Innovation", 15), ("Team", 15), ("Value for money", 15)]
    assert [c.key for c in challenge.criteria] == ["impact", "feasibility", "innovation", "team", "value"]
    assert challenge.criteria[0].anchors == []  # default anchors are stored empty and shown translated
    assert challenge.criteria[0].anchor_labels == ["Insufficient", "Weak", "Adequate", "Good", "Excellent"]
    assert challenge.slug == "slimmere-afvalinzameling"


def test_default_rubric_follows_the_officers_language(make):
    officer = make.officer(locale="nl")
    challenge = services.create_challenge(organisation=officer.memberships[0].organisation, user=officer,
                                          data=draft_data())
    assert [c.name for c in challenge.criteria] == [
        "Impact", "Haalbaarheid", "Innovatie", "Team", "Prijs-kwaliteitverhouding"]


def test_startup_member_cannot_create_challenge(make):
    user = make.startup_member()
    with pytest.raises(NotAllowed):
        services.create_challenge(organisation=user.memberships[0].organisation, user=user, data=draft_data())


def test_officer_cannot_create_for_another_municipality(make):
    officer = make.officer()
    other = make.municipality()
    with pytest.raises(NotAllowed):
        services.create_challenge(organisation=other, user=officer, data=draft_data())


def test_budget_minimum_above_maximum_is_refused(make):
    officer = make.officer()
    with pytest.raises(ValidationFailed, match="minimum budget is higher"):
        services.create_challenge(organisation=officer.memberships[0].organisation, user=officer,
                                  data=draft_data(budget_min_cents=5_000_000, budget_max_cents=100))


def test_question_deadline_after_submission_deadline_is_refused(make):
    officer = make.officer()
    now = utcnow()
    with pytest.raises(ValidationFailed, match="Questions must close before"):
        services.create_challenge(organisation=officer.memberships[0].organisation, user=officer, data=draft_data(
            questions_close_at=now + timedelta(days=30), submissions_close_at=now + timedelta(days=20)))


def test_criteria_weights_must_add_up_to_100(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT)
    with pytest.raises(ValidationFailed, match="add up to 90"):
        services.set_criteria(challenge=challenge, user=officer, rows=[
            {"name": "Impact", "weight": 60}, {"name": "Price", "weight": 30}])
    services.set_criteria(challenge=challenge, user=officer, rows=[
        {"name": "Impact", "weight": 70, "description": "d"}, {"name": "Price", "weight": 30}, {"name": "", "weight": 5}])
    assert [(c.name, c.weight, c.position) for c in challenge.criteria] == [("Impact", 70, 0), ("Price", 30, 1)]


def test_criteria_need_distinct_names_and_at_least_one_row(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT)
    with pytest.raises(ValidationFailed, match="own name"):
        services.set_criteria(challenge=challenge, user=officer, rows=[
            {"name": "Impact", "weight": 50}, {"name": "impact", "weight": 50}])
    with pytest.raises(ValidationFailed, match="at least one"):
        services.set_criteria(challenge=challenge, user=officer, rows=[{"name": " ", "weight": 100}])


def test_publish_requires_a_verified_municipality(make):
    municipality = make.municipality(verified=False)
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, status=ChallengeStatus.DRAFT)
    with pytest.raises(ValidationFailed, match="not verified"):
        services.publish_challenge(challenge=challenge, user=officer)
    assert challenge.status == ChallengeStatus.DRAFT


def test_publish_lists_what_is_missing(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT,
                               problem="", themes=(), budget_max_cents=None, budget_min_cents=None)
    problems = services.publication_problems(challenge)
    assert problems == ["Fill in the problem statement.", "Choose at least one theme.", "Give a budget range."]


def test_publish_refuses_a_deadline_in_the_past(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT,
                               days_open=-1)
    with pytest.raises(ValidationFailed, match="submission deadline has passed"):
        services.publish_challenge(challenge=challenge, user=officer)


def test_publish_freezes_criteria_and_fields_and_is_logged(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DRAFT)
    services.publish_challenge(challenge=challenge, user=officer)
    assert challenge.status == ChallengeStatus.PUBLISHED and challenge.published_at is not None
    services.publish_challenge(challenge=challenge, user=officer)  # a second click changes nothing
    with pytest.raises(InvalidState):
        services.set_criteria(challenge=challenge, user=officer, rows=[{"name": "Only", "weight": 100}])
    with pytest.raises(InvalidState):
        services.update_challenge(challenge=challenge, user=officer, data={"title": "Changed"})
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == challenge.id)).all()
    assert actions.count("challenge.published") == 1


def test_challenge_closes_by_itself_at_the_deadline(make):
    challenge = make.challenge(days_open=-0.01)
    assert challenge.status == ChallengeStatus.PUBLISHED
    assert challenge.current_status == ChallengeStatus.CLOSED
    assert not challenge.is_open


def test_close_due_challenges_records_and_tells_officers(make, outbox):
    officer = make.officer()
    due = make.challenge(organisation=officer.memberships[0].organisation, days_open=-0.01)
    still_open = make.challenge(organisation=officer.memberships[0].organisation, days_open=2)
    closed = services.close_due_challenges()
    commit()
    assert [c.id for c in closed] == [due.id]
    assert due.status == ChallengeStatus.CLOSED and due.closed_at == due.submissions_close_at
    assert still_open.status == ChallengeStatus.PUBLISHED
    assert [m.template for m in outbox(officer.email)] == ["challenge_closed"]
    assert services.close_due_challenges() == []


def test_extend_deadline_is_logged_and_announced(make, outbox):
    officer = make.officer()
    follower = make.user()
    challenge = make.challenge(organisation=officer.memberships[0].organisation)
    services.toggle_saved(challenge=challenge, user=follower)
    old = challenge.submissions_close_at
    new = old + timedelta(days=7)
    services.extend_deadline(challenge=challenge, user=officer, new_close_at=new, reason="More time for startups.")
    commit()
    assert challenge.submissions_close_at == new
    extension = db.session.scalar(select(DeadlineExtension))
    assert (extension.old_close_at, extension.new_close_at) == (old, new)
    assert [m.template for m in outbox(follower.email)] == ["deadline_extended"]


def test_deadline_can_only_move_later(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation)
    with pytest.raises(ValidationFailed, match="later than the current"):
        services.extend_deadline(challenge=challenge, user=officer,
                                 new_close_at=challenge.submissions_close_at - timedelta(hours=1), reason="x")


def test_deadline_of_a_closed_challenge_cannot_be_extended(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, days_open=-1)
    with pytest.raises(InvalidState):
        services.extend_deadline(challenge=challenge, user=officer, new_close_at=utcnow() + timedelta(days=3),
                                 reason="Reopen")


def test_cancel_needs_a_reason_and_tells_followers(make, outbox):
    officer = make.officer()
    follower = make.user()
    challenge = make.challenge(organisation=officer.memberships[0].organisation)
    services.toggle_saved(challenge=challenge, user=follower)
    with pytest.raises(ValidationFailed):
        services.cancel_challenge(challenge=challenge, user=officer, reason="no")
    services.cancel_challenge(challenge=challenge, user=officer, reason="Het budget is anders bestemd.")
    commit()
    assert challenge.status == ChallengeStatus.CANCELLED and challenge.cancelled_at is not None
    assert [m.template for m in outbox(follower.email)] == ["challenge_cancelled"]


def test_decided_challenge_cannot_be_cancelled(make):
    officer = make.officer()
    challenge = make.challenge(organisation=officer.memberships[0].organisation, status=ChallengeStatus.DECIDED,
                               days_open=-30)
    with pytest.raises(InvalidState):
        services.cancel_challenge(challenge=challenge, user=officer, reason="Too late to cancel this.")


def test_database_refuses_a_published_challenge_without_deadlines(make):
    from sqlalchemy.exc import IntegrityError

    challenge = make.challenge()
    challenge.submissions_close_at = None
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_database_refuses_inverted_budget(make):
    from sqlalchemy.exc import IntegrityError

    challenge = make.challenge()
    challenge.budget_min_cents, challenge.budget_max_cents = 10, 5
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_search_hides_drafts_and_cancelled_and_filters(make):
    utrecht = make.municipality(name="Gemeente Utrecht")
    zwolle = make.municipality(name="Gemeente Zwolle")
    waste = make.challenge(organisation=utrecht, title="Afval in de binnenstad", themes=("waste",),
                           days_open=5)
    mobility = make.challenge(organisation=zwolle, title="Parkeren in wijken", themes=("mobility",),
                              days_open=10)
    closed = make.challenge(organisation=zwolle, title="Hitte in wijken", themes=("climate",), days_open=-2)
    make.challenge(organisation=utrecht, title="Geheim concept", status=ChallengeStatus.DRAFT)
    make.challenge(organisation=utrecht, title="Afgeblazen", status=ChallengeStatus.CANCELLED)

    def ids(**kw):
        return [c.id for c in db.session.scalars(services.search_public(**kw))]

    assert ids() == [waste.id, mobility.id, closed.id]  # open first, soonest deadline on top
    assert ids(theme="mobility") == [mobility.id]
    assert ids(municipality=utrecht.slug) == [waste.id]
    assert set(ids(open_now=True)) == {waste.id, mobility.id}
    assert ids(text="WIJKEN parkeren") == [mobility.id]


def test_find_challenge_by_id_or_slug(make):
    challenge = make.challenge(slug="slimme-afvalinzameling")
    assert services.find_challenge(str(challenge.id)) is challenge
    assert services.find_challenge("slimme-afvalinzameling") is challenge
    assert services.find_challenge("nope") is None


def test_slug_never_collides_with_routes_or_ids(make):
    officer = make.officer()
    org = officer.memberships[0].organisation
    first = services.create_challenge(organisation=org, user=officer, data=draft_data(title="New"))
    second = services.create_challenge(organisation=org, user=officer, data=draft_data(title="2027"))
    third = services.create_challenge(organisation=org, user=officer, data=draft_data(title="New"))
    assert (first.slug, second.slug, third.slug) == ("n-new", "n-2027", "n-new-2")
    assert db.session.scalar(select(Challenge).where(Challenge.slug == "new")) is None
