"""The judge: pre-checks on the host, then every test of the asked levels in a warm slot."""

from __future__ import annotations

import ast
import contextlib
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from rounds.content.package import Problem
from rounds.content.testkit import Call, Case, Ops, Threads
from rounds.domain.verdict import LevelResult, Report, TestResult, Verdict
from rounds.judge.banned import find_banned
from rounds.judge.complexity import measure_complexity
from rounds.judge.graders.base import Context, HarnessLost, sent_signal
from rounds.judge.graders.function import grade_call
from rounds.judge.graders.opstream import grade_ops, grade_threads
from rounds.judge.graders.queries import (
    QUERY_ENTRIES,
    QUERY_ENTRY,
    grade_query_case,
    uses_query_form,
)
from rounds.judge.graders.unittests import UnitTestFile, grade_unittests
from rounds.judge.pool import SlotPool

MAX_SOURCE_BYTES = 256 * 1024
# A submission's wall-time budget: this much plus the CPU limits of the tests it runs. And once
# failing tests (TLE, MLE, RE) have taken this long in all, the rest of the submission is skipped:
# a program that sleeps, stops itself or forks without end is rejected in seconds, not minutes.
BUDGET_BASE_S = 15.0
BORROW_AFTER_S = 0.2  # a level still running after this takes idle slots as helpers
FAILING_BUDGET_S = 8.0
_HARD_FAILS = frozenset({Verdict.TLE, Verdict.MLE, Verdict.RE})

OnResult = Callable[[TestResult], None]


def precheck(problem: Problem, source: str) -> str | None:
    """Why the source is refused before it runs (CE), or None."""
    size = len(source.encode("utf-8", "replace"))
    if size > MAX_SOURCE_BYTES:
        return f"the source is {size / 1024:.0f} KB; the limit is {MAX_SOURCE_BYTES // 1024} KB"
    try:
        tree = ast.parse(source, filename="solution.py")
    except SyntaxError as exc:
        return f"syntax error at line {exc.lineno}: {exc.msg}"
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"the source cannot be parsed: {type(exc).__name__}: {exc}"
    uses = find_banned(tree, problem.banned)
    if uses:
        u = uses[0]
        return f"line {u.line} uses {u.name}, which is banned in this problem: write it yourself"
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.If | ast.Try):
            names.add(problem.entry)  # conditional definitions: let the run decide
    if problem.entry not in names and not (problem.grader == "opstream" and names & set(QUERY_ENTRIES)):
        kind = "class" if problem.grader == "opstream" or problem.entry[:1].isupper() else "function"
        alt = f" (nor a function {QUERY_ENTRY}(queries) for the query form)" if problem.grader == "opstream" else ""
        return f"solution.py defines no {kind} named {problem.entry}{alt}"
    return None


class _Budget:
    """A submission's time: a wall-clock deadline, and the time its failing tests may take."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.failing_s = 0.0
        self.why = ""
        self._lock = threading.Lock()

    def failing(self, seconds: float) -> None:
        with self._lock:
            self.failing_s += seconds

    def spent(self, level: int, n: int) -> bool:
        with self._lock:
            if not self.why:
                if self.failing_s > FAILING_BUDGET_S:
                    self.why = (f"stopped early: failing tests (time limit, memory, crashes) had taken "
                                f"{self.failing_s:.0f} s, so the rest of level {level} and later levels were not run")
                elif time.monotonic() > self.deadline:
                    self.why = (f"stopped early: the submission ran past its time budget, so the rest of level "
                                f"{level} and later levels were not run")
            return bool(self.why)


class Judge:
    """Judges sources against a problem's tests using a pool of warm slots."""

    def __init__(self, pool: SlotPool) -> None:
        self.pool = pool

    @property
    def sandbox(self) -> str:
        return self.pool.mode

    def cases(self, problem: Problem, level: int, suite: str, seed: int) -> list[tuple[Case, bool]]:
        """The level's cases, each with whether the user may see it (examples are visible)."""
        if suite not in ("examples", "hidden", "all"):
            raise ValueError(f"unknown suite {suite!r}")
        out: list[tuple[Case, bool]] = []
        if problem.grader == "unittest":  # imported tasks: one visible test file per level, any suite
            return [(c, True) for c in problem.examples(level)]
        if suite in ("examples", "all"):
            out += [(c, True) for c in problem.examples(level)]
        if suite in ("hidden", "all"):
            out += [(c, False) for c in problem.hidden(level, seed)]
        return out

    def judge(
        self,
        problem: Problem,
        source: str,
        *,
        level: int | None = None,
        suite: str = "hidden",
        seed: int = 0,
        fail_fast: bool = False,
        on_result: OnResult | None = None,
        extra: list[Case] | None = None,
        complexity: bool = False,
    ) -> Report:
        """Judge one source. ``level=None`` climbs level by level and stops at the first failure."""
        if problem.grader == "codebase":  # a whole repository, graded in phases
            from rounds.judge.graders.codebase import grade_codebase

            return grade_codebase(self, problem, source, suite=suite, seed=seed, on_result=on_result)
        report = Report(problem_id=problem.id, sandbox=self.sandbox, seed=seed)
        why = precheck(problem, source)
        n_levels = len(problem.levels)
        if level is not None and not 1 <= level <= n_levels:
            raise ValueError(f"{problem.id} has levels 1..{n_levels}, not {level}")
        if why:
            t = TestResult(name="compile", level=level or 1, verdict=Verdict.CE, message=why)
            report.levels.append(LevelResult(level or 1, [t]))
            report.message = why
            if on_result:
                on_result(t)
            return report
        climb = level is None
        top = n_levels if climb else level
        budget = _Budget(time.monotonic() + BUDGET_BASE_S)
        with self._context(problem, source) as ctx:
            ctx.extra["budget"] = budget
            for lv in range(1, (top or 1) + 1):
                result = LevelResult(lv)
                report.levels.append(result)
                ctx.new_level()
                try:
                    cases = self.cases(problem, lv, suite, seed)
                except Exception as exc:
                    t = TestResult(name="setup", level=lv, verdict=Verdict.IE,
                                   message=f"the problem package failed to build its tests: {type(exc).__name__}: {exc}")
                    result.tests.append(t)
                    report.message = t.message
                    break
                if lv == top and extra:
                    cases = cases + [(c, True) for c in extra]
                budget.deadline += sum(ctx.limits(getattr(c, "cpu_ms", None)).cpu_ms for c, _ in cases) / 1000
                for t in self._grade_level(cases, ctx, lv, fail_fast):
                    result.tests.append(t)
                    if on_result:
                        on_result(t)
                if budget.why:
                    report.message = budget.why
                    for later in range(lv + 1, (top or 1) + 1):
                        report.levels.append(LevelResult(later, ran=False))
                    break
                if not result.passed and (climb or fail_fast or result.verdict is Verdict.CE):
                    for later in range(lv + 1, (top or 1) + 1):
                        report.levels.append(LevelResult(later, ran=False))
                    break
        if complexity and report.accepted:  # informative size ladder, never a verdict
            report.complexity = measure_complexity(problem, source, lambda src: self._context(problem, src), seed=seed)
        return report

    def _grade_level(self, cases: Sequence[tuple[Case | UnitTestFile, bool]], ctx: Context, level: int,
                     fail_fast: bool) -> Iterator[TestResult]:
        """Grade a level's cases in order. They run on the submission's slot, each sent while the
        last one's result is graded on the host; a level still running after BORROW_AFTER_S hands
        the rest to idle warm slots as well, in parallel (small tests are faster on one slot: the
        host would spend more switching between threads than the sandbox spends on them).

        Results come out in the cases' order. A failure under ``fail_fast`` (or a CE) stops the
        level: cases not started yet are skipped.
        """
        stop = threading.Event()
        budget: _Budget | None = ctx.extra.get("budget")

        def one(i: int, case: Case | UnitTestFile, visible: bool, c: Context) -> list[TestResult]:
            if stop.is_set():
                return []
            if budget is not None and budget.spent(level, len(cases)):
                stop.set()
                return []
            t0 = time.monotonic()
            out = self._grade_all(case, c, level, i, visible)
            if budget is not None and any(t.verdict in _HARD_FAILS for t in out):
                budget.failing(time.monotonic() - t0)
            if any((fail_fast and not t.passed) or t.verdict is Verdict.CE for t in out):
                stop.set()
            return out

        def stops(out: list[TestResult]) -> bool:
            return any((fail_fast and not t.passed) or t.verdict is Verdict.CE for t in out)

        numbered = list(enumerate(cases, 1))
        if len(cases) < 2 or ctx.problem.grader == "unittest":
            for i, (case, visible) in numbered:
                yield from one(i, case, visible, ctx)
                if stop.is_set():
                    return
            return
        # On the submission's own slot, two tests out at a time.
        ctx.if_ok = fail_fast
        futures: list[Future[list[TestResult]]] = []
        done = 0
        t0 = time.monotonic()
        rest: list[tuple[int, tuple[Case | UnitTestFile, bool]]] = []
        helpers: list[Context] = []

        def work(i: int, case: Case | UnitTestFile, visible: bool, ev: threading.Event) -> list[TestResult]:
            with sent_signal(ev):
                return one(i, case, visible, ctx)

        try:
            with ThreadPoolExecutor(max_workers=2, thread_name_prefix="rounds-test") as ex:
                for n, (i, (case, visible)) in enumerate(numbered):
                    left = len(numbered) - n
                    if left >= 3 and time.monotonic() - t0 > BORROW_AFTER_S:
                        helpers = self._borrow(ctx, left - 1)
                        if helpers:
                            rest = numbered[n:]
                            break
                    ev = threading.Event()
                    futures.append(ex.submit(work, i, case, visible, ev))
                    ev.wait()  # its request is written: the next one may follow it
                    while done < len(futures) and futures[done].done():
                        out = futures[done].result()
                        done += 1
                        yield from out
                        if stops(out):
                            return
                for f in futures[done:]:
                    out = f.result()
                    yield from out
                    if stops(out):
                        rest = []
                        return
        finally:
            ctx.if_ok = False
            if not rest:
                for c in helpers:
                    c.close()
        if rest:
            yield from self._parallel(rest, ctx, helpers, one, stops)

    def _parallel(self, numbered: list[tuple[int, tuple[Case | UnitTestFile, bool]]], ctx: Context,
                  helpers: list[Context], one: Callable[[int, Case | UnitTestFile, bool, Context], list[TestResult]],
                  stops: Callable[[list[TestResult]], bool]) -> Iterator[TestResult]:
        """The rest of a level on the submission's slot and borrowed ones, a test per free slot."""
        free: queue.Queue[Context] = queue.Queue()
        for c in [ctx, *helpers]:
            free.put(c)

        def run(i: int, case: Case | UnitTestFile, visible: bool) -> list[TestResult]:
            c = free.get()
            try:
                return one(i, case, visible, c)
            finally:
                free.put(c)

        try:
            with ThreadPoolExecutor(max_workers=1 + len(helpers)) as ex:
                futures = [ex.submit(run, i, case, visible) for i, (case, visible) in numbered]
                for f in futures:
                    out = f.result()
                    yield from out
                    # Stop at the first stopping result in order (a later test may have set the flag
                    # first: keep collecting until that result has been yielded).
                    if stops(out):
                        for g in futures:
                            g.cancel()
                        return
        finally:
            for c in helpers:
                c.close()

    def _borrow(self, ctx: Context, most: int) -> list[Context]:
        """Contexts on idle warm slots of the same runtime (never started for this, never waited for)."""
        if most < 3 or ctx.problem.grader == "unittest" or self.pool.size < 2:
            return []
        if ctx.slot is None:  # the submission's own slot first, or it could wait for a helper's
            ctx.slot = self.pool.acquire(ctx.problem.runtime)
        out = []
        for _ in range(most):
            slot = self.pool.try_acquire(ctx.problem.runtime)
            if slot is None:
                break
            c = Context(problem=ctx.problem, source=ctx.source, pool=self.pool, slot=slot)
            c.extra["query_form"] = ctx.extra.get("query_form", False)
            out.append(c)
        return out

    @contextlib.contextmanager
    def _context(self, problem: Problem, source: str) -> Iterator[Context]:
        ctx = Context(problem=problem, source=source, pool=self.pool)
        ctx.extra["query_form"] = problem.grader == "opstream" and uses_query_form(problem, source)
        try:
            yield ctx
        finally:
            ctx.close()

    def _grade_all(self, case: Case | UnitTestFile, ctx: Context, level: int, i: int,
                   visible: bool) -> list[TestResult]:
        """A unittest file gives one result per test method; every other case gives one result."""
        if isinstance(case, UnitTestFile):
            try:
                return grade_unittests(case, ctx)
            except HarnessLost as exc:
                return [TestResult(name=case.path, level=level, verdict=exc.verdict, message=exc.message, visible=True)]
            except Exception as exc:
                return [TestResult(name=case.path, level=level, verdict=Verdict.IE, visible=True,
                                   message=f"internal error while running {case.path} ({type(exc).__name__}: {exc})")]
        if ctx.problem.grader == "unittest":
            return [TestResult(name=getattr(case, "name", "") or f"custom {i}", level=level, verdict=Verdict.IE,
                               visible=True, message="custom inputs need a reference solution, and imported tasks "
                               "have none: add a test method to the level's test file and import the task again")]
        return [self._grade(case, ctx, level, i, visible)]

    def _grade(self, case: Case, ctx: Context, level: int, i: int, visible: bool) -> TestResult:
        name = getattr(case, "name", "") or f"{'example' if visible else 'test'} {level}.{i}"
        try:
            if isinstance(case, Ops | Threads) and ctx.extra.get("query_form"):
                return grade_query_case(case, ctx, name=name, level=level, visible=visible)
            if isinstance(case, Call):
                return grade_call(case, ctx, name=name, level=level, visible=visible)
            if isinstance(case, Ops):
                return grade_ops(case, ctx, name=name, level=level, visible=visible)
            if isinstance(case, Threads):
                return grade_threads(case, ctx, name=name, level=level, visible=visible)
            raise TypeError(f"unknown case type {type(case).__name__}")
        except HarnessLost as exc:
            return TestResult(name=name, level=level, verdict=exc.verdict, message=exc.message, visible=visible)
        except Exception as exc:
            tb = traceback.format_exc(limit=3)
            return TestResult(name=name, level=level, verdict=Verdict.IE, visible=visible,
                              message=f"internal error while grading ({type(exc).__name__}: {exc}); not your fault",
                              output=tb[-400:])
