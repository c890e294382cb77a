"""The algorithms bank: every package is complete, consistent and cheap to validate.

These checks run on the host without a sandbox; `rounds validate` does the judging.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from rounds.content.package import DIFFICULTIES, load_problem
from rounds.content.testkit import REF, Call, Ops
from rounds.judge.graders.function import expected_of

ALGO = Path(__file__).resolve().parents[2] / "src" / "rounds" / "bank" / "algo"
PACKAGES = sorted(p for p in ALGO.iterdir() if (p / "problem.toml").exists())
MAX_LARGE = 2  # hidden cases with their own CPU limit are the large inputs


class _Ctx:
    def __init__(self, problem):
        self.problem = problem


def test_the_bank_has_the_fixed_problems():
    names = {p.name for p in PACKAGES}
    assert {"top-k-frequent", "sliding-window-maximum", "meeting-rooms-ii", "course-schedule-ii"} <= names


@pytest.fixture(params=PACKAGES, ids=lambda p: p.name)
def problem(request):
    return load_problem(request.param)


def test_metadata_is_complete(problem):
    assert problem.track == "algo"
    assert problem.difficulty in DIFFICULTIES
    assert problem.tags and problem.companies
    assert 5 <= problem.minutes <= 90
    assert len(problem.mutants()) >= 5


def test_statement_and_editorial_state_what_the_format_requires(problem):
    text = problem.levels[0].statement
    assert "## Contract" in text
    assert "Signature:" in text if problem.grader == "function" else f"`{problem.entry}(" in text
    assert "## Examples" in text
    for section in ("## Approach", "## Traps", "## Scale-out follow-up"):
        assert section in problem.editorial


def test_fixed_signatures():
    fixed = {
        "top-k-frequent": "top_k_frequent(nums: list[int], k: int) -> list[int]",
        "sliding-window-maximum": "max_sliding_window(nums: list[int], k: int) -> list[int]",
        "meeting-rooms-ii": "min_meeting_rooms(intervals: list[list[int]]) -> int",
    }
    for slug, sig in fixed.items():
        p = load_problem(ALGO / slug)
        assert f"def {sig}:" in p.starter
        assert sig in p.levels[0].statement


def test_examples_with_stated_answers_agree_with_the_reference(problem):
    examples = problem.examples(1)
    assert examples
    for case in examples:
        if isinstance(case, Call) and case.expected is not REF:
            got = expected_of(Call(case.args, case.kwargs), _Ctx(problem))
            checker = case.check or problem.default_checker
            outcome = checker(got, case.expected, case.args)
            assert outcome.ok, f"{case.name}: {outcome.message}"


def test_hidden_suites_are_lean_and_deterministic(problem):
    a = problem.hidden(1, 0)
    b = problem.hidden(1, 0)
    assert 8 <= len(a) <= 40
    assert [repr(c.args if isinstance(c, Call) else c.ops)[:2000] for c in a] == [
        repr(c.args if isinstance(c, Call) else c.ops)[:2000] for c in b
    ]
    large = [c for c in a if c.cpu_ms is not None]
    assert len(large) <= MAX_LARGE
    for c in large:
        assert c.note, "a large case says which complexity it expects"
    assert all(isinstance(c, Call | Ops) for c in a)


def test_ladders_grow(problem):
    fn = getattr(problem.tests, "ladder", None)
    if fn is None:
        return
    rungs = fn(random.Random(0))
    assert len(rungs) >= 3
    sizes = [n for n, _ in rungs]
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes)
    assert all(isinstance(c, Call) for _, c in rungs)


# A slow but straightforward mutant serves as an independent oracle: on the small hidden
# cases it must agree with the reference (it only exists to be too slow on the large ones).
ORACLES = {
    "skyline": "quadratic_scan", "car-pooling": "quadratic_per_start", "meeting-rooms-ii": "quadratic_pairs",
    "max-profit-job-scheduling": "quadratic_dp", "single-threaded-cpu": "quadratic_pick",
    "cheapest-flights-within-k-stops": "all_paths_dfs", "subarray-sum-equals-k": "all_pairs",
    "longest-increasing-subsequence": "quadratic_dp", "largest-rectangle-in-histogram": "all_pairs",
    "daily-temperatures": "scan_forward", "merge-k-sorted-lists": "one_by_one",
    "merge-intervals": "pairwise_until_stable", "minimum-window-substring": "all_windows",
    "kth-largest-element": "first_pivot_quickselect", "find-median-from-data-stream": "insort_list",
    "longest-consecutive-sequence": "no_start_check", "split-array-largest-sum": "dp_quadratic",
    "network-delay-time": "bellman_ford_full", "sentence-similarity-ii": "search_per_pair",
    "redundant-connection": "dfs_per_edge", "accounts-merge": "quadratic_rescan",
    "rotting-oranges": "full_rescan", "number-of-islands": "relabel_until_stable",
    "top-k-frequent": "quadratic_count", "sliding-window-maximum": "naive_max_per_window",
    "longest-substring-without-repeating": "quadratic_restart", "majority-element": "quadratic_count",
    "basic-calculator": "string_rebuild", "basic-calculator-ii": "string_rebuild",
    "basic-calculator-iii": "recursive_descent", "search-autocomplete": "rescan_every_keystroke",
}


@pytest.mark.parametrize("slug", sorted(ORACLES))
def test_reference_agrees_with_a_slow_oracle_on_small_cases(slug):
    problem = load_problem(ALGO / slug)
    (mutant,) = [m for m in problem.mutants() if m.name == ORACLES[slug]]
    module = mutant.module(f"oracle_{slug.replace('-', '_')}")
    reference, oracle = getattr(problem.reference, problem.entry), getattr(module, problem.entry)
    checked = 0
    for case in problem.hidden(1, 0):
        if case.cpu_ms is not None or len(repr(case.args)) > 3000:
            continue  # the large inputs are what the oracle is too slow for
        want = reference(*copy.deepcopy(case.args))
        got = oracle(*copy.deepcopy(case.args))
        outcome = (case.check or problem.default_checker)(got, want, case.args)
        assert outcome.ok, f"{case.note}: {outcome.message}"
        checked += 1
    assert checked >= 8
