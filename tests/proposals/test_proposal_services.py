from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from matchmaker.audit.models import AuditEvent
from matchmaker.database import commit
from matchmaker.db_types import utcnow
from matchmaker.enums import ChallengeStatus, ProposalStatus
from matchmaker.errors import InvalidState, NotAllowed
from matchmaker.extensions import db
from matchmaker.proposals import services
from matchmaker.proposals.models import Proposal, ProposalVersion

COMPLETE = {
    "summary": "Sensoren in containers.", "understanding": "Zakken staan te lang.", "solution": "Een pilot.",
    "team": "Drie mensen.", "price_cents": 3_000_000, "duration_weeks": 12, "language": "nl",
}


@pytest.fixture
def setup(make):
    startup = make.startup(founded_year=2022, size_fte=5)
    member = make.startup_member(startup)
    colleague = make.startup_member(startup)
    challenge = make.challenge(budget_min_cents=1_000_000, budget_max_cents=4_000_000, languages=["nl", "en"])
    return startup, member, colleague, challenge


def test_start_creates_one_draft_per_startup(setup):
    startup, member, colleague, challenge = setup
    first = services.start_proposal(challenge=challenge, startup=startup, user=member)
    second = services.start_proposal(challenge=challenge, startup=startup, user=colleague)
    assert first.id == second.id and first.status == ProposalStatus.DRAFT


def test_database_allows_one_proposal_per_startup_and_challenge(setup):
    startup, member, _colleague, challenge = setup
    services.start_proposal(challenge=challenge, startup=startup, user=member)
    db.session.add(Proposal(challenge_id=challenge.id, startup_id=startup.id))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize("status", [ChallengeStatus.DRAFT, ChallengeStatus.CANCELLED])
def test_cannot_start_on_a_challenge_that_is_not_open(make, status):
    startup = make.startup()
    member = make.startup_member(startup)
    challenge = make.challenge(status=status)
    with pytest.raises(InvalidState):
        services.start_proposal(challenge=challenge, startup=startup, user=member)


def test_cannot_start_after_the_deadline(make):
    startup = make.startup()
    member = make.startup_member(startup)
    with pytest.raises(InvalidState):
        services.start_proposal(challenge=make.challenge(days_open=-1), startup=startup, user=member)


def test_cannot_start_for_a_startup_you_are_not_in(setup, make):
    _startup, member, _colleague, challenge = setup
    with pytest.raises(NotAllowed):
        services.start_proposal(challenge=challenge, startup=make.startup(), user=member)


def test_half_filled_draft_can_be_saved(setup):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    services.save_proposal(proposal=proposal, user=member, data={"summary": "Half af"},
                           expected_version=proposal.lock_version)
    assert proposal.summary == "Half af" and proposal.status == ProposalStatus.DRAFT


def test_submit_requires_every_field_and_keeps_the_text(setup):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    outcome = services.submit_proposal(proposal=proposal, user=member, data={"summary": "Alleen dit"},
                                       expected_version=proposal.lock_version)
    assert not outcome.submitted and outcome.version is None
    assert [field for field, _m in outcome.problems] == ["understanding", "solution", "team", "price_cents"]
    assert proposal.summary == "Alleen dit" and proposal.status == ProposalStatus.DRAFT
    assert proposal.versions == []


def test_submit_makes_version_reference_and_receipts(setup, outbox):
    startup, member, colleague, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    version = services.submit_proposal(proposal=proposal, user=member, data=COMPLETE,
                                       expected_version=proposal.lock_version).version
    commit()
    assert version.number == 1 and proposal.status == ProposalStatus.SUBMITTED
    assert proposal.reference == f"MM-{utcnow().year}-{proposal.id:06d}"
    assert version.content() == proposal.content()
    assert [m.template for m in outbox(member.email)] == ["proposal_receipt"]
    assert [m.template for m in outbox(colleague.email)] == ["proposal_receipt"]
    assert proposal.reference in outbox(colleague.email)[0].body


def test_edit_after_submit_makes_a_new_version_and_keeps_the_old(setup):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    services.submit_proposal(proposal=proposal, user=member, data=COMPLETE, expected_version=proposal.lock_version)
    services.save_proposal(proposal=proposal, user=member, data={"summary": "Beter"},
                           expected_version=proposal.lock_version)
    assert proposal.status == ProposalStatus.SUBMITTED and proposal.has_unsubmitted_changes
    assert services.version_that_counts(proposal).summary == COMPLETE["summary"]
    second = services.submit_proposal(proposal=proposal, user=member, data={},
                                      expected_version=proposal.lock_version).version
    assert second.number == 2 and proposal.submitted_version == 2
    assert [v.summary for v in proposal.versions] == [COMPLETE["summary"], "Beter"]
    assert services.version_that_counts(proposal).summary == "Beter"


def test_double_submit_makes_one_version_and_one_receipt(setup, outbox):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    opened_at = proposal.lock_version
    first = services.submit_proposal(proposal=proposal, user=member, data=COMPLETE, expected_version=opened_at)
    again = services.submit_proposal(proposal=proposal, user=member, data=COMPLETE, expected_version=opened_at)
    commit()
    assert again.replay and first.version.id == again.version.id
    assert db.session.scalar(select(func.count(ProposalVersion.id))) == 1
    assert len(outbox(member.email)) == 1


def test_stale_form_with_other_content_is_refused(setup):
    startup, member, colleague, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    opened_at = proposal.lock_version
    services.save_proposal(proposal=proposal, user=colleague, data={"summary": "Versie van collega"},
                           expected_version=opened_at)
    with pytest.raises(services.StaleForm):
        services.save_proposal(proposal=proposal, user=member, data={"summary": "Mijn versie"},
                               expected_version=opened_at)
    assert proposal.summary == "Versie van collega"


def test_withdraw_and_resubmit(setup, outbox):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    services.submit_proposal(proposal=proposal, user=member, data=COMPLETE, expected_version=proposal.lock_version)
    services.withdraw_proposal(proposal=proposal, user=member)
    assert proposal.status == ProposalStatus.WITHDRAWN and proposal.withdrawn_at is not None
    services.withdraw_proposal(proposal=proposal, user=member)  # harmless twice
    version = services.submit_proposal(proposal=proposal, user=member, data={},
                                       expected_version=proposal.lock_version).version
    assert version.number == 2 and proposal.status == ProposalStatus.SUBMITTED
    assert proposal.withdrawn_at is None
    commit()
    assert [m.template for m in outbox(member.email)] == ["proposal_receipt", "proposal_withdrawn", "proposal_receipt"]


def test_withdraw_after_deadline_is_refused(make):
    startup = make.startup()
    member = make.startup_member(startup)
    proposal = make.proposal(challenge=make.challenge(days_open=-1), startup=startup)
    with pytest.raises(InvalidState, match="no longer be withdrawn"):
        services.withdraw_proposal(proposal=proposal, user=member)


def test_submit_after_deadline_is_refused(make):
    startup = make.startup()
    member = make.startup_member(startup)
    proposal = make.proposal(challenge=make.challenge(days_open=-0.001), startup=startup,
                             status=ProposalStatus.DRAFT)
    with pytest.raises(InvalidState, match="deadline for this challenge has passed"):
        services.submit_proposal(proposal=proposal, user=member, data=COMPLETE,
                                 expected_version=proposal.lock_version)
    assert proposal.versions == []


def test_price_outside_range_needs_justification(setup):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    outcome = services.submit_proposal(proposal=proposal, user=member, data={**COMPLETE, "price_cents": 9_000_000},
                                       expected_version=proposal.lock_version)
    assert [f for f, _m in outcome.problems] == ["price_justification"]
    version = services.submit_proposal(
        proposal=proposal, user=member, expected_version=proposal.lock_version,
        data={**COMPLETE, "price_cents": 9_000_000, "price_justification": "Inclusief hardware voor 40 containers."}
    ).version
    assert version.price_cents == 9_000_000


def test_language_must_be_accepted(make):
    startup = make.startup()
    member = make.startup_member(startup)
    challenge = make.challenge(languages=["nl"])
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    outcome = services.submit_proposal(proposal=proposal, user=member, data={**COMPLETE, "language": "en"},
                                       expected_version=proposal.lock_version)
    assert outcome.problems == [("language", "This challenge does not accept proposals in that language.")]
    assert proposal.status == ProposalStatus.DRAFT


@pytest.mark.parametrize(("profile", "limits", "message"), [
    ({"founded_year": 2000, "size_fte": 5}, {"max_age_years": 5}, "up to 5 years old"),
    ({"founded_year": None, "size_fte": 5}, {"max_age_years": 5}, "add your founding year"),
    ({"founded_year": 2024, "size_fte": 80}, {"max_fte": 50}, "has 80"),
    ({"founded_year": 2024, "size_fte": None}, {"max_fte": 50}, "add your team size"),
])
def test_eligibility_is_checked_from_the_profile(make, profile, limits, message):
    startup = make.startup(**profile)
    member = make.startup_member(startup)
    challenge = make.challenge(**limits)
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    outcome = services.submit_proposal(proposal=proposal, user=member, data=COMPLETE,
                                       expected_version=proposal.lock_version)
    assert len(outcome.problems) == 1 and message in outcome.problems[0][1]
    assert outcome.version is None and proposal.status == ProposalStatus.DRAFT


def test_eligible_startup_within_limits_submits(make):
    startup = make.startup(founded_year=utcnow().year - 3, size_fte=10)
    member = make.startup_member(startup)
    challenge = make.challenge(max_age_years=5, max_fte=10)
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    assert services.submit_proposal(proposal=proposal, user=member, data=COMPLETE,
                                    expected_version=proposal.lock_version).version.number == 1


def test_reminder_48_hours_before_deadline_once(make, outbox):
    startup = make.startup()
    member = make.startup_member(startup)
    soon = make.challenge(days_open=1.5)
    later = make.challenge(days_open=5)
    make.proposal(challenge=soon, startup=startup, status=ProposalStatus.DRAFT)
    make.proposal(challenge=later, startup=startup, status=ProposalStatus.DRAFT)
    make.proposal(challenge=make.challenge(days_open=1), startup=make.startup(), status=ProposalStatus.SUBMITTED)
    assert services.send_deadline_reminders() == 1
    assert services.send_deadline_reminders() == 0
    commit()
    assert [m.template for m in outbox(member.email)] == ["proposal_reminder"]


def test_sealed_until_closing_then_only_submitted_ones(make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    submitted = make.proposal(challenge=challenge)
    make.proposal(challenge=challenge, status=ProposalStatus.DRAFT)
    make.proposal(challenge=challenge, status=ProposalStatus.WITHDRAWN)
    assert services.count_submitted(challenge) == 1
    with pytest.raises(NotAllowed):
        services.proposals_after_closing(challenge, officer)
    challenge.submissions_close_at = utcnow() - timedelta(minutes=1)
    challenge.questions_close_at = challenge.submissions_close_at
    assert [p.id for p in services.proposals_after_closing(challenge, officer)] == [submitted.id]


def test_changes_to_the_challenge_reach_applicants(make, outbox):
    from matchmaker.challenges.services import extend_deadline

    municipality = make.municipality()
    officer = make.officer(municipality)
    startup = make.startup()
    member = make.startup_member(startup)
    challenge = make.challenge(organisation=municipality)
    make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    extend_deadline(challenge=challenge, user=officer, new_close_at=challenge.submissions_close_at + timedelta(days=3),
                    reason="Meer tijd voor iedereen")
    commit()
    assert [m.template for m in outbox(member.email)] == ["deadline_extended"]


def test_audit_trail_of_submit_and_withdraw(setup):
    startup, member, _c, challenge = setup
    proposal = services.start_proposal(challenge=challenge, startup=startup, user=member)
    services.submit_proposal(proposal=proposal, user=member, data=COMPLETE, expected_version=proposal.lock_version)
    services.withdraw_proposal(proposal=proposal, user=member)
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.subject_type == "proposals").order_by(AuditEvent.id)).all()
    assert actions == ["proposal.started", "proposal.submitted", "proposal.withdrawn"]
