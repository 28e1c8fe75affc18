"""Speed and memory of MatchIndex on the synthetic corpus from make_corpus.py.

    .venv/bin/python bench/make_corpus.py            # once: bench/data/corpus.jsonl, queries.jsonl
    .venv/bin/python bench/bench_speed.py [--data bench/data] [--cdist-queries 10] [--json FILE]

Measures, in one run: index build time; the index's memory (tracemalloc: bytes still allocated
after the build, and the peak during it; plus the process RSS growth); median and p95 ms to rank
one query with explanations; the naive ``rapidfuzz.process.cdist(token_set_ratio)`` over whole
texts (workers=-1, i.e. both cores) on a subset of the same queries, and the speed-up; the time
to add, replace and remove one record, and of the first query after a change.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaker.matching import MatchIndex


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def whole_text(rec: dict[str, Any]) -> str:
    return " ".join([rec.get("title") or "", rec.get("text") or "", " ".join(rec.get("tags") or [])])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(REPO / "bench" / "data"))
    ap.add_argument("--cdist-queries", type=int, default=10, help="queries for the naive baseline (slow)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args(argv)
    data = Path(args.data)
    corpus = load(data / "corpus.jsonl")
    queries = load(data / "queries.jsonl")
    out: dict[str, Any] = {"records": len(corpus), "queries": len(queries)}

    # memory: tracemalloc (numpy reports its buffers to it); a separate build so timing is clean
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()
    index = MatchIndex.build(corpus)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out["index_mb"] = (current - base) / 2**20
    out["build_peak_mb"] = (peak - base) / 2**20
    del index
    gc.collect()

    rss0 = rss_mb()
    t0 = time.perf_counter()
    index = MatchIndex.build(corpus)
    out["build_s"] = time.perf_counter() - t0
    out["rss_growth_mb"] = rss_mb() - rss0
    out["stats"] = index.stats()

    times = []
    for q in queries:
        t0 = time.perf_counter()
        index.rank(q, top=10)
        times.append(1000 * (time.perf_counter() - t0))
    out["query_ms_median"] = statistics.median(times)
    out["query_ms_p95"] = pct(times, 0.95)
    warm = []
    for q in queries:
        t0 = time.perf_counter()
        index.rank(q, top=10)
        warm.append(1000 * (time.perf_counter() - t0))
    out["query_ms_median_repeat"] = statistics.median(warm)
    by_len: dict[str, list[float]] = {}
    for q, ms in zip(queries, times):
        n = len((q.get("title", "") + " " + q.get("text", "")).split())
        key = "<= 12 words" if n <= 12 else "13-40 words" if n <= 40 else "> 40 words"
        by_len.setdefault(key, []).append(ms)
    out["query_ms_median_by_length"] = {k: statistics.median(v) for k, v in sorted(by_len.items())}

    # how often candidate selection (a posting budget) changes the top 10, against exhaustive scoring
    import matchmaker.matching.index as index_module

    budget = index_module.POSTING_BUDGET
    fast = [[r.id for r in index.rank(q, top=10, explain=False)] for q in queries]
    index_module.POSTING_BUDGET = 10**12
    full = [[r.id for r in index.rank(q, top=10, explain=False)] for q in queries]
    index_module.POSTING_BUDGET = budget
    out["top10_overlap_with_exhaustive"] = statistics.mean(
        len(set(a) & set(b)) / max(1, len(b)) for a, b in zip(fast, full)
    )

    # naive baseline on a subset of the same queries, same run
    from rapidfuzz import fuzz, process, utils

    docs = [utils.default_process(whole_text(r)) for r in corpus]
    subset = queries[: args.cdist_queries]
    naive, ours = [], []
    for q in subset:
        t0 = time.perf_counter()
        process.cdist([utils.default_process(whole_text(q))], docs, scorer=fuzz.token_set_ratio, workers=-1)
        naive.append(1000 * (time.perf_counter() - t0))
        t0 = time.perf_counter()
        index.rank(q, top=10)
        ours.append(1000 * (time.perf_counter() - t0))
    out["cdist_ms_median"] = statistics.median(naive)
    out["ours_ms_median_same_subset"] = statistics.median(ours)
    out["speedup_vs_cdist"] = out["cdist_ms_median"] / out["ours_ms_median_same_subset"]
    del docs

    # updates
    adds, replaces, removes, first_query = [], [], [], []
    probe = queries[1]
    for i in range(50):
        rec = dict(corpus[i])
        rec["id"] = f"new-{i}"
        t0 = time.perf_counter()
        index.add(rec)
        adds.append(1000 * (time.perf_counter() - t0))
        t0 = time.perf_counter()
        index.rank(probe, top=10)
        first_query.append(1000 * (time.perf_counter() - t0))
    for i in range(50):
        rec = dict(corpus[1000 + i])
        rec["text"] = rec["text"] + " bijgewerkt profiel"
        t0 = time.perf_counter()
        index.add(rec)
        replaces.append(1000 * (time.perf_counter() - t0))
    for i in range(50):
        t0 = time.perf_counter()
        index.remove(f"new-{i}")
        removes.append(1000 * (time.perf_counter() - t0))
    out["add_ms_median"] = statistics.median(adds)
    out["add_ms_max"] = max(adds)
    out["replace_ms_median"] = statistics.median(replaces)
    out["remove_ms_median"] = statistics.median(removes)
    out["query_after_add_ms_median"] = statistics.median(first_query)
    t0 = time.perf_counter()
    index.compact()
    out["merge_delta_s"] = time.perf_counter() - t0

    print(f"corpus: {out['records']} records, {out['queries']} queries; stats {out['stats']}\n")
    print("| measure | value | target |")
    print("| --- | --- | --- |")
    print(f"| index build | {out['build_s']:.1f} s | <= 20 s |")
    print(f"| index memory (tracemalloc, retained) | {out['index_mb']:.0f} MB | <= 1024 MB |")
    print(f"| build peak (tracemalloc) | {out['build_peak_mb']:.0f} MB | <= 1024 MB |")
    print(f"| process RSS growth during build | {out['rss_growth_mb']:.0f} MB | |")
    print(f"| rank + explain, median | {out['query_ms_median']:.2f} ms | <= 10 ms |")
    print(f"| rank + explain, p95 | {out['query_ms_p95']:.2f} ms | |")
    print(f"| rank + explain, median, second pass (warm caches) | {out['query_ms_median_repeat']:.2f} ms | |")
    for k, v in out["query_ms_median_by_length"].items():
        print(f"| rank + explain, median, queries {k} | {v:.2f} ms | |")
    print(
        f"| naive cdist token_set_ratio, workers=-1, median of {len(subset)} | {out['cdist_ms_median']:.0f} ms | |"
    )
    print(
        f"| ours on the same {len(subset)} queries, median | {out['ours_ms_median_same_subset']:.2f} ms | |"
    )
    print(f"| speed-up vs naive cdist | {out['speedup_vs_cdist']:.0f}x | >= 100x |")
    print(
        "| top-10 overlap with exhaustive scoring (no posting budget) | "
        f"{out['top10_overlap_with_exhaustive']:.3f} | |"
    )
    print(
        f"| add one record, median (max) | {out['add_ms_median']:.2f} ms ({out['add_ms_max']:.1f} ms) | < 1 s |"
    )
    print(f"| replace one record, median | {out['replace_ms_median']:.2f} ms | < 1 s |")
    print(f"| remove one record, median | {out['remove_ms_median']:.3f} ms | < 1 s |")
    print(f"| first query after an add, median | {out['query_after_add_ms_median']:.2f} ms | |")
    print(f"| fold delta into main (merge) | {out['merge_delta_s']:.2f} s | |")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
