"""Blind review: evaluators see 'Proposal A', never the startup's name, e-mail, website or file name.

`redact` removes from a proposal's free text:
* the startup's name in any case, with or without spaces, hyphens or accents ("Regen-winst",
  "regen winst", "REGENWINST"), with or without a legal form before or after it ("B.V.", "Ltd",
  "GmbH", "Stichting", ...);
* the distinctive words of a name of several words ("groenblauw" for "Groenblauw Ontwerp"), but not
  its generic or common words ("Ontwerp", "Solutions", "Smart", "water"), nor words the challenge
  itself uses (a startup called "Slimme Fiets" cannot hide "fiets" in a cycling challenge);
* the startup's website: any address on its domain, with or without www, scheme, path or another
  top-level domain, and the domain's name on its own ("regenwinst" of regenwinst.nl);
* every e-mail address, links to profiles on LinkedIn, GitHub and the like, and the KvK number;
* its members' names: the full name, the surname with its prefix ("de Vries", "van den Berg") and
  a distinctive surname on its own ("Sharma", but not "Berg");
* other people's names and phone numbers, found by deduce (person_names.py).
Parts of a single-word name stay: "regen" and "winst" are ordinary words even when the startup is
called Regenwinst. See README, "Blind review: what it hides and what it cannot".
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _

from ..matching.stopwords import STOP_WORDS
from ..matching.text import fold
from ..proposals.models import Proposal
from . import person_names

REDACTED = "[…]"
MIN_DISTINCTIVE = 4  # shorter words of a name are never redacted on their own

# Words that make up company names without telling which company it is (folded, Dutch and English).
GENERIC_WORDS = frozenset({
    "advies", "adviesbureau", "adviseurs", "agency", "agentschap", "analytics", "app", "apps",
    "bedrijf", "bedrijven", "bouw", "bureau", "business", "care", "center", "centre", "centrum", "city",
    "clean", "cloud", "co", "collective", "collectief", "company", "concepts", "consult", "consultancy",
    "consulting", "creative", "data", "design", "designs", "development", "diensten", "digital",
    "digitaal", "duurzaam", "duurzame", "eco", "energie", "energy", "engineering", "europe", "european",
    "factory", "fabriek", "global", "green", "groen", "groene", "group", "groep", "holding", "holland",
    "hub", "impact", "industries", "ingenieurs", "innovatie", "innovation", "innovations", "innovaties",
    "international", "internationaal", "lab", "labs", "living", "management", "media", "mobiliteit",
    "mobility", "nederland", "netherlands", "network", "netwerk", "nl", "online", "ontwerp",
    "ontwerpen", "oplossingen", "partners", "platform", "products", "producten", "projects",
    "projecten", "research", "resources", "services", "slim", "slimme", "smart", "software",
    "solutions", "solution", "stad", "stichting", "studio", "studios", "supply", "sustainable",
    "systems", "systemen", "team", "tech", "techniek", "technologies", "technology", "technologie",
    "the", "urban", "ventures", "water", "werken", "works"
})

# Legal forms before or after a company's name (as regular expressions on the original text).
LEGAL_FORM = (r"(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?|u\.?\s?a\.?|ltd\.?|limited|"
              r"l\.?l\.?c\.?|llp|inc\.?|incorporated|corp\.?|corporation|gmbh|ag|s\.a\.|sas|sarl|s\.?r\.?l\.?|"
              r"bvba|plc|pty\.?(?:\s+ltd\.?)?|oy|a/s|aps|holding|holdings)")
LEGAL_PREFIX = r"(?:stichting|co[oö]peratie|vereniging|maatschap|firma|fa\.)"
_LEGAL_FORM_AT_END = re.compile(rf"[\s,]+{LEGAL_FORM}$", re.IGNORECASE)
_LEGAL_PREFIX_AT_START = re.compile(rf"^{LEGAL_PREFIX}\s+", re.IGNORECASE)

# Dutch (and a few other) surname prefixes: "de Vries", "van den Berg", "in 't Veld".
SURNAME_PREFIXES = frozenset({
    "van", "de", "den", "der", "het", "'t", "ten", "ter", "te", "in", "op", "aan", "bij", "uit", "la",
    "le", "du", "da", "di", "dos", "del", "della", "von", "zu", "zur", "el", "d'", "l'"
})

# Between two letters of a name: nothing, one space/hyphen/underscore/dot, or an ampersand or plus.
_JOIN = r"(?:\s+|[-‐‑–—_/·.]|\s?[&+]\s?)?"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PROFILE_LINK = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*(?:linkedin|github|gitlab|twitter|x|facebook|instagram|youtube|medium|"
    r"behance|dribbble|crunchbase)\.com/[^\s<>\"')\]]+", re.IGNORECASE)


def letter_code(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    code = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        code = chr(65 + rest) + code
    return code


def labels(proposals: list[Proposal]) -> dict[int, str]:
    """Stable labels in the order the proposals were started (by id)."""
    return {p.id: _("Proposal %(code)s", code=letter_code(i)) for i, p in enumerate(sorted(proposals, key=lambda p: p.id))}


# --- what identifies a proposal's startup ----------------------------------------------------------

def core_name(name: str) -> str:
    """The name without a legal form: "Regenwinst B.V." -> "Regenwinst", "Stichting X" -> "X"."""
    name = (name or "").strip()
    while True:
        shorter = _LEGAL_PREFIX_AT_START.sub("", _LEGAL_FORM_AT_END.sub("", name)).strip()
        if shorter == name or not shorter:
            return name
        name = shorter


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text or ""))


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Everyday Dutch words (deduce's list of the 1,000 most frequent, minus surnames)."""
    folder = person_names._source_folder() / "src" / "whitelist" / "lst_common_word"
    try:
        items = set((folder / "items.txt").read_text(encoding="utf-8").split())
        items -= set((folder / "exceptions.txt").read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()
    return frozenset(fold(word) for word in items)


def is_distinctive(word: str, context: frozenset[str] = frozenset()) -> bool:
    """Whether a part of a name may be redacted on its own: long enough, and not a generic company
    word, a stop word, an everyday Dutch word or a word of the challenge (`context`)."""
    word = fold(word)
    return (len(word) >= MIN_DISTINCTIVE and word not in GENERIC_WORDS and word not in STOP_WORDS
            and word not in _common_words() and word not in context)


def split_person_name(name: str) -> tuple[list[str], list[str], str]:
    """("Anne-Marie van den Berg") -> (["Anne-Marie"], ["van", "den"], "Berg")."""
    parts = (name or "").split()
    if len(parts) < 2:
        return [], [], parts[0] if parts else ""
    start = next((i for i in range(1, len(parts) - 1) if parts[i].lower() in SURNAME_PREFIXES), len(parts) - 1)
    return parts[:start], parts[start:-1], parts[-1]


def _website_host(website: str | None) -> str:
    if not website:
        return ""
    host = urlsplit(website if "//" in website else f"//{website}").hostname or ""
    return host.removeprefix("www.")


def domain_label(host: str) -> str:
    """The name in a host name: "app.regenwinst.nl" -> "regenwinst", "regenwinst.co.uk" -> "regenwinst"."""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return ""
    if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "ac", "gov", "edu"}:
        return labels[-3]
    return labels[-2]


def identifying_words(proposal: Proposal) -> list[str]:
    """The startup's name, its domain, its members' e-mail addresses and names (for display and tests;
    `redact` also matches their variants)."""
    startup = proposal.startup
    words = [startup.name, _website_host(startup.website)]
    words += [m.user.email for m in startup.memberships] + [m.user.name for m in startup.memberships]
    return [w for w in words if w and len(w) >= 3]


def _letters(text: str) -> str:
    """The folded letters and digits of a name: "Groen & Blauw B.V." -> "groenblauwbv"."""
    return "".join(_words(text))


@functools.lru_cache(maxsize=1)
def _variants_of_letter() -> dict[str, str]:
    """For each folded letter, a regex class of every Latin letter that folds to it: e -> [eèéêë...]."""
    classes: dict[str, set[str]] = {"o": {"ø"}, "l": {"ł"}, "d": {"đ"}, "i": {"ı"}}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0].lower()
        if base.isascii() and base.isalpha() and char.lower() == char and char != base:
            classes.setdefault(base, set()).add(char)
    return {base: "[" + base + "".join(sorted(chars)) + "]" for base, chars in classes.items()}


def flexible(name: str) -> str:
    """A regex for `name`'s letters in order, in any case and accents, with at most one separator
    between two letters: "Regenwinst" matches "Regen-winst", "regen winst", "RÉGENWINST"."""
    variants = _variants_of_letter()
    return _JOIN.join(variants.get(c, re.escape(c)) for c in _letters(name))


def rules_for(proposal: Proposal) -> tuple[str, ...]:
    """The regular expressions (as text) that find this startup in free text."""
    startup = proposal.startup
    challenge = proposal.challenge
    context = frozenset(_words(" ".join(filter(None, (
        challenge.title, challenge.summary, challenge.problem, challenge.desired_outcome)))))
    names: set[str] = set()  # each matched by `flexible`, with optional legal forms around it
    core = core_name(startup.name)
    if len(_letters(core)) >= 3:
        names.add(core)
    parts = _words(core)
    if len(parts) > 1:
        names.update(part for part in parts if is_distinctive(part, context))
    host = _website_host(startup.website)
    label = domain_label(host)
    if label and (len(_letters(label)) >= 3 and (_letters(label) == _letters(core) or is_distinctive(label, context))):
        names.add(label)
    people: set[str] = set()
    for membership in startup.memberships:
        given, prefixes, surname = split_person_name(membership.user.name)
        if given or prefixes:
            people.add(membership.user.name)
        if prefixes:
            people.add(" ".join(prefixes + [surname]))
        if surname and is_distinctive(surname, context):
            people.add(surname)
    rules = [rf"(?<!\w)(?:{LEGAL_PREFIX}\s+)?{flexible(name)}(?:[\s,]+{LEGAL_FORM})?(?!\w)"
             for name in sorted(names, key=len, reverse=True)]
    rules += [rf"(?<!\w){flexible(person)}(?!\w)" for person in sorted(people, key=len, reverse=True)]
    if label:
        domain = re.escape(label)
        rules.append(rf"(?<![\w-])(?:https?://)?(?:[\w-]+\.)*{domain}\.[a-z]{{2,}}(?:\.[a-z]{{2,}})?(?:[/?#][^\s<>\"')\]]*(?<![.,;:!?]))?")
    if startup.kvk_number:
        rules.append(r"(?<!\d)" + r"[\s.]?".join(re.escape(d) for d in startup.kvk_number) + r"(?!\d)")
    return tuple(rules)


@functools.lru_cache(maxsize=256)
def _compiled(rules: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rule, re.IGNORECASE) for rule in rules) + (EMAIL, PROFILE_LINK)


def cache_root() -> Path:
    """Where the person-name finder keeps its built lists: REDACTION_CACHE_FOLDER if configured, else the
    user's cache folder (~/.cache/matchmaker, shared by test runs and restarts), else the instance folder."""
    configured = current_app.config.get("REDACTION_CACHE_FOLDER")
    candidates = [Path(configured)] if configured else [
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "matchmaker"]
    candidates.append(Path(current_app.instance_path) / "cache")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return candidates[-1]


def redact(text: str, proposal: Proposal) -> str:
    """Replace the startup's names, domain, members' names, other people's names and phone numbers
    (found by deduce), e-mail addresses and profile links in free text with […]."""
    if not text:
        return text
    spans = [match.span() for pattern in _compiled(rules_for(proposal)) for match in pattern.finditer(text)]
    spans += person_names.spans(text, cache_root())
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + REDACTED + text[end:]
    return text


def warm_up() -> None:
    """Load the person-name finder in the background (before an evaluator opens a proposal)."""
    person_names.warm_up(cache_root())
