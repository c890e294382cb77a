"""Codebases: a whole repository graded in phases, each reported on its own.

1. visible: the repository's own ``tests/**/test_*.py`` files;
2. hidden: the package's ``hidden/test_*.py`` files of the intended behaviour, added to the
   repository only for the run that needs them, under a name drawn afresh for every run;
3. benchmark: ``bench.py`` builds hidden inputs and calls the core function, inside the sandbox;
   the host measures the CPU of the run from outside, less the CPU of a run that only builds the
   inputs, and places it against the reference's figure measured the same way: optimal, good or
   naive, with the thresholds in milliseconds;
4. explanation: ``EXPLANATION.md`` of the repository, kept with the attempt (the submission is the
   repository), its length reported; it is compared with the editorial after the attempt.

Every test file runs as a task of kind ``unittest`` (the harness of imported tasks): the
repository's files travel in the task and are written into a private folder of the sandbox's
``/tmp``; each file runs in a fresh test process. A file whose tests are all unittest.TestCase
methods runs under unittest; any other (module-level ``test_`` functions, plain ``Test`` classes,
pytest's marks, fixtures or helpers) runs under pytest in that process, with the same rows. The
tests run in the same process as the repository's code, as in any local test run.
"""

from __future__ import annotations

import ast
import re
import secrets
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rounds.content import codebase as cb
from rounds.content.package import Problem
from rounds.domain.verdict import LevelResult, Report, TestResult, Verdict
from rounds.judge.graders.base import Context, HarnessLost
from rounds.judge.graders.unittests import (
    MAX_FILE_CPU_MS,
    TIMEOUT_MARK,
    TIMEOUT_MODULE,
    TIMEOUT_SOURCE,
    test_names,
)

if TYPE_CHECKING:
    from rounds.judge.engine import Judge

SUBMISSION_IMPL = "_rounds_submission.py"  # the harness imports one module before the tests: a stub
SUBMISSION_SOURCE = '"""The submitted repository: its files travel in every task."""\n'
MAX_RERUNS = 40
BENCH_REPEAT = 3  # turns of the benchmark (the reference's, then the user's); medians count
MIN_MARGIN_MS = 25.0  # the optimal threshold never comes closer to the reference's figure than this

OnResult = Callable[[TestResult], None]

BENCH_WRAPPER = '''import random as _rounds_random
import unittest as _rounds_unittest

{bench}


class RoundsBench(_rounds_unittest.TestCase):
    def test_setup(self):
        build(_rounds_random.Random({seed}))
        self.skipTest("setup")

    def test_run(self):
        result = run(build(_rounds_random.Random({seed})))
        self.skipTest("digest " + str(digest(result)))
'''


PYTEST_START_MS = 500  # pytest's own start in a test process (its options, collection), allowed on top


@dataclass
class FileTests:
    """What a test file holds, read without running it."""

    pytest: bool  # runs under pytest (anything but unittest.TestCase methods only)
    tests: list[str]  # "Class.method" or "function", as the rows name them
    count: int  # tests with each literal parametrize expanded (a file's CPU limit, the count of tests)


def _base_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """How many tests a function is: the product of its literal ``parametrize`` lists' lengths."""
    n = 1
    for d in fn.decorator_list:
        if (isinstance(d, ast.Call) and _base_name(d.func) == "parametrize" and len(d.args) >= 2
                and isinstance(d.args[1], ast.List | ast.Tuple)):
            n *= max(len(d.args[1].elts), 1)
    return n


def read_tests(source: str) -> FileTests:
    """Read a test file (SyntaxError when it does not parse): unittest-only, or pytest-style."""
    tree = ast.parse(source)
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}

    def testcase(cls: ast.ClassDef, seen: frozenset[str] = frozenset()) -> bool:
        for b in cls.bases:
            name = _base_name(b)
            if name.endswith("TestCase") or (name in classes and name not in seen
                                              and testcase(classes[name], seen | {cls.name})):
                return True
        return False

    uses_pytest = any(isinstance(n, ast.Import) and any(a.name.split(".")[0] in ("pytest", "_pytest") for a in n.names)
                      or isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in ("pytest", "_pytest")
                      for n in ast.walk(tree))
    tests: list[str] = []
    count = 0
    plain = False  # a test unittest would not see
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            tests.append(node.name)
            count += _params(node)
            plain = True
        elif isinstance(node, ast.ClassDef):
            methods = sorted((f for f in node.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
                              and f.name.startswith("test")), key=lambda f: f.name)
            is_case = testcase(node)
            if not methods or not (is_case or node.name.startswith("Test")):
                continue
            plain = plain or not is_case
            tests += [f"{node.name}.{f.name}" for f in methods]
            count += sum(_params(f) for f in methods)
    return FileTests(pytest=uses_pytest or plain, tests=tests, count=count)


def _count_tests(source: str) -> int:
    """The tests of a file as its runner counts them (unittest-only files: its TestCase methods)."""
    try:
        tf = read_tests(source)
    except SyntaxError:
        return 0
    return tf.count if tf.pytest else len(test_names(source))


def visible_test_files(repo: cb.Repo) -> list[str]:
    """The repository's own test files: ``tests/**/test_*.py``."""
    return sorted(p for p in repo if p.startswith("tests/") and p.rsplit("/", 1)[-1].startswith("test_")
                  and p.endswith(".py"))


def grade_codebase(judge: Judge, problem: Problem, code: str, *, suite: str = "hidden", seed: int = 0,
                   on_result: OnResult | None = None, repo: cb.Repo | None = None,
                   benchmark: bool = True) -> Report:
    """Grade a repository (an attempt's code, :func:`rounds.content.codebase.encode`) phase by phase.

    ``suite="examples"`` (``rounds test``) runs the visible tests only; any other suite runs every
    phase (``benchmark=False`` leaves the benchmark out: the gate, for mutants the tests reject).
    """
    report = Report(problem_id=problem.id, sandbox=judge.sandbox, seed=seed)
    try:
        files = cb.check_repo(dict(repo)) if repo is not None else cb.decode(code)
    except cb.RepoError as exc:
        t = TestResult(name="repository", level=1, verdict=Verdict.CE, message=str(exc), visible=True)
        report.levels.append(LevelResult(1, [t]))
        report.message = str(exc)
        report.phases = [{"phase": "repository", "status": "refused", "summary": str(exc)}]
        if on_result:
            on_result(t)
        return report
    tests: list[TestResult] = []

    def add(out: list[TestResult]) -> list[TestResult]:
        for t in out:
            tests.append(t)
            if on_result:
                on_result(t)
        return out

    phases: list[dict[str, Any]] = []
    with judge._context(problem, SUBMISSION_SOURCE) as ctx:
        visible: list[TestResult] = []
        rels = visible_test_files(files)
        for rel in rels:
            visible += add(_run_file(ctx, files, rel, name=rel, visible=True))
        if not rels:
            visible += add([_result(ctx, "tests", Verdict.WA, "the repository has no test files (tests/test_*.py)",
                                    visible=True)])
        phases.append(_tests_phase("visible", "visible tests", visible))
        dropped = _tests_dropped(problem, files)
        if dropped:  # deleting a failing test is no fix: say so next to the count
            phases[-1]["summary"] += f" ({dropped} test(s) fewer than the starting repository has)"
            phases[-1]["dropped"] = dropped
        if suite != "examples":
            hidden: list[TestResult] = []
            for name, text in cb.hidden_tests(problem).items():
                rel = f"_hidden_{secrets.token_hex(6)}/{name.removesuffix('.py')}_{secrets.token_hex(4)}.py"
                hidden += add(_run_file(ctx, {**files, rel: text}, rel, name=f"hidden {name.removesuffix('.py')}",
                                        visible=False, source=text))
            phases.append(_tests_phase("hidden", "hidden tests", hidden))
            if benchmark:
                bench_test, bench_phase = _benchmark(ctx, problem, files, seed)
                add([bench_test])
                phases.append(bench_phase)
            phases.append(explanation_phase(problem, files))
    report.levels.append(LevelResult(1, tests))
    report.phases = phases
    failed = [p["title"] for p in phases if p.get("status") in ("fail", "naive", "good")]
    report.message = (f"not there yet: {', '.join(failed)}" if failed else
                      "every phase passes" if suite != "examples" else "the visible tests pass")
    return report


def outcome(report: Report) -> str:
    """Where a graded repository stands: the first phase it fails (``visible``, ``hidden``,
    ``benchmark``), the benchmark tier (``tier naive``, ``tier good``), or ``optimal``."""
    by = {p["phase"]: p for p in (report.phases or [])}
    if "repository" in by:
        return "repository"
    for phase in ("visible", "hidden"):
        if by.get(phase, {}).get("status") != "pass":
            return phase
    b = by.get("benchmark", {})
    if b.get("status") in ("naive", "good"):
        return f"tier {b['status']}"
    return "optimal" if b.get("status") == "optimal" else "benchmark"


def _tests_phase(phase: str, title: str, results: list[TestResult]) -> dict[str, Any]:
    passed = sum(t.passed for t in results)
    ok = bool(results) and passed == len(results)
    return {"phase": phase, "title": title, "status": "pass" if ok else "fail", "passed": passed,
            "total": len(results), "summary": f"{passed} of {len(results)} pass"}


def _tests_dropped(problem: Problem, files: cb.Repo) -> int:
    """How many test methods the starting repository's visible tests have beyond this repository's."""
    def count(repo: cb.Repo) -> int:
        return sum(_count_tests(repo[rel]) for rel in visible_test_files(repo))

    return max(count(cb.starting_repo(problem)) - count(files), 0)


def explanation_phase(problem: Problem, files: cb.Repo) -> dict[str, Any]:
    """How much the user wrote in EXPLANATION.md beyond the template the repository starts with."""
    template = set(cb.starting_repo(problem).get(cb.EXPLANATION, "").splitlines())
    mine = [line for line in files.get(cb.EXPLANATION, "").splitlines() if line not in template]
    words = len(re.findall(r"\w+", "\n".join(mine)))
    if words:
        summary = f"{words} words written, kept with the attempt; compare them with the editorial afterwards"
    else:
        summary = f"not written yet: {cb.EXPLANATION} says why each failing test failed and what the metric is"
    return {"phase": "explanation", "title": "explanation", "status": "written" if words else "missing",
            "words": words, "summary": summary}


# Running one test file.

def _task(files: cb.Repo, rel: str, only: list[str] | None = None, *, pytest: bool = False,
          visible: bool = True, collect: bool = False) -> dict[str, Any]:
    sent = dict(files)
    sent.setdefault(TIMEOUT_MODULE, TIMEOUT_SOURCE)
    task: dict[str, Any] = {"kind": "unittest", "entry": "", "files": sent, "impl": SUBMISSION_IMPL,
                            "test_file": rel, "only": only or []}
    if pytest:  # pytest-style: node ids in ``only``; a hidden file never loads the repository's conftest.py
        task["runner"] = "pytest"
        if not visible:
            task["noconftest"] = True
        if collect:
            task["collect"] = True
    return task


def _result(ctx: Context, name: str, verdict: Verdict, message: str, *, visible: bool,
            detail: str | None = None) -> TestResult:
    t = TestResult(name=name, level=1, verdict=verdict, message=message, visible=visible,
                   cpu_limit_ms=ctx.problem.limits.cpu_ms)
    if detail and not visible:
        t.open_detail = detail
    return t


def _docs(source: str) -> dict[str, str]:
    """``Class.method`` -> the first line of its docstring (what a hidden test checks)."""
    out: dict[str, str] = {}
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return out

    def add(key: str, f: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        doc = ast.get_docstring(f) or f.name.removeprefix("test_").replace("_", " ")
        out[key] = doc.strip().splitlines()[0]

    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for f in node.body:
                if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) and f.name.startswith("test"):
                    add(f"{node.name}.{f.name}", f)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            add(node.name, node)
    return out


def _doc(docs: dict[str, str], key: str, default: str | None = None) -> str:
    """What a test checks; a parametrized test's cases share their function's docstring."""
    return docs.get(key) or docs.get(key.split("[", 1)[0], key if default is None else default)


def _key(nodeid: str) -> str:
    """A pytest node id as the rows name the test: ``tests/t.py::TestX::test_a[1]`` -> ``TestX.test_a[1]``."""
    return ".".join(nodeid.split("::")[1:])


def _run_file(ctx: Context, files: cb.Repo, rel: str, *, name: str, visible: bool,
              source: str | None = None) -> list[TestResult]:
    """One test file; one result per test (per case of a parametrized one). A hidden test's message
    names what it checks (its docstring); the assertion itself is open feedback only."""
    text = files[rel]
    try:
        tf = read_tests(text)
        names = tf.tests if tf.pytest else test_names(text)
    except SyntaxError as exc:
        return [_result(ctx, name, Verdict.CE, f"{rel} does not compile: line {exc.lineno}: {exc.msg}", visible=True)]
    if not names:
        return [_result(ctx, name, Verdict.WA, f"{rel} defines no test methods", visible=visible)]
    docs = _docs(source or text)
    per_test = ctx.problem.limits.cpu_ms
    start = PYTEST_START_MS if tf.pytest else 0
    count = tf.count if tf.pytest else len(names)

    def task(only: list[str] | None = None, collect: bool = False) -> dict[str, Any]:
        return _task(files, rel, only, pytest=tf.pytest, visible=visible, collect=collect)

    try:
        raw, cl = ctx.run(task(), [], ctx.limits(min(per_test * count, MAX_FILE_CPU_MS) + start))
        if cl.verdict is None and cl.header.get("status") == "ok":
            return _rows(ctx, list(cl.header.get("tests", [])), rel, name, visible, docs)
        if cl.header.get("status") == "tests_error":  # the test file's imports failed: the package does not import
            msg = str(cl.header.get("message", ""))
            where = f" ({cl.header['where']})" if cl.header.get("where") else ""
            where = where.replace(f"({rel.rsplit('/', 1)[-1]} line", f"({rel} line")
            what = rel if visible else "a hidden test file"
            fails = str(cl.header.get("what") or "fails to import")
            return [_result(ctx, name, Verdict.RE, f"{what} {fails}{where if visible else ''}: {msg}",
                            visible=visible)]
        if cl.verdict is None:
            return [_result(ctx, name, Verdict.IE, f"unexpected answer from the sandbox: {cl.header.get('status')}",
                            visible=visible)]
        # The run as a whole was stopped: each test alone, for its own verdict. pytest's tests go by
        # node id, as pytest lists them (each case of a parametrized test); by their names when the
        # listing itself is stopped (the file loops as it is imported).
        tests = names
        if tf.pytest:
            tests = [f"{rel}::{n.replace('.', '::')}" for n in names]
            _, listed = ctx.run(task(collect=True), [], ctx.limits(per_test + start))
            if listed.verdict is None and listed.header.get("status") == "ok" and listed.header.get("collected"):
                tests = [str(t) for t in listed.header["collected"]]
        out: list[TestResult] = []
        for test in tests[:MAX_RERUNS]:
            raw1, cl1 = ctx.run(task(only=[test]), [], ctx.limits(per_test + start))
            if cl1.verdict is None and cl1.header.get("status") == "ok":
                out += _rows(ctx, list(cl1.header.get("tests", [])), rel, name, visible, docs)
            else:
                key = _key(test) if tf.pytest else test
                why = cl1.message
                if cl1.verdict is Verdict.TLE and start:  # the test's limit, not the one pytest's start adds to
                    why = why.replace(f"limit of {per_test + start} ms", f"limit of {per_test} ms")
                out.append(_result(ctx, f"{name}::{key}", cl1.verdict or Verdict.IE,
                                   _hidden_message(_doc(docs, key), why, visible), visible=visible, detail=why))
        return out
    except HarnessLost as exc:
        return [_result(ctx, name, exc.verdict, exc.message, visible=visible)]


def _hidden_message(doc: str, message: str, visible: bool) -> str:
    return message if visible else doc


def _rows(ctx: Context, rows: list[dict[str, Any]], rel: str, name: str, visible: bool,
          docs: dict[str, str]) -> list[TestResult]:
    per_test = ctx.problem.limits.cpu_ms
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:  # a test with failing subtests has one row per failure: keep the first
        key = f"{row['class']}.{row['name']}" if row["class"] else str(row["name"])  # pytest: module-level tests
        if key not in merged or (merged[key]["status"] in ("pass", "skip") and row["status"] not in ("pass", "skip")):
            merged[key] = row
    out = []
    for key, row in merged.items():
        status = row["status"]
        message = str(row.get("message", "")).replace(f"({rel.rsplit('/', 1)[-1]} line", f"({rel} line")
        t = _result(ctx, f"{name}::{key}", Verdict.AC, "", visible=visible)
        t.cpu_ms = round(float(row.get("cpu_ms", 0.0)), 2)
        t.output = str(row.get("output", "")) if visible else ""
        t.test = {"file": rel, "test": key} if visible else {"test": key, "checks": _doc(docs, key, "")}
        if status == "fail" and TIMEOUT_MARK in message.split("\n", 1)[0]:
            t.verdict = Verdict.TLE
        elif status == "fail":
            t.verdict = Verdict.WA
        elif status == "error":
            t.verdict, message = Verdict.RE, f"raised {message}"
        elif status == "skip":
            message = f"skipped by the test file: {message}"
        elif t.cpu_ms > per_test:
            t.verdict, message = Verdict.TLE, f"took {t.cpu_ms:.0f} ms of CPU; the limit per test is {per_test} ms"
        if visible or t.verdict is Verdict.AC:
            t.message = message
        else:  # what the hidden test checks; its assertion (expected values) in open feedback only
            t.message, t.open_detail = _doc(docs, key), message
        out.append(t)
    return out


# The benchmark.

class _Bench:
    """One repository's benchmark file in the slot: runs that only build the inputs, and runs that
    build them and call the core, each in a fresh test process whose CPU is measured from outside."""

    def __init__(self, ctx: Context, problem: Problem, files: cb.Repo, seed: int, whose: str) -> None:
        self.ctx, self.whose = ctx, whose
        self.rel = f"bench_{secrets.token_hex(6)}.py"
        self.files = {**files, self.rel: BENCH_WRAPPER.format(bench=cb.bench_source(problem), seed=int(seed))}
        self.limit = cb.bench_spec(problem).cpu_ms
        self.digest = ""
        self.over_limit = False

    def run(self, which: str) -> float | TestResult:
        """The run's CPU in ms, or the result that says why the benchmark failed."""
        ctx = self.ctx
        try:
            raw, cl = ctx.run(_task(self.files, self.rel, only=[f"RoundsBench.{which}"]), [], ctx.limits(self.limit))
        except HarnessLost as exc:
            return _result(ctx, "benchmark", exc.verdict, f"{self.whose}: {exc.message}", visible=True)
        if cl.verdict is Verdict.TLE and which == "test_run":
            self.over_limit = True
            return raw.cpu_ms
        if cl.header.get("status") == "tests_error":  # bench.py's imports failed: the package does not import
            where = f" ({cl.header['where']})" if cl.header.get("where") else ""
            return _result(ctx, "benchmark", Verdict.RE, f"{self.whose} cannot import the package{where}: "
                           f"{cl.header.get('message', '')}", visible=True)
        rows = list(cl.header.get("tests", [])) if cl.verdict is None else []
        row = rows[0] if rows else None
        if row is None or row.get("status") != "skip":
            why = (cl.message if cl.verdict is not None else str(cl.header.get("message", "")) if not row
                   else str(row.get("message", "")))
            v = cl.verdict or (Verdict.RE if row is None or row.get("status") == "error" else Verdict.WA)
            doing = "built its inputs" if which == "test_setup" else "ran"
            return _result(ctx, "benchmark", v, f"{self.whose} failed while it {doing}: {why}", visible=True)
        if which == "test_run":
            self.digest = str(row.get("message", "")).removeprefix("digest ")
        return raw.cpu_ms

    def core(self) -> float | TestResult:
        """One pair: the CPU of building and running less the CPU of building only."""
        setup = self.run("test_setup")
        if isinstance(setup, TestResult):
            return setup
        total = self.run("test_run")
        if isinstance(total, TestResult) or self.over_limit:
            return total
        return max(total - setup, 0.1)


@dataclass
class Measured:
    """The benchmark's figures: the user's core and the reference's, measured in turns on one slot."""

    mine_ms: float = 0.0
    reference_ms: float = 0.0
    ratio: float = 0.0  # the median of the pairs' ratios, mine over the reference's
    over_limit: bool = False
    failure: TestResult | None = None
    wrong: bool = False  # the answer's digest differs from the reference's


def measure(ctx: Context, problem: Problem, files: cb.Repo, seed: int, *, repeat: int = BENCH_REPEAT,
            clear_ratio: float | None = None) -> Measured:
    """The user's core against the reference's, in turns (reference, then the user's), so both see
    the same machine at the same moments: a busy spell slows both and leaves their ratio alone. The
    figures are medians over ``repeat`` turns, after one building run of each as a warm-up. Once a
    turn's ratio is over ``clear_ratio`` the tier is clear, and no more turns run."""
    ref = _Bench(ctx, problem, cb.reference_repo(problem), seed, "the reference's benchmark")
    mine = _Bench(ctx, problem, files, seed, "the benchmark")
    for side in (ref, mine):  # warm-up
        got = side.run("test_setup")
        if isinstance(got, TestResult):
            return Measured(failure=got)
    refs: list[float] = []
    cores: list[float] = []
    for _ in range(repeat):
        r = ref.core()
        if isinstance(r, TestResult) or ref.over_limit:
            why = r.message if isinstance(r, TestResult) else "the reference's benchmark ran over its limit"
            return Measured(failure=_result(ctx, "benchmark", Verdict.IE, f"{why}; not your fault", visible=True))
        m = mine.core()
        if isinstance(m, TestResult):
            return Measured(failure=m)
        refs.append(max(r, 1.0))
        cores.append(m)
        if mine.over_limit:
            return Measured(mine_ms=m, reference_ms=refs[-1], ratio=m / refs[-1], over_limit=True)
        if clear_ratio is not None and m / refs[-1] > clear_ratio:
            break
    return Measured(mine_ms=statistics.median(cores), reference_ms=statistics.median(refs),
                    ratio=statistics.median([c / r for c, r in zip(cores, refs, strict=True)]),
                    wrong=mine.digest != ref.digest)


def _benchmark(ctx: Context, problem: Problem, files: cb.Repo, seed: int) -> tuple[TestResult, dict[str, Any]]:
    spec = cb.bench_spec(problem)
    phase: dict[str, Any] = {"phase": "benchmark", "title": "benchmark"}
    if not cb.bench_source(problem):
        t = _result(ctx, "benchmark", Verdict.AC, "this codebase has no benchmark", visible=True)
        return t, {**phase, "status": "optimal", "summary": "no benchmark"}
    got = measure(ctx, problem, files, seed, clear_ratio=2 * spec.good)
    if got.failure is not None:
        return got.failure, {**phase, "status": "fail", "summary": got.failure.message}
    ref_ms = got.reference_ms
    optimal_ms = max(spec.optimal * ref_ms, ref_ms + MIN_MARGIN_MS)
    good_ms = max(spec.good * ref_ms, ref_ms + 2 * MIN_MARGIN_MS)
    figures = {"cpu_ms": round(got.mine_ms, 1), "reference_ms": round(ref_ms, 1), "ratio": round(got.ratio, 2),
               "thresholds_ms": {"optimal": round(optimal_ms, 1), "good": round(good_ms, 1)},
               "limit_ms": spec.cpu_ms}
    bounds = (f"optimal <= {optimal_ms:.0f} ms ({spec.optimal:g}x the reference's {ref_ms:.0f} ms, measured in "
              f"turns with yours), good <= {good_ms:.0f} ms ({spec.good:g}x), naive above")
    if got.over_limit:
        summary = f"tier naive: over the benchmark's limit of {spec.cpu_ms} ms of CPU; {bounds}"
        t = _result(ctx, "benchmark", Verdict.TLE, summary, visible=True)
        return t, {**phase, **figures, "cpu_ms": None, "status": "naive", "tier": "naive", "summary": summary}
    if got.wrong:
        summary = ("the benchmark's answer on its hidden inputs is not the intended one, so no tier is given "
                   "(the hidden tests say where the behaviour differs)")
        t = _result(ctx, "benchmark", Verdict.WA, summary, visible=True)
        return t, {**phase, **figures, "status": "fail", "summary": summary}
    # The tier goes by the median ratio of the turns (robust to a busy machine); a core within the
    # margin of the reference's figure is never held back by the noise of a small figure.
    core = got.mine_ms
    if got.ratio <= spec.optimal or core <= ref_ms + MIN_MARGIN_MS:
        tier = "optimal"
    elif got.ratio <= spec.good or core <= ref_ms + 2 * MIN_MARGIN_MS:
        tier = "good"
    else:
        tier = "naive"
    summary = f"tier {tier}: the core took {core:.0f} ms of CPU, {got.ratio:.1f}x the reference's; {bounds}"
    t = _result(ctx, "benchmark", Verdict.AC if tier == "optimal" else Verdict.TLE, summary, visible=True)
    t.cpu_ms = round(core, 2)
    return t, {**phase, **figures, "status": tier, "tier": tier, "summary": summary}


__all__ = ["BENCH_WRAPPER", "SUBMISSION_IMPL", "explanation_phase", "grade_codebase", "measure", "outcome",
           "visible_test_files"]
