"""The match index: BM25F term weights in a sparse matrix, fuzzy query expansion, explanations.

Scoring. Each record is a row of a sparse ``record x term`` matrix holding BM25F-saturated term
weights: per field (title, tags, text) the weighted count of a term is length-normalised, the
fields are summed with their weights, and the sum is saturated ``tf (k1 + 1) / (tf + k1)``.
A query is cut into content words; each word expands to a few terms (itself, close spellings,
compound parts, compounds containing it) with a factor in (0, 1]; a term's column is added with
weight ``query weight x factor x idf``. Only the top records are explained.

Scores are normalised by the query's *self score*: what a record holding every query word once,
at average length, would get. 100 therefore means "covers the whole query".

Updates. Records added after :meth:`MatchIndex.build` go to a small delta segment; removed ones are
masked (tombstones). Both are folded into the main matrix when the delta grows, so ``add`` and
``remove`` cost about one record's work.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import numpy as np
import scipy.sparse as sp

from .analysis import PART_WEIGHT, Lexicon, QueryWord, query_words
from .explain import MatchResult, build_why
from .text import FIELDS, record_fields, tokenize
from .vocab import Vocabulary

DEFAULT_FIELD_WEIGHTS: dict[str, float] = {"title": 1.5, "tags": 2.0, "text": 1.0}
DEFAULT_B: dict[str, float] = {"title": 0.5, "tags": 0.5, "text": 0.75}
#: factor of terms that contain a query word (``afval`` -> ``afvalinzameling``)
CONTAIN_FACTOR = 0.5
#: temperature of the typo model: a neighbour at ``fuzz.ratio`` s is ``exp(-(100 - s) / T)`` likely
TYPO_TEMPERATURE = 5.0
#: smallest factor worth a column
MIN_FACTOR = 0.05


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    return np.log1p((n - df + 0.5) / (df + 0.5))


class MatchIndex:
    """Ranks records for a query; see the module docstring for how.

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
        why_limit: int = 8,
    ) -> None:
        self.field_weights = dict(DEFAULT_FIELD_WEIGHTS, **(field_weights or {}))
        self.b = dict(DEFAULT_B, **(b or {}))
        self.k1 = k1
        self.why_limit = why_limit
        self.vocab = Vocabulary()
        self.lexicon = Lexicon(self.vocab)
        # rows
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._records: list[tuple[str, str, str] | None] = []
        self._alive = np.zeros(0, dtype=bool)
        # main segment: CSC matrix (rows x terms) and the row -> terms structure for removals
        self._main = sp.csc_matrix((0, 0), dtype=np.float32)
        self._main_row_ptr = np.zeros(1, dtype=np.int64)
        self._main_row_terms = np.zeros(0, dtype=np.int32)
        # delta segment: rows appended since the last merge
        self._delta_rows: list[tuple[np.ndarray, np.ndarray]] = []
        self._delta: sp.csc_matrix | None = None
        # statistics
        self._df = np.zeros(0, dtype=np.int64)
        self._avg_len: dict[str, float] = {f: 0.0 for f in FIELDS}
        self._idf_cache: np.ndarray | None = None
        self._expansions: dict[str, list[tuple[int, float, str]]] = {}

    # -- construction -----------------------------------------------------------------------------

    @classmethod
    def build(cls, records: Iterable[Mapping[str, Any]], **params: Any) -> MatchIndex:
        """Index many records at once (vectorised); later records replace earlier ones with the same id."""
        index = cls(**params)
        index._build(records)
        return index

    def _build(self, records: Iterable[Mapping[str, Any]]) -> None:
        unique: dict[str, Mapping[str, Any]] = {}
        for rec in records:
            rid = _record_id(rec)
            unique.pop(rid, None)
            unique[rid] = rec
        lex = self.lexicon
        sget = lex.surface_ids.get
        sids = {f: array("i") for f in FIELDS}
        counts = {f: array("i") for f in FIELDS}
        for rid, rec in unique.items():
            fields = record_fields(rec)
            self._row_of[rid] = len(self._ids)
            self._ids.append(rid)
            self._records.append((fields["title"], fields["tags"], fields["text"]))
            for f in FIELDS:
                toks = tokenize(fields[f])
                ids = [sget(t, -1) for t in toks]
                if -1 in ids:
                    ids = [lex.surface_id(t) if i < 0 else i for t, i in zip(toks, ids)]
                sids[f].extend(ids)
                counts[f].append(len(ids))
        n = len(self._ids)
        n_surf = len(lex.surfaces)
        lex.assign_stems(range(n_surf))
        # term frequencies (of whole words) choose among compound splits
        surf_freq = np.zeros(n_surf, dtype=np.int64)
        for f in FIELDS:
            if len(sids[f]):
                surf_freq += np.bincount(np.frombuffer(sids[f], dtype=np.int32), minlength=n_surf)
        term_freq = np.zeros(len(self.vocab), dtype=np.int64)
        for sid, pairs in enumerate(lex.terms_of):
            if pairs:
                term_freq[pairs[0][0]] += surf_freq[sid]
        lex.assign_splits(range(n_surf), term_freq)
        n_terms = len(self.vocab)
        # surface -> terms as CSR arrays
        ptr = np.zeros(n_surf + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(p) for p in lex.terms_of])
        s_terms = np.fromiter((t for p in lex.terms_of for t, _ in p), dtype=np.int32, count=int(ptr[-1]))
        s_wts = np.fromiter((w for p in lex.terms_of for _, w in p), dtype=np.float32, count=int(ptr[-1]))
        has_terms = (ptr[1:] > ptr[:-1]).astype(np.float64)
        combined = sp.csr_matrix((n, n_terms), dtype=np.float32)
        lengths: dict[str, np.ndarray] = {}
        for f in FIELDS:
            tok = np.frombuffer(sids[f], dtype=np.int32)
            rows = np.repeat(np.arange(n, dtype=np.int32), np.frombuffer(counts[f], dtype=np.int32))
            lengths[f] = np.bincount(rows, weights=has_terms[tok], minlength=n) if n else np.zeros(0)
            cnt = ptr[tok + 1] - ptr[tok]
            total = int(cnt.sum())
            if total == 0:
                continue
            offs = np.repeat(ptr[tok] - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)
            tf = sp.csr_matrix(
                (s_wts[offs], (np.repeat(rows, cnt), s_terms[offs])), shape=(n, n_terms), dtype=np.float32
            )
            avg = float(lengths[f].mean()) if n else 0.0
            self._avg_len[f] = avg
            norm = self._norm(f, lengths[f])
            combined = combined + sp.diags((self.field_weights[f] / norm).astype(np.float32)) @ tf
        combined = combined.tocsr()
        combined.sum_duplicates()
        combined.data = self._saturate(combined.data)
        self._main = combined.tocsc()
        self._main_row_ptr = combined.indptr.astype(np.int64)
        self._main_row_terms = combined.indices.astype(np.int32)
        self._alive = np.ones(n, dtype=bool)
        self._df = np.bincount(combined.indices, minlength=n_terms).astype(np.int64)
        self._changed()

    def _norm(self, f: str, length: np.ndarray | float) -> np.ndarray | float:
        avg = self._avg_len[f]
        if avg <= 0:
            return np.ones_like(length) if isinstance(length, np.ndarray) else 1.0
        b = self.b[f]
        return 1.0 - b + b * np.asarray(length) / avg if isinstance(length, np.ndarray) else 1.0 - b + b * length / avg

    def _saturate(self, tf: np.ndarray) -> np.ndarray:
        return (tf * (self.k1 + 1.0) / (tf + self.k1)).astype(np.float32)

    def _changed(self) -> None:
        self._idf_cache = None
        self._expansions.clear()

    # -- updates ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, rid: object) -> bool:
        return rid in self._row_of

    def ids(self) -> list[str]:
        """Ids of the indexed records, in insertion order."""
        return [self._ids[row] for row in sorted(self._row_of.values())]

    def add(self, record: Mapping[str, Any]) -> None:
        """Index one record, replacing any record with the same id."""
        rid = _record_id(record)
        if rid in self._row_of:
            self.remove(rid)
        counts, lens = self.lexicon.record_terms(record)
        for f in FIELDS:  # an index built empty learns average lengths from its first records
            if self._avg_len[f] <= 0 and lens[f] > 0:
                self._avg_len[f] = float(lens[f])
        combined: dict[int, float] = {}
        for f in FIELDS:
            scale = self.field_weights[f] / float(self._norm(f, float(lens[f])))
            for tid, c in counts[f].items():
                combined[tid] = combined.get(tid, 0.0) + scale * c
        tids = np.fromiter(combined.keys(), dtype=np.int32, count=len(combined))
        vals = self._saturate(np.fromiter(combined.values(), dtype=np.float64, count=len(combined)))
        row = len(self._ids)
        fields = record_fields(record)
        self._ids.append(rid)
        self._records.append((fields["title"], fields["tags"], fields["text"]))
        self._row_of[rid] = row
        self._alive = np.append(self._alive, True)
        self._delta_rows.append((tids, vals))
        self._delta = None
        if len(self._df) < len(self.vocab):
            self._df = np.concatenate([self._df, np.zeros(len(self.vocab) - len(self._df), dtype=np.int64)])
        self._df[tids] += 1
        self._changed()
        if len(self._delta_rows) > max(2000, self._main.shape[0] // 20):
            self._merge()

    def remove(self, rid: str) -> bool:
        """Forget the record with this id; False when there was none."""
        row = self._row_of.pop(rid, None)
        if row is None:
            return False
        self._alive[row] = False
        self._records[row] = None
        n_main = self._main.shape[0]
        if row < n_main:
            tids = self._main_row_terms[self._main_row_ptr[row] : self._main_row_ptr[row + 1]]
        else:
            tids = self._delta_rows[row - n_main][0]
        self._df[tids] -= 1
        self._changed()
        return True

    def _merge(self) -> None:
        """Fold the delta segment into the main matrix and drop removed rows."""
        n_terms = len(self.vocab)
        main = self._main_csr(n_terms)
        keep = np.flatnonzero(self._alive)
        merged = main[keep].tocsr() if len(keep) < main.shape[0] else main
        self._ids = [self._ids[r] for r in keep]
        self._records = [self._records[r] for r in keep]
        self._row_of = {rid: i for i, rid in enumerate(self._ids)}
        self._alive = np.ones(len(keep), dtype=bool)
        self._main = merged.tocsc()
        self._main_row_ptr = merged.indptr.astype(np.int64)
        self._main_row_terms = merged.indices.astype(np.int32)
        self._delta_rows = []
        self._delta = None

    def _main_csr(self, n_terms: int) -> sp.csr_matrix:
        n_main = self._main.shape[0]
        main = self._main.tocsr()
        main.resize((n_main, n_terms))
        if not self._delta_rows:
            return main
        return sp.vstack([main, self._delta_matrix(n_terms).tocsr()], format="csr")

    def _delta_matrix(self, n_terms: int) -> sp.csc_matrix:
        if self._delta is None or self._delta.shape[1] != n_terms:
            rows = np.repeat(
                np.arange(len(self._delta_rows), dtype=np.int32), [len(t) for t, _ in self._delta_rows]
            )
            if self._delta_rows:
                cols = np.concatenate([t for t, _ in self._delta_rows])
                vals = np.concatenate([v for _, v in self._delta_rows])
            else:
                cols = np.zeros(0, dtype=np.int32)
                vals = np.zeros(0, dtype=np.float32)
            self._delta = sp.csc_matrix(
                (vals, (rows, cols)), shape=(len(self._delta_rows), n_terms), dtype=np.float32
            )
        return self._delta

    # -- querying ---------------------------------------------------------------------------------

    def _idf(self) -> np.ndarray:
        if self._idf_cache is None or len(self._idf_cache) != len(self._df):
            self._idf_cache = _idf(self._df.astype(np.float64), len(self._row_of))
        return self._idf_cache

    def expand(self, word: QueryWord) -> list[tuple[int, float, str]]:
        """Terms a query word stands for, as ``(term id, factor, kind)``; kind is one of
        ``exact``, ``fuzzy``, ``compound``."""
        cache_key = ("P:" if word.pair else "W:") + word.key + "|" + word.surface
        hit = self._expansions.get(cache_key)
        if hit is not None:
            return hit
        df = self._df
        vocab = self.vocab
        out: list[tuple[int, float, str]] = []
        tid = vocab.get(word.key)
        df_self = int(df[tid]) if tid is not None and tid < len(df) else 0
        if word.pair:
            if df_self > 0:
                out.append((tid, 1.0, "compound"))  # type: ignore[arg-type]
        else:
            if df_self > 0:
                out.append((tid, 1.0, "exact"))  # type: ignore[arg-type]
            out.extend(self._fuzzy(word.key, df_self))
            seen = {t for t, _, _ in out}
            parts = vocab.split(word.surface, df) if len(word.surface) >= 8 else None
            for p in dict.fromkeys(parts or ()):
                if p not in seen and df[p] > 0:
                    out.append((p, PART_WEIGHT, "compound"))
                    seen.add(p)
            contained = [t for t in vocab.containing(word.key) if t not in seen and df[t] > 0]
            contained.sort(key=lambda t: -df[t])
            for t in contained[:10]:
                out.append((t, CONTAIN_FACTOR, "compound"))
        self._expansions[cache_key] = out
        return out

    def _fuzzy(self, key: str, df_self: int) -> list[tuple[int, float, str]]:
        """Close spellings of ``key`` weighted by a simple typo model.

        The chance that a neighbour n was meant is ``exp(-(100 - sim) / T) * log(1 + df(n))``,
        against ``log(1 + df(key))`` for the word itself. An unknown word spreads its whole weight
        over its neighbours; a known word keeps its own weight and lends a little to neighbours that
        are more frequent than it. Factors are further scaled by similarity.
        """
        df = self._df
        cands = []
        for tid, sim in self.vocab.neighbours(key):
            d = int(df[tid]) if tid < len(df) else 0
            if d <= 0 or (df_self > 0 and d <= df_self):
                continue
            cands.append((tid, sim, math.exp(-(100.0 - sim) / TYPO_TEMPERATURE) * math.log1p(d)))
        if not cands:
            return []
        if df_self > 0:
            own = math.log1p(df_self)
            out = [(t, c / (c + own) * sim / 100.0, "fuzzy") for t, sim, c in cands]
        else:
            total = sum(c for _, _, c in cands)
            out = [(t, c / total * sim / 100.0, "fuzzy") for t, sim, c in cands]
        out = [e for e in out if e[1] >= MIN_FACTOR]
        out.sort(key=lambda e: -e[1])
        return out[:3]

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
        words = query_words(query, self.field_weights)
        if not words:
            return []
        idf = self._idf()
        n_terms = len(self._df)
        col_weight: dict[int, float] = {}
        provenance: list[tuple[int, int, float, str]] = []  # (word index, term, weight, kind)
        self_score = 0.0
        max_idf = float(_idf(np.zeros(1), len(self._row_of))[0])
        for wi, word in enumerate(words):
            qw = word.weight * 3.0 / (2.0 + word.weight)  # saturated query term count (k3 = 2)
            entries = self.expand(word)
            if not word.pair:
                tid = self.vocab.get(word.key)
                if entries and entries[0][2] == "exact":
                    ref = float(idf[entries[0][0]])
                elif entries:
                    ref = min(max_idf, sum(f * float(idf[t]) for t, f, _ in entries))
                else:
                    ref = max_idf
                self_score += qw * ref
            for t, f, kind in entries:
                w = qw * f * float(idf[t])
                col_weight[t] = col_weight.get(t, 0.0) + w
                provenance.append((wi, t, w, kind))
        if not col_weight or self_score <= 0:
            return []
        cols = np.fromiter(col_weight.keys(), dtype=np.int64, count=len(col_weight))
        weights = np.fromiter(col_weight.values(), dtype=np.float64, count=len(col_weight))
        n_rows = len(self._ids)
        n_main = self._main.shape[0]
        scores = np.zeros(n_rows, dtype=np.float64)
        main_cols = cols[cols < self._main.shape[1]]
        main_w = weights[cols < self._main.shape[1]]
        hits = []
        if n_main and len(main_cols):
            r, c, v = _gather(self._main, main_cols, main_w)
            scores[:n_main] = np.bincount(r, weights=v * main_w[c], minlength=n_main)
            hits.append((r, main_cols[c], v))
        if self._delta_rows:
            delta = self._delta_matrix(n_terms)
            r, c, v = _gather(delta, cols, weights)
            scores[n_main:] = np.bincount(r, weights=v * weights[c], minlength=n_rows - n_main)
            hits.append((r + n_main, cols[c], v))
        mask = self._alive.copy()
        if only is not None:
            allowed = np.zeros(n_rows, dtype=bool)
            rows = [self._row_of[i] for i in only if i in self._row_of]
            allowed[rows] = True
            mask &= allowed
        if exclude:
            rows = [self._row_of[i] for i in exclude if i in self._row_of]
            mask[rows] = False
        scores[~mask] = 0.0
        candidates = int(np.count_nonzero(scores > 0))
        k = min(top, candidates)
        if k == 0:
            return []
        if k < n_rows:
            best = np.argpartition(-scores, k - 1)[:k]
        else:
            best = np.arange(n_rows)
        best = best[np.lexsort((best, -scores[best]))]
        best = best[scores[best] > 0]
        results = []
        details = self._details(best, hits) if explain else {}
        for row in best:
            raw = float(scores[row])
            unclipped = 100.0 * raw / self_score
            score = min(100.0, unclipped)
            why: list[dict[str, Any]] = []
            if explain:
                why = build_why(
                    words=words,
                    provenance=provenance,
                    values=details.get(int(row), {}),
                    record=self._records[row],
                    lexicon=self.lexicon,
                    scale=100.0 / self_score * (score / unclipped if unclipped > 0 else 1.0),
                    limit=self.why_limit,
                )
            results.append(MatchResult(id=self._ids[row], score=round(score, 2), why=why))
        return results

    def _details(self, best: np.ndarray, hits: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> dict[int, dict[int, float]]:
        """Matrix values of the top rows, per row: term id -> value."""
        lookup = np.full(len(self._ids), -1, dtype=np.int64)
        lookup[best] = np.arange(len(best))
        out: dict[int, dict[int, float]] = {int(r): {} for r in best}
        for r, c, v in hits:
            sel = lookup[r] >= 0
            for row, col, val in zip(r[sel].tolist(), c[sel].tolist(), v[sel].tolist()):
                out[row][col] = val
        return out

    def stats(self) -> dict[str, Any]:
        """Sizes, for logs and benchmarks."""
        return {
            "records": len(self),
            "terms": len(self.vocab),
            "surfaces": len(self.lexicon.surfaces),
            "nnz": int(self._main.nnz) + sum(len(t) for t, _ in self._delta_rows),
            "delta_rows": len(self._delta_rows),
        }


def _gather(mat: sp.csc_matrix, cols: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, column positions (into ``cols``) and values of the selected CSC columns."""
    indptr = mat.indptr
    starts = indptr[cols]
    lens = indptr[cols + 1] - starts
    total = int(lens.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    col_pos = np.repeat(np.arange(len(cols)), lens)
    offs = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
    return mat.indices[offs], col_pos, mat.data[offs]


def _record_id(record: Mapping[str, Any]) -> str:
    rid = record.get("id") if isinstance(record, Mapping) else None
    if rid is None or rid == "":
        raise ValueError("record has no 'id'")
    return str(rid)


__all__ = ["MatchIndex", "MatchResult"]
