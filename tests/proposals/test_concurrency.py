"""Two real sessions at the same moment, on both databases: PostgreSQL's row lock and SQLite's write
lock (`database.lock_row`) make the second wait and then read what the first committed."""

from __future__ import annotations

from sqlalchemy import func, select

from matchmaker.database import commit
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from matchmaker.proposals import services
from matchmaker.proposals.models import Proposal, ProposalVersion

from ..concurrency import run_together

COMPLETE = {
    "summary": "Sensoren.", "understanding": "Te vol.", "solution": "Pilot.", "team": "Wij.",
    "price_cents": 2_000_000, "duration_weeks": 10, "language": "nl",
}


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
            return services.submit_proposal(proposal=own, user=user, data=COMPLETE, expected_version=ids[3]).version.number
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
                                          data={"summary": text}, expected_version=ids[3]).proposal.summary
        return job

    results, errors = run_together(app, save(ids[1], "Tekst van Alice"), save(ids[2], "Tekst van Bob"))
    assert len(errors) == 1 and isinstance(errors[0], services.StaleForm)
    winner = next(r for r in results if r)
    db.session.rollback()
    assert db.session.get(Proposal, ids[0]).summary == winner


def test_double_submit_over_http_gives_one_receipt_never_an_error(app, make):
    """Two clicks on "Submit" that reach two server threads at once: the same receipt twice."""
    from ..conftest import login

    startup = make.startup()
    member = make.startup_member(startup)
    proposal = make.proposal(challenge=make.challenge(), startup=startup, status=ProposalStatus.DRAFT, **COMPLETE)
    form = {**{k: str(v) for k, v in COMPLETE.items()}, "price_cents": "20000", "submit": "1",
            "lock_version": str(proposal.lock_version)}
    url = f"/proposals/{proposal.id}/edit"
    commit()
    clients = [app.test_client(), app.test_client()]
    for client in clients:
        login(client, member)
    responses, errors = run_together(app, *[lambda c=c: c.post(url, data=form) for c in clients])
    assert errors == []
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0].headers["Location"] == responses[1].headers["Location"]
    db.session.rollback()
    assert db.session.scalar(select(func.count(ProposalVersion.id))) == 1


def test_different_text_saved_at_once_over_http_keeps_the_loser_s_text(app, make):
    from ..conftest import login

    startup = make.startup()
    alice, bob = make.startup_member(startup), make.startup_member(startup)
    proposal = make.proposal(challenge=make.challenge(), startup=startup, status=ProposalStatus.DRAFT)
    url, version = f"/proposals/{proposal.id}/edit", str(proposal.lock_version)
    commit()
    clients = [app.test_client(), app.test_client()]
    login(clients[0], alice)
    login(clients[1], bob)
    jobs = [lambda c=c, text=text: c.post(url, data={"summary": text, "language": "nl", "save": "1",
                                                     "lock_version": version})
            for c, text in zip(clients, ("Tekst van Alice", "Tekst van Bob"))]
    responses, errors = run_together(app, *jobs)
    assert errors == []
    codes = sorted(r.status_code for r in responses)
    assert codes == [302, 409]
    loser = next(r for r in responses if r.status_code == 409)
    loser_text = "Tekst van Alice" if "Tekst van Alice" in loser.get_data(as_text=True) else "Tekst van Bob"
    assert loser_text in loser.get_data(as_text=True)  # still in the form, to compare and save again
    db.session.rollback()
    assert db.session.get(Proposal, proposal.id).summary != loser_text
