"""Use cases around the judge that need no database: one-shot judging and validation."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from rounds.config import Settings
from rounds.content.catalog import UnknownProblem, catalog
from rounds.content.validate import ValidationResult, validate_problem
from rounds.domain.feedback import MODES, apply_mode
from rounds.domain.verdict import Report
from rounds.judge.factory import get_judge
from rounds.judge.sandbox import SandboxUnavailable


class JudgeUsageError(Exception):
    """A request the judge cannot take: unknown problem, bad level, unavailable sandbox."""


def judge_once(*, problem_id: str, source: str, level: int | None, seed: int, feedback: str,
               settings: Settings, complexity: bool = False) -> Report:
    """Judge a source against the hidden tests of a problem (`rounds judge`)."""
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
    report = judge.judge(problem, source, level=level, seed=seed, suite="all", complexity=complexity)
    return apply_mode(report, feedback)


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
