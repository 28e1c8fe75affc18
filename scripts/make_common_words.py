"""Derive the list of common Dutch and English words that the fuzzy expansion never pairs.

Two words that are both common words of the language are two different words (``kaart`` and
``kwart``, ``form`` and ``from``), not a typo and its correction. This script writes
``matchmaker/matching/data/common-nl.txt`` and ``common-en.txt``: one folded word a line, the
words that

* have a Zipf frequency of at least ``--zipf`` (default 3.0: once per million words) in
  ``wordfreq``'s Dutch or English list, and
* are spelt correctly: they occur in a spelling word list of that language (Debian's ``wdutch``,
  OpenTaal, and ``wamerican``/``wbritish``, SCOWL), which drops frequent misspellings such as
  ``teh`` or ``zowiezo`` that ``wordfreq`` counts too, and
* have at least 4 letters (shorter words are never fuzzed).

The data of ``wordfreq`` is licensed CC-BY-SA 4.0, so the derived list is too (see
``matchmaker/matching/data/README.md``). ``wordfreq`` is not a runtime dependency: install it
only to run this script, e.g. in a throwaway virtual environment::

    .venv/bin/pip install --target /tmp/wf wordfreq==3.1.1
    apt-get install wdutch wamerican wbritish
    PYTHONPATH=/tmp/wf .venv/bin/python scripts/make_common_words.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaker.matching.text import fold

DICTS = {
    "nl": ["/usr/share/dict/dutch"],
    "en": ["/usr/share/dict/american-english", "/usr/share/dict/british-english"],
}
OUT = REPO / "matchmaker" / "matching" / "data"


def spelling_words(paths: list[str]) -> set[str]:
    words: set[str] = set()
    for p in paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            w = fold(line.strip())
            if w.isalpha():
                words.add(w)
    return words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zipf", type=float, default=3.0)
    ap.add_argument("--out", default=str(OUT), help="folder")
    args = ap.parse_args(argv)
    from importlib.metadata import version

    import wordfreq

    for lang, paths in DICTS.items():
        words: set[str] = set()
        spelt = spelling_words(paths)
        freq = wordfreq.get_frequency_dict(lang, wordlist="large")
        floor = 10 ** (args.zipf - 9)
        for w, f in freq.items():
            if f < floor:
                continue
            w = fold(w)
            if len(w) >= 4 and w.isalpha() and w.isascii() and w in spelt:
                words.add(w)
        name = {"nl": "Dutch", "en": "English"}[lang]
        header = (
            f"# Common {name} words (Zipf >= {args.zipf} in wordfreq {version('wordfreq')}, "
            "found in a spelling word list, >= 4 letters), folded.\n"
            "# Derived by scripts/make_common_words.py from wordfreq's data, CC-BY-SA 4.0; see README.md.\n"
        )
        out = Path(args.out) / f"common-{lang}.txt"
        out.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(f"{lang}: {len(words)} words -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
