"""Shared fixtures: an isolated data dir and database per test, and a small multi-level bank."""

from __future__ import annotations

import os
import textwrap
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from rounds.config import Settings, get_settings
from rounds.content import catalog as catalog_module
from rounds.storage.db import Database, close_all, database

# pytest-xdist's workers start with COLUMNS/LINES set, and a Rich console made at import then keeps
# that width for good; without them each console reads the width a test gives when it prints.
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)

# Every test that takes `settings` or `db` runs on SQLite; set ROUNDS_TEST_POSTGRES_URL (e.g.
# postgresql+psycopg://user@host/db, with a driver installed) to run them on PostgreSQL as well,
# each test in a schema of its own.
POSTGRES_URL = os.environ.get("ROUNDS_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def _settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str | None) -> Settings:
    data = tmp_path / "data"
    monkeypatch.setenv("ROUNDS_DATA_DIR", str(data))
    monkeypatch.setenv("ROUNDS_WORKERS", "1")
    if url:
        monkeypatch.setenv("ROUNDS_DATABASE_URL", url)
    else:
        monkeypatch.delenv("ROUNDS_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    return Settings(data_dir=data, workers=1, database_url=url)


@contextmanager
def _postgres_schema(base_url: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(base_url)
    with engine.begin() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {name}")
    try:
        yield make_url(base_url).update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(
            hide_password=False)
    finally:
        close_all()
        with engine.begin() as c:
            c.exec_driver_sql(f"DROP SCHEMA {name} CASCADE")
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings whose data dir and database belong to this test alone; also set in the environment."""
    if request.param == "postgresql" and not POSTGRES_URL:
        raise RuntimeError("this test runs on PostgreSQL: run scripts/test (it starts a server), or start one with "
                           "`scripts/test-postgres start DIR` and set ROUNDS_TEST_POSTGRES_URL to the URL it prints")
    with ExitStack() as stack:
        url = stack.enter_context(_postgres_schema(POSTGRES_URL)) if request.param == "postgresql" else None
        yield _settings(tmp_path, monkeypatch, url)
        get_settings.cache_clear()
        close_all()


@pytest.fixture
def sqlite_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Like `settings`, always SQLite in tmp_path (for what only SQLite does: WAL, the file)."""
    yield _settings(tmp_path, monkeypatch, None)
    get_settings.cache_clear()
    close_all()


@pytest.fixture
def db(settings: Settings) -> Database:
    """The test's database, migrated, with the local user."""
    return database(settings)


@pytest.fixture
def sqlite_db(sqlite_settings: Settings) -> Database:
    return database(sqlite_settings)


TOY_ID = "oop/toy-ledger"

TOY_FILES = {
    "problem.toml": """
        id = "oop/toy-ledger"
        title = "Toy ledger"
        track = "oop"
        difficulty = "easy"
        tags = ["test"]
        minutes = 30
        grader = "opstream"
        entry = "Ledger"

        [limits]
        cpu_ms = 1000
        memory_mb = 256

        [[levels]]
        title = "Deposits"
        minutes = 10

        [[levels]]
        title = "Withdrawals"
        minutes = 10

        [[levels]]
        title = "Top accounts"
        minutes = 10
    """,
    "levels/1.md": """
        Keep account balances.

        ## Contract

        - `deposit(account: str, amount: int) -> int` adds and returns the new balance.
        - `balance(account: str) -> int` is 0 for an unknown account.
    """,
    "levels/2.md": """
        Take money out.

        ## Contract

        - `withdraw(account: str, amount: int) -> int | None`: None (and no change) when the balance is short.
    """,
    "levels/3.md": """
        Rank accounts.

        ## Contract

        - `top(k: int) -> list[str]`: the k richest accounts, ties by name ascending.
    """,
    "editorial.md": """
        A dictionary from account to balance answers every level; `top` sorts by (-balance, name).
    """,
    "starter.py": """
        class Ledger:
            def deposit(self, account: str, amount: int) -> int:
                raise NotImplementedError

            def balance(self, account: str) -> int:
                raise NotImplementedError
    """,
    "reference.py": """
        class Ledger:
            def __init__(self):
                self.money = {}

            def deposit(self, account, amount):
                self.money[account] = self.money.get(account, 0) + amount
                return self.money[account]

            def balance(self, account):
                return self.money.get(account, 0)

            def withdraw(self, account, amount):
                if self.money.get(account, 0) < amount:
                    return None
                self.money[account] -= amount
                return self.money[account]

            def top(self, k):
                ranked = sorted(self.money.items(), key=lambda kv: (-kv[1], kv[0]))
                return [name for name, _ in ranked[:k]]
    """,
    "tests.py": """
        from rounds.testkit import Ops, op


        def examples(level):
            if level == 1:
                return [Ops([op("deposit", "a", 5), op("balance", "a"), op("balance", "b")], name="deposit")]
            if level == 2:
                return [Ops([op("deposit", "a", 5), op("withdraw", "a", 3), op("withdraw", "a", 9)], name="withdraw")]
            return [Ops([op("deposit", "a", 5), op("deposit", "b", 7), op("top", 1)], name="top")]


        def hidden(level, rng):
            if level == 1:
                names = "abc"
                ops = [op("deposit", rng.choice(names), rng.randint(1, 9)) for _ in range(6)]
                return [
                    Ops([op("deposit", "slow", 1), op("balance", "slow")], name="a named account"),
                    Ops([op("balance", "nobody")], name="unknown account"),
                    Ops(ops + [op("balance", n) for n in names], name="random deposits"),
                ]
            if level == 2:
                return [
                    Ops([op("deposit", "a", 5), op("withdraw", "a", 5), op("balance", "a")], name="to zero"),
                    Ops([op("withdraw", "b", 1), op("balance", "b")], name="short"),
                ]
            return [
                Ops([op("deposit", "b", 3), op("deposit", "a", 3), op("top", 2)], name="tie by name"),
                Ops([op("top", 3)], name="empty"),
            ]
    """,
}

# Solutions of the toy problem, from nothing to everything.
TOY_LEVEL1 = """
class Ledger:
    def __init__(self):
        self.money = {}

    def deposit(self, account, amount):
        self.money[account] = self.money.get(account, 0) + amount
        return self.money[account]

    def balance(self, account):
        return self.money.get(account, 0)
"""

TOY_LEVEL2 = TOY_LEVEL1 + """
    def withdraw(self, account, amount):
        if self.money.get(account, 0) < amount:
            return None
        self.money[account] -= amount
        return self.money[account]
"""

TOY_FULL = TOY_LEVEL2 + """
    def top(self, k):
        ranked = sorted(self.money.items(), key=lambda kv: (-kv[1], kv[0]))
        return [name for name, _ in ranked[:k]]
"""


def write_toy_bank(root: Path) -> Path:
    folder = root / "oop" / "toy-ledger"
    for name, text in TOY_FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@dataclass(frozen=True)
class ToyBank:
    root: Path  # pass as ROUNDS_BANK_PATH to subprocesses
    problem_id: str
    level1: str  # passes level 1 only
    level2: str  # passes levels 1 and 2
    full: str  # passes everything


@pytest.fixture
def toy_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ToyBank:
    """An extra bank holding oop/toy-ledger, a tiny three-level problem; the catalog reloads with it."""
    root = write_toy_bank(tmp_path / "bank")
    monkeypatch.setenv("ROUNDS_BANK_PATH", str(root))
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    return ToyBank(root=root, problem_id=TOY_ID, level1=TOY_LEVEL1, level2=TOY_LEVEL2, full=TOY_FULL)
