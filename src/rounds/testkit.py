"""The authoring API for problem packages' ``tests.py`` (host side only)."""

from __future__ import annotations

from rounds.content.testkit import REF, Call, Case, Op, Ops, Threads, op
from rounds.judge.checkers import Outcome, any_valid, custom, exact, floats, same_run, unordered

__all__ = [
    "REF", "Call", "Case", "Op", "Ops", "Threads", "op",
    "Outcome", "any_valid", "custom", "exact", "floats", "same_run", "unordered",
]
