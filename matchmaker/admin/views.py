from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..accounts import services as account_services
from ..accounts.models import User
from ..database import commit
from ..enums import OrgKind
from ..errors import DomainError
from ..extensions import db
from ..organisations import services as organisation_services
from ..organisations.forms import EmptyForm
from ..organisations.models import Organisation
from ..web import get_or_404, page_number, show_error
from .permissions import is_admin

bp = Blueprint("admin", __name__, url_prefix="/admin")


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if not is_admin(current_user):
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@bp.get("/")
@admin_required
def index():
    return redirect(url_for("admin.organisations"))


@bp.get("/organisations")
@admin_required
def organisations():
    kind = request.args.get("kind", OrgKind.MUNICIPALITY.value)
    if kind not in {k.value for k in OrgKind}:
        kind = OrgKind.MUNICIPALITY.value
    rows = db.session.scalars(
        select(Organisation)
        .where(Organisation.kind == kind)
        .order_by(Organisation.verified_at.is_not(None), Organisation.name)
    ).all()
    return render_template("admin/organisations.html", organisations=rows, kind=kind, form=EmptyForm())


@bp.post("/organisations/<id:organisation_id>/verify")
@admin_required
def verify(organisation_id: int):
    organisation = get_or_404(Organisation, organisation_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if organisation.is_verified:
        flash(_("%(name)s was already verified.", name=organisation.name), "success")
        return redirect(url_for("admin.organisations"))
    try:
        organisation_services.verify_organisation(admin=current_user, organisation=organisation)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("%(name)s is verified and can now publish challenges.", name=organisation.name), "success")
    return redirect(url_for("admin.organisations", kind=organisation.kind.value))


@bp.get("/users")
@admin_required
def users():
    text = request.args.get("q", "").strip().lower()[:100]
    query = select(User).order_by(User.created_at.desc())
    if text:
        query = query.where(User.email.contains(text) | User.name.ilike(f"%{text}%"))
    pagination = db.paginate(query, page=page_number(), per_page=25, error_out=False)
    return render_template("admin/users.html", pagination=pagination, text=text, form=EmptyForm())


@bp.post("/users/<id:user_id>/<any(activate, deactivate):action>")
@admin_required
def set_active(user_id: int, action: str):
    user = get_or_404(User, user_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        account_services.set_user_active(admin=current_user, user=user, active=action == "activate")
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("%(email)s is active again.", email=user.email) if user.active
              else _("%(email)s is deactivated and signed out.", email=user.email), "success")
    return redirect(url_for("admin.users"))
