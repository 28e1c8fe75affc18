import csv
import io
import re

from sqlalchemy import select

from matchmaker.enums import ProposalStatus, ReviewStatus
from matchmaker.evaluation.models import ConflictDeclaration, Decision, PanelSeat, Review
from matchmaker.extensions import db
from matchmaker.proposals import attachments

from ..conftest import login
from ..factories import pdf_bytes


def score_form(challenge, value="3", submit=True, **extra):
    data = {f"score_{c.id}": value for c in challenge.criteria}
    data.update({f"comment_{c.id}": "Toelichting" for c in challenge.criteria})
    data.update(recommendation="maybe", feedback="Duidelijk voorstel.")
    data["submit" if submit else "save"] = "1"
    data.update(extra)
    return data


def test_officer_invites_and_evaluator_accepts_through_the_link(client, evaluation, make, outbox):
    challenge = evaluation["challenge"]
    login(client, evaluation["officer"])
    response = client.post(f"/challenges/{challenge.id}/panel", data={"email": "new@example.org",
                                                                      "discipline": "resident"})
    assert response.status_code == 302
    path = re.search(r"(/panel/invitations/[^\s]+)", outbox("new@example.org")[0].body).group(1)
    newcomer = make.user(email="new@example.org")
    login(client, newcomer)
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    seat = db.session.scalar(select(PanelSeat).where(PanelSeat.email == "new@example.org"))
    assert seat.user_id == newcomer.id and seat.accepted_at is not None


def test_invite_form_with_bad_email_shows_error(client, evaluation):
    login(client, evaluation["officer"])
    response = client.post(f"/challenges/{evaluation['challenge'].id}/panel", data={"email": "nope",
                                                                                    "discipline": "it"})
    assert response.status_code == 422 and b"Invalid email address." in response.data


def test_panel_page_warns_about_small_panels(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality)
    login(client, officer)
    page = client.get(f"/challenges/{challenge.id}/panel").get_data(as_text=True)
    assert "The panel has 0 members;" in page and "covers 0 disciplines;" in page


def test_open_mode_evaluator_declares_for_all_startups_first(client, evaluation):
    seat, (a, b, c) = evaluation["seats"][0], evaluation["proposals"]
    login(client, seat.user)
    response = client.get(f"/panel/{seat.id}")
    assert response.headers["Location"] == f"/panel/{seat.id}/conflicts"
    page = client.get(f"/panel/{seat.id}/conflicts").get_data(as_text=True)
    assert "Afvalslim" in page and "Parkeerwijs" in page
    assert "maakt de stad schoner" not in page  # no proposal content before declaring
    response = client.post(f"/panel/{seat.id}/conflicts", data={f"conflict_{b.id}": "yes"})
    assert response.status_code == 422 and b"Choose what kind of conflict" in response.data
    response = client.post(f"/panel/{seat.id}/conflicts", data={
        f"conflict_{b.id}": "yes", f"kind_{b.id}": "former_employer", f"note_{b.id}": "Tot 2022"})
    assert response.status_code == 302
    rows = db.session.scalars(select(ConflictDeclaration).order_by(ConflictDeclaration.proposal_id)).all()
    assert [(r.proposal_id, r.has_conflict) for r in rows] == [(a.id, False), (b.id, True), (c.id, False)]
    queue = client.get(f"/panel/{seat.id}").get_data(as_text=True)
    assert "Afvalslim" in queue and "Parkeerwijs" not in queue
    assert client.get(f"/panel/{seat.id}/proposals/{b.id}").status_code == 302  # conflicted: back to queue


def test_evaluator_scores_and_submits_then_sees_others_when_allowed(client, evaluation, make):
    challenge, (s1, s2, _s3), proposal = evaluation["challenge"], evaluation["seats"], evaluation["proposals"][0]
    make.review(seat=s2, proposal=proposal, values=[5, 5, 5, 5, 5], recommendation="shortlist")
    make.declaration(seat=s1, proposal=proposal)
    challenge.panel_sees_scores = True
    login(client, s1.user)
    page = client.get(f"/panel/{s1.id}/proposals/{proposal.id}").get_data(as_text=True)
    assert "Afvalslim maakt de stad schoner." in page and "The other evaluators" not in page
    response = client.post(f"/panel/{s1.id}/proposals/{proposal.id}", data=score_form(challenge, "4"))
    assert response.status_code == 302
    review = db.session.scalar(select(Review).where(Review.seat_id == s1.id))
    assert review.status == ReviewStatus.SUBMITTED and {s.value for s in review.scores} == {4}
    page = client.get(f"/panel/{s1.id}/proposals/{proposal.id}").get_data(as_text=True)
    assert "The other evaluators" in page and s2.email not in page


def test_incomplete_submit_saves_a_draft_and_lists_what_is_missing(client, evaluation, make):
    challenge, seat, proposal = evaluation["challenge"], evaluation["seats"][0], evaluation["proposals"][0]
    make.declaration(seat=seat, proposal=proposal)
    login(client, seat.user)
    data = score_form(challenge, "3")
    del data["recommendation"]
    data[f"score_{challenge.criteria[0].id}"] = "5"
    data[f"comment_{challenge.criteria[0].id}"] = ""
    response = client.post(f"/panel/{seat.id}/proposals/{proposal.id}", data=data)
    assert response.status_code == 422  # refused to submit, but the scores are kept (committed explicitly)
    page = response.get_data(as_text=True)
    assert "the lowest and highest scores need a comment" in page and "Choose a recommendation." in page
    review = db.session.scalar(select(Review))
    assert review.status == ReviewStatus.DRAFT and len(review.scores) == len(challenge.criteria)


def test_tampered_score_outside_the_scale_is_refused(client, evaluation, make):
    challenge, seat, proposal = evaluation["challenge"], evaluation["seats"][0], evaluation["proposals"][0]
    make.declaration(seat=seat, proposal=proposal)
    login(client, seat.user)
    response = client.post(f"/panel/{seat.id}/proposals/{proposal.id}", data=score_form(challenge, "9"))
    assert response.status_code == 422 and b"Not a valid choice" in response.data
    assert db.session.scalar(select(Review)) is None


def test_blind_mode_reveals_no_identity_to_evaluators(client, evaluation, make, outbox):
    challenge, seat = evaluation["challenge"], evaluation["seats"][0]
    proposal = evaluation["proposals"][0]
    startup, member = evaluation["startups"][0], evaluation["members"][0]
    challenge.blind_review = True
    version = proposal.versions[0]
    version.team = f"Het team van {startup.name} ({member.email}), zie afvalslim.nl."
    version.attachment_key = attachments.store(pdf_bytes())
    version.attachment_name = "Afvalslim-offerte.pdf"
    login(client, seat.user)
    pages = [client.get(f"/panel/{seat.id}").get_data(as_text=True), client.get("/panel/").get_data(as_text=True)]
    assert client.get(f"/panel/{seat.id}").status_code == 200  # no list of startups in blind mode
    declare = client.get(f"/panel/{seat.id}/proposals/{proposal.id}")
    assert declare.headers["Location"].endswith("/declare")
    pages.append(client.get(declare.headers["Location"]).get_data(as_text=True))
    client.post(declare.headers["Location"], data={"has_conflict": "no"})
    pages.append(client.get(f"/panel/{seat.id}/proposals/{proposal.id}").get_data(as_text=True))
    download = client.get(f"/panel/{seat.id}/proposals/{proposal.id}/attachment")
    assert download.status_code == 200  # the anonymous copy (tests/evaluation/test_blind_attachments.py)
    assert attachments.anonymised_copy(pdf_bytes()) == download.data
    pages.append(download.headers["Content-Disposition"])
    client.post(f"/panel/{seat.id}/proposals/{proposal.id}", data=score_form(challenge, "4"))
    pages.append(client.get(f"/panel/{seat.id}/proposals/{proposal.id}").get_data(as_text=True))
    pages += [m.body + m.subject for m in outbox(seat.email)]
    for text in pages:
        for secret in (startup.name, member.email, member.name, "afvalslim.nl", "Afvalslim-offerte"):
            assert secret.lower() not in text.lower(), (secret, text[:200])
    assert "Proposal A" in pages[-1]
    # the officer still sees who is who
    login(client, evaluation["officer"])
    assert startup.name in client.get(f"/challenges/{challenge.id}/evaluation").get_data(as_text=True)


def test_evaluator_never_sees_proposals_before_closing(client, make):
    challenge = make.challenge(days_open=3)
    proposal = make.proposal(challenge=challenge)
    seat = make.seat(challenge=challenge)
    login(client, seat.user)
    assert b"after the deadline" in client.get(f"/panel/{seat.id}").data
    assert client.get(f"/panel/{seat.id}/proposals/{proposal.id}").status_code == 404
    assert client.get(f"/panel/{seat.id}/proposals/{proposal.id}/attachment").status_code == 404


def test_evaluator_cannot_use_someone_elses_seat_or_other_proposals(client, evaluation, make):
    s1, s2 = evaluation["seats"][0], evaluation["seats"][1]
    other = make.proposal(challenge=make.challenge(days_open=-1))
    login(client, s1.user)
    assert client.get(f"/panel/{s2.id}").status_code == 404
    assert client.get(f"/panel/{s1.id}/proposals/{other.id}").status_code == 404


def test_officer_overview_shows_ranking_progress_and_flags(client, evaluation, make):
    challenge, (a, b, _c), seats = evaluation["challenge"], evaluation["proposals"], evaluation["seats"]
    make.review(seat=seats[0], proposal=a, values=[5, 5, 5, 5, 5], recommendation="shortlist")
    make.review(seat=seats[1], proposal=a, values=[1, 1, 1, 1, 1], recommendation="no")
    make.review(seat=seats[0], proposal=b, values=[4, 4, 4, 4, 4])
    login(client, evaluation["officer"])
    page = client.get(f"/challenges/{challenge.id}/evaluation").get_data(as_text=True)
    assert "disagreement" in page and "2 / 3" in page and "75.0" in page
    z = client.get(f"/challenges/{challenge.id}/evaluation?z=1").get_data(as_text=True)
    assert "Mean z-score" in z


def test_officer_reopens_a_review(client, evaluation, make):
    seat, proposal = evaluation["seats"][0], evaluation["proposals"][0]
    review = make.review(seat=seat, proposal=proposal, values=[3] * 5)
    login(client, evaluation["officer"])
    response = client.post(f"/challenges/{evaluation['challenge'].id}/reviews/{review.id}/reopen")
    assert response.status_code == 302
    db.session.refresh(review)
    assert review.status == ReviewStatus.DRAFT


def test_decisions_page_prepare_and_release(client, evaluation, outbox):
    challenge, (a, b, c) = evaluation["challenge"], evaluation["proposals"]
    login(client, evaluation["officer"])
    assert client.get(f"/challenges/{challenge.id}/decisions").status_code == 200
    response = client.post(f"/challenges/{challenge.id}/decisions/{a.id}", data={
        f"p{a.id}-outcome": "awarded", f"p{a.id}-motivation": "Beste plan."})
    assert response.status_code == 302
    response = client.post(f"/challenges/{challenge.id}/decisions/{b.id}", data={
        f"p{b.id}-outcome": "rejected", f"p{b.id}-motivation": ""})
    assert response.status_code == 422 and b"This field is required." in response.data
    for p in (b, c):
        client.post(f"/challenges/{challenge.id}/decisions/{p.id}", data={
            f"p{p.id}-outcome": "rejected", f"p{p.id}-motivation": "Minder passend."})
    response = client.post(f"/challenges/{challenge.id}/decisions/release",
                           data={"share_criterion_averages": "y", "share_feedback_texts": "y"})
    assert response.status_code == 302
    db.session.refresh(a)
    assert a.status == ProposalStatus.AWARDED and challenge.status.value == "decided"
    assert [m.template for m in outbox(evaluation["members"][0].email)] == ["decision_released"]
    # the startup reads its outcome on its proposal page
    login(client, evaluation["members"][1])
    page = client.get(f"/proposals/{b.id}").get_data(as_text=True)
    assert "Minder passend." in page and "Not selected" in page


def test_release_without_any_award_needs_a_reason(client, evaluation):
    challenge = evaluation["challenge"]
    login(client, evaluation["officer"])
    for p in evaluation["proposals"]:
        client.post(f"/challenges/{challenge.id}/decisions/{p.id}", data={
            f"p{p.id}-outcome": "rejected", f"p{p.id}-motivation": "Niet haalbaar."})
    response = client.post(f"/challenges/{challenge.id}/decisions/release", data={})
    assert response.status_code == 422 and b"give the reason for not awarding" in response.data
    assert db.session.scalar(select(Decision.released_at).limit(1)) is None


def test_evaluation_export_and_report(client, evaluation, make):
    challenge, seat, proposal = evaluation["challenge"], evaluation["seats"][0], evaluation["proposals"][0]
    make.review(seat=seat, proposal=proposal, values=[5, 4, 3, 2, 1], feedback="Goed begin.")
    make.declaration(seat=evaluation["seats"][1], proposal=proposal, conflict="personal")
    login(client, evaluation["officer"])
    text = client.get(f"/challenges/{challenge.id}/evaluation.csv").get_data(as_text=True)
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("record,proposal,startup,evaluator,discipline,criterion,weight,score")
    assert any(line.startswith("score,") and ",Impact,30,5," in line for line in lines)
    assert any(line.startswith("declaration,") and ",yes,personal," in line for line in lines)
    report = client.get(f"/challenges/{challenge.id}/evaluation/report").get_data(as_text=True)
    assert "Goed begin." in report and "Personal relationship" in report


def test_audit_page_and_csv(client, evaluation):
    challenge = evaluation["challenge"]
    login(client, evaluation["officer"])
    client.post(f"/challenges/{challenge.id}/panel/settings", data={"blind_review": "blind"})
    page = client.get(f"/challenges/{challenge.id}/audit").get_data(as_text=True)
    assert "evaluation.settings_changed" in page and evaluation["officer"].email in page
    csv_text = client.get(f"/challenges/{challenge.id}/audit.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    changed = [row for row in rows if row["action"] == "evaluation.settings_changed"]
    officer = evaluation["officer"]
    assert changed and changed[0]["description"] == (
        f"{officer.name or officer.email} changed the evaluation settings: blind review (names hidden)")
