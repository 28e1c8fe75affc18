"""Fuzzy matching of challenges and startups: plain records in, ranked and explained results out.

>>> from matchmaker.matching import MatchIndex
>>> index = MatchIndex.build([{"id": "s1", "title": "Parkeer sensor BV", "text": "", "tags": []}])
>>> index.rank("parkeersensoren")[0].id
's1'
"""

from .explain import MatchResult, describe
from .index import MatchIndex

__all__ = ["MatchIndex", "MatchResult", "describe"]
