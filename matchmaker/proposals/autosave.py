"""Autosave: a draft saves itself while the startup types (static/js/autosave.js).

Progressive enhancement: without JavaScript the form's "Save as draft" button does the same work.
The script posts the whole form (CSRF token and `lock_version` included) a moment after the last
keystroke; this endpoint saves it through `services.save_proposal`, the service behind that button,
and answers JSON with the time it was saved and the new `lock_version`. It never submits and never
makes a receipt; it only saves drafts that the user may still edit (not a submitted proposal, not
after the deadline). A form built from an older state is refused (409), never written over.
Fields that do not validate (a price of "veel") are left out and reported; the rest is saved.
Only the first autosave in AUDIT_QUIET is written to the audit trail, not every pause in typing.
"""

from __future__ import annotations

from datetime import timedelta

from flask import abort, jsonify, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..audit.models import AuditEvent
from ..challenges.lookup import challenge_for
from ..database import commit, rollback
from ..db_types import utcnow
from ..errors import DomainError
from ..extensions import db, limiter
from ..web import get_or_404
from . import permissions, services
from .forms import ProposalForm
from .models import Proposal
from .views import _prepare_form, bp

AUTOSAVE_LIMIT = "40 per minute;600 per hour"  # the script waits 2 s after typing stops: far below this
AUDIT_QUIET = timedelta(minutes=15)
NOT_AUTOSAVED = ("attachment", "remove_attachment")  # files go with the buttons only


def _user_key() -> str:
    return f"autosave:{current_user.get_id()}"


def _answer(status: str, message: str, code: int, **extra):
    return jsonify({"status": status, "message": message, **extra}), code


def _saved(proposal: Proposal, problems: list[tuple[str, str]]):
    time = format_datetime(utcnow(), "HH:mm")  # Dutch time: Flask-Babel's time zone is Europe/Amsterdam
    return _answer(
        "saved", _("Saved at %(time)s", time=time), 200, time=time, lock_version=proposal.lock_version,
        proposal_id=proposal.id, edit_url=url_for("proposals.edit", proposal_id=proposal.id),
        autosave_url=url_for("proposals.autosave", proposal_id=proposal.id),
        problems=[{"field": field, "message": message} for field, message in problems],
    )


def _audited_recently(proposal: Proposal) -> bool:
    return db.session.scalar(
        select(AuditEvent.id).where(
            AuditEvent.action == "proposal.saved", AuditEvent.subject_type == "proposals",
            AuditEvent.subject_id == proposal.id, AuditEvent.actor_id == current_user.id,
            AuditEvent.at > utcnow() - AUDIT_QUIET,
        ).limit(1)
    ) is not None


def _valid_data(form: ProposalForm) -> tuple[dict, list[tuple[str, str]]]:
    """What validates, and (field, message) for what does not (left as it was saved)."""
    form.validate()
    problems = [(name, " ".join(str(e) for e in errors)) for name, errors in form.errors.items()
                if name not in NOT_AUTOSAVED]
    data = {key: value for key, value in form.proposal_data().items() if key not in form.errors}
    return data, problems


def _save(form: ProposalForm, proposal: Proposal):
    data, problems = _valid_data(form)
    try:
        outcome = services.save_proposal(proposal=proposal, user=current_user, data=data,
                                         expected_version=form.expected_version(),
                                         audit=not _audited_recently(proposal))
    except services.StaleForm as error:
        rollback()
        return _answer("conflict", error.message, 409)
    except DomainError as error:
        rollback()
        return _answer("refused", error.message, error.status_code)
    commit()
    return _saved(outcome.proposal, problems)


def _refusal(proposal: Proposal):
    """Why this own proposal is not autosaved, or None when it may be."""
    if permissions.can_autosave(current_user, proposal):
        return None
    if not proposal.challenge.is_open:
        return _answer("closed", _("The deadline for this challenge has passed, so the proposal can no longer be "
                                   "changed. Your text is still in the form below if you want to copy it."), 409)
    if not proposal.is_draft:
        return _answer("refused", _("Only drafts are saved automatically. Use the buttons to save or submit "
                                    "your changes."), 409)
    return _answer("refused", _("You cannot change this proposal."), 403)


@bp.post("/proposals/<id:proposal_id>/autosave")
@login_required
@limiter.limit(AUTOSAVE_LIMIT, key_func=_user_key)
def autosave(proposal_id: int):
    proposal = get_or_404(Proposal, proposal_id)
    if not permissions.can_view_own_proposal(current_user, proposal):
        abort(404)  # like the seal: someone else's proposal does not exist for you
    refusal = _refusal(proposal)
    if refusal is not None:
        return refusal
    form = ProposalForm()
    _prepare_form(form, proposal.challenge, proposal)
    return _save(form, proposal)


@bp.post("/challenges/<ref>/autosave")
@login_required
@limiter.limit(AUTOSAVE_LIMIT, key_func=_user_key)
def autosave_new(ref: str):
    """The first autosave on the apply page starts the proposal; the script then moves to its own URL."""
    challenge = challenge_for(current_user, ref)
    if not permissions.can_apply(current_user, challenge):
        if not challenge.is_open:
            return _answer("closed", _("This challenge is not open for proposals."), 409)
        return _answer("refused", _("You cannot change this proposal."), 403)
    form = ProposalForm()
    _prepare_form(form, challenge)
    startups = permissions.startups_of(current_user)
    startup = next((s for s in startups if str(s.id) == form.startup.data), startups[0])
    existing = services.find_proposal(challenge, startup)
    if existing is not None:  # started elsewhere (another tab, a colleague): never write over it unseen
        return _answer("conflict", _("Your startup already has a proposal for this challenge. Open it to go on "
                                     "writing; your text is still in this form."), 409,
                       edit_url=url_for("proposals.edit", proposal_id=existing.id))
    try:
        proposal = services.start_proposal(challenge=challenge, startup=startup, user=current_user)
    except DomainError as error:
        rollback()
        return _answer("refused", error.message, error.status_code)
    return _save(form, proposal)


@bp.app_template_global()
def autosave_url(challenge, proposal=None) -> str | None:
    """Where the proposal form autosaves to, or None when it does not (read by _autosave.html)."""
    if not getattr(current_user, "is_authenticated", False):
        return None
    if proposal is not None:
        allowed = permissions.can_autosave(current_user, proposal)
        return url_for("proposals.autosave", proposal_id=proposal.id) if allowed else None
    allowed = permissions.can_apply(current_user, challenge)
    return url_for("proposals.autosave_new", ref=challenge.slug) if allowed else None
