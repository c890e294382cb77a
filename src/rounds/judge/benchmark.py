"""`rounds bench`: the judge's figures, printed, never asserted.

Each sandboxed figure is measured next to the same work done in-process with
no sandbox, in the same run, and reported as a ratio.
"""

from __future__ import annotations

import functools
import json
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from rounds.config import get_settings
from rounds.content.package import Problem, load_problem
from rounds.content.testkit import Call, Ops
from rounds.judge import wire
from rounds.judge.engine import Judge
from rounds.judge.factory import choose_mode
from rounds.judge.graders.base import Context
from rounds.judge.graders.function import expected_of
from rounds.judge.graders.opstream import reference_steps
from rounds.judge.pool import RunLimits, Slot, SlotPool

BENCH_BANK = Path(__file__).parent / "bench_bank"


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def in_process(problem: Problem, source: str, seed: int) -> None:
    """The same tests with no sandbox: exec the source here, compare with the same checkers."""
    mod = types.ModuleType("solution")
    exec(compile(source, "solution.py", "exec"), mod.__dict__)
    ctx = Context(problem=problem, source=source)
    for lv in range(1, len(problem.levels) + 1):
        for case in problem.hidden(lv, seed):
            if isinstance(case, Call):
                exp = expected_of(case, ctx)
                body, blobs = wire.encode(list(case.args))
                got = getattr(mod, problem.entry)(*wire.decode(body, blobs, torch_ok=problem.runtime == "torch"))
                (case.check or problem.default_checker)(got, exp, case.args)
            elif isinstance(case, Ops):
                want = reference_steps(ctx, case.init, case.ops)
                obj = getattr(mod, problem.entry)(*case.init)
                got = [getattr(obj, m)(*a) for m, a in case.ops]
                assert [w[1] for w in want] == got


SCENARIOS = (("oop/bench-counter", "30-case operation-stream level", "opstream_level"),
             ("ml/bench-numpy", "numpy function problem (20 tests)", "numpy_problem"),
             ("ml/bench-torch", "torch function problem (20 tests)", "torch_problem"))


def main(rounds: int, console: Console, *, as_json: bool = False) -> dict[str, Any]:
    """Measure and print the figures (a table, or one JSON object); returns them."""
    settings = get_settings()
    mode = choose_mode(settings)
    figures: dict[str, Any] = {"sandbox": mode, "workers": settings.workers, "rounds": rounds}
    if not as_json:
        console.print(f"judge benchmark: {mode} sandbox, {settings.workers} worker(s), {rounds} rounds per scenario")
    problems = {p: load_problem(BENCH_BANK / p) for p in ("oop/bench-counter", "ml/bench-numpy", "ml/bench-torch")}
    pool = SlotPool(mode=mode, size=settings.workers)
    judge = Judge(pool)
    table = Table(title="rounds judge figures (milliseconds unless stated)")
    for col in ("figure", "sandboxed", "in-process", "ratio"):
        table.add_column(col)
    try:
        # Sandbox start: a cold slot, numpy and torch imported.
        for runtime, n in (("numpy", 5), ("torch", 2)):
            starts = []
            for _ in range(n):
                s = Slot(runtime, mode, pool.harness, [])
                starts.append(_timed(s.start))
                s.close()
            bare = _timed(functools.partial(subprocess.run, [sys.executable, "-c", f"import {runtime}"], check=True))
            figures[f"slot_start_{runtime}_ms_p50"] = round(statistics.median(starts), 1)
            table.add_row(f"slot start ({runtime} imported), p50", f"{statistics.median(starts):.0f}",
                          f"{bare:.0f} (plain python -c 'import {runtime}')", f"{statistics.median(starts) / bare:.2f}x")
        # Per-test overhead: a trivial call, forked from a warm slot.
        limits = RunLimits(cpu_ms=1000, wall_ms=3000, memory_kb=64 << 10, output_bytes=1 << 16, result_bytes=1 << 20)
        body, blobs = wire.encode([1])
        with pool.slot("numpy") as slot:
            slot.load("def f(x):\n    return x\n", [])
            run_one = functools.partial(slot.run, {"kind": "call", "entry": "f", "args": body}, blobs, limits)
            per = [_timed(run_one) for _ in range(max(rounds, 30))]

        def direct() -> None:
            ns: dict[str, Any] = {}
            exec("def f(x):\n    return x\n", ns)
            ns["f"](1)

        base = statistics.median([_timed(direct) for _ in range(200)])
        figures["per_test_overhead_ms_p50"] = round(statistics.median(per), 3)
        figures["per_test_in_process_ms_p50"] = round(base, 4)
        table.add_row("per-test overhead (dispatch + run + return), p50", f"{statistics.median(per):.2f}",
                      f"{base:.3f}", f"{statistics.median(per) / max(base, 1e-6):.0f}x")
        # Judge latency per scenario, warm.
        for pid, label, key in SCENARIOS:
            p = problems[pid]
            src = p.reference_source
            pool.warm(p.runtime, settings.workers)  # every worker warm, as on a running server
            judge.judge(p, src, seed=0)
            lat = [_timed(functools.partial(judge.judge, p, src, seed=i)) for i in range(rounds)]
            inp = [_timed(functools.partial(in_process, p, src, i)) for i in range(rounds)]
            figures[f"{key}_ms_p50"] = round(_pct(lat, .5), 2)
            figures[f"{key}_ms_p95"] = round(_pct(lat, .95), 2)
            figures[f"{key}_in_process_ms_p50"] = round(_pct(inp, .5), 2)
            table.add_row(f"judge {label}, p50 / p95", f"{_pct(lat, .5):.0f} / {_pct(lat, .95):.0f}",
                          f"{_pct(inp, .5):.0f} / {_pct(inp, .95):.0f}", f"{_pct(lat, .5) / _pct(inp, .5):.1f}x")
        # Torch: warm slot versus a cold one started for the submission.
        p = problems["ml/bench-torch"]
        cold = []
        for i in range(2):
            fresh = SlotPool(mode=mode, size=1)
            cold.append(_timed(functools.partial(Judge(fresh).judge, p, p.reference_source, seed=i)))
            fresh.close()
        warm = [_timed(functools.partial(judge.judge, p, p.reference_source, seed=i)) for i in range(rounds)]
        figures["torch_cold_ms_p50"] = round(statistics.median(cold), 1)
        table.add_row("torch problem: cold start vs warm slot, p50", f"{statistics.median(cold):.0f} cold",
                      f"{statistics.median(warm):.0f} warm", f"{statistics.median(cold) / statistics.median(warm):.1f}x")
        # Throughput: submissions per second on all workers.
        p = problems["ml/bench-numpy"]
        pool.warm("numpy", settings.workers)
        n = max(rounds, 10) * settings.workers
        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=settings.workers) as ex:
            list(ex.map(lambda i: judge.judge(p, p.reference_source, seed=i), range(n)))
        rate = n / (time.perf_counter() - t)
        figures["throughput_per_s"] = round(rate, 2)
        table.add_row(f"throughput, numpy problem, {settings.workers} workers", f"{rate:.1f} submissions/s", "", "")
    finally:
        pool.close()
    if as_json:
        print(json.dumps(figures))
    else:
        console.print(table)
    return figures
