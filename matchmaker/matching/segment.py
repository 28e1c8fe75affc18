"""Sparse storage of term weights: one segment = a record matrix plus a passage matrix.

Both are CSC (column = term), so a query reads only the columns of its terms. ``pass_start``
gives each record's contiguous range of passage rows, so the best passage per record is one
``np.maximum.reduceat``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

Hits = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, term ids, values


@dataclass
class SegmentScores:
    """Scores of one segment's records for one query."""

    records: np.ndarray  # per record: BM25F score
    best_passage: np.ndarray  # per record: score of its best passage
    passages: np.ndarray  # per passage: score
    record_hits: Hits
    passage_hits: Hits


@dataclass
class Segment:
    records: sp.csc_matrix  # records x terms
    row_ptr: np.ndarray  # CSR structure of ``records`` (term ids per record), for removals
    row_terms: np.ndarray
    passages: sp.csc_matrix  # passages x terms
    pass_start: np.ndarray  # n_records + 1 offsets into the passage rows

    @property
    def n_rows(self) -> int:
        return int(self.records.shape[0])

    @classmethod
    def empty(cls) -> Segment:
        return cls.from_csr(
            sp.csr_matrix((0, 0), dtype=np.float32),
            sp.csr_matrix((0, 0), dtype=np.float32),
            np.zeros(1, dtype=np.int64),
        )

    @classmethod
    def from_csr(cls, records: sp.csr_matrix, passages: sp.csr_matrix, pass_start: np.ndarray) -> Segment:
        records = records.tocsr()
        records.sum_duplicates()
        return cls(
            records=records.tocsc(),
            row_ptr=records.indptr.astype(np.int64),
            row_terms=records.indices.astype(np.int32),
            passages=passages.tocsc(),
            pass_start=pass_start.astype(np.int64),
        )

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
        return self.row_terms[self.row_ptr[row] : self.row_ptr[row + 1]]

    def score(self, cols: np.ndarray, weights: np.ndarray) -> SegmentScores:
        """Weighted sums of the given term columns, per record and per passage."""
        n = self.n_rows
        n_pass = self.passages.shape[0]
        keep = cols < self.records.shape[1]
        cols, weights = cols[keep], weights[keep]
        r, c, v = _gather(self.records, cols)
        rec = np.bincount(r, weights=v * weights[c], minlength=n) if n else np.zeros(0)
        pr, pc, pv = _gather(self.passages, cols)
        pas = np.bincount(pr, weights=pv * weights[pc], minlength=n_pass) if n_pass else np.zeros(0)
        best = np.maximum.reduceat(pas, self.pass_start[:-1]) if n and n_pass else np.zeros(n)
        return SegmentScores(rec, best, pas, (r, cols[c], v), (pr, cols[pc], pv))


def concat(segments: list[Segment], alive: np.ndarray, n_terms: int) -> Segment:
    """One segment holding the alive records of ``segments`` (in order)."""
    rec_parts, pass_parts, counts = [], [], []
    for seg in segments:
        r = seg.records.tocsr()
        r.resize((r.shape[0], n_terms))
        p = seg.passages.tocsr()
        p.resize((p.shape[0], n_terms))
        rec_parts.append(r)
        pass_parts.append(p)
        counts.append(np.diff(seg.pass_start))
    records = sp.vstack(rec_parts, format="csr") if rec_parts else sp.csr_matrix((0, n_terms))
    passages = sp.vstack(pass_parts, format="csr") if pass_parts else sp.csr_matrix((0, n_terms))
    per_row = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
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


def _gather(mat: sp.csc_matrix, cols: np.ndarray) -> Hits:
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
