"""Query expansion: the index terms a query word stands for, each with a factor in (0, 1].

A known word stands for itself (and, a little, for more frequent close spellings when it is rare).
An unknown word stands for its close spellings (a noisy-channel typo model over ``fuzz.ratio``
neighbours), its compound parts and the known compounds that start or end with it. A pair of
adjacent query words stands for the compound they spell when one of them is unknown. Known
compounds need no expansion: the index splits and joins them (see :mod:`analysis`).
"""

from __future__ import annotations

import math

import numpy as np

from .analysis import PART_WEIGHT, QueryWord
from .translate import FACTOR as TRANSLATION_FACTOR
from .translate import LIMIT as TRANSLATION_LIMIT
from .translate import split_word, term_map
from .typos import likely_typo, map_corrections
from .vocab import Vocabulary

#: factor of known terms that contain an unknown query word (``afval`` -> ``afvalinzameling``)
CONTAIN_FACTOR = 0.5
#: temperature of the typo model: a neighbour at ``fuzz.ratio`` s is ``exp(-(100 - s) / T)`` likely
TYPO_TEMPERATURE = 5.0
#: known words this rare may be misspellings that happen to occur, and get fuzzy neighbours too
RARE_DF = 2
#: a rare known word only lends weight to neighbours at least this similar (about one edit)
KNOWN_FUZZY_CUTOFF = 88.0
#: smallest factor worth a column
MIN_FACTOR = 0.05

Expansion = list[tuple[int, float, str]]  # (term id, factor, kind: exact / fuzzy / compound)


def known_term(vocab: Vocabulary, df: np.ndarray, key: str) -> int | None:
    """The term id of ``key`` when some indexed record holds it."""
    tid = vocab.get(key)
    return tid if tid is not None and tid < len(df) and df[tid] > 0 else None


def expand(vocab: Vocabulary, df: np.ndarray, word: QueryWord, translate: bool = False) -> Expansion:
    """Terms ``word`` stands for, as ``(term id, factor, kind)``, kind being ``exact``, ``fuzzy``,
    ``compound`` or ``translation`` (Dutch <-> English, with ``translate``); ``df`` holds the
    number of records per term."""
    out = _expand(vocab, df, word)
    if translate and not word.pair:
        seen = {t for t, _, _ in out}
        found = translated(vocab, df, word, seen)
        if not found and known_term(vocab, df, word.key) is None and not term_map().translations(word.key):
            found = misspelt_translated(vocab, df, word, seen)
        out.extend(found)
    return out


def misspelt_translated(vocab: Vocabulary, df: np.ndarray, word: QueryWord, seen: set[int]) -> Expansion:
    """For a word that neither the index nor the term map knows: the translations of the term-map
    words it is likely a misspelling of (:func:`typos.map_corrections`), each scaled by that
    word's share (``chargng stations`` meets ``laadpalen`` as ``charging stations`` does)."""
    best: dict[int, float] = {}
    words = term_map().words
    for term, share in map_corrections(word.key):
        meant = QueryWord(key=term, surface=words.get(term, term))
        for tid, factor, _kind in translated(vocab, df, meant, seen):
            if share * factor >= MIN_FACTOR and share * factor > best.get(tid, 0.0):
                best[tid] = share * factor
    return [(tid, f, "translation") for tid, f in best.items()]


def translated(vocab: Vocabulary, df: np.ndarray, word: QueryWord, seen: set[int]) -> Expansion:
    """The word's translations that records hold (of its parts when the term map does not know
    the whole word), sharing :data:`translate.FACTOR`: each gets ``FACTOR * share ** 0.5``, the
    share in proportion to ``log(1 + df)`` (a common rendering is the likelier one)."""
    tm = term_map()
    keys = tm.translations(word.key)
    sources = [(keys, 1.0)] if keys else []
    out: Expansion = []
    if not keys and word.key not in tm.both:
        parts = split_word(word.surface)
        sources = [(tm.translations(p), PART_WEIGHT) for p in parts]
        for p in parts:  # a part both languages spell alike (regen|water, hitte|stress)
            tid = known_term(vocab, df, p)
            if tid is not None and tid not in seen:
                out.append((tid, PART_WEIGHT, "compound"))
                seen.add(tid)
    for found, weight in sources:
        present = {}
        for key in found:
            tid = known_term(vocab, df, key)
            if tid is not None and tid not in seen:
                present[tid] = math.log1p(int(df[tid]))
        chosen = sorted(present, key=lambda t: -present[t])[:TRANSLATION_LIMIT]
        total = sum(present[t] for t in chosen)
        for tid in chosen:
            factor = weight * TRANSLATION_FACTOR * (present[tid] / total) ** 0.5
            if factor >= MIN_FACTOR:
                out.append((tid, factor, "translation"))
                seen.add(tid)
    return out


def _expand(vocab: Vocabulary, df: np.ndarray, word: QueryWord) -> Expansion:
    out: Expansion = []
    tid = known_term(vocab, df, word.key)
    if word.pair:
        if tid is not None and any(known_term(vocab, df, k) is None for k in word.pair):
            out.append((tid, 1.0, "compound"))
        return out
    if tid is not None:
        out.append((tid, 1.0, "exact"))
    if tid is None or df[tid] <= RARE_DF:
        out.extend(fuzzy(vocab, df, word.key, 0 if tid is None else int(df[tid])))
    if tid is None:
        seen = {t for t, _, _ in out}
        parts = vocab.split(word.surface, df) if len(word.surface) >= 8 else None
        for p in dict.fromkeys(parts or ()):
            if p not in seen and df[p] > 0:
                out.append((p, PART_WEIGHT, "compound"))
                seen.add(p)
        contained = [t for t in vocab.containing(word.key) if t not in seen and df[t] > 0]
        contained.sort(key=lambda t: -df[t])
        out.extend((t, CONTAIN_FACTOR, "compound") for t in contained[:10])
    return out


def fuzzy(vocab: Vocabulary, df: np.ndarray, key: str, df_self: int) -> Expansion:
    """Close spellings of ``key`` weighted by a simple typo model.

    Only spellings that :func:`typos.likely_typo` takes for the word meant are used: never
    another common word of the same language (``kaart`` does not stand for ``kwart``), and
    four-letter words only with a letter added, left out or swapped, not replaced.

    The chance that a neighbour n was meant is ``exp(-(100 - sim) / T) * log(1 + df(n))``,
    against ``log(1 + df(key))`` for the word itself. An unknown word spreads its whole weight
    over its neighbours in proportion to those chances (the model already discounts distant
    spellings, so a clear correction such as ``alcool`` -> ``alcohol`` weighs as much as the
    word itself); a rare known word keeps its own weight and lends a little to close neighbours
    that are more frequent than it, scaled by similarity.
    """
    cands = []
    for tid, sim in vocab.neighbours(key):
        d = int(df[tid]) if tid < len(df) else 0
        if d <= 0 or (df_self > 0 and (d <= df_self or sim < KNOWN_FUZZY_CUTOFF)):
            continue
        if not likely_typo(key, vocab.terms[tid], sim):
            continue
        cands.append((tid, sim, math.exp(-(100.0 - sim) / TYPO_TEMPERATURE) * math.log1p(d)))
    if not cands:
        return []
    if df_self > 0:
        own = math.log1p(df_self)
        out = [(t, c / (c + own) * sim / 100.0, "fuzzy") for t, sim, c in cands]
    else:
        total = sum(c for _, _, c in cands)
        out = [(t, c / total, "fuzzy") for t, _sim, c in cands]
    out = [e for e in out if e[1] >= MIN_FACTOR]
    out.sort(key=lambda e: -e[1])
    return out[:3]
