"""Host-side checks of five oop systems: generated streams stay valid input, the reference
answers every generated call, each level's tests use only methods stated so far, every answer
shown in a statement's example is the reference's, and the gateway's concurrency invariant
catches over-admission."""

from __future__ import annotations

import ast
import functools
import inspect
import random
import re

import pytest

from rounds.content.catalog import BANK
from rounds.content.package import Problem, load_problem
from rounds.content.testkit import Ops, Threads

SLUGS = [
    "rate-limited-gateway",
    "circuit-breaker",
    "file-storage",
    "employee-hours",
    "cloud-storage",
]
SEEDS = (0, 1, 7)


def _problem(slug: str) -> Problem:
    return load_problem(BANK / "oop" / slug)


def _cases(p: Problem, level: int, seed: int) -> list[Ops | Threads]:
    return p.examples(level) + list(p.tests.hidden(level, random.Random(seed * 1009 + level)))


@functools.cache
def _takes_timestamp(cls: type, method: str) -> bool:
    params = list(inspect.signature(getattr(cls, method)).parameters)[1:]
    return bool(params) and params[0] == "timestamp"


def _timestamp_of(p: Problem, method: str, args: tuple[object, ...]) -> int | None:
    if not _takes_timestamp(getattr(p.reference, p.entry), method):
        return None
    value = args[0]
    assert isinstance(value, int)
    return value


def _times(p: Problem, ops: list[tuple[str, tuple[object, ...]]]) -> list[int]:
    return [t for m, a in ops if (t := _timestamp_of(p, m, a)) is not None]


@pytest.mark.parametrize("slug", SLUGS)
def test_generated_streams_never_go_back_in_time(slug: str) -> None:
    # Shrinking drops ops; a non-decreasing sequence stays non-decreasing under any deletion.
    p = _problem(slug)
    for level in range(1, 5):
        for seed in SEEDS:
            for case in _cases(p, level, seed):
                if isinstance(case, Ops):
                    ts = _times(p, case.ops)
                    assert ts == sorted(ts), (
                        f"{slug} level {level}: timestamps decrease in {case.note or case.name}"
                    )
                    for m, a in case.ops:
                        if m == "rollback":
                            assert 0 <= a[1] <= a[0]
                else:
                    before, after = _times(p, case.setup), _times(p, case.final)
                    burst = {t for ops in case.threads for t in _times(p, ops)}
                    assert len(burst) <= 1, "concurrent calls must share one timestamp"
                    if burst:
                        (t,) = burst
                        assert all(x <= t for x in before) and all(x >= t for x in after)


@pytest.mark.parametrize("slug", SLUGS)
def test_reference_answers_every_generated_call(slug: str) -> None:
    p = _problem(slug)
    cls = getattr(p.reference, p.entry)
    for level in range(1, 5):
        for seed in SEEDS:
            for case in _cases(p, level, seed):
                if not isinstance(case, Ops):
                    continue
                obj = cls(*case.init)
                for method, args in case.ops:
                    getattr(obj, method)(*args)  # no contract here raises


def _stated_methods(p: Problem, upto: int) -> set[str]:
    text = "\n".join(lv.statement for lv in p.levels[:upto])
    return set(re.findall(r"`(\w+)\(", text))


@pytest.mark.parametrize("slug", SLUGS)
def test_each_level_uses_only_methods_stated_so_far(slug: str) -> None:
    p = _problem(slug)
    for level in range(1, 5):
        stated = _stated_methods(p, level)
        used: set[str] = set()
        for case in _cases(p, level, 0):
            ops = (
                case.ops
                if isinstance(case, Ops)
                else case.setup + case.final + [o for t in case.threads for o in t]
            )
            used |= {m for m, _ in ops}
        assert used <= stated, (
            f"{slug} level {level} calls {sorted(used - stated)} before stating them"
        )


@pytest.mark.parametrize("slug", SLUGS)
def test_starter_and_statements_cover_every_public_method(slug: str) -> None:
    p = _problem(slug)
    cls = getattr(p.reference, p.entry)
    public = {n for n, _ in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_")}
    assert public <= _stated_methods(p, 4)
    for name in public:
        assert f"def {name}(" in p.starter


def test_gateway_burst_invariant_catches_over_admission() -> None:
    p = _problem("rate-limited-gateway")
    bursts = [c for c in p.tests.hidden(3, random.Random(5)) if isinstance(c, Threads)]
    assert bursts
    case = bursts[0]
    ref = getattr(p.reference, p.entry)(*case.init)
    for m, a in case.setup:
        getattr(ref, m)(*a)
    honest = [[getattr(ref, m)(*a) for m, a in ops] for ops in case.threads]
    assert case.invariant(honest, []) is None
    # One more 200 for a client that was throttled: a limit exceeded under concurrency.
    cheat = [list(r) for r in honest]
    ti, si = next((ti, si) for ti, r in enumerate(cheat) for si, s in enumerate(r) if s == 429)
    cheat[ti][si] = 200
    assert "limit" in (case.invariant(cheat, []) or "")


_CALL = re.compile(r"^(\w+)\.(\w+)\((.*)\)$")


def _args(text: str) -> tuple[object, ...]:
    return ast.literal_eval(f"({text},)") if text.strip() else ()


def _example_lines(statement: str) -> list[str]:
    """The example block's lines with comments dropped and wrapped values joined."""
    block = statement.split("## Example", 1)[1].split("```")[1]
    lines: list[str] = []
    for raw in block.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[0].isspace():
            if lines and lines[-1].count("[") > lines[-1].count("]"):
                lines[-1] += " " + line.strip()
            continue  # otherwise: a wrapped comment
        lines.append(line)
    return [re.split(r"\s{2,}\(", line, maxsplit=1)[0].strip() for line in lines]


@pytest.mark.parametrize("slug", SLUGS)
def test_statement_examples_agree_with_the_reference(slug: str) -> None:
    p = _problem(slug)
    for level in p.levels:
        objects: dict[str, object] = {}
        checked = 0
        for line in _example_lines(level.statement):
            if " = " in line and "->" not in line:
                name, ctor = line.split(" = ", 1)
                cls_name, args = ctor.split("(", 1)
                assert cls_name == p.entry
                objects[name] = getattr(p.reference, p.entry)(*_args(args[:-1]))
                continue
            call, _, want = line.partition("->")
            for part in call.split(";"):
                m = _CALL.match(part.strip())
                assert m, f"{slug} level {level.number}: cannot read {part!r}"
                obj, method, args = m.groups()
                got = getattr(objects[obj], method)(*_args(args))
            if want:
                assert got == ast.literal_eval(want.strip()), f"{slug} level {level.number}: {line}"
                checked += 1
        assert checked >= 3, f"{slug} level {level.number}: the example shows too few answers"
