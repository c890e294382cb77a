"""Function problems: inputs in, one value out, compared by a checker on the host."""

from __future__ import annotations

import inspect
from typing import Any

from rounds.content.testkit import REF, Call
from rounds.domain.verdict import TestResult, Verdict
from rounds.judge import wire
from rounds.judge.checkers import changed_input, short
from rounds.judge.graders.base import (
    Context,
    Raises,
    base_result,
    call_reference,
    fmt_call,
    with_hint,
)


def expected_of(case: Call, ctx: Context, *, private: bool = True) -> Any:
    if case.expected is not REF:
        return case.expected
    fn = getattr(ctx.problem.reference, case.entry or ctx.problem.entry)
    value, args_after = call_reference(fn, case.args, case.kwargs, private=private or case.capture_args)
    if case.capture_args and not isinstance(value, Raises):
        return {"return": value, "args": list(args_after)}
    return value


def grade_call(case: Call, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    return with_hint(_grade_call(case, ctx, name=name, level=level, visible=visible), case)


def _grade_call(case: Call, ctx: Context, *, name: str, level: int, visible: bool) -> TestResult:
    # Snapshot the inputs for the sandbox first; then the reference may use (and even mutate)
    # the case's own objects, which saves a deep copy of large inputs.
    body, blobs = wire.encode([list(case.args), case.kwargs])
    shown = fmt_call(case.entry or ctx.problem.entry, case.args) if visible else ""
    # `inputs_unchanged = True` in tests.py: the contract says the call leaves its arguments as they
    # were, so every call sends them back and one that changed any is wrong, whatever it returned.
    # A memory-probe case does not: sending the inputs back would count against its peak.
    keep = (not case.capture_args and not case.probes
            and bool(getattr(ctx.problem.tests, "inputs_unchanged", False)))
    task = {
        "kind": "call",
        "entry": case.entry or ctx.problem.entry,
        "args": body[0],
        "kwargs": body[1],
        "capture_args": case.capture_args or keep,
        "probes": list(case.probes),
    }
    limits = ctx.limits(case.cpu_ms)
    box: list[Any] = []
    # The inputs are encoded for the sandbox already; the reference may now use (and even mutate)
    # the case's own objects, while the sandbox runs the user's code.
    raw, cl = ctx.run(task, blobs, limits, meanwhile=lambda: box.append(expected_of(case, ctx, private=False)))
    expected = box[0]
    r = base_result(name, level, raw, visible)
    r.cpu_limit_ms = limits.cpu_ms
    if visible:
        r.test = {"call": shown, "note": case.note}
    r.expected = short(expected, 300)
    if cl.verdict is not None:
        if isinstance(expected, Raises) and cl.header.get("status") == "exception":
            if cl.header.get("type") == expected.type_name:
                return r
            r.verdict = Verdict.WA
            r.message = f"raised {cl.header.get('type')}, but this input must raise {expected.type_name}"
            return r
        r.verdict = cl.verdict
        # The note says what the test is about ("200k rows: needs O(n log n)"): it explains a TLE.
        r.message = cl.message + (f" [{case.note}]" if case.note else "")
        return r
    actual = ctx.decode(cl.header.get("value"), cl.blobs)
    after: list[Any] | None = None
    if keep and isinstance(actual, dict) and set(actual) == {"return", "args"}:
        actual, after = actual["return"], actual["args"]
    r.actual = short(actual, 300)
    # Probes come from the harness's own measurements of the test process, never from the process.
    probes: dict[str, Any] = {}
    if case.probes and raw.probe_peak_kb is not None:
        probes["peak_bytes"] = raw.probe_peak_kb * 1024
    ctx.extra.setdefault("probes", []).append(probes)
    if isinstance(expected, Raises):
        r.verdict = Verdict.WA
        r.message = f"returned {short(actual, 80)}, but this input must raise {expected.type_name}"
        return r
    checker = case.check or ctx.problem.default_checker
    outcome = checker(actual, expected, case.args)
    if not outcome.ok:
        r.verdict = Verdict.WA
        note = f" [{case.note}]" if case.note else ""
        r.message = (outcome.message or "wrong answer") + note
        r.open_detail = outcome.detail or None
    elif after is not None:
        changed = changed_input(ctx.decode(body[0], blobs), after)
        if changed is not None:
            r.verdict = Verdict.WA
            r.message = (f"the call changed its argument {_arg_name(ctx, case, changed)}; the contract says "
                         "the inputs are left as they were")
    post = getattr(ctx.problem.tests, "probe_check", None)
    if r.passed and post is not None and probes:
        why = post(case, probes)
        if why:
            r.verdict = Verdict.WA
            r.message = why
    return r


def _arg_name(ctx: Context, case: Call, i: int) -> str:
    """``x`` for the reference's i-th parameter, or ``#i`` when it has no plain name."""
    try:
        fn = getattr(ctx.problem.reference, case.entry or ctx.problem.entry)
        params = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError, AttributeError):
        params = []
    return f"`{params[i]}`" if i < len(params) else f"#{i + 1}"
