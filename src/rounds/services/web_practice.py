"""What the problem page needs, in one place: its view of the attempt, saving, Run and Submit.

The page reads the attempt (level unlocked, clock, saved code) and judging runs in a worker thread
after the request has returned, so ``prepare_*`` checks the request now and returns the work to do
later; that work opens its own database session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from rounds.config import Settings
from rounds.content.package import Problem
from rounds.content.testkit import Call
from rounds.domain.verdict import Report, TestResult
from rounds.services import web_judging
from rounds.services.web_judging import JudgeRefused, check_source

OnResult = Callable[[TestResult], None]
FEEDBACK = "standard"


@dataclass
class ProblemView:
    """The attempt as the problem page shows it."""

    code: str
    level: int = 1  # highest level unlocked
    passed_level: int = 0
    statement: str = ""
    attempt_id: int | None = None
    deadline: datetime | None = None
    minutes: int = 0
    finished: bool = False
    score: int | None = None
    saved_at: datetime | None = None


@dataclass
class Outcome:
    """What a Run or a Submit produced, for the results fragment."""

    report: Report
    passed_level: int = 0
    score: int | None = None
    unlocked: int | None = None  # the level this submission unlocked
    finished: bool = False
    refresh: bool = False  # the statement, level bar or clock changed
    view: ProblemView | None = None
    submission_id: int | None = None


class Work(Protocol):
    def __call__(self, *, settings: Settings, on_result: OnResult) -> Outcome: ...


@dataclass
class Prepared:
    run: Work
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def custom_example(problem: Problem) -> str:
    """An example line of custom input, taken from the first visible example."""
    try:
        first = next(c for c in problem.examples(1) if isinstance(c, Call))
    except (StopIteration, Exception):
        return "(1, 2)"
    return repr(tuple(first.args))[:120]


def problem_view(*, session: Any, problem: Problem) -> ProblemView:
    return ProblemView(code=problem.starter, statement=problem.statement_upto(1), minutes=problem.minutes)


def save_code(*, session: Any, problem: Problem, code: str) -> dict[str, Any]:
    check_source(code)
    return {"saved": True}


def prepare_run(*, session: Any, problem: Problem, code: str, custom: str) -> Prepared:
    check_source(code)
    view = problem_view(session=session, problem=problem)
    cases = web_judging.parse_custom(problem, custom)
    level = view.level

    def work(*, settings: Settings, on_result: OnResult) -> Outcome:
        report = web_judging.run_examples(problem=problem, source=code, level=level, custom=cases,
                                          settings=settings, on_result=on_result)
        return Outcome(report=report, passed_level=view.passed_level)

    return Prepared(run=work, total=web_judging.count_tests(problem, level=level, suite="examples",
                                                            extra=len(cases)))


def prepare_submit(*, session: Any, problem: Problem, code: str) -> Prepared:
    check_source(code)
    view = problem_view(session=session, problem=problem)
    level = view.level

    def work(*, settings: Settings, on_result: OnResult) -> Outcome:
        report = web_judging.judge_hidden(problem=problem, source=code, level=level, seed=0,
                                          feedback=FEEDBACK, settings=settings, on_result=on_result)
        passed = report.highest_level_passed
        return Outcome(report=report, passed_level=passed)

    return Prepared(run=work)


__all__ = ["JudgeRefused", "Outcome", "Prepared", "ProblemView", "custom_example", "prepare_run",
           "prepare_submit", "problem_view", "save_code"]
