"""Sparse storage of term weights: one segment = a record matrix plus a passage matrix.

Ranking reads a segment in two steps:

1. :meth:`Segment.partial` sums the columns of the query's most selective terms (CSC) for every
   record -- cheap, because those columns are short;
2. :meth:`Segment.exact` scores only the best candidates from step 1 with *all* query terms, row
   by row (CSR), together with their passages (title, tags, each sentence; CSR as well).

``pass_start`` gives each record's contiguous range of passage rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class Segment:
    by_term: sp.csc_matrix  # records x terms, for step 1
    rows: sp.csr_matrix  # the same, by record, for step 2 and for removals
    passages: sp.csr_matrix  # passages x terms
    pass_start: np.ndarray  # n_records + 1 offsets into the passage rows

    @property
    def n_rows(self) -> int:
        return int(self.rows.shape[0])

    @property
    def n_terms(self) -> int:
        return int(self.rows.shape[1])

    @classmethod
    def empty(cls) -> Segment:
        zero = sp.csr_matrix((0, 0), dtype=np.float32)
        return cls.from_csr(zero, zero, np.zeros(1, dtype=np.int64))

    @classmethod
    def from_csr(cls, records: sp.csr_matrix, passages: sp.csr_matrix, pass_start: np.ndarray) -> Segment:
        records = sp.csr_matrix(records, dtype=np.float32)
        records.sum_duplicates()
        passages = sp.csr_matrix(passages, dtype=np.float32)
        passages.sum_duplicates()
        return cls(records.tocsc(), records, passages, pass_start.astype(np.int64))

    @classmethod
    def from_rows(
        cls,
        rows: list[tuple[np.ndarray, np.ndarray]],
        passage_rows: list[list[tuple[np.ndarray, np.ndarray]]],
        n_terms: int,
    ) -> Segment:
        """A segment from per-record ``(term ids, values)`` and per-record lists of passage rows."""
        flat = [p for ps in passage_rows for p in ps]
        pass_start = np.zeros(len(rows) + 1, dtype=np.int64)
        pass_start[1:] = np.cumsum([len(ps) for ps in passage_rows])
        return cls.from_csr(_csr(rows, n_terms), _csr(flat, n_terms), pass_start)

    def row_term_ids(self, row: int) -> np.ndarray:
        return self.rows.indices[self.rows.indptr[row] : self.rows.indptr[row + 1]]

    def passage_term_ids(self, row: int) -> np.ndarray:
        """Term ids of all passages of a record (a term once per passage holding it)."""
        ptr = self.passages.indptr
        return self.passages.indices[ptr[self.pass_start[row]] : ptr[self.pass_start[row + 1]]]

    def postings(self, cols: np.ndarray) -> np.ndarray:
        """Number of records holding each term (0 for terms newer than the segment)."""
        ok = cols < self.n_terms
        out = np.zeros(len(cols), dtype=np.int64)
        indptr = self.by_term.indptr
        out[ok] = indptr[cols[ok] + 1] - indptr[cols[ok]]
        return out

    def partial(self, cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Per record, the weighted sum of the given term columns."""
        ok = cols < self.n_terms  # terms newer than the segment have no postings here
        if not ok.any():
            return np.zeros(self.n_rows)
        # scipy slices the columns and multiplies in C: about 3x faster than a loop over columns
        return np.asarray(self.by_term[:, cols[ok]] @ weights[ok].astype(np.float64), dtype=np.float64)

    def exact(
        self, rows: np.ndarray, lookup: np.ndarray, plookup: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For the given records: score with all query terms (``lookup``: weight per term id, 0 for
        terms not in the query) and score of their best passage (``plookup``: passage weights)."""
        # scipy selects the rows and multiplies in C (about twice as fast as gathering by hand)
        rec = np.asarray(self.rows[rows] @ lookup[: self.n_terms], dtype=np.float64)
        pscore, counts = self._passage_scores(rows, plookup[: self.n_terms])
        best = np.zeros(len(rows))
        has = counts > 0
        if has.any():
            best[has] = np.maximum.reduceat(pscore, (np.cumsum(counts) - counts)[has])
        return rec, best

    def best_passage(self, row: int, lookup: np.ndarray) -> int:
        """The passage of a record that scores best for the query (-1 when none scores)."""
        # one record's passages are contiguous rows: read their entries as one slice (no scipy
        # indexing, whose fixed cost is large for a single record)
        first, last = int(self.pass_start[row]), int(self.pass_start[row + 1])
        ptr = self.passages.indptr
        lo, hi = int(ptr[first]), int(ptr[last])
        owner = np.repeat(np.arange(last - first), np.diff(ptr[first : last + 1]))
        vals = self.passages.data[lo:hi] * lookup[self.passages.indices[lo:hi]]
        pscore = np.bincount(owner, weights=vals, minlength=last - first)
        if not len(pscore) or pscore.max() <= 0:
            return -1
        return int(self.pass_start[row] + int(np.argmax(pscore)))

    def _passage_scores(self, rows: np.ndarray, lookup: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        starts, ends = self.pass_start[rows], self.pass_start[rows + 1]
        counts = ends - starts
        passage_ids = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        return np.asarray(self.passages[passage_ids] @ lookup, dtype=np.float64), counts

    def row_values(self, matrix: sp.csr_matrix, row: int, lookup: np.ndarray) -> dict[int, float]:
        """Term id -> value of one row of ``matrix``, for the query's terms."""
        a, b = matrix.indptr[row], matrix.indptr[row + 1]
        terms, vals = matrix.indices[a:b], matrix.data[a:b]
        sel = lookup[: self.n_terms][terms] != 0
        return dict(zip(terms[sel].tolist(), vals[sel].tolist()))


def concat(segments: list[Segment], alive: np.ndarray, n_terms: int) -> Segment:
    """One segment holding the alive records of ``segments`` (in order)."""
    rec_parts, pass_parts, counts = [], [], []
    for seg in segments:
        r = seg.rows.copy()
        r.resize((r.shape[0], n_terms))
        p = seg.passages.copy()
        p.resize((p.shape[0], n_terms))
        rec_parts.append(r)
        pass_parts.append(p)
        counts.append(np.diff(seg.pass_start))
    records = sp.vstack(rec_parts, format="csr")
    passages = sp.vstack(pass_parts, format="csr")
    per_row = np.concatenate(counts)
    if not alive.all():
        records = records[np.flatnonzero(alive)]
        passages = passages[np.flatnonzero(np.repeat(alive, per_row))]
        per_row = per_row[alive]
    pass_start = np.zeros(len(per_row) + 1, dtype=np.int64)
    pass_start[1:] = np.cumsum(per_row)
    return Segment.from_csr(records, passages, pass_start)


def _csr(rows: list[tuple[np.ndarray, np.ndarray]], n_terms: int) -> sp.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(t) for t, _ in rows])
    if rows:
        indices = np.concatenate([t for t, _ in rows]).astype(np.int32)
        data = np.concatenate([v for _, v in rows]).astype(np.float32)
    else:
        indices = np.zeros(0, dtype=np.int32)
        data = np.zeros(0, dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), n_terms))
