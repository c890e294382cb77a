"""Host-side checks of six oop systems (memory-allocator, task-scheduler, model-registry,
feature-store, file-system, type-inference): every example in a statement is what the reference
answers, generated streams stay valid input under shrinking, the reference answers every call,
and each level's tests only call methods stated up to that level."""

from __future__ import annotations

import ast
import random
import re
from typing import Any

import pytest

from rounds.content.catalog import BANK
from rounds.content.package import Problem, load_problem
from rounds.content.testkit import Ops, Threads

SLUGS = [
    "memory-allocator",
    "task-scheduler",
    "model-registry",
    "feature-store",
    "file-system",
    "type-inference",
]
TIMED = {"model-registry", "feature-store"}  # every method takes the call's timestamp first
SEEDS = (0, 1, 5)
BLOCK = re.compile(r"```\n(.*?)```", re.DOTALL)


def _problem(slug: str) -> Problem:
    return load_problem(BANK / "oop" / slug)


def _cases(p: Problem, level: int, seed: int) -> list[Any]:
    return p.examples(level) + list(p.tests.hidden(level, random.Random(seed * 1009 + level)))


def _example_lines(block: str) -> list[str]:
    """Join a line that starts with '->' to the call above it; drop comments and blanks."""
    lines: list[str] = []
    for raw in block.splitlines():
        line = raw.split("  #")[0].rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("->") and lines:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.strip())
    return lines


def _statement_examples(
    p: Problem, level: int
) -> list[tuple[tuple[Any, ...], list[tuple[str, tuple[Any, ...], Any]]]]:
    """(constructor args, [(method, args, expected)]) for each example block of a level."""
    out = []
    for block in BLOCK.findall(p.level(level).statement):
        lines = _example_lines(block)
        ctor = ast.parse(lines[0], mode="exec").body[0]
        assert isinstance(ctor, ast.Assign) and isinstance(ctor.value, ast.Call), lines[0]
        assert isinstance(ctor.value.func, ast.Name) and ctor.value.func.id == p.entry, lines[0]
        init = tuple(ast.literal_eval(a) for a in ctor.value.args)
        steps = []
        for line in lines[1:]:
            call_src, _, want_src = line.partition("->")
            call_src = re.sub(r"^\w+\s*=\s*", "", call_src.strip())  # "s = a.snapshot() -> 1"
            call = ast.parse(call_src, mode="eval").body
            assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute), line
            args = tuple(ast.literal_eval(a) for a in call.args)
            steps.append((call.func.attr, args, ast.literal_eval(want_src.strip())))
        out.append((init, steps))
    return out


@pytest.mark.parametrize("slug", SLUGS)
def test_every_statement_example_is_what_the_reference_answers(slug: str) -> None:
    p = _problem(slug)
    cls = getattr(p.reference, p.entry)
    for level in range(1, 5):
        blocks = _statement_examples(p, level)
        assert blocks, f"{slug} level {level} shows no example"
        for init, steps in blocks:
            obj = cls(*init)
            for method, args, want in steps:
                got = getattr(obj, method)(*args)
                assert got == want and type(got) is type(want), (
                    f"{slug} level {level}: {method}{args} is {got!r} in the reference, the statement says {want!r}"
                )


@pytest.mark.parametrize("slug", SLUGS)
def test_visible_examples_are_the_statement_examples(slug: str) -> None:
    p = _problem(slug)
    for level in range(1, 5):
        stated = [[(m, a) for m, a, _ in steps] for _, steps in _statement_examples(p, level)]
        shown = [[(m, tuple(a)) for m, a in c.ops] for c in p.examples(level) if isinstance(c, Ops)]
        assert shown and shown == stated[: len(shown)], (
            f"{slug} level {level}: examples() and the statement differ"
        )


@pytest.mark.parametrize("slug", sorted(TIMED))
def test_generated_streams_keep_time_moving_forward(slug: str) -> None:
    # Shrinking drops ops; a strictly increasing sequence stays strictly increasing under any deletion.
    p = _problem(slug)
    for level in range(1, 5):
        for seed in SEEDS:
            for case in _cases(p, level, seed):
                ts = [a[0] for _, a in case.ops]
                assert all(isinstance(t, int) and t > 0 for t in ts)
                assert all(a < b for a, b in zip(ts, ts[1:], strict=False)), (
                    f"{slug} L{level}: {case.note}"
                )
                for m, a in case.ops:
                    if m == "put":
                        assert 0 <= a[4] <= a[0], "event time must not be after the write"


def _run(cls: type, init: tuple[Any, ...], ops: list[tuple[str, tuple[Any, ...]]]) -> None:
    obj = cls(*init)
    for m, a in ops:
        getattr(obj, m)(*a)


@pytest.mark.parametrize("slug", SLUGS)
def test_reference_answers_every_call_of_every_subsequence(slug: str) -> None:
    # The reference raising would oblige users to raise the same exception: no call may raise,
    # including in the shorter streams that shrinking produces.
    p = _problem(slug)
    cls = getattr(p.reference, p.entry)
    rng = random.Random(3)
    for level in range(1, 5):
        for seed in SEEDS:
            for case in _cases(p, level, seed):
                if isinstance(case, Threads):
                    _run(
                        cls,
                        case.init,
                        case.setup + [o for t in case.threads for o in t] + case.final,
                    )
                    continue
                _run(cls, case.init, case.ops)
                if case.shrink:
                    for _ in range(3):
                        _run(cls, case.init, [o for o in case.ops if rng.random() < 0.5])


@pytest.mark.parametrize("slug", SLUGS)
def test_each_level_calls_only_methods_stated_so_far(slug: str) -> None:
    p = _problem(slug)
    stated = ""
    for level in range(1, 5):
        stated += p.level(level).statement
        used: set[str] = set()
        for seed in SEEDS:
            for case in _cases(p, level, seed):
                ops = (
                    case.setup + [o for t in case.threads for o in t] + case.final
                    if isinstance(case, Threads)
                    else case.ops
                )
                used |= {m for m, _ in ops}
        missing = sorted(m for m in used if f"{m}(" not in stated)
        assert not missing, (
            f"{slug} level {level} calls {missing} before a statement introduces them"
        )


def test_task_scheduler_threads_invariants_reject_a_double_dispatch() -> None:
    p = _problem("task-scheduler")
    cases = [c for c in p.tests.hidden(3, random.Random(3 * 1009 + 3)) if isinstance(c, Threads)]
    dispatch = next(c for c in cases if "run twice" in c.note)
    n = len(dispatch.setup)
    ids = [f"job{i}" for i in range(n)]
    honest = [ids[i::4] for i in range(4)]
    assert dispatch.invariant(honest, []) is None
    twice = [honest[0] + [honest[1][0]]] + honest[1:]
    assert "more than once" in dispatch.invariant(twice, [])
    completion = next(c for c in cases if "exactly once" in c.note)
    per_thread = [len(t) for t in completion.threads]
    first_thread_wins = [[k == 0] * n for k, n in enumerate(per_thread)]
    assert completion.invariant(first_thread_wins, []) is None
    two_win = [[True] * per_thread[0], [True] * per_thread[1]] + first_thread_wins[2:]
    assert "more than one thread" in completion.invariant(two_win, [])
    none_win = [[False] * n for n in per_thread]
    assert "lost" in completion.invariant(none_win, [])
