"""Running jobs at the same moment, each in its own thread, app context and database session."""

from __future__ import annotations

import threading

from flask_babel import force_locale

from matchmaker.database import commit
from matchmaker.extensions import db


def run_together(app, *jobs):
    """Run each job in its own thread, app context and session, released at once; commit each.
    Returns (results, errors)."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [None] * len(jobs), []

    def worker(index, job):
        with app.app_context(), force_locale("en"):  # messages read English, as in the other tests
            try:
                barrier.wait(timeout=10)
                results[index] = job()
                commit()
            except Exception as exc:  # reported to the test
                errors.append(exc)
                db.session.rollback()
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors
