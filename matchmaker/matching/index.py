"""The match index: BM25F term weights in sparse matrices, fuzzy query expansion, explanations.

Scoring. A record is a row of a sparse ``record x term`` matrix holding BM25F-saturated term
weights: per field (title, tags, text) the weighted count of a term is length-normalised, the
fields are summed with their weights, and the sum is saturated ``tf (k1 + 1) / (tf + k1)``. Each
passage of a record (title, tags, each sentence) is a row of a second matrix with plain BM25
weights. A query is cut into content words; each word expands to a few terms (itself, close
spellings; for unknown words also compound parts and compounds containing it) with a factor in
(0, 1]; a term's column is added with weight ``query weight x factor x idf``. A record's score is
its own score plus ``passage_weight`` times the score of its best passage. Only the top records
are explained.

Scores are normalised by the query's *self score*: what a record holding every query word once,
at average length and in one passage, would get. 100 therefore means "covers the whole query".
The best candidates are then re-ranked: 5% of the score is the whole-text fuzzy similarity, and
the score is multiplied by a mild *profile prior* ``((1 + passages) / (1 + average passages)) **
0.1`` (about 0.85 for a one-line profile, 1.1 for one three times as long as average): a profile
that lists more work is more likely to fit a given challenge. Scores are capped at 100.

The title (for startups: the firm's name) weighs 0.5 against 1 for the text: names hold generic
words (``Systems``, ``Technologies``) that queries share by chance.

Updates. Records added after :meth:`MatchIndex.build` go to a small delta segment; removed ones
are masked (tombstones). Both are folded into the main segment when the delta grows, so ``add``
and ``remove`` cost about one record's work.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

import numpy as np
from rapidfuzz import fuzz

from .analysis import Lexicon, QueryWord, RecordTerms, query_words
from .build import build_main
from .expand import expand, known_term
from .explain import Locator, MatchResult, build_why, content_text, record_tokens
from .segment import Segment, concat
from .text import FIELDS, record_fields
from .vocab import Vocabulary

DEFAULT_FIELD_WEIGHTS: dict[str, float] = {"title": 0.5, "tags": 2.0, "text": 1.0}
DEFAULT_QUERY_FIELD_WEIGHTS: dict[str, float] = {"title": 1.5, "tags": 2.0, "text": 1.0}
DEFAULT_B: dict[str, float] = {"title": 0.5, "tags": 0.5, "text": 0.3}
#: length normalisation of passages
PASSAGE_B = 0.75
#: postings read column-wise per query to pick candidates (see ``MatchIndex._candidates``)
POSTING_BUDGET = 400_000


#: share of the score given by the whole-text fuzzy similarity (rapidfuzz ``token_set_ratio`` of
#: the content words) of the best candidates; the rest is term coverage
TEXT_WEIGHT = 0.05
#: profile prior: a record's score is multiplied by ``((1 + passages) / (1 + average)) ** PRIOR``
#: (a profile with more titles and sentences describes more work that can fit)
PRIOR = 0.1
#: saturation of repeated query words (BM25's k3)
K3 = 2.0
#: rows per delta chunk, and the fewest delta rows that trigger a merge into the main segment
CHUNK, MERGE_MIN = 256, 2000
#: finished delta chunks kept apart before they are folded into one segment (every segment costs
#: each query a few fixed steps: 36 chunks of 256 rows made a query about 2 ms slower)
FOLD_CHUNKS = 4


F = TypeVar("F", bound=Callable[..., Any])


def _locked(method: F) -> F:
    """Run a method under the index's lock (one add, remove, compact or rank at a time)."""

    @functools.wraps(method)
    def wrapper(self: MatchIndex, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    return np.log1p((n - df + 0.5) / (df + 0.5))


class MatchIndex:
    """Ranks records for a query; see the module docstring for how.

    ``add``, ``remove``, ``compact`` and ``rank`` take an internal lock, so one index can be
    shared by threads (they run one at a time).

    >>> index = MatchIndex.build([{"id": "a", "title": "Afvalinzameling", "text": "", "tags": []}])
    >>> [r.id for r in index.rank("afval")]
    ['a']
    """

    def __init__(
        self,
        *,
        field_weights: Mapping[str, float] | None = None,
        k1: float = 1.2,
        b: Mapping[str, float] | None = None,
        query_field_weights: Mapping[str, float] | None = None,
        passage_weight: float = 1.0,
        why_limit: int = 8,
        candidates: int = 200,
        text_weight: float = TEXT_WEIGHT,
        prior: float = PRIOR,
        translate: bool = True,
    ) -> None:
        self.field_weights = dict(DEFAULT_FIELD_WEIGHTS, **(field_weights or {}))
        self.query_field_weights = dict(DEFAULT_QUERY_FIELD_WEIGHTS, **(query_field_weights or {}))
        self.b = dict(DEFAULT_B, **(b or {}))
        self.k1 = k1
        self.passage_weight = passage_weight
        self.why_limit = why_limit
        self.candidates = candidates
        self.text_weight = text_weight
        self.prior = prior
        self.translate = translate
        self.vocab = Vocabulary()
        self.lexicon = Lexicon(self.vocab, translate)
        self._lock = threading.RLock()
        # rows: main segment rows first, then delta rows
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._records: list[tuple[str, str, str] | None] = []
        self._alive = np.zeros(0, dtype=bool)
        self._main = Segment.empty()
        self._delta_rows: list[tuple[np.ndarray, np.ndarray]] = []
        self._delta_passages: list[list[tuple[np.ndarray, np.ndarray]]] = []
        # delta rows as segments: finished chunks (whole multiples of CHUNK rows, folded together
        # when there are more than FOLD_CHUNKS), then the open chunk of at most CHUNK rows
        self._chunks: list[Segment] = []
        # statistics (average lengths are fixed at build time; an empty build learns them from adds)
        self._df = np.zeros(0, dtype=np.int64)
        self._avg_len: dict[str, float] = {f: 0.0 for f in FIELDS}
        self._avg_passage = 0.0
        self._avg_npass = 0.0  # passages per record
        self._pdf = np.zeros(0, dtype=np.int64)  # passage document frequencies
        self._n_passages = 0
        self._idf_cache: tuple[np.ndarray, np.ndarray] | None = None
        self._expansions: dict[str, list[tuple[int, float, str]]] = {}

    # -- construction -----------------------------------------------------------------------------

    @classmethod
    def build(cls, records: Iterable[Mapping[str, Any]], **params: Any) -> MatchIndex:
        """Index many records at once (vectorised); later records replace earlier ones with the same id.

        Raises ``ValueError`` for a record without an id.
        """
        index = cls(**params)
        index._build(records)
        return index

    def _build(self, records: Iterable[Mapping[str, Any]]) -> None:
        unique: dict[str, Mapping[str, Any]] = {}
        for rec in records:
            rid = _record_id(rec)
            unique.pop(rid, None)
            unique[rid] = rec
        build_main(self, unique)
        self._changed()

    def _norm(self, f: str, length: Any) -> Any:
        avg = self._avg_len[f]
        if avg <= 0:
            return np.ones_like(length) if isinstance(length, np.ndarray) else 1.0
        b = self.b[f]
        return 1.0 - b + b * length / avg

    def _pnorm(self, length: Any) -> Any:
        if self._avg_passage <= 0:
            return np.ones_like(length) if isinstance(length, np.ndarray) else 1.0
        return 1.0 - PASSAGE_B + PASSAGE_B * length / self._avg_passage

    def _saturate(self, tf: np.ndarray) -> np.ndarray:
        return (tf * (self.k1 + 1.0) / (tf + self.k1)).astype(np.float32)

    def _changed(self) -> None:
        self._idf_cache = None
        self._expansions.clear()

    # -- updates ----------------------------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # indexes pickled by an older version have no prior
        state.setdefault("prior", 0.0)
        state.setdefault("_avg_npass", 0.0)
        state.setdefault("translate", False)
        self.__dict__.update(state)
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, rid: object) -> bool:
        return str(rid) in self._row_of

    def ids(self) -> list[str]:
        """Ids of the indexed records, in insertion order."""
        return [self._ids[row] for row in sorted(self._row_of.values())]

    @_locked
    def add(self, record: Mapping[str, Any]) -> None:
        """Index one record, replacing any record with the same id.

        When the record teaches the vocabulary a new word, records indexed before that now spell a
        compound with it (``afval inzameling`` once ``afvalinzameling`` is known, or
        ``afvalinzameling`` once ``inzameling`` is) are indexed again, so the order of adds does
        not matter. Raises ``ValueError`` for a record without an id.
        """
        n_terms, n_compounds = len(self.vocab), len(self.lexicon.compounds)
        self._add(record)
        if len(self.vocab) > n_terms or len(self.lexicon.compounds) > n_compounds:
            self._refresh_compounds(n_terms, n_compounds)

    def _refresh_compounds(self, n_terms: int, n_compounds: int, max_rows: int = 5000) -> None:
        lex = self.lexicon
        surfaces: set[int] = set()
        for t in range(n_terms, len(self.vocab)):
            if len(self.vocab.terms[t]) >= 3:
                for c in self.vocab.with_affix(self.vocab.terms[t]):
                    surfaces.update(lex.surfaces_of.get(c, ()))
        changed = lex.resplit(surfaces, self._df)
        rows: set[int] = set()
        for sid in changed:
            rows.update(self._rows_with(lex.primary(sid)))
        for (a, b), _c in list(lex.compounds.items())[n_compounds:]:
            rows.update(set(self._rows_with(a)) & set(self._rows_with(b)))
        if len(rows) > max_rows:  # a very common new compound: leave the rest to a rebuild
            rows = set(sorted(rows)[:max_rows])
        again = []
        for row in sorted(rows):
            stored = self._records[row]
            if self._alive[row] and stored is not None:
                title, tags, text = stored
                again.append({"id": self._ids[row], "title": title, "tags": tags.split("\n"), "text": text})
        for rec in again:  # by id: a merge on the way renumbers rows
            self._add(rec)

    def _rows_with(self, tid: int) -> list[int]:
        """Alive rows whose record holds the term."""
        rows: list[int] = []
        main = self._main.by_term
        if tid < main.shape[1]:
            rows.extend(main.indices[main.indptr[tid] : main.indptr[tid + 1]].tolist())
        n_main = self._main.n_rows
        for i, (tids, _) in enumerate(self._delta_rows):
            j = np.searchsorted(tids, tid)
            if j < len(tids) and tids[j] == tid:
                rows.append(n_main + i)
        return [r for r in rows if self._alive[r]]

    def _add(self, record: Mapping[str, Any]) -> None:
        rid = _record_id(record)
        if rid in self._row_of:
            self.remove(rid)
        terms = self.lexicon.analyze(record)
        self._learn_lengths(terms)
        row_vec = self._record_row(terms)
        pass_rows = [self._passage_row(counts, n) for counts, n in terms.passages]
        fields = record_fields(record)
        self._row_of[rid] = len(self._ids)
        self._ids.append(rid)
        self._records.append((fields["title"], fields["tags"], fields["text"]))
        self._alive = np.append(self._alive, True)
        self._delta_rows.append(row_vec)
        self._delta_passages.append(pass_rows)
        k = (len(self._delta_rows) - 1) // CHUNK  # rebuild the open chunk (at most CHUNK rows)
        chunk = Segment.from_rows(
            self._delta_rows[k * CHUNK :], self._delta_passages[k * CHUNK :], len(self.vocab)
        )
        if (len(self._delta_rows) - 1) % CHUNK == 0:  # the first row of a new chunk
            if len(self._chunks) > FOLD_CHUNKS:
                finished = self._chunks
                alive = np.ones(sum(seg.n_rows for seg in finished), dtype=bool)
                self._chunks = [concat(finished, alive, len(self.vocab))]
            self._chunks.append(chunk)
        else:
            self._chunks[-1] = chunk
        if len(self._df) < len(self.vocab):
            grow = np.zeros(len(self.vocab) - len(self._df), dtype=np.int64)
            self._df = np.concatenate([self._df, grow])
            self._pdf = np.concatenate([self._pdf, grow])
        self._df[row_vec[0]] += 1
        for tids, _ in pass_rows:
            self._pdf[tids] += 1
        self._n_passages += len(pass_rows)
        self._changed()
        if len(self._delta_rows) > max(MERGE_MIN, self._main.n_rows // 10):
            self.compact()

    def _learn_lengths(self, terms: RecordTerms) -> None:
        """An index built empty takes its average lengths from its first record."""
        for f in FIELDS:
            if self._avg_len[f] <= 0 and terms.lengths[f] > 0:
                self._avg_len[f] = float(terms.lengths[f])
        if self._avg_npass <= 0 and terms.passages:
            self._avg_npass = float(len(terms.passages))
        if self._avg_passage <= 0 and terms.passages:
            lens = [n for _, n in terms.passages if n > 0]
            if lens:
                self._avg_passage = sum(lens) / len(lens)

    def _record_row(self, terms: RecordTerms) -> tuple[np.ndarray, np.ndarray]:
        combined: dict[int, float] = {}
        for f in FIELDS:
            scale = self.field_weights[f] / self._norm(f, float(terms.lengths[f]))
            for tid, c in terms.fields[f].items():
                combined[tid] = combined.get(tid, 0.0) + scale * c
        return self._vector(combined, 1.0)

    def _passage_row(self, counts: dict[int, float], length: int) -> tuple[np.ndarray, np.ndarray]:
        return self._vector(counts, 1.0 / self._pnorm(float(length)))

    def _vector(self, weights: dict[int, float], scale: float) -> tuple[np.ndarray, np.ndarray]:
        order = sorted(weights)
        tids = np.array(order, dtype=np.int32)
        vals = self._saturate(np.array([weights[t] * scale for t in order], dtype=np.float64))
        return tids, vals

    @_locked
    def remove(self, rid: str) -> bool:
        """Forget the record with this id (ids are compared as strings); False when there was none."""
        row = self._row_of.pop(str(rid), None)
        if row is None:
            return False
        self._alive[row] = False
        self._records[row] = None
        n_main = self._main.n_rows
        if row < n_main:
            tids = self._main.row_term_ids(row)
            ptids = self._main.passage_term_ids(row)
            self._n_passages -= int(self._main.pass_start[row + 1] - self._main.pass_start[row])
        else:
            tids = self._delta_rows[row - n_main][0]
            prows = self._delta_passages[row - n_main]
            ptids = np.concatenate([t for t, _ in prows]) if prows else np.zeros(0, dtype=np.int64)
            self._n_passages -= len(prows)
        self._df[tids] -= 1
        np.subtract.at(self._pdf, ptids, 1)
        self._changed()
        return True

    def _delta_segments(self) -> list[Segment]:
        """The delta rows as a few segments; ``add`` rebuilds only the last, open one."""
        return self._chunks

    @_locked
    def compact(self) -> None:
        """Fold the delta segment into the main one and drop removed records.

        ``add`` does this by itself once the delta holds a tenth of the index (about 1.5 s for
        100,000 records); an app may call it at a quiet moment instead.
        """
        keep = np.flatnonzero(self._alive)
        self._main = concat([self._main, *self._delta_segments()], self._alive, len(self.vocab))
        self._ids = [self._ids[r] for r in keep]
        self._records = [self._records[r] for r in keep]
        self._row_of = {rid: i for i, rid in enumerate(self._ids)}
        self._alive = np.ones(len(keep), dtype=bool)
        self._delta_rows = []
        self._delta_passages = []
        self._chunks = []

    # -- querying ---------------------------------------------------------------------------------

    def _idf(self) -> np.ndarray:
        """Inverse document frequency of each term among records."""
        return self._idfs()[0]

    def _idfs(self) -> tuple[np.ndarray, np.ndarray]:
        """Inverse document frequencies among records and among passages (passages are scored
        with their own collection statistics)."""
        if self._idf_cache is None or len(self._idf_cache[0]) != len(self._df):
            self._idf_cache = (
                _idf(self._df.astype(np.float64), len(self._row_of)),
                _idf(self._pdf.astype(np.float64), max(self._n_passages, 1)),
            )
        return self._idf_cache

    def _known(self, key: str) -> int | None:
        return known_term(self.vocab, self._df, key)

    def expand(self, word: QueryWord) -> list[tuple[int, float, str]]:
        """Terms a query word stands for, as ``(term id, factor, kind)`` (see :func:`expand.expand`);
        cached until the index changes."""
        cache_key = ("P:" if word.pair else "W:") + word.key + "|" + word.surface
        hit = self._expansions.get(cache_key)
        if hit is None:
            hit = expand(self.vocab, self._df, word, self.translate)
            if len(self._expansions) > 200_000:  # bound the cache
                self._expansions.clear()
            self._expansions[cache_key] = hit
        return hit

    @_locked
    def rank(
        self,
        query: Mapping[str, Any] | str,
        top: int = 10,
        *,
        only: Collection[str] | None = None,
        exclude: Collection[str] | None = None,
        explain: bool = True,
    ) -> list[MatchResult]:
        """The ``top`` best records for ``query`` (a record-like mapping or a plain string).

        ``only`` restricts candidates to these ids, ``exclude`` drops ids (e.g. the query's own
        record). Records without any matching word are never returned.
        """
        if top <= 0 or not self._row_of:
            return []
        words = query_words(query, self.query_field_weights)
        if not words:
            return []
        col_weight, provenance, self_rec, self_pass = self._query_columns(words)
        if not col_weight or self_rec <= 0:
            return []
        mask = self._alive.copy()
        if only is not None:
            allowed = np.zeros(len(self._ids), dtype=bool)
            allowed[[self._row_of[k] for k in map(str, only) if k in self._row_of]] = True
            mask &= allowed
        if exclude:
            mask[[self._row_of[k] for k in map(str, exclude) if k in self._row_of]] = False
        cols = np.fromiter(col_weight.keys(), dtype=np.int64, count=len(col_weight))
        weights = np.fromiter(col_weight.values(), dtype=np.float64, count=len(col_weight))
        lookup = np.zeros(len(self.vocab), dtype=np.float64)
        lookup[cols] = weights
        idf, pidf = self._idfs()
        ratio = np.zeros(len(self.vocab), dtype=np.float64)  # passage weight / record weight per term
        ratio[cols] = pidf[cols] / np.maximum(idf[cols], 1e-9)
        plookup = lookup * ratio
        segments = self._segments()
        candidates = self._candidates(segments, cols, weights, mask, max(self.candidates, 20 * top))
        mu = self.passage_weight
        scores = np.zeros(len(candidates))
        for offset, seg in segments:
            sel = np.flatnonzero((candidates >= offset) & (candidates < offset + seg.n_rows))
            if len(sel):
                rec, best = seg.exact(candidates[sel] - offset, lookup, plookup)
                scores[sel] = rec + mu * best
        norm = self_rec + mu * self_pass
        coverage = np.minimum(100.0, 100.0 * scores / norm)
        order = _top(coverage, max(2 * top, 20) if self.text_weight > 0 or self.prior > 0 else top)
        # re-rank the best candidates: blend in the whole-text fuzzy similarity, apply the prior
        lam = self.text_weight
        query_text = content_text(record_tokens(_query_fields(query))) if lam > 0 else ""
        similarity: dict[int, float] = {}
        final: dict[int, float] = {}
        scale: dict[int, float] = {}  # prior factor, reduced where the score was clipped at 100
        tokens: dict[int, list[list[str]]] = {}
        for i in order.tolist():
            row = int(candidates[i])
            sim = 0.0
            if lam > 0 or explain:
                tokens[i] = record_tokens(self._records[row])
            if lam > 0:
                sim = fuzz.token_set_ratio(query_text, content_text(tokens[i]))
            similarity[i] = sim
            factor = self._prior_factor(row) if self.prior > 0 else 1.0
            value = factor * ((1.0 - lam) * float(coverage[i]) + lam * sim)
            final[i] = min(100.0, value)
            scale[i] = factor * (100.0 / value if value > 100.0 else 1.0)
        ranked = sorted(final, key=lambda i: (-final[i], int(candidates[i])))[:top]
        # explanations only for the final top: the values of the query's terms in each record, and
        # a locator prepared for the terms that occur in at least one of them
        values = (
            {i: self._values(segments, int(candidates[i]), lookup, plookup, ratio) for i in ranked}
            if explain
            else {}
        )
        locator = Locator(set().union(*values.values()) if values else set(), self.lexicon)
        results = []
        for i in ranked:
            row = int(candidates[i])
            why: list[dict[str, Any]] = []
            if explain:
                unclipped = 100.0 * float(scores[i]) / norm
                why = build_why(
                    words=words,
                    provenance=provenance,
                    values=values[i],
                    record=tokens[i],
                    lexicon=self.lexicon,
                    locator=locator,
                    scale=scale[i]
                    * (1.0 - lam)
                    * 100.0
                    / norm
                    * (float(coverage[i]) / unclipped if unclipped > 0 else 1.0),
                    limit=self.why_limit,
                    text_similarity=(similarity[i], scale[i] * lam * similarity[i]) if lam > 0 else None,
                )
            results.append(MatchResult(id=self._ids[row], score=round(final[i], 2), why=why))
        return results

    def _prior_factor(self, row: int) -> float:
        """The profile prior of a record: ``((1 + passages) / (1 + average passages)) ** prior``."""
        n_main = self._main.n_rows
        if row < n_main:
            n = int(self._main.pass_start[row + 1] - self._main.pass_start[row])
        else:
            n = len(self._delta_passages[row - n_main])
        return float(((1.0 + n) / (1.0 + self._avg_npass)) ** self.prior)

    def _segments(self) -> list[tuple[int, Segment]]:
        """(first row, segment) of the main and the delta segment."""
        out = [(0, self._main)]
        offset = self._main.n_rows
        for seg in self._delta_segments():
            out.append((offset, seg))
            offset += seg.n_rows
        return out

    def _candidates(
        self,
        segments: list[tuple[int, Segment]],
        cols: np.ndarray,
        weights: np.ndarray,
        mask: np.ndarray,
        limit: int,
    ) -> np.ndarray:
        """Rows worth scoring exactly: the best ``limit`` by the query's most selective terms.

        Terms are taken by decreasing weight while their postings fit a budget; the frequent,
        low-idf rest only reorders candidates. When the selective terms find fewer than ``limit``
        records, all terms are used, so small result sets are exact.
        """
        order = np.argsort(-weights, kind="stable")
        postings = sum(seg.postings(cols[order]) for _, seg in segments)
        within = np.cumsum(postings) <= POSTING_BUDGET
        within[0] = True
        partial = np.zeros(len(self._ids))
        for use in (order[within], order[~within]):
            if not len(use):
                continue
            for offset, seg in segments:
                partial[offset : offset + seg.n_rows] += seg.partial(cols[use], weights[use])
            partial[~mask] = 0.0
            if np.count_nonzero(partial) >= limit:
                break
        return _top(partial, limit)

    def _values(
        self,
        segments: list[tuple[int, Segment]],
        row: int,
        lookup: np.ndarray,
        plookup: np.ndarray,
        ratio: np.ndarray,
    ) -> dict[int, float]:
        """Per query term, in record-weight units: the record's value plus passage weight x the
        value in its best passage (converted by the passage/record weight ratio)."""
        for offset, seg in segments:
            if offset <= row < offset + seg.n_rows:
                values = seg.row_values(seg.rows, row - offset, lookup)
                passage = seg.best_passage(row - offset, plookup)
                if passage >= 0:
                    for tid, v in seg.row_values(seg.passages, passage, lookup).items():
                        values[tid] = values.get(tid, 0.0) + self.passage_weight * v * float(ratio[tid])
                return values
        return {}

    def _query_columns(
        self, words: list[QueryWord]
    ) -> tuple[dict[int, float], list[tuple[int, int, float, str]], float, float]:
        """Column weights of a query, where each weight came from (word index, term, weight,
        kind), and the query's self scores among records and among passages."""
        idf, pidf = self._idfs()
        col_weight: dict[int, float] = {}
        provenance: list[tuple[int, int, float, str]] = []
        self_rec = self_pass = 0.0
        max_idf = float(_idf(np.zeros(1), len(self._row_of))[0])
        max_pidf = float(_idf(np.zeros(1), max(self._n_passages, 1))[0])
        for wi, word in enumerate(words):
            qw = word.weight * (K3 + 1.0) / (K3 + word.weight)  # saturated query term count
            entries = self.expand(word)
            if not word.pair:
                if entries and entries[0][2] == "exact":
                    t = entries[0][0]
                    ref, pref = float(idf[t]), float(pidf[t])
                elif entries:
                    ref = min(max_idf, sum(f * float(idf[t]) for t, f, _ in entries))
                    pref = min(max_pidf, sum(f * float(pidf[t]) for t, f, _ in entries))
                else:
                    ref, pref = max_idf, max_pidf
                self_rec += qw * ref
                self_pass += qw * pref
            # a translation never weighs more than the word itself where the index holds the word
            own = float(idf[entries[0][0]]) if entries and entries[0][2] == "exact" else np.inf
            for t, f, kind in entries:
                w = qw * f * (min(float(idf[t]), own) if kind == "translation" else float(idf[t]))
                col_weight[t] = col_weight.get(t, 0.0) + w
                provenance.append((wi, t, w, kind))
        return col_weight, provenance, self_rec, self_pass

    def stats(self) -> dict[str, Any]:
        """Sizes, for logs and benchmarks."""
        segs = [seg for _, seg in self._segments()]
        return {
            "records": len(self),
            "terms": len(self.vocab),
            "surfaces": len(self.lexicon.surfaces),
            "nnz": sum(int(seg.rows.nnz) for seg in segs),
            "passages": sum(int(seg.passages.shape[0]) for seg in segs),
            "passage_nnz": sum(int(seg.passages.nnz) for seg in segs),
            "delta_rows": len(self._delta_rows),
        }


def _top(scores: np.ndarray, top: int) -> np.ndarray:
    """Rows of the ``top`` highest positive scores, best first (ties: lower row first)."""
    k = min(top, int(np.count_nonzero(scores > 0)))
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    best = best[np.lexsort((best, -scores[best]))]
    return best[scores[best] > 0]


def _query_fields(query: Mapping[str, Any] | str) -> tuple[str, str, str]:
    fields = record_fields({"text": query} if isinstance(query, str) else query)
    return fields["title"], fields["tags"], fields["text"]


def _record_id(record: Mapping[str, Any]) -> str:
    rid = record.get("id") if isinstance(record, Mapping) else None
    if rid is None or rid == "":
        raise ValueError("record has no 'id'")
    return str(rid)


__all__ = ["MatchIndex", "MatchResult"]
