"""Complexity tiers: time a solution on a size ladder inside the sandbox and fit its growth.

A problem's ``tests.py`` may define ``ladder(rng) -> list[tuple[int, Call]]``: calls of
growing size ``n``. After an accepted submission the judge runs every rung in the sandbox
for the user's code, for the reference and for a do-nothing baseline (which pays the same
cost of receiving the arguments), several times each and interleaved so that a noisy
neighbour slows all three alike. The minimum of the repeats, minus the baseline's minimum,
is the time of a rung. The growth exponent is the slope of a log-log least-squares line
through (n, time), fitted for both solutions on the rungs where both stand clear of the
noise; the tier compares the two exponents ("slower" when yours grows faster by more than
:data:`SLOWER_BY`), and the model among :data:`MODELS` whose shape fits your timings best is
reported alongside. A limit hit on a rung the reference finished is "slower" outright.

The result is informative ("O(n log n) expected, yours grows like n^2"), never a verdict.
An optional ``expected_complexity = "O(n log n)"`` in ``tests.py`` names the intended tier;
without it the reference's fitted tier is used.
"""

from __future__ import annotations

import contextlib
import math
import random
from collections.abc import Callable, Sequence
from typing import Any

from rounds.content.package import Problem
from rounds.content.testkit import Call
from rounds.judge import wire
from rounds.judge.graders.base import Context, HarnessLost

__all__ = ["MODELS", "closest_model", "fit_exponent", "measure_complexity", "net_times", "tier"]

MODELS: dict[str, Callable[[float], float]] = {
    "log n": lambda n: math.log(n),
    "n": lambda n: n,
    "n log n": lambda n: n * math.log(n),
    "n^2": lambda n: n * n,
    "n^2 log n": lambda n: n * n * math.log(n),
    "n^3": lambda n: n**3,
}

FLOOR_MS = 0.05  # net times below this are noise: clamp before taking logs
MIN_FIT_MS = 1.0  # rungs faster than this say little about growth
NOISE_SHARE = 0.2  # ... and so do rungs whose net time is a small share of the baseline's
SLOWER_BY = 0.5  # exponent gap (user minus reference) that counts as a worse tier
REPEATS = 5
MIN_RUNGS = 3  # measurable rungs needed to fit a line
LADDER_SEED = 7919

OpenContext = Callable[[str], contextlib.AbstractContextManager[Context]]


def fit_exponent(sizes: Sequence[float], times: Sequence[float]) -> float:
    """Slope of the least-squares line through (log n, log t): t grows like n^slope."""
    if len(sizes) != len(times) or len(sizes) < 2:
        raise ValueError("need at least two (size, time) pairs")
    if min(sizes) <= 0 or min(times) <= 0:
        raise ValueError("sizes and times must be positive")
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        raise ValueError("need at least two distinct sizes")
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def closest_model(sizes: Sequence[float], times: Sequence[float]) -> str:
    """The model whose shape best explains the timings (least squares in log space, free constant)."""
    if len(sizes) != len(times) or len(sizes) < 2:
        raise ValueError("need at least two (size, time) pairs")
    best, best_err = "", math.inf
    for name, f in MODELS.items():
        if min(sizes) <= 1 and name in ("log n", "n log n", "n^2 log n"):
            continue
        res = [math.log(t) - math.log(f(n)) for n, t in zip(sizes, times, strict=True)]
        mean = sum(res) / len(res)
        err = sum((r - mean) ** 2 for r in res)
        if err < best_err:
            best, best_err = name, err
    return best


def net_times(samples: Sequence[Sequence[float]], baseline: Sequence[Sequence[float]]) -> list[float]:
    """Per rung: min of the repeats minus the baseline's min, clamped to :data:`FLOOR_MS`."""
    return [max(min(s) - min(b), FLOOR_MS) for s, b in zip(samples, baseline, strict=True)]


def _label(exponent: float) -> str:
    e = round(exponent, 1)
    if abs(e - round(e)) < 0.05:
        e = round(e)
    return "n" if e == 1 else f"n^{e:g}"


def tier(expected: str, ref_exponent: float, user_exponent: float) -> dict[str, str]:
    """The tier and its message, from both fitted exponents."""
    grows = f"yours grows like {_label(user_exponent)}"
    if user_exponent - ref_exponent > SLOWER_BY:
        return {"tier": "slower", "message": f"{expected} expected, {grows}"}
    return {"tier": "on-track", "message": f"{expected} expected, {grows}: on track"}


def _measurable(times: Sequence[float], baseline: Sequence[float]) -> list[int]:
    """Rungs whose net time stands clear of the noise of receiving the arguments."""
    return [i for i, (t, b) in enumerate(zip(times, baseline, strict=True))
            if t >= max(MIN_FIT_MS, NOISE_SHARE * b)]


def _null_source(entry: str) -> str:
    return f"def {entry}(*args, **kwargs):\n    return None\n"


def _rungs(problem: Problem, seed: int) -> list[tuple[int, Call]]:
    fn = getattr(problem.tests, "ladder", None)
    if fn is None:
        return []
    rungs = [(int(n), c) for n, c in fn(random.Random(seed * LADDER_SEED + 17))]
    return sorted(rungs, key=lambda r: r[0])


def _time_call(ctx: Context, body: Any, blobs: list[bytes], entry: str, cpu_ms: int) -> float | str:
    """CPU ms of one call in the sandbox, or the verdict that stopped it."""
    task = {"kind": "call", "entry": entry, "args": body[0], "kwargs": body[1],
            "capture_args": False, "probes": []}
    try:
        raw, cl = ctx.run(task, list(blobs), ctx.limits(cpu_ms))
    except HarnessLost as exc:
        return exc.verdict.value
    if cl.verdict is not None:
        return cl.verdict.value
    return raw.cpu_ms  # measured by the harness from outside the test process, never reported by it


def measure_complexity(problem: Problem, source: str, open_context: OpenContext, *,
                       seed: int = 0, repeats: int = REPEATS) -> dict[str, Any] | None:
    """Run the problem's ladder for ``source`` and the reference; None when it has no ladder."""
    if problem.grader != "function":
        return None
    rungs = _rungs(problem, seed)
    if len(rungs) < MIN_RUNGS:
        return None
    entry = problem.entry
    names = ("baseline", "reference", "yours")
    sources = {"baseline": _null_source(entry), "reference": problem.reference_source, "yours": source}
    samples: dict[str, list[list[float]]] = {k: [] for k in names}
    sizes: list[int] = []
    stopped = ""
    # One slot for all three sources (a context per source could starve a small pool):
    # the slot reloads the source when it changes, and each call runs in a fresh child anyway.
    with open_context(source) as ctx:
        for n, case in rungs:
            body, blobs = wire.encode([list(case.args), case.kwargs])
            cpu_ms = case.cpu_ms or problem.limits.cpu_ms
            row: dict[str, list[float]] = {k: [] for k in names}
            for _ in range(repeats):
                for k in names:
                    if k == "yours" and row[k] and row[k][-1] > cpu_ms / 4:
                        continue  # slow enough that one run says it all
                    ctx.source = sources[k]
                    t = _time_call(ctx, body, blobs, case.entry or entry, cpu_ms)
                    if isinstance(t, str):
                        stopped = stopped or f"{k} stopped at n={n}: {t}"
                        break
                    row[k].append(t)
                if stopped:
                    break
            if stopped:
                break
            sizes.append(n)
            for k in names:
                samples[k].append(row[k])
    out: dict[str, Any] = {"sizes": sizes, "stopped": stopped or None}
    expected = getattr(problem.tests, "expected_complexity", None)
    if stopped.startswith("yours"):
        # A limit hit on a rung the reference finishes is the clearest sign of a worse tier.
        out.update(tier="slower", message=f"{expected or 'a faster growth'} expected; your code {stopped[6:]}")
    if len(sizes) < 2:
        if not stopped.startswith("yours"):
            out.update(tier="unmeasured", message="the size ladder stopped too early to fit a growth rate")
        return out
    base = [min(b) for b in samples["baseline"]]
    ref = net_times(samples["reference"], samples["baseline"])
    mine = net_times(samples["yours"], samples["baseline"])
    out["reference_ms"] = [round(t, 3) for t in ref]
    out["yours_ms"] = [round(t, 3) for t in mine]
    # Fit both on the same rungs, so the exponent gap is the slope of yours / reference.
    both = sorted(set(_measurable(ref, base)) & set(_measurable(mine, base)))
    if len(both) < MIN_RUNGS:
        if "tier" not in out:
            out.update(tier="unmeasured", message="too fast to measure on this ladder")
        return out
    ks = [float(sizes[i]) for i in both]
    ref_exp = fit_exponent(ks, [ref[i] for i in both])
    user_exp = fit_exponent(ks, [mine[i] for i in both])
    user_model = closest_model(ks, [mine[i] for i in both])
    if not expected:
        expected = f"O({closest_model(ks, [ref[i] for i in both])})"
    last = len(sizes) - 1
    out.update(
        expected=expected,
        reference_exponent=round(ref_exp, 2),
        yours_exponent=round(user_exp, 2),
        yours_model=f"O({user_model})",
        ratio_at_largest=round(mine[last] / ref[last], 2),
    )
    if not stopped.startswith("yours"):
        out.update(tier(expected, ref_exp, user_exp))
    return out
