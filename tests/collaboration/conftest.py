import pytest

from matchmaker.collaboration.models import CoOwner
from matchmaker.extensions import db

ALL_RIGHTS = dict.fromkeys(CoOwner.RIGHTS, True)


def co_own(challenge, organisation, **rights) -> CoOwner:
    """Make `organisation` a co-owner of `challenge` with `rights` (none unless given)."""
    row = CoOwner(challenge_id=challenge.id, organisation_id=organisation.id, organisation=organisation, **rights)
    challenge.co_owners.append(row)
    db.session.flush()
    return row


@pytest.fixture
def owners(make):
    """A lead buyer with an officer, a co-owner with every right and one with none, each with an officer."""
    lead = make.municipality(name="Gemeente Groningen")
    full = make.municipality(name="Gemeente Assen")
    bare = make.municipality(name="Gemeente Emmen")
    return {"lead": lead, "full": full, "bare": bare, "officer": make.officer(lead),
            "co_owner_officer": make.officer(full), "co_owner_no_rights": make.officer(bare)}
