"""The matcher inside the app, at scale: 100,000 startup profiles and 10,000 challenges in SQLite.

    .venv/bin/python bench/make_corpus.py --records 100000 --queries 200 --seed 7   # once
    .venv/bin/python bench/bench_app.py [--startups 100000] [--challenges 10000] [--json bench/out/app.json]

Measures, in one run and against a baseline with an empty database in the same process:
* start-up: `create_app()` plus the first request (the index is built in a background thread);
* how long the background build takes, and the request latency while it runs;
* ranking through the app's services once ready (startups for a challenge; public search);
* freshness: how long until an edited profile shows up in a ranking.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_records(path: Path, limit: int) -> list[dict]:
    records = []
    with path.open() as handle:
        for line in handle:
            records.append(json.loads(line))
            if len(records) >= limit:
                break
    return records


def make_app(db_path: Path):
    from matchmaker import create_app
    from matchmaker.config import Config

    class BenchConfig(Config):
        SECRET_KEY = "bench"
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{db_path}"
        MAIL_BACKEND = "memory"
        RATELIMIT_ENABLED = False
        MATCH_INDEX_BACKGROUND = True

    return create_app(BenchConfig)


def populate(app, profiles: list[dict], queries: list[dict], n_challenges: int) -> None:
    from sqlalchemy import insert

    from matchmaker.challenges.models import Challenge
    from matchmaker.db_types import utcnow
    from matchmaker.extensions import db
    from matchmaker.organisations.models import Organisation

    now = utcnow()
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        municipality = Organisation(
            kind="municipality", name="Gemeente Bench", slug="gemeente-bench", verified_at=now, description=""
        )
        db.session.add(municipality)
        db.session.commit()
        rows = [
            {
                "kind": "startup",
                "name": p["title"],
                "slug": f"s-{i}",
                "description": p["text"],
                "capabilities": p.get("tags", []),
                "sectors": [],
                "created_at": now,
                "updated_at": now,
            }
            for i, p in enumerate(profiles)
        ]
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(Organisation), rows[start : start + 5000])
        challenges = []
        for i in range(n_challenges):
            q = queries[i % len(queries)]
            challenges.append(
                {
                    "organisation_id": municipality.id,
                    "title": q.get("title") or f"Challenge {i}",
                    "slug": f"c-{i}",
                    "summary": q["text"][:400],
                    "problem": q["text"],
                    "desired_outcome": "",
                    "affected": "",
                    "department": "",
                    "keywords": q.get("tags", []),
                    "pilot_weeks": 16,
                    "languages": ["nl"],
                    "status": "published",
                    "published_at": now,
                    "questions_close_at": now + timedelta(days=10),
                    "submissions_close_at": now + timedelta(days=20 + i % 30),
                    "created_at": now,
                    "updated_at": now,
                    "budget_min_cents": 1_000_000,
                    "budget_max_cents": 5_000_000,
                }
            )
        for start in range(0, len(challenges), 2000):
            db.session.execute(insert(Challenge), challenges[start : start + 2000])
        db.session.commit()


def timed_first_request(db_path: Path) -> tuple[float, object]:
    started = time.perf_counter()
    app = make_app(db_path)
    client = app.test_client()
    response = client.get("/challenges/")
    assert response.status_code == 200
    return time.perf_counter() - started, app


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(ROOT / "bench" / "data"))
    parser.add_argument("--startups", type=int, default=100_000)
    parser.add_argument("--challenges", type=int, default=10_000)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    data = Path(args.data)
    profiles = load_records(data / "corpus.jsonl", args.startups)
    queries = load_records(data / "queries.jsonl", 10_000)
    work = Path(tempfile.mkdtemp(prefix="mm-bench-"))
    os.environ["INSTANCE_PATH"] = str(work / "instance")

    empty_db, full_db = work / "empty.sqlite", work / "full.sqlite"
    populate(make_app(empty_db), [], queries, 0)
    started = time.perf_counter()
    populate(make_app(full_db), profiles, queries, args.challenges)
    fill_seconds = time.perf_counter() - started

    baseline, _ = timed_first_request(empty_db)
    first, app = timed_first_request(full_db)
    client = app.test_client()

    from matchmaker.recommendations import services
    from matchmaker.recommendations.services import EXTENSION_KEY

    # requests while the background build runs
    during = []
    build_start = time.perf_counter()
    holders = app.extensions[EXTENSION_KEY]
    while not all(h.ready.is_set() for h in holders.values()):
        t = time.perf_counter()
        assert client.get("/challenges/?q=afvalinzameling").status_code == 200
        during.append((time.perf_counter() - t) * 1000)
        time.sleep(0.2)
        if time.perf_counter() - build_start > 120:
            break
    build_wait = time.perf_counter() - build_start
    build_seconds = {name: h.build_seconds for name, h in holders.items()}

    with app.app_context():
        from sqlalchemy import select

        from matchmaker.challenges.models import Challenge
        from matchmaker.extensions import db
        from matchmaker.organisations.models import Organisation

        challenges = db.session.scalars(select(Challenge).limit(50)).all()
        fit_ms = []
        for challenge in challenges:
            t = time.perf_counter()
            services.startups_for_challenge(challenge, limit=50)
            fit_ms.append((time.perf_counter() - t) * 1000)
        search_ms = []
        for q in [
            "afvalinzameling",
            "parkeer sensor",
            "warmtetransitie wijk",
            "mobilitiet",
            "eenzaamheid ouderen",
        ]:
            t = time.perf_counter()
            assert client.get("/challenges/", query_string={"q": q}).status_code == 200
            search_ms.append((time.perf_counter() - t) * 1000)

        # freshness: give one profile a unique word and wait until a ranking finds it
        startup = db.session.scalar(select(Organisation).where(Organisation.slug == "s-1"))
        from matchmaker.db_types import utcnow

        startup.description += " zonnehemelwaterbuffer"
        startup.updated_at = utcnow()
        db.session.commit()
        t = time.perf_counter()
        probe = challenges[0]
        probe.problem = probe.problem + " zonnehemelwaterbuffer"
        while True:
            ids = [m.item.id for m in services.startups_for_challenge(probe, limit=50)]
            if startup.id in ids:
                break
            time.sleep(0.05)
            if time.perf_counter() - t > 10:
                break
        freshness = time.perf_counter() - t
        db.session.rollback()

    result = {
        "startups": len(profiles),
        "challenges": args.challenges,
        "fill_seconds": round(fill_seconds, 1),
        "first_request_empty_db_s": round(baseline, 3),
        "first_request_full_db_s": round(first, 3),
        "startup_ratio_full_vs_empty": round(first / baseline, 2),
        "background_build_s": {k: round(v or 0, 2) for k, v in build_seconds.items()},
        "build_wait_s": round(build_wait, 1),
        "requests_during_build_ms_median": round(statistics.median(during), 1) if during else None,
        "startups_for_challenge_ms_median": round(statistics.median(fit_ms), 1),
        "public_search_request_ms_median": round(statistics.median(search_ms), 1),
        "freshness_s": round(freshness, 2),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
