"""The way in for a visitor without an account: the apply page keeps their draft until the e-mail
link is followed (`wayin.save_pending`, `wayin.confirm_pending`)."""

from flask import Blueprint, flash, redirect, render_template, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user

from ..accounts.services import sign_in_locale
from ..challenges.lookup import challenge_for
from ..database import commit
from ..errors import DomainError
from ..extensions import limiter
from ..web import show_error
from . import wayin
from .forms import ApplyForm

bp = Blueprint("wayin", __name__)

PENDING_KEY = "pending_applications"  # in the session: ids of the drafts this browser wrote


def _session_ids() -> list[int]:
    ids = session.get(PENDING_KEY) or []
    return [i for i in ids if isinstance(i, int)]


def _remember(pending_id: int) -> None:
    ids = [i for i in _session_ids() if i != pending_id]
    session[PENDING_KEY] = (ids + [pending_id])[-20:]


def _fill_from(form: ApplyForm, pending) -> None:
    form.form_key.data = pending.form_key
    form.email.data = pending.email
    if "startup_name" in form:
        form.startup_name.data = pending.startup_name
    for name, value in (pending.profile or {}).items():
        if name in form:
            form[name].data = value
    for name, value in (pending.content or {}).items():
        if name in form and value is not None:
            form[name].data = value


def anonymous_apply(challenge):
    """GET: the form (the draft this browser session kept, if any). POST: keep it, mail the link."""
    from .services import proposal_defaults
    from .views import _prepare_form, _render_form

    pending = wayin.pending_in_session(_session_ids(), challenge)
    form = ApplyForm()
    form.keep_only(wayin.missing_fields(current_user, challenge))
    _prepare_form(form, challenge)
    if not form.is_submitted():
        if pending is not None:
            _fill_from(form, pending)
        else:
            form.form_key.data = wayin.new_form_key()
            for name, value in proposal_defaults(challenge, None).items():
                form[name].data = value
    if form.validate_on_submit():
        try:
            outcome = wayin.save_pending(
                challenge=challenge, form_key=form.form_key.data, email=form.email.data,
                startup_name=form.startup_name.data, profile=form.profile_data(), content=form.proposal_data(),
                locale=str(get_locale()))
        except DomainError as error:
            show_error(error, form)
            return _render_form(form, challenge, None, 422)
        commit()
        _remember(outcome.pending.id)
        return redirect(url_for("wayin.sent", ref=challenge.slug))
    return _render_form(form, challenge, None, 422 if form.is_submitted() else 200)


@bp.get("/challenges/<ref>/apply/sent")
def sent(ref: str):
    """"Check your e-mail": the draft is kept; submitting waits for the confirmation."""
    challenge = challenge_for(current_user, ref)
    pending = wayin.pending_in_session(_session_ids(), challenge)
    if pending is None:
        return redirect(url_for("proposals.apply", ref=challenge.slug))
    return render_template("proposals/pending_sent.html", challenge=challenge, pending=pending)


@bp.post("/challenges/<ref>/apply/resend")
@limiter.limit("5 per hour")
def resend(ref: str):
    challenge = challenge_for(current_user, ref)
    pending = wayin.pending_in_session(_session_ids(), challenge)
    if pending is None:
        return redirect(url_for("proposals.apply", ref=challenge.slug))
    wayin.resend_pending(pending=pending)
    commit()
    flash(_("We sent the e-mail to %(email)s again. Only the newest link works.", email=pending.email), "success")
    return redirect(url_for("wayin.sent", ref=challenge.slug))


@bp.get("/apply/confirm/<token>")
def confirm(token: str):
    """The link in the e-mail: confirms the address, signs in, and lands on the draft proposal."""
    try:
        result = wayin.confirm_pending(token=token, current_user=current_user)
    except DomainError as error:
        show_error(error)
        return render_template("proposals/pending_problem.html"), 400
    commit()
    user = result.user
    if not (current_user.is_authenticated and current_user.id == user.id):
        locale = sign_in_locale(user=user, browsing=str(get_locale()))
        session.clear()
        login_user(user)
        session["locale"] = locale
    if result.proposal is None:
        flash(_("Your e-mail address is confirmed, but the deadline for this challenge has passed, so your draft "
                "could not become a proposal."), "error")
        return redirect(url_for("main.dashboard"))
    if result.first_time:
        flash(_("Your e-mail address is confirmed. Check your proposal and submit it."), "success")
    if result.existing_proposal:
        flash(_("Your startup already had a proposal for this challenge: we kept it and added only what was "
                "still empty."), "info")
    return redirect(url_for("proposals.edit", proposal_id=result.proposal.id))
