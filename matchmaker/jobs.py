"""Background jobs on Redis with RQ.

Jobs are enqueued by dotted path and run by `flask worker`, which holds the app context, so a job
is a plain function of the app (for example `matchmaker.mail.services.deliver_by_id`).
"""

from __future__ import annotations

from flask import current_app
from redis import Redis
from rq import Queue

QUEUE_NAME = "matchmaker"


def redis_connection() -> Redis:
    return Redis.from_url(current_app.config["REDIS_URL"] or "redis://127.0.0.1:6379/0")


def queue() -> Queue:
    return Queue(QUEUE_NAME, connection=redis_connection())


def enqueue(func_path: str, *args) -> None:
    queue().enqueue(func_path, *args)


def run_worker(*, burst: bool = False) -> None:
    """Run an RQ worker in this process (the caller holds the app context)."""
    from rq import SimpleWorker

    worker = SimpleWorker([queue()], connection=redis_connection())
    worker.work(burst=burst)
