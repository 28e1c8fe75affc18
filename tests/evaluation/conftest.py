import pytest

from matchmaker.enums import Discipline


@pytest.fixture
def evaluation(make):
    """A closed challenge of a municipality with three submitted proposals and three accepted evaluators."""
    municipality = make.municipality(name="Gemeente Utrecht")
    officer = make.officer(municipality)
    challenge = make.challenge(organisation=municipality, days_open=-1)
    startups = [make.startup(name=name, website=f"https://{name.lower()}.nl")
                for name in ("Afvalslim", "Parkeerwijs", "Groendak")]
    members = [make.startup_member(s) for s in startups]
    proposals = [make.proposal(challenge=challenge, startup=s, summary=f"{s.name} maakt de stad schoner.")
                 for s in startups]
    seats = [make.seat(challenge=challenge, discipline=d)
             for d in (Discipline.POLICY, Discipline.IT, Discipline.OPERATIONS)]
    return {"challenge": challenge, "officer": officer, "proposals": proposals, "seats": seats,
            "evaluators": [s.user for s in seats], "startups": startups, "members": members,
            "municipality": municipality}
