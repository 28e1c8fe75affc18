"""A match's explanation (the matcher's `why` items) grouped by query word, for the sentence under a
fit: "Matches on: afvalinzameling (your profile: waste collection, translation), sensoren, binnenstad".
The wording, in the reader's language and from the reader's side, is in `recommendations/_why.html`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

SHOWN_FROM = 0.5  # points: smaller contributions stay in the table only
SPELLING = "fuzzy"  # a close spelling: "parkeersensoren (you wrote: parkeersensorn)"


@dataclass
class Reason:
    """One query word of the sentence and the record's words it met."""

    word: str
    says: list[str] = field(default_factory=list)  # other forms, compound parts
    translated: list[str] = field(default_factory=list)  # translations (in the other language)
    spelt: list[str] = field(default_factory=list)  # close spellings (typos)
    points: float = 0.0


@dataclass
class Reasons:
    shown: list[Reason]
    more: int  # query words that met something but are not in the sentence
    other_points: float  # points of the words the matcher did not list (the table's "other words")


def reasons(why: Sequence[dict[str, Any]] | None, limit: int = 4, score: float | None = None) -> Reasons:
    """The `why` items (best first) grouped by query word, strongest first; at most `limit` words
    in the sentence. An exact match adds the word alone; another form or a compound part adds the
    record's word, and so do a translation and a close spelling, each said as such: the word's
    strongest way of meeting always, the others only if they add `SHOWN_FROM` points or more."""
    groups: dict[str, Reason] = {}
    for item in why or []:  # best first, so a word's first item is its main way of meeting
        if item.get("kind") == "text":
            continue
        word, matched, kind = item["query"], item["matched"], item["kind"]
        points = float(item.get("contribution") or 0.0)
        first = word not in groups
        reason = groups.setdefault(word, Reason(word))
        reason.points += points
        if matched == word or not (first or points >= SHOWN_FROM):
            continue  # the same word needs no aside; a small side-match stays in the table
        target = {SPELLING: reason.spelt, "translation": reason.translated}.get(kind, reason.says)
        if matched not in target:
            target.append(matched)
    ranked = sorted((r for r in groups.values() if r.points >= SHOWN_FROM), key=lambda r: -r.points)
    listed = sum(float(item.get("contribution") or 0.0) for item in why or [])
    other = max(0.0, score - listed) if score is not None else 0.0
    return Reasons(shown=ranked[:limit], more=max(0, len(ranked) - limit), other_points=round(other, 2))


def other_language(code: str | None) -> str | None:
    """Dutch for English and the reverse: the language of a translation's matched word."""
    return {"nl": "en", "en": "nl"}.get(code or "")
