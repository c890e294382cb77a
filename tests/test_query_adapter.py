"""The query form of OOP problems: solution(queries) judged against the class-form reference."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rounds.config import Settings
from rounds.content import catalog as catalog_module
from rounds.content.catalog import catalog
from rounds.domain.verdict import Verdict
from rounds.judge.engine import precheck
from rounds.judge.factory import get_judge
from rounds.judge.graders.base import Context
from rounds.judge.graders.queries import grade_query_case, to_query, to_text, uses_query_form

SOLUTIONS = Path(__file__).parent / "fixtures" / "icf" / "solutions"
QUERY_DB = (SOLUTIONS / "in_memory_db_queries.py").read_text()
ROUNDS = [sys.executable, "-m", "rounds.cli.app"]


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (True, "true"), (False, "false"), (0, "0"), (-12, "-12"), ("", ""), ("a b", "a b"),
    (["a(1)", "b(2)"], "a(1), b(2)"), ([], ""), ((1, None, True), "1, , true"), (2.5, "2.5"),
])
def test_one_conversion_for_results_and_arguments(value: object, text: str) -> None:
    assert to_text(value) == text


def test_a_call_becomes_a_query() -> None:
    assert to_query(("set_at", ("a", "b", "c", 10))) == ["SET_AT", "a", "b", "c", "10"]
    assert to_query(("backup", ())) == ["BACKUP"]


def test_the_query_form_is_chosen_only_without_the_entry_class() -> None:
    db = catalog().get("oop/in-memory-db")
    assert uses_query_form(db, "def solution(queries):\n    return []\n")
    assert not uses_query_form(db, "class InMemoryDB:\n    pass\n\ndef solution(q):\n    return []\n")
    assert not uses_query_form(db, "def solve(queries):\n    return []\n")
    assert uses_query_form(db, "def simulate_coding_framework(list_of_lists):\n    return []\n") == (
        "simulate_coding_framework")
    assert precheck(db, "def solution(queries):\n    return []\n") is None
    assert "nor a function solution(queries)" in (precheck(db, "def solve(q):\n    return []\n") or "")


def _judge_cli(problem_id: str, source: str, tmp_path: Path, *extra: str) -> tuple[int, dict]:
    f = tmp_path / "solution.py"
    f.write_text(source)
    proc = subprocess.run([*ROUNDS, "judge", problem_id, str(f), "--json", *extra], capture_output=True,
                          text=True, timeout=120)
    return proc.returncode, json.loads(proc.stdout)


def test_a_bank_problem_accepts_a_query_style_solution(tmp_path: Path) -> None:
    code, report = _judge_cli("oop/in-memory-db", QUERY_DB, tmp_path)
    assert code == 0, [t["message"] for t in report["tests"] if t["verdict"] != "AC"]
    assert report["highest_level_passed"] == 4
    first = report["tests"][0]
    assert first["test"]["queries"][0] == "['SET', 'user:1', 'name', 'Ada']"


def test_the_query_function_may_be_called_simulate_coding_framework(tmp_path: Path) -> None:
    renamed = QUERY_DB.replace("def solution(queries):", "def simulate_coding_framework(queries):")
    code, report = _judge_cli("oop/in-memory-db", renamed, tmp_path, "--level", "2")
    assert code == 0, [t["message"] for t in report["tests"] if t["verdict"] != "AC"]


def test_a_wrong_query_solution_gets_the_failing_step(tmp_path: Path) -> None:
    closed = QUERY_DB.replace("t < entry[1]", "t <= entry[1]")  # the TTL window taken as closed
    code, report = _judge_cli("oop/in-memory-db", closed, tmp_path, "--feedback", "open")
    assert code == 1
    bad = next(t for t in report["tests"] if t["verdict"] != "AC")
    assert bad["level"] == 3 and bad["verdict"] == "WA"
    assert "['SCAN_AT', 's', '15'] returned 'token(t1), user(ada)', which is wrong" in bad["message"]
    last = bad["steps"][-1]
    assert (last["expected"], last["actual"], last["ok"]) == ("'user(ada)'", "'token(t1), user(ada)'", False)


def test_generated_streams_shrink_in_the_query_form(settings: Settings) -> None:
    never_deletes = QUERY_DB.replace('out.append("true" if ok else "false")', 'out.append("false")')
    report = get_judge(settings).judge(catalog().get("oop/in-memory-db"), never_deletes, level=1, seed=3)
    shrunk = [t for t in report.tests if "shortest failing sequence" in t.message]
    assert shrunk, [t.message for t in report.tests]
    t = shrunk[0]
    assert t.verdict is Verdict.WA and t.steps is not None
    assert len(t.steps) <= 4 and t.steps[-1]["call"].startswith("['DELETE'")


def test_answers_must_be_strings_one_per_query(settings: Settings) -> None:
    db = catalog().get("oop/in-memory-db")
    judge = get_judge(settings)
    none = judge.judge(db, "def solution(queries):\n    return [None for q in queries]\n", level=1, suite="examples")
    assert none.tests[0].verdict is Verdict.WA
    assert "answered NoneType None; every answer is a string" in none.tests[0].message
    short = judge.judge(db, "def solution(queries):\n    return ['']\n", level=1, suite="examples")
    assert "solution() returned 1 answers for 7 queries" in short.tests[0].message


TOY = {
    "problem.toml": """
        id = "oop/toy-counter"
        title = "Toy counter"
        track = "oop"
        difficulty = "easy"
        tags = ["test"]
        grader = "opstream"
        entry = "Counter"

        [limits]
        cpu_ms = 1000
    """,
    "statement.md": "Count.\n\n## Contract\n\n- `add(n: int) -> int`; `take(n: int) -> int` raises ValueError below 0.\n",
    "starter.py": "class Counter:\n    pass\n",
    "reference.py": """
        class Counter:
            def __init__(self, start=0):
                self.n = start

            def add(self, k):
                self.n += k
                return self.n

            def take(self, k):
                if k > self.n:
                    raise ValueError("below zero")
                self.n -= k
                return self.n
    """,
    "tests.py": """
        from rounds.testkit import Ops, Threads, op


        def hidden(level, rng):
            return [
                Ops([op("add", 2), op("add", 3)], name="plain"),
                Ops([op("add", 2)], init=(5,), name="with a start"),
                Ops([op("add", 1), op("take", 4)], name="must raise"),
                Threads([[op("add", 1)] * 5, [op("add", 1)] * 5], final=[op("add", 0)], name="threads"),
            ]
    """,
}


@pytest.fixture
def toy_counter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = tmp_path / "bank" / "oop" / "toy-counter"
    for name, text in TOY.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text).lstrip())
    monkeypatch.setenv("ROUNDS_BANK_PATH", str(tmp_path / "bank"))
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    return "oop/toy-counter"


def test_tests_without_a_query_form_say_why(settings: Settings, toy_counter: str) -> None:
    problem = catalog().get(toy_counter)
    source = ("def solution(queries):\n    n, out = 0, []\n    for q in queries:\n"
              "        n += int(q[1]) if q[0] == 'ADD' else -int(q[1])\n        out.append(str(n))\n    return out\n")
    judge = get_judge(settings)
    report = judge.judge(problem, source, level=1)
    assert [t.name for t in report.tests] == ["plain", "with a start"]  # a CE ends the level
    assert report.tests[0].verdict is Verdict.AC
    ctx = Context(problem=problem, source=source, pool=judge.pool)
    try:
        got = {case.name: grade_query_case(case, ctx, name=case.name, level=1, visible=False)
               for case in problem.hidden(1, 0)}
    finally:
        ctx.close()
    assert got["plain"].verdict is Verdict.AC
    assert "creates Counter(5); the query form has no constructor arguments" in got["with a start"].message
    assert "step 2: ['TAKE', '4'] must raise ValueError, which has no query form" in got["must raise"].message
    assert "runs 2 threads on one Counter" in got["threads"].message
    assert all(got[n].verdict is Verdict.CE and "write the class Counter" in got[n].message
               for n in ("with a start", "must raise", "threads"))
