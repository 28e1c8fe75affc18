"""The summary of a proposal, when the startup left it empty: the opening of its solution."""

from __future__ import annotations

import re

MAX_SUMMARY = 500
# A sentence ends at . ! ? (or an ellipsis), perhaps followed by a closing quote or bracket, then a space.
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)""")


def derive_summary(text: str, limit: int = MAX_SUMMARY) -> str:
    """The first sentences of `text` that fit in `limit` characters, whitespace folded.

    Whole sentences when at least one fits; otherwise the words that fit, ending in "…". Never
    longer than `limit`; empty for empty text.
    """
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = 0
    for match in _SENTENCE_END.finditer(flat):
        if match.end() > limit:
            break
        cut = match.end()
    if cut:
        return flat[:cut]
    words = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return words.rstrip(" ,;:-–—") + "…"
