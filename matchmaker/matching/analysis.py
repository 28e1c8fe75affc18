"""From surface words to weighted index terms, for records and for queries.

A *surface* is a folded token as it appears in a text (``parkeersensoren``). Each surface maps to
zero or more ``(term id, weight)`` pairs: none for stop words, its stem with weight 1, and the parts
of a compound with weight :data:`PART_WEIGHT` each. Two adjacent words that together spell a known
compound (``afval inzameling``) also add that compound with weight :data:`PART_WEIGHT`, so compounds
meet their split spelling in both directions, at index time.

A record is also cut into *passages* (its title, its tags, each sentence of its text; see
:func:`text.pieces`), which are scored on their own: a query that meets one passage closely is stronger evidence than the same
words spread over a long text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .text import FIELDS, is_stop, pieces, record_fields, stem, tokenize
from .translate import term_map
from .vocab import Vocabulary

#: Weight of each part of a compound relative to the whole word, and of a compound spelt as two words.
PART_WEIGHT = 0.6


@dataclass
class RecordTerms:
    """One record, analysed: per field term -> weighted count and content-word count, per passage
    term -> weighted count and content-word count."""

    fields: dict[str, dict[int, float]]
    lengths: dict[str, int]
    passages: list[tuple[dict[int, float], int]]


class Lexicon:
    """Surface ids and their term mapping, on top of a :class:`Vocabulary`."""

    def __init__(self, vocab: Vocabulary, translate: bool = False) -> None:
        self.vocab = vocab
        #: also split compounds into words of the Dutch-English term map (see :mod:`translate`)
        self.translate = translate
        self.surface_ids: dict[str, int] = {}
        self.surfaces: list[str] = []
        #: per surface id: tuple of (term id, weight); () for stop words; the stem comes first
        self.terms_of: list[tuple[tuple[int, float], ...]] = []
        #: (term of first part, term of second part) -> term of the compound
        self.compounds: dict[tuple[int, int], int] = {}
        #: stem term -> surfaces with that stem; part term -> surfaces it is a part of
        self.surfaces_of: dict[int, list[int]] = {}
        self.part_of: dict[int, list[int]] = {}
        #: compound term -> its two parts (the inverse of ``compounds``)
        self.parts_of: dict[int, tuple[int, int]] = {}

    def surface_id(self, surface: str) -> int:
        """Id of a surface word, registering it (without terms) when new."""
        sid = self.surface_ids.get(surface)
        if sid is None:
            sid = len(self.surfaces)
            self.surface_ids[surface] = sid
            self.surfaces.append(surface)
            self.terms_of.append(())
        return sid

    def primary(self, sid: int) -> int:
        """The stem term of a surface, -1 for stop words."""
        pairs = self.terms_of[sid]
        return pairs[0][0] if pairs else -1

    def assign(self, sids: range | list[int], freq: Any = None) -> None:
        """Compute the terms of the given surfaces: stems first, then compound splits."""
        self.assign_stems(sids)
        self.assign_splits(sids, freq)

    def assign_stems(self, sids: range | list[int]) -> None:
        """Map each surface to its stem's term (none for stop words), adding new terms."""
        stems = {sid: stem(self.surfaces[sid]) for sid in sids if not is_stop(self.surfaces[sid])}
        if len(stems) > 100:
            self.vocab.add_many(list(dict.fromkeys(stems.values())))
        for sid in sids:
            s = stems.get(sid)
            if s is None:
                self.terms_of[sid] = ()
            else:
                tid = self.vocab.add(s)
                self.terms_of[sid] = ((tid, 1.0),)
                self.surfaces_of.setdefault(tid, []).append(sid)

    def assign_splits(self, sids: range | list[int], freq: Any = None) -> None:
        """Add the parts of compound surfaces (``freq``: term frequencies to choose among splits)."""
        for sid in sids:
            pairs = self.terms_of[sid]
            if not pairs:
                continue
            parts = self.vocab.split(self.surfaces[sid], freq)
            if not parts and getattr(self, "translate", False):
                found = term_map().split(self.surfaces[sid])
                parts = [self.vocab.add(p) for p in found] if found else None
            if parts:
                whole = pairs[0][0]
                extra = tuple((p, PART_WEIGHT) for p in dict.fromkeys(parts) if p != whole)
                self.terms_of[sid] = pairs + extra
                for p, _ in extra:
                    self.part_of.setdefault(p, []).append(sid)
                if len(parts) == 2 and (parts[0], parts[1]) not in self.compounds:
                    self.compounds[(parts[0], parts[1])] = whole
                    self.parts_of.setdefault(whole, (parts[0], parts[1]))

    def resplit(self, sids: set[int], freq: Any = None) -> list[int]:
        """Split the given surfaces again (after the vocabulary grew); the ones whose terms changed."""
        changed = []
        for sid in sids:
            before = self.terms_of[sid]
            if not before:
                continue
            self.terms_of[sid] = before[:1]
            self.assign_splits([sid], freq)
            if self.terms_of[sid] != before:
                changed.append(sid)
        return changed

    def analyze(self, record: Mapping[str, Any]) -> RecordTerms:
        """Terms of one record (new surfaces and terms are added to the lexicon)."""
        fields = record_fields(record)
        psids: list[tuple[int, list[int]]] = []
        new: list[int] = []
        for fi, toks in pieces(fields):
            sids = []
            for tok in toks:
                sid = self.surface_ids.get(tok)
                if sid is None:
                    sid = self.surface_id(tok)
                    new.append(sid)
                sids.append(sid)
            psids.append((fi, sids))
        if new:
            self.assign(new)
        per_field: dict[str, dict[int, float]] = {name: {} for name in FIELDS}
        lengths = {name: 0 for name in FIELDS}
        plist: list[tuple[dict[int, float], int]] = []
        for fi, sids in psids:
            counts: dict[int, float] = {}
            n = 0
            prev = -1
            for sid in sids:
                pairs = self.terms_of[sid]
                if pairs:
                    n += 1
                for tid, w in pairs:
                    counts[tid] = counts.get(tid, 0.0) + w
                cur = pairs[0][0] if pairs else -1
                if prev >= 0 and cur >= 0:
                    joined = self.compounds.get((prev, cur))
                    if joined is not None:
                        counts[joined] = counts.get(joined, 0.0) + PART_WEIGHT
                prev = cur
            plist.append((counts, n))
            fc = per_field[FIELDS[fi]]
            for tid, c in counts.items():
                fc[tid] = fc.get(tid, 0.0) + c
            lengths[FIELDS[fi]] += n
        return RecordTerms(per_field, lengths, plist)


@dataclass
class QueryWord:
    """A content word of the query (grouped by stem), or an adjacent pair joined into a compound."""

    key: str  # stem, or stem of the two words written as one
    surface: str  # as typed (folded), for explanations
    weight: float = 0.0  # field-weighted count in the query
    pair: tuple[str, str] | None = None  # the two stems of a pair
    fields: set[str] = field(default_factory=set)


def query_words(query: Mapping[str, Any] | str, field_weights: Mapping[str, float]) -> list[QueryWord]:
    """The query's content words with their field-weighted counts, plus adjacent pairs.

    Adjacent content words ``a b`` also yield a pair word keyed ``stem(a+b)``; the index uses it
    only when ``a`` or ``b`` is unknown (known words meet compounds through the index itself).
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
                    pw = pairs[joined] = QueryWord(
                        key=joined, surface=f"{prev} {tok}", pair=(stem(prev), key)
                    )
                pw.weight += fw
                pw.fields.add(name)
            prev = tok
    return list(words.values()) + [p for k, p in pairs.items() if k not in words]
