"""Use cases around the judge that need no database: one-shot judging and validation."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from rounds.config import Settings
from rounds.content.catalog import UnknownProblem, catalog
from rounds.content.package import Problem
from rounds.content.validate import ValidationResult, validate_problem
from rounds.domain import scoring
from rounds.domain.feedback import MODES, apply_mode
from rounds.domain.verdict import LevelResult, Report, Verdict
from rounds.judge.engine import Judge
from rounds.judge.factory import get_judge
from rounds.judge.sandbox import SandboxUnavailable


class JudgeUsageError(Exception):
    """A request the judge cannot take: unknown problem, bad level, unavailable sandbox."""


@dataclass
class Batch:
    """Several sources of one problem judged in turn on one judge and its warm slots.

    ``rounds judge ID A.py B.py`` judges each file as its own submission: a CI job checks many
    solutions at the start-up cost of one, and the golden cases show that nothing one submission
    leaves behind reaches the next.
    """

    problem: Problem
    judge: Judge
    level: int | None
    seed: int
    feedback: str
    complexity: bool = False

    def run(self, source: str, *, filename: str | None = None) -> Report:
        report = self.judge.judge(self.problem, source, level=self.level, seed=self.seed, suite="all",
                                  complexity=self.complexity)
        report.score = web_score(report, self.level or len(self.problem.levels))
        if filename and report.verdict is Verdict.CE:  # name the file as the user named it
            from rounds.services.wording import missing_entry_text

            for t in report.tests:
                t.message = missing_entry_text(t.message, source, filename=filename)
            report.message = missing_entry_text(report.message, source, filename=filename)
        return apply_mode(report, self.feedback)


def web_score(report: Report, levels: int) -> int:
    """The score the web app gives a submission with this report: hidden tests of levels 1..levels.

    The examples a level also ran are left out, as a submission in the web app does not run them;
    a problem whose only tests are visible (an imported task) is scored on those.
    """
    hidden = Report(report.problem_id, [
        LevelResult(lv.level, [t for t in lv.tests if not t.visible] or lv.tests, ran=lv.ran)
        for lv in report.levels
    ])
    return scoring.score(scoring.tallies(hidden, levels))


def open_batch(*, problem_id: str, level: int | None, seed: int, feedback: str, settings: Settings,
               complexity: bool = False) -> Batch:
    """Check the request once and hold the judge: every source then costs only its own tests."""
    if feedback not in MODES:
        raise JudgeUsageError(f"--feedback must be one of {', '.join(MODES)}")
    try:
        problem = catalog().get(problem_id)
    except UnknownProblem as exc:
        raise JudgeUsageError(str(exc)) from None
    if level is not None and not 1 <= level <= len(problem.levels):
        raise JudgeUsageError(f"{problem_id} has levels 1..{len(problem.levels)}; --level {level} is out of range")
    try:
        judge = get_judge(settings)
    except SandboxUnavailable as exc:
        raise JudgeUsageError(str(exc)) from None
    return Batch(problem, judge, level, seed, feedback, complexity)


def judge_once(*, problem_id: str, source: str, level: int | None, seed: int, feedback: str,
               settings: Settings, complexity: bool = False) -> Report:
    """Judge a source against the hidden tests of a problem (`rounds judge`)."""
    return open_batch(problem_id=problem_id, level=level, seed=seed, feedback=feedback, settings=settings,
                      complexity=complexity).run(source)


def validate(*, ids: list[str], track: str | None, settings: Settings,
             progress: Callable[[str], None]) -> tuple[list[ValidationResult], dict[str, str]]:
    cat = catalog()
    try:
        problems = [cat.get(i) for i in ids] if ids else cat.filter(track=track)
    except UnknownProblem as exc:
        raise JudgeUsageError(str(exc)) from None
    try:
        judge = get_judge(settings)
    except SandboxUnavailable as exc:
        raise JudgeUsageError(str(exc)) from None
    errors = {} if ids else dict(cat.errors)
    # One runtime at a time, so the warm slots are not restarted between numpy and torch.
    problems = sorted(problems, key=lambda p: (p.runtime, p.id))
    with ThreadPoolExecutor(max_workers=settings.workers) as ex:
        results = list(ex.map(lambda p: validate_problem(p, judge, progress), problems))
    return results, errors
