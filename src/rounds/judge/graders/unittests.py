"""Imported tasks: one level's unittest file, run inside the sandbox next to the user's module.

An imported task (``rounds import icf``) has no reference solution: its tests are the task's own
``tests/level_N_tests.py`` files, visible by nature. The harness writes the task's files and the
user's ``*_impl.py`` into a private folder of the sandbox's ``/tmp``, runs one level file with
``unittest`` and returns per-test rows (name, status, message, CPU ms) as plain data; this module
turns each row into a :class:`TestResult`: AC, WA for a failed assertion, RE for an error.

When the whole file is stopped (a test loops, crashes the process or exhausts memory), every test
is run again on its own, so each gets its own verdict.

The tests run in the same process as the user's code, so, like any local unittest run, they trust
it: imported tasks are for practice, not for ranking people.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rounds.content.package import PackageError, Problem
from rounds.domain.verdict import TestResult, Verdict
from rounds.judge.graders.base import Context, base_result

TASK_DIR = "task"  # the imported files inside the package folder
MAX_FILE_CPU_MS = 20_000
MAX_RERUNS = 60


# Task test files decorate tests with ``@timeout(0.4)`` from the timeout_decorator package, which
# the sandbox does not have. This stand-in is sent with every run unless the task brings its own:
# it limits a test's CPU time (the judge measures CPU, so a busy machine does not fail tests) and
# raises an AssertionError subclass, as the package does; the host reports it as TLE.
TIMEOUT_MODULE = "timeout_decorator.py"
TIMEOUT_MARK = "TimeoutError: Timed Out"
TIMEOUT_SOURCE = '''"""Stand-in for the timeout_decorator package: @timeout(seconds) limits a test's CPU time."""
import functools
import signal


class TimeoutError(AssertionError):
    """A test ran past its own time limit."""


def timeout(seconds=None, use_signals=True, timeout_exception=None, exception_message=None):
    def decorate(fn):
        if not seconds:
            return fn

        @functools.wraps(fn)
        def limited(*args, **kwargs):
            def expire(signum, frame):
                raise (timeout_exception or TimeoutError)(
                    exception_message or f"Timed Out: over the test's limit of {seconds} s of CPU")

            old = signal.signal(signal.SIGPROF, expire)
            signal.setitimer(signal.ITIMER_PROF, seconds)
            try:
                return fn(*args, **kwargs)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, old)

        return limited

    return decorate
'''


@dataclass
class UnitTestFile:
    """One level's unittest file of an imported task."""

    level: int
    path: str  # relative to the package's task folder, e.g. "tests/level_1_tests.py"
    tests: list[str] = field(default_factory=list)  # "Class.test_method", in unittest's order
    name: str = ""
    note: str = ""


def test_names(source: str) -> list[str]:
    """``Class.method`` for every test method of every class in a unittest file, sorted as unittest runs them."""
    tree = ast.parse(source)
    out = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            methods = sorted(f.name for f in node.body
                             if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) and f.name.startswith("test"))
            out += [f"{node.name}.{m}" for m in methods]
    return out


def spec(problem: Problem) -> dict[str, Any]:
    """The ``[unittest]`` table of problem.toml: impl, files (sent with every run) and levels."""
    table = problem.meta.get("unittest")
    if not isinstance(table, dict) or not isinstance(table.get("impl"), str) or not table.get("levels"):
        raise PackageError(f"{problem.id}: a unittest problem needs [unittest] with impl and levels")
    return table


def unittest_cases(problem: Problem, level: int) -> list[UnitTestFile]:
    """The level's test file as a case (every suite runs the same, visible, file)."""
    table = spec(problem)
    rel = str(table["levels"][level - 1])
    text = (problem.root / TASK_DIR / rel).read_text(encoding="utf-8")
    names = test_names(text)
    shown = ", ".join(n.split(".", 1)[1] for n in names[:12]) + (", ..." if len(names) > 12 else "")
    note = f"{len(names)} tests in {rel}: {shown}" if names else f"{rel} defines no test methods"
    return [UnitTestFile(level=level, path=rel, tests=names, name=rel, note=note)]


def _files(problem: Problem, level_file: str) -> dict[str, str]:
    table = spec(problem)
    root = problem.root / TASK_DIR
    rels = [str(f) for f in table.get("files", [])] + [level_file]
    files = {rel: (root / rel).read_text(encoding="utf-8") for rel in rels}
    files.setdefault(TIMEOUT_MODULE, TIMEOUT_SOURCE)
    return files


def _task(problem: Problem, case: UnitTestFile, only: list[str] | None = None) -> dict[str, Any]:
    table = spec(problem)
    return {"kind": "unittest", "entry": problem.entry, "files": _files(problem, case.path),
            "impl": str(table["impl"]), "test_file": case.path, "only": only or []}


def _short_name(row: dict[str, Any], classes: set[str]) -> str:
    return f"{row['class']}.{row['name']}" if len(classes) > 1 else str(row["name"])


def _from_rows(rows: list[dict[str, Any]], case: UnitTestFile, ctx: Context, per_test_ms: int) -> list[TestResult]:
    classes = {str(r["class"]) for r in rows}
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:  # a test with failing subtests has one row per failure: keep the first
        key = f"{row['class']}.{row['name']}"
        if key not in merged or (merged[key]["status"] in ("pass", "skip") and row["status"] not in ("pass", "skip")):
            merged[key] = row
    out = []
    for row in merged.values():
        t = TestResult(name=_short_name(row, classes), level=case.level, verdict=Verdict.AC, visible=True,
                       cpu_ms=round(float(row.get("cpu_ms", 0.0)), 2), cpu_limit_ms=per_test_ms,
                       output=str(row.get("output", "")), test={"file": case.path, "test": f"{row['class']}.{row['name']}"})
        status, message = row["status"], _located(str(row.get("message", "")), case.path)
        if status == "fail" and TIMEOUT_MARK in message.split("\n", 1)[0]:
            t.verdict, t.message = Verdict.TLE, message
        elif status == "fail":
            t.verdict, t.message = Verdict.WA, message
        elif status == "error":
            t.verdict, t.message = Verdict.RE, f"raised {message}"
        elif status == "skip":
            t.message = f"skipped by the test file: {message}"
        elif t.cpu_ms > per_test_ms:
            t.verdict, t.message = Verdict.TLE, f"took {t.cpu_ms:.0f} ms of CPU; the limit per test is {per_test_ms} ms"
        out.append(t)
    return out


def _located(message: str, path: str) -> str:
    """Name the test file by its path in the task ("tests/level_1_tests.py line 12")."""
    return message.replace(f"({Path(path).name} line", f"({path} line")


def _file_result(case: UnitTestFile, verdict: Verdict, message: str, raw: Any = None) -> TestResult:
    t = base_result(case.path, case.level, raw, True)
    t.verdict, t.message = verdict, message
    t.test = {"file": case.path}
    return t


def _header_problem(case: UnitTestFile, header: dict[str, Any], impl: str) -> tuple[Verdict, str] | None:
    """A verdict for a run that stopped before the tests ran (the test file failed to import)."""
    if header.get("status") != "tests_error":
        return None
    msg = str(header.get("message", ""))
    where = _located(f" ({header['where']})", case.path) if header.get("where") else ""
    impl_mod = Path(impl).stem
    if f"from '{impl_mod}'" in msg or (header.get("where") or "").startswith(impl):
        return Verdict.CE, f"{case.path} cannot import what it needs from your {impl}{where}: {msg}"
    return Verdict.IE, (f"{case.path} fails to import{where}: {msg}. The task's test file is broken, not your "
                        "code: fix it in the task folder and import the task again")


def grade_unittests(case: UnitTestFile, ctx: Context) -> list[TestResult]:
    """Run one level file; one TestResult per test method."""
    problem = ctx.problem
    impl = str(spec(problem)["impl"])
    per_test = problem.limits.cpu_ms
    if not case.tests:
        return [_file_result(case, Verdict.IE, f"{case.path} defines no test methods (test_... in a TestCase class)")]
    limits = ctx.limits(min(per_test * len(case.tests), MAX_FILE_CPU_MS))
    raw, cl = ctx.run(_task(problem, case), [], limits)
    stopped = _header_problem(case, cl.header, impl)
    if stopped is not None:
        return [_file_result(case, *stopped, raw=raw)]
    if cl.verdict is None:
        results = _from_rows(list(cl.header.get("tests", [])), case, ctx, per_test)
        return results or [_file_result(case, Verdict.IE, f"{case.path} ran no tests")]
    if cl.header.get("status") in ("compile_error", "import_error", "exception", "missing_entry"):
        where = f" ({cl.header['where']})" if cl.header.get("where") else ""
        msg = (f"your {impl} does not compile{where}: {cl.header.get('message', '')}"
               if cl.header.get("status") == "compile_error" else f"importing your {impl} failed{where}: "
               f"{cl.header.get('message', '')}")
        return [_file_result(case, Verdict.CE, msg, raw)]
    # The run as a whole was stopped (time, memory, a crash): run each test alone for its own verdict.
    out = []
    for name in case.tests[:MAX_RERUNS]:
        raw1, cl1 = ctx.run(_task(problem, case, only=[name]), [], ctx.limits(per_test))
        if cl1.verdict is None:
            out += _from_rows(list(cl1.header.get("tests", [])), case, ctx, per_test)
            continue
        t = base_result(name if len({n.split(".")[0] for n in case.tests}) > 1 else name.split(".", 1)[1],
                        case.level, raw1, True)
        t.verdict, t.message, t.cpu_limit_ms = cl1.verdict, cl1.message, per_test
        t.test = {"file": case.path, "test": name}
        out.append(t)
    return out
