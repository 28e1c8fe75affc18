"""Misspelt short searches across Dutch and English: how many still find a fitting record.

Each short query of ``bench/crosslang/`` (English searches for Dutch challenges, Dutch searches for
English profiles) gets a typo in its longest word (a letter dropped or two neighbouring letters
swapped, never the first or last letter; three seeds, so 36 misspelt searches per direction).
Counted: the misspelt searches with a fitting record in the top 3, with and without translation,
against the clean searches.

    .venv/bin/python bench/eval_crosslang_typos.py [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaker.matching import MatchIndex

DATA = REPO / "bench" / "crosslang"
DIRECTIONS = {"EN search -> NL challenges": ("queries_en.jsonl", "challenges_nl.jsonl"),
              "NL search -> EN profiles": ("queries_nl.jsonl", "profiles_en.jsonl")}  # fmt: skip


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def misspell(text: str, rng: random.Random) -> str:
    words = text.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1 :] if rng.random() < 0.5 else w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="list the misspelt searches that fail")
    args = ap.parse_args(argv)
    print("| direction | ranker | clean searches, fitting in top 3 | misspelt searches, fitting in top 3 |")
    print("| --- | --- | --- | --- |")
    for label, (qfile, cfile) in DIRECTIONS.items():
        queries, corpus = load(qfile), load(cfile)
        for translate in (True, False):
            index = MatchIndex.build(corpus, translate=translate)

            def hit(text: str, q: dict, index: MatchIndex = index) -> bool:
                return any(r.id in q["relevant"] for r in index.rank(text, top=3))

            clean = sum(hit(q["text"], q) for q in queries)
            found, failed = 0, []
            for seed in range(3):
                rng = random.Random(seed)
                for q in queries:
                    text = misspell(q["text"], rng)
                    ok = hit(text, q)
                    found += ok
                    if not ok:
                        failed.append(text)
            print(
                f"| {label} | ours (translate={translate}) | {clean} of {len(queries)} | "
                f"{found} of {3 * len(queries)} |"
            )
            if args.show and translate:
                print(f"|   failing: {', '.join(failed)} | | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
