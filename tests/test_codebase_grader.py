"""The codebase grader on the sandbox: phases graded and reported separately, hidden tests that
stay out of the repository and out of standard feedback, benchmark tiers, and the gate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rounds.content import codebase as cb
from rounds.content.catalog import catalog
from rounds.content.package import Problem
from rounds.content.validate import validate_problem
from rounds.domain.feedback import apply_mode
from rounds.domain.verdict import Report, Verdict
from rounds.judge.engine import Judge
from rounds.judge.graders.codebase import grade_codebase, outcome
from rounds.judge.pool import SlotPool

LOG = "codebase/log-pipeline"


@pytest.fixture(scope="module")
def judge() -> Iterator[Judge]:
    pool = SlotPool(mode="bwrap", size=1)
    try:
        yield Judge(pool)
    finally:
        pool.close()


@pytest.fixture(scope="module")
def problem() -> Problem:
    return catalog().get(LOG)


def phases(rep: Report) -> dict[str, dict]:
    return {ph["phase"]: ph for ph in rep.phases or []}


def mutant(p: Problem, name: str) -> cb.Repo:
    return cb.mutant_repo(p, next(m for m in cb.load_codebase_mutants(p) if m.name == name))


def test_the_reference_passes_every_phase_at_the_optimal_tier(judge: Judge, problem: Problem) -> None:
    rep = judge.judge(problem, cb.encode(cb.reference_repo(problem)))  # through the engine's dispatch
    assert rep.accepted and outcome(rep) == "optimal", rep.phases
    ph = phases(rep)
    assert [p["phase"] for p in rep.phases or []] == ["visible", "hidden", "benchmark", "explanation"]
    assert ph["visible"]["passed"] == ph["visible"]["total"] == 21
    bench = ph["benchmark"]
    assert bench["tier"] == "optimal"
    assert bench["ratio"] <= 3.0 or bench["cpu_ms"] <= bench["reference_ms"] + 25
    assert bench["thresholds_ms"]["optimal"] < bench["thresholds_ms"]["good"]
    assert "optimal <=" in bench["summary"] and "good <=" in bench["summary"]
    assert ph["explanation"]["status"] == "missing"
    again = Report(**{**rep.__dict__})
    assert again.to_json()["phases"] == rep.phases


def test_the_starting_repository_fails_its_visible_tests_for_the_planted_reasons(judge: Judge,
                                                                                 problem: Problem) -> None:
    rep = grade_codebase(judge, problem, problem.starter, suite="examples")
    assert outcome(rep) == "visible" and [p["phase"] for p in rep.phases or []] == ["visible"]
    assert "fewer" not in (rep.phases or [])[0]["summary"]
    by = {t.name.split("::")[1]: t for t in rep.tests}
    assert by["ParseTest.test_timestamp_keeps_milliseconds"].verdict is Verdict.WA
    assert "IndexError" in by["PercentileTest.test_p100_is_the_largest"].message
    assert "(tests/test_stats.py line 18)" in by["PercentileTest.test_median_of_even_count"].message
    assert "NotImplementedError" in by["ReportTest.test_summary_lines"].message
    assert by["FilterTest.test_unknown_level"].verdict is Verdict.AC
    assert all(t.visible for t in rep.tests)


def test_a_fix_that_special_cases_the_visible_tests_fails_the_hidden_ones(judge: Judge, problem: Problem) -> None:
    rep = grade_codebase(judge, problem, cb.encode(mutant(problem, "special_cases_visible_levels")))
    assert outcome(rep) == "hidden"
    failed = [t for t in rep.tests if not t.passed]
    assert failed and all(not t.visible for t in failed)
    t = next(t for t in failed if t.name.endswith("Levels.test_every_threshold"))
    assert t.message == "at_least keeps exactly the levels at or above the threshold, for every threshold"
    assert "!=" in (t.open_detail or "")  # the assertion itself: open feedback only
    standard = apply_mode(Report(**{**rep.__dict__}), "standard")
    assert "!=" not in next(x for x in standard.tests if x.name == t.name).message
    assert "_hidden_" not in " ".join(x.name for x in rep.tests)  # the hidden file's drawn name stays inside


def test_the_naive_core_is_placed_in_the_naive_tier_with_its_figure(judge: Judge, problem: Problem) -> None:
    rep = grade_codebase(judge, problem, cb.encode(mutant(problem, "naive_count_every_window")))
    bench = phases(rep)["benchmark"]
    assert outcome(rep) == "tier naive", bench
    # either measured, well past the good tier's multiple, or stopped at the benchmark's CPU limit
    assert bench["cpu_ms"] is None or bench["ratio"] > 15, bench
    t = next(t for t in rep.tests if t.name == "benchmark")
    assert t.verdict is Verdict.TLE and t.message.startswith("tier naive: ")
    assert "optimal <= " in t.message and "good <= " in t.message
    assert phases(rep)["hidden"]["status"] == "pass"


def test_a_wrong_answer_on_the_benchmark_gets_no_tier(judge: Judge, problem: Problem) -> None:
    rep = grade_codebase(judge, problem, cb.encode(mutant(problem, "assumes_sorted_input")))
    assert phases(rep)["benchmark"]["status"] == "fail"
    assert "not the intended one" in phases(rep)["benchmark"]["summary"]


def test_a_package_that_does_not_import_and_an_explanation(judge: Judge, problem: Problem) -> None:
    repo = cb.reference_repo(problem)
    repo["logpipe/stats.py"] = repo["logpipe/stats.py"].replace("import math\n", "import math\nimport numpy_that_is_not_there\n")
    repo[cb.EXPLANATION] += "\nThe median test was wrong: nearest rank gives 20.\n"
    rep = grade_codebase(judge, problem, cb.encode(repo))
    first = rep.tests[0]
    assert first.verdict is Verdict.RE and "No module named 'numpy_that_is_not_there'" in first.message
    assert first.message.startswith("tests/test_alerts.py fails to import (tests/test_alerts.py line 3)")
    bench = phases(rep)["benchmark"]
    assert bench["status"] == "fail" and "the benchmark cannot import the package" in bench["summary"]
    assert phases(rep)["explanation"] == {**phases(rep)["explanation"], "status": "written", "words": 9}


def test_deleting_a_failing_test_is_said_next_to_the_count(judge: Judge, problem: Problem) -> None:
    repo = cb.reference_repo(problem)
    repo["tests/test_stats.py"] = repo["tests/test_stats.py"].replace("def test_median_of_even_count", "def _median")
    del repo["tests/test_report.py"]
    rep = grade_codebase(judge, problem, "", repo=repo, suite="examples")
    visible = phases(rep)["visible"]
    assert visible["status"] == "pass" and visible["dropped"] == 3
    assert visible["summary"] == "18 of 18 pass (3 test(s) fewer than the starting repository has)"


def test_a_binary_file_is_refused_before_anything_runs(judge: Judge, problem: Problem) -> None:
    repo = {**cb.reference_repo(problem), "data/sample.bin": "\x00\x01"}
    rep = grade_codebase(judge, problem, "", repo=repo)
    assert rep.verdict is Verdict.CE and "data/sample.bin is a binary file" in rep.message
    assert outcome(rep) == "repository"


def test_validate_gates_the_codebase(judge: Judge, problem: Problem) -> None:
    res = validate_problem(problem, judge)
    assert res.ok, res.failures
    assert any("mutant naive_count_every_window: tier naive, as expected" in n for n in res.notes)
