"""Command line: rank JSONL queries against a JSONL corpus.

    python -m matchmaker.matching rank --corpus CORPUS.jsonl --queries QUERIES.jsonl --top 10 [--out FILE]

Writes one JSON line per query, ``{"query": id, "results": [{"id", "score", "why"}]}``, to
``--out`` or stdout, and the index build time and milliseconds per query to stderr. Bad input
(missing file, invalid JSON line, record without id) prints one line naming the file and line
and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import nullcontext
from typing import Any

from .index import MatchIndex

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """Bad input, with a one-line message naming the file (and line)."""


def read_jsonl(path: str) -> list[dict[str, Any]]:
    """Records of a JSONL file (blank lines skipped); raises :class:`InputError` on bad input."""
    records = []
    lineno = 0
    try:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    records.append(_parse(path, lineno, line))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{lineno + 1}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read file: {exc.strerror or exc}") from None
    return records


def _parse(path: str, lineno: int, line: str) -> dict[str, Any]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{path}:{lineno}: expected a JSON object, got {type(rec).__name__}")
    rid = rec.get("id")
    if rid is None or rid == "":
        raise InputError(f"{path}:{lineno}: record has no 'id'")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool):
        raise InputError(f"{path}:{lineno}: 'id' must be a string or an integer")
    return rec


def _rank(args: argparse.Namespace) -> None:
    corpus = read_jsonl(args.corpus)
    queries = read_jsonl(args.queries)
    t0 = time.perf_counter()
    index = MatchIndex.build(corpus)
    build_s = time.perf_counter() - t0
    try:
        out = open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout)  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    t0 = time.perf_counter()
    with out as fh:
        for q in queries:
            results = index.rank(q, top=args.top)
            line = {"query": q["id"], "results": [r.to_dict() for r in results]}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - t0
    per_query = 1000.0 * elapsed / len(queries) if queries else 0.0
    print(
        f"index: {len(index)} records built in {build_s:.2f} s; "
        f"{len(queries)} queries at {per_query:.2f} ms/query",
        file=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m matchmaker.matching", description="Fuzzy matching engine."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    rank = sub.add_parser("rank", help="rank each query of a JSONL file against a JSONL corpus")
    rank.add_argument("--corpus", required=True, help="JSONL file of records {id, title, text, tags}")
    rank.add_argument("--queries", required=True, help="JSONL file of queries {id, title, text, tags}")
    rank.add_argument("--top", type=int, default=10, help="results per query (default 10)")
    rank.add_argument("--out", help="output JSONL file (default: stdout)")
    args = parser.parse_args(argv)
    if args.top < 0:
        parser.error("--top must be >= 0")
    try:
        _rank(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. piped into `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0
