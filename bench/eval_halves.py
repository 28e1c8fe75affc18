"""nDCG@10 of our matcher and BM25 on two fixed halves of the SBIR dev queries.

Tuning against all 300 dev queries would overfit them, so the queries are split by a fixed rule:
half A holds the queries whose id has an even CRC-32, half B the rest. A change is tuned on half A
and kept only when it also helps on half B (and on all four query files).

It also estimates how the ours/BM25 ratio may land on another query set of the same size: the
queries are resampled with replacement (paired bootstrap, 2,000 draws, fixed seed) and the 5th
percentile of the ratio and the share of draws below 1.10 are printed; likewise the 95th
percentile of our typo loss and the share of draws above its limit (2% full, 4% short).

    .venv/bin/python bench/eval_halves.py [--data ../shared/eval/sbir-dev] [--param k1=1.0 ...]

``--param name=value`` passes keyword arguments to ``MatchIndex.build`` (values are parsed as
JSON, e.g. ``--param 'b={"text": 0.5}'``), so variants can be compared without editing code.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_quality import QUERY_FILES, load_jsonl, metrics, run_bm25

from matchmaker.matching import MatchIndex


def half(qid: str) -> str:
    """The fixed split: "A" when the CRC-32 of the query id is even, else "B"."""
    return "A" if zlib.crc32(qid.encode("utf-8")) % 2 == 0 else "B"


def per_query(ranked: list[list[str]], queries: list[dict], qrels: dict) -> list[float]:
    """nDCG@10 of each query."""
    return [metrics([r], [q], qrels)["ndcg"] for r, q in zip(ranked, queries)]


def by_half(values: list[float], queries: list[dict]) -> dict[str, float]:
    out = {}
    for h in ("A", "B"):
        sel = [v for v, q in zip(values, queries) if half(q["id"]) == h]
        out[h] = sum(sel) / max(1, len(sel))
    out["all"] = sum(values) / max(1, len(values))
    return out


def bootstrap(ours: list[float], bm25: list[float], draws: int = 2000, seed: int = 7) -> tuple[float, float]:
    """5th percentile of the resampled ours/BM25 ratio, and the share of draws below 1.10."""
    import numpy as np

    rng = np.random.default_rng(seed)
    o, b = np.asarray(ours), np.asarray(bm25)
    idx = rng.integers(0, len(o), size=(draws, len(o)))
    ratio = o[idx].mean(1) / np.maximum(b[idx].mean(1), 1e-9)
    return float(np.percentile(ratio, 5)), float((ratio < 1.10).mean())


def bootstrap_loss(
    clean: list[float], typos: list[float], limit: float, draws: int = 2000, seed: int = 7
) -> tuple[float, float]:
    """95th percentile of the resampled typo loss ``1 - typos / clean`` (paired by query), and the
    share of draws above ``limit``."""
    import numpy as np

    rng = np.random.default_rng(seed)
    c, t = np.asarray(clean), np.asarray(typos)
    idx = rng.integers(0, len(c), size=(draws, len(c)))
    loss = 1.0 - t[idx].mean(1) / np.maximum(c[idx].mean(1), 1e-9)
    return float(np.percentile(loss, 95)), float((loss > limit).mean())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "eval" / "sbir-dev"))
    ap.add_argument("--param", action="append", default=[], help="name=JSON value for MatchIndex.build")
    ap.add_argument("--bm25-cache", default=str(REPO / "bench" / "out" / "bm25-per-query.json"))
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args(argv)
    params: dict[str, Any] = {}
    for p in args.param:
        name, _, value = p.partition("=")
        params[name] = json.loads(value)
    data = Path(args.data)
    corpus = load_jsonl(data / "corpus.jsonl")
    qrels = json.loads((data / "qrels.json").read_text(encoding="utf-8"))
    query_sets = {name: load_jsonl(data / fn) for name, fn in QUERY_FILES.items()}

    cache = Path(args.bm25_cache)
    key = str(data.resolve())
    bm25_q: dict[str, list[float]] | None = None
    if cache.exists():
        bm25_q = json.loads(cache.read_text(encoding="utf-8")).get(key)
    if bm25_q is None:
        _, runs = run_bm25(corpus, query_sets)
        bm25_q = {name: per_query(ranked, query_sets[name], qrels) for name, (ranked, _) in runs.items()}
        cache.parent.mkdir(parents=True, exist_ok=True)
        old = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
        old[key] = bm25_q
        cache.write_text(json.dumps(old, indent=2), encoding="utf-8")

    t0 = time.perf_counter()
    index = MatchIndex.build(corpus, **params)
    build = time.perf_counter() - t0
    ours_q: dict[str, list[float]] = {}
    ms = {}
    for name, qs in query_sets.items():
        t0 = time.perf_counter()
        ranked = [[r.id for r in index.rank(q, top=10)] for q in qs]
        ms[name] = 1000 * (time.perf_counter() - t0) / len(qs)
        ours_q[name] = per_query(ranked, qs, qrels)
    ours = {name: by_half(v, query_sets[name]) for name, v in ours_q.items()}
    bm25 = {name: by_half(v, query_sets[name]) for name, v in bm25_q.items()}
    n = {h: sum(1 for q in query_sets["full"] if half(q["id"]) == h) for h in ("A", "B")}
    print(f"params {params or 'default'}; build {build:.2f} s; half A {n['A']} / half B {n['B']} queries")
    print(
        "| queries | ours A | ours B | ours all | BM25 A | BM25 B | BM25 all | ratio A | ratio B | ratio all | ms/q |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in QUERY_FILES:
        o, b = ours[name], bm25[name]
        print(
            f"| {name} | {o['A']:.3f} | {o['B']:.3f} | {o['all']:.3f} | {b['A']:.3f} | {b['B']:.3f} | "
            f"{b['all']:.3f} | {o['A'] / b['A']:.3f} | {o['B'] / b['B']:.3f} | {o['all'] / b['all']:.3f} | "
            f"{ms[name]:.1f} |"
        )
    for clean, typo in (("full", "full, typos"), ("short", "short, typos")):
        loss = {h: 1 - ours[typo][h] / ours[clean][h] for h in ("A", "B", "all")}
        print(
            f"typo loss {clean}: A {100 * loss['A']:.1f}%  B {100 * loss['B']:.1f}%  all {100 * loss['all']:.1f}%"
        )
    print("bootstrap over queries (2,000 resamples of the 300), ours/BM25 nDCG@10:")
    boot = {}
    for name in QUERY_FILES:
        p5, below = bootstrap(ours_q[name], bm25_q[name])
        boot[name] = {"p5": p5, "below_1.10": below}
        print(f"- {name}: 5th percentile {p5:.3f}, share of draws below 1.10: {100 * below:.0f}%")
    print("bootstrap of our typo loss (same resampling):")
    for clean, typo, limit in (("full", "full, typos", 0.02), ("short", "short, typos", 0.04)):
        p95, above = bootstrap_loss(ours_q[clean], ours_q[typo], limit)
        boot[f"typo loss {clean}"] = {"p95": p95, f"above_{limit}": above}
        print(
            f"- {clean}: 95th percentile {100 * p95:.1f}%, share of draws above {100 * limit:.0f}%: "
            f"{100 * above:.0f}%"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"ours": ours, "bm25": bm25, "bootstrap": boot, "params": params}, indent=2)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
