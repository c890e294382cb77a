"""The visible side of a problem's tests: examples as readable text, and the user's own inputs.

Custom inputs are Python literals typed by the user and evaluated by the reference on the host:

* function problems: the arguments of one call, e.g. ``3, [[1, 0], [2, 1]]``;
* operation-stream problems: a list of calls, each ``("method", arg, ...)``; a first call named
  ``__init__`` gives the constructor's arguments, e.g. ``[("__init__", 2), ("put", "a", 1)]``.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import Any

from rounds.content.package import Problem
from rounds.content.testkit import Call, Case, Ops, Threads
from rounds.judge.checkers import short
from rounds.judge.graders.base import Context, Raises, fmt_call
from rounds.judge.graders.function import expected_of
from rounds.judge.graders.opstream import reference_steps
from rounds.services.errors import InvalidInput

MAX_CUSTOM = 10
MAX_CUSTOM_CHARS = 20_000


def parse_custom(problem: Problem, texts: Sequence[str]) -> list[Case]:
    """Turn the user's inputs into cases; InvalidInput says which one is wrong and why."""
    if texts and problem.grader == "unittest":
        raise InvalidInput("an imported task runs its own unittest files; custom inputs need a reference solution, which it lacks")
    if len(texts) > MAX_CUSTOM:
        raise InvalidInput(f"at most {MAX_CUSTOM} custom inputs per run, got {len(texts)}")
    cases: list[Case] = []
    for i, text in enumerate(texts, 1):
        if len(text) > MAX_CUSTOM_CHARS:
            raise InvalidInput(f"custom input {i} is longer than {MAX_CUSTOM_CHARS} characters")
        name = f"custom {i}"
        if problem.grader == "opstream":
            cases.append(_ops(text, i, name))
        else:
            cases.append(Call(_literal(f"({text},)" if text.strip() else "()", i), name=name,
                              note="your input; the expected value is the reference's answer"))
    return cases


def _literal(text: str, i: int) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        raise InvalidInput(f"custom input {i} is not a Python literal: {exc}") from None


def _ops(text: str, i: int, name: str) -> Ops:
    calls = _literal(text, i)
    if not isinstance(calls, list | tuple) or not all(
            isinstance(c, list | tuple) and c and isinstance(c[0], str) for c in calls):
        raise InvalidInput(f'custom input {i} must be a list of calls like [("method", arg, ...), ...]')
    init: tuple[Any, ...] = ()
    if calls and calls[0][0] == "__init__":
        init = tuple(calls[0][1:])
        calls = calls[1:]
    if not calls:
        raise InvalidInput(f"custom input {i} calls no method")
    return Ops([(c[0], tuple(c[1:])) for c in calls], init=init, name=name,
               note="your input; the expected values are the reference's answers")


def _show(value: Any) -> str:
    if isinstance(value, Raises):
        return f"raises {value.type_name}"
    return short(value, 400)


def examples_markdown(problem: Problem, upto_level: int) -> str:
    """The visible examples of levels 1..upto_level with the reference's answers, as Markdown."""
    ctx = Context(problem=problem, source="")
    out = [f"# Examples: {problem.title}", "",
           "`rounds test` runs these. Answers come from the reference solution; where the contract "
           "allows several right answers, any of them passes.", ""]
    for lv in range(1, upto_level + 1):
        if problem.multi_level:
            out += [f"## Level {lv}: {problem.level(lv).title}", ""]
        cases = problem.examples(lv)
        if not cases:
            out += ["(no examples for this level)", ""]
        for i, case in enumerate(cases, 1):
            out += _case_lines(problem, ctx, case, f"example {lv}.{i}")
    return "\n".join(out).rstrip() + "\n"


def _case_lines(problem: Problem, ctx: Context, case: Case, default: str) -> list[str]:
    title = case.name or default
    lines = [f"### {title}", ""]
    if case.note:
        lines += [case.note, ""]
    lines.append("```")
    if isinstance(case, Call):
        lines.append(f"{fmt_call(case.entry or problem.entry, case.args)}  ->  {_show(expected_of(case, ctx))}")
    elif isinstance(case, Ops):
        lines.append(f"obj = {fmt_call(problem.entry, case.init)}")
        for (method, args), (kind, value) in zip(case.ops, reference_steps(ctx, case.init, case.ops), strict=True):
            shown = f"raises {value}" if kind == "raise" else short(value, 200)
            lines.append(f"obj.{fmt_call(method, args)}  ->  {shown}")
    elif problem.grader == "unittest":  # an imported task's own test file, shown as it is
        from rounds.judge.graders.unittests import TASK_DIR

        path = getattr(case, "path", "")
        lines[-1] = "```python"
        lines += (problem.root / TASK_DIR / path).read_text(encoding="utf-8").rstrip().splitlines()
    elif isinstance(case, Threads):
        lines.append(f"obj = {fmt_call(problem.entry, case.init)}")
        for method, args in case.setup:
            lines.append(f"obj.{fmt_call(method, args)}")
        for t, ops in enumerate(case.threads, 1):
            lines.append(f"thread {t}: " + "; ".join(fmt_call(m, a) for m, a in ops))
        for method, args in case.final:
            lines.append(f"then obj.{fmt_call(method, args)}")
    lines += ["```", ""]
    return lines
