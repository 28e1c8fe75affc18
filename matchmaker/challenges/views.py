from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..collaboration.permissions import can_manage_co_owners
from ..database import commit
from ..errors import DomainError
from ..evaluation.decisions import public_awards
from ..lessons.context import lesson_context
from ..organisations.forms import EmptyForm
from ..organisations.lookup import acting_municipality
from ..proposals.permissions import can_list_proposals
from ..proposals.services import count_submitted, my_proposal
from ..proposals.wayin import refusal as apply_refusal
from ..recommendations.invitations import invitations_of
from ..recommendations.services import similar_challenges
from ..themes import THEMES
from ..web import add_problem, get_or_404, page_number, show_error
from . import permissions, questions, services
from .browse import browse
from .forms import (
    AnswerForm,
    CancelForm,
    ChallengeForm,
    ClarificationForm,
    CriteriaForm,
    ExtendForm,
    QuestionForm,
)
from .lifecycle import CHALLENGE
from .lookup import challenge_for
from .models import Question

bp = Blueprint("challenges", __name__, url_prefix="/challenges")


def _load(ref: str):
    return challenge_for(current_user, ref)


def _managed(ref: str, allowed=permissions.can_manage_challenge):
    return challenge_for(current_user, ref, allowed)


@bp.get("/")
def index():
    text = request.args.get("q", "").strip()[:200]
    theme = request.args.get("theme", "")
    theme = theme if theme in THEMES else ""
    municipality = request.args.get("municipality", "")[:180]
    open_now = request.args.get("open") == "1"
    pagination = browse(text=text, theme=theme, municipality=municipality, open_now=open_now,
                        page=page_number(), per_page=current_app.config["PER_PAGE"])
    return render_template(
        "challenges/index.html",
        pagination=pagination,
        text=text,
        theme=theme,
        municipality=municipality,
        open_now=open_now,
        municipalities=services.municipalities_with_public_challenges(),
    )


def _render_show(challenge, question_form=None, status=200):
    return render_template(
        "challenges/show.html",
        challenge=challenge,
        qa=questions.published_questions(challenge),
        my_questions=questions.questions_asked_by(challenge, current_user),
        question_form=question_form or QuestionForm(),
        button_form=EmptyForm(),
        saved=services.is_saved(challenge, current_user),
        can_manage=permissions.can_manage_challenge(current_user, challenge),
        can_ask=permissions.can_ask_question(current_user, challenge),
        can_save=permissions.can_save_challenge(current_user, challenge),
        can_apply=apply_refusal(current_user, challenge) is None,
        my_proposal=my_proposal(challenge, current_user),
        awards=public_awards(challenge),
    ), status


@bp.get("/<ref>")
def show(ref: str):
    return _render_show(_load(ref))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    organisation, municipalities = acting_municipality(current_user, permissions.can_create_challenge)
    form = ChallengeForm()
    if form.validate_on_submit():
        try:
            challenge = services.create_challenge(organisation=organisation, user=current_user, data=form.to_data())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The draft is saved. Check the criteria, then publish when you are ready."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id))
    _add_cross_field_problems(form)
    return render_template("challenges/form.html", form=form, challenge=None, organisation=organisation,
                           municipalities=municipalities)


def _add_cross_field_problems(form: ChallengeForm) -> None:
    """When a field is invalid, the checks between fields (budget range, order of deadlines) are shown
    too, so that the officer sees every problem at once instead of one per submit."""
    if form.is_submitted() and form.errors:
        for field, message in services.challenge_problems(form.to_data()):
            add_problem(form, field, message, unless_invalid=True)


@bp.route("/<ref>/edit", methods=["GET", "POST"])
@login_required
def edit(ref: str):
    challenge = _managed(ref, permissions.can_edit_challenge)
    form = ChallengeForm(obj=challenge)
    form.load(challenge)
    if form.validate_on_submit():
        try:
            services.update_challenge(challenge=challenge, user=current_user, data=form.to_data())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The draft is saved."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id))
    _add_cross_field_problems(form)
    return render_template("challenges/form.html", form=form, challenge=challenge,
                           organisation=challenge.organisation, municipalities=[])


@bp.route("/<ref>/criteria", methods=["GET", "POST"])
@login_required
def criteria(ref: str):
    challenge = _managed(ref, permissions.can_edit_challenge)
    form = CriteriaForm()
    if not form.is_submitted():
        for criterion in challenge.criteria:
            # Default criteria in the officer's language now; saving a default name keeps its key.
            form.rows.append_entry({"name": criterion.display_name, "description": criterion.display_description,
                                    "weight": criterion.weight})
        while len(form.rows) > len(challenge.criteria):
            form.rows.entries.pop(0)  # min_entries added an empty first row
        form.rows.append_entry()
    if form.validate_on_submit():
        try:
            services.set_criteria(challenge=challenge, user=current_user, rows=form.row_data())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The criteria are saved."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id))
    elif form.is_submitted() and form.errors:  # a field is invalid: show the list's problems too
        for field, message in services.criteria_problems(form.row_data()):
            add_problem(form, field, message, unless_invalid=True)
    return render_template("challenges/criteria.html", form=form, challenge=challenge,
                           weights_total=services.weights_total(form.row_data()), weights_target=services.WEIGHTS_TOTAL)


def _render_manage(challenge, answer_form=None, answering=None, clarification_form=None, status=200):
    return render_template(
        "challenges/manage.html",
        challenge=challenge,
        problems=services.publication_problems(challenge) if CHALLENGE.allows(challenge, "publish") else [],
        open_questions=questions.open_questions(challenge),
        answered=questions.published_questions(challenge),
        button_form=EmptyForm(),
        answer_form=answer_form or AnswerForm(formdata=None),
        answering=answering,
        clarification_form=clarification_form or ClarificationForm(formdata=None),
        can_edit=permissions.can_edit_challenge(current_user, challenge),
        can_publish=permissions.can_publish_challenge(current_user, challenge),
        can_cancel=permissions.can_cancel_challenge(current_user, challenge),
        can_extend=permissions.can_extend_deadline(current_user, challenge),
        can_answer=permissions.can_answer_questions(current_user, challenge),
        can_list=can_list_proposals(current_user, challenge),
        can_manage_co_owners=can_manage_co_owners(current_user, challenge),
        proposal_count=count_submitted(challenge),
        similar=similar_challenges(challenge),
        invited=invitations_of(challenge),
        **lesson_context(current_user, challenge),
    ), status


@bp.get("/<ref>/manage")
@login_required
def manage(ref: str):
    return _render_manage(_managed(ref))


@bp.post("/<ref>/publish")
@login_required
def publish(ref: str):
    challenge = _managed(ref, permissions.is_lead_officer)  # the lead buyer publishes; a double click is harmless
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        services.publish_challenge(challenge=challenge, user=current_user)
    except DomainError as error:
        show_error(error)
        return redirect(url_for("challenges.manage", ref=challenge.id))
    commit()
    flash(_("Published. The challenge is now on the public list."), "success")
    return redirect(url_for("challenges.show", ref=challenge.slug))


@bp.route("/<ref>/cancel", methods=["GET", "POST"])
@login_required
def cancel(ref: str):
    challenge = _managed(ref, permissions.can_cancel_challenge)
    form = CancelForm()
    if form.validate_on_submit():
        try:
            services.cancel_challenge(challenge=challenge, user=current_user, reason=form.reason.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The challenge is cancelled."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id))
    return render_template("challenges/cancel.html", form=form, challenge=challenge)


@bp.route("/<ref>/extend", methods=["GET", "POST"])
@login_required
def extend(ref: str):
    challenge = _managed(ref, permissions.can_extend_deadline)
    form = ExtendForm()
    if form.validate_on_submit():
        try:
            services.extend_deadline(challenge=challenge, user=current_user, new_close_at=form.new_close_at.data,
                                     reason=form.reason.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The deadline is extended. Everyone following the challenge gets an e-mail."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id))
    return render_template("challenges/extend.html", form=form, challenge=challenge)


@bp.post("/<ref>/save")
@login_required
def save(ref: str):
    challenge = _load(ref)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        saved = services.toggle_saved(challenge=challenge, user=current_user)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("Saved. You will get an e-mail when something changes.") if saved
              else _("Removed from your saved challenges."), "success")
    return redirect(url_for("challenges.show", ref=challenge.slug))


@bp.post("/<ref>/questions")
@login_required
def ask(ref: str):
    challenge = _load(ref)
    if not permissions.can_ask_question(current_user, challenge):
        abort(403)
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            questions.ask_question(challenge=challenge, user=current_user, text=form.text.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("Your question is sent. The answer will appear on this page."), "success")
            return redirect(url_for("challenges.show", ref=challenge.slug, _anchor="qa"))
    return _render_show(challenge, question_form=form, status=422)


@bp.post("/<ref>/questions/<id:question_id>/answer")
@login_required
def answer(ref: str, question_id: int):
    challenge = _managed(ref, permissions.can_answer_questions)
    question = get_or_404(Question, question_id)
    if question.challenge_id != challenge.id:
        abort(404)
    form = AnswerForm()
    if form.validate_on_submit():
        try:
            questions.answer_question(question=question, user=current_user, answer=form.answer.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The answer is published."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id, _anchor="questions"))
    return _render_manage(challenge, answer_form=form, answering=question.id, status=422)


@bp.post("/<ref>/clarifications")
@login_required
def clarify(ref: str):
    challenge = _managed(ref, permissions.can_answer_questions)
    form = ClarificationForm()
    if form.validate_on_submit():
        try:
            questions.post_clarification(challenge=challenge, user=current_user, text=form.text.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The clarification is published."), "success")
            return redirect(url_for("challenges.manage", ref=challenge.id, _anchor="questions"))
    return _render_manage(challenge, clarification_form=form, status=422)
