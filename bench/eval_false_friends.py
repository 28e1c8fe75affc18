"""Precision and recall of the fuzzy pairing rule on real typos against real distinct words.

A pair is *accepted* (predicted to be a typo and the word meant) when the fuzzy expansion would let
the first word stand for the second:

* **before** -- the engine's candidate search alone: the second word is among the first's
  :meth:`Vocabulary.neighbours` (``fuzz.ratio`` >= 74 for 4 letters, >= 79 for more, blocked by
  length and first letters), as it was before :func:`typos.likely_typo`;
* **after** -- the same, and :func:`typos.likely_typo` holds (the rule the expansion uses now).

Both words are stemmed first, as the engine stems query words and index terms; pairs whose stems
are equal are left out (the stemmer already joins them). The pairs come from
``bench/false_friends/`` (made by ``bench/make_false_friends.py``; sources and licences in the
README there):

* typos: real English misspellings (codespell), Dutch ones (OpenTaal's replacement list, and
  spelling-pattern and keyboard typos made by script), and the typos of the SBIR dev typo files,
  aligned word by word with the clean queries (English, made by the same keyboard model);
* distinct words: two real words within the fuzzy search's reach, both drawn in proportion to
  their frequency (``frequent``), or uniformly from a spelling word list (``any``).

Recall = typo pairs accepted / typo pairs. The false-positive rate = distinct pairs accepted /
distinct pairs. Precision = typo pairs accepted / all pairs accepted, on equal numbers of typo
and distinct pairs (each distinct sample weighted to the size of the typo set), so it does not
depend on how many pairs of each kind the files hold.

    .venv/bin/python bench/eval_false_friends.py [--json bench/out/false-friends.json] [--show 20]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaker.matching.text import is_stop, stem, tokenize
from matchmaker.matching.typos import likely_typo
from matchmaker.matching.vocab import Vocabulary

PAIRS = REPO / "bench" / "false_friends"
SBIR = REPO.parent / "shared" / "eval" / "sbir-dev"


def load_pairs(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, src = line.split("\t")
            rows.append((a, b, src))
    return rows


def sbir_typos(data: Path) -> list[tuple[str, str, str]]:
    """(typo, intended, "sbir") for each word of the SBIR typo files that differs from the clean
    query at the same position (fields of equal token count only), content words only."""
    out = []
    for clean, typo in (
        ("queries.jsonl", "queries-typos.jsonl"),
        ("queries-short.jsonl", "queries-short-typos.jsonl"),
    ):
        with open(data / clean, encoding="utf-8") as fc, open(data / typo, encoding="utf-8") as ft:
            for lc, lt in zip(fc, ft):
                qc, qt = json.loads(lc), json.loads(lt)
                for field in ("title", "text"):
                    xs, ys = tokenize(qc.get(field) or ""), tokenize(qt.get(field) or "")
                    if len(xs) != len(ys):
                        continue
                    out.extend(
                        (y, x, "sbir")
                        for x, y in zip(xs, ys)
                        if x != y and x.isalpha() and y.isalpha() and not is_stop(x)
                    )
    return out


def judge(a: str, b: str) -> tuple[bool, bool]:
    """(accepted before, accepted after) for the query word ``a`` and the index word ``b``."""
    sa, sb = stem(a), stem(b)
    vocab = Vocabulary()
    tid = vocab.add(sb)
    found = dict(vocab.neighbours(sa))
    before = tid in found
    return before, before and likely_typo(sa, sb, found[tid])


def rates(rows: list[tuple[str, str, str]]) -> dict:
    kept = [(a, b, s) for a, b, s in rows if stem(a) != stem(b)]
    judged = [judge(a, b) for a, b, _ in kept]
    n = len(judged)
    return {
        "pairs": n,
        "before": sum(j[0] for j in judged) / max(n, 1),
        "after": sum(j[1] for j in judged) / max(n, 1),
        "rows": [(a, b, s, j) for (a, b, s), j in zip(kept, judged)],
    }


def precision(recall: float, fpr: float) -> float:
    return recall / (recall + fpr) if recall + fpr > 0 else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(SBIR), help="SBIR dev set (for its typo files)")
    ap.add_argument("--json", help="also write the numbers here")
    ap.add_argument("--show", type=int, default=0, help="print this many examples of each outcome")
    args = ap.parse_args(argv)

    typos = {
        "en": {"codespell": load_pairs(PAIRS / "typos-en.tsv")},
        "nl": {},
    }
    for row in load_pairs(PAIRS / "typos-nl.tsv"):
        typos["nl"].setdefault(row[2], []).append(row)
    if Path(args.data, "queries-typos.jsonl").exists():
        typos["en"]["sbir keyboard"] = sbir_typos(Path(args.data))
    distinct: dict[str, dict[str, list]] = {}
    for lang in ("en", "nl"):
        for row in load_pairs(PAIRS / f"distinct-{lang}.tsv"):
            distinct.setdefault(lang, {}).setdefault(row[2], []).append(row)

    result: dict = {}
    lines = [
        (
            "| language | typo pairs (source) | recall before | recall after | distinct pairs (sample) | "
            "false positives before | after | precision before | after |"
        ),
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for lang in ("en", "nl"):
        # all typo pairs of the pair files, then each source on its own when there are several;
        # the SBIR typos apart (they are the dev set's, not a sample of real misspellings)
        by_source = {k: v for k, v in typos[lang].items() if k != "sbir keyboard"}
        t_sets = {"all": [r for rows in by_source.values() for r in rows]}
        if len(by_source) > 1:
            t_sets.update(by_source)
        if "sbir keyboard" in typos[lang]:
            t_sets["sbir keyboard"] = typos[lang]["sbir keyboard"]
        t_rates = {name: rates(rows) for name, rows in t_sets.items()}
        d_rates = {name: rates(rows) for name, rows in distinct[lang].items()}
        result[lang] = {"typos": {}, "distinct": {}}
        for name, r in t_rates.items():
            result[lang]["typos"][name] = {k: r[k] for k in ("pairs", "before", "after")}
        for name, r in d_rates.items():
            result[lang]["distinct"][name] = {k: r[k] for k in ("pairs", "before", "after")}
        for tname, tr in t_rates.items():
            for dname, dr in d_rates.items():
                pb = precision(tr["before"], dr["before"])
                pa = precision(tr["after"], dr["after"])
                result[lang].setdefault("precision", {})[f"{tname} / {dname}"] = {"before": pb, "after": pa}
                lines.append(
                    f"| {lang} | {tr['pairs']} ({tname}) | {100 * tr['before']:.1f}% | {100 * tr['after']:.1f}% | "
                    f"{dr['pairs']} ({dname}) | {100 * dr['before']:.1f}% | {100 * dr['after']:.1f}% | "
                    f"{100 * pb:.1f}% | {100 * pa:.1f}% |"
                )
        if args.show:
            for label, rs, want in (
                ("typos now refused", t_rates["all"], (True, False)),
                ("distinct still paired", d_rates["frequent"], (True, True)),
                ("distinct refused", d_rates["frequent"], (True, False)),
                ("typos out of reach", t_rates["all"], (False, False)),
            ):
                ex = [f"{a}/{b}" for a, b, _s, j in rs["rows"] if j == want][: args.show]
                print(f"{lang} {label}: {', '.join(ex)}")
    print("\n".join(lines))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
