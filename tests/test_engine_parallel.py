"""A level's tests sent ahead on one slot, or spread over idle warm slots: same results, same order, fail-fast still stops."""

from __future__ import annotations

import pytest

from rounds.content.package import load_problem
from rounds.domain.verdict import Verdict
from rounds.judge.benchmark import BENCH_BANK
from rounds.judge.engine import Judge
from rounds.judge.pool import SlotPool

WRONG = BENCH_BANK.joinpath("oop/bench-counter/reference.py").read_text().replace(
    "(-kv[1], kv[0])", "(-kv[1], -ord(kv[0]))")  # ties broken by key descending


@pytest.fixture(scope="module")
def problem():
    return load_problem(BENCH_BANK / "oop/bench-counter")


def judged(problem, source, size, **kw):
    pool = SlotPool(mode="bwrap", size=size)
    try:
        pool.warm("numpy", size)
        return Judge(pool).judge(problem, source, seed=3, **kw)
    finally:
        pool.close()


def test_parallel_grading_matches_sequential(problem):
    one = judged(problem, WRONG, 1)
    two = judged(problem, WRONG, 2)
    assert [t.name for t in two.tests] == [t.name for t in one.tests]
    assert [t.verdict for t in two.tests] == [t.verdict for t in one.tests]
    assert Verdict.WA in {t.verdict for t in two.tests}
    assert judged(problem, problem.reference_source, 2).accepted


def test_fail_fast_stops_at_the_first_failure_in_order(problem):
    rep = judged(problem, WRONG, 2, fail_fast=True)
    verdicts = [t.verdict for t in rep.tests]
    assert verdicts[-1] is Verdict.WA and all(v is Verdict.AC for v in verdicts[:-1])


def test_validate_still_kills_mutants_when_tests_run_in_parallel(problem):
    # Regression: a failure found by a helper slot ahead of the main loop was dropped.
    for seed in range(3):
        pool = SlotPool(mode="bwrap", size=2)
        try:
            pool.warm("numpy", 2)
            rep = Judge(pool).judge(problem, WRONG, seed=seed, fail_fast=True)
        finally:
            pool.close()
        assert not rep.accepted


def test_references_run_one_at_a_time_on_the_host():
    """A level's tests are graded in several threads when idle slots help; a reference that seeds
    a global generator (torch.manual_seed before training with dropout) must still get its own
    stream, so references never overlap."""
    import random
    import threading
    import time

    from rounds.judge.graders.base import call_reference

    def seeded(seed):
        random.seed(seed)
        time.sleep(0.002)  # another thread would reseed here
        return random.random()

    want = {s: random.Random(s).random() for s in range(8)}
    got: list[tuple[int, float]] = []

    def work(seeds):
        for s in seeds:
            got.append((s, call_reference(seeded, (s,), {})[0]))

    threads = [threading.Thread(target=work, args=([i, i + 4] * 5,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 40
    assert all(v == want[s] for s, v in got)


KILLS_HARNESS_ON_3 = """
import os
import signal


def solve(x):
    if x == 3:
        os.kill(os.getppid(), signal.SIGKILL)
    return 2 * x
"""

SLOW_ON_3 = """
def solve(x):
    while x == 3:
        pass
    return 2 * x
"""


def _double():
    from pathlib import Path

    return load_problem(Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double")


def test_a_test_sent_behind_one_that_kills_the_harness_runs_again_and_is_not_blamed():
    """Tests are sent ahead on one slot; when one kills the harness, the test waiting behind it
    never ran: it runs on a new slot, and only the killer is RE (all tests reported)."""
    p = _double()
    pool = SlotPool(mode="bwrap", size=1)
    try:
        rep = Judge(pool).judge(p, KILLS_HARNESS_ON_3, seed=1)
        again = Judge(pool).judge(p, p.reference_source, seed=1)
    finally:
        pool.close()
    verdicts = [t.verdict for t in rep.tests]
    assert verdicts == [Verdict.RE, Verdict.AC, Verdict.AC], [(t.name, t.verdict, t.message) for t in rep.tests]
    assert "sandbox died" in rep.tests[0].message
    assert again.accepted


def test_under_fail_fast_a_test_sent_behind_a_time_limit_is_not_run():
    """The harness skips a test sent ahead when the one before it failed there: a slow program
    costs one time limit, not two."""
    import time

    p = _double()
    pool = SlotPool(mode="bwrap", size=1)
    try:
        t0 = time.monotonic()
        rep = Judge(pool).judge(p, SLOW_ON_3.replace("x == 3", "True"), seed=1, fail_fast=True)
        took = time.monotonic() - t0
    finally:
        pool.close()
    assert [t.verdict for t in rep.tests] == [Verdict.TLE]
    assert took < 2 * p.limits.cpu_ms / 1000 + 1.0, took


def test_a_slow_level_borrows_idle_slots_and_keeps_its_order(problem, monkeypatch):
    """Past BORROW_AFTER_S a level hands its remaining tests to idle slots too; results are those
    of one slot, in the same order."""
    from rounds.judge import engine

    one = judged(problem, WRONG, 1)
    monkeypatch.setattr(engine, "BORROW_AFTER_S", 0.0)
    borrowed = {"n": 0}
    real = Judge._borrow

    def counting(self, ctx, most):
        out = real(self, ctx, most)
        borrowed["n"] += len(out)
        return out

    monkeypatch.setattr(Judge, "_borrow", counting)
    two = judged(problem, WRONG, 2)
    assert borrowed["n"] >= 1
    assert [(t.name, t.verdict) for t in two.tests] == [(t.name, t.verdict) for t in one.tests]
