"""From surface words to weighted index terms, for records and for queries.

A *surface* is a folded token as it appears in a text (``parkeersensoren``). Each surface maps to
zero or more ``(term id, weight)`` pairs: none for stop words, its stem with weight 1, and the parts
of a compound with weight :data:`PART_WEIGHT` each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .text import FIELDS, is_stop, record_fields, stem, tokenize
from .vocab import Vocabulary

#: Weight of each part of a compound relative to the whole word (in records and queries).
PART_WEIGHT = 0.6


class Lexicon:
    """Surface ids and their term mapping, on top of a :class:`Vocabulary`."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.surface_ids: dict[str, int] = {}
        self.surfaces: list[str] = []
        #: per surface id: tuple of (term id, weight); () for stop words
        self.terms_of: list[tuple[tuple[int, float], ...]] = []

    def surface_id(self, surface: str) -> int:
        """Id of a surface word, registering it (without terms) when new."""
        sid = self.surface_ids.get(surface)
        if sid is None:
            sid = len(self.surfaces)
            self.surface_ids[surface] = sid
            self.surfaces.append(surface)
            self.terms_of.append(())
        return sid

    def assign(self, sids: range | list[int], freq: list[int] | None = None, grow: bool = True) -> None:
        """Compute the terms of the given surfaces: stems first (added to the vocabulary when
        ``grow``), then compound splits against the now larger vocabulary."""
        self.assign_stems(sids, grow)
        self.assign_splits(sids, freq)

    def assign_stems(self, sids: range | list[int], grow: bool = True) -> None:
        """Map each surface to its stem's term (none for stop words)."""
        for sid in sids:
            surface = self.surfaces[sid]
            if is_stop(surface):
                self.terms_of[sid] = ()
                continue
            s = stem(surface)
            tid = self.vocab.add(s) if grow else self.vocab.get(s)
            self.terms_of[sid] = () if tid is None else ((tid, 1.0),)

    def assign_splits(self, sids: range | list[int], freq: list[int] | None = None) -> None:
        """Add the parts of compound surfaces (``freq``: term frequencies to choose among splits)."""
        for sid in sids:
            pairs = self.terms_of[sid]
            if not pairs:
                continue
            parts = self.vocab.split(self.surfaces[sid], freq)
            if parts:
                extra = tuple((p, PART_WEIGHT) for p in dict.fromkeys(parts) if p != pairs[0][0])
                self.terms_of[sid] = pairs + extra

    def record_terms(self, record: Mapping[str, Any]) -> tuple[dict[str, dict[int, float]], dict[str, int]]:
        """Per field, term id -> weighted count, and per field the number of content words.

        New surfaces and terms are added to the lexicon and the vocabulary.
        """
        counts: dict[str, dict[int, float]] = {}
        lengths: dict[str, int] = {}
        fields = record_fields(record)
        new: list[int] = []
        token_sids: dict[str, list[int]] = {}
        for name in FIELDS:
            sids = []
            for tok in tokenize(fields[name]):
                sid = self.surface_ids.get(tok)
                if sid is None:
                    sid = self.surface_id(tok)
                    new.append(sid)
                sids.append(sid)
            token_sids[name] = sids
        if new:
            self.assign(new)
        for name in FIELDS:
            c: dict[int, float] = {}
            n = 0
            for sid in token_sids[name]:
                pairs = self.terms_of[sid]
                if pairs:
                    n += 1
                for tid, w in pairs:
                    c[tid] = c.get(tid, 0.0) + w
            counts[name] = c
            lengths[name] = n
        return counts, lengths


@dataclass
class QueryWord:
    """A content word of the query (grouped by stem), or an adjacent pair joined into a compound."""

    key: str  # stem, or joined stem of a pair
    surface: str  # as typed (folded), for explanations
    weight: float = 0.0  # field-weighted count in the query
    pair: bool = False
    fields: set[str] = field(default_factory=set)


def query_words(query: Mapping[str, Any] | str, field_weights: Mapping[str, float]) -> list[QueryWord]:
    """The query's content words with their field-weighted counts, plus adjacent pairs.

    Adjacent content words ``a b`` also yield a pair word keyed ``stem(a+b)`` so that
    ``afval inzameling`` can meet ``afvalinzameling``.
    """
    if isinstance(query, str):
        query = {"text": query}
    fields = record_fields(query)
    words: dict[str, QueryWord] = {}
    pairs: dict[str, QueryWord] = {}
    for name in FIELDS:
        fw = field_weights.get(name, 1.0)
        prev: str | None = None
        for tok in tokenize(fields[name]):
            if is_stop(tok):
                prev = None
                continue
            key = stem(tok)
            qw = words.get(key)
            if qw is None:
                qw = words[key] = QueryWord(key=key, surface=tok)
            qw.weight += fw
            qw.fields.add(name)
            if prev is not None and tok.isalpha() and prev.isalpha():
                joined = stem(prev + tok)
                pw = pairs.get(joined)
                if pw is None:
                    pw = pairs[joined] = QueryWord(key=joined, surface=f"{prev} {tok}", pair=True)
                pw.weight += fw
                pw.fields.add(name)
            prev = tok
    return list(words.values()) + [p for k, p in pairs.items() if k not in words]
