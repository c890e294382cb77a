"""The growth fit behind the complexity report, on synthetic timings."""

from __future__ import annotations

import contextlib
import math
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rounds.content.testkit import Call
from rounds.judge.complexity import (
    MODELS,
    closest_model,
    fit_exponent,
    measure_complexity,
    net_times,
    tier,
)

LADDER = st.builds(
    lambda start, ratio, steps: [start * ratio**i for i in range(steps)],
    st.integers(200, 5000), st.sampled_from([2, 3]), st.integers(5, 7),
)
# Timings are minima of repeats, so their noise is one-sided: a run is never faster than the truth.
NOISE = st.lists(st.floats(0.0, 0.04), min_size=7, max_size=7)


@given(LADDER, st.floats(0.0, 3.0), st.floats(1e-6, 1e3), NOISE)
def test_exponent_of_a_power_law_is_recovered(sizes, k, c, noise):
    times = [c * n**k * (1 + e) for n, e in zip(sizes, noise, strict=False)]
    assert fit_exponent(sizes, times) == pytest.approx(k, abs=0.05)


@given(LADDER, st.floats(1e-6, 10.0))
def test_exact_power_law_fits_exactly(sizes, c):
    assert fit_exponent(sizes, [c * n**2 for n in sizes]) == pytest.approx(2.0, abs=1e-9)


@settings(max_examples=200)
@given(LADDER, st.sampled_from(sorted(MODELS)), st.floats(1e-5, 10.0), NOISE)
def test_closest_model_recovers_the_generating_model(sizes, name, c, noise):
    f = MODELS[name]
    times = [c * f(n) * (1 + e) for n, e in zip(sizes, noise, strict=False)]
    assert closest_model(sizes, times) == name


@given(LADDER, st.floats(1e-3, 1.0))
def test_n_log_n_is_told_from_n_and_from_n_squared(sizes, c):
    times = [c * n * math.log(n) for n in sizes]
    assert closest_model(sizes, times) == "n log n"
    assert 1.0 < fit_exponent(sizes, times) < 1.25


@given(st.lists(st.lists(st.floats(0.0, 100.0), min_size=1, max_size=5), min_size=1, max_size=6))
def test_net_times_are_positive_and_use_minima(samples):
    base = [[1.0, 2.0] for _ in samples]
    net = net_times(samples, base)
    assert all(t > 0 for t in net)
    for s, t in zip(samples, net, strict=True):
        assert t == max(min(s) - 1.0, 0.05)


def test_fit_refuses_degenerate_input():
    with pytest.raises(ValueError):
        fit_exponent([10], [1.0])
    with pytest.raises(ValueError):
        fit_exponent([10, 10], [1.0, 2.0])
    with pytest.raises(ValueError):
        fit_exponent([10, 20], [0.0, 2.0])


def test_tier_names_the_expected_and_the_observed_growth():
    slow = tier("O(n log n)", 1.1, 2.0)
    assert slow == {"tier": "slower", "message": "O(n log n) expected, yours grows like n^2"}
    ok = tier("O(n log n)", 1.1, 1.15)
    assert ok["tier"] == "on-track"
    assert ok["message"].startswith("O(n log n) expected, yours grows like n^1.1")


class _FakeContext:
    """Stands in for a sandbox slot: the CPU time of a call is a known function of its size."""

    def __init__(self, source: str, costs: dict[str, object]) -> None:
        self.source = source
        self.costs = costs

    def limits(self, cpu_ms=None):
        return cpu_ms

    def run(self, task, blobs, limits):
        from rounds.judge.classify import Classified
        from rounds.judge.wire import decode

        n = len(decode(task["args"], blobs)[0])
        cost = self.costs.get(self.source, lambda n: 0.0)
        t = 1.0 + 0.002 * n + cost(n)  # receiving the arguments costs every source the same
        return types.SimpleNamespace(cpu_ms=t), Classified(None, "", {"call_cpu_ms": t}, [])


def _problem(**tests):
    mod = types.SimpleNamespace(
        ladder=lambda rng: [(n, Call(([0] * n,))) for n in (1000, 2000, 4000, 8000, 16000)], **tests
    )
    return types.SimpleNamespace(grader="function", entry="f", reference_source="REF",
                                 limits=types.SimpleNamespace(cpu_ms=2000), tests=mod)


def _measure(problem, user_cost):
    costs = {"REF": lambda n: 1e-4 * n * math.log(n), "MINE": user_cost}

    @contextlib.contextmanager
    def open_context(source):
        yield _FakeContext(source, costs)

    return measure_complexity(problem, "MINE", open_context)


def test_a_quadratic_solution_is_reported_slower_than_the_reference():
    out = _measure(_problem(expected_complexity="O(n log n)"), lambda n: 1e-6 * n * n)
    assert out["tier"] == "slower"
    assert out["message"] == "O(n log n) expected, yours grows like n^2"
    assert out["yours_exponent"] == pytest.approx(2.0, abs=0.05)
    assert out["reference_exponent"] == pytest.approx(1.08, abs=0.05)


def test_a_solution_like_the_reference_is_on_track_and_the_tier_defaults_to_the_references():
    out = _measure(_problem(), lambda n: 3e-4 * n * math.log(n))
    assert out["tier"] == "on-track"
    assert out["expected"] == "O(n log n)"
    assert out["ratio_at_largest"] == pytest.approx(3.0, rel=1e-3)


def test_no_ladder_no_report():
    p = _problem()
    del p.tests.ladder
    assert _measure(p, lambda n: n) is None


PACKAGE = {
    "problem.toml": """
id = "algo/weighted-total"
title = "Weighted total"
track = "algo"
difficulty = "easy"
tags = ["arrays"]
companies = []
minutes = 5
grader = "function"
entry = "weighted_total"

[limits]
cpu_ms = 2000
memory_mb = 256
""",
    "statement.md": "Add things up.\n\n## Contract\n\n- `weighted_total(nums: list[int]) -> int`.\n",
    "starter.py": "def weighted_total(nums):\n    raise NotImplementedError\n",
    "reference.py": """
def weighted_total(nums):
    acc = 0
    for x in nums:
        for w in range(8):
            acc += x * w
    return acc % 1000003
""",
    "tests.py": """
from rounds.testkit import Call

expected_complexity = "O(n)"


def examples(level):
    return [Call(([1, 2, 3],))]


def hidden(level, rng):
    return [Call(([rng.randint(0, 9) for _ in range(20)],))]


def ladder(rng):
    return [(n, Call(([rng.randint(0, 9) for _ in range(n)],), cpu_ms=400)) for n in (2500, 5000, 10000, 20000)]
""",
    "editorial.md": "Loop once.\n",
}

QUADRATIC = """
def weighted_total(nums):
    acc = 0
    for i, x in enumerate(nums):
        for w in range(8):
            acc += x * w
        for y in nums[: len(nums) // 4]:  # pointless rescans: O(n^2)
            acc += 0 * y
    return acc % 1000003
"""


@pytest.fixture(scope="module")
def sandbox_judge():
    from rounds.judge.engine import Judge
    from rounds.judge.pool import SlotPool
    from rounds.judge.sandbox import bwrap_works

    pool = SlotPool(mode="bwrap" if bwrap_works()[0] else "process", size=1)
    yield Judge(pool)
    pool.close()


@pytest.fixture
def weighted_total(tmp_path):
    from rounds.content.package import load_problem

    root = tmp_path / "algo" / "weighted-total"
    root.mkdir(parents=True)
    for name, text in PACKAGE.items():
        (root / name).write_text(text.lstrip())
    return load_problem(root)


def test_the_judge_reports_a_quadratic_solution_as_slower(sandbox_judge, weighted_total):
    report = sandbox_judge.judge(weighted_total, QUADRATIC, level=1, complexity=True)
    assert report.accepted
    c = report.complexity
    assert c["tier"] == "slower"
    assert c["message"].startswith("O(n) expected")


def test_no_complexity_report_unless_asked_or_when_rejected(sandbox_judge, weighted_total):
    assert sandbox_judge.judge(weighted_total, weighted_total.reference_source, level=1).complexity is None
    wrong = "def weighted_total(nums):\n    return -1\n"
    assert sandbox_judge.judge(weighted_total, wrong, level=1, complexity=True).complexity is None
