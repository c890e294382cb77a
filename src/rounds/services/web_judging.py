"""Judging for the web pages: visible examples plus custom input, and hidden tests, test by test.

These calls need no database; the attempt services store what they return.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from rounds.config import Settings
from rounds.content.package import Problem
from rounds.content.testkit import Call, Case, Ops
from rounds.domain.feedback import apply_mode
from rounds.domain.verdict import LevelResult, Report, TestResult
from rounds.judge.engine import MAX_SOURCE_BYTES
from rounds.judge.factory import get_judge
from rounds.judge.sandbox import SandboxUnavailable

MAX_CUSTOM_CHARS = 4000
MAX_CUSTOM_CASES = 10

OnResult = Callable[[TestResult], None]


class JudgeRefused(Exception):
    """The judge cannot take this request; the message says why in the user's terms."""


def check_source(source: str) -> None:
    """Refuse a source over the size limit before anything runs."""
    size = len(source.encode("utf-8", "replace"))
    if size > MAX_SOURCE_BYTES:
        raise JudgeRefused(f"Your code is {size / 1024:.0f} KB; the judge takes at most "
                           f"{MAX_SOURCE_BYTES // 1024} KB. Nothing was run, and your code is unchanged.")


def parse_custom(problem: Problem, text: str) -> list[Case]:
    """Custom input as Python literals: one tuple of arguments per line, or one list of calls.

    For a function problem each non-empty line is the argument tuple, e.g. ``(3, [[1, 0]])``. For an
    operation-stream problem the whole text is a list of ``[method, arg, ...]`` steps. Only literals
    are read (``ast.literal_eval``): custom input is data, never code.
    """
    text = text.strip()
    if not text:
        return []
    if len(text) > MAX_CUSTOM_CHARS:
        raise JudgeRefused(f"Custom input is limited to {MAX_CUSTOM_CHARS} characters.")
    if problem.grader == "opstream":
        steps = _literal(text, "the custom input")
        if not isinstance(steps, list | tuple) or not all(
                isinstance(s, list | tuple) and s and isinstance(s[0], str) for s in steps):
            raise JudgeRefused('Custom input for this problem is a list of calls: [["method", arg, ...], ...].')
        return [Ops(ops=[(s[0], tuple(s[1:])) for s in steps], name="custom input")]
    cases: list[Case] = []
    for i, line in enumerate((ln for ln in text.splitlines() if ln.strip()), 1):
        args = _literal(line, f"line {i} of the custom input")
        if not isinstance(args, tuple):
            args = (args,)
        cases.append(Call(args=args, name=f"custom {i}", note="your own input"))
    if len(cases) > MAX_CUSTOM_CASES:
        raise JudgeRefused(f"At most {MAX_CUSTOM_CASES} custom inputs per run.")
    return cases


def _literal(text: str, where: str) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        raise JudgeRefused(f"Cannot read {where} as a Python literal: {exc}") from None


def count_tests(problem: Problem, *, level: int, suite: str, extra: int = 0) -> int | None:
    """How many tests a run will have, for the progress bar (None when unknown up front)."""
    if suite != "examples":
        return None
    try:
        return len(problem.examples(level)) + extra
    except Exception:
        return None


def run_examples(*, problem: Problem, source: str, level: int, custom: list[Case], settings: Settings,
                 on_result: OnResult | None = None) -> Report:
    """Run the visible examples of ``level`` and the user's own inputs."""
    check_source(source)
    judge = _judge(settings)
    return judge.judge(problem, source, level=level, suite="examples", on_result=on_result,
                       extra=custom or None)


def judge_hidden(*, problem: Problem, source: str, level: int | None, seed: int, feedback: str,
                 settings: Settings, on_result: OnResult | None = None) -> Report:
    """Judge against the hidden tests; feedback mode applied to each test as it arrives."""
    check_source(source)
    judge = _judge(settings)

    def shown(t: TestResult) -> None:
        if on_result is None:
            return
        probe = Report(problem_id=problem.id)
        probe.levels.append(LevelResult(t.level, [t]))
        apply_mode(probe, feedback)
        on_result(t)

    report = judge.judge(problem, source, level=level, suite="hidden", seed=seed, on_result=shown)
    return apply_mode(report, feedback)


def _judge(settings: Settings) -> Any:
    try:
        return get_judge(settings)
    except SandboxUnavailable as exc:
        raise JudgeRefused(f"The judge is unavailable: {exc}") from None
