"""Which close spellings are likely typos, and which are two different words (false friends).

The fuzzy expansion (:func:`expand.fuzzy`) lets a query word that the index does not know (or
barely knows) stand for close spellings that the index holds. A close spelling is not always the
word meant: ``kaart`` and ``kwart`` are one letter apart and both ordinary Dutch words, as are
``form`` and ``from`` in English. :func:`likely_typo` is the one rule that decides, on two terms
(stems, see :func:`text.stem`), whether the second is much likelier the word meant by the first
than a different word:

* **Common words are meant as typed.** When the query word is a common word of a language, it
  never stands for another common word of that language (``kaart``/``kwart``), nor for a word
  that is common in no language (``much``/``mulch``, or a misspelling in a record). It may still
  stand for a word common only in the *other* language, a cognate (``flexibel``/``flexible``).
  So two words that are both common in one language never pair.
  Common Dutch and English words are listed in ``data/common-nl.txt`` and ``data/common-en.txt``
  (derived from ``wordfreq``'s data by ``scripts/make_common_words.py``, CC-BY-SA 4.0, see
  ``data/README.md``).
* **Short words need a closer spelling.** Beyond the neighbour search's ``fuzz.ratio`` floor
  (:func:`vocab.fuzzy_cutoff`: 74 for four letters, 79 from five), a term of at most
  :data:`SWAP_ONLY_UP_TO` letters may not differ by one *replaced* letter: a letter
  added, left out, or two neighbouring letters swapped are typos, but one letter replaced in a
  four-letter word mostly makes another word (``like``/``live``, ``find``/``wind``; ``dake`` is as
  close to ``make``, ``lake`` and ``date`` as to ``take``). From five letters on one replaced letter
  stays allowed: forbidding it cost typo robustness beyond its target (``bench/README.md``).

:func:`map_corrections` applies the same rule to the words of the Dutch-English term map, so that
a misspelt word meets the translations of the word meant (``chargng`` -> ``charging`` -> ``laad``).

The lists are read once per process, on first use (about 41,000 stems; 40-55 ms and
6.5 MB).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Hamming

from .text import stem
from .translate import term_map
from .vocab import Vocabulary, fuzzy_cutoff

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "en")

#: terms up to this length may differ from a close spelling of the same length only by two
#: neighbouring letters swapped (not by one replaced letter)
SWAP_ONLY_UP_TO = 4


@cache
def common_terms() -> tuple[frozenset[str], ...]:
    """The stems of the common words of each language in :data:`LANGUAGES`, read once."""
    plain_stem = stem.__wrapped__  # bypass the cache: these words would crowd out the texts' words
    out = []
    for lang in LANGUAGES:
        text = (DATA / f"common-{lang}.txt").read_text(encoding="utf-8")
        out.append(frozenset(plain_stem(w) for w in text.split("\n") if w and not w.startswith("#")))
    return tuple(out)


def is_common(term: str) -> bool:
    """True when ``term`` is the stem of a common Dutch or English word."""
    return any(term in terms for terms in common_terms())


def swapped_letters(word: str, candidate: str) -> bool:
    """True when the two differ only by two neighbouring letters swapped (``form``/``from``)."""
    return OSA.distance(word, candidate) == 1 and Hamming.distance(word, candidate) == 2


def meant_as_typed(word: str, candidate: str) -> bool:
    """True when ``word`` is a common word of a language and ``candidate`` is not a word common
    only in another language: then ``word`` was not a misspelling of ``candidate``."""
    langs = common_terms()
    cand_common = [candidate in terms for terms in langs]
    for terms, cand_here in zip(langs, cand_common):
        if word in terms and (cand_here or not any(cand_common)):
            return True
    return False


def likely_typo(word: str, candidate: str, similarity: float | None = None) -> bool:
    """True when the index term ``candidate`` is much likelier the word meant by the query term
    ``word`` (a misspelling) than a different word. ``similarity``: their ``fuzz.ratio``, when
    known. See the module's doc for the rule."""
    if word == candidate:
        return False
    floor = fuzzy_cutoff(len(word))
    if floor is None:
        return False
    if similarity is None:
        similarity = fuzz.ratio(word, candidate)
    if similarity < floor:
        return False
    if len(word) <= SWAP_ONLY_UP_TO and len(word) == len(candidate) and not swapped_letters(word, candidate):
        return False
    return not meant_as_typed(word, candidate)


#: temperature of the typo model over term-map words (as :data:`expand.TYPO_TEMPERATURE`)
MAP_TYPO_TEMPERATURE = 5.0


@cache
def map_vocabulary() -> Vocabulary:
    """The words of the Dutch-English term map, for close-spelling lookups; built once (~0.4 s)."""
    vocab = Vocabulary()
    vocab.add_many(sorted(term_map().other))
    return vocab


def map_corrections(key: str) -> list[tuple[str, float]]:
    """Words of the term map that the unknown term ``key`` is likely a misspelling of, each with
    its share of the word's weight (``exp(-(100 - similarity) / T)``, normalised); [] when none."""
    vocab = map_vocabulary()
    found = [
        (vocab.terms[tid], math.exp(-(100.0 - sim) / MAP_TYPO_TEMPERATURE))
        for tid, sim in vocab.neighbours(key)
        if likely_typo(key, vocab.terms[tid], sim)
    ]
    total = sum(w for _, w in found)
    return [(term, w / total) for term, w in found]
