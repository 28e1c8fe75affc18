"""One matcher index per process for each kind of record, kept in step with the database.

The index is built once (in a background thread outside tests, so start-up stays fast) and then
synchronised incrementally: before use, at most every `SYNC_SECONDS`, the rows changed since the
last look (`updated_at` past a watermark) are re-added or removed. Every process of a deployment does
this on its own, so a change made through one gunicorn worker reaches all of them within a second,
without a rebuild and without shared state.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta
from typing import Callable, Iterable

from flask import Flask

from ..extensions import db
from ..matching import MatchIndex

log = logging.getLogger(__name__)
SYNC_SECONDS = 0.5
OVERLAP = timedelta(seconds=5)  # re-read a little before the watermark: commits can land out of order


class LiveIndex:
    """`rows_since(moment)` yields (id, updated_at, record or None); None means: not indexed (any more)."""

    def __init__(self, name: str, rows_since: Callable[[datetime | None], Iterable[tuple[int, datetime, dict | None]]]):
        self.name = name
        self.rows_since = rows_since
        self.index: MatchIndex | None = None
        self.lock = threading.RLock()
        self.ready = threading.Event()
        self.builder: threading.Thread | None = None
        self.watermark: datetime | None = None
        self.seen: dict[int, datetime] = {}
        self.last_sync = 0.0
        self.build_seconds: float | None = None

    # --- building -------------------------------------------------------------------------------
    def start(self, app: Flask, background: bool) -> None:
        with self.lock:
            if self.builder is not None or self.ready.is_set():
                return
            if not background:
                self._build(app)
                return
            self.builder = threading.Thread(target=self._build, args=(app,), name=f"match-{self.name}", daemon=True)
            self.builder.start()

    def _build(self, app: Flask) -> None:
        started = time.perf_counter()
        with app.app_context():
            try:
                records, seen, watermark = [], {}, None
                for row_id, updated_at, record in self.rows_since(None):
                    seen[row_id] = updated_at
                    watermark = updated_at if watermark is None or updated_at > watermark else watermark
                    if record is not None:
                        records.append(record)
                index = MatchIndex.build(records)
            finally:
                db.session.remove()
        with self.lock:
            self.index, self.seen, self.watermark = index, seen, watermark
            self.last_sync = time.monotonic()
            self.build_seconds = time.perf_counter() - started
            self.ready.set()
        log.info("match index %s: %d records in %.2f s", self.name, len(index), self.build_seconds)

    # --- keeping up -----------------------------------------------------------------------------
    def sync(self, force: bool = False) -> int:
        """Apply rows changed since the last look. Returns how many records changed."""
        if not self.ready.is_set():
            return 0
        now = time.monotonic()
        if not force and now - self.last_sync < SYNC_SECONDS:
            return 0
        with self.lock:
            since = None if self.watermark is None else self.watermark - OVERLAP
            changed = 0
            for row_id, updated_at, record in self.rows_since(since):
                if self.seen.get(row_id) == updated_at:
                    continue
                self.seen[row_id] = updated_at
                if self.watermark is None or updated_at > self.watermark:
                    self.watermark = updated_at
                if record is None:
                    self.index.remove(str(row_id))
                else:
                    self.index.add(record)
                changed += 1
            self.last_sync = now
            return changed

    def get(self, app: Flask, *, background: bool, wait: float) -> MatchIndex | None:
        """The index, in step with the database; None while it is still being built (after `wait`)."""
        self.start(app, background)
        if not self.ready.wait(timeout=wait):
            return None
        self.sync()
        return self.index

    def rank(self, app: Flask, query, *, top: int, only=None, exclude=None, background: bool, wait: float):
        """Ranked results, or None while the index is not ready yet."""
        index = self.get(app, background=background, wait=wait)
        if index is None:
            return None
        with self.lock:
            return index.rank(query, top=top, only=only, exclude=exclude)
