"""Alembic, configured in code: the schema is upgraded on first use, no alembic.ini needed.

Developers add a revision after changing the models with::

    python -m rounds.storage.migrate revision "what changed"

which autogenerates it against a scratch SQLite database at the current head.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head() -> str:
    rev = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema behind ``engine`` (a no-op when it is already at ``revision``).

    Processes starting together on a fresh database take turns: the check is repeated under the
    write lock (SQLite's BEGIN IMMEDIATE, an advisory lock on PostgreSQL), so only one migrates.
    """
    if revision == "head" and current(engine) == head():
        return
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72500001)")
        if revision == "head" and MigrationContext.configure(conn).get_current_revision() == head():
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m rounds.storage.migrate revision "what changed"')
    _revision(sys.argv[2])
