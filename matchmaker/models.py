"""Imports every feature's models so the metadata (and Alembic) sees all tables."""

from .accounts.models import User  # noqa: F401
from .audit.models import AuditEvent  # noqa: F401
from .challenges.models import (  # noqa: F401
    Challenge,
    ChallengeTheme,
    Criterion,
    DeadlineExtension,
    Question,
    SavedChallenge,
)
from .collaboration.models import CoOwner, Round  # noqa: F401
from .evaluation.models import ConflictDeclaration, Decision, PanelSeat, Review, ReviewScore  # noqa: F401
from .lessons.models import Lesson  # noqa: F401
from .mail.models import OutboxMessage  # noqa: F401
from .organisations.models import Invitation, Membership, Organisation  # noqa: F401
from .pilots.models import CheckIn, Measurement, Milestone, Pilot, SuccessCriterion  # noqa: F401
from .proposals.models import Proposal, ProposalVersion  # noqa: F401
from .proposals.pending_models import PendingApplication  # noqa: F401
from .recommendations.models import ApplyInvitation  # noqa: F401
