"""Officer pages: the panel, progress and ranking, decisions, exports and the audit trail."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..audit.listing import challenge_trail
from ..audit.sentences import describe
from ..challenges.lookup import challenge_for
from ..challenges.permissions import can_manage_challenge
from ..collaboration.rounds import one_win_problem
from ..database import commit
from ..db_types import utcnow
from ..enums import DecisionOutcome, Discipline
from ..errors import DomainError
from ..organisations.forms import EmptyForm
from ..proposals.models import Proposal
from ..proposals.permissions import is_sealed
from ..web import csv_response, get_or_404, show_error
from . import conflicts, decisions, exports, panel, permissions, results, reviews, tabs
from .forms import DecisionForm, InviteEvaluatorForm, PanelSettingsForm, ReleaseForm
from .models import PanelSeat, Review

bp = Blueprint("evaluation", __name__, url_prefix="/challenges/<ref>")


def _challenge(ref: str, allowed=permissions.can_manage_panel):
    return challenge_for(current_user, ref, allowed)


@bp.app_template_global("evaluation_tabs")
def evaluation_tabs(challenge) -> list[tabs.Tab]:
    """The evaluation tab bar for the signed-in officer (asked by `evaluation_nav` in _labels.html)."""
    return tabs.evaluation_tabs(current_user, challenge)


def fit_scores(challenge) -> dict[int, float]:
    """The matcher's advice for each proposal (0-100)."""
    from ..recommendations.services import proposal_fit_scores

    return proposal_fit_scores(challenge)


def _settings_form(challenge) -> PanelSettingsForm:
    return PanelSettingsForm(formdata=None, data={"blind_review": "blind" if challenge.blind_review else "open",
                                                  "panel_sees_scores": challenge.panel_sees_scores,
                                                  "reviews_due_at": challenge.reviews_due_at})


def _render_panel(challenge, form=None, settings=None, status=200):
    return render_template("evaluation/panel.html", challenge=challenge, form=form or InviteEvaluatorForm(formdata=None),
                           settings=settings or _settings_form(challenge), seats=panel.seats_of(challenge),
                           warnings=panel.panel_warnings(challenge), button_form=EmptyForm()), status


@bp.route("/panel", methods=["GET", "POST"])
@login_required
def panel_page(ref: str):
    challenge = _challenge(ref)
    form = InviteEvaluatorForm()
    if form.validate_on_submit():
        try:
            panel.invite_evaluator(challenge=challenge, user=current_user, email=form.email.data,
                                   discipline=Discipline(form.discipline.data))
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("Invitation sent to %(email)s.", email=form.email.data), "success")
            return redirect(url_for("evaluation.panel_page", ref=challenge.id))
    return _render_panel(challenge, form=form, status=422 if form.errors else 200)


@bp.post("/panel/settings")
@login_required
def panel_settings(ref: str):
    challenge = _challenge(ref)
    form = PanelSettingsForm()
    if not form.validate_on_submit():
        if set(form.errors) != {"reviews_due_at"}:
            abort(400)
        return _render_panel(challenge, settings=form, status=422)  # a date that cannot be read
    try:
        panel.update_settings(challenge=challenge, user=current_user, blind_review=form.blind_review.data == "blind",
                              panel_sees_scores=form.panel_sees_scores.data, reviews_due_at=form.reviews_due_at.data)
    except DomainError as error:
        show_error(error, form)
        return _render_panel(challenge, settings=form, status=422)
    commit()
    flash(_("The evaluation settings are saved."), "success")
    return redirect(url_for("evaluation.panel_page", ref=challenge.id))


@bp.post("/panel/<id:seat_id>/revoke")
@login_required
def revoke(ref: str, seat_id: int):
    challenge = _challenge(ref)
    seat = get_or_404(PanelSeat, seat_id)
    if seat.challenge_id != challenge.id:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    panel.revoke_seat(seat=seat, user=current_user)
    commit()
    flash(_("%(email)s is no longer on the panel.", email=seat.email), "success")
    return redirect(url_for("evaluation.panel_page", ref=challenge.id))


@bp.get("/evaluation")
@login_required
def overview(ref: str):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    return render_template(
        "evaluation/overview.html", challenge=challenge, rows=results.ranking(challenge, fit_scores(challenge)),
        progress=results.seat_progress(challenge), declarations=conflicts.declarations_for_challenge(challenge),
        reviews=reviews.reviews_of(challenge), button_form=EmptyForm(), normalised=request.args.get("z") == "1",
    )


@bp.post("/reviews/<id:review_id>/reopen")
@login_required
def reopen(ref: str, review_id: int):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    review = get_or_404(Review, review_id)
    if review.proposal.challenge_id != challenge.id:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        reviews.reopen_review(review=review, user=current_user)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("The review is open again for %(email)s.", email=review.seat.email), "success")
    return redirect(url_for("evaluation.overview", ref=challenge.id, _anchor="reviews"))


def _render_decisions(challenge, forms=None, release_form=None, status=200):
    proposals = conflicts.proposals_to_assess(challenge)
    rows = {row.proposal.id: row for row in results.ranking(challenge, fit_scores(challenge))}
    forms = forms or {}
    for proposal in proposals:
        if proposal.id not in forms:
            pending = decisions.pending_decision(proposal)
            data = {"outcome": pending.outcome.value, "motivation": pending.motivation, "pitch_at": pending.pitch_at,
                    "pitch_note": pending.pitch_note} if pending else {}
            forms[proposal.id] = DecisionForm(formdata=None, prefix=f"p{proposal.id}", data=data)
        forms[proposal.id].outcome.choices = [
            (value, label) for value, label in forms[proposal.id].outcome.choices
            if decisions.outcome_possible(proposal, DecisionOutcome(value))]
    release_form = release_form or ReleaseForm(formdata=None, data={
        "share_criterion_averages": challenge.share_criterion_averages,
        "share_feedback_texts": challenge.share_feedback_texts})
    return render_template("evaluation/decisions.html", challenge=challenge, proposals=proposals, forms=forms,
                           rows=rows, release_form=release_form, pending=decisions.pending_decision,
                           released=decisions.released_decisions, button_form=EmptyForm(),
                           can_prepare=lambda proposal: permissions.can_prepare_decision(current_user, proposal),
                           can_release=permissions.can_release_decisions(current_user, challenge),
                           one_win=one_win_problem,
                           problems=decisions.release_problems(challenge, challenge.no_award_reason)), status


@bp.get("/decisions")
@login_required
def decisions_page(ref: str):
    return _render_decisions(_challenge(ref, permissions.can_run_evaluation))


@bp.post("/decisions/<id:proposal_id>")
@login_required
def prepare(ref: str, proposal_id: int):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    proposal = get_or_404(Proposal, proposal_id)
    if proposal.challenge_id != challenge.id or is_sealed(proposal, current_user):
        abort(404)  # a draft or withdrawn proposal does not exist for the municipality
    form = DecisionForm(prefix=f"p{proposal.id}")
    if "withdraw" in request.form:
        if EmptyForm().validate_on_submit():
            decisions.withdraw_decision(proposal=proposal, user=current_user)
            commit()
            flash(_("The prepared decision is withdrawn."), "success")
        return redirect(url_for("evaluation.decisions_page", ref=challenge.id, _anchor=f"p{proposal.id}"))
    if form.validate_on_submit():
        try:
            decisions.prepare_decision(proposal=proposal, user=current_user,
                                       outcome=DecisionOutcome(form.outcome.data), motivation=form.motivation.data,
                                       pitch_at=form.pitch_at.data, pitch_note=form.pitch_note.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("Decision prepared. It is sent to the startup only when you release all decisions."), "success")
            return redirect(url_for("evaluation.decisions_page", ref=challenge.id, _anchor=f"p{proposal.id}"))
    return _render_decisions(challenge, forms={proposal.id: form}, status=422)


@bp.post("/decisions/release")
@login_required
def release(ref: str):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    form = ReleaseForm()
    if form.validate_on_submit():
        try:
            count = decisions.release_decisions(
                challenge=challenge, user=current_user, no_award_reason=form.no_award_reason.data,
                share_criterion_averages=form.share_criterion_averages.data,
                share_feedback_texts=form.share_feedback_texts.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(ngettext("%(num)d decision released; the startup is being told.",
                           "%(num)d decisions released; the startups are being told.", count), "success")
            return redirect(url_for("evaluation.decisions_page", ref=challenge.id))
    return _render_decisions(challenge, release_form=form, status=422)


@bp.get("/evaluation.csv")
@login_required
def evaluation_csv(ref: str):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    return csv_response(exports.evaluation_rows(challenge), f"{challenge.slug}-evaluation.csv")


@bp.get("/evaluation/report")
@login_required
def report(ref: str):
    challenge = _challenge(ref, permissions.can_run_evaluation)
    return render_template("evaluation/report.html", challenge=challenge,
                           rows=results.ranking(challenge, fit_scores(challenge)),
                           reviews=reviews.reviews_of(challenge),
                           declarations=conflicts.declarations_for_challenge(challenge),
                           decisions=decisions.decisions_of(challenge), seats=panel.seats_of(challenge, True),
                           now=utcnow())


@bp.get("/audit")
@login_required
def audit(ref: str):
    challenge = _challenge(ref, permissions.can_read_audit)
    entries = challenge_trail(challenge, current_user)
    return render_template("evaluation/audit.html", challenge=challenge,
                           rows=list(zip(entries, describe(entries, current_user))),
                           can_manage=can_manage_challenge(current_user, challenge),
                           sealed=is_sealed(challenge, current_user), with_ip=current_user.is_admin)


@bp.get("/audit.csv")
@login_required
def audit_csv(ref: str):
    challenge = _challenge(ref, permissions.can_read_audit)
    entries = challenge_trail(challenge, current_user)
    rows = exports.audit_rows(entries, describe(entries, current_user), with_ip=current_user.is_admin)
    return csv_response(rows, f"{challenge.slug}-audit.csv")
