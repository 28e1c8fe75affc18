"""Derive the Dutch-English term map of the matcher from free Debian dictionaries.

    make lexicon        # downloads the Debian packages below into a temporary folder, then runs this

or by hand, with the packages unpacked (``apt-get download <pkg>; dpkg -x <pkg>.deb root``)::

    python scripts/derive_lexicon.py --root root --out matchmaker/matching/data/nl_en.tsv

Sources (Debian bookworm):

* ``dict-freedict-nld-eng`` and ``dict-freedict-eng-nld`` (FreeDict, GPL-2.0-or-later): the word
  pairs themselves;
* ``wdutch`` (OpenTaal word list, BSD / CC BY 3.0) and ``wbritish-large`` (SCOWL, permissive):
  only to check that a derived word exists, and to drop translations that are also a word of the
  other language (``room``: Dutch for cream, English for a room).

The output has one pair per line, ``dutch<TAB>english<TAB>how``, both folded as the matcher folds
text (lowercase ASCII). ``how`` says where the pair came from:

* ``dict``: a translation in the Dutch-English dictionary, ``inv``: one in the English-Dutch
  dictionary, read backwards;
* ``verb``: a Dutch verb's stem as compounds use it (``parkeren`` -> ``parkeer``, ``laden`` ->
  ``laad``) with the English verb and its ``-ing`` form (``parking``, ``charging``);
* ``noun``: Dutch nouns made from verbs and adjectives (``inzameling``, ``eenzaamheid``) with the
  English ones made the same way (``collection``, ``loneliness``);
* ``cognate``: words built on the same Latin stem (``participatie``/``participation``,
  ``mobiliteit``/``mobility``), both found in the word lists;
* ``align``: a part of a Dutch compound whose English translation is two words
  (``parkeergarage`` = ``parking garage``, and ``garage`` = ``garage``, so ``parkeer`` = ``parking``);
* ``plural``: a Dutch plural (``palen``) that the matcher's light stemmer does not bring back to
  its singular (``paal``), with the singular's translations.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matchmaker.matching.text import is_stop, stem, tokenize

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: translations kept per headword (the dictionaries list the main senses first)
PER_WORD = 8
SENSE_RE = re.compile(r"^\s*\d+\.\s*")


def _b64(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + B64.index(ch)
    return value


def read_dictd(index: Path, data: Path) -> list[tuple[str, list[list[str]]]]:
    """(headword, senses) of a dictd dictionary; each sense is a list of translations."""
    raw = gzip.decompress(data.read_bytes())
    out = []
    for line in index.read_text(encoding="utf-8").splitlines():
        head, offset, length = line.split("\t")
        if head.startswith(("00-database", "00database")):
            continue
        body = raw[_b64(offset) : _b64(offset) + _b64(length)].decode("utf-8").splitlines()[1:]
        senses = []
        for sense in body:
            sense = SENSE_RE.sub("", sense).strip()
            if sense:
                senses.append([t.strip() for t in sense.split(",") if t.strip()])
        out.append((head, senses))
    return out


def read_table(stem_path: Path, table: dict[str, list[str]], add, two_words=None) -> None:
    """Fill ``table`` (headword -> its first :data:`PER_WORD` one-word translations) from a dictd
    dictionary and pass each pair to ``add``; a two-word headword with a one-word translation goes
    to ``two_words`` (translation, the two words)."""
    for head, senses in read_dictd(stem_path.with_suffix(".index"), stem_path.with_suffix(".dict.dz")):
        key, head_words = single(head), words(head)
        for sense in senses:
            for phrase in sense:
                value = single(phrase)
                if key and value and len(table[key]) < PER_WORD:
                    table[key].append(value)
                    add(key, value)
                elif key is None and value and two_words is not None and len(head_words) == 2:
                    two_words(value, head_words)


def words(text: str) -> list[str]:
    """Content words of a dictionary phrase, folded as the matcher folds text."""
    return [t for t in tokenize(text.replace("\u0133", "ij").replace("\u2010", "-")) if t.isalpha()]


def single(text: str) -> str | None:
    found = words(text)
    return found[0] if len(found) == 1 and not is_stop(found[0]) and len(found[0]) >= 3 else None


def read_list(path: Path) -> set[str]:
    folded = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line[:1].isupper():  # names
            continue
        found = words(line)
        if len(found) == 1:
            folded.add(found[0])
    return folded


def verb_stem(infinitive: str) -> str | None:
    """``parkeren`` -> ``parkeer``, ``laden`` -> ``laad``, ``leven`` -> ``leef``, ``zetten`` -> ``zet``."""
    if not infinitive.endswith("en") or len(infinitive) < 5:
        return None
    s = infinitive[:-2]
    vowels = "aeiou"
    if len(s) >= 2 and s[-1] == s[-2] and s[-1] not in vowels:
        s = s[:-1]  # zetten -> zet
    elif len(s) >= 3 and s[-1] not in vowels and s[-2] in "aeou" and s[-3] not in vowels:
        s = s[:-1] + s[-2] + s[-1]  # parker -> parkeer, lad -> laad
    if s.endswith("v"):
        s = s[:-1] + "f"
    elif s.endswith("z"):
        s = s[:-1] + "s"
    return s if len(s) >= 3 else None


def english_ed(verb: str) -> list[str]:
    """``share`` -> ``shared``, ``stop`` -> ``stopped``: a compound's verb part often reads as a
    past participle in English (``deelauto``: shared car)."""
    out = [verb + "d" if verb.endswith("e") else verb + "ed"]
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        out.append(verb + verb[-1] + "ed")
    return out


def english_ing(verb: str) -> list[str]:
    out = [verb + "ing"]
    if verb.endswith("e") and not verb.endswith("ee"):
        out.append(verb[:-1] + "ing")
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        out.append(verb + verb[-1] + "ing")
    return out


def english_nominal(verb: str) -> list[str]:
    out = [verb + "ion", verb + "ation", verb + "ment"]
    if verb.endswith("e"):
        out += [verb[:-1] + "ion", verb[:-1] + "ation"]
    return out


def english_ness(adjective: str) -> list[str]:
    return [adjective[:-1] + "iness" if adjective.endswith("y") else adjective + "ness"]


COGNATES = [  # Dutch ending, English ending
    ("atie", "ation"), ("itie", "ition"), ("utie", "ution"), ("ctie", "ction"), ("ssie", "ssion"),
    ("iteit", "ity"), ("isme", "ism"), ("istisch", "istic"), ("isch", "ic"), ("isch", "ical"),
    ("ief", "ive"), ("ie", "y"), ("aal", "al"), ("eel", "al"), ("ant", "ant"), ("ent", "ent"),
    ("eren", "ate"), ("iseren", "ise"), ("iseren", "ize"),
]


def derive(root: Path) -> tuple[dict[tuple[str, str], str], dict[str, set[str]]]:
    """The kept pairs, and per language the dictionary words without a kept pair (compounds
    split into them too: ``burger|participatie``, ``regen|water``)."""
    dictd = root / "usr/share/dictd"
    nl_words = read_list(root / "usr/share/dict/dutch")
    en_words = read_list(root / "usr/share/dict/british-english-large")
    pairs: dict[tuple[str, str], str] = {}

    def put(nl: str | None, en: str | None, how: str) -> None:
        if nl and en and nl != en and (nl, en) not in pairs:
            pairs[(nl, en)] = how

    nl_en: dict[str, list[str]] = defaultdict(list)
    en_nl: dict[str, list[str]] = defaultdict(list)
    read_table(dictd / "freedict-nld-eng", nl_en, lambda nl, en: put(nl, en, "dict"))
    read_table(dictd / "freedict-eng-nld", en_nl, lambda en, nl: put(nl, en, "inv"),
               two_words=lambda nl, head: align(nl, head, nl_en, en_nl, put))
    base = dict(pairs)
    # words of each language that the dictionaries use (headwords and translations): common
    # words, as opposed to the long word lists, which hold loans such as "parking" and "heat"
    dutch = set(nl_en) | {nl for found in en_nl.values() for nl in found}
    english = set(en_nl) | {en for found in nl_en.values() for en in found}
    # verbs: the stem that compounds use, and the English -ing form
    for (nl, en) in base:
        root = verb_stem(nl)
        if root is None or en not in en_words or en not in nl_en[nl][:3]:
            continue
        ing = [g for g in english_ing(en) if g in en_words]
        if root not in nl_en and (root in nl_words or root + "t" in nl_words):
            put(root, en, "verb")
            for g in ing + [d for d in english_ed(en) if d in en_words]:
                put(root, g, "verb")
        for g in ing:
            put(nl, g, "verb")
        noun = nl[:-2] + "ing"
        if noun in nl_words:
            for e in [*english_nominal(en), *ing]:
                if e in en_words:
                    put(noun, e, "noun")
    for (nl, en) in base:
        if nl + "heid" in nl_words:
            for e in english_ness(en):
                if e in en_words:
                    put(nl + "heid", e, "noun")
    # cognates: the same Latin stem in both word lists
    for nl in nl_words:
        for nl_end, en_end in COGNATES:
            if nl.endswith(nl_end) and len(nl) - len(nl_end) >= 4:
                en = nl[: -len(nl_end)] + en_end
                if en in en_words:
                    put(nl, en, "cognate")
    # Dutch plurals the stemmer does not undo: palen -> paal, straten -> straat
    for (nl, en), _how in list(pairs.items()):
        if len(nl) >= 4 and nl[-2] in "aeou" and nl[-3] == nl[-2] and nl[-1] not in "aeiou":
            plural = nl[:-3] + nl[-2] + nl[-1] + "en"
            if plural in nl_words:
                put(plural, en, "plural")
    common = {"nl": set(dutch), "en": set(english)}
    english |= en_words
    # the matcher compares stems: "materialen" (Dutch plural) and "material" meet as "material"
    english |= {stem(w) for w in english}
    dutch |= {stem(w) for w in dutch}
    kept = {p: how for p, how in pairs.items() if keep(p, dutch, english)}
    paired = {"nl": {nl for nl, _ in kept}, "en": {en for _, en in kept}}
    alone = {
        lang: {w for w in found - paired[lang] if len(w) >= 4 and not is_stop(w)}
        for lang, found in common.items()
    }
    return kept, alone


def align(nl: str, en_words: list[str], nl_en, en_nl, put) -> None:
    """``parkeergarage`` = ``parking garage``: if one part of the Dutch compound translates one
    English word, the other part translates the other."""
    first, second = en_words
    for i in range(3, len(nl) - 2):
        head, tail = nl[:i], nl[i:]
        if tail == second or second in nl_en.get(tail, ()) or tail in en_nl.get(second, ()):
            for link in ("", "s", "e", "en"):
                h = head[: -len(link)] if link and head.endswith(link) else head
                if len(h) >= 3 and (not link or head.endswith(link)):
                    put(h, first, "align")
                    break
        if head == first or first in nl_en.get(head, ()) or head in en_nl.get(first, ()):
            put(tail, second, "align")


def keep(pair: tuple[str, str], dutch: set[str], english: set[str]) -> bool:
    """Drop pairs whose one side is also a word of the other language (``room`` means cream in
    Dutch but is a room in English: an English query about cream must not find rooms).

    ``english`` is the long English word list: a Dutch word that English also spells
    (``former``, ``trek``, ``medium``) is never a translation. ``dutch`` holds only the words
    the dictionaries use: the long Dutch list also holds loans (``parking``, ``heat``), which
    would drop good pairs."""
    nl, en = pair
    if is_stop(nl) or is_stop(en) or len(nl) < 3 or len(en) < 3:
        return False
    return not ({nl, stem(nl)} & english or {en, stem(en)} & dutch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True, help="folder the Debian packages were unpacked into")
    parser.add_argument("--out", type=Path, default=ROOT / "matchmaker/matching/data/nl_en.tsv")
    args = parser.parse_args()
    pairs, alone = derive(args.root)
    # grouped by Dutch word, its translations in the order found (main senses first); then the
    # words without a translation, with an empty other side
    items = list(pairs.items())
    order = sorted(range(len(items)), key=lambda i: items[i][0][0])
    lines = [f"{items[i][0][0]}\t{items[i][0][1]}\t{items[i][1]}" for i in order]
    lines += [f"{w}\t\tword" for w in sorted(alone["nl"])]
    lines += [f"\t{w}\tword" for w in sorted(alone["en"])]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for how in pairs.values():
        counts[how] += 1
    print(f"{len(pairs)} pairs and {len(lines) - len(pairs)} single words -> {args.out}",
          dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
