from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import invitations
from ..challenges.services import public_challenges_of
from ..database import commit
from ..enums import MemberRole, OrgKind
from ..errors import DomainError
from ..extensions import db, login_manager
from ..web import local_path, redirect_next, show_error
from . import permissions, services
from .forms import EmptyForm, InviteForm, OrganisationForm, StartupForm
from .models import Invitation, Membership

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


def _form_class(kind: OrgKind):
    return StartupForm if kind == OrgKind.STARTUP else OrganisationForm


def _get(slug: str):
    organisation = services.get_by_slug(slug)
    if organisation is None:
        abort(404)
    return organisation


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    kind_value = request.args.get("kind", "")
    if kind_value not in {k.value for k in OrgKind}:
        return render_template("organisations/choose_kind.html")
    kind = OrgKind(kind_value)
    if not permissions.can_create_organisation(current_user):
        flash(_("Confirm your e-mail address first: use the link we sent you."), "error")
        return redirect(url_for("main.dashboard"))
    form = _form_class(kind)()
    if form.validate_on_submit():
        try:
            organisation = services.create_organisation(user=current_user, kind=kind, data=form.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            if kind == OrgKind.MUNICIPALITY:
                flash(_("%(name)s is registered. An administrator will verify it; until then you can "
                        "prepare challenges but not publish them.", name=organisation.name), "success")
            else:
                flash(_("%(name)s is registered.", name=organisation.name), "success")
            if local_path(request.values.get("next")):  # back to the challenge they came for
                return redirect_next()
            return redirect(url_for("organisations.show", slug=organisation.slug))
    return render_template("organisations/form.html", form=form, kind=kind, organisation=None)


@bp.get("/<slug>")
def show(slug: str):
    organisation = _get(slug)
    challenges = public_challenges_of(organisation) if organisation.is_municipality else []
    return render_template(
        "organisations/show.html",
        organisation=organisation,
        challenges=challenges,
        can_edit=permissions.can_edit_organisation(current_user, organisation),
    )


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    organisation = _get(slug)
    if not permissions.can_edit_organisation(current_user, organisation):
        abort(403)
    form = _form_class(organisation.kind)(obj=organisation)
    if form.validate_on_submit():
        services.update_organisation(organisation=organisation, user=current_user, data=form.data)
        commit()
        flash(_("The profile is saved."), "success")
        if local_path(request.values.get("next")):  # e.g. back to the proposal whose eligibility it fixes
            return redirect_next()
        return redirect(url_for("organisations.show", slug=organisation.slug))
    return render_template("organisations/form.html", form=form, kind=organisation.kind, organisation=organisation)


@bp.route("/<slug>/members", methods=["GET", "POST"])
@login_required
def members(slug: str):
    organisation = _get(slug)
    if not permissions.is_member(current_user, organisation):
        abort(403)
    form = InviteForm()
    if request.method == "POST":
        if not permissions.can_manage_members(current_user, organisation):
            abort(403)
        if form.validate_on_submit():
            try:
                services.invite_member(
                    organisation=organisation, user=current_user, email=form.email.data,
                    role=MemberRole(form.role.data),
                )
            except DomainError as error:
                show_error(error, form)
            else:
                commit()
                flash(_("Invitation sent to %(email)s.", email=form.email.data), "success")
                return redirect(url_for("organisations.members", slug=slug))
    return render_template(
        "organisations/members.html",
        organisation=organisation,
        form=form,
        invitations=services.open_invitations(organisation),
        remove_form=EmptyForm(),
        can_manage=permissions.can_manage_members(current_user, organisation),
    )


@bp.post("/<slug>/members/<id:membership_id>/remove")
@login_required
def remove_member(slug: str, membership_id: int):
    organisation = _get(slug)
    membership = db.session.scalar(
        select(Membership).where(Membership.id == membership_id, Membership.organisation_id == organisation.id)
    )
    if membership is None:
        abort(404)
    if not (permissions.can_manage_members(current_user, organisation) or membership.user_id == current_user.id):
        abort(403)
    if not EmptyForm().validate_on_submit():
        abort(400)
    leaving = membership.user_id == current_user.id
    try:
        services.remove_member(organisation=organisation, user=current_user, membership=membership)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("The member has been removed."), "success")
        if leaving:
            return redirect(url_for("main.dashboard"))
    return redirect(url_for("organisations.members", slug=slug))


@bp.post("/<slug>/members/<id:membership_id>/role")
@login_required
def change_role(slug: str, membership_id: int):
    organisation = _get(slug)
    membership = db.session.scalar(
        select(Membership).where(Membership.id == membership_id, Membership.organisation_id == organisation.id)
    )
    if membership is None:
        abort(404)
    if not permissions.can_manage_members(current_user, organisation):
        abort(403)
    role = request.form.get("role", "")
    if not EmptyForm().validate_on_submit() or role not in {r.value for r in MemberRole}:
        abort(400)
    try:
        services.set_member_role(organisation=organisation, user=current_user, membership=membership,
                                 role=MemberRole(role))
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("The role of %(name)s is changed.", name=membership.user.name), "success")
    return redirect(url_for("organisations.members", slug=slug))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """The link in the invitation. Someone not signed in is offered to sign in or register (with
    the invited address) and comes back here afterwards; accepting needs an account."""
    invitation = services.find_invitation(token)
    if invitation is None:
        abort(404)
    if not current_user.is_authenticated and request.method == "POST":
        return login_manager.unauthorized()
    form = EmptyForm()
    if current_user.is_authenticated and form.validate_on_submit():
        try:
            organisation = services.accept_invitation(token=token, user=current_user)
        except DomainError as error:
            show_error(error)
        else:
            commit()
            flash(_("You are now a member of %(name)s.", name=organisation.name), "success")
            return redirect(url_for("organisations.show", slug=organisation.slug))
    accepted = services.accepted_by(invitation, current_user)
    return render_template("organisations/invitation.html", invitation=invitation, form=form, accepted=accepted,
                           problem=invitations.problem_for(invitation, current_user, accepted_by_user=accepted))


@bp.post("/<slug>/invitations/<id:invitation_id>/revoke")
@login_required
def revoke_invitation(slug: str, invitation_id: int):
    organisation = _get(slug)
    if not permissions.can_manage_members(current_user, organisation):
        abort(403)
    invitation = db.session.scalar(
        select(Invitation).where(Invitation.id == invitation_id, Invitation.organisation_id == organisation.id))
    if invitation is None:
        abort(404)
    services.revoke_invitation(organisation=organisation, user=current_user, invitation=invitation)
    commit()
    flash(_("The invitation to %(email)s is withdrawn.", email=invitation.email), "success")
    return redirect(url_for("organisations.members", slug=slug))
