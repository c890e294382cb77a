"""Engines and sessions. ``database(settings)`` is the one way in: it migrates on first use.

SQLite gets WAL mode, a busy timeout and foreign keys on every connection, and starts every
transaction with ``BEGIN IMMEDIATE`` so that two processes writing at once wait for each other
instead of failing. Transactions are short: services never hold one open while judging.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from rounds.config import Settings
from rounds.storage.repositories import local_user_id

BUSY_TIMEOUT_MS = 10_000

SessionFactory = sessionmaker[Session]


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections are tuned as described above."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if u.database and u.database != ":memory:":
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@dataclass
class Database:
    """An engine, its session factory, and the local user's id."""

    engine: Engine
    sessions: SessionFactory
    local_user_id: int

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Connect, bring the schema to the newest revision, and make sure the local user exists."""
    from rounds.storage.migrate import upgrade

    engine = make_engine(url)
    for attempt in range(6):
        try:
            upgrade(engine)
            sessions = sessionmaker(engine, expire_on_commit=False)
            with sessions.begin() as s:
                user_id = local_user_id(s)
            return Database(engine=engine, sessions=sessions, local_user_id=user_id)
        except OperationalError as exc:
            # SQLite answers "locked" without waiting in a few cases (switching a brand-new file to
            # WAL while another process creates it); starting again is safe: every step is idempotent.
            if "locked" not in str(exc) or attempt == 5:
                raise
            engine.dispose()
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


_lock = threading.Lock()
_open: dict[str, Database] = {}


def database(settings: Settings) -> Database:
    """The process-wide database for ``settings.db_url``, opened (and migrated) once."""
    url = settings.db_url
    with _lock:
        db = _open.get(url)
        if db is None:
            db = open_database(url)
            _open[url] = db
        return db


def close_all() -> None:
    """Dispose of every engine ``database()`` opened (tests, shutdown)."""
    with _lock:
        for db in _open.values():
            db.dispose()
        _open.clear()
