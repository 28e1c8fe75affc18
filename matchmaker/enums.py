"""States and roles. Stored as strings with a CHECK constraint (see `models_base.enum_column`)."""

from enum import StrEnum


class OrgKind(StrEnum):
    MUNICIPALITY = "municipality"
    STARTUP = "startup"


class MemberRole(StrEnum):
    OWNER = "owner"
    MEMBER = "member"


class ChallengeStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    EVALUATING = "evaluating"
    DECIDED = "decided"
    CANCELLED = "cancelled"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    SHORTLISTED = "shortlisted"
    REJECTED = "rejected"
    AWARDED = "awarded"


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class PilotStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    EXTENDED = "extended"
    CONTINUED = "continued"
    STOPPED = "stopped"


class ProcurementRoute(StrEnum):
    """How a pilot that continues becomes a contract."""

    LAUNCHING_CUSTOMER = "launching_customer"
    INNOVATION_PARTNERSHIP = "innovation_partnership"
    SBIR_PHASE_3 = "sbir_phase_3"
    REGULAR_TENDER = "regular_tender"


class TrafficLight(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class CheckInSide(StrEnum):
    STARTUP = "startup"
    MUNICIPALITY = "municipality"


class LessonOutcome(StrEnum):
    CONTINUED = "continued"
    STOPPED = "stopped"
    NO_AWARD = "no_award"


class Discipline(StrEnum):
    POLICY = "policy"
    IT = "it"
    COMMUNICATION = "communication"
    OPERATIONS = "operations"
    PROCUREMENT = "procurement"
    EXTERNAL = "external"
    RESIDENT = "resident"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class ConflictKind(StrEnum):
    FINANCIAL = "financial"
    PERSONAL = "personal"
    FORMER_EMPLOYER = "former_employer"
    OTHER = "other"


class Recommendation(StrEnum):
    SHORTLIST = "shortlist"
    MAYBE = "maybe"
    NO = "no"


class DecisionStatus(StrEnum):
    PREPARED = "prepared"
    RELEASED = "released"
    WITHDRAWN = "withdrawn"


class DecisionOutcome(StrEnum):
    SHORTLISTED = "shortlisted"
    AWARDED = "awarded"
    REJECTED = "rejected"
