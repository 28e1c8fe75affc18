"""Dutch <-> English: the terms a word stands for in the other language.

The term map ``data/nl_en.tsv`` is derived from the FreeDict Dutch-English and English-Dutch
dictionaries by ``scripts/derive_lexicon.py`` (see ``data/README.md`` for its sources and
licences). It is read once per process, on first use; nothing is fetched at run time.

A query word meets its translations with a weight below an exact match (:data:`FACTOR` in all,
shared among the translations the index holds). A word the map does not know is cut into words it
does know first (``parkeerdruk`` -> ``parkeer`` + ``druk`` -> ``parking``, ``pressure``), and the
index cuts record words the same way (see :meth:`analysis.Lexicon.assign_splits`), so
``parking pressure`` meets ``parkeerdruk`` in both directions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .stopwords import STOP_WORDS
from .text import stem
from .vocab import DERIVATIONAL

DATA = Path(__file__).parent / "data" / "nl_en.tsv"
#: weight of all translations of a query word together, against 1 for the word itself
FACTOR = 0.7
#: translations of one word that take part at most (the ones most records hold)
LIMIT = 6


@dataclass(frozen=True)
class TermMap:
    """Stems of each language and their translations (stems of the other language), in the
    dictionary's order."""

    other: dict[str, tuple[str, ...]]
    dutch: frozenset[str]
    english: frozenset[str]
    both: frozenset[str]
    #: a readable word per stem (``hitt`` -> ``hitte``), for explanations
    words: dict[str, str]

    def translations(self, key: str) -> tuple[str, ...]:
        return self.other.get(key, ())

    def split(self, word: str) -> list[str] | None:
        """A compound cut into two or three words that the map knows (a linking ``s``/``e``/``en``
        allowed after the first), as stems; None when it does not split. Parts of one language
        are tried first; Dutch compounds also take English loans (``hittestress``)."""
        for words in (self.dutch, self.english, self.both):
            parts = _split(word, words, 2)
            if parts:
                return parts
        return None


MIN_PART = 4


@functools.lru_cache(maxsize=65536)
def split_word(word: str) -> tuple[str, ...]:
    """:meth:`TermMap.split` of the term map, cached per word (empty: no split)."""
    return tuple(term_map().split(word) or ())


def _split(word: str, words: frozenset[str], depth: int) -> list[str] | None:
    """The split with the fewest, then the longest-headed parts (``parkeerdruk`` -> parkeer|druk)."""
    n = len(word)
    if n < 2 * MIN_PART or not word.isalpha():
        return None
    best: list[str] | None = None
    for i in range(n - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:i], word[i:]
        head_key = _known(head, words)
        if head_key is None:
            for link in ("s", "e", "en"):
                if head.endswith(link) and len(head) - len(link) >= MIN_PART:
                    head_key = _known(head[: -len(link)], words)
                    if head_key is not None:
                        break
        if head_key is None:
            continue
        tail_key = _known(tail, words)
        if tail_key is not None:
            return [head_key, tail_key]
        if depth > 1 and best is None:
            rest = _split(tail, words, depth - 1)
            if rest:
                best = [head_key, *rest]
    return best


def _known(part: str, words: frozenset[str]) -> str | None:
    if part in DERIVATIONAL or part in STOP_WORDS:  # eenzaam|heid is a derivation, not a compound
        return None
    key = stem(part)
    if key in words:
        return key
    return part if part in words else None


@functools.cache
def term_map() -> TermMap:
    """The term map, read from :data:`DATA` once per process (about 0.2 s, 10 MB)."""
    other: dict[str, list[str]] = {}
    dutch: set[str] = set()
    english: set[str] = set()
    readable: dict[str, str] = {}
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            nl, en, _how = line.rstrip("\n").split("\t")
            a, b = stem(nl), stem(en)
            if nl:
                dutch.add(a)
                readable.setdefault(a, nl)
            if en:
                english.add(b)
                readable.setdefault(b, en)
            if not nl or not en or a == b:  # a word without translation, for splitting
                continue
            for key, value in ((a, b), (b, a)):
                found = other.setdefault(key, [])
                if value not in found:
                    found.append(value)
    return TermMap({k: tuple(v) for k, v in other.items()}, frozenset(dutch), frozenset(english),
                   frozenset(dutch | english), readable)
