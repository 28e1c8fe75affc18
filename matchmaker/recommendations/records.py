"""Database rows as matcher records: {"id", "title", "text", "tags"}."""

from __future__ import annotations

# One plain word per theme, so a shared theme counts once and reads well in an explanation (and,
# being a Dutch word, it also meets compounds in Dutch text: "afval" meets "afvalinzameling").
THEME_WORDS = {
    "mobility": "mobiliteit", "waste": "afval", "energy": "energietransitie", "climate": "klimaatadaptatie",
    "care": "zorg", "participation": "participatie", "safety": "veiligheid", "housing": "wonen",
    "public_space": "openbareruimte", "digital": "digitalisering", "economy": "economie", "education": "onderwijs",
    "water": "water", "food": "voedsel",
}


def theme_words(codes: list[str]) -> list[str]:
    return [THEME_WORDS[code] for code in codes or [] if code in THEME_WORDS]


def startup_record(org) -> dict:
    text = " ".join(part for part in (org.description, org.region) if part)
    return {"id": str(org.id), "title": org.name, "text": text,
            "tags": list(org.capabilities or []) + theme_words(org.sectors)}


def challenge_record(challenge, themes: list[str] | None = None) -> dict:
    """From a Challenge or a row with the same attributes (then `themes` must be given)."""
    text = "\n".join(part for part in (challenge.summary, challenge.problem, challenge.desired_outcome,
                                       challenge.affected, challenge.department) if part)
    codes = themes if themes is not None else challenge.themes
    return {"id": str(challenge.id), "title": challenge.title, "text": text,
            "tags": list(challenge.keywords or []) + theme_words(codes)}


def proposal_record(proposal, version) -> dict:
    text = "\n".join(part for part in (version.summary, version.understanding, version.solution, version.team)
                     if part)
    return {"id": str(proposal.id), "title": version.summary[:160], "text": text,
            "tags": list(proposal.startup.capabilities or [])}
