"""Operation streams: method calls on the user's class, compared step by step with the reference.

On a mismatch in a generated stream the grader shrinks it (delta debugging,
re-running both sides) and reports the shortest sequence that still fails,
step by step.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

from rounds.content.testkit import Op, Ops, Threads
from rounds.domain.verdict import TestResult, Verdict
from rounds.judge import wire
from rounds.judge.checkers import Checker, exact, short
from rounds.judge.graders.base import REFERENCE_LOCK, Context, base_result, fmt_call, with_hint
from rounds.judge.pool import RawRun

SHRINK_RUNS = 120
SHRINK_SECONDS = 4.0

Step = tuple[str, Any]  # ("ok", value) | ("raise", type name) | ("missing", why) | ("bad", why)


class ConstructorRaises(Exception):
    """The reference's constructor raised for these arguments: the contract says it must."""

    def __init__(self, type_name: str) -> None:
        super().__init__(type_name)
        self.type_name = type_name


def reference_steps(ctx: Context, init: tuple[Any, ...], ops: list[Op]) -> list[Step]:
    with REFERENCE_LOCK:  # one reference at a time in the host (global random state)
        return _reference_steps(ctx, init, ops)


def _reference_steps(ctx: Context, init: tuple[Any, ...], ops: list[Op]) -> list[Step]:
    cls = getattr(ctx.problem.reference, ctx.problem.entry)
    try:
        obj = cls(*copy.deepcopy(init))
    except Exception as exc:
        raise ConstructorRaises(type(exc).__name__) from None
    out: list[Step] = []
    for method, args in ops:
        try:
            out.append(("ok", getattr(obj, method)(*copy.deepcopy(args))))
        except Exception as exc:
            out.append(("raise", type(exc).__name__))
        else:
            # Freeze the value now: a later op must not change what this step returned.
            out[-1] = ("ok", copy.deepcopy(out[-1][1]))
    return out


def _keeps_inputs(ctx: Context) -> bool:
    """`inputs_unchanged = True` in tests.py: the contract says the arrays passed in are not modified."""
    return bool(getattr(ctx.problem.tests, "inputs_unchanged", False))


def _task(ctx: Context, init: tuple[Any, ...], ops: list[Op]) -> tuple[dict[str, Any], list[bytes]]:
    # A stream's arguments are not sent back after each step (the constructor's may be written at
    # any later step), so where the contract keeps the inputs, every numpy array arrives read-only
    # and a write into one raises at the write: the step that did it is named.
    body, blobs = wire.encode([list(init)] + [list(a) for _, a in ops], readonly=_keeps_inputs(ctx))
    task = {"kind": "ops", "entry": ctx.problem.entry, "init": body[0],
            "ops": [[m, b] for (m, _), b in zip(ops, body[1:], strict=True)]}
    # `results_at_end = True` in tests.py: the contract says each step returns a value of its own
    # (a copy), so the results are read after the whole stream: handing out live state shows.
    if getattr(ctx.problem.tests, "results_at_end", False):
        task["results_at_end"] = True
    return task, blobs


def _user_steps(ctx: Context, header: dict[str, Any], blobs: list[bytes],
                read: Callable[[Any], Any] | None = None) -> list[Step]:
    # One reader for every step of a frame: the steps share one budget, and each blob is read once.
    read = read or ctx.reader(blobs)
    out: list[Step] = []
    for item in header.get("steps", []):
        kind = item[0]
        if kind == "ok":
            out.append(("ok", read(item[1])))
        elif kind == "raise":
            out.append(("raise", f"{item[1]}: {item[2]}" if len(item) > 2 else item[1]))
        else:
            out.append((kind, item[1]))
    return out


def _step_checker(ctx: Context) -> Checker:
    c = getattr(ctx.problem.tests, "step_checker", None)
    return c if c is not None else exact()


_ATOMS = (str, int, bool, type(None))


_READ_ONLY = ("read-only", "not writeable")  # numpy's words for a write into a read-only array


def _wrote_input(ctx: Context, type_name: str, message: str) -> bool:
    return type_name == "ValueError" and _keeps_inputs(ctx) and any(w in message for w in _READ_ONLY)


_WROTE_INPUT = ("wrote into an array passed in (to the constructor or a step); the contract says the inputs are "
                "not modified (they arrive read-only here, so the write raised {})")


def _first_mismatch(ctx: Context, ops: list[Op], want: list[Step], got: list[Step]) -> tuple[int, str] | None:
    check = _step_checker(ctx)
    for i, (w, g) in enumerate(zip(want, got, strict=False)):
        if (g[0] == "ok" and w[0] == "ok" and check.name == "exact" and type(g[1]) is type(w[1])
                and type(w[1]) in _ATOMS and g[1] == w[1]):
            continue  # the common case, decided without building any message
        call = fmt_call(ops[i][0], ops[i][1])
        if g[0] in ("missing", "bad"):
            return i, f"step {i + 1}: {call}: {g[1]}"
        if w[0] == "raise":
            if g[0] == "raise" and g[1].split(":")[0] == w[1]:
                continue
            got_s = f"raised {g[1]}" if g[0] == "raise" else f"returned {short(g[1], 80)}"
            return i, f"step {i + 1}: {call} {got_s}, but it must raise {w[1]}"
        if g[0] == "raise":
            type_name, _, message = g[1].partition(":")
            if _wrote_input(ctx, type_name, message):
                return i, f"step {i + 1}: {call} " + _WROTE_INPUT.format(g[1])
            return i, f"step {i + 1}: {call} raised {g[1]}"
        o = check(g[1], w[1], ops[i][1])
        if not o.ok:
            return i, f"step {i + 1}: {call} returned {short(g[1], 80)}, which is wrong ({o.message})"
    if len(got) < len(want):
        return len(got), f"step {len(got) + 1}: no result"
    return None


def _table(ops: list[Op], want: list[Step], got: list[Step], upto: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(min(upto + 1, len(ops))):
        w = want[i]
        g = got[i] if i < len(got) else ("missing", "no result")
        rows.append({
            "step": i + 1,
            "call": fmt_call(ops[i][0], ops[i][1]),
            "expected": short(w[1], 120) if w[0] == "ok" else f"raises {w[1]}",
            "actual": short(g[1], 120) if g[0] == "ok" else (f"raised {g[1]}" if g[0] == "raise" else str(g[1])),
            "ok": i < upto,
        })
    return rows


Attempt = tuple[RawRun, "Verdict | None", str, list[Step], list[Step], "int | None"]


def _attempt(ctx: Context, init: tuple[Any, ...], ops: list[Op], cpu_ms: int | None) -> Attempt:
    """Run both sides; (verdict or None, message, want, got, mismatch) for one sequence."""
    task, blobs = _task(ctx, init, ops)
    limits = ctx.limits(cpu_ms)
    ref: list[Any] = []

    def reference() -> None:  # while the sandbox runs the user's stream
        try:
            ref[:] = [reference_steps(ctx, init, ops), None]
        except ConstructorRaises as exc:
            ref[:] = [[], exc.type_name]

    raw, cl = ctx.run(task, blobs, limits, meanwhile=reference)
    want, must_raise = ref[0], ref[1]
    if must_raise is not None:
        ctor = fmt_call(ctx.problem.entry, init)
        if cl.header.get("status") == "exception" and cl.header.get("step") == 0:
            if cl.header.get("type") == must_raise:
                return raw, None, "", want, [], None
            return raw, Verdict.WA, f"{ctor} raised {cl.header.get('type')}, but it must raise {must_raise}", want, [], None
        if cl.verdict is not None:
            return raw, cl.verdict, cl.message, want, [], None
        return raw, Verdict.WA, f"{ctor} must raise {must_raise}", want, [], None
    if cl.verdict is not None:
        step = cl.header.get("step")
        if (cl.header.get("status") == "exception" and step == 0
                and _wrote_input(ctx, str(cl.header.get("type")), str(cl.header.get("message")))):
            ctor = fmt_call(ctx.problem.entry, init)
            return raw, Verdict.WA, f"{ctor} " + _WROTE_INPUT.format(cl.header.get("message")), want, [], None
        return raw, cl.verdict, cl.message, want, [], step if isinstance(step, int) else None
    got = _user_steps(ctx, cl.header, cl.blobs)
    mm = _first_mismatch(ctx, ops, want, got)
    if mm is None:
        return raw, None, "", want, got, None
    return raw, Verdict.WA, mm[1], want, got, mm[0]


def _shrink(ctx: Context, init: tuple[Any, ...], ops: list[Op], cpu_ms: int | None) -> list[Op]:
    """ddmin: drop chunks of ops while the sequence still fails with a wrong answer."""
    deadline = time.monotonic() + SHRINK_SECONDS
    runs = 0
    n = 2
    while len(ops) >= 2 and runs < SHRINK_RUNS and time.monotonic() < deadline:
        chunk = max(1, len(ops) // n)
        reduced = False
        for start in range(0, len(ops), chunk):
            cand = ops[:start] + ops[start + chunk:]
            if not cand:
                continue
            runs += 1
            ctx.fresh = True  # each candidate in a process of its own: the shortest sequence reported fails alone
            _, verdict, _, _, _, idx = _attempt(ctx, init, cand, cpu_ms)
            if verdict is Verdict.WA:
                ops = cand[: (idx or 0) + 1] if idx is not None else cand
                n = max(n - 1, 2)
                reduced = True
                break
            if runs >= SHRINK_RUNS or time.monotonic() >= deadline:
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(ops), n * 2)
    return ops


def grade_ops(case: Ops, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    return with_hint(_grade_ops(case, ctx, name=name, level=level, visible=visible), case)


def _grade_ops(case: Ops, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    ops = list(case.ops)
    raw, verdict, message, want, got, idx = _attempt(ctx, case.init, ops, case.cpu_ms)
    r = base_result(name, level, raw, visible)
    r.cpu_limit_ms = ctx.limits(case.cpu_ms).cpu_ms
    if visible:
        r.test = {"init": fmt_call(ctx.problem.entry, case.init),
                  "ops": [fmt_call(m, a) for m, a in ops], "note": case.note}
    if verdict is None:
        return r
    r.verdict = verdict
    r.message = message + (f" [{case.note}]" if case.note else "")
    if verdict is Verdict.WA and idx is not None:
        if case.shrink and len(ops) > 1:
            small = _shrink(ctx, case.init, ops[: idx + 1], case.cpu_ms)
            ctx.fresh = True
            _, v2, m2, w2, g2, i2 = _attempt(ctx, case.init, small, case.cpu_ms)
            if v2 is Verdict.WA and i2 is not None:
                ops, want, got, idx = small, w2, g2, i2
                note = f" [{case.note}]" if case.note else ""
                r.message = f"shortest failing sequence ({len(small)} of {len(case.ops)} steps): {m2}{note}"
        r.steps = _table(ops, want, got, idx)
        # Step 0 is the constructor, so the sequence can be replayed as shown.
        r.steps.insert(0, {"step": 0, "call": fmt_call(ctx.problem.entry, case.init),
                           "expected": "", "actual": "", "ok": True})
        r.expected = r.steps[-1]["expected"]
        r.actual = r.steps[-1]["actual"]
    return r


def grade_threads(case: Threads, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    return with_hint(_grade_threads(case, ctx, name=name, level=level, visible=visible), case)


def _grade_threads(case: Threads, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    seq = list(case.setup) + [o for t in case.threads for o in t] + list(case.final)
    want_all = reference_steps(ctx, case.init, seq)
    want_final = want_all[len(seq) - len(case.final):]
    lists = [list(case.init)] + [list(a) for _, a in case.setup]
    for t in case.threads:
        lists += [list(a) for _, a in t]
    lists += [list(a) for _, a in case.final]
    body, blobs = wire.encode(lists)
    it = iter(body)
    task: dict[str, Any] = {"kind": "threads", "entry": ctx.problem.entry, "init": next(it)}
    task["setup"] = [[m, next(it)] for m, _ in case.setup]
    task["threads"] = [[[m, next(it)] for m, _ in t] for t in case.threads]
    task["final"] = [[m, next(it)] for m, _ in case.final]
    limits = ctx.limits(case.cpu_ms)
    raw, cl = ctx.run(task, blobs, limits)
    r = base_result(name, level, raw, visible)
    r.cpu_limit_ms = limits.cpu_ms
    if cl.verdict is not None:
        r.verdict, r.message = cl.verdict, cl.message
        return r
    read = ctx.reader(cl.blobs)
    threads = [_user_steps(ctx, {"steps": t}, cl.blobs, read) for t in cl.header.get("threads", [])]
    final = _user_steps(ctx, {"steps": cl.header.get("final", [])}, cl.blobs, read)
    for ti, t in enumerate(threads):
        for si, s in enumerate(t):
            if s[0] in ("raise", "bad", "missing"):
                r.verdict = Verdict.RE if s[0] == "raise" else Verdict.WA
                r.message = f"thread {ti + 1}, call {si + 1} ({fmt_call(*case.threads[ti][si])}): {s[1]}"
                return r
    # The invariant names what broke ("handed out the same task twice"); it speaks first.
    if case.invariant is not None:
        why = case.invariant([[s[1] for s in t] for t in threads], [s[1] for s in final])
        if why:
            r.verdict = Verdict.WA
            r.message = f"invariant broken under {len(case.threads)} threads: {why}"
            return r
    mm = _first_mismatch(ctx, list(case.final), want_final, final)
    if mm is not None:
        r.verdict = Verdict.WA
        r.message = (f"after {len(case.threads)} threads ran concurrently, final check {mm[1]}: "
                     "updates were lost or interleaved (is every read-modify-write under a lock?)")
        r.steps = _table(list(case.final), want_final, final, mm[0])
        return r
    return r
