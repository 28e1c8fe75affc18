"""``python -m matchmaker.matching rank``: output format and error paths, through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = [
    {"id": "a", "title": "Afvalinzameling", "text": "Slimme routes voor afvalinzameling.", "tags": ["afval"]},
    {"id": "b", "title": "Parkeer sensor", "text": "Sensoren melden vrije plekken.", "tags": []},
    {"id": "c", "title": "Warmte transitie", "text": "Advies voor wijken.", "tags": ["energie"]},
]
QUERIES = [
    {"id": "q1", "title": "", "text": "afval inzameling", "tags": []},
    {"id": "q2", "title": "parkeersensoren", "text": "", "tags": []},
    {"id": "q3", "title": "de het een", "text": "", "tags": []},
]


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "matchmaker.matching", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_jsonl(tmp_path / "corpus.jsonl", CORPUS), write_jsonl(tmp_path / "queries.jsonl", QUERIES)


def test_rank_writes_one_json_line_per_query(files: tuple[Path, Path]) -> None:
    corpus, queries = files
    proc = run_cli("rank", "--corpus", str(corpus), "--queries", str(queries), "--top", "2")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["q1", "q2", "q3"]
    assert lines[0]["results"][0]["id"] == "a"
    assert lines[1]["results"][0]["id"] == "b"
    assert lines[2]["results"] == []
    for line in lines:
        assert len(line["results"]) <= 2
        for result in line["results"]:
            assert set(result) == {"id", "score", "why"}
            assert 0 < result["score"] <= 100
            for item in result["why"]:
                assert {"query", "matched", "field", "similarity", "contribution"} <= set(item)
    assert "built in" in proc.stderr and "ms/query" in proc.stderr


def test_rank_out_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, queries = files
    out = tmp_path / "out.jsonl"
    proc = run_cli("rank", "--corpus", str(corpus), "--queries", str(queries), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def assert_one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert proc.stdout == ""


def test_missing_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    _, queries = files
    missing = tmp_path / "nope.jsonl"
    proc = run_cli("rank", "--corpus", str(missing), "--queries", str(queries))
    assert_one_line_error(proc, str(missing))


def test_invalid_json_line(files: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, _ = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "q1", "text": "afval"}\n\n{"id": "q2", "text": \n', encoding="utf-8")
    proc = run_cli("rank", "--corpus", str(corpus), "--queries", str(bad))
    assert_one_line_error(proc, f"{bad}:3", "invalid JSON")


def test_record_without_id(files: tuple[Path, Path], tmp_path: Path) -> None:
    _, queries = files
    bad = write_jsonl(tmp_path / "noid.jsonl", [CORPUS[0], {"title": "no id here"}])
    out = tmp_path / "out.jsonl"
    proc = run_cli("rank", "--corpus", str(bad), "--queries", str(queries), "--out", str(out))
    assert_one_line_error(proc, f"{bad}:2", "id")
    assert not out.exists()


def test_line_that_is_not_an_object(files: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, _ = files
    bad = tmp_path / "list.jsonl"
    bad.write_text('["q1"]\n', encoding="utf-8")
    proc = run_cli("rank", "--corpus", str(corpus), "--queries", str(bad))
    assert_one_line_error(proc, f"{bad}:1")
