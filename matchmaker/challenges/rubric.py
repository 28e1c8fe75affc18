"""The default rubric: five criteria and the anchors of the 1-5 scale, shown in the reader's language.

A new challenge starts with these criteria, stored with their `key` and with the names in the
officer's language. As long as an officer keeps a default name (in any of the interface languages),
the criterion keeps its key and every reader sees its name, and its description while that is the
default one too, in their own language. A renamed criterion loses its key and is shown as typed.
Default anchors are stored empty and rendered in the reader's language.
"""

from __future__ import annotations

from flask import current_app, has_app_context
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

# key -> (weight, name, description)
DEFAULT_RUBRIC = {
    "impact": (30, _l("Impact"),
               _l("How much the solution improves the situation for residents and the city.")),
    "feasibility": (25, _l("Feasibility"),
                    _l("Can this be piloted within the time and budget, with the data and systems we have?")),
    "innovation": (15, _l("Innovation"),
                   _l("What is new compared with what is already on the market or in use.")),
    "team": (15, _l("Team"),
             _l("Relevant experience, capacity and the ability to work with our staff.")),
    "value": (15, _l("Value for money"),
              _l("Price against the expected outcome and the budget range.")),
}
DEFAULT_SCALE = (1, 5)
DEFAULT_ANCHORS = (_l("Insufficient"), _l("Weak"), _l("Adequate"), _l("Good"), _l("Excellent"))


def _languages() -> list[str]:
    return list(current_app.config["LANGUAGES"]) if has_app_context() else ["nl", "en"]


def _normal(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def default_rows(locale: str) -> list[dict]:
    """The default criteria as rows (key, name, description, weight) in `locale`."""
    with force_locale(locale):
        return [{"key": key, "name": str(name), "description": str(description), "weight": weight}
                for key, (weight, name, description) in DEFAULT_RUBRIC.items()]


def anchor_labels(scale_min: int, scale_max: int) -> list[str]:
    """The default anchors of a scale in the current language; none for a scale other than 1-5."""
    if (scale_min, scale_max) != DEFAULT_SCALE:
        return []
    return [str(anchor) for anchor in DEFAULT_ANCHORS]


def key_for_name(name: str | None) -> str | None:
    """The key of the default criterion called `name` in any interface language, or None."""
    wanted = _normal(name)
    if not wanted:
        return None
    for language in _languages():
        with force_locale(language):
            for key, (_weight, default_name, _description) in DEFAULT_RUBRIC.items():
                if _normal(str(default_name)) == wanted:
                    return key
    return None


def is_default_description(key: str | None, text: str | None) -> bool:
    """Whether `text` is the default description of criterion `key` in some interface language."""
    if key not in DEFAULT_RUBRIC:
        return False
    description = DEFAULT_RUBRIC[key][2]
    for language in _languages():
        with force_locale(language):
            if _normal(str(description)) == _normal(text):
                return True
    return False


def are_default_anchors(anchors: list[str] | None) -> bool:
    """Whether stored anchors are the default ones in some interface language (older rows kept them)."""
    if not anchors:
        return True
    wanted = [_normal(a) for a in anchors]
    for language in _languages():
        with force_locale(language):
            if wanted == [_normal(str(a)) for a in DEFAULT_ANCHORS]:
                return True
    return False


def name_of(key: str) -> str:
    return str(DEFAULT_RUBRIC[key][1])


def description_of(key: str) -> str:
    return str(DEFAULT_RUBRIC[key][2])
