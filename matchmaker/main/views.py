from flask import Blueprint, current_app, redirect, render_template, request, session
from flask_login import current_user, login_required
from sqlalchemy import func, select

from ..accounts.services import choose_locale
from ..challenges import services as challenge_services
from ..challenges.models import Challenge
from ..database import commit
from ..enums import OrgKind
from ..extensions import db
from ..organisations.models import Organisation
from ..organisations.permissions import organisations_of
from ..pilots.todo import officer_pilot_todo, startup_pilot_todo
from ..web import safe_next
from . import todo

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    latest = db.session.scalars(
        challenge_services.public_query()
        .where(challenge_services.open_condition())
        .order_by(Challenge.submissions_close_at)
        .limit(6)
    ).all()
    stats = {
        "open": db.session.scalar(
            select(func.count(Challenge.id)).where(challenge_services.open_condition())
        ),
        "municipalities": db.session.scalar(
            select(func.count(Organisation.id)).where(
                Organisation.kind == OrgKind.MUNICIPALITY, Organisation.verified_at.is_not(None)
            )
        ),
        "startups": db.session.scalar(
            select(func.count(Organisation.id)).where(Organisation.kind == OrgKind.STARTUP)
        ),
    }
    return render_template("main/index.html", latest=latest, stats=stats)


@bp.get("/dashboard")
@login_required
def dashboard():
    """A to-do list per role the person has (officer, evaluator, startup), then their lists."""
    municipalities = organisations_of(current_user, OrgKind.MUNICIPALITY)
    startups = organisations_of(current_user, OrgKind.STARTUP)
    evaluator = todo.evaluator_todo(current_user)
    return render_template(
        "main/dashboard.html",
        municipalities=municipalities,
        startups=startups,
        officer=todo.officer_todo(current_user) if municipalities else None,
        evaluator=evaluator if evaluator.has_role else None,
        startup=todo.startup_todo(current_user) if startups else None,
        officer_pilots=officer_pilot_todo(current_user) if municipalities else None,
        startup_pilots=startup_pilot_todo(current_user) if startups else None,
        managed=challenge_services.challenges_managed_by(current_user),
        saved=challenge_services.saved_challenges(current_user),
    )


@bp.post("/language")
def set_language():
    """Switch the interface language; the choice is kept in the session (and on the account)."""
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            choose_locale(user=current_user, locale=locale)
            commit()
    return redirect(safe_next("main.index"))


@bp.get("/healthz")
def healthz():
    db.session.execute(select(1))
    return {"status": "ok"}
