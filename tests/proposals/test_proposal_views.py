import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from matchmaker.audit.models import AuditEvent
from matchmaker.db_types import utcnow
from matchmaker.enums import ProposalStatus
from matchmaker.extensions import db
from matchmaker.proposals.models import Proposal, ProposalVersion

from ..conftest import login
from ..factories import pass_deadline, pdf_bytes

FORM = {
    "summary": "Sensoren in ondergrondse containers.", "understanding": "Zakken staan te lang op straat.",
    "solution": "Een pilot van twaalf weken in de binnenstad.", "team": "Een data-engineer en een ontwerper.",
    "price_cents": "25.000", "duration_weeks": "12", "language": "nl",
}


@pytest.fixture
def startup_client(client, make):
    startup = make.startup(founded_year=2022, size_fte=4)
    member = make.startup_member(startup)
    challenge = make.challenge(budget_min_cents=1_000_000, budget_max_cents=4_000_000)
    login(client, member)
    return client, member, startup, challenge


def test_apply_form_shows_deadline_budget_and_criteria(startup_client):
    client, _m, _s, challenge = startup_client
    page = client.get(f"/challenges/{challenge.slug}/apply").get_data(as_text=True)
    assert "Your proposal" in page and "Value for money" in page and "€10,000 – €40,000" in page
    assert 'name="submit"' in page and 'name="save"' in page


def test_save_half_filled_draft_from_the_apply_page(startup_client):
    client, _m, startup, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={"summary": "Alleen een begin", "save": "1",
                                                                       "language": "nl"})
    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert proposal.summary == "Alleen een begin" and proposal.status == ProposalStatus.DRAFT
    # coming back to the apply page continues the same proposal
    assert client.get(f"/challenges/{challenge.slug}/apply").headers["Location"] == f"/proposals/{proposal.id}/edit"


def test_submit_shows_receipt_with_reference(startup_client, outbox):
    client, member, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={**FORM, "submit": "1"})
    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert proposal.price_cents == 2_500_000
    receipt = client.get(response.headers["Location"]).get_data(as_text=True)
    assert proposal.reference in receipt and "version 1" in receipt
    assert [m.template for m in outbox(member.email)] == ["proposal_receipt"]


def test_incomplete_submit_saves_the_text_and_lists_what_is_missing(startup_client):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply",
                           data={"summary": "Mijn halve tekst", "submit": "1", "language": "nl"})
    assert response.status_code == 422  # not submitted; the text is kept all the same
    page = response.get_data(as_text=True)
    assert "Mijn halve tekst" in page and "Fill in the team." in page
    proposal = db.session.scalar(select(Proposal))
    assert proposal.summary == "Mijn halve tekst" and proposal.status == ProposalStatus.DRAFT


def test_price_that_is_not_a_number_keeps_the_text(startup_client):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={**FORM, "price_cents": "veel", "submit": "1"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enter an amount in euros, for example 25000." in page
    assert "Sensoren in ondergrondse containers." in page
    assert db.session.scalar(select(Proposal)) is None


@pytest.mark.parametrize(("typed", "cents"), [
    ("25000", 2_500_000), ("25.000", 2_500_000), ("€ 25.000,50", 2_500_050), ("25,000.50", 2_500_050),
    ("25000,5", 2_500_050),
])
def test_prices_as_people_type_them(startup_client, typed, cents):
    client, _m, _s, challenge = startup_client
    client.post(f"/challenges/{challenge.slug}/apply", data={**FORM, "price_cents": typed, "save": "1"})
    assert db.session.scalar(select(Proposal.price_cents)) == cents


def test_deadline_passed_while_typing_keeps_the_text(startup_client, make):
    client, member, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    page = client.get(f"/proposals/{proposal.id}/edit")
    assert page.status_code == 200
    challenge.submissions_close_at = utcnow() - timedelta(seconds=1)
    challenge.questions_close_at = challenge.submissions_close_at
    response = client.post(f"/proposals/{proposal.id}/edit", data={**FORM, "summary": "Net te laat", "submit": "1",
                                                                   "lock_version": str(proposal.lock_version)})
    assert response.status_code == 409
    text = response.get_data(as_text=True)
    assert "Net te laat" in text and "deadline for this challenge has passed" in text
    assert db.session.scalar(select(ProposalVersion)) is None


def test_replayed_submit_gives_the_same_receipt(startup_client, outbox):
    client, member, _s, challenge = startup_client
    client.post(f"/challenges/{challenge.slug}/apply", data={**FORM, "save": "1"})
    proposal = db.session.scalar(select(Proposal))
    data = {**FORM, "submit": "1", "lock_version": str(proposal.lock_version)}
    first = client.post(f"/proposals/{proposal.id}/edit", data=data)
    second = client.post(f"/proposals/{proposal.id}/edit", data=data)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert len(db.session.scalars(select(ProposalVersion)).all()) == 1
    assert len(outbox(member.email)) == 1


def test_stale_form_with_other_text_is_refused_and_kept(startup_client):
    client, _m, _s, challenge = startup_client
    client.post(f"/challenges/{challenge.slug}/apply", data={**FORM, "save": "1"})
    proposal = db.session.scalar(select(Proposal))
    old = str(proposal.lock_version)
    client.post(f"/proposals/{proposal.id}/edit", data={**FORM, "summary": "Eerste tab", "save": "1",
                                                        "lock_version": old})
    response = client.post(f"/proposals/{proposal.id}/edit", data={**FORM, "summary": "Tweede tab", "save": "1",
                                                                   "lock_version": old})
    assert response.status_code == 409
    assert "Tweede tab" in response.get_data(as_text=True)
    db.session.refresh(proposal)
    assert proposal.summary == "Eerste tab"


def test_withdraw_and_see_next_step(startup_client, make):
    client, _m, startup, challenge = startup_client
    proposal = make.proposal(challenge=challenge, startup=startup)
    assert client.post(f"/proposals/{proposal.id}/withdraw").status_code == 302
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Withdrawn" in page and "You can submit it again" in page


def test_my_applications_lists_state_deadline_and_next_step(startup_client, make):
    client, _m, startup, challenge = startup_client
    make.proposal(challenge=challenge, startup=startup, status=ProposalStatus.DRAFT)
    page = client.get("/proposals/").get_data(as_text=True)
    assert challenge.title in page and "Draft" in page and "Finish and submit before" in page


def test_another_startups_proposal_is_not_found(startup_client, make):
    client, *_ = startup_client
    other = make.proposal()
    for path in (f"/proposals/{other.id}", f"/proposals/{other.id}/edit", f"/proposals/{other.id}/receipt/1",
                 f"/proposals/{other.id}/attachment", f"/proposals/{other.id}/print"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/proposals/{other.id}/withdraw").status_code == 404
    assert client.post(f"/proposals/{other.id}/edit", data={**FORM, "save": "1"}).status_code == 404


def test_apply_to_draft_challenge_is_404_and_to_cancelled_is_refused(startup_client, make):
    from matchmaker.enums import ChallengeStatus

    client, *_ = startup_client
    draft = make.challenge(status=ChallengeStatus.DRAFT)
    cancelled = make.challenge(status=ChallengeStatus.CANCELLED)
    assert client.get(f"/challenges/{draft.id}/apply").status_code == 404
    assert client.post(f"/challenges/{cancelled.id}/apply", data={**FORM, "save": "1"}).status_code == 404
    closed = make.challenge(days_open=-1)
    response = client.post(f"/challenges/{closed.id}/apply", data={**FORM, "save": "1"}, follow_redirects=True)
    assert b"This challenge is not open for proposals." in response.data
    assert db.session.scalar(select(Proposal)) is None


# --- attachments ----------------------------------------------------------------------------------

def upload(data: bytes, name: str):
    return (io.BytesIO(data), name)


def test_pdf_is_stored_outside_the_web_root_under_a_generated_name(app, startup_client):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={
        **FORM, "save": "1", "attachment": upload(pdf_bytes(), "Mijn plan.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert proposal.attachment_name == "Mijn plan.pdf"
    stored = Path(app.config["UPLOAD_FOLDER"]) / proposal.attachment_key
    assert stored.read_bytes() == pdf_bytes()
    assert "Mijn plan" not in proposal.attachment_key
    assert not str(stored).startswith(str(Path(app.static_folder)))
    download = client.get(f"/proposals/{proposal.id}/attachment")
    assert download.status_code == 200 and download.data == pdf_bytes()
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"just text pretending", "plan.pdf", "This file is not a PDF"),
    (b"%PDF-1.7\nthis is not really a pdf", "plan.pdf", "This PDF cannot be read"),
    (b"", "plan.pdf", "The file is empty"),
])
def test_fake_pdfs_are_refused_and_the_text_is_kept(startup_client, data, name, message):
    client, _m, _s, challenge = startup_client
    response = client.post(f"/challenges/{challenge.slug}/apply", data={
        **FORM, "save": "1", "attachment": upload(data, name)}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert message in page and "Sensoren in ondergrondse containers." in page
    proposal = db.session.scalar(select(Proposal))
    assert proposal is None or proposal.attachment_key is None


def test_pdf_over_10_mb_is_refused(startup_client):
    client, _m, _s, challenge = startup_client
    big = pdf_bytes() + b"%" * (10 * 1024 * 1024)
    response = client.post(f"/challenges/{challenge.slug}/apply", data={
        **FORM, "save": "1", "attachment": upload(big, "big.pdf")}, content_type="multipart/form-data")
    assert b"larger than 10 MB" in response.data


def test_pdf_named_txt_is_accepted_by_its_content(startup_client):
    client, _m, _s, challenge = startup_client
    client.post(f"/challenges/{challenge.slug}/apply", data={
        **FORM, "save": "1", "attachment": upload(pdf_bytes(), "notes.txt")}, content_type="multipart/form-data")
    assert db.session.scalar(select(Proposal.attachment_name)) == "notes.txt.pdf"


# --- officers: sealed until the deadline ---------------------------------------------------------

@pytest.fixture
def officer_setup(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    submitted = make.proposal(challenge=challenge, summary="Ingediend voorstel")
    draft = make.proposal(challenge=challenge, status=ProposalStatus.DRAFT, summary="Geheim concept")
    withdrawn = make.proposal(challenge=challenge, status=ProposalStatus.WITHDRAWN, summary="Ingetrokken")
    login(client, officer)
    return client, officer, challenge, submitted, draft, withdrawn


close = pass_deadline


def test_officer_sees_only_a_count_while_sealed(officer_setup):
    client, _o, challenge, submitted, *_ = officer_setup
    page = client.get(f"/challenges/{challenge.id}/proposals").get_data(as_text=True)
    assert "1 proposal has been submitted so far." in page
    assert submitted.startup.name not in page and "Ingediend voorstel" not in page
    assert client.get(f"/challenges/{challenge.id}/proposals.csv").status_code == 403
    # a sealed proposal answers exactly like one that does not exist
    assert client.get(f"/proposals/{submitted.id}/print").status_code == 404
    assert client.get("/proposals/999999/print").status_code == 404
    assert client.get(f"/proposals/{submitted.id}/attachment").status_code == 404


def test_after_closing_officer_reads_submitted_proposals_and_views_are_audited(officer_setup):
    client, officer, challenge, submitted, draft, withdrawn = officer_setup
    close(challenge)
    page = client.get(f"/challenges/{challenge.id}/proposals").get_data(as_text=True)
    assert submitted.startup.name in page and "Ingediend voorstel" in page
    assert "Geheim concept" not in page and "Ingetrokken" not in page
    printable = client.get(f"/proposals/{submitted.id}/print")
    assert printable.status_code == 200 and b"We understand the problem." in printable.data
    assert client.get(f"/proposals/{draft.id}/print").status_code == 404
    assert client.get(f"/proposals/{withdrawn.id}/print").status_code == 404
    csv_text = client.get(f"/challenges/{challenge.id}/proposals.csv").get_data(as_text=True)
    assert "Ingediend voorstel" in csv_text and "Geheim concept" not in csv_text
    assert csv_text.splitlines()[0].lstrip("\ufeff").startswith("reference,startup,status")
    views = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "proposal.viewed")).all()
    assert [(e.actor_id, e.subject_id, e.data["what"]) for e in views] == [
        (officer.id, submitted.id, "page"), (officer.id, submitted.id, "csv")]


def test_officer_of_another_municipality_never_sees_proposals(client, make):
    challenge = make.challenge(days_open=-1)
    proposal = make.proposal(challenge=challenge)
    login(client, make.officer())
    assert client.get(f"/challenges/{challenge.id}/proposals").status_code == 403
    assert client.get(f"/proposals/{proposal.id}/print").status_code == 404
