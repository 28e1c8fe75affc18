"""The examples in the search boxes find something in the demo, in the interface language."""

from __future__ import annotations

import html
import re

import pytest

from matchmaker.challenges.browse import browse
from matchmaker.challenges.search_examples import SEARCH_EXAMPLES
from matchmaker.demo import load_demo_data

from .helpers import read_in

EXAMPLE_LINK = re.compile(r'<a href="(/challenges/\?q=[^"]+)">([^<]+)</a>')
FOUND = re.compile(r"(\d+) (?:challenges? found|uitdaging(?:en)? gevonden)")


@pytest.fixture
def demo(app):
    assert load_demo_data() is True


@pytest.mark.parametrize("locale", ["nl", "en"])
@pytest.mark.parametrize("path", ["/challenges/", "/"])
def test_every_example_in_the_search_box_finds_a_demo_challenge(client, demo, locale, path):
    read_in(client, locale)
    page = html.unescape(client.get(path).get_data(as_text=True))
    links = EXAMPLE_LINK.findall(page)
    assert [text for _href, text in links] == list(SEARCH_EXAMPLES[locale])
    placeholder = {"nl": "bijv. ", "en": "e.g. "}[locale] + ", ".join(SEARCH_EXAMPLES[locale])
    assert f'placeholder="{placeholder}"' in page
    for href, example in links:
        results = html.unescape(client.get(href).get_data(as_text=True))
        found = FOUND.search(results)
        assert found and int(found.group(1)) >= 1, (locale, example)


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_each_example_finds_a_challenge_written_in_that_language(demo, locale):
    for example in SEARCH_EXAMPLES[locale]:
        page = browse(text=example)
        assert any(challenge.language == locale for challenge in page.items), (locale, example)


def test_an_example_that_finds_nothing_would_be_noticed(demo):
    assert browse(text="qwxzyv").total == 0


def test_an_english_search_finds_the_dutch_challenge(demo):
    page = browse(text="loneliness")  # the demo's challenge is in Dutch only: "Eenzaamheid onder ouderen ..."
    assert page.total >= 1
    assert "eenzaam" in page.items[0].title.lower() and page.items[0].language == "nl"
