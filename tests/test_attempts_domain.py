from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rounds.domain import verdict as v
from rounds.domain.attempt import (
    DRILL_MINUTES,
    FULL_MULTI_LEVEL_MINUTES,
    Event,
    EventKind,
    Mode,
    budget_minutes,
    clock,
    deadline_for,
    fmt_duration,
    level_stats,
    progress,
)
from rounds.domain.reports import report_from_json
from rounds.domain.verdict import LevelResult, Report, Verdict

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
offsets = st.integers(min_value=-600, max_value=10_000).map(lambda s: timedelta(seconds=s))


def test_budgets_by_mode() -> None:
    assert budget_minutes(Mode.FULL, problem_minutes=25, levels=4) == FULL_MULTI_LEVEL_MINUTES == 90
    assert budget_minutes(Mode.FULL, problem_minutes=25, levels=1) == 25
    assert budget_minutes(Mode.DRILL, problem_minutes=25, levels=4) == DRILL_MINUTES == 30
    assert budget_minutes(Mode.PRACTICE, problem_minutes=25, levels=4) == 25
    assert deadline_for(Mode.PRACTICE, T0, 25) is None
    assert deadline_for(Mode.FULL, T0, 90) == T0 + timedelta(minutes=90)
    with pytest.raises(ValueError):
        deadline_for(Mode.FULL, T0.replace(tzinfo=None), 90)


@given(offsets, st.integers(1, 120))
def test_an_enforced_clock_never_runs_past_its_deadline(offset: timedelta, minutes: int) -> None:
    deadline = deadline_for(Mode.FULL, T0, minutes)
    c = clock(started_at=T0, deadline=deadline, budget_minutes=minutes, now=T0 + offset)
    assert timedelta(0) <= c.elapsed <= c.budget
    assert c.elapsed + c.remaining == c.budget
    assert c.expired == (T0 + offset >= T0 + timedelta(minutes=minutes))
    assert not c.over_budget


@given(offsets, offsets, st.integers(1, 120))
def test_the_clock_does_not_pause_or_go_back(a: timedelta, b: timedelta, minutes: int) -> None:
    early, late = sorted([a, b])
    deadline = deadline_for(Mode.FULL, T0, minutes)
    c1 = clock(started_at=T0, deadline=deadline, budget_minutes=minutes, now=T0 + early)
    c2 = clock(started_at=T0, deadline=deadline, budget_minutes=minutes, now=T0 + late)
    assert c2.elapsed >= c1.elapsed and c2.remaining <= c1.remaining
    assert c2.expired or not c1.expired


def test_a_practice_clock_only_guides() -> None:
    c = clock(started_at=T0, deadline=None, budget_minutes=25, now=T0 + timedelta(minutes=40))
    assert c.elapsed == timedelta(minutes=40) and c.over_budget and not c.expired
    assert c.remaining == timedelta(0)
    assert fmt_duration(c.elapsed) == "40:00"
    assert fmt_duration(timedelta(hours=1, seconds=5)) == "1:00:05"


@given(st.integers(1, 6), st.data())
def test_progress_never_goes_back_and_stays_in_range(last: int, data: st.DataObject) -> None:
    level = data.draw(st.integers(1, last))
    passed = data.draw(st.integers(0, level - 1))
    highest = data.draw(st.integers(0, last))
    p = progress(level=level, levels_passed=passed, highest_passed=highest, last_level=last)
    assert level <= p.level <= last
    assert passed <= p.levels_passed <= last
    assert p.completed == (p.levels_passed == last)
    assert p.newly_passed == tuple(range(passed + 1, p.levels_passed + 1))
    if not p.completed:
        assert p.level == max(level, p.levels_passed + 1)


def test_passing_a_level_opens_the_next() -> None:
    p = progress(level=1, levels_passed=0, highest_passed=1, last_level=4)
    assert (p.level, p.levels_passed, p.newly_passed, p.completed) == (2, 1, (1,), False)
    p = progress(level=2, levels_passed=1, highest_passed=1, last_level=4)
    assert (p.level, p.newly_passed) == (2, ())
    p = progress(level=4, levels_passed=3, highest_passed=4, last_level=4)
    assert (p.level, p.completed, p.newly_passed) == (4, True, (4,))


def test_level_stats_from_the_event_log() -> None:
    m = timedelta(minutes=1)
    events = [
        Event(EventKind.STARTED, T0),
        Event(EventKind.LEVEL_STARTED, T0, level=1),
        Event(EventKind.RUN, T0 + m, level=1),
        Event(EventKind.RUN, T0 + 2 * m, level=1),
        Event(EventKind.SUBMIT, T0 + 3 * m, level=1, verdict="WA"),
        Event(EventKind.SUBMIT, T0 + 5 * m, level=1, verdict="AC"),
        Event(EventKind.LEVEL_PASSED, T0 + 5 * m, level=1),
        Event(EventKind.LEVEL_STARTED, T0 + 5 * m, level=2),
        Event(EventKind.RUN, T0 + 6 * m, level=2),
    ]
    s1, s2, s3 = level_stats(reversed(events), 3)
    assert (s1.runs, s1.submits, s1.verdicts, s1.last_verdict) == (2, 2, ["WA", "AC"], "AC")
    assert s1.time_spent(T0 + 60 * m) == 5 * m
    assert (s2.runs, s2.submits, s2.time_spent(T0 + 8 * m)) == (1, 0, 3 * m)
    assert s3.started_at is None and s3.time_spent(T0) is None


def test_a_report_survives_its_json_form() -> None:
    tests = [v.TestResult(name="a", level=1, verdict=Verdict.AC, cpu_ms=1.5, visible=True, test={"call": "f(1)"},
                        expected="1", actual="1"),
             v.TestResult(name="b", level=2, verdict=Verdict.WA, message="off by one", output="hi",
                        steps=[{"step": 1, "call": "f()", "expected": "1", "actual": "2", "ok": False}])]
    report = Report(problem_id="p", levels=[LevelResult(1, tests[:1]), LevelResult(2, tests[1:]),
                                            LevelResult(3, ran=False)], seed=7, score=350, sandbox="bwrap")
    back = report_from_json(report.to_json())
    assert back.to_json() == report.to_json()
    assert back.verdict is Verdict.WA and back.highest_level_passed == 1
