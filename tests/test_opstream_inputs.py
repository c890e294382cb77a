"""`inputs_unchanged = True` holds for operation streams too: their arguments are not sent back
after each step, so the arrays arrive read-only and a write into one fails the step that made it."""

from __future__ import annotations

import numpy as np
import pytest

from rounds.content.catalog import BANK
from rounds.content.mutants import load_mutants
from rounds.content.package import load_problem
from rounds.domain.verdict import Verdict
from rounds.judge import wire
from rounds.judge.engine import Judge
from rounds.judge.pool import SlotPool


def test_readonly_encoding_marks_every_array_and_nothing_else() -> None:
    value = [np.arange(3.0), [np.ones((2, 2)), (np.zeros(1), 4)], np.float32(2.5), [1.0, 2.0]]
    back = wire.decode(*wire.encode(value, readonly=True))
    assert not back[0].flags.writeable
    assert not back[1][0].flags.writeable and not back[1][1][0].flags.writeable
    assert back[2] == np.float32(2.5) and back[3] == [1.0, 2.0] and back[1][1][1] == 4
    with pytest.raises(ValueError, match="read-only"):
        back[0] += 1
    plain = wire.decode(*wire.encode(value))
    assert plain[0].flags.writeable and plain[1][0].flags.writeable


@pytest.fixture(scope="module")
def judge():
    pool = SlotPool(mode="bwrap", size=1)
    yield Judge(pool)
    pool.close()


def _mutant(problem_root, name: str) -> str:
    return next(m for m in load_mutants(problem_root) if m.name == name).source


@pytest.mark.parametrize("slug, mutant", [("dynamic-loss-scaling", "master_weights_alias_inputs"),
                                          ("zero-sharded-adam", "all_reduce_in_place")])
def test_a_stream_that_writes_into_an_input_is_wrong_and_names_the_step(judge, monkeypatch, slug, mutant) -> None:
    problem = load_problem(BANK / "ml" / slug)
    source = _mutant(problem.root, mutant)
    rep = judge.judge(problem, source, seed=0, fail_fast=True)
    assert rep.verdict is Verdict.WA
    bad = next(t for t in rep.tests if not t.passed)
    assert "wrote into an array passed in" in bad.message and "not modified" in bad.message, bad.message
    assert bad.message.startswith("step "), bad.message
    assert judge.judge(problem, problem.reference_source, seed=0).accepted
    # Without the contract flag the same program returns the right values at every step.
    monkeypatch.setattr(problem.tests, "inputs_unchanged", False)
    assert judge.judge(problem, source, seed=0).accepted


def test_a_constructor_that_writes_into_its_arguments_is_named(judge) -> None:
    problem = load_problem(BANK / "ml" / "dynamic-loss-scaling")
    source = problem.reference_source.replace(
        "        self._params = [np.array(p, dtype=np.float32) for p in params]  # own float32 copies\n",
        "        for p in params:\n            np.nan_to_num(p, copy=False)  # cleans the caller's arrays in place\n"
        "        self._params = [np.array(p, dtype=np.float32) for p in params]\n")
    assert source != problem.reference_source
    rep = judge.judge(problem, source, seed=0, fail_fast=True)
    assert rep.verdict is Verdict.WA
    bad = next(t for t in rep.tests if not t.passed)
    assert bad.message.startswith("LossScaler(") and "wrote into an array passed in" in bad.message, bad.message
