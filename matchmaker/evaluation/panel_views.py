"""Evaluator pages: accept a seat, declare conflicts, read and score proposals."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import invitations
from ..database import commit
from ..enums import ConflictKind, Recommendation
from ..errors import DomainError, ValidationFailed
from ..extensions import login_manager
from ..organisations.forms import EmptyForm
from ..parsing import clean_text, parse_whole_number
from ..proposals import attachments
from ..proposals.models import Proposal
from ..proposals.permissions import is_sealed
from ..proposals.services import version_that_counts
from ..web import add_error, get_or_404, show_error
from . import blind, conflicts, panel, permissions, reviews
from .forms import BlindDeclarationForm, ConflictLaterForm, conflict_choices, review_form_class
from .models import PanelSeat

bp = Blueprint("panel", __name__, url_prefix="/panel")


def _seat(seat_id: int) -> PanelSeat:
    seat = get_or_404(PanelSeat, seat_id)
    if not permissions.is_seat_holder(current_user, seat):
        abort(404)
    return seat


def _proposal(seat: PanelSeat, proposal_id: int) -> Proposal:
    proposal = get_or_404(Proposal, proposal_id)
    if not permissions.can_declare(current_user, seat, proposal):
        abort(404)
    return proposal


@bp.get("/")
@login_required
def index():
    return render_template("evaluation/my_panels.html", seats=panel.seats_for_user(current_user),
                           queue_for=reviews.queue_for, sealed=lambda challenge: is_sealed(challenge, current_user))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def accept(token: str):
    """The link in the invitation. Someone not signed in is offered to sign in or register (with
    the invited address) and comes back here afterwards; accepting needs an account."""
    seat = panel.find_seat_by_token(token)
    if seat is None:
        abort(404)
    if not current_user.is_authenticated and request.method == "POST":
        return login_manager.unauthorized()
    form = EmptyForm()
    if current_user.is_authenticated and form.validate_on_submit():
        try:
            seat = panel.accept_seat(token=token, user=current_user)
        except DomainError as error:
            show_error(error)
        else:
            commit()
            flash(_("You are on the panel for %(title)s.", title=seat.challenge.title), "success")
            return redirect(url_for("panel.queue", seat_id=seat.id))
    accepted = panel.accepted_by(seat, current_user)
    return render_template("evaluation/accept.html", seat=seat, form=form, accepted=accepted,
                           problem=invitations.problem_for(seat, current_user, accepted_by_user=accepted))


@bp.route("/invitations/seats/<id:seat_id>", methods=["GET", "POST"])
@login_required
def accept_pending(seat_id: int):
    """A pending invitation opened from the dashboard: only for the invited address, which the
    account must have confirmed (otherwise the link in the e-mail is the way)."""
    seat = get_or_404(PanelSeat, seat_id)
    if seat.email != current_user.email:
        abort(404)
    form = EmptyForm()
    if form.validate_on_submit():
        try:
            seat = panel.accept_invited_seat(seat=seat, user=current_user)
        except DomainError as error:
            show_error(error)
        else:
            commit()
            flash(_("You are on the panel for %(title)s.", title=seat.challenge.title), "success")
            return redirect(url_for("panel.queue", seat_id=seat.id))
    accepted = panel.accepted_by(seat, current_user)
    problem = invitations.problem_for(seat, current_user, accepted_by_user=accepted)
    if problem is None and not accepted and not current_user.is_verified:
        problem = _("Confirm your e-mail address first, or use the link in the invitation.")
    return render_template("evaluation/accept.html", seat=seat, form=form, accepted=accepted, problem=problem)


@bp.route("/<id:seat_id>/conflicts", methods=["GET", "POST"])
@login_required
def declare_all(seat_id: int):
    """Open mode: the list of applying startups, before any proposal content."""
    seat = _seat(seat_id)
    challenge = seat.challenge
    if is_sealed(challenge, current_user):
        flash(_("Proposals stay sealed until the deadline; come back after it has passed."), "info")
        return redirect(url_for("panel.index"))
    if challenge.blind_review:
        return redirect(url_for("panel.queue", seat_id=seat.id))
    proposals = conflicts.proposals_to_assess(challenge)
    existing = conflicts.declarations_of(seat)
    form = EmptyForm()
    errors = {}
    if form.validate_on_submit():
        chosen = {}
        for proposal in proposals:
            if request.form.get(f"conflict_{proposal.id}") == "yes":
                kind = request.form.get(f"kind_{proposal.id}", "")
                if kind not in {k.value for k in ConflictKind}:
                    errors[proposal.id] = _("Choose what kind of conflict it is.")
                    continue
                note = clean_text(request.form.get(f"note_{proposal.id}", ""))[:1000]
                chosen[proposal.id] = (ConflictKind(kind), note)
        if not errors:
            try:
                conflicts.declare_for_all(seat=seat, user=current_user, conflicts=chosen)
            except DomainError as error:
                show_error(error)
            else:
                commit()
                flash(_("Thank you. Your declarations are recorded."), "success")
                return redirect(url_for("panel.queue", seat_id=seat.id))
    return render_template("evaluation/declare_all.html", seat=seat, proposals=proposals, existing=existing,
                           form=form, errors=errors, kinds=conflict_choices()), 422 if errors else 200


@bp.get("/<id:seat_id>")
@login_required
def queue(seat_id: int):
    seat = _seat(seat_id)
    challenge = seat.challenge
    sealed = is_sealed(challenge, current_user)
    items = [] if sealed else reviews.queue_for(seat)
    if not sealed and not challenge.blind_review and any(item.declaration is None for item in items):
        return redirect(url_for("panel.declare_all", seat_id=seat.id))
    labels = blind.labels([item.proposal for item in items])
    names = permissions.sees_identities(current_user, challenge)
    if items and not names:
        blind.warm_up()  # load the person-name finder before the evaluator opens a proposal
    return render_template("evaluation/queue.html", seat=seat, items=items, sealed=sealed, labels=labels,
                           names=names)


def _render_proposal(seat, proposal, form=None, status=200):
    challenge = seat.challenge
    declaration = conflicts.declarations_of(seat).get(proposal.id)
    review = reviews.review_of(seat, proposal)
    names = permissions.sees_identities(current_user, challenge)
    version = version_that_counts(proposal)
    if form is None:
        form = review_form_class(challenge.criteria)(formdata=None, data=_review_data(review))
    label = blind.labels(conflicts.proposals_to_assess(challenge)).get(proposal.id)
    show = (lambda text: text) if names else (lambda text: blind.redact(text, proposal))
    others = reviews.other_reviews(review) if review and permissions.can_see_panel_scores(
        current_user, seat, proposal, review) else []
    return render_template(
        "evaluation/proposal.html", seat=seat, proposal=proposal, version=version, review=review, form=form,
        names=names, label=label, show=show, others=others, conflict_form=ConflictLaterForm(formdata=None),
        can_score=permissions.can_score(current_user, seat, proposal, declaration, review),
    ), status


def _review_data(review) -> dict:
    if review is None:
        return {}
    data = {"recommendation": review.recommendation.value if review.recommendation else None,
            "feedback": review.feedback}
    for score in review.scores:
        data[f"score_{score.criterion_id}"] = None if score.value is None else str(score.value)
        data[f"comment_{score.criterion_id}"] = score.comment
    return data


@bp.route("/<id:seat_id>/proposals/<id:proposal_id>", methods=["GET", "POST"])
@login_required
def proposal(seat_id: int, proposal_id: int):
    seat = _seat(seat_id)
    item = _proposal(seat, proposal_id)
    declaration = conflicts.declarations_of(seat).get(item.id)
    if declaration is None:
        return redirect(url_for("panel.declare_one", seat_id=seat.id, proposal_id=item.id))
    if declaration.has_conflict:
        flash(_("You declared a conflict of interest on this proposal; it is not in your queue."), "info")
        return redirect(url_for("panel.queue", seat_id=seat.id))
    if request.method == "GET":
        return _render_proposal(seat, item)
    form = review_form_class(seat.challenge.criteria)()
    if not form.validate_on_submit():
        return _render_proposal(seat, item, form, 422)
    scores = {}
    for criterion in seat.challenge.criteria:
        raw = form[f"score_{criterion.id}"].data
        scores[criterion.id] = (parse_whole_number(raw, signed=True),  # a choice of the radio field, or None
                                form[f"comment_{criterion.id}"].data or "")
    recommendation = Recommendation(form.recommendation.data) if form.recommendation.data else None
    submitting = "submit" in request.form
    try:
        outcome = reviews.save_review(seat=seat, proposal=item, user=current_user, scores=scores,
                                      recommendation=recommendation, feedback=form.feedback.data or "",
                                      submit=submitting)
    except DomainError as error:  # raised before anything was written
        show_error(error, form)
        return _render_proposal(seat, item, form, 422)
    commit()
    if outcome.problems:  # the scores are saved as a draft; show what is missing
        add_error(ValidationFailed("", problems=outcome.problems), form)
        flash(_("Your scores are saved as a draft, but not submitted yet: see what is missing."), "error")
        return _render_proposal(seat, item, form, 422)
    flash(_("Your review is submitted.") if submitting else _("Your scores are saved as a draft."), "success")
    return redirect(url_for("panel.proposal", seat_id=seat.id, proposal_id=item.id))


@bp.route("/<id:seat_id>/proposals/<id:proposal_id>/declare", methods=["GET", "POST"])
@login_required
def declare_one(seat_id: int, proposal_id: int):
    """Blind mode (or a proposal not yet declared): the declaration before the content."""
    seat = _seat(seat_id)
    item = _proposal(seat, proposal_id)
    form = BlindDeclarationForm()
    if form.validate_on_submit():
        has_conflict = form.has_conflict.data == "yes"
        kind = ConflictKind(form.kind.data) if form.kind.data else None
        try:
            conflicts.declare(seat=seat, proposal=item, user=current_user, has_conflict=has_conflict, kind=kind,
                              note=form.note.data or "")
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            if has_conflict:
                flash(_("Your conflict of interest is recorded; the proposal is removed from your queue."), "success")
                return redirect(url_for("panel.queue", seat_id=seat.id))
            return redirect(url_for("panel.proposal", seat_id=seat.id, proposal_id=item.id))
    label = blind.labels(conflicts.proposals_to_assess(seat.challenge)).get(item.id)
    names = permissions.sees_identities(current_user, seat.challenge)
    return render_template("evaluation/declare_one.html", seat=seat, proposal=item, form=form, label=label,
                           names=names), 422 if form.errors else 200


@bp.post("/<id:seat_id>/proposals/<id:proposal_id>/conflict")
@login_required
def conflict_later(seat_id: int, proposal_id: int):
    seat = _seat(seat_id)
    item = _proposal(seat, proposal_id)
    form = ConflictLaterForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        conflicts.declare(seat=seat, proposal=item, user=current_user, has_conflict=True,
                          kind=ConflictKind(form.kind.data), note=form.note.data or "")
    except DomainError as error:
        show_error(error)
        return redirect(url_for("panel.proposal", seat_id=seat.id, proposal_id=item.id))
    commit()
    flash(_("Your conflict of interest is recorded; the proposal is removed from your queue."), "success")
    return redirect(url_for("panel.queue", seat_id=seat.id))


@bp.get("/<id:seat_id>/proposals/<id:proposal_id>/attachment")
@login_required
def attachment(seat_id: int, proposal_id: int):
    """The proposal's PDF. A blind panel gets the anonymous copy, named after the proposal's label."""
    seat = _seat(seat_id)
    item = _proposal(seat, proposal_id)
    declaration = conflicts.declarations_of(seat).get(item.id)
    if not permissions.can_read_as_evaluator(current_user, seat, item, declaration):
        abort(404)
    version = version_that_counts(item)
    path = attachments.path_for(version.attachment_key) if version else None
    if path is None:
        abort(404)
    if permissions.sees_identities(current_user, seat.challenge):
        return send_file(path, mimetype="application/pdf", as_attachment=True,
                         download_name=version.attachment_name, max_age=0)
    try:
        path = attachments.blind_path_for(version.attachment_key)
    except Exception:  # a file stored before today's checks: never fall back to the original
        current_app.logger.exception("no anonymous copy of attachment %s", version.attachment_key)
        flash(_("The PDF of this proposal could not be made anonymous, so it is not shown in a blind review. "
                "Ask the procurement officer about it."), "error")
        return redirect(url_for("panel.proposal", seat_id=seat.id, proposal_id=item.id))
    label = blind.labels(conflicts.proposals_to_assess(seat.challenge)).get(item.id, "proposal")
    name = f"{label}.pdf".replace(" ", "-")
    return send_file(path, mimetype="application/pdf", as_attachment=True, download_name=name, max_age=0)
