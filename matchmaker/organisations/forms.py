from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from ..enums import MemberRole
from ..forms import DecimalNumberField, TagListField, WholeNumberField, line_filter, strip_filter
from ..themes import theme_choices


def add_scheme(value):
    value = line_filter(value)
    if value and "://" not in value:
        return f"https://{value}"
    return value


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class OrganisationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=160)], filters=[line_filter])
    website = StringField(
        _l("Website"),
        validators=[Optional(), URL(require_tld=True, message=_l("Enter a web address such as https://example.nl")),
                    Length(max=255)],
        filters=[add_scheme],
    )
    region = StringField(_l("Region or city"), validators=[Optional(), Length(max=120)], filters=[line_filter])
    description = TextAreaField(
        _l("Description"), validators=[Optional(), Length(max=4000)], filters=[strip_filter],
        description=_l("What you do, in a few sentences. This is what the matcher reads."),
    )


class StartupForm(OrganisationForm):
    capabilities = TagListField(
        _l("Capabilities"),
        description=_l("Comma-separated, e.g. sensors, data platform, citizen app, route optimisation"),
    )
    sectors = MultiCheckboxField(_l("Sectors you work in"), choices=theme_choices)
    size_fte = DecimalNumberField(
        _l("Team size (FTE)"), validators=[Optional(), NumberRange(min=0, max=99999)],
        description=_l("Full-time equivalents; decimals are fine, such as 2.5."),
        render_kw={"inputmode": "decimal", "autocomplete": "off"},
    )
    founded_year = WholeNumberField(
        _l("Year founded"),
        validators=[Optional(), NumberRange(min=1800, max=date.today().year,
                                             message=_l("Enter a year between 1800 and this year."))],
    )
    team_description = TextAreaField(
        _l("Your team"), validators=[Optional(), Length(max=5000)], filters=[strip_filter],
        description=_l("Who works at the startup and what they are good at. Offered on every new proposal."),
    )
    kvk_number = StringField(
        _l("KvK number (optional)"),
        validators=[Optional(), Regexp(r"^[0-9]{8}$", message=_l("A KvK number has exactly 8 digits."))],
        filters=[line_filter, lambda v: v.replace(" ", "") if isinstance(v, str) else v],
    )


class InviteForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Email()], filters=[strip_filter])
    role = SelectField(
        _l("Role"),
        choices=[(MemberRole.MEMBER.value, _l("Member")), (MemberRole.OWNER.value, _l("Owner"))],
        default=MemberRole.MEMBER.value,
    )


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change state."""
