"""One matcher index per process for each kind of record, kept in step with the database.

Building: outside tests the index is built in a separate process (so the web process keeps serving
at full speed), written to a snapshot file in the instance folder and loaded from there; another
worker that starts while the snapshot is fresh loads it instead of building again.

Keeping up: before use, at most every `SYNC_SECONDS`, the rows whose `updated_at` moved since the
last look are re-added or removed. Every process does this on its own, so a change made through one
gunicorn worker reaches all of them within a second, without a rebuild and without shared state.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

from flask import Flask

from ..db_types import utcnow
from ..extensions import db
from ..matching import MatchIndex

log = logging.getLogger(__name__)
SYNC_SECONDS = 0.5
OVERLAP = timedelta(seconds=5)  # look back a little: a transaction can commit after a later one
SNAPSHOT_MAX_AGE = timedelta(minutes=30)
# No profile-length prior in the app: a startup is not ranked up for writing a longer profile.
INDEX_PARAMS = {"prior": 0.0}
BUILD_TIMEOUT = 600  # seconds
SMALL_INDEX = 5000  # records: below this the index is built in the process itself


def _engine_fingerprint() -> str:
    """Changes whenever the matching code changes, so a snapshot from older code is never loaded."""
    import hashlib

    from .. import matching

    digest = hashlib.sha1()
    for source in sorted(Path(matching.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


ENGINE_FINGERPRINT = _engine_fingerprint()

# (ids and times) since a moment, and full records for some ids
Stamps = Callable[[datetime | None], Iterable[tuple[int, datetime]]]
Records = Callable[[list[int] | None], Iterable[tuple[int, dict | None]]]


class LiveIndex:
    def __init__(self, name: str, stamps: Stamps, records: Records):
        self.name = name
        self.stamps = stamps
        self.records = records
        self.index: MatchIndex | None = None
        self.lock = threading.RLock()
        self.ready = threading.Event()
        self.builder: threading.Thread | None = None
        self.seen: dict[int, datetime] = {}
        self.synced_at: datetime | None = None
        self.last_sync = 0.0
        self.build_seconds: float | None = None

    # --- building -------------------------------------------------------------------------------
    def start(self, app: Flask, background: bool) -> None:
        with self.lock:
            if self.builder is not None or self.ready.is_set():
                return
            if background and _small(app, self.stamps):
                background = False  # a small database builds in well under a second: no need to wait
            if not background:
                with app.app_context():
                    self._install(*build_snapshot(self.name, self.stamps, self.records))
                return
            self.builder = threading.Thread(target=self._build_elsewhere, args=(app,), name=f"match-{self.name}",
                                            daemon=True)
            self.builder.start()

    def _install(self, index: MatchIndex, seen: dict, synced_at: datetime, seconds: float) -> None:
        with self.lock:
            self.index, self.seen, self.synced_at = index, seen, synced_at
            self.build_seconds = seconds
            self.last_sync = 0.0
            self.ready.set()
        log.info("match index %s ready: %d records (%.1f s)", self.name, len(index), seconds)

    def _build_elsewhere(self, app: Flask) -> None:
        path = Path(app.instance_path) / "match-index" / f"{self.name}-{ENGINE_FINGERPRINT}.pickle"
        started = time.perf_counter()
        try:
            if not _fresh(path):
                path.parent.mkdir(parents=True, exist_ok=True)
                with _build_lock(path) as we_build:
                    if we_build:
                        _run_build_process(self.name, app, path)
                    else:  # another worker is building it: wait for its snapshot
                        _wait_for(path)
            with path.open("rb") as handle:
                index, seen, synced_at = pickle.load(handle)
        except Exception:  # fall back to building here: slower, but the feature keeps working
            log.exception("building the %s index in a separate process failed; building in-process", self.name)
            with app.app_context():
                try:
                    index, seen, synced_at, _ = build_snapshot(self.name, self.stamps, self.records)
                finally:
                    db.session.remove()
        self._install(index, seen, synced_at, time.perf_counter() - started)

    # --- keeping up -----------------------------------------------------------------------------
    def sync(self, force: bool = False) -> int:
        """Apply rows changed since the last look. Returns how many records changed."""
        if not self.ready.is_set():
            return 0
        now = time.monotonic()
        if not force and now - self.last_sync < SYNC_SECONDS:
            return 0
        with self.lock:
            started_at = utcnow()
            since = self.synced_at - OVERLAP if self.synced_at else None
            changed = [(row_id, stamp) for row_id, stamp in self.stamps(since) if self.seen.get(row_id) != stamp]
            if changed:
                for row_id, record in self.records([row_id for row_id, _ in changed]):
                    if record is None:
                        self.index.remove(str(row_id))
                    else:
                        self.index.add(record)
                self.seen.update(changed)
            self.synced_at = started_at
            self.last_sync = now
            return len(changed)

    def get(self, app: Flask, *, background: bool, wait: float, fresh: bool = False) -> MatchIndex | None:
        """The index, in step with the database; None while it is still being built (after `wait`).
        With `fresh`, the changes are applied now rather than at most every `SYNC_SECONDS` (for an
        index whose records can be withdrawn, such as unpublished lessons)."""
        self.start(app, background)
        if not self.ready.wait(timeout=wait):
            return None
        self.sync(force=fresh)
        return self.index

    def rank(self, app: Flask, query, *, top: int, only=None, exclude=None, background: bool, wait: float,
             fresh: bool = False):
        """Ranked results, or None while the index is not ready yet."""
        index = self.get(app, background=background, wait=wait, fresh=fresh)
        if index is None:
            return None
        with self.lock:
            return index.rank(query, top=top, only=only, exclude=exclude)


def build_snapshot(name: str, stamps: Stamps, records: Records):
    """(index, seen stamps, synced_at, seconds) from the database of the current app context."""
    started, synced_at = time.perf_counter(), utcnow()
    seen = {row_id: stamp for row_id, stamp in stamps(None)}
    index = MatchIndex.build((record for _row_id, record in records(None) if record is not None), **INDEX_PARAMS)
    return index, seen, synced_at, time.perf_counter() - started


def _small(app: Flask, stamps: Stamps) -> bool:
    with app.app_context():
        try:
            for count, _row in enumerate(stamps(None), start=1):
                if count >= SMALL_INDEX:
                    return False
            return True
        finally:
            db.session.remove()


def _run_build_process(name: str, app: Flask, path: Path) -> None:
    process = multiprocessing.get_context("spawn").Process(
        target=build_snapshot_file, name=f"match-build-{name}", args=(name, _settings(app), str(path)), daemon=True)
    process.start()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError(f"index build for {name} failed ({process.exitcode})")


class _build_lock:
    """A lock file next to the snapshot, so that of several workers starting at once only one builds."""

    def __init__(self, path: Path):
        self.lock = path.with_suffix(".building")
        self.owned = False

    def __enter__(self) -> bool:
        if self.lock.exists() and time.time() - self.lock.stat().st_mtime > BUILD_TIMEOUT:
            self.lock.unlink(missing_ok=True)  # left behind by a build that died
        try:
            os.close(os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            self.owned = True
        except FileExistsError:
            self.owned = False
        return self.owned

    def __exit__(self, *exc) -> None:
        if self.owned:
            self.lock.unlink(missing_ok=True)


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not _fresh(path):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no fresh snapshot at {path.name}")
        time.sleep(0.5)


def _settings(app: Flask) -> dict:
    keys = ("SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_ENGINE_OPTIONS", "SECRET_KEY")
    return {key: app.config[key] for key in keys}


def _fresh(path: Path) -> bool:
    if not path.exists():
        return False
    age = time.time() - path.stat().st_mtime
    return age < SNAPSHOT_MAX_AGE.total_seconds()


def build_snapshot_file(name: str, settings: dict, path: str) -> None:
    """Entry point of the build process: read the database, build, write the snapshot atomically."""
    from .. import create_app
    from .services import loaders

    app = create_app({**settings, "MATCH_INDEX_BACKGROUND": False, "RATELIMIT_ENABLED": False})
    with app.app_context():
        stamps, records = loaders(name)
        index, seen, synced_at, _ = build_snapshot(name, stamps, records)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        pickle.dump((index, seen, synced_at), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
