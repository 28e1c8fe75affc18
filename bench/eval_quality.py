"""Ranking quality on the SBIR evaluation set: our MatchIndex against BM25 and naive rapidfuzz.

Computes MRR@10, Recall@10, nDCG@10 and ms/query on the four query files in one run and prints a
markdown table, the ours/BM25 nDCG@10 ratios and our losses from typos.

    .venv/bin/python bench/eval_quality.py [--data ../shared/eval/sbir-dev] [--skip-cdist]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaker.matching import MatchIndex

QUERY_FILES = {
    "full": "queries.jsonl",
    "full, typos": "queries-typos.jsonl",
    "short": "queries-short.jsonl",
    "short, typos": "queries-short-typos.jsonl",
}
K = 10


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def whole_text(rec: dict[str, Any]) -> str:
    return " ".join([rec.get("title") or "", rec.get("text") or "", " ".join(rec.get("tags") or [])])


def metrics(
    ranked: Sequence[Sequence[str]], queries: Sequence[dict[str, Any]], qrels: dict
) -> dict[str, float]:
    mrr = rec = ndcg = 0.0
    for q, ids in zip(queries, ranked):
        rel = qrels.get(q["id"], {})
        ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(rel), K)))
        first = next((i for i, d in enumerate(ids[:K]) if d in rel), None)
        if first is not None:
            mrr += 1.0 / (first + 1)
        found = sum(1 for d in ids[:K] if d in rel)
        rec += found / max(1, len(rel))
        dcg = sum(1.0 / math.log2(i + 2) for i, d in enumerate(ids[:K]) if d in rel)
        ndcg += dcg / ideal if ideal else 0.0
    n = max(1, len(queries))
    return {"mrr": mrr / n, "recall": rec / n, "ndcg": ndcg / n}


def run_ours(
    corpus: list[dict], query_sets: dict[str, list[dict]]
) -> tuple[float, dict[str, tuple[list, float]]]:
    t0 = time.perf_counter()
    index = MatchIndex.build(corpus)
    build = time.perf_counter() - t0
    out = {}
    for name, qs in query_sets.items():
        t0 = time.perf_counter()
        ranked = [[r.id for r in index.rank(q, top=K)] for q in qs]
        out[name] = (ranked, 1000 * (time.perf_counter() - t0) / len(qs))
    return build, out


def run_bm25(
    corpus: list[dict], query_sets: dict[str, list[dict]]
) -> tuple[float, dict[str, tuple[list, float]]]:
    import bm25s

    ids = [r["id"] for r in corpus]
    t0 = time.perf_counter()
    tokens = bm25s.tokenize([whole_text(r) for r in corpus], stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    build = time.perf_counter() - t0
    out = {}
    for name, qs in query_sets.items():
        t0 = time.perf_counter()
        ranked = []
        for q in qs:
            qt = bm25s.tokenize([whole_text(q)], stopwords="en", show_progress=False, return_ids=False)
            vocab = retriever.vocab_dict
            qt = [[t for t in qt[0] if t in vocab]]
            if not qt[0]:
                ranked.append([])
                continue
            docs, _scores = retriever.retrieve(qt, k=K, show_progress=False, n_threads=1)
            ranked.append([ids[i] for i in docs[0]])
        out[name] = (ranked, 1000 * (time.perf_counter() - t0) / len(qs))
    return build, out


def run_cdist(
    corpus: list[dict], query_sets: dict[str, list[dict]]
) -> tuple[float, dict[str, tuple[list, float]]]:
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    ids = [r["id"] for r in corpus]
    t0 = time.perf_counter()
    docs = [utils.default_process(whole_text(r)) for r in corpus]
    build = time.perf_counter() - t0
    out = {}
    for name, qs in query_sets.items():
        t0 = time.perf_counter()
        texts = [utils.default_process(whole_text(q)) for q in qs]
        ranked = []
        for text in texts:  # one query at a time, as an app would
            sims = process.cdist([text], docs, scorer=fuzz.token_set_ratio, workers=-1)[0]
            top = np.argsort(-sims, kind="stable")[:K]
            ranked.append([ids[i] for i in top])
        out[name] = (ranked, 1000 * (time.perf_counter() - t0) / len(qs))
    return build, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--data",
        default=str(REPO.parent / "shared" / "eval" / "sbir-dev"),
        help="folder with corpus.jsonl, queries*.jsonl, qrels.json (default: ../shared/eval/sbir-dev)",
    )
    ap.add_argument("--skip-cdist", action="store_true", help="leave out the slow naive rapidfuzz baseline")
    ap.add_argument("--only-ours", action="store_true", help="evaluate our matcher alone (quick)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args(argv)
    data = Path(args.data)
    corpus = load_jsonl(data / "corpus.jsonl")
    qrels = json.loads((data / "qrels.json").read_text(encoding="utf-8"))
    query_sets = {name: load_jsonl(data / fn) for name, fn in QUERY_FILES.items()}

    systems: dict[str, Callable] = {"ours (MatchIndex)": run_ours}
    if not args.only_ours:
        systems["BM25 (bm25s)"] = run_bm25
        if not args.skip_cdist:
            systems["rapidfuzz cdist token_set_ratio (workers=-1)"] = run_cdist
    table: dict[str, dict[str, dict[str, float]]] = {}
    builds: dict[str, float] = {}
    for sysname, fn in systems.items():
        build, runs = fn(corpus, query_sets)
        builds[sysname] = build
        table[sysname] = {}
        for qname, (ranked, ms) in runs.items():
            m = metrics(ranked, query_sets[qname], qrels)
            m["ms"] = ms
            table[sysname][qname] = m
        print(f"{sysname}: built in {build:.2f} s", file=sys.stderr)

    print(f"corpus: {len(corpus)} records, {len(query_sets['full'])} queries per file\n")
    print("| ranker | queries | MRR@10 | Recall@10 | nDCG@10 | ms/query |")
    print("| --- | --- | --- | --- | --- | --- |")
    for sysname, rows in table.items():
        for qname, m in rows.items():
            print(
                f"| {sysname} | {qname} | {m['mrr']:.3f} | {m['recall']:.3f} | {m['ndcg']:.3f} | {m['ms']:.1f} |"
            )
    print()
    print("| index build | " + " | ".join(builds) + " |")
    print("| --- |" + " --- |" * len(builds))
    print("| seconds | " + " | ".join(f"{b:.2f}" for b in builds.values()) + " |")
    ours = table["ours (MatchIndex)"]
    if "BM25 (bm25s)" in table:
        bm = table["BM25 (bm25s)"]
        print("\nnDCG@10 ours / BM25 (target >= 1.10 on each file):")
        for qname in QUERY_FILES:
            ratio = ours[qname]["ndcg"] / bm[qname]["ndcg"]
            print(f"- {qname}: {ratio:.3f} {'OK' if ratio >= 1.10 else 'BELOW TARGET'}")
    print("\nOur nDCG@10 loss from typos:")
    for clean, typo, limit in (("full", "full, typos", 0.02), ("short", "short, typos", 0.04)):
        loss = 1 - ours[typo]["ndcg"] / ours[clean]["ndcg"]
        print(
            f"- {clean}: {100 * loss:.1f}% (target <= {100 * limit:.0f}%) {'OK' if loss <= limit else 'ABOVE TARGET'}"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"table": table, "build_s": builds}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
