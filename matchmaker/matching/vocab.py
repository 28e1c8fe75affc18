"""The term vocabulary: ids, fuzzy neighbours and compound parts.

Terms are stems (see :func:`text.stem`). Three kinds of lookups relate an unseen or misspelt word
to known terms:

* :meth:`Vocabulary.neighbours` -- terms within a small edit distance (``rapidfuzz`` ``fuzz.ratio``),
  blocked by length so one lookup compares a word with a few thousand terms at most;
* :meth:`Vocabulary.split` -- a compound cut into two (or three) known terms, allowing the Dutch
  linking letters ``s``/``e``/``en`` (``parkeersensoren`` -> ``parkeer`` + ``sensor``);
* :meth:`Vocabulary.containing` -- known terms that start or end with the word where the rest is
  not a known word (``afval`` -> ``afvalinzamel``), for compounds whose other half never occurs alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .stopwords import STOP_WORDS
from .text import stem

#: Minimum length of each part of a compound.
MIN_PART = 4
#: Word endings that make a prefix match a derivation rather than a compound (``inform|ation``).
DERIVATIONAL = frozenset(
    [
        "ation",
        "ations",
        "ition",
        "itions",
        "ment",
        "ments",
        "ness",
        "able",
        "ible",
        "ability",
        "ibility",
        "ical",
        "ically",
        "ally",
        "ities",
        "ity",
        "ive",
        "ives",
        "ively",
        "ize",
        "izes",
        "iz",
        "ized",
        "izing",
        "izer",
        "ise",
        "ised",
        "ising",
        "ship",
        "ships",
        "less",
        "ful",
        "fully",
        "ous",
        "ously",
        "ance",
        "ances",
        "ence",
        "ences",
        "ancy",
        "ency",
        "ant",
        "ants",
        "ent",
        "ents",
        "ics",
        "ist",
        "ists",
        "ism",
        "isms",
        "ory",
        "ories",
        "ary",
        "aries",
        "logy",
        "logi",
        "ograph",
        "ography",
        "heid",
        "heden",
        "lijk",
        "lijke",
        "lijkheid",
        "baar",
        "bare",
        "isch",
        "ische",
        "isme",
        "ering",
        "eringen",
        "atie",
        "aties",
        "iteit",
        "iteiten",
        "achtig",
    ]
)


def fuzzy_cutoff(length: int) -> float | None:
    """Lowest ``fuzz.ratio`` the neighbour search looks at for a word of this length (None: too
    short to fuzz). Which neighbours may stand for the word is decided by
    :func:`typos.likely_typo`, which asks more of short words."""
    if length <= 3:
        return None
    if length == 4:
        return 74.0
    return 79.0


class Vocabulary:
    """Term strings and ids, with blocked fuzzy lookup and prefix/suffix search."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.ids: dict[str, int] = {}
        # fuzzy blocks: (length, "first letter" or "letters 2-3", letters) -> (terms, ids)
        self._blocks: dict[tuple[int, int, str], tuple[list[str], list[int]]] = {}
        self._sorted: list[str] = []
        self._sorted_rev: list[str] = []
        self._sorted_valid = True
        self._neighbours_cached = lru_cache(maxsize=65536)(self._neighbours)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_neighbours_cached"]  # a cache, and not picklable
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._neighbours_cached = lru_cache(maxsize=65536)(self._neighbours)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term: str) -> bool:
        return term in self.ids

    def get(self, term: str) -> int | None:
        return self.ids.get(term)

    def add(self, term: str) -> int:
        """Id of ``term``, adding it when new."""
        tid = self.ids.get(term)
        if tid is not None:
            return tid
        tid = self._append(term)
        if self._sorted_valid:
            bisect.insort(self._sorted, term)
            bisect.insort(self._sorted_rev, term[::-1])
        self._neighbours_cached.cache_clear()
        return tid

    def add_many(self, terms: list[str]) -> None:
        """Add many terms at once (the sorted lists are rebuilt lazily, once)."""
        for term in terms:
            if term not in self.ids:
                self._append(term)
        self._sorted_valid = False
        self._neighbours_cached.cache_clear()

    def _append(self, term: str) -> int:
        tid = len(self.terms)
        self.terms.append(term)
        self.ids[term] = tid
        n = len(term)
        for key in ((n, 0, term[:1]), (n, 1, term[1:3])):
            block = self._blocks.get(key)
            if block is None:
                block = self._blocks[key] = ([], [])
            block[0].append(term)
            block[1].append(tid)
        return tid

    def _ensure_sorted(self) -> None:
        if not self._sorted_valid:
            self._sorted = sorted(self.terms)
            self._sorted_rev = sorted(t[::-1] for t in self.terms)
            self._sorted_valid = True

    # -- fuzzy neighbours -------------------------------------------------------------------------

    def neighbours(self, term: str) -> tuple[tuple[int, float], ...]:
        """Known terms similar to ``term`` (itself excluded), as ``(term id, fuzz.ratio)``, best first.

        Candidates are blocked by length (one letter longer or shorter, two for long words) and by
        their first letters: a term is compared when it shares the first letter or the second and
        third, or when its first letter is the word's second or its second and third the word's
        first two (so a dropped, replaced or swapped first letter is still found). Results are
        cached.
        """
        return self._neighbours_cached(term)

    def _neighbours(self, term: str, limit: int = 8) -> tuple[tuple[int, float], ...]:
        cutoff = fuzzy_cutoff(len(term))
        if cutoff is None or not term.isalpha():
            return ()
        best: dict[int, float] = {}
        n = len(term)
        spread = 1 if n <= 8 else 2
        # same first letter; same 2nd-3rd letters (first one replaced); 2nd-3rd letters equal to
        # the word's first two (first one dropped); first letter equal to the word's second (the
        # first two swapped)
        keys = {(0, term[:1]), (1, term[1:3]), (1, term[:2]), (0, term[1:2])}
        own = self.ids.get(term)
        for length in range(max(2, n - spread), n + spread + 1):
            for pos, letter in keys:
                block = self._blocks.get((length, pos, letter))
                if not block:
                    continue
                ids = block[1]
                for _choice, score, idx in process.extract(
                    term, block[0], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
                ):
                    if ids[idx] != own:
                        best[ids[idx]] = score
        found = sorted(((score, tid) for tid, score in best.items()), reverse=True)
        return tuple((tid, score) for score, tid in found[:limit])

    # -- compounds --------------------------------------------------------------------------------

    def _known_part(self, part: str) -> int | None:
        if len(part) < MIN_PART - 1 or part in STOP_WORDS:
            return None
        tid = self.ids.get(stem(part))
        if tid is None and len(part) >= MIN_PART:
            tid = self.ids.get(part)
        return tid

    def split(
        self, word: str, df: Sequence[int] | np.ndarray | None = None, depth: int = 2
    ) -> list[int] | None:
        """Split a compound surface word into known term ids, or None.

        Each part has at least ``MIN_PART`` letters (the first may end in a linking ``s``/``e``/``en``
        that is dropped). Among several splits, the one with the highest geometric mean document
        frequency of its parts wins (Koehn & Knight 2003); without ``df`` the most balanced one wins.
        """
        n = len(word)
        if n < 2 * MIN_PART or not word.isalpha():
            return None
        best: tuple[float, list[int]] | None = None
        for i in range(MIN_PART, n - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if tail in STOP_WORDS:
                continue
            tail_ids: list[int] | None
            tid = self._known_part(tail)
            if tid is not None:
                tail_ids = [tid]
            elif depth > 1:
                tail_ids = self.split(tail, df, depth - 1)
            else:
                tail_ids = None
            if not tail_ids:
                continue
            head_id = self._known_part(head)
            if head_id is None:
                for link in ("s", "e", "en"):
                    if head.endswith(link) and len(head) - len(link) >= MIN_PART - 1:
                        head_id = self._known_part(head[: -len(link)])
                        if head_id is not None:
                            break
            if head_id is None:
                continue
            parts = [head_id, *tail_ids]
            if df is not None:
                prod = 1.0
                for p in parts:
                    prod *= max(df[p] if p < len(df) else 0, 1)
                goodness = prod ** (1.0 / len(parts))
            else:
                goodness = float(min(len(head), len(tail)))
            if best is None or goodness > best[0]:
                best = (goodness, parts)
        return best[1] if best else None

    def with_affix(self, term: str, limit: int = 200) -> list[int]:
        """Known terms (other than ``term``) that start or end with ``term``."""
        self._ensure_sorted()
        out: list[int] = []
        lo = bisect.bisect_left(self._sorted, term)
        hi = bisect.bisect_left(self._sorted, term + "{")
        out.extend(self.ids[c] for c in self._sorted[lo : min(hi, lo + limit)] if c != term)
        rev = term[::-1]
        lo = bisect.bisect_left(self._sorted_rev, rev)
        hi = bisect.bisect_left(self._sorted_rev, rev + "{")
        out.extend(self.ids[c[::-1]] for c in self._sorted_rev[lo : min(hi, lo + limit)] if c != rev)
        return out

    def containing(self, term: str, limit: int = 20) -> list[int]:
        """Known terms that start or end with ``term`` where the rest is no known word.

        When ``term`` is itself known, terms whose rest is a known word were already split at index
        time, so they are skipped; derivational endings (``-ation``, ``-heid``) are skipped too.
        """
        if len(term) < MIN_PART or not term.isalpha():
            return []
        known = term in self.ids
        self._ensure_sorted()
        out: list[int] = []
        lo = bisect.bisect_left(self._sorted, term)
        hi = bisect.bisect_left(self._sorted, term + "{")
        for cand in self._sorted[lo:hi]:
            rest = cand[len(term) :]
            for link in ("", "s", "e", "en"):
                if link and rest.startswith(link):
                    rest2 = rest[len(link) :]
                elif not link:
                    rest2 = rest
                else:
                    continue
                if self._rest_ok(rest2, known):
                    out.append(self.ids[cand])
                    break
            if len(out) >= limit:
                break
        rev = term[::-1]
        lo = bisect.bisect_left(self._sorted_rev, rev)
        hi = bisect.bisect_left(self._sorted_rev, rev + "{")
        for cand_rev in self._sorted_rev[lo:hi]:
            cand = cand_rev[::-1]
            rest = cand[: len(cand) - len(term)]
            ok = self._rest_ok(rest, known)
            if not ok:
                for link in ("s", "e", "en"):
                    if rest.endswith(link) and self._rest_ok(rest[: -len(link)], known):
                        ok = True
                        break
            if ok:
                out.append(self.ids[cand])
            if len(out) >= 2 * limit:
                break
        return out

    def _rest_ok(self, rest: str, known: bool) -> bool:
        return (
            len(rest) >= MIN_PART
            and rest.isalpha()
            and rest not in DERIVATIONAL
            and not any(rest.startswith(d) and len(rest) - len(d) < 3 for d in DERIVATIONAL)
            and not (known and self._known_part(rest) is not None)
        )
