"""Strict parsers for what people (and robots) type: whole numbers, small decimals (2,5 FTE), euro
amounts and display text.

Python's own `int()` and `Decimal()` are generous: they accept Arabic-Indic digits ("٣"), underscores
("1_000"), exponents ("1E5"), "NaN" and "Infinity", and `str.isdigit()` says yes to "²", which `int()`
then refuses with an exception. Every number that comes from a request goes through the functions here
instead: plain ASCII digits, a length cap, and `None` for anything else, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

MAX_DIGITS = 18  # fits a PostgreSQL BIGINT; every number we take is far smaller

ASCII_SPACE = " \t\n\r\f\v"
_WHOLE = re.compile(r"[0-9]+")
_SIGNED = re.compile(r"-?[0-9]+")


def parse_whole_number(value, *, signed: bool = False, max_digits: int = MAX_DIGITS) -> int | None:
    """The whole number written in `value` with ASCII digits 0-9 (surrounding spaces allowed), or None.

    With `signed`, a leading "-" is allowed. A plus sign, underscores, decimals, exponents, Unicode
    digits and numbers longer than `max_digits` digits are not numbers here. An `int` passes through
    (when it is not negative, unless `signed`); any other type is None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if signed or value >= 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip(ASCII_SPACE)  # str.strip() alone also drops control characters such as \x1f
    if len(text) > max_digits + 1 or not (_SIGNED if signed else _WHOLE).fullmatch(text):
        return None
    if len(text.lstrip("-")) > max_digits:
        return None
    return int(text)


# --- decimal numbers -----------------------------------------------------------------------------

_DECIMAL = re.compile(r"([0-9]+)(?:[.,]([0-9]+))?")


def parse_decimal(value, *, decimals: int = 1, max_whole_digits: int = 6) -> Decimal | None:
    """A small decimal number as people type it, with a decimal point or a Dutch decimal comma
    ("2.5", "2,5", "3"), or None.

    At most `decimals` decimals and `max_whole_digits` digits before the separator. No thousands
    separators ("1.000" has three decimals, so it is refused rather than guessed), no signs, no
    exponents, no NaN or Infinity, no Unicode digits, no spaces inside. A `Decimal` or `int` passes
    through when it is finite, not negative and within those limits; any other type is None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        number = Decimal(value)
        if not number.is_finite() or number < 0 or number != round(number, decimals):
            return None
        return number if len(str(int(number))) <= max_whole_digits else None
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _DECIMAL.fullmatch(value.strip())
    if match is None:
        return None
    whole, fraction = match.group(1), match.group(2) or ""
    if len(whole) > max_whole_digits or len(fraction) > decimals:
        return None
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


# --- euro amounts --------------------------------------------------------------------------------

MAX_AMOUNT_CHARS = 40
_CURRENCY = re.compile(r"€|euros?|eur", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
_GROUPED = {sep: re.compile(r"[0-9]{1,3}(?:" + re.escape(sep) + r"[0-9]{3})+") for sep in ".,"}


def _whole_euros(text: str, thousands: str) -> int | None:
    """Digits, either plain ("25000") or grouped by threes with `thousands` ("25.000")."""
    if _DIGITS.fullmatch(text) or _GROUPED[thousands].fullmatch(text):
        return int(text.replace(thousands, ""))
    return None


def parse_euros(value) -> int | None:
    """Euro cents from an amount as people type it, or None when it is not a clear amount.

    Accepted: "25000", "25.000", "25,000", "€ 25.000,50", "25,000.50", "25000,5", "EUR 1.250,-",
    "25 000". With one kind of separator, a separator followed by exactly three digits (or used more
    than once) groups thousands, so "25.000" is twenty-five thousand euros; otherwise it is the decimal
    comma or point, with one or two decimals. With both kinds, the last one is the decimal separator.
    Refused: negative amounts, exponents, NaN and Infinity, non-ASCII digits, mixed-up separators.
    """
    if not isinstance(value, str) or len(value) > MAX_AMOUNT_CHARS:
        return None
    text = "".join(_CURRENCY.sub("", value).split())  # no currency, no spaces of any kind
    text = re.sub(r"[.,]-{1,2}$", "", text)  # "€ 25.000,-"
    if not re.fullmatch(r"[0-9.,]+", text):
        return None
    if "." in text and "," in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
    elif "." in text or "," in text:
        separator = "." if "." in text else ","
        if text.count(separator) > 1 or len(text) - text.rfind(separator) - 1 == 3:
            euros = _whole_euros(text, separator)
            return None if euros is None else euros * 100
        decimal, thousands = separator, "." if separator == "," else ","
    else:
        return int(text) * 100
    head, _sep, tail = text.rpartition(decimal)
    if decimal in head or not 1 <= len(tail) <= 2 or not _DIGITS.fullmatch(tail):
        return None
    euros = _whole_euros(head, thousands)
    return None if euros is None else euros * 100 + int(tail.ljust(2, "0"))


def format_euros(cents: int) -> str:
    """Cents as a plain amount that `parse_euros` reads back: 2500050 -> "25000.50", 2500000 -> "25000"."""
    euros, rest = divmod(cents, 100)
    return f"{euros}" if not rest else f"{euros}.{rest:02d}"


# --- display text --------------------------------------------------------------------------------

#: Characters that reorder or hide text: bidirectional embeddings, overrides and isolates, the
#: direction marks, and zero-width or invisible formatting characters. "invoice\u202efdp.exe" shows
#: as "invoiceexe.pdf". Zero-width (non-)joiners stay: emoji and several scripts need them.
INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")


def _keep(char: str, allowed: str) -> bool:
    if char in allowed:
        return True
    if char in INVISIBLE:
        return False
    return unicodedata.category(char) != "Cc"  # C0 and C1 control characters, DEL


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Text without control, bidi and invisible formatting characters, trimmed.

    Multi-line text keeps its tabs and line breaks ("\\r\\n", "\\r" and the Unicode line and
    paragraph separators become "\\n"); a single line becomes one line with single spaces.
    """
    text = _LINE_BREAKS.sub("\n", value)
    text = "".join(char for char in text if _keep(char, "\n\t" if multiline else "\n\t "))
    if not multiline:
        return " ".join(text.split())
    return text.strip()
