from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rounds.domain import verdict as v
from rounds.domain.scoring import MAX_SCORE, MIN_SCORE, LevelTally, score, tallies
from rounds.domain.verdict import LevelResult, Report, Verdict


@st.composite
def level_tallies(draw: st.DrawFn) -> list[LevelTally]:
    n = draw(st.integers(1, 6))
    out = []
    for _ in range(n):
        total = draw(st.integers(0, 40))
        out.append(LevelTally(draw(st.integers(0, total)), total))
    return out


@given(level_tallies())
def test_score_stays_within_200_and_600(ts: list[LevelTally]) -> None:
    assert MIN_SCORE <= score(ts) <= MAX_SCORE


@given(level_tallies(), st.data())
def test_passing_one_more_test_never_lowers_the_score(ts: list[LevelTally], data: st.DataObject) -> None:
    open_levels = [i for i, t in enumerate(ts) if t.passed < t.total]
    if not open_levels:
        assert score(ts) == MAX_SCORE or any(t.total == 0 for t in ts)
        return
    i = data.draw(st.sampled_from(open_levels))
    better = list(ts)
    better[i] = LevelTally(ts[i].passed + 1, ts[i].total)
    assert score(better) >= score(ts)
    if better[i].full:  # completing a level earns its bonus on top
        assert score(better) > score(ts)


@given(st.lists(st.integers(1, 40), min_size=1, max_size=6))
def test_full_pass_is_600_and_nothing_is_200(totals: list[int]) -> None:
    assert score([LevelTally(t, t) for t in totals]) == MAX_SCORE
    assert score([LevelTally(0, t) for t in totals]) == MIN_SCORE


def test_a_level_bonus_is_paid_only_for_a_full_pass() -> None:
    almost = score([LevelTally(9, 10), LevelTally(0, 0)])
    full = score([LevelTally(10, 10), LevelTally(0, 0)])
    assert (almost, full) == (200 + round(400 * 0.5 * 0.5 * 0.9), 400)


def test_bad_tallies_are_refused() -> None:
    with pytest.raises(ValueError):
        LevelTally(3, 2)
    with pytest.raises(ValueError):
        score([])


def test_tallies_from_a_report_count_unrun_levels_as_nothing() -> None:
    def t(level: int, ok: bool) -> v.TestResult:
        return v.TestResult(name="t", level=level, verdict=Verdict.AC if ok else Verdict.WA)

    report = Report(problem_id="x", levels=[LevelResult(1, [t(1, True), t(1, True)]),
                                           LevelResult(2, [t(2, True), t(2, False)]),
                                           LevelResult(3, ran=False)])
    assert tallies(report, 4) == [LevelTally(2, 2), LevelTally(1, 2), LevelTally(0, 0), LevelTally(0, 0)]
