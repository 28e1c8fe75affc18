from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..accounts.views import AUTH_LIMIT
from ..challenges.lookup import challenge_for
from ..database import commit
from ..deadlines import freeze_form
from ..enums import ProposalStatus
from ..errors import DomainError, ValidationFailed
from ..extensions import limiter
from ..organisations.forms import EmptyForm
from ..web import add_error, csv_response, get_or_404, show_error
from . import attachments, permissions, services, wayin
from .forms import ApplyForm, ProposalForm
from .models import Proposal

bp = Blueprint("proposals", __name__)

LANGUAGE_LABELS = {"nl": "Nederlands", "en": "English"}


def _challenge_or_404(ref: str):
    return challenge_for(current_user, ref)


def _visible_proposal_or_404(proposal_id: int) -> Proposal:
    """The proposal, if the user may know it exists; otherwise a 404, the same for every proposal
    (a 403 would tell that a sealed proposal with this id exists)."""
    proposal = get_or_404(Proposal, proposal_id)
    if not permissions.can_see_proposal(current_user, proposal):
        abort(404)
    return proposal


def _own_proposal_or_404(proposal_id: int) -> Proposal:
    proposal = get_or_404(Proposal, proposal_id)
    if not permissions.can_view_own_proposal(current_user, proposal):
        abort(404)  # another startup's proposal does not exist for you
    return proposal


def _prepare_form(form: ProposalForm, challenge, proposal=None) -> None:
    startups = permissions.startups_of(current_user)
    form.startup.choices = [(str(s.id), s.name) for s in startups]
    form.language.choices = [(code, LANGUAGE_LABELS[code]) for code in (challenge.languages or ["nl", "en"])]
    if proposal is not None and not form.is_submitted():
        form.lock_version.data = str(proposal.lock_version)
        form.startup.data = str(proposal.startup_id)


def _startup_of(proposal=None):
    startups = permissions.startups_of(current_user)
    return proposal.startup if proposal is not None else (startups[0] if startups else None)


def _apply_form(challenge, proposal=None) -> ApplyForm:
    """The proposal form with the way-in fields this person still needs (e-mail, startup's name,
    eligibility values), the eligibility ones showing the profile's current values."""
    startup = _startup_of(proposal)
    form = ApplyForm(obj=proposal) if proposal is not None else ApplyForm()
    form.keep_only(wayin.missing_fields(current_user, challenge, startup))
    _prepare_form(form, challenge, proposal)
    if not form.is_submitted():
        for name in wayin.ELIGIBILITY_FIELDS:
            if name in form and startup is not None:
                form[name].data = getattr(startup, name)
        if proposal is None:
            for name, value in services.proposal_defaults(challenge, startup).items():
                form[name].data = value
    return form


def _render_form(form, challenge, proposal, status=200):
    if not challenge.is_open:
        freeze_form(form)  # after the deadline the form is read-only, before anyone types
    startup = _startup_of(proposal)
    return render_template(
        "proposals/form.html", form=form, challenge=challenge, proposal=proposal,
        problems=services.submission_problems(proposal) if proposal is not None else [],
        eligibility=services.eligibility_issues(challenge, startup) if startup is not None else [],
    ), status


def _save_or_submit(form: ProposalForm, challenge, proposal: Proposal):
    """One form, two buttons. What was typed is saved even when a submit is refused."""
    submitting = "submit" in request.form
    service = services.submit_proposal if submitting else services.save_proposal
    try:
        outcome = service(proposal=proposal, user=current_user, data=form.proposal_data(),
                          expected_version=form.expected_version(), upload=form.attachment.data,
                          remove_attachment=form.remove_attachment.data)
    except DomainError as error:  # raised before anything was written
        show_error(error, form)
        return _render_form(form, challenge, proposal, 409 if isinstance(error, services.StaleForm) else 422)
    commit()
    proposal = outcome.proposal
    if outcome.problems:
        add_error(ValidationFailed("", problems=outcome.problems), form)
        form.lock_version.data = str(proposal.lock_version)
        if any(field == "attachment" for field, _message in outcome.problems):
            flash(_("Your text is saved, but the attachment was not accepted: see below."), "error")
        elif submitting:
            flash(_("Your text is saved as a draft, but not submitted yet: see what is missing."), "error")
        return _render_form(form, challenge, proposal, 422)
    if submitting:
        flash(_("Submitted. Your reference is %(ref)s (version %(n)d); a receipt is on its way by e-mail.",
                ref=proposal.reference, n=outcome.version.number), "success")
        return redirect(url_for("proposals.receipt", proposal_id=proposal.id, number=outcome.version.number))
    if proposal.status == ProposalStatus.SUBMITTED and proposal.has_unsubmitted_changes:
        flash(_("Your changes are saved. Submit again before the deadline to make them count."), "info")
    else:
        flash(_("Saved as a draft."), "success")
    return redirect(url_for("proposals.edit", proposal_id=proposal.id))


@bp.route("/challenges/<ref>/apply", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"], exempt_when=lambda: current_user.is_authenticated)
def apply(ref: str):
    """Open to everyone who could apply: a visitor without an account writes here too (see
    `wayin_views.anonymous_apply`); someone who cannot apply gets a page that says why."""
    challenge = _challenge_or_404(ref)
    refusal = wayin.refusal(current_user, challenge)
    if refusal == permissions.CLOSED:
        flash(_("This challenge is not open for proposals."), "error")
        return redirect(url_for("challenges.show", ref=challenge.slug))
    if refusal is not None:
        return render_template("proposals/cannot_apply.html", challenge=challenge, reason=refusal), 403
    if not current_user.is_authenticated:
        from .wayin_views import anonymous_apply

        return anonymous_apply(challenge)
    startups = permissions.startups_of(current_user)
    if request.method == "GET" and len(startups) == 1:
        existing = services.find_proposal(challenge, startups[0])
        if existing is not None:
            return redirect(url_for("proposals.edit", proposal_id=existing.id))
    form = _apply_form(challenge)
    if form.validate_on_submit():
        try:
            if startups:
                startup = next((s for s in startups if str(s.id) == form.startup.data), startups[0])
                wayin.complete_profile(user=current_user, startup=startup, profile=form.profile_data())
            else:
                startup = wayin.start_startup(user=current_user, name=form.startup_name.data,
                                              profile=form.profile_data())
            proposal = services.start_proposal(challenge=challenge, startup=startup, user=current_user)
        except DomainError as error:
            show_error(error, form)
            return _render_form(form, challenge, None, 422)
        return _save_or_submit(form, challenge, proposal)
    return _render_form(form, challenge, None, 422 if form.is_submitted() else 200)


@bp.route("/proposals/<id:proposal_id>/edit", methods=["GET", "POST"])
@login_required
def edit(proposal_id: int):
    proposal = _own_proposal_or_404(proposal_id)
    challenge = proposal.challenge
    form = _apply_form(challenge, proposal)
    if request.method == "POST" and not permissions.can_edit_proposal(current_user, proposal):
        if not challenge.is_open:
            form.validate()
            show_error(DomainError(_("The deadline for this challenge has passed, so the proposal can no longer "
                                     "be changed. Your text is still in the form below if you want to copy it.")))
            return _render_form(form, challenge, proposal, 409)
        abort(403)
    if form.validate_on_submit():
        try:
            wayin.complete_profile(user=current_user, startup=proposal.startup, profile=form.profile_data())
        except DomainError as error:
            show_error(error, form)
            return _render_form(form, challenge, proposal, 422)
        return _save_or_submit(form, challenge, proposal)
    return _render_form(form, challenge, proposal, 422 if form.is_submitted() else 200)


@bp.get("/proposals/<id:proposal_id>")
@login_required
def show(proposal_id: int):
    proposal = _own_proposal_or_404(proposal_id)
    from ..evaluation.decisions import feedback_for, released_decisions

    released = released_decisions(proposal)
    return render_template(
        "proposals/show.html", proposal=proposal, form=EmptyForm(), released=released,
        feedback=feedback_for(proposal) if released else None,
        can_edit=permissions.can_edit_proposal(current_user, proposal),
        can_withdraw=permissions.can_withdraw_proposal(current_user, proposal),
    )


@bp.get("/proposals/<id:proposal_id>/receipt/<int:number>")
@login_required
def receipt(proposal_id: int, number: int):
    proposal = _own_proposal_or_404(proposal_id)
    version = next((v for v in proposal.versions if v.number == number), None)
    if version is None:
        abort(404)
    return render_template("proposals/receipt.html", proposal=proposal, version=version)


@bp.post("/proposals/<id:proposal_id>/withdraw")
@login_required
def withdraw(proposal_id: int):
    proposal = _own_proposal_or_404(proposal_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        services.withdraw_proposal(proposal=proposal, user=current_user)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("Your proposal is withdrawn. You can submit it again until the deadline."), "success")
    return redirect(url_for("proposals.show", proposal_id=proposal.id))


@bp.get("/proposals/")
@login_required
def mine():
    return render_template("proposals/mine.html", proposals=services.proposals_of(current_user),
                           startups=permissions.startups_of(current_user))


@bp.get("/proposals/<id:proposal_id>/attachment")
@login_required
def attachment(proposal_id: int):
    proposal = _visible_proposal_or_404(proposal_id)
    own = permissions.can_view_own_proposal(current_user, proposal)
    source = proposal if own else services.version_that_counts(proposal)
    path = attachments.path_for(source.attachment_key) if source is not None else None
    if path is None:
        abort(404)
    if not own:
        services.record_sealed_view(proposal=proposal, user=current_user, what="attachment")
        commit()
    return send_file(path, mimetype="application/pdf", as_attachment=True,
                     download_name=source.attachment_name or f"{proposal.reference}.pdf", max_age=0)


# --- officers -------------------------------------------------------------------------------------

def _officer_challenge(ref: str):
    return challenge_for(current_user, ref, permissions.can_list_proposals)


@bp.get("/challenges/<ref>/proposals")
@login_required
def received(ref: str):
    challenge = _officer_challenge(ref)
    sealed = permissions.is_sealed(challenge, current_user)
    proposals = [] if sealed else services.proposals_after_closing(challenge, current_user)
    from ..recommendations.services import proposal_fit_scores

    return render_template("proposals/received.html", challenge=challenge, sealed=sealed, proposals=proposals,
                           count=services.count_submitted(challenge), version_of=services.version_that_counts,
                           fit={} if sealed else proposal_fit_scores(challenge))


@bp.get("/challenges/<ref>/proposals.csv")
@login_required
def received_csv(ref: str):
    challenge = _officer_challenge(ref)
    if permissions.is_sealed(challenge, current_user):
        abort(403)
    proposals = services.proposals_after_closing(challenge, current_user)
    rows = [["reference", "startup", "status", "version", "submitted_at_utc", "summary", "understanding",
             "solution", "team", "price_eur", "price_justification", "duration_weeks", "language", "attachment"]]
    for proposal in proposals:
        version = services.version_that_counts(proposal)
        rows.append([
            proposal.reference, proposal.startup.name, proposal.status.value, version.number,
            version.created_at.isoformat(), version.summary, version.understanding, version.solution, version.team,
            "" if version.price_cents is None else f"{version.price_cents / 100:.2f}", version.price_justification,
            version.duration_weeks, version.language, version.attachment_name or "",
        ])
        services.record_sealed_view(proposal=proposal, user=current_user, what="csv")
    commit()
    return csv_response(rows, f"{challenge.slug}-proposals.csv")


@bp.get("/proposals/<id:proposal_id>/print")
@login_required
def printable(proposal_id: int):
    proposal = _visible_proposal_or_404(proposal_id)
    if permissions.can_view_own_proposal(current_user, proposal):
        return render_template("proposals/print.html", proposal=proposal,
                               version=services.version_that_counts(proposal) or proposal)
    services.record_sealed_view(proposal=proposal, user=current_user, what="page")
    commit()
    return render_template("proposals/print.html", proposal=proposal, version=services.version_that_counts(proposal))
