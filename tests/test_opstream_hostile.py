"""Operation streams send plain scalars without re-checking the builtins at every step; a program
that patches builtins or returns objects that lie about their type must still not be accepted."""

from __future__ import annotations

import pytest

from rounds.content.package import load_problem
from rounds.domain.verdict import Verdict
from rounds.judge.benchmark import BENCH_BANK
from rounds.judge.engine import Judge
from rounds.judge.pool import SlotPool

LIAR = '''
class Meta(type):
    def __eq__(cls, other):
        return True

    def __hash__(cls):
        return hash(int)


class Anything(int, metaclass=Meta):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__
'''

HOSTILE = {
    "an int subclass with a lying __eq__ and metaclass": LIAR + '''
class Counter:
    def __init__(self):
        pass

    def add(self, key, n):
        return Anything(0)

    def get(self, key):
        return Anything(0)

    def top(self, k):
        return Anything(0)
''',
    "patched type() and isinstance()": LIAR + '''
import builtins


class Counter:
    def __init__(self):
        builtins.type = lambda *a: int
        builtins.isinstance = lambda *a: True

    def add(self, key, n):
        return Anything(0)

    def get(self, key):
        return Anything(0)

    def top(self, k):
        return []
''',
}


@pytest.fixture(scope="module")
def problem():
    return load_problem(BENCH_BANK / "oop/bench-counter")


@pytest.fixture(scope="module")
def judge():
    pool = SlotPool(mode="bwrap", size=1)
    yield Judge(pool)
    pool.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_lying_operation_results_are_refused_and_the_next_submission_is_fine(problem, judge, name):
    rep = judge.judge(problem, HOSTILE[name], seed=1, fail_fast=True)
    assert not rep.accepted
    assert rep.verdict in (Verdict.RE, Verdict.WA)
    bad = [t for t in rep.tests if not t.passed][0]
    assert "cannot send a value of type" in (bad.message + str(bad.steps)), bad.message
    assert judge.judge(problem, problem.reference_source, seed=1).accepted
