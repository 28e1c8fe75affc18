"""Speed and memory of MatchIndex on a corpus of real text (or the synthetic one), by query length.

    .venv/bin/python bench/make_real_corpus.py        # once: bench/data/real/{corpus,queries}.jsonl
    .venv/bin/python bench/bench_speed.py [--data bench/data/real] [--cdist-queries 10]
        [--exhaustive-queries 30] [--json FILE]

Measures, in one run: index build time; the index's memory (tracemalloc: bytes still allocated
after the build, and the peak during it; plus the process RSS growth); per query length (the
``words`` field of the queries: 20, 100, 300) the median, p90 and p95 ms to rank one query with
explanations of the top 10, with *cold* caches (the query-expansion and fuzzy-neighbour caches are
emptied before every query, as for a text the index has never seen; ``--rounds`` passes over all
queries, lengths interleaved, every timing counted) and, in one more pass, warm;
the naive ``rapidfuzz.process.cdist(token_set_ratio)`` over whole texts (workers=-1, i.e. both
cores) on the first ``--cdist-queries`` queries of each length, ours (cold) on the same queries,
and the speed-up; the top-10 overlap with exhaustive scoring (every record that shares a word
with the query scored exactly); the time to add, replace and remove one record; and the median
again once ``--delta-records`` records were added after the build (they sit in delta segments
until the next compaction, as in the app).

Queries without a ``words`` field (the synthetic corpus of ``make_corpus.py``) are grouped by
their length in words (<= 12, 13-40, > 40).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import matchmaker.matching.index as index_module
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


def length_key(q: dict[str, Any]) -> str:
    if "words" in q:
        return f"{q['words']} words"
    n = len(whole_text(q).split())
    return "<= 12 words" if n <= 12 else "13-40 words" if n <= 40 else "> 40 words"


def forget_queries(index: MatchIndex) -> None:
    """Empty the caches that a new query text would miss (expansions, fuzzy neighbours)."""
    index._expansions.clear()
    index.vocab._neighbours_cached.cache_clear()


def timed(index: MatchIndex, q: dict[str, Any], cold: bool = True) -> float:
    if cold:
        forget_queries(index)
    t0 = time.perf_counter()
    index.rank(q, top=10)
    return 1000 * (time.perf_counter() - t0)


def exhaustive(index: MatchIndex, q: dict[str, Any]) -> list[str]:
    """The top 10 when every record sharing a term with the query is scored exactly."""
    saved = index_module.POSTING_BUDGET, index.candidates, getattr(index_module, "EXHAUSTIVE", None)
    index_module.POSTING_BUDGET, index.candidates = 10**12, 10**9
    if saved[2] is not None:
        index_module.EXHAUSTIVE = True
    try:
        return [r.id for r in index.rank(q, top=10, explain=False)]
    finally:
        index_module.POSTING_BUDGET, index.candidates = saved[0], saved[1]
        if saved[2] is not None:
            index_module.EXHAUSTIVE = saved[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(REPO / "bench" / "data" / "real"))
    ap.add_argument("--cdist-queries", type=int, default=10, help="queries per length for the naive baseline")
    ap.add_argument("--exhaustive-queries", type=int, default=30, help="queries per length for the overlap")
    ap.add_argument("--rounds", type=int, default=3, help="cold timing passes over all queries")
    ap.add_argument("--delta-records", type=int, default=5000, help="records added before the last timing")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args(argv)
    data = Path(args.data)
    corpus = load(data / "corpus.jsonl")
    queries = load(data / "queries.jsonl")
    out: dict[str, Any] = {"records": len(corpus), "queries": len(queries), "load_before": os.getloadavg()}

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

    groups: dict[str, list[dict[str, Any]]] = {}
    for q in queries:
        groups.setdefault(length_key(q), []).append(q)
    out["by_length"] = {}
    # timings: ``--rounds`` cold passes and then one warm pass, the lengths interleaved query by query,
    # so that a burst of load from other work on the machine hits every length alike
    cold: dict[str, list[float]] = {key: [] for key in groups}
    warm: dict[str, list[float]] = {key: [] for key in groups}
    longest = max(len(qs) for qs in groups.values())
    for r in range(args.rounds + 1):
        for i in range(longest):
            for key, qs in groups.items():
                if i < len(qs):
                    if r < args.rounds:
                        cold[key].append(timed(index, qs[i]))
                    else:
                        warm[key].append(timed(index, qs[i], cold=False))
    for key, qs in groups.items():
        out["by_length"][key] = {
            "queries": len(qs),
            "median": statistics.median(cold[key]),
            "p90": pct(cold[key], 0.90),
            "p95": pct(cold[key], 0.95),
            "warm_median": statistics.median(warm[key]),
            "warm_p95": pct(warm[key], 0.95),
        }
    everything = [t for ts in cold.values() for t in ts]
    out["query_ms_median"] = statistics.median(everything)
    out["query_ms_p95"] = pct(everything, 0.95)

    # top-10 overlap with exhaustive scoring
    for key, qs in groups.items():
        sub = qs[: args.exhaustive_queries]
        fast = [[r.id for r in index.rank(q, top=10, explain=False)] for q in sub]
        full = [exhaustive(index, q) for q in sub]
        out["by_length"][key]["top10_overlap_with_exhaustive"] = statistics.mean(
            len(set(a) & set(b)) / max(1, len(b)) for a, b in zip(fast, full)
        )
        out["by_length"][key]["top1_same_as_exhaustive"] = statistics.mean(
            float(a[:1] == b[:1]) for a, b in zip(fast, full)
        )

    # naive baseline on a subset of the same queries, same run
    from rapidfuzz import fuzz, process, utils

    docs = [utils.default_process(whole_text(r)) for r in corpus]
    for key, qs in groups.items():
        naive, ours = [], []
        for q in qs[: args.cdist_queries]:
            t0 = time.perf_counter()
            process.cdist(
                [utils.default_process(whole_text(q))], docs, scorer=fuzz.token_set_ratio, workers=-1
            )
            naive.append(1000 * (time.perf_counter() - t0))
            ours.append(timed(index, q))
        row = out["by_length"][key]
        row["cdist_ms_median"] = statistics.median(naive)
        row["ours_ms_median_same_subset"] = statistics.median(ours)
        row["speedup_vs_cdist"] = row["cdist_ms_median"] / row["ours_ms_median_same_subset"]
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
        first_query.append(timed(index, probe, cold=False))
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
    # an index that has taken adds since its build (the app's usual state between compactions)
    for i in range(args.delta_records):
        rec = dict(corpus[(7 * i) % len(corpus)])
        rec["id"] = f"delta-{i}"
        index.add(rec)
    out["delta_rows"] = index.stats()["delta_rows"]
    out["delta_segments"] = len(index._segments()) - 1
    after: dict[str, list[float]] = {key: [] for key in groups}
    for i in range(min(100, longest)):
        for key, qs in groups.items():
            if i < len(qs):
                after[key].append(timed(index, qs[i]))
    for key in groups:
        out["by_length"][key]["with_delta_median"] = statistics.median(after[key])
    t0 = time.perf_counter()
    index.compact()
    out["merge_delta_s"] = time.perf_counter() - t0
    out["load_after"] = os.getloadavg()

    print(f"corpus: {out['records']} records, {out['queries']} queries; stats {out['stats']}")
    print(f"load average before / after: {out['load_before'][0]:.2f} / {out['load_after'][0]:.2f}\n")
    print(
        "| queries | n | median ms | p90 ms | p95 ms | warm median | naive cdist ms | ours, same queries "
        f"| speed-up | top-10 overlap with exhaustive | same top 1 | median, {out['delta_rows']:,} rows added |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for key, r in out["by_length"].items():
        print(
            f"| {key} | {r['queries']} | {r['median']:.2f} | {r['p90']:.2f} | {r['p95']:.2f} | "
            f"{r['warm_median']:.2f} | {r['cdist_ms_median']:.0f} | {r['ours_ms_median_same_subset']:.2f} | "
            f"{r['speedup_vs_cdist']:.0f}x | {r['top10_overlap_with_exhaustive']:.3f} | "
            f"{r['top1_same_as_exhaustive']:.2f} | {r['with_delta_median']:.2f} |"
        )
    print()
    print("| measure | value | target |")
    print("| --- | --- | --- |")
    print(f"| index build | {out['build_s']:.1f} s | <= 20 s |")
    print(f"| index memory (tracemalloc, retained) | {out['index_mb']:.0f} MB | <= 1024 MB |")
    print(f"| build peak (tracemalloc) | {out['build_peak_mb']:.0f} MB | <= 1024 MB |")
    print(f"| process RSS growth during build | {out['rss_growth_mb']:.0f} MB | |")
    print(
        f"| rank + explain, all queries, median (p95) | {out['query_ms_median']:.2f} ms ({out['query_ms_p95']:.2f} ms) | |"
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
