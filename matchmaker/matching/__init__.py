"""Fuzzy matching of challenges and startups: plain records in, ranked and explained results out.

No Flask, no database: a record is any mapping ``{"id", "title", "text", "tags"}`` (missing
fields are empty, extra keys ignored).

>>> from matchmaker.matching import MatchIndex
>>> index = MatchIndex.build([{"id": "s1", "title": "Parkeer sensor BV", "text": "", "tags": []}])
>>> result = index.rank("parkeersensoren")[0]
>>> result.id, result.score > 0, result.why[0]["matched"]
('s1', True, 'parkeer')

API
    ``MatchIndex.build(records, **params)`` / ``MatchIndex(**params)``: a new index
    (``translate=False`` turns off Dutch <-> English matching, see :mod:`.translate`).
    ``index.rank(query, top=10, *, only=None, exclude=None, explain=True)``: a list of
    :class:`MatchResult` (``.id``, ``.score`` 0-100, ``.why``), best first; ``query`` is a
    record-like mapping or a plain string; ``only``/``exclude`` are collections of ids.
    ``index.add(record)`` (replaces the same id), ``index.remove(id) -> bool``, ``len(index)``,
    ``id in index``, ``index.ids()``, ``index.compact()``, ``index.stats()``.
    :func:`describe` renders a ``why`` list as one sentence.

Modules: :mod:`.text` (folding, tokens, stop words, stemming), :mod:`.vocab` (terms, fuzzy
neighbours, compound splitting), :mod:`.analysis` (records and queries to terms), :mod:`.expand`
(query expansion), :mod:`.translate` (Dutch <-> English term map), :mod:`.build` and :mod:`.segment` (sparse matrices), :mod:`.index` (scoring
and updates), :mod:`.explain` (explanations), :mod:`.cli` (``python -m matchmaker.matching``).
"""

from .explain import MatchResult, describe
from .index import MatchIndex

__all__ = ["MatchIndex", "MatchResult", "describe"]
