"""The vectorised build of a main segment from many records at once.

Records are tokenised in one pass into a single stream of surface ids (each field closed by
``BREAK``, sentence ends marked ``SEP``); everything after that (pieces, compound joins, field
and passage lengths, BM25F and BM25 weights) is numpy over the whole stream. ``MatchIndex.add``
analyses one record the same way in plain Python (see :meth:`analysis.Lexicon.analyze`).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from .analysis import PART_WEIGHT
from .segment import Segment
from .text import FIELDS, TEXT_TOKEN_RE, TOKEN_RE, fold, record_fields

if TYPE_CHECKING:
    from .index import MatchIndex

#: markers in the token stream: end of a field, end of a sentence
BREAK, SEP = -3, -2


def build_main(index: MatchIndex, unique: Mapping[str, Mapping[str, Any]]) -> None:
    """Index ``unique`` (id -> record) into an empty ``index``: lexicon, statistics, main segment."""
    lex = index.lexicon
    # One stream of surface ids: per record its title, tags and text tokens, each field closed
    # by BREAK; sentence ends inside the text are SEP. The same cut as text.pieces().
    sget = lex.surface_ids.get
    for sep in ".!?;\n":
        lex.surface_ids[sep] = SEP
    stream = array("i")
    try:
        for rid, rec in unique.items():
            fields = record_fields(rec)
            index._row_of[rid] = len(index._ids)
            index._ids.append(rid)
            index._records.append((fields["title"], fields["tags"], fields["text"]))
            for name, pattern in (("title", TOKEN_RE), ("tags", TOKEN_RE), ("text", TEXT_TOKEN_RE)):
                toks = pattern.findall(fold(fields[name]))
                ids = [sget(t, -1) for t in toks]
                if -1 in ids:
                    ids = [lex.surface_id(t) if i == -1 else i for t, i in zip(toks, ids)]
                stream.extend(ids)
                stream.append(BREAK)
    finally:
        for sep in ".!?;\n":
            del lex.surface_ids[sep]
    n = len(index._ids)
    i32 = np.int32
    s_all = np.frombuffer(stream, dtype=i32) if len(stream) else np.zeros(0, dtype=i32)
    is_break = s_all == BREAK
    keep = s_all >= 0
    breaks_before = (np.cumsum(is_break, dtype=i32) - is_break)[keep]
    piece_raw = np.cumsum(is_break | (s_all == SEP), dtype=i32)[keep]
    tok_sid = s_all[keep]
    del s_all, is_break, keep
    del stream
    tok_rec = breaks_before // 3
    tok_fld = (breaks_before % 3).astype(np.int8)
    del breaks_before
    starts = np.ones(len(tok_sid), dtype=bool)
    starts[1:] = piece_raw[1:] != piece_raw[:-1]
    del piece_raw
    tok_pass = np.cumsum(starts, dtype=i32) - 1
    piece_rec, piece_fld = tok_rec[starts], tok_fld[starts]
    n_pass = len(piece_rec)
    del starts, tok_rec, tok_fld

    # terms of every surface: stems, then compound splits chosen by term frequency
    n_surf = len(lex.surfaces)
    lex.assign_stems(range(n_surf))
    surf_freq = np.bincount(tok_sid, minlength=n_surf)
    primary = np.array([lex.primary(s) for s in range(n_surf)], dtype=np.int64)
    known = primary >= 0
    term_freq = np.bincount(primary[known], weights=surf_freq[known], minlength=len(index.vocab))
    lex.assign_splits(range(n_surf), term_freq)
    n_terms = len(index.vocab)

    # token -> (term, weight) entries: surface terms, plus compounds spelt as two words
    ptr = np.zeros(n_surf + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(p) for p in lex.terms_of])
    s_terms = np.fromiter((t for p in lex.terms_of for t, _ in p), dtype=np.int32, count=int(ptr[-1]))
    s_wts = np.fromiter((w for p in lex.terms_of for _, w in p), dtype=np.float32, count=int(ptr[-1]))
    cnt = (ptr[tok_sid + 1] - ptr[tok_sid]).astype(i32)
    total = int(cnt.sum())
    offs = np.repeat((ptr[tok_sid] - (np.cumsum(cnt) - cnt)).astype(i32), cnt) + np.arange(total, dtype=i32)
    e_tok = np.repeat(np.arange(len(tok_sid), dtype=i32), cnt)
    e_term = s_terms[offs]
    e_w = s_wts[offs]
    del offs
    if lex.compounds and len(tok_sid) > 1:
        heads = np.zeros(n_terms, dtype=bool)
        heads[[a for a, _ in lex.compounds]] = True
        keys = np.array([a * n_terms + b for a, b in lex.compounds], dtype=np.int64)
        vals = np.array(list(lex.compounds.values()), dtype=np.int32)
        order = np.argsort(keys)
        keys, vals = keys[order], vals[order]
        prim = primary[tok_sid]  # int64: pair keys below need the room
        first = np.flatnonzero(
            (prim[:-1] >= 0)
            & heads[np.maximum(prim[:-1], 0)]
            & (prim[1:] >= 0)
            & (tok_pass[:-1] == tok_pass[1:])
        )
        pair = prim[first] * n_terms + prim[first + 1]
        pos = np.minimum(np.searchsorted(keys, pair), len(keys) - 1)
        hit = keys[pos] == pair
        e_tok = np.concatenate([e_tok, first[hit].astype(i32)])
        e_term = np.concatenate([e_term, vals[pos[hit]]])
        e_w = np.concatenate([e_w, np.full(int(hit.sum()), PART_WEIGHT, dtype=np.float32)])
        del prim, first, pair, pos, hit
    del tok_sid

    # lengths in content words
    p_len = np.bincount(tok_pass, weights=(cnt > 0), minlength=n_pass)
    del cnt
    f_len = np.zeros((len(FIELDS), n))
    for fi in range(len(FIELDS)):
        sel = piece_fld == fi
        f_len[fi] = np.bincount(piece_rec[sel], weights=p_len[sel], minlength=n)
    for fi, f in enumerate(FIELDS):
        index._avg_len[f] = float(f_len[fi].mean()) if n else 0.0
    index._avg_passage = float(p_len.mean()) if n_pass else 0.0
    index._avg_npass = n_pass / n if n else 0.0

    # BM25F record matrix and BM25 passage matrix
    e_pass = tok_pass[e_tok]
    del e_tok, tok_pass
    e_rec = piece_rec[e_pass]
    scale = np.stack(
        [index.field_weights[f] / index._norm(f, f_len[fi]) for fi, f in enumerate(FIELDS)]
    ).astype(np.float32)
    rec = sp.csr_matrix((e_w * scale[piece_fld[e_pass], e_rec], (e_rec, e_term)), shape=(n, n_terms))
    del e_rec
    rec.sum_duplicates()
    rec.data = index._saturate(rec.data)
    pas = sp.csr_matrix(
        (e_w / index._pnorm(p_len).astype(np.float32)[e_pass], (e_pass, e_term)), shape=(n_pass, n_terms)
    )
    del e_pass, e_term, e_w
    pas.sum_duplicates()
    pas.data = index._saturate(pas.data)
    pass_start = np.zeros(n + 1, dtype=np.int64)
    pass_start[1:] = np.cumsum(np.bincount(piece_rec, minlength=n))
    index._main = Segment.from_csr(rec, pas, pass_start)
    index._alive = np.ones(n, dtype=bool)
    index._df = np.bincount(index._main.rows.indices, minlength=n_terms).astype(np.int64)
    index._pdf = np.bincount(index._main.passages.indices, minlength=n_terms).astype(np.int64)
    index._n_passages = n_pass
