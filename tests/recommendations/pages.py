"""Reading the fit pages as a person does: the number in the round badge and the sentence under it."""

from __future__ import annotations

import html
import re

FIT = re.compile(r'<span class="fit-number">([\d.,]+)</span>')
WHY = re.compile(r'<p class="why">(.*?)</p>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def block(page: str, element_id: str) -> str:
    """The HTML of the element with this id, up to the next list item (enough for one match)."""
    start = page.index(f'id="{element_id}"')
    end = page.find("<li id=", start + 1)
    return page[start:end if end != -1 else len(page)]


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(TAG.sub("", fragment))).strip()


def shown_fit(fragment: str) -> int:
    return int(FIT.search(fragment).group(1))


def why_sentence(page: str, element_id: str | None = None) -> str:
    """The first "Matches on: ..." sentence (of one element, given its id), as text."""
    found = WHY.search(block(page, element_id) if element_id else page)
    return text_of(found.group(1)) if found else ""
