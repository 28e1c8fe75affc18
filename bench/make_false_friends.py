"""Derive the word pairs that ``bench/eval_false_friends.py`` measures the fuzzy rule on.

Writes four files to ``bench/false_friends/`` (tab-separated: query word, other word, source):

* ``typos-en.tsv`` -- real English misspellings and the word meant, sampled from codespell's
  ``dictionary.txt`` (entries with one correction, letters only; CC-BY-SA 3.0, derived from
  Wikipedia's list of common misspellings).
* ``typos-nl.tsv`` -- Dutch misspellings. No packaged list of real Dutch misspellings was found,
  so three sources, each labelled in the third column:

  - ``opentaal``: the whole-word replacement suggestions of OpenTaal's Hunspell dictionary
    (``REP`` lines of ``nl.aff`` in Debian's ``hunspell-nl``; BSD or CC-BY 3.0), e.g.
    ``kunstof -> kunststof``, ``zowiezo -> sowieso``, kept when the wrong spelling is not in the
    word list and the right one is, and the two are spelt alike (``fuzz.ratio`` >= 60; this drops
    suggestions such as ``clever -> slim``);
  - ``pattern``: a frequent Dutch word with one of the well-known Dutch spelling confusions
    applied (:data:`DUTCH_CONFUSIONS`: ``ij``/``ei``, ``au``/``ou``, ``d``/``t``/``dt``,
    ``c``/``k``, ``s``/``z``, ``f``/``v``, ``g``/``ch``, a doubled or single vowel or consonant),
    when the result is not a word: the errors Dutch writers make, applied by script;
  - ``keyboard``: a frequent Dutch word with one letter dropped, doubled, replaced by a
    neighbouring key or swapped with the next, when the result is not a word (as the SBIR typo
    files were made).

* ``distinct-en.tsv`` and ``distinct-nl.tsv`` -- two different real words within the fuzzy
  search's reach (the same candidate search as the engine, :meth:`Vocabulary.neighbours`, over
  every word of a spelling word list: Debian's ``wamerican`` + ``wbritish``, SCOWL, and ``wdutch``,
  OpenTaal). Two samples, labelled ``frequent`` (the query word drawn in proportion to its
  ``wordfreq`` frequency, and the other among its neighbours likewise: the words people type and
  texts hold) and ``any`` (drawn uniformly from the word list,
  rare words included: the hard case). Pairs where one word is the other plus at most three
  letters (``design``/``designed``, inflections rather than other words) are left out, as are
  stop words.

Words are folded (lowercase, no accents) as the engine folds them. The sources need, once::

    .venv/bin/pip install --target /tmp/wf wordfreq==3.1.1 codespell==2.4.3
    apt-get install hunspell-nl wdutch wamerican wbritish
    PYTHONPATH=/tmp/wf .venv/bin/python bench/make_false_friends.py
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz

from matchmaker.matching.text import fold, is_stop, stem
from matchmaker.matching.vocab import Vocabulary

OUT = REPO / "bench" / "false_friends"
WORD_LISTS = {
    "nl": ["/usr/share/dict/dutch"],
    "en": ["/usr/share/dict/american-english", "/usr/share/dict/british-english"],
}
HUNSPELL_NL = "/usr/share/hunspell/nl.aff"
#: well-known Dutch spelling confusions, (right, wrong): the ones the REP lines of OpenTaal's
#: nl.aff hold for parts of words, narrowed by hand to the classic ones
DUTCH_CONFUSIONS = [
    ("ij", "ei"), ("ei", "ij"), ("au", "ou"), ("ou", "au"), ("dt", "d"), ("dt", "t"), ("d", "dt"),
    ("t", "dt"), ("c", "k"), ("k", "c"), ("s", "z"), ("z", "s"), ("f", "v"), ("v", "f"),
    ("ch", "g"), ("g", "ch"), ("aa", "a"), ("ee", "e"), ("oo", "o"), ("uu", "u"), ("ll", "l"),
    ("mm", "m"), ("nn", "n"), ("pp", "p"), ("rr", "r"), ("ss", "s"), ("tt", "t"), ("l", "ll"),
    ("n", "nn"), ("r", "rr"), ("s", "ss"), ("t", "tt"), ("ie", "i"), ("i", "ie"), ("y", "ij"),
]  # fmt: skip
#: keys next to each other on a QWERTY keyboard
KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def word_list(lang: str) -> set[str]:
    words: set[str] = set()
    for p in WORD_LISTS[lang]:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            w = fold(line.strip())
            if w.isalpha() and w.isascii() and line[:1].islower():
                words.add(w)
    return words


def _single_vowels(w: str) -> str:
    for v in "aeou":
        w = w.replace(v + v, v)
    return w


def inflection(a: str, b: str) -> bool:
    """One word is the other plus at most three letters at the end, also after a Dutch long vowel
    is written single (``schooljaar``/``schooljaren``, ``kreeg``/``kregen``)."""
    for x, y in ((a, b), (_single_vowels(a), _single_vowels(b))):
        short, long = sorted((x, y), key=len)
        if long.startswith(short) and len(long) - len(short) <= 3:
            return True
    return False


def codespell_pairs(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    import codespell_lib

    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        wrong, right = fold(wrong), fold(right.strip().rstrip(","))
        if "," in right or not (wrong.isalpha() and right.isalpha()):
            continue
        if wrong != right and len(stem(wrong)) >= 4 and not is_stop(right):
            pairs.append((wrong, right, "codespell"))
    rng.shuffle(pairs)
    return pairs[:n]


def frequent_words(lang: str, words: set[str], zipf: float = 2.5) -> tuple[list[str], list[float]]:
    import wordfreq

    freq = wordfreq.get_frequency_dict(lang, wordlist="large")
    out, weights = [], []
    for w, f in freq.items():
        w = fold(w)
        if f >= 10 ** (zipf - 9) and w in words and len(stem(w)) >= 4 and not is_stop(w):
            out.append(w)
            weights.append(f)
    return out, weights


def keyboard_typo(rng: random.Random, w: str) -> str:
    i = rng.randrange(len(w))
    kind = rng.choice(["drop", "double", "replace", "swap"])
    if kind == "drop":
        return w[:i] + w[i + 1 :]
    if kind == "double":
        return w[: i + 1] + w[i:]
    if kind == "swap" and i < len(w) - 1:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    for row in KEYS:
        j = row.find(w[i])
        if j >= 0:
            near = [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)]
            return w[:i] + rng.choice(near) + w[i + 1 :]
    return w


def dutch_typos(rng: random.Random, n: int, words: set[str]) -> list[tuple[str, str, str]]:
    rep: list[tuple[str, str]] = []
    for line in Path(HUNSPELL_NL).read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) == 3 and parts[0] == "REP":
            rep.append((parts[1], parts[2]))
    whole = []
    for wrong, right in rep:
        if wrong.startswith("^") and wrong.endswith("$"):
            w, r = fold(wrong[1:-1]), fold(right)
            if (
                w.isalpha()
                and r.isalpha()
                and w not in words
                and r in words
                and len(stem(w)) >= 4
                and fuzz.ratio(w, r) >= 60
            ):
                whole.append((w, r, "opentaal"))
        elif "^" not in wrong and "$" not in wrong:
            w, r = fold(wrong), fold(right)
            ok = w.isalpha() and r.isalpha() and w != r and len(w) >= 6 and w not in words and r in words
            if ok and fuzz.ratio(w, r) >= 60:
                whole.append((w, r, "opentaal"))  # unanchored whole words: grafitti -> graffiti
    common, weights = frequent_words("nl", words, zipf=3.0)
    out = list(dict.fromkeys(whole))
    seen = {p[0] for p in out}
    target = {"pattern": (n - len(out)) // 2}
    target["keyboard"] = n - len(out) - target["pattern"]
    for source, k in target.items():
        made = 0
        while made < k:
            good = rng.choices(common, weights)[0]
            if source == "pattern":
                right_part, wrong_part = rng.choice(DUTCH_CONFUSIONS)
                at = [i for i in range(len(good)) if good.startswith(right_part, i)]
                if not at:
                    continue
                i = rng.choice(at)
                typo = good[:i] + wrong_part + good[i + len(right_part) :]
            else:
                typo = keyboard_typo(rng, good)
            if typo == good or typo in words or typo in seen or not typo.isalpha() or len(stem(typo)) < 4:
                continue
            seen.add(typo)
            out.append((typo, good, source))
            made += 1
    return out


def distinct_pairs(rng: random.Random, lang: str, words: set[str], n: int) -> list[tuple[str, str, str]]:
    vocab = Vocabulary()
    stems: dict[str, list[str]] = {}
    for w in sorted(words):
        if not is_stop(w):
            stems.setdefault(stem(w), []).append(w)
    vocab.add_many(list(stems))
    frequent, weights = frequent_words(lang, words)
    weight_of = dict(zip(frequent, weights))
    pool = sorted(w for w in words if len(stem(w)) >= 4 and not is_stop(w))
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for sample in ("frequent", "any"):
        made = tries = 0
        while made < n and tries < 50 * n:
            tries += 1
            w = rng.choices(frequent, weights)[0] if sample == "frequent" else rng.choice(pool)
            key = stem(w)
            cands = [
                vocab.terms[t]
                for t, _sim in vocab.neighbours(key)
                if not inflection(key, vocab.terms[t]) and not inflection(w, stems[vocab.terms[t]][0])
            ]
            if not cands:
                continue
            if sample == "frequent":  # the other word too is drawn in proportion to its frequency
                cw = [max(weight_of.get(w2, 0.0) for w2 in stems[c]) + 1e-9 for c in cands]
                other = max(stems[rng.choices(cands, cw)[0]], key=lambda w2: weight_of.get(w2, 0.0))
            else:
                other = stems[rng.choice(cands)][0]
            if (w, other) in seen:
                continue
            seen.add((w, other))
            out.append((w, other, sample))
            made += 1
    return out


def write(path: Path, rows: list[tuple[str, str, str]], header: str) -> None:
    path.write_text(header + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    print(f"{len(rows)} pairs -> {path.relative_to(REPO)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="pairs per file and sample")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    nl, en = word_list("nl"), word_list("en")
    write(
        OUT / "typos-en.tsv",
        codespell_pairs(rng, args.n),
        "# misspelling\tintended\tsource (codespell dictionary.txt, CC-BY-SA 3.0; see README.md)\n",
    )
    write(
        OUT / "typos-nl.tsv",
        dutch_typos(rng, args.n, nl),
        "# misspelling\tintended\tsource (opentaal: OpenTaal REP list; pattern, keyboard: made by script)\n",
    )
    for lang, words in (("en", en), ("nl", nl)):
        write(
            OUT / f"distinct-{lang}.tsv",
            distinct_pairs(rng, lang, words, args.n),
            "# word\tother real word within the fuzzy cutoff\tsample (frequent / any)\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
