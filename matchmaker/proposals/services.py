"""Proposals: drafting, submitting (numbered versions and receipts), withdrawing, reminders.

Concurrency: every change locks the proposal row and compares the `lock_version` the form was built
from. A double click or a replayed form with the same content is answered with the existing result;
a form built from an older state with different content is refused with its text kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..audit.services import record_event
from ..challenges.models import Challenge
from ..database import lock_row
from ..db_types import utcnow
from ..enums import ChallengeStatus, ProposalStatus
from ..errors import InvalidState, NotAllowed, ValidationFailed
from ..extensions import db
from ..mail.services import mail_user
from ..organisations.models import Organisation
from ..organisations.permissions import is_member
from ..templating import number
from . import attachments, permissions
from .lifecycle import PROPOSAL
from .models import CONTENT_FIELDS, Proposal, ProposalVersion
from .summary import derive_summary

TEXT_FIELDS = ("summary", "understanding", "solution", "team", "price_justification")
# The summary is taken from the solution and the duration from the pilot when left empty (see `_fill_defaults`).
REQUIRED_AT_SUBMIT = ("understanding", "solution", "team", "price_cents")
LOCAL = ZoneInfo("Europe/Amsterdam")


class StaleForm(InvalidState):
    """The proposal changed since the form was opened (another member, another tab)."""


def find_proposal(challenge: Challenge, startup: Organisation) -> Proposal | None:
    return db.session.scalar(
        select(Proposal).where(Proposal.challenge_id == challenge.id, Proposal.startup_id == startup.id)
    )


def my_proposal(challenge: Challenge, user) -> Proposal | None:
    """The proposal of (one of) the user's startups for this challenge, if any."""
    for startup in permissions.startups_of(user):
        proposal = find_proposal(challenge, startup)
        if proposal is not None:
            return proposal
    return None


def start_proposal(*, challenge: Challenge, startup: Organisation, user: User) -> Proposal:
    """The startup's proposal for this challenge, created if needed. Safe against two members (or
    two clicks) starting at the same moment: the unique constraint decides, the loser reads."""
    if not permissions.can_apply(user, challenge) or not is_member(user, startup) or not startup.is_startup:
        if not challenge.is_open:
            raise InvalidState(_("This challenge is not open for proposals."))
        raise NotAllowed(_("Only members of a startup with a confirmed e-mail address can apply."))
    existing = find_proposal(challenge, startup)
    if existing is not None:
        return existing
    proposal = Proposal(challenge_id=challenge.id, startup_id=startup.id, created_by_id=user.id,
                        **proposal_defaults(challenge, startup))
    try:
        with db.session.begin_nested():
            db.session.add(proposal)
    except IntegrityError:
        existing = find_proposal(challenge, startup)
        if existing is None:
            raise
        return existing
    record_event(actor=user, action="proposal.started", subject=proposal, data={"challenge_id": challenge.id})
    return proposal


def proposal_language(challenge: Challenge) -> str:
    """The language a new proposal starts in: the challenge's own, when it accepts proposals in it."""
    accepted = challenge.languages or ["nl", "en"]
    return challenge.language if challenge.language in accepted else accepted[0]


def proposal_defaults(challenge: Challenge, startup: Organisation | None) -> dict:
    """What a new proposal starts with, so nobody types it again: the pilot's length, the
    challenge's language and the team from the startup's profile."""
    return {"duration_weeks": challenge.pilot_weeks, "language": proposal_language(challenge),
            "team": (startup.team_description if startup is not None else "") or ""}


def _fill_defaults(proposal: Proposal) -> None:
    """At submit: an empty summary becomes the opening of the solution, an empty duration the pilot's."""
    if not (proposal.summary or "").strip() and (proposal.solution or "").strip():
        proposal.summary = derive_summary(proposal.solution)
    if proposal.duration_weeks is None:
        proposal.duration_weeks = proposal.challenge.pilot_weeks


def _remember_team(proposal: Proposal) -> None:
    """The first submitted team description becomes the profile's, when the profile has none."""
    startup = proposal.startup
    if not (startup.team_description or "").strip() and proposal.team.strip():
        startup.team_description = proposal.team


@dataclass
class Outcome:
    """What a save or submit did. The text is always applied; `problems` says what stopped a submit
    (or which attachment was refused), as (field, message) pairs; `version` is the receipt."""

    proposal: Proposal
    version: ProposalVersion | None = None
    problems: list[tuple[str | None, str]] = dataclass_field(default_factory=list)
    replay: bool = False  # the same form sent again: nothing changed

    @property
    def submitted(self) -> bool:
        return self.version is not None and not self.problems


def _same_content(proposal: Proposal, data: dict) -> bool:
    return all(data.get(f, getattr(proposal, f)) == getattr(proposal, f) for f in CONTENT_FIELDS if f in data)


def _check_fresh(proposal: Proposal, expected_version: int | None, data: dict) -> bool:
    """True when the form is current; False when it is a harmless replay; StaleForm otherwise."""
    if expected_version is None or proposal.lock_version == expected_version:
        return True
    if _same_content(proposal, data):
        return False
    raise StaleForm(_("Someone else changed this proposal after you opened it. Your text is still in the form "
                      "below; compare it with the saved version before you save again."))


def _check_open(proposal: Proposal) -> None:
    if not proposal.challenge.is_open:
        raise InvalidState(_("The deadline for this challenge has passed, so the proposal can no longer be "
                             "changed. Your text is still in the form below if you want to copy it."))


def _clean(data: dict) -> dict:
    cleaned = {f: data[f] for f in CONTENT_FIELDS if f in data}
    for field in TEXT_FIELDS:
        if field in cleaned:
            cleaned[field] = (cleaned[field] or "").strip()
    return cleaned


def _apply(proposal: Proposal, data: dict, upload=None, remove_attachment: bool = False) -> list:
    """Apply the text, then the attachment. A refused attachment is a problem, never lost text."""
    for field, value in data.items():
        setattr(proposal, field, value)
    if remove_attachment:
        proposal.attachment_key = proposal.attachment_name = proposal.attachment_size = None
    if upload is not None and getattr(upload, "filename", ""):
        try:
            content = attachments.read_pdf(upload)
        except ValidationFailed as error:
            return list(error.problems)
        proposal.attachment_key = attachments.store(content)
        proposal.attachment_name = attachments.clean_filename(upload.filename)
        proposal.attachment_size = len(content)
    return []


def _open_for_change(proposal: Proposal, user: User, data: dict, expected_version: int | None):
    """Check who and when, lock the row, and tell whether the form is current (False: a replay).
    Raises before anything is written."""
    if not permissions.can_view_own_proposal(user, proposal):
        raise NotAllowed(_("This is not your startup's proposal."))
    data = _clean(data)
    proposal = lock_row(Proposal, proposal.id)
    _check_open(proposal)
    return proposal, data, _check_fresh(proposal, expected_version, data)


def save_proposal(*, proposal: Proposal, user: User, data: dict, expected_version: int | None,
                  upload=None, remove_attachment: bool = False, audit: bool = True) -> Outcome:
    """Save the working copy (a draft, or changes not yet resubmitted). Nothing is required.
    `audit=False` (autosave, a few minutes after the last audited save) leaves the audit trail alone."""
    proposal, data, fresh = _open_for_change(proposal, user, data, expected_version)
    if not fresh:
        return Outcome(proposal, replay=True)
    problems = _apply(proposal, data, upload, remove_attachment)
    db.session.flush()
    if audit:
        record_event(actor=user, action="proposal.saved", subject=proposal)
    return Outcome(proposal, problems=problems)


def submission_problems(proposal: Proposal) -> list[tuple[str | None, str]]:
    """(field, message) pairs for everything that stops this proposal from being submitted."""
    challenge, startup = proposal.challenge, proposal.startup
    problems: list[tuple[str | None, str]] = []
    labels = {"understanding": _("your understanding of the problem"),
              "solution": _("the proposed solution"), "team": _("the team"), "price_cents": _("a price")}
    for field in REQUIRED_AT_SUBMIT:
        value = getattr(proposal, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append((field, _("Fill in %(what)s.", what=labels[field])))
    low, high = challenge.budget_min_cents, challenge.budget_max_cents
    price = proposal.price_cents
    outside = price is not None and ((low is not None and price < low) or (high is not None and price > high))
    if outside and not proposal.price_justification.strip():
        problems.append(("price_justification",
                         _("Your price is outside the budget range of the challenge. Explain why in the "
                           "justification.")))
    if challenge.languages and proposal.language not in challenge.languages:
        problems.append(("language", _("This challenge does not accept proposals in that language.")))
    problems.extend(eligibility_issues(challenge, startup))
    return problems


def eligibility_problems(challenge: Challenge, startup: Organisation, now: datetime | None = None) -> list[str]:
    """Company age and size against the challenge's limits, from the startup's profile."""
    return [message for _field, message in eligibility_issues(challenge, startup, now)]


def eligibility_issues(challenge: Challenge, startup: Organisation,
                       now: datetime | None = None) -> list[tuple[str, str]]:
    """(profile field, message) pairs: the field that fixes each problem (`founded_year`, `size_fte`)."""
    now = now or utcnow()
    problems: list[tuple[str, str]] = []
    if challenge.max_age_years is not None:
        if startup.founded_year is None:
            problems.append(("founded_year", ngettext(
                "This challenge is for companies up to %(num)d year old: add your founding year to your profile.",
                "This challenge is for companies up to %(num)d years old: add your founding year to your profile.",
                challenge.max_age_years)))
        elif now.astimezone(LOCAL).year - startup.founded_year > challenge.max_age_years:
            problems.append(("founded_year", ngettext(
                "This challenge is for companies up to %(num)d year old; %(name)s was founded in %(year)d.",
                "This challenge is for companies up to %(num)d years old; %(name)s was founded in %(year)d.",
                challenge.max_age_years, name=startup.name, year=startup.founded_year)))
    if challenge.max_fte is not None:
        if startup.size_fte is None:
            problems.append(("size_fte", _("This challenge is for companies up to %(n)s FTE: add your team size to "
                                           "your profile.", n=number(challenge.max_fte, 1, trim=True))))
        elif startup.size_fte > challenge.max_fte:
            problems.append(("size_fte", _("This challenge is for companies up to %(n)s FTE; %(name)s has %(size)s.",
                                           n=number(challenge.max_fte, 1, trim=True), name=startup.name,
                                           size=number(startup.size_fte, 1, trim=True))))
    return problems


def submit_proposal(*, proposal: Proposal, user: User, data: dict, expected_version: int | None,
                    upload=None, remove_attachment: bool = False) -> Outcome:
    """Save and submit: a new numbered version, the reference on first submit, a receipt by e-mail.
    When something is missing, the text is saved as it is and the outcome lists the problems."""
    proposal, data, fresh = _open_for_change(proposal, user, data, expected_version)
    if not fresh and proposal.status == ProposalStatus.SUBMITTED and not proposal.has_unsubmitted_changes:
        return Outcome(proposal, proposal.latest_version, replay=True)  # the same submit again: the same receipt
    problems = _apply(proposal, data, upload, remove_attachment)
    db.session.flush()
    if problems:
        record_event(actor=user, action="proposal.saved", subject=proposal)
        return Outcome(proposal, problems=problems)
    if (proposal.status == ProposalStatus.SUBMITTED and proposal.latest_version is not None
            and not proposal.has_unsubmitted_changes):
        return Outcome(proposal, proposal.latest_version, replay=True)  # nothing changed since the last receipt
    problems = submission_problems(proposal)
    if problems:
        record_event(actor=user, action="proposal.saved", subject=proposal)
        return Outcome(proposal, problems=problems)
    _fill_defaults(proposal)
    _remember_team(proposal)
    now = utcnow()
    number = proposal.latest_version.number + 1 if proposal.latest_version else 1
    version = ProposalVersion(proposal=proposal, number=number, created_by_id=user.id, **proposal.content())
    db.session.add(version)
    if proposal.reference is None:
        proposal.reference = f"MM-{now.astimezone(LOCAL).year}-{proposal.id:06d}"
        proposal.first_submitted_at = now
    proposal.submitted_version = number
    PROPOSAL.apply(proposal, "submit", actor=user, now=now, data={"version": number, "reference": proposal.reference})
    for membership in proposal.startup.memberships:
        mail_user(membership.user, "proposal_receipt", proposal=proposal, version=version, submitter=user)
    return Outcome(proposal, version)


def withdraw_proposal(*, proposal: Proposal, user: User) -> None:
    if not permissions.can_view_own_proposal(user, proposal):
        raise NotAllowed(_("This is not your startup's proposal."))
    proposal = lock_row(Proposal, proposal.id)
    if proposal.status == ProposalStatus.WITHDRAWN:
        return
    if not permissions.can_withdraw_proposal(user, proposal):
        if not proposal.challenge.is_open:
            raise InvalidState(_("After the deadline a proposal can no longer be withdrawn."))
        raise InvalidState(_("Only a submitted proposal can be withdrawn."))
    PROPOSAL.apply(proposal, "withdraw", actor=user, data={"reference": proposal.reference})
    for membership in proposal.startup.memberships:
        mail_user(membership.user, "proposal_withdrawn", proposal=proposal, withdrawer=user)


def version_that_counts(proposal: Proposal) -> ProposalVersion | None:
    for version in reversed(proposal.versions):
        if version.number == proposal.submitted_version:
            return version
    return None


# --- officers -------------------------------------------------------------------------------------

def count_submitted(challenge: Challenge) -> int:
    return db.session.scalar(
        select(func.count(Proposal.id)).where(
            Proposal.challenge_id == challenge.id, Proposal.status.in_(permissions.VISIBLE_AFTER_CLOSING)
        )
    ) or 0


def proposals_after_closing(challenge: Challenge, user: User) -> list[Proposal]:
    """All submitted proposals, only once the seal is off; never drafts or withdrawn ones."""
    if permissions.is_sealed(challenge, user):
        raise NotAllowed(_("Proposals stay sealed until the deadline has passed."))
    return list(
        db.session.scalars(
            select(Proposal)
            .where(Proposal.challenge_id == challenge.id, Proposal.status.in_(permissions.VISIBLE_AFTER_CLOSING))
            .order_by(Proposal.reference)
        )
    )


def record_sealed_view(*, proposal: Proposal, user: User, what: str) -> None:
    record_event(actor=user, action="proposal.viewed", subject=proposal, data={"what": what})


# --- startups ------------------------------------------------------------------------------------

def proposals_of(user: User) -> list[Proposal]:
    startup_ids = [o.id for o in permissions.startups_of(user)]
    if not startup_ids:
        return []
    return list(
        db.session.scalars(
            select(Proposal)
            .join(Proposal.challenge)
            .where(Proposal.startup_id.in_(startup_ids))
            .order_by(Challenge.submissions_close_at.desc())
        )
    )


def send_deadline_reminders(*, now: datetime | None = None, hours: int = 48) -> int:
    """E-mail the members of startups whose proposal is still a draft 48 hours before the deadline."""
    now = now or utcnow()
    due = list(
        db.session.scalars(
            select(Proposal)
            .join(Proposal.challenge)
            .where(
                Proposal.status == ProposalStatus.DRAFT,
                Proposal.reminder_sent_at.is_(None),
                Challenge.status == ChallengeStatus.PUBLISHED,
                Challenge.submissions_close_at > now,
                Challenge.submissions_close_at <= now + timedelta(hours=hours),
            )
            .with_for_update(skip_locked=True, of=Proposal)
        )
    )
    for proposal in due:
        proposal.reminder_sent_at = now
        for membership in proposal.startup.memberships:
            mail_user(membership.user, "proposal_reminder", proposal=proposal)
    db.session.flush()
    return len(due)
