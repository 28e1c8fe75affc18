"""The shared vocabulary of policy themes: challenge themes and startup sectors use the same codes."""

from flask_babel import lazy_gettext as _l

THEMES = {
    "mobility": _l("Mobility"),
    "waste": _l("Waste and circular economy"),
    "energy": _l("Energy transition"),
    "climate": _l("Climate adaptation and greenery"),
    "care": _l("Care and wellbeing"),
    "participation": _l("Participation and democracy"),
    "safety": _l("Safety"),
    "housing": _l("Housing and construction"),
    "public_space": _l("Public space"),
    "digital": _l("Digital services and data"),
    "economy": _l("Work and economy"),
    "education": _l("Education and youth"),
    "water": _l("Water"),
    "food": _l("Food"),
}


def theme_label(code: str) -> str:
    return str(THEMES.get(code, code))


def theme_choices() -> list[tuple[str, str]]:
    return [(code, label) for code, label in THEMES.items()]
