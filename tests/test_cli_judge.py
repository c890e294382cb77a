"""`rounds judge`, `rounds validate`, `rounds doctor` and `rounds list`, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rounds.content.package import load_problem
from rounds.content.validate import validate_problem
from rounds.domain import verdict as v

ROOT = Path(__file__).parent
FIXTURE_BANK = ROOT / "judge_cases" / "_bank"
RUNDS = [sys.executable, "-m", "rounds.cli.app"]


def rounds(*args: str, tmp_path: Path, bank: Path | None = FIXTURE_BANK) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ROUNDS_DATA_DIR=str(tmp_path / "data"), ROUNDS_WORKERS="1", COLUMNS="200")
    if bank:
        env["ROUNDS_BANK_PATH"] = str(bank)
    return subprocess.run([*RUNDS, *args], capture_output=True, text=True, env=env, timeout=300)


def write(tmp_path: Path, src: str) -> str:
    p = tmp_path / "solution.py"
    p.write_text(src)
    return str(p)


def test_judge_accepts_with_exit_0_and_a_json_report(tmp_path):
    r = rounds("judge", "algo/double", write(tmp_path, "def solve(x):\n    return x * 2\n"), "--json", tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 1, "one report is one line"
    rep = json.loads(r.stdout)
    assert rep["version"] == 3 and rep["problem_id"] == "algo/double"
    assert rep["status"] == "pass" and rep["verdict"] == "AC"
    assert rep["highest_level_passed"] == 1
    assert rep["score"] == 600, "the score the web app would show"
    t = rep["tests"][0]
    assert {"name", "status", "verdict", "cpu_ms", "message", "task_id"} <= set(t)
    assert t["task_id"] == 1


def test_judge_rejects_with_exit_1_and_says_why(tmp_path):
    r = rounds("judge", "algo/double", write(tmp_path, "def solve(x):\n    return x + 1\n"), "--json", tmp_path=tmp_path)
    assert r.returncode == 1
    rep = json.loads(r.stdout)
    assert rep["verdict"] == "WA" and rep["status"] == "fail"
    failing = [t for t in rep["tests"] if t["verdict"] == "WA"]
    assert failing and failing[0]["message"]
    visible = [t for t in failing if t["visible"]]
    hidden = [t for t in failing if not t["visible"]]
    assert visible and visible[0]["test"]["call"] == "solve(2)" and visible[0]["expected"] == "4"
    assert hidden and all(t["expected"] is None and t["test"] is None for t in hidden), \
        "standard feedback hides the hidden tests and their expected values"


def named(tmp_path: Path, name: str, src: str) -> str:
    p = tmp_path / name
    p.write_text(src)
    return str(p)


GOOD = "def solve(x):\n    return 2 * x\n"
WRONG = "def solve(x):\n    return 2 * x + (x == 3)\n"


def test_judge_several_files_one_json_line_each_in_order_and_the_worst_exit_status(tmp_path):
    files = [named(tmp_path, "a.py", GOOD), named(tmp_path, "b.py", WRONG), str(tmp_path / "missing.py"),
             named(tmp_path, "d.py", GOOD)]
    r = rounds("judge", "algo/double", *files, "--json", tmp_path=tmp_path)
    assert r.returncode == 2, "an unreadable file is the worst: exit 2"
    lines = r.stdout.splitlines()
    assert len(lines) == 4, r.stdout
    reps = [json.loads(line) for line in lines]
    assert [rep["file"] for rep in reps] == files
    assert [rep["verdict"] for rep in reps] == ["AC", "WA", None, "AC"]
    assert [rep["status"] for rep in reps] == ["pass", "fail", "error", "pass"]
    assert reps[0]["score"] == reps[3]["score"] == 600 and 200 <= reps[1]["score"] < 600
    assert "cannot read" in reps[2]["message"] and "cannot read" in r.stderr
    same = set(reps[0]) - {"file"}
    assert all(set(rep) - {"file"} == same for rep in reps), "every line has the report's keys"
    r = rounds("judge", "algo/double", files[0], files[1], "--json", tmp_path=tmp_path)
    assert r.returncode == 1, "rejected, nothing worse: exit 1"


LEAKY = """import builtins, os, sys
import numpy

builtins.LEAKED = True
os.environ["LEAKED"] = "1"
numpy.LEAKED = True
sys.modules["leaked_module"] = sys
with open("/tmp/leaked", "w") as f:
    f.write("x")


def solve(x):
    return 2 * x
"""

PROBE = """import builtins, os, sys
import numpy


def solve(x):
    traces = [hasattr(builtins, "LEAKED"), "LEAKED" in os.environ, hasattr(numpy, "LEAKED"),
              "leaked_module" in sys.modules, os.path.exists("/tmp/leaked")]
    return -1 if any(traces) else 2 * x
"""


def test_judge_several_files_on_one_warm_slot_leaks_nothing_between_them(tmp_path):
    # One worker: both submissions are judged by the same warm slot, one after the other.
    files = [named(tmp_path, "leaky.py", LEAKY), named(tmp_path, "probe.py", PROBE), named(tmp_path, "wrong.py", WRONG)]
    r = rounds("judge", "algo/double", *files, tmp_path=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    out = r.stdout
    assert [out.index(f) for f in files] == sorted(out.index(f) for f in files), "a heading per file, in order"
    assert "3 files: 2 accepted, 1 rejected" in " ".join(out.split())
    probe_part = out[out.index(files[1]):out.index(files[2])]
    assert "AC" in probe_part and "WA" not in probe_part, probe_part


def test_a_level_that_did_not_run_has_no_verdict_in_json():
    rep = v.Report("oop/x", [v.LevelResult(1, [v.TestResult("1.1", 1, v.Verdict.WA, "wrong")]),
                             v.LevelResult(2, ran=False)])
    levels = rep.to_json()["levels"]
    assert levels[0]["verdict"] == "WA" and levels[1]["verdict"] is None and levels[1]["ran"] is False


def test_judge_open_feedback_shows_expected(tmp_path):
    r = rounds("judge", "algo/double", write(tmp_path, "def solve(x):\n    return 0\n"), "--json",
               "--feedback", "open", tmp_path=tmp_path)
    rep = json.loads(r.stdout)
    hidden = [t for t in rep["tests"] if not t["visible"]]
    assert hidden[0]["expected"] == "6"


@pytest.mark.parametrize("args, needle", [
    (["judge", "algo/nope", "SOL"], "no problem with id 'algo/nope'"),
    (["judge", "algo/double", "missing.py"], "cannot read"),
    (["judge", "algo/double", "SOL", "--level", "3"], "levels 1..1"),
    (["judge", "algo/double", "SOL", "--feedback", "loud"], "--feedback must be one of"),
    (["judge", "algo/double", "SOL", "--bogus"], "No such option"),
])
def test_usage_errors_exit_2_with_a_specific_message(tmp_path, args, needle):
    sol = write(tmp_path, "def solve(x):\n    return 2 * x\n")
    r = rounds(*[sol if a == "SOL" else a for a in args], tmp_path=tmp_path)
    assert r.returncode == 2
    assert needle in r.stderr + r.stdout


def test_compile_error_is_a_rejection_not_a_crash(tmp_path):
    r = rounds("judge", "algo/double", write(tmp_path, "def solve(x)\n    return 1\n"), tmp_path=tmp_path)
    assert r.returncode == 1
    assert "CE" in r.stdout and "syntax error at line 1" in r.stdout


def test_validate_passes_the_fixture_and_names_a_broken_package(tmp_path):
    r = rounds("validate", "algo/double", tmp_path=tmp_path)
    assert r.returncode == 0, r.stdout
    bank = tmp_path / "bank" / "algo" / "broken"
    bank.mkdir(parents=True)
    for f in ("problem.toml", "statement.md", "starter.py", "reference.py", "tests.py", "editorial.md"):
        (bank / f).write_text((FIXTURE_BANK / "algo" / "double" / f).read_text().replace("algo/double", "algo/broken"))
    (bank / "mutants").mkdir()
    for i in range(5):
        (bank / "mutants" / f"m{i}.py").write_text("def solve(x):\n    return 2 * x + (x == 2)\n")
    # The reference disagrees with the stated example (solve(2) == 4), and the mutants equal it.
    (bank / "reference.py").write_text("def solve(x):\n    return 2 * x + (x == 2)\n")
    r = rounds("validate", "algo/broken", tmp_path=tmp_path, bank=tmp_path / "bank")
    assert r.returncode == 1
    assert "example 1.1: the stated answer disagrees with the reference" in r.stdout
    assert "mutant m0.py passes every hidden test" in r.stdout


def test_list_filters_and_json(tmp_path):
    r = rounds("list", "--json", "--track", "algo", "--search", "double", tmp_path=tmp_path)
    assert r.returncode == 0
    rows = json.loads(r.stdout)
    assert [row["id"] for row in rows] == ["algo/double"]
    assert rounds("list", "--track", "nope", "--json", tmp_path=tmp_path).stdout.strip() == "[]"


def test_doctor_proves_the_sandbox_holds(tmp_path):
    r = rounds("doctor", tmp_path=tmp_path)
    assert r.returncode == 0, r.stdout
    for check in ("no network", "read-only system", "problem bank hidden", "seccomp filter",
                  "process limit", "memory limit", "CPU limit"):
        assert check in r.stdout
    assert "FAILS" not in r.stdout


DOUBLE = FIXTURE_BANK / "algo" / "double"


def _copy(tmp_path: Path, reference: str) -> Path:
    bank = tmp_path / "bank"
    pkg = bank / "algo" / "slow"
    (pkg / "mutants").mkdir(parents=True)
    for f in ("problem.toml", "statement.md", "starter.py", "tests.py", "editorial.md"):
        (pkg / f).write_text((DOUBLE / f).read_text().replace("algo/double", "algo/slow"))
    for m in (DOUBLE / "mutants").iterdir():
        (pkg / "mutants" / m.name).write_text(m.read_text())
    (pkg / "reference.py").write_text(reference)
    return bank


def test_a_reference_that_uses_half_the_limit_every_time_fails_validation(tmp_path):
    # CPU burnt by the clock, not by a loop count: the same share of the limit on any machine.
    ref = ("import time\n\n\ndef solve(x):\n    if x > 10**20:\n        t = time.process_time()\n"
           "        while time.process_time() - t < 0.5:\n            pass\n    return 2 * x\n")
    bank = _copy(tmp_path, ref)
    r = rounds("validate", "algo/slow", tmp_path=tmp_path, bank=bank)
    assert r.returncode == 1, r.stdout
    assert "of the 1000 ms limit on test 1.3" in r.stdout
    assert "(least of 3 runs): not well inside" in r.stdout


class _Judge:
    """Times the reference as a busy machine would: the first run of each seed is slow, the next fast."""

    def __init__(self, slow_ms: float) -> None:
        self.slow_ms = slow_ms
        self.runs: dict[tuple[int, str], int] = {}

    def judge(self, problem, source, *, level=1, seed=0, suite="hidden", fail_fast=False, **_):  # type: ignore[no-untyped-def]
        if source != problem.reference_source:
            return v.Report(problem.id, [v.LevelResult(1, [v.TestResult("1.1", 1, v.Verdict.WA, "wrong")])])
        n = self.runs[(seed, suite)] = self.runs.get((seed, suite), 0) + 1
        cpu = self.slow_ms if n == 1 else 5.0
        return v.Report(problem.id, [v.LevelResult(1, [v.TestResult("1.1", 1, v.Verdict.AC, cpu_ms=cpu, cpu_limit_ms=1000),
                                                   v.TestResult("1.2", 1, v.Verdict.AC, cpu_ms=4.0, cpu_limit_ms=1000)])])


def test_one_slow_run_is_timed_again_before_it_fails_a_package():
    p = load_problem(DOUBLE)
    judge = _Judge(slow_ms=600)
    res = validate_problem(p, judge)  # type: ignore[arg-type]
    assert res.ok, res.failures
    assert judge.runs[(0, "hidden")] == 2  # timed again once, then well inside
    assert "reference peak CPU 0% of the limit (1.1)" in res.notes


def test_judge_names_the_file_and_the_classes_it_found(tmp_path):
    """A file without the entry class is named as the user named it, with the classes it defines."""
    from typer.testing import CliRunner

    from rounds.cli.app import app

    f = tmp_path / "my_db.py"
    f.write_text("class Database:\n    pass\n\nclass Helper:\n    pass\n")
    result = CliRunner().invoke(app, ["judge", "oop/in-memory-db", str(f), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output.splitlines()[0])
    assert report["verdict"] == "CE"
    assert f"{f} defines no class named InMemoryDB" in report["message"]
    assert "Database, Helper" in report["message"]
