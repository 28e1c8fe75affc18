"""A speed corpus from real text: SBIR firm profiles remixed to 100,000, real abstracts as queries.

    .venv/bin/python bench/make_real_corpus.py [--data ../shared/eval/sbir-dev] [--records 100000]
        [--queries 200] [--seed 7] [--out bench/data/real]

Profiles. Each synthetic profile takes a real profile as its base (every one of the 3,496 in turn)
and two more drawn at random; it keeps about half of the base's sentences, fills up to the base's
sentence count with sentences of the other two, shuffles them, and takes the real firm name
(title) of a fourth, random profile. So the words, their co-occurrence within sentences and the
profile lengths are real, while no two profiles are alike. Every real sentence occurs about 30
times in 100,000 profiles, so posting lists are longer than in 100,000 distinct real texts would
be: a harder case for speed, not an easier one.

Queries. The real SBIR award abstracts (``queries.jsonl``, title + text), each cut to 20, 100 and
300 words (title included). No abstract reaches 300 words (the longest has 219), so an abstract
too short for a length is continued with the next abstract's words. Each query carries
``"words"`` (20, 100 or 300); the same ``--queries`` abstracts are used for every length.

Writes ``corpus.jsonl`` and ``queries.jsonl`` to ``--out``; same seed, same files.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
LENGTHS = (20, 100, 300)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text or "") if s.strip()]


def make_profiles(base: list[dict], n: int, rng: np.random.Generator) -> list[dict]:
    sents = [sentences(r.get("text", "")) for r in base]
    titles = [r.get("title", "") for r in base]
    out = []
    for i in range(n):
        p = i % len(base)
        own = sents[p]
        others = [sents[int(j)] for j in rng.integers(0, len(base), 2)]
        target = max(2, len(own))
        keep = max(1, (len(own) + 1) // 2) if own else 0
        chosen = [own[int(k)] for k in rng.permutation(len(own))[:keep]]
        pool = [s for o in others for s in o]
        if pool:
            extra = rng.permutation(len(pool))[: max(0, target - len(chosen))]
            chosen += [pool[int(k)] for k in extra]
        chosen = [chosen[int(k)] for k in rng.permutation(len(chosen))]
        out.append(
            {
                "id": f"r{i:06d}",
                "title": titles[int(rng.integers(0, len(base)))],
                "text": " ".join(chosen),
                "tags": [],
            }
        )
    return out


def make_queries(abstracts: list[dict], n: int) -> list[dict]:
    streams = [(q.get("title", "").split(), (q.get("text") or "").split()) for q in abstracts]
    out = []
    for length in LENGTHS:
        for i in range(min(n, len(abstracts))):
            title, text = streams[i]
            j = i
            while len(title) + len(text) < length:  # continue with the next abstract
                j = (j + 1) % len(streams)
                text = text + streams[j][0] + streams[j][1]
            title = title[:length]
            text = text[: length - len(title)]
            out.append(
                {
                    "id": f"{abstracts[i]['id']}-{length}",
                    "title": " ".join(title),
                    "text": " ".join(text),
                    "tags": [],
                    "words": length,
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "eval" / "sbir-dev"))
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200, help="abstracts per query length")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(REPO / "bench" / "data" / "real"))
    args = ap.parse_args(argv)
    data, out = Path(args.data), Path(args.out)
    rng = np.random.default_rng(args.seed)
    profiles = make_profiles(load(data / "corpus.jsonl"), args.records, rng)
    queries = make_queries(load(data / "queries.jsonl"), args.queries)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("corpus.jsonl", profiles), ("queries.jsonl", queries)):
        with (out / name).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    words = sorted(len(p["text"].split()) + len(p["title"].split()) for p in profiles)
    print(
        f"{len(profiles)} profiles (median {words[len(words) // 2]} words), "
        f"{len(queries)} queries ({', '.join(map(str, LENGTHS))} words) -> {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
