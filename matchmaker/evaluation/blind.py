"""Blind review: evaluators see 'Proposal A', never the startup's name, e-mail, website or file name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask_babel import gettext as _

from ..proposals.models import Proposal

REDACTED = "[…]"


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


def identifying_words(proposal: Proposal) -> list[str]:
    startup = proposal.startup
    words = [startup.name]
    if startup.website:
        host = urlsplit(startup.website).hostname or ""
        host = host.removeprefix("www.")
        if host:
            words.append(host)
    words += [m.user.email for m in startup.memberships] + [m.user.name for m in startup.memberships]
    return [w for w in words if w and len(w) >= 3]


def redact(text: str, proposal: Proposal) -> str:
    """Replace the startup's name, domain, members' names and e-mail addresses in free text."""
    if not text:
        return text
    for word in sorted(identifying_words(proposal), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", REDACTED, text, flags=re.IGNORECASE)
    return re.sub(r"[\w.+-]+@[\w-]+\.[\w.-]+", REDACTED, text)
