"""Explanations: which query words met which record words, how similar, and how much each added."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from .text import FIELDS, STOP_TOKENS, tokenize
from .translate import term_map

if TYPE_CHECKING:
    from .analysis import Lexicon, QueryWord


@dataclass(frozen=True, slots=True)
class MatchResult:
    """One ranked record.

    ``score`` is 0-100 (about 100: the record covers every query word; a mild prior scales it by
    0.85-1.1 with the length of the record's profile, capped at 100); ``why`` lists the top
    contributions, best first, as JSON-ready dicts::

        {"query": "afvalinzameling", "matched": "afval", "field": "title",
         "similarity": 100.0, "contribution": 12.3, "kind": "compound"}

    ``kind`` is ``exact`` (same word), ``variant`` (same stem: plural, inflection, spelling
    variant), ``fuzzy`` (close spelling, e.g. a typo), ``compound`` (a part of a compound, or two
    query words written as one) or ``translation`` (Dutch <-> English; the item then also has
    ``via``, the translated word, e.g. query ``parking``, via ``parkeer``, matched
    ``parkeerdruk``); one item of kind ``text`` (query and matched ``"*"``, field
    ``"all"``) gives the small share of the score that comes from the fuzzy similarity of the whole
    texts. ``contribution`` is in score points; all of them add up to the score, though only the
    largest are listed.
    """

    id: str
    score: float
    why: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "why": self.why}

    def summary(self, max_items: int = 3) -> str:
        """The explanation as one short English sentence."""
        return describe(self.why, max_items)


def describe(why: Sequence[dict[str, Any]], max_items: int = 3) -> str:
    """Render a ``why`` list as a short sentence, e.g.
    ``Matched "afval" in title; "mobiliteit" for "mobilitiet" in text (90% similar).``"""
    parts = []
    for item in [w for w in why if w["kind"] != "text"][:max_items]:
        q, m, f = item["query"], item["matched"], item["field"]
        if item["kind"] == "exact":
            parts.append(f'"{m}" in {f}')
        elif item["kind"] == "compound":
            parts.append(f'"{m}" for "{q}" in {f} (compound)')
        elif item["kind"] == "translation":
            parts.append(f'"{m}" for "{q}" in {f} (translation: {item.get("via", m)})')
        else:
            parts.append(f'"{m}" for "{q}" in {f} ({item["similarity"]:.0f}% similar)')
    if not parts:
        return "No matching words."
    return "Matched " + "; ".join(parts) + "."


def build_why(
    *,
    words: Sequence[QueryWord],
    provenance: Sequence[tuple[int, int, float, str]],
    values: dict[int, float],
    record: Sequence[Sequence[str]],
    lexicon: Lexicon,
    locator: Locator,
    scale: float,
    limit: int,
    text_similarity: tuple[float, float] | None = None,
) -> list[dict[str, Any]]:
    """The top ``limit`` contributions to one record's score.

    ``record`` holds the tokens of each field of the record; ``provenance`` holds ``(query word index, term id, column weight, expansion kind)``;
    ``values`` the record's matrix value per term; ``scale`` turns raw score into score points.
    Contributions of the same query word through the same term are added up.
    """
    merged: dict[tuple[int, int, str], float] = {}
    for wi, tid, weight, kind in provenance:
        v = values.get(tid)
        if v:
            key = (wi, tid, kind)
            merged[key] = merged.get(key, 0.0) + weight * v * scale
    contribs = sorted(((c, wi, tid, kind) for (wi, tid, kind), c in merged.items()), key=lambda c: -c[0])
    contribs = contribs[: 2 * limit]
    found = locator.locate({tid for _, _, tid, _ in contribs}, record)
    why: list[dict[str, Any]] = []
    index: dict[tuple[str, str, str], dict[str, Any]] = {}
    for contribution, wi, tid, kind in contribs:
        q = words[wi].surface
        matched, field_name, part = found.get(tid, (lexicon.vocab.terms[tid], "text", False))
        via = None
        if kind == "fuzzy":
            sim = fuzz.ratio(q, matched)
        elif kind == "translation":
            # the record's own word when it is the translation, else (a part of a compound) the
            # dictionary's spelling of the part
            term = lexicon.vocab.terms[tid]
            sim, via = 100.0, term_map().words.get(term, term) if part else matched
        elif kind == "exact" and not part:
            sim = 100.0 if q == matched else fuzz.ratio(q, matched)
            kind = "exact" if q == matched else "variant"
        else:
            kind = "compound"
            sim = fuzz.partial_ratio(q.replace(" ", ""), matched)
        same = index.get((q, matched, field_name))
        if same is not None:  # one record word reached through two terms (e.g. whole and part)
            same["contribution"] = round(same["contribution"] + contribution, 2)
            continue
        item = index[(q, matched, field_name)] = {
            "query": q,
            "matched": matched,
            "field": field_name,
            "similarity": round(float(sim), 1),
            "contribution": round(contribution, 2),
            "kind": kind,
        }
        if via is not None:
            item["via"] = via
        why.append(item)
    if text_similarity is not None and text_similarity[1] > 0:
        sim, contribution = text_similarity
        why.append(
            {
                "query": "*",
                "matched": "*",
                "field": "all",
                "similarity": round(float(sim), 1),
                "contribution": round(contribution, 2),
                "kind": "text",
            }
        )
    why.sort(key=lambda item: -item["contribution"])
    return why[:limit]


def record_tokens(record: tuple[str, str, str] | None) -> list[list[str]]:
    """Tokens of each field of a stored record (title, tags, text)."""
    return [tokenize(text) for text in record] if record is not None else [[], [], []]


def content_text(tokens: Sequence[Sequence[str]]) -> str:
    """The distinct content words (no stop words) of token lists, for whole-text fuzzy similarity
    with ``token_set_ratio`` (which compares word sets, so order does not matter)."""
    words: set[str] = set()
    for toks in tokens:
        words.update(toks)
    return " ".join(sorted(words.difference(STOP_TOKENS)))


class Locator:
    """Finds the record words that carry given terms; prepared once per query."""

    def __init__(self, tids: set[int], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        #: surface -> [(term, is a compound part)]
        self.wanted: dict[str, list[tuple[int, bool]]] = {}
        #: first word of a compound spelt as two words -> [(term of the second word, compound)]
        self.joins: dict[str, list[tuple[int, int]]] = {}
        surfaces, terms_of = lexicon.surfaces, lexicon.terms_of
        for tid in tids:
            for sid in lexicon.surfaces_of.get(tid, ()):
                self.wanted.setdefault(surfaces[sid], []).append((tid, False))
            for sid in lexicon.part_of.get(tid, ()):
                if any(t == tid for t, _ in terms_of[sid][1:]):
                    self.wanted.setdefault(surfaces[sid], []).append((tid, True))
            parts = lexicon.parts_of.get(tid)
            if parts is not None:
                for sid in lexicon.surfaces_of.get(parts[0], ()):
                    self.joins.setdefault(surfaces[sid], []).append((parts[1], tid))

    def locate(self, tids: set[int], record: Sequence[Sequence[str]]) -> dict[int, tuple[str, str, bool]]:
        """For each term, the first record word carrying it: (word, field, is a compound part).

        A whole word wins over a compound that contains the term; a compound spelt as two words
        is reported as those two words.
        """
        found: dict[int, tuple[str, str, bool]] = {}
        wanted, joins = self.wanted, self.joins
        for field_name, toks in zip(FIELDS, record):
            for j, tok in enumerate(toks):
                hits = wanted.get(tok)
                if hits:
                    for tid, part in hits:
                        if tid in tids and (tid not in found or (found[tid][2] and not part)):
                            found[tid] = (tok, field_name, part)
                pairs = joins.get(tok)
                if pairs and j + 1 < len(toks):
                    sid = self.lexicon.surface_ids.get(toks[j + 1])
                    second = self.lexicon.primary(sid) if sid is not None else -1
                    for b, tid in pairs:
                        if b == second and tid in tids and tid not in found:
                            found[tid] = (f"{tok} {toks[j + 1]}", field_name, True)
            if len(found) == len(tids) and not any(p for _, _, p in found.values()):
                break
        return found
