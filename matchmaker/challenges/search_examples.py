"""The examples the search boxes offer (the challenge list and the home page), per interface language.

Each must find at least one demo challenge written in that language with the search the page uses
(tests/challenges/test_search_examples.py loads the demo and tries them). Search does not cross
languages yet, so the Dutch examples are Dutch words and the English ones English.
"""

from __future__ import annotations

SEARCH_EXAMPLES = {
    "nl": ("afval", "parkeerdruk", "eenzaamheid"),
    "en": ("energy poverty", "rainwater", "permit"),
}


def search_examples(language: str) -> tuple[str, ...]:
    return SEARCH_EXAMPLES.get(language, SEARCH_EXAMPLES["nl"])
