from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from ..forms import line_filter, strip_filter

LOCALE_CHOICES = [("nl", "Nederlands"), ("en", "English")]
PASSWORD_HINT = _l("At least 12 characters. A sentence or a few unrelated words work well.")


class RegisterForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)], filters=[line_filter])
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(), Email(), Length(max=254)], filters=[strip_filter]
    )
    password = PasswordField(
        _l("Password (optional)"), validators=[Optional(), Length(min=12, max=1024)],
        description=_l("At least 12 characters. Or leave it empty: you then sign in with a link by e-mail, and can "
                       "set a password later."),
    )


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email()], filters=[strip_filter])
    password = PasswordField(_l("Password"), validators=[Optional()])
    remember = BooleanField(_l("Keep me signed in on this device"))


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email()], filters=[strip_filter])


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(min=12, max=1024)], description=PASSWORD_HINT
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(min=12, max=1024)], description=PASSWORD_HINT
    )


class SetPasswordForm(FlaskForm):
    new_password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(min=12, max=1024)], description=PASSWORD_HINT
    )


class SettingsForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)], filters=[line_filter])
    locale = SelectField(_l("Language for e-mail and pages"), choices=LOCALE_CHOICES)
    match_digest = BooleanField(_l("E-mail me new challenges that fit my startup (at most once a day)"))
