"""pytest-style test files in a codebase repository: they run under pytest inside the sandbox, in
the same per-file test process as unittest files, with the same rows (one per test, one per case of
a parametrized test), and a test that loops or crashes gets its own verdict while the others keep
theirs. unittest-only files keep the unittest path."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from rounds.content import codebase as cb
from rounds.content.catalog import catalog
from rounds.content.package import Limits, Problem
from rounds.domain.verdict import Report, Verdict
from rounds.domain.verdict import TestResult as Result
from rounds.judge.engine import Judge
from rounds.judge.graders.codebase import (
    SUBMISSION_SOURCE,
    _run_file,
    _task,
    grade_codebase,
    read_tests,
)
from rounds.judge.pool import SlotPool

LOG = "codebase/log-pipeline"

CONFTEST = '''import pytest


@pytest.fixture
def values():
    return [5, 1, 4, 2, 3]
'''

PYTEST_FILE = '''import pytest

from logpipe.stats import percentile


def test_largest(values):
    assert percentile(values, 100) == 5


def test_wrong_expectation():
    assert percentile([1, 2, 3], 100) == 5


@pytest.mark.parametrize("p, want", [(0, 1), (100, 3), (50, 7)])
def test_cases(p, want):
    assert percentile([1, 2, 3], p) == want


def test_empty_raises():
    with pytest.raises(ValueError):
        percentile([], 50)


def test_raises_an_error():
    return {}["missing"]


def test_writes_a_file(tmp_path):
    (tmp_path / "out.txt").write_text("ok")
    print("wrote", (tmp_path / "out.txt").read_text())
    assert (tmp_path / "out.txt").read_text() == "ok"


def test_approx():
    assert 0.1 + 0.2 == pytest.approx(0.3)


class TestPlain:
    def test_in_a_plain_class(self, monkeypatch):
        monkeypatch.setenv("ROUNDS_X", "1")
        assert percentile([7], 50) == 7
'''


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


def by_test(rep: Report, rel: str) -> dict[str, Result]:
    return {t.name.split("::", 1)[1]: t for t in rep.tests if t.name.startswith(f"{rel}::")}


@pytest.fixture(scope="module")
def graded(judge: Judge, problem: Problem) -> Report:
    repo = {**cb.reference_repo(problem), "tests/conftest.py": CONFTEST, "tests/test_pystyle.py": PYTEST_FILE}
    return grade_codebase(judge, problem, "", suite="examples", repo=repo)


def test_a_passing_pytest_test_with_a_conftest_fixture_passes(graded: Report) -> None:
    tests = by_test(graded, "tests/test_pystyle.py")
    assert tests["test_largest"].verdict is Verdict.AC, tests["test_largest"].message
    assert tests["test_largest"].test == {"file": "tests/test_pystyle.py", "test": "test_largest"}
    assert tests["TestPlain.test_in_a_plain_class"].verdict is Verdict.AC
    assert tests["test_empty_raises"].verdict is Verdict.AC
    assert tests["test_approx"].verdict is Verdict.AC


def test_a_failing_assert_shows_the_compared_values_and_its_line(graded: Report) -> None:
    t = by_test(graded, "tests/test_pystyle.py")["test_wrong_expectation"]
    assert t.verdict is Verdict.WA
    assert t.message.startswith("assert 3 == 5"), t.message
    assert "(tests/test_pystyle.py line 11)" in t.message


def test_each_case_of_a_parametrized_test_is_a_row(graded: Report) -> None:
    tests = by_test(graded, "tests/test_pystyle.py")
    cases = {k: t.verdict for k, t in tests.items() if k.startswith("test_cases")}
    assert cases == {"test_cases[0-1]": Verdict.AC, "test_cases[100-3]": Verdict.AC, "test_cases[50-7]": Verdict.WA}
    assert "assert 2 == 7" in tests["test_cases[50-7]"].message


def test_an_exception_is_an_error_and_tmp_path_and_output_work(graded: Report) -> None:
    tests = by_test(graded, "tests/test_pystyle.py")
    err = tests["test_raises_an_error"]
    assert err.verdict is Verdict.RE
    assert err.message.startswith("raised KeyError: 'missing'") and "(tests/test_pystyle.py line 25)" in err.message
    wrote = tests["test_writes_a_file"]
    assert wrote.verdict is Verdict.AC and wrote.output == "wrote ok\n"


def test_the_phase_counts_pytest_tests_beside_the_unittest_files(graded: Report) -> None:
    visible = (graded.phases or [])[0]
    assert len(by_test(graded, "tests/test_pystyle.py")) == 10
    # the reference's 21 unittest tests pass as before; 3 of the 10 pytest rows fail
    assert (visible["passed"], visible["total"]) == (21 + 7, 21 + 10), visible
    unittest_rows = [t for t in graded.tests if not t.name.startswith("tests/test_pystyle.py")]
    assert len(unittest_rows) == 21 and all(t.passed for t in unittest_rows)


def test_a_looping_test_is_tle_alone_and_the_others_keep_their_verdicts(judge: Judge, problem: Problem) -> None:
    small = dataclasses.replace(problem, limits=Limits(cpu_ms=400))  # a short limit: the loop costs little
    looping = '''import pytest

from logpipe.stats import percentile


def test_fine():
    assert percentile([1, 2], 100) == 2


@pytest.mark.parametrize("n", [1, 2])
def test_loops_on_two(n):
    while n == 2:
        pass


def test_fails():
    assert percentile([1, 2], 100) == 1
'''
    repo = {**cb.reference_repo(problem), "tests/test_loops.py": looping}
    rep = grade_codebase(judge, small, "", suite="examples", repo=repo)
    tests = by_test(rep, "tests/test_loops.py")
    assert {k: t.verdict for k, t in tests.items()} == {
        "test_fine": Verdict.AC, "test_loops_on_two[1]": Verdict.AC, "test_loops_on_two[2]": Verdict.TLE,
        "test_fails": Verdict.WA}
    assert "400 ms" in tests["test_loops_on_two[2]"].message
    assert "assert 2 == 1" in tests["test_fails"].message


def test_a_crashing_test_is_an_error_of_its_own(judge: Judge, problem: Problem) -> None:
    crashing = "import os\n\n\ndef test_exits():\n    os._exit(3)\n\n\ndef test_fine():\n    assert True\n"
    repo = {**cb.reference_repo(problem), "tests/test_crash.py": crashing}
    rep = grade_codebase(judge, problem, "", suite="examples", repo=repo)
    tests = by_test(rep, "tests/test_crash.py")
    assert tests["test_fine"].verdict is Verdict.AC
    assert tests["test_exits"].verdict is Verdict.RE and "status 3" in tests["test_exits"].message


def test_a_pytest_file_that_cannot_import_the_package_names_the_import(judge: Judge, problem: Problem) -> None:
    repo = {**cb.reference_repo(problem), "tests/test_bad.py": "from logpipe.nothere import x\n\n\ndef test_a():\n"
            "    assert x\n"}
    rep = grade_codebase(judge, problem, "", suite="examples", repo=repo)
    (t,) = [t for t in rep.tests if t.name == "tests/test_bad.py"]
    assert t.verdict is Verdict.RE
    assert "fails to import (tests/test_bad.py line 1)" in t.message and "logpipe.nothere" in t.message


def test_a_hidden_pytest_file_never_loads_the_repositorys_conftest(judge: Judge, problem: Problem) -> None:
    # A conftest.py that turns every failure into a pass: the visible file is the learner's own
    # business, but a hidden file runs without it.
    cheat = '''import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    rep.outcome = "passed"
    return rep
'''
    hidden = 'def test_intended():\n    """two is not one"""\n    assert 2 == 1\n'
    files = {**cb.reference_repo(problem), "conftest.py": cheat, "tests/test_mine.py": hidden,
             "_hidden_x/test_h.py": hidden}
    with judge._context(problem, SUBMISSION_SOURCE) as ctx:
        mine = _run_file(ctx, files, "tests/test_mine.py", name="tests/test_mine.py", visible=True)
        theirs = _run_file(ctx, files, "_hidden_x/test_h.py", name="hidden test_h", visible=False, source=hidden)
    assert [t.verdict for t in mine] == [Verdict.AC]  # the learner's conftest applies to their own tests
    assert [t.verdict for t in theirs] == [Verdict.WA]
    assert theirs[0].message == "two is not one" and "assert 2 == 1" in theirs[0].open_detail


def test_unittest_files_keep_the_unittest_path() -> None:
    repo = cb.reference_repo(catalog().get(LOG))
    for rel in ("tests/test_stats.py", "tests/test_parse.py"):
        assert not read_tests(repo[rel]).pytest
        assert "runner" not in _task(repo, rel)
    assert _task(repo, "tests/test_stats.py", pytest=True)["runner"] == "pytest"


@pytest.mark.parametrize("source, style, count", [
    ("import unittest\n\n\nclass A(unittest.TestCase):\n    def test_x(self):\n        pass\n", False, 1),
    ("import unittest\n\n\nclass Base(unittest.TestCase):\n    pass\n\n\nclass A(Base):\n"
     "    def test_x(self):\n        pass\n", False, 1),
    ("def test_x():\n    assert 1\n", True, 1),
    ("class TestX:\n    def test_a(self):\n        pass\n\n    def test_b(self):\n        pass\n", True, 2),
    ("import pytest\nimport unittest\n\n\nclass A(unittest.TestCase):\n    def test_x(self):\n        pass\n",
     True, 1),
    ("import pytest\n\n\n@pytest.mark.parametrize('a', [1, 2, 3])\n@pytest.mark.parametrize('b', (1, 2))\n"
     "def test_p(a, b):\n    pass\n", True, 6),
])
def test_a_file_is_unittest_only_when_every_test_is_a_testcase_method(source: str, style: bool, count: int) -> None:
    tf = read_tests(source)
    assert (tf.pytest, tf.count) == (style, count)


def test_every_bundled_codebase_test_file_stays_on_the_unittest_path() -> None:
    for problem in catalog():
        if problem.grader != "codebase":
            continue
        sources = [*cb.starting_repo(problem).items(), *cb.reference_repo(problem).items(),
                   *cb.hidden_tests(problem).items()]
        for rel, text in sources:
            if rel.rsplit("/", 1)[-1].startswith("test_") and rel.endswith(".py"):
                assert not read_tests(text).pytest, (problem.id, rel)
