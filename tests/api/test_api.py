from matchmaker.enums import ChallengeStatus, DecisionOutcome
from matchmaker.evaluation import decisions


def test_list_of_public_challenges_with_filters_and_search(client, make):
    utrecht = make.municipality(name="Gemeente Utrecht")
    make.challenge(organisation=utrecht, title="Slimme afvalinzameling", themes=("waste",))
    make.challenge(organisation=utrecht, title="Parkeerdruk meten", themes=("mobility",))
    make.challenge(organisation=utrecht, title="Geheim concept", status=ChallengeStatus.DRAFT)
    data = client.get("/api/v1/challenges").get_json()
    assert data["total"] == 2 and {c["title"] for c in data["items"]} == {"Slimme afvalinzameling", "Parkeerdruk meten"}
    assert client.get("/api/v1/challenges?theme=mobility").get_json()["items"][0]["title"] == "Parkeerdruk meten"
    typo = client.get("/api/v1/challenges?q=afvalinzamelng").get_json()
    assert typo["items"][0]["title"] == "Slimme afvalinzameling"
    item = data["items"][0]
    assert item["municipality"]["name"] == "Gemeente Utrecht" and item["submissions_close_at"].endswith("+00:00")


def test_bad_parameters_get_a_json_400(client):
    response = client.get("/api/v1/challenges?theme=nonsense")
    assert response.status_code == 400
    assert "unknown theme" in response.get_json()["error"]["detail"]
    response = client.get("/api/v1/challenges?page=abc")
    assert response.status_code == 400 and "'page' must be a whole number" in response.get_json()["error"]["detail"]


def test_detail_has_criteria_answers_without_askers_and_awards(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    asker = make.startup_member(name="Anna Anoniem")
    challenge = make.challenge(organisation=municipality, days_open=-1)
    make.question(challenge=challenge, asked_by=asker, answer="Ja.", text="Mag het ook met open data?")
    proposal = make.proposal(challenge=challenge)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.AWARDED, motivation="Beste.")
    decisions.release_decisions(challenge=challenge, user=officer)
    data = client.get(f"/api/v1/challenges/{challenge.slug}").get_json()
    assert [c["weight"] for c in data["criteria"]] == [30, 25, 15, 15, 15]
    assert data["questions"] == [{"question": "Mag het ook met open data?", "answer": "Ja.", "clarification": False,
                                  "published_at": data["questions"][0]["published_at"]}]
    assert "Anna" not in str(data) and asker.email not in str(data)
    assert data["awards"][0]["startup"] == proposal.startup.name and data["status"] == "decided"
    page = client.get(f"/challenges/{challenge.slug}").get_data(as_text=True)
    assert f"Awarded to {proposal.startup.name}" in page


def test_drafts_and_unknown_challenges_are_404_json(client, make):
    draft = make.challenge(status=ChallengeStatus.DRAFT)
    for path in (f"/api/v1/challenges/{draft.id}", "/api/v1/challenges/nope", "/api/v1/challenges/99999999999"):
        response = client.get(path)
        assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_rejections_stay_private(client, make):
    municipality = make.municipality()
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=-1)
    proposal = make.proposal(challenge=challenge)
    decisions.prepare_decision(proposal=proposal, user=officer, outcome=DecisionOutcome.REJECTED, motivation="Nee.")
    decisions.release_decisions(challenge=challenge, user=officer, no_award_reason="Niets haalbaars.")
    data = client.get(f"/api/v1/challenges/{challenge.id}").get_json()
    assert data["awards"] == [] and data["no_award_reason"] == "Niets haalbaars."
    assert proposal.startup.name not in str(data)


def test_municipalities(client, make):
    make.municipality(name="Gemeente Ede")
    make.municipality(name="Gemeente Nog Niet", verified=False)
    names = [m["name"] for m in client.get("/api/v1/municipalities").get_json()["items"]]
    assert names == ["Gemeente Ede"]
