"""Rounds: the public list and round pages, and the pages where a municipality's officers run a round
(its name and shared dates, the challenges in it)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..challenges.models import Challenge
from ..database import commit
from ..db_types import parse_id
from ..enums import OrgKind
from ..errors import DomainError
from ..extensions import db
from ..organisations.forms import EmptyForm
from ..organisations.lookup import acting_municipality
from ..organisations.permissions import organisations_of
from ..web import get_or_404, show_error
from . import permissions, rounds
from .forms import RoundChallengeForm, RoundForm

bp = Blueprint("rounds", __name__, url_prefix="/rounds")


def _round(slug: str, *, manage: bool = False):
    """The round behind `slug`: a 404 for a round nobody outside may see yet, a 403 for managing it."""
    round_ = rounds.find_round(slug)
    if round_ is None:
        abort(404)
    may_manage = permissions.can_manage_round(current_user, round_)
    if manage and not may_manage:
        abort(403 if rounds.is_round_public(round_) else 404)
    if not may_manage and not rounds.is_round_public(round_):
        abort(404)
    return round_


@bp.get("/")
def index():
    return render_template("collaboration/rounds.html", rounds=rounds.public_rounds(),
                           mine=rounds.rounds_run_by(current_user),
                           can_create=bool(organisations_of(current_user, OrgKind.MUNICIPALITY)))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    organisation, municipalities = acting_municipality(current_user, permissions.can_create_round)
    form = RoundForm()
    if form.validate_on_submit():
        try:
            round_ = rounds.create_round(organisation=organisation, user=current_user, data=form.to_data())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The round is started. Put your draft challenges in it; they take its dates."), "success")
            return redirect(url_for("rounds.manage", slug=round_.slug))
    return render_template("collaboration/round_form.html", form=form, round=None, organisation=organisation,
                           municipalities=municipalities), 422 if form.errors else 200


@bp.get("/<slug>")
def show(slug: str):
    round_ = _round(slug)
    return render_template("collaboration/round.html", round=round_, challenges=rounds.public_challenges_in(round_),
                           can_manage=permissions.can_manage_round(current_user, round_))


def _render_manage(round_, form=None, add_form=None, status=200):
    add_form = add_form or RoundChallengeForm(formdata=None)
    add_form.challenge.choices = [(str(c.id), c.title) for c in rounds.drafts_for_round(current_user, round_)]
    return render_template("collaboration/round_manage.html", round=round_,
                           form=form or RoundForm(formdata=None, obj=round_), add_form=add_form,
                           challenges=rounds.challenges_in(round_), button_form=EmptyForm(),
                           can_take_out=lambda c: permissions.can_take_out_of_round(current_user, c)), status


@bp.route("/<slug>/manage", methods=["GET", "POST"])
@login_required
def manage(slug: str):
    round_ = _round(slug, manage=True)
    form = RoundForm()
    if form.validate_on_submit():
        try:
            moved = rounds.update_round(round_=round_, user=current_user, data=form.to_data())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("The round is saved.") + (" " + _("Its drafts follow the new dates.") if moved else ""),
                  "success")
            return redirect(url_for("rounds.manage", slug=round_.slug))
    return _render_manage(round_, form=form if form.is_submitted() else None,
                          status=422 if form.is_submitted() else 200)


@bp.post("/<slug>/challenges")
@login_required
def add(slug: str):
    round_ = _round(slug, manage=True)
    form = RoundChallengeForm()
    if not form.validate_on_submit():
        abort(400)
    ident = parse_id(form.challenge.data or "")
    challenge = db.session.get(Challenge, ident) if ident else None
    if challenge is None:
        form.challenge.errors = [_("Choose one of your draft challenges.")]
        return _render_manage(round_, add_form=form, status=422)
    try:
        rounds.put_in_round(challenge=challenge, round_=round_, user=current_user)
    except DomainError as error:
        show_error(error, form)
        return _render_manage(round_, add_form=form, status=422)
    commit()
    flash(_("“%(title)s” is in the round now and takes its dates.", title=challenge.title), "success")
    return redirect(url_for("rounds.manage", slug=round_.slug))


@bp.post("/<slug>/challenges/<id:challenge_id>/remove")
@login_required
def take_out(slug: str, challenge_id: int):
    round_ = _round(slug, manage=True)
    challenge = get_or_404(Challenge, challenge_id)
    if challenge.round_id != round_.id:
        abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        rounds.take_out_of_round(challenge=challenge, user=current_user)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("“%(title)s” is no longer in the round; it keeps its dates.", title=challenge.title), "success")
    return redirect(url_for("rounds.manage", slug=round_.slug))
