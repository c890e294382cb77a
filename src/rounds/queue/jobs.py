"""Judging on a distributed task queue: procrastinate, on the PostgreSQL database rounds already uses.

With ``ROUNDS_QUEUE=procrastinate`` the web process stores a submission (as always, before anything
is judged) and defers one job, ``rounds.judge(submission_id)``; any number of ``rounds worker``
processes, on any machine that reaches the database, claim jobs and judge them on their own warm
pools. The page polls the submission's row for its result.

The record of a submission is judged exactly once whatever happens to workers: a worker claims the
submission (compare-and-set on its ``claimed_by``), judges with no transaction open, and stores the
result only if its claim still stands (the ``results`` table also takes one row per submission).
A worker killed mid-job stops sending heartbeats; every worker looks for such stalled jobs every few
seconds and puts them back in the queue, and the next worker takes the claim over. Each claim counts
a try: a submission that keeps killing its workers gets an IE result after ``MAX_TRIES`` with the
reason, instead of taking the queue down with it.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy.engine import make_url

from rounds.config import Settings

TASK = "rounds.judge"
QUEUE = "judge"
MAX_TRIES = 3  # claims of one submission before it is given an IE result
HEARTBEAT_S = 2.0  # how often a worker says it is alive
STALLED_S = 8.0  # a worker silent this long is taken for dead, and its jobs are queued again


class QueueUnavailable(Exception):
    """The queue cannot be used as configured; the message says why."""


def conninfo(settings: Settings) -> str:
    """The libpq connection string of the configured PostgreSQL database (from its SQLAlchemy URL)."""
    url = settings.database_url
    if not url or make_url(url).get_backend_name() != "postgresql":
        raise QueueUnavailable("ROUNDS_QUEUE=procrastinate needs PostgreSQL: set ROUNDS_DATABASE_URL to a "
                               "postgresql+psycopg://user:password@host/dbname URL (the queue lives in that "
                               "database, beside the submissions)")
    u = make_url(url).set(drivername="postgresql")
    return u.render_as_string(hide_password=False)


def lock_of(submission_id: int) -> str:
    """One submission's jobs run one after another, never side by side."""
    return f"submission:{submission_id}"


_SCHEMA_LOCK = 0x726F756E64  # an advisory-lock key of our own ("round")


def ensure_schema(settings: Settings) -> None:
    """Create procrastinate's tables in the database if they are not there (once, under a lock)."""
    import procrastinate
    import psycopg

    with psycopg.connect(conninfo(settings), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
        try:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if row is None or row[0] is None:
                conn.execute(procrastinate.schema.SchemaManager.get_schema())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))


_apps: dict[str, Any] = {}
_apps_lock = threading.Lock()


def _deferring_app(settings: Settings) -> Any:
    """This process's procrastinate app for deferring jobs (synchronous, shared by threads)."""
    import procrastinate

    key = conninfo(settings)
    with _apps_lock:
        app = _apps.get(key)
        if app is None:
            ensure_schema(settings)
            app = procrastinate.App(connector=procrastinate.SyncPsycopgConnector(conninfo=key))
            app.open()
            _apps[key] = app
        return app


def enqueue(settings: Settings, submission_id: int) -> bool:
    """Queue the judging of a stored submission; False if a job for it is already waiting."""
    import procrastinate.exceptions

    app = _deferring_app(settings)
    try:
        app.configure_task(name=TASK, queue=QUEUE, lock=lock_of(submission_id),
                           queueing_lock=lock_of(submission_id)).defer(submission_id=submission_id)
    except procrastinate.exceptions.AlreadyEnqueued:
        return False
    return True


def close() -> None:
    """Close the deferring apps' connections (tests, and a clean exit)."""
    with _apps_lock:
        for app in _apps.values():
            app.close()
        _apps.clear()


CHANNEL = "rounds_judged"  # NOTIFY'd with a submission's id when its result is stored


class ResultWaiter:
    """Wakes the threads waiting for verdicts: one LISTEN connection per process, a NOTIFY per stored
    result (sent in the transaction that stores it). A wait also looks at the row now and then, so a
    notification lost with a dropped connection costs a moment, never the verdict."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.events: dict[int, threading.Event] = {}
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._listen, name="rounds-results", daemon=True)
        self.thread.start()

    def register(self, submission_id: int) -> threading.Event:
        with self.lock:
            return self.events.setdefault(submission_id, threading.Event())

    def forget(self, submission_id: int) -> None:
        with self.lock:
            self.events.pop(submission_id, None)

    def _listen(self) -> None:
        import time

        import psycopg

        while True:
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    for note in conn.notifies():
                        with self.lock:
                            ev = self.events.get(int(note.payload)) if note.payload.isdigit() else None
                        if ev is not None:
                            ev.set()
            except Exception:  # noqa: BLE001 - reconnect; waiters fall back to looking at the row
                time.sleep(1.0)


_waiters: dict[str, ResultWaiter] = {}


def waiter(settings: Settings) -> ResultWaiter:
    key = conninfo(settings)
    with _apps_lock:
        w = _waiters.get(key)
        if w is None:
            w = _waiters[key] = ResultWaiter(key)
        return w
