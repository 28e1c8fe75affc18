"""Tokenising, normalising and light stemming for Dutch and English.

The stemmer is deliberately light (plural and -ing/-ed/-e endings, British/American spelling
variants): it only has to make inflected forms of one word meet, and it is applied the same way
to records and queries, so a stem does not need to be a real word.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from .stopwords import STOP_WORDS

#: Fields of a record, in the order they are indexed and explained.
FIELDS: tuple[str, ...] = ("title", "tags", "text")

_TOKEN_RE = re.compile(r"[a-z0-9]{2,}")


#: letters that do not decompose into ASCII
_SPECIAL = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"}
_DOUBLE_CONSONANT = frozenset("bdfgklmnprtz")


#: an HTML character reference with its closing semicolon (``&amp;``, ``&#039;``, ``&eacute;``)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def _break_or_drop(char: str) -> bool:
    """True when a non-ASCII character separates words: punctuation, symbols, spaces (``–``,
    ``’``, ``•``, ``°``, no-break space, zero-width space); False for accents, other letters and
    invisible format characters such as the soft hyphen."""
    return unicodedata.category(char)[0] in "PSZ" or char == "\u200b"


_BREAKS: dict[str, bool] = {}


def _to_ascii(error: UnicodeError) -> tuple[str, int]:
    """``encode("ascii")`` error handler: a run of non-ASCII characters becomes a space when one of
    them separates words, else nothing."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    for char in run:
        brk = _BREAKS.get(char)
        if brk is None:
            brk = _BREAKS[char] = _break_or_drop(char)
        if brk:
            return " ", error.end
    return "", error.end


codecs.register_error("matchmaker.fold", _to_ascii)


def fold(text: str) -> str:
    """Decode HTML character references, lowercase and strip accents (``Caf&eacute;`` and ``Café``
    -> ``cafe``, ``ë`` -> ``e``, ``ß`` -> ``ss``); non-ASCII punctuation and symbols become spaces
    (``high–power`` -> ``high power``), other non-ASCII characters are dropped.

    Texts pasted from web pages or exported by other systems often hold ``&quot;`` or ``&#039;``;
    left encoded, ``quot`` and ``039`` would be indexed as words.
    """
    if "&" in text:
        text = _ENTITY_RE.sub(_unescape, text)
    text = text.lower()
    if text.isascii():
        return text
    for ch, plain in _SPECIAL.items():
        if ch in text:
            text = text.replace(ch, plain)
    return unicodedata.normalize("NFKD", text).encode("ascii", "matchmaker.fold").decode("ascii")


def tokenize(text: str) -> list[str]:
    """Split folded text into alphanumeric tokens (stop words included, 1-letter tokens dropped)."""
    return _TOKEN_RE.findall(fold(text))


#: tokens, plus one-character sentence breaks: ``.!?;`` before white space, and newlines
TEXT_TOKEN_RE = re.compile(r"[a-z0-9]{2,}|[.!?;](?=\s)|\n")
TOKEN_RE = _TOKEN_RE


#: sentence breaks: ``.!?;`` before white space, and newlines (the one-character tokens above)
SENTENCE_BREAK_RE = re.compile(r"[.!?;](?=\s)|\n")


def pieces(fields: dict[str, str]) -> list[tuple[int, list[str]]]:
    """A record's tokens cut into pieces ``(field index, tokens)``: the title, the tags, and each
    sentence of the text; pieces without tokens are left out. Each piece is a passage."""
    out: list[tuple[int, list[str]]] = []
    for fi in (0, 1):
        toks = tokenize(fields[FIELDS[fi]])
        if toks:
            out.append((fi, toks))
    findall = _TOKEN_RE.findall
    for sentence in SENTENCE_BREAK_RE.split(fold(fields["text"])):
        toks = findall(sentence)
        if toks:
            out.append((2, toks))
    return out


#: stop words and bare numbers of one or two digits: tokens that never count
STOP_TOKENS: frozenset[str] = (
    STOP_WORDS | frozenset(f"{i:02d}" for i in range(100)) | frozenset(str(i) for i in range(10))
)


def is_stop(token: str) -> bool:
    """True for Dutch/English stop words and bare numbers of one or two digits."""
    return token in STOP_TOKENS


def _undouble(stem: str) -> str:
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] in _DOUBLE_CONSONANT:
        return stem[:-1]
    return stem


def _strip_e(stem: str) -> str:
    return stem[:-1] if len(stem) >= 5 and stem.endswith("e") else stem


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """Light Dutch/English stemmer: plurals and a final ``-e`` only.

    ``sensoren``/``sensors`` -> ``sensor``, ``gemeenten``/``gemeente`` -> ``gemeent``; British
    spellings map to American ones (``organisation`` and ``organization`` share a stem). Heavier
    stemming (``-ing``, ``-ed``) merged unrelated words and lowered ranking quality.
    """
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    # spelling variants
    if "isation" in w:
        w = w.replace("isation", "ization")
    elif len(w) >= 6 and w.endswith(("ise", "ised", "ises", "ising", "iser", "isers")):
        i = w.rfind("is")
        w = w[:i] + "iz" + w[i + 2 :]
    if len(w) >= 6 and w.endswith("our"):
        w = w[:-3] + "or"
    elif len(w) >= 6 and w.endswith("tre"):
        w = w[:-3] + "ter"
    # plurals
    if w.endswith("ingen") and len(w) >= 8:  # metingen -> meting
        return w[:-2]
    if w.endswith("heden") and len(w) >= 8:  # mogelijkheden -> mogelijkheid
        return w[:-5] + "heid"
    if w.endswith("ies") and len(w) >= 5:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")) and len(w) >= 5:
        return w[:-2]
    if w.endswith("en") and len(w) >= 6:  # sensoren -> sensor, gemeenten -> gemeent
        return _strip_e(_undouble(w[:-2]))
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= 4:
        w = w[:-1]
    return _strip_e(w)


def record_fields(record: Mapping[str, Any]) -> dict[str, str]:
    """The indexed text of each field of a record (tags joined by newlines); missing fields are empty."""
    tags = record.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    return {
        "title": str(record.get("title") or ""),
        "tags": "\n".join(str(t) for t in tags if t is not None),
        "text": str(record.get("text") or ""),
    }


def iter_content_tokens(text: str) -> Iterable[str]:
    """Tokens of ``text`` that are not stop words."""
    return (tok for tok in tokenize(text) if not is_stop(tok))
