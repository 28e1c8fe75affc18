"""Co-owner settings of a challenge: the lead buyer adds and removes co-owner municipalities and sets
what each may do."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..challenges.lookup import challenge_for
from ..database import commit
from ..db_types import parse_id
from ..errors import DomainError
from ..extensions import db
from ..organisations.forms import EmptyForm
from ..organisations.models import Organisation
from ..web import show_error
from . import permissions, services
from .forms import CoOwnerForm, RightsForm

bp = Blueprint("collaboration", __name__, url_prefix="/challenges/<ref>/co-owners")


@bp.app_template_global("co_owner_rights")
def co_owner_rights(co_owner) -> list[str]:
    """What a co-owner's officers may do, in words (for the manage page)."""
    return [str(services.RIGHT_LABELS[right]) for right in services.rights_of(co_owner)]


def _challenge(ref: str):
    return challenge_for(current_user, ref, permissions.can_manage_co_owners)


def _render(challenge, form=None, rights_forms=None, status=200):
    rights_forms = rights_forms or {}
    for co in challenge.co_owners:
        if co.organisation_id not in rights_forms:
            rights_forms[co.organisation_id] = RightsForm(
                formdata=None, prefix=f"o{co.organisation_id}", data={r: getattr(co, r) for r in co.RIGHTS})
    form = form or CoOwnerForm(formdata=None)
    form.organisation.choices = [("", _("Choose a municipality"))] + [
        (str(o.id), o.name) for o in services.co_owner_candidates(challenge)]
    return render_template("collaboration/co_owners.html", challenge=challenge, form=form, rights_forms=rights_forms,
                           button_form=EmptyForm(), labels=services.RIGHT_LABELS), status


@bp.route("", methods=["GET", "POST"])
@login_required
def settings(ref: str):
    challenge = _challenge(ref)
    form = CoOwnerForm()
    if form.validate_on_submit():
        ident = parse_id(form.organisation.data or "")
        organisation = db.session.get(Organisation, ident) if ident else None
        try:
            co_owner = services.add_co_owner(challenge=challenge, user=current_user, organisation=organisation,
                                             rights=form.rights())
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            flash(_("%(name)s co-owns the challenge now.", name=co_owner.organisation.name), "success")
            return redirect(url_for("collaboration.settings", ref=challenge.id))
    return _render(challenge, form=form, status=422 if form.is_submitted() else 200)


@bp.post("/<id:organisation_id>")
@login_required
def rights(ref: str, organisation_id: int):
    challenge = _challenge(ref)
    if services.find_co_owner(challenge, organisation_id) is None:
        abort(404)
    form = RightsForm(prefix=f"o{organisation_id}")
    if not form.validate_on_submit():
        abort(400)
    co_owner = services.set_co_owner_rights(challenge=challenge, user=current_user, organisation_id=organisation_id,
                                            rights=form.rights())
    commit()
    flash(_("Saved what %(name)s may do.", name=co_owner.organisation.name), "success")
    return redirect(url_for("collaboration.settings", ref=challenge.id, _anchor=f"o{organisation_id}"))


@bp.post("/<id:organisation_id>/remove")
@login_required
def remove(ref: str, organisation_id: int):
    challenge = _challenge(ref)
    if not EmptyForm().validate_on_submit():
        abort(400)
    co_owner = services.find_co_owner(challenge, organisation_id)
    name = co_owner.organisation.name if co_owner else None
    services.remove_co_owner(challenge=challenge, user=current_user, organisation_id=organisation_id)
    commit()
    if name:
        flash(_("%(name)s no longer co-owns the challenge.", name=name), "success")
    return redirect(url_for("collaboration.settings", ref=challenge.id))
