"""What a problem's ``tests.py`` is written with.

``tests.py`` is host-side code: it never enters the sandbox. It defines

* ``examples(level) -> list[Case]``: the visible examples of a level, shown
  in the statement and run by ``rounds test``;
* ``hidden(level, rng) -> list[Case]``: the hidden tests of a level, built
  from ``rng`` (a ``random.Random`` seeded per submission), so that every
  submission meets fresh random inputs next to the fixed edge cases.

Optionally ``checker`` (the default checker for ``Call`` cases) and
``ladder(rng) -> list[tuple[int, Call]]`` (size, case) for the complexity report. A case's expected
value defaults to ``REF``: the reference solution's answer, computed on the
host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rounds.judge.checkers import Checker


class _Ref:
    def __repr__(self) -> str:
        return "REF"


REF: Any = _Ref()

Op = tuple[str, tuple[Any, ...]]


@dataclass
class Call:
    """Call the entry function with ``args``; compare its return value."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    expected: Any = REF
    check: Checker | None = None
    name: str = ""
    note: str = ""  # what this test is about, shown when it fails ("ties", "empty input")
    capture_args: bool = False  # also return the arguments after the call (in-place updates)
    probes: tuple[str, ...] = ()
    cpu_ms: int | None = None  # overrides the problem's per-test CPU limit
    entry: str | None = None  # another function of the solution (staged follow-ups)
    hint: str = ""  # how to fix it ("shift by the max"): open feedback only; `note` names the symptom


@dataclass
class Ops:
    """Create the entry class with ``init``, then call ``ops`` in order; compare every result."""

    ops: list[Op]
    init: tuple[Any, ...] = ()
    expected: Any = REF
    name: str = ""
    note: str = ""
    shrink: bool = False  # generated streams: on failure, find the shortest failing sequence
    cpu_ms: int | None = None
    hint: str = ""  # open feedback only, like Call.hint


@dataclass
class Threads:
    """Run ``threads`` op lists concurrently on one instance, then ``final`` ops.

    ``final`` results must equal the reference's after running setup, all
    thread ops one thread after another, then final; ``invariant`` (if any)
    sees ``(thread_results, final_results)`` and returns None or what broke.
    """

    threads: list[list[Op]]
    final: list[Op]
    init: tuple[Any, ...] = ()
    setup: list[Op] = field(default_factory=list)
    invariant: Any = None
    name: str = ""
    note: str = ""
    cpu_ms: int | None = None
    hint: str = ""  # open feedback only, like Call.hint


Case = Call | Ops | Threads


def op(method: str, *args: Any) -> Op:
    """``op("set", "a", "b", "1")`` reads better than a bare tuple."""
    return (method, tuple(args))
