from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from io import StringIO
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import StatementError

from rounds.config import Settings
from rounds.storage import migrate
from rounds.storage.db import Database, database, open_database
from rounds.storage.models import Base, User


def test_sqlite_lives_in_the_data_dir_by_default(sqlite_settings: Settings) -> None:
    assert sqlite_settings.db_url == f"sqlite:///{sqlite_settings.data_dir / 'rounds.db'}"
    database(sqlite_settings)
    assert (sqlite_settings.data_dir / "rounds.db").exists()


def test_first_use_migrates_to_head_and_creates_the_local_user(settings: Settings) -> None:
    db = database(settings)
    assert migrate.current(db.engine) == migrate.head()
    tables = set(inspect(db.engine).get_table_names())
    assert {"users", "attempts", "attempt_events", "submissions", "results", "alembic_version"} <= tables
    again = open_database(settings.db_url)
    assert again.local_user_id == db.local_user_id
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1
    again.dispose()


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_every_sqlite_connection_has_wal_busy_timeout_and_foreign_keys(sqlite_db: Database) -> None:
    conns = [sqlite_db.engine.raw_connection() for _ in range(2)]  # two live connections at once
    try:
        for c in conns:
            cur = c.cursor()
            assert cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cur.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
            assert cur.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            cur.close()
    finally:
        for c in conns:
            c.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(sqlite_db: Database) -> None:
    db = sqlite_db
    held = threading.Event()

    def slow_writer() -> None:
        with db.sessions.begin() as s:
            s.add(User(name="first"))
            s.flush()
            held.set()
            time.sleep(0.4)

    t = threading.Thread(target=slow_writer)
    t.start()
    held.wait(5)
    start = time.monotonic()
    with db.sessions.begin() as s:
        s.add(User(name="second"))
    waited = time.monotonic() - start
    t.join()
    assert waited > 0.2
    with db.sessions() as s:
        assert set(s.scalars(select(User.name))) == {"local", "first", "second"}


def test_timestamps_come_back_utc_aware(db: Database) -> None:
    """Stored as UTC (checked on SQLite, which keeps no zone), returned aware."""
    paris = timezone(timedelta(hours=1))
    written = datetime(2025, 3, 1, 12, 30, tzinfo=paris)
    with db.sessions.begin() as s:
        s.add(User(name="someone", created_at=written))
    with db.sessions() as s:
        got = s.scalar(select(User.created_at).where(User.name == "someone"))
    assert got is not None
    assert got.tzinfo is not None and got.utcoffset() == timedelta(0)
    assert got == written
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as c:
            raw = c.execute(text("SELECT created_at FROM users WHERE name = 'someone'")).scalar()
        assert str(raw).startswith("2025-03-01 11:30")


def test_naive_timestamps_are_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.sessions.begin() as s:
        s.add(User(name="naive", created_at=datetime(2025, 1, 1)))
        s.flush()


def test_the_migrations_render_for_postgresql() -> None:
    cfg = migrate.alembic_config("postgresql://rounds@localhost/rounds")
    out = StringIO()
    cfg.stdout = out
    cfg.output_buffer = out
    command.upgrade(cfg, "head", sql=True)
    sql = out.getvalue()
    assert "CREATE TABLE attempts" in sql
    assert "TIMESTAMP WITH TIME ZONE" in sql
    assert "PRAGMA" not in sql and "BEGIN IMMEDIATE" not in sql


def test_now_is_utc() -> None:
    from rounds.domain.attempt import now_utc

    assert now_utc().tzinfo is UTC


def test_processes_starting_together_on_a_fresh_database_all_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    code = f"from rounds.storage.db import open_database; print(open_database({url!r}).local_user_id)"
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert {out.strip() for out, _ in outs} == {"1"}
