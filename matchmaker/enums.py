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
    CONTINUED = "continued"
    STOPPED = "stopped"


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
