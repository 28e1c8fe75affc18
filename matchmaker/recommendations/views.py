from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..challenges.lookup import challenge_for
from ..database import commit
from ..errors import DomainError
from ..organisations.forms import EmptyForm
from ..organisations.models import Organisation
from ..proposals.services import eligibility_problems
from ..web import get_or_404, show_error
from . import invitations, permissions, services

bp = Blueprint("recommendations", __name__, url_prefix="/challenges/<ref>")


def _challenge(ref: str, allowed=permissions.can_see_fitting_startups):
    return challenge_for(current_user, ref, allowed)


@bp.get("/fit")
@login_required
def fitting_startups(ref: str):
    challenge = _challenge(ref)
    everything = services.startups_for_challenge(challenge, limit=500)
    show_all = request.args.get("all") == "1"
    matches = everything if show_all else services.strong_matches(everything)
    invited = {i.startup_id: i for i in invitations.invitations_of(challenge)}
    return render_template(
        "recommendations/fit.html", challenge=challenge, matches=matches, invited=invited,
        eligibility={m.item.id: eligibility_problems(challenge, m.item) for m in matches},
        can_invite=permissions.can_invite_to_apply(current_user, challenge), form=EmptyForm(),
        hidden=len(everything) - len(matches), show_all=show_all,
    )


@bp.post("/fit/<id:startup_id>/invite")
@login_required
def invite(ref: str, startup_id: int):
    challenge = _challenge(ref, permissions.can_send_invitations)
    startup = get_or_404(Organisation, startup_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        invitations.invite_to_apply(challenge=challenge, startup=startup, user=current_user,
                                    score=services.fit_of_startup(challenge, startup) if startup.is_startup else None)
    except DomainError as error:
        show_error(error)
    else:
        commit()
        flash(_("%(name)s is invited to apply.", name=startup.name), "success")
    return redirect(url_for("recommendations.fitting_startups", ref=challenge.id, _anchor=f"s{startup.id}"))
