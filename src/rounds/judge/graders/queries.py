"""The query form of OOP tasks: ``solution(queries: list[list[str]]) -> list[str]``.

Older multi-level tasks are posed as one function that receives every operation as a list of
strings (``["SET_AT", "a", "b", "c", "10"]``) and answers each with a string. When a solution to
an operation-stream problem defines a top-level ``solution`` function and not the entry class,
the judge turns every ``Ops`` case into queries and the reference's results into strings, with
one conversion for both (:func:`to_text`), then compares step by step and shrinks a failing
generated stream exactly as the class form does.

Some tests have no query form: threads on one instance, constructor arguments, and calls the
contract says must raise. Those fail with a message that says why.
"""

from __future__ import annotations

import ast
import time
from typing import Any

from rounds.content.package import Problem
from rounds.content.testkit import Op, Ops, Threads
from rounds.domain.verdict import TestResult, Verdict
from rounds.judge import wire
from rounds.judge.checkers import short
from rounds.judge.graders.base import Context, base_result, fmt_call, with_hint
from rounds.judge.graders.opstream import SHRINK_RUNS, SHRINK_SECONDS, Step, reference_steps
from rounds.judge.pool import RawRun

QUERY_ENTRY = "solution"
# The same form under the name some practice harnesses give it.
QUERY_ENTRIES = (QUERY_ENTRY, "simulate_coding_framework")

Query = list[str]


def to_text(value: Any) -> str:
    """The one conversion of arguments and results to query strings.

    None -> "", True/False -> "true"/"false", int -> decimal, float -> Python's shortest repr,
    str as is, list or tuple -> items converted the same way and joined with ", ",
    anything else -> ``str()``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(to_text(v) for v in value)
    return str(value)


def to_query(op: Op) -> Query:
    """``op("set_at", "a", "b", "c", 10)`` -> ``["SET_AT", "a", "b", "c", "10"]``."""
    method, args = op
    return [method.upper()] + [to_text(a) for a in args]


def uses_query_form(problem: Problem, source: str) -> str | None:
    """The query function's name when the source defines one at top level and not the entry class."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)}
    if problem.entry in names:
        return None
    return next((e for e in QUERY_ENTRIES if e in names), None)


def _unsupported(case: Ops | Threads, ctx: Context) -> str | None:
    entry = ctx.problem.entry
    fix = f"write the class {entry} to run it"
    if isinstance(case, Threads):
        return (f"this test runs {len(case.threads)} threads on one {entry} at the same time; a list of queries "
                f"runs one call after another and cannot express that: {fix}")
    if case.init:
        return (f"this test creates {fmt_call(entry, case.init)}; the query form has no constructor arguments: {fix}")
    return None


def _fmt(q: Query) -> str:
    return short(q, 120)


def _expected(want: list[Step], ops: list[Op], entry: str) -> tuple[list[str], str | None]:
    out: list[str] = []
    for i, (kind, value) in enumerate(want):
        if kind != "ok":
            return out, (f"step {i + 1}: {_fmt(to_query(ops[i]))} must raise {value}, which has no query form "
                         f"(queries answer with strings): write the class {entry} to run this test")
        out.append(to_text(value))
    return out, None


Attempt = tuple["RawRun | None", "Verdict | None", str, list[str], list[Any], "int | None"]


def _attempt(ctx: Context, ops: list[Op], cpu_ms: int | None) -> Attempt:
    """Run the reference and the user's ``solution`` on one sequence; (raw, verdict, message, want, got, step)."""
    want, why = _expected(reference_steps(ctx, (), ops), ops, ctx.problem.entry)
    if why:
        return None, Verdict.CE, why, want, [], None
    queries = [to_query(o) for o in ops]
    fn = str(ctx.extra.get("query_form") or QUERY_ENTRY)
    body, blobs = wire.encode([[queries], {}])
    task = {"kind": "call", "entry": fn, "args": body[0], "kwargs": body[1],
            "capture_args": False, "probes": []}
    raw, cl = ctx.run(task, blobs, ctx.limits(cpu_ms))
    if cl.verdict is not None:
        return raw, cl.verdict, cl.message, want, [], None
    got = ctx.decode(cl.header.get("value"), cl.blobs)
    if not isinstance(got, list):
        return raw, Verdict.WA, (f"{fn}() returned {type(got).__name__} {short(got, 60)}; it must return a list "
                                 "of strings, one per query"), want, [], None
    for i, (w, g) in enumerate(zip(want, got, strict=False)):
        if not isinstance(g, str):
            return raw, Verdict.WA, (f"step {i + 1}: {_fmt(queries[i])} answered {type(g).__name__} {short(g, 60)}; "
                                     "every answer is a string (None is \"\", True is \"true\")"), want, got, i
        if g != w:
            return raw, Verdict.WA, f"step {i + 1}: {_fmt(queries[i])} returned {short(g, 80)}, which is wrong", want, got, i
    if len(got) != len(want):
        at = min(len(got), len(want))
        return raw, Verdict.WA, (f"{fn}() returned {len(got)} answers for {len(want)} queries: one string per "
                                 "query, in order"), want, got, at if at < len(want) else None
    return raw, None, "", want, got, None


def _shrink(ctx: Context, ops: list[Op], cpu_ms: int | None) -> list[Op]:
    """ddmin, as for the class form: drop chunks while the sequence still gets a wrong answer."""
    deadline = time.monotonic() + SHRINK_SECONDS
    runs, n = 0, 2
    while len(ops) >= 2 and runs < SHRINK_RUNS and time.monotonic() < deadline:
        chunk = max(1, len(ops) // n)
        reduced = False
        for start in range(0, len(ops), chunk):
            cand = ops[:start] + ops[start + chunk:]
            if not cand:
                continue
            runs += 1
            _, verdict, _, _, _, idx = _attempt(ctx, cand, cpu_ms)
            if verdict is Verdict.WA:
                ops = cand[: idx + 1] if idx is not None else cand
                n, reduced = max(n - 1, 2), True
                break
            if runs >= SHRINK_RUNS or time.monotonic() >= deadline:
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(ops), n * 2)
    return ops


def _table(ops: list[Op], want: list[str], got: list[Any], upto: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(min(upto + 1, len(ops))):
        rows.append({"step": i + 1, "call": _fmt(to_query(ops[i])), "expected": short(want[i], 120),
                     "actual": short(got[i], 120) if i < len(got) else "no answer", "ok": i < upto})
    return rows


def grade_query_case(case: Ops | Threads, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    """Judge one operation-stream case against a query-form solution."""
    return with_hint(_grade_query_case(case, ctx, name=name, level=level, visible=visible), case)


def _grade_query_case(case: Ops | Threads, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    why = _unsupported(case, ctx)
    if why is not None:
        r = base_result(name, level, None, visible)
        r.verdict, r.message = Verdict.CE, why
        return r
    assert isinstance(case, Ops)
    ops = list(case.ops)
    raw, verdict, message, want, got, idx = _attempt(ctx, ops, case.cpu_ms)
    r = base_result(name, level, raw, visible)
    r.cpu_limit_ms = ctx.limits(case.cpu_ms).cpu_ms
    if visible:
        r.test = {"queries": [_fmt(to_query(o)) for o in ops], "note": case.note}
    if verdict is None:
        return r
    note = f" [{case.note}]" if case.note else ""
    r.verdict, r.message = verdict, message + note
    if verdict is Verdict.WA and idx is not None:
        if case.shrink and len(ops) > 1:
            small = _shrink(ctx, ops[: idx + 1], case.cpu_ms)
            _, v2, m2, w2, g2, i2 = _attempt(ctx, small, case.cpu_ms)
            if v2 is Verdict.WA and i2 is not None:
                ops, want, got, idx = small, w2, g2, i2
                r.message = f"shortest failing sequence ({len(small)} of {len(case.ops)} queries): {m2}{note}"
        r.steps = _table(ops, want, got, idx)
        r.expected = r.steps[-1]["expected"]
        r.actual = r.steps[-1]["actual"]
    return r
