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
# NOTIFY'd by a worker with finished tests: {"s": id, "ts": [result, ...]} (a batch: see ProgressSender)
PROGRESS = "rounds_progress"
MAX_PAYLOAD = 7900  # PostgreSQL takes notification payloads under 8000 bytes
COALESCE_S = 0.03  # tests finished this close together go in one notification


def progress_payloads(submission_id: int, results: list[dict[str, Any]]) -> list[str]:
    """Finished tests as notification payloads, in order, as few as fit; a test's long texts are cut
    to fit one payload (a test that cannot fit is left out: the stored result is the record)."""
    import json

    def one(result: dict[str, Any]) -> bytes:
        return json.dumps(result, separators=(",", ":")).encode()

    head = f'{{"s":{int(submission_id)},"ts":['.encode()
    room = MAX_PAYLOAD - len(head) - len(b"]}")
    out: list[str] = []
    batch: list[bytes] = []
    size = 0  # of the batch's tests, with the commas between them
    for result in results:  # each test is encoded once; a batch is the tests joined by commas
        text = one(result)
        for key in ("output", "message", "expected", "got", "input"):
            if len(text) <= room:
                break
            if isinstance(result.get(key), str) and len(result[key]) > 200:
                result[key] = result[key][:200] + " ..."
                text = one(result)
        if len(text) > room:
            continue
        if batch and size + 1 + len(text) > room:
            out.append((head + b",".join(batch) + b"]}").decode())
            batch, size = [], 0
        size += len(text) + (1 if batch else 0)
        batch.append(text)
    if batch:
        out.append((head + b",".join(batch) + b"]}").decode())
    return out


class ProgressSender:
    """A worker's way to send finished tests to the waiting page as they come.

    The judging thread only hands a test over; one sending thread gathers the tests that finish
    within ``COALESCE_S`` of each other and sends them in one NOTIFY, so a 20-test submission costs
    the worker a few round trips to the database instead of 20, and the page a few wake-ups."""

    def __init__(self, settings: Settings) -> None:
        self.dsn = conninfo(settings)
        self.pending: dict[int, list[Any]] = {}  # submission id -> finished tests not sent yet
        self.cond = threading.Condition()
        self.conn: Any = None
        self.thread = threading.Thread(target=self._run, name="rounds-progress", daemon=True)
        self.thread.start()

    def send(self, submission_id: int, result: Any) -> None:
        """Queue a finished test (a TestResult) for the page."""
        with self.cond:
            self.pending.setdefault(submission_id, []).append(result)
            self.cond.notify()

    def _run(self) -> None:
        import time

        while True:
            with self.cond:
                while not self.pending:
                    self.cond.wait()
            time.sleep(COALESCE_S)  # let the tests finishing right after this one join it
            with self.cond:
                batches, self.pending = self.pending, {}
            for sid, tests in batches.items():
                self._notify(progress_payloads(sid, [t.to_json() for t in tests]))

    def _notify(self, payloads: list[str]) -> None:
        import psycopg

        try:
            if self.conn is None or self.conn.closed:
                self.conn = psycopg.connect(self.dsn, autocommit=True)
            for payload in payloads:
                self.conn.execute("SELECT pg_notify(%s, %s)", (PROGRESS, payload))
        except Exception:  # noqa: BLE001 - progress is a courtesy: the stored result is the record
            self.conn = None


class ResultWaiter:
    """Wakes the threads waiting for verdicts: one LISTEN connection per process, a NOTIFY per stored
    result (sent in the transaction that stores it). A wait also looks at the row now and then, so a
    notification lost with a dropped connection costs a moment, never the verdict."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.events: dict[int, threading.Event] = {}
        self.watchers: dict[int, Any] = {}  # submission id -> callback of each finished test
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._listen, name="rounds-results", daemon=True)
        self.thread.start()

    def register(self, submission_id: int, on_result: Any = None) -> threading.Event:
        with self.lock:
            if on_result is not None:
                self.watchers[submission_id] = on_result
            return self.events.setdefault(submission_id, threading.Event())

    def forget(self, submission_id: int) -> None:
        with self.lock:
            self.events.pop(submission_id, None)
            self.watchers.pop(submission_id, None)

    def _progress(self, payload: str) -> None:
        import json

        from rounds.domain.reports import test_from_json

        try:
            body = json.loads(payload)
            sid, results = int(body["s"]), [test_from_json(t) for t in body["ts"]]
        except Exception:  # noqa: BLE001 - a malformed note is dropped; the stored result is the record
            return
        with self.lock:
            watcher = self.watchers.get(sid)
        if watcher is not None:
            for result in results:
                watcher(result)

    def _listen(self) -> None:
        import time

        import psycopg

        while True:
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    conn.execute(f"LISTEN {PROGRESS}")
                    for note in conn.notifies():
                        if note.channel == PROGRESS:
                            self._progress(note.payload)
                            continue
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
