from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from ..database import commit, rollback
from ..errors import DomainError
from ..extensions import limiter
from ..organisations.permissions import is_startup_member
from ..web import local_path, redirect_next, safe_next, show_error
from . import services
from .forms import (
    ChangePasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
    SetPasswordForm,
    SettingsForm,
)

bp = Blueprint("accounts", __name__, url_prefix="/account")

AUTH_LIMIT = "10 per minute"
REGISTRATION_KEY = "registration"  # in the session: the address just registered and where to go next


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def register():
    """Registering answers the same whether the address is new or already has an account: no
    sign-in, a redirect to "check your e-mail". The e-mail differs (a verification link, or "someone
    tried to register with your address"), and only its reader can tell which it was."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = RegisterForm(email=request.args.get("email", "")[:254] or None)
    if form.validate_on_submit():
        next_url = local_path(request.values.get("next"))
        try:
            services.register_user(email=form.email.data, name=form.name.data, password=form.password.data,
                                   locale=str(get_locale()), next_url=next_url)
        except DomainError as error:
            show_error(error, form)
        else:
            try:
                commit()
            except IntegrityError:  # the same address registered at the same moment: as if it existed
                rollback()
            session[REGISTRATION_KEY] = {"email": services.normalise_email(form.email.data), "next": next_url}
            return redirect(url_for("accounts.check_email"))
    return render_template("accounts/register.html", form=form)


@bp.get("/check-email")
def check_email():
    registration = session.get(REGISTRATION_KEY) or {}
    return render_template("accounts/check_email.html", email=registration.get("email"),
                           next_url=registration.get("next"))


@bp.post("/check-email/resend")
@limiter.limit("5 per hour")
def resend_registration():
    """Send the registration e-mail again, saying the same whichever e-mail that is."""
    registration = session.get(REGISTRATION_KEY) or {}
    email = registration.get("email")
    if not email:
        return redirect(url_for("accounts.register"))
    services.resend_registration_mail(email=email, next_url=local_path(registration.get("next")))
    commit()
    flash(_("We sent the e-mail to %(email)s again.", email=email), "success")
    return redirect(url_for("accounts.check_email"))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def login():
    """One form, two buttons: sign in with the password, or have a sign-in link e-mailed (which
    answers the same whether the address has an account or not)."""
    if current_user.is_authenticated:
        return redirect_next()
    form = LoginForm()
    if form.validate_on_submit():
        if "link" in request.form:
            services.send_signin_link(email=form.email.data, next_url=local_path(request.values.get("next")))
            commit()
            return render_template("accounts/link_sent.html", email=services.normalise_email(form.email.data))
        user = services.authenticate(email=form.email.data, password=form.password.data or "")
        if user is None:
            form.password.errors = [_("This e-mail address and password do not match an active account.") if
                                    form.password.data else _("Enter your password, or ask for a sign-in link.")]
        else:
            locale = services.sign_in_locale(user=user, browsing=str(get_locale()))
            commit()
            session.clear()
            login_user(user, remember=form.remember.data)
            session["locale"] = locale
            return redirect_next()
    return render_template("accounts/login.html", form=form)


@bp.get("/signin/<token>")
def signin_by_link(token: str):
    """The sign-in link: works once, within an hour, and confirms the address if it was not yet."""
    try:
        result = services.sign_in_by_link(token=token)
    except DomainError as error:
        show_error(error)
        return render_template("accounts/link_problem.html"), 400
    commit()
    locale = services.sign_in_locale(user=result.user, browsing=str(get_locale()))
    session.clear()
    login_user(result.user)
    session["locale"] = locale
    flash(_("You are signed in."), "success")
    return redirect(safe_next(target=result.next_url or ""))


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.index"))


@bp.get("/verify/<token>")
def verify(token: str):
    """The link proves the address: its first click confirms it and signs the person in, then goes
    on to the page they were heading for when they registered (carried in the signed link)."""
    try:
        result = services.verify_email(token=token)
    except DomainError as error:
        show_error(error)
        return render_template("accounts/link_problem.html"), 400
    commit()
    target = safe_next(target=result.next_url or "")
    user = result.user
    if result.first_time and user.active:
        locale = services.sign_in_locale(user=user, browsing=str(get_locale()))
        session.clear()
        login_user(user)
        session["locale"] = locale
        flash(_("Thank you, your e-mail address is confirmed."), "success")
        return redirect(target)
    if current_user.is_authenticated and current_user.id == user.id:
        return redirect(target)
    # A later click does not sign anyone in: the link would otherwise work as a password for days.
    flash(_("Your e-mail address is already confirmed. Sign in to continue."), "info")
    return redirect(url_for("accounts.login", next=result.next_url))


@bp.post("/verify/resend")
@login_required
@limiter.limit("5 per hour")
def resend_verification():
    if not current_user.is_verified:
        services.send_verification(user=current_user)
        commit()
        flash(_("We sent a new link to %(email)s.", email=current_user.email), "success")
    return redirect(url_for("main.dashboard"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def request_reset():
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(email=form.email.data)
        commit()
        flash(
            _("If an account exists for %(email)s, a link to choose a new password is on its way. "
              "The link works for one hour.", email=form.email.data),
            "success",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(AUTH_LIMIT, methods=["POST"])
def reset_password(token: str):
    try:
        services.user_for_reset_token(token)
    except DomainError as error:
        show_error(error)
        return render_template("accounts/link_problem.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token=token, password=form.password.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            locale = services.sign_in_locale(user=user, browsing=str(get_locale()))
            logout_user()
            session.clear()
            login_user(user)
            session["locale"] = locale
            flash(_("Your password has been changed. Other sessions have been signed out."), "success")
            return redirect(url_for("main.dashboard"))
    return render_template("accounts/reset_password.html", form=form)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user)
    if not form.is_submitted() and not current_user.locale_chosen:
        form.locale.data = str(get_locale())  # never chosen: offer the language they are reading in
    if form.validate_on_submit():
        services.update_settings(user=current_user, name=form.name.data, locale=form.locale.data,
                                 match_digest=form.match_digest.data)
        commit()
        session["locale"] = form.locale.data
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.settings"))
    return render_template("accounts/settings.html", form=form, password_form=ChangePasswordForm(),
                           startup=is_startup_member(current_user))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change the password, or set a first one for an account that signs in by e-mail link."""
    if not current_user.has_password:
        return _set_first_password()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                user=current_user, current_password=form.current_password.data, new_password=form.new_password.data
            )
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            login_user(current_user._get_current_object())  # keep this session, with the new token
            flash(_("Your password has been changed. Other sessions have been signed out."), "success")
            return redirect(url_for("accounts.settings"))
    return render_template("accounts/password.html", form=form)


def _set_first_password():
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            services.set_first_password(user=current_user, password=form.new_password.data)
        except DomainError as error:
            show_error(error, form)
        else:
            commit()
            login_user(current_user._get_current_object())
            flash(_("Your password is set. You can still sign in with a link by e-mail too."), "success")
            return redirect(url_for("accounts.settings"))
    return render_template("accounts/password.html", form=form, first=True)
