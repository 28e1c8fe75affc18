"""The examples in the matching package's docstrings run."""

import doctest

import matchmaker.matching
import matchmaker.matching.index


def test_docstring_examples() -> None:
    for module in (matchmaker.matching, matchmaker.matching.index):
        assert doctest.testmod(module).failed == 0
