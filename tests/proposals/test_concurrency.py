"""Two real sessions at the same moment, on PostgreSQL (SQLite serialises writers on its own)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from matchmaker.database import commit
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from matchmaker.proposals import services
from matchmaker.proposals.models import Proposal, ProposalVersion

pytestmark = pytest.mark.postgres_only

COMPLETE = {
    "summary": "Sensoren.", "understanding": "Te vol.", "solution": "Pilot.", "team": "Wij.",
    "price_cents": 2_000_000, "duration_weeks": 10, "language": "nl",
}


@pytest.fixture(autouse=True)
def postgres_only(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgresql+psycopg://...")


def run_together(app, *jobs):
    """Run each job in its own thread, app context and database session, released at once."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [None] * len(jobs), []

    def worker(index, job):
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                results[index] = job()
                commit()
            except Exception as exc:  # reported below
                errors.append(exc)
                db.session.rollback()
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_two_members_submitting_at_once_make_one_version_and_one_receipt(app, make):
    startup = make.startup()
    alice, bob = make.startup_member(startup), make.startup_member(startup)
    challenge = make.challenge()
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT, **COMPLETE)
    ids = (proposal.id, alice.id, bob.id, proposal.lock_version)
    commit()

    def submit(user_id):
        def job():
            from matchmaker.accounts.models import User

            own = db.session.get(Proposal, ids[0])
            user = db.session.get(User, user_id)
            return services.submit_proposal(proposal=own, user=user, data=COMPLETE, expected_version=ids[3]).number
        return job

    results, errors = run_together(app, submit(ids[1]), submit(ids[2]))
    assert errors == []
    assert results == [1, 1]
    db.session.rollback()
    assert db.session.scalar(select(func.count(ProposalVersion.id))) == 1
    receipts = db.session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.template == "proposal_receipt"))
    assert receipts == 2  # one receipt, sent to each of the two members


def test_two_members_starting_at_once_make_one_proposal(app, make):
    startup = make.startup()
    alice, bob = make.startup_member(startup), make.startup_member(startup)
    challenge = make.challenge()
    ids = (startup.id, challenge.id, alice.id, bob.id)
    commit()

    def start(user_id):
        def job():
            from matchmaker.accounts.models import User
            from matchmaker.challenges.models import Challenge
            from matchmaker.organisations.models import Organisation

            return services.start_proposal(
                challenge=db.session.get(Challenge, ids[1]), startup=db.session.get(Organisation, ids[0]),
                user=db.session.get(User, user_id)).id
        return job

    results, errors = run_together(app, start(ids[2]), start(ids[3]))
    assert errors == []
    assert results[0] == results[1]
    db.session.rollback()
    assert db.session.scalar(select(func.count(Proposal.id))) == 1


def test_two_members_saving_different_text_at_once_one_wins_one_is_told(app, make):
    startup = make.startup()
    alice, bob = make.startup_member(startup), make.startup_member(startup)
    proposal = make.proposal(challenge=make.challenge(), startup=startup, status=ProposalStatus.DRAFT)
    ids = (proposal.id, alice.id, bob.id, proposal.lock_version)
    commit()

    def save(user_id, text):
        def job():
            from matchmaker.accounts.models import User

            own = db.session.get(Proposal, ids[0])
            return services.save_proposal(proposal=own, user=db.session.get(User, user_id),
                                          data={"summary": text}, expected_version=ids[3]).summary
        return job

    results, errors = run_together(app, save(ids[1], "Tekst van Alice"), save(ids[2], "Tekst van Bob"))
    assert len(errors) == 1 and isinstance(errors[0], services.StaleForm)
    winner = next(r for r in results if r)
    db.session.rollback()
    assert db.session.get(Proposal, ids[0]).summary == winner
