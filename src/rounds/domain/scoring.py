"""Scores for multi-level problems, in the style of industry coding assessments.

Each level weighs the same. Half of a level's weight is earned test by test (the share of its
hidden tests passed), the other half is a bonus paid only when every test of the level passes.
The sum, a fraction between 0 and 1, maps linearly onto 200..600: nothing passed scores 200,
everything passed scores 600. The score only grows as more tests pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from rounds.domain.verdict import Report

MIN_SCORE = 200
MAX_SCORE = 600
TEST_SHARE = Fraction(1, 2)  # of a level's weight earned per test; the rest is the full-pass bonus


@dataclass(frozen=True)
class LevelTally:
    """Hidden tests of one level: how many ran and how many passed (0 of 0: not reached)."""

    passed: int
    total: int

    def __post_init__(self) -> None:
        if self.total < 0 or not 0 <= self.passed <= self.total:
            raise ValueError(f"a level tally needs 0 <= passed <= total, got {self.passed}/{self.total}")

    @property
    def full(self) -> bool:
        return self.total > 0 and self.passed == self.total


def score(tallies: Sequence[LevelTally]) -> int:
    """The 200..600 score of one submission, given one tally per level of the problem."""
    if not tallies:
        raise ValueError("a score needs at least one level")
    weight = Fraction(1, len(tallies))
    earned = Fraction(0)
    for t in tallies:
        if t.total:
            earned += weight * TEST_SHARE * Fraction(t.passed, t.total)
        if t.full:
            earned += weight * (1 - TEST_SHARE)
    return MIN_SCORE + round((MAX_SCORE - MIN_SCORE) * earned)


def tallies(report: Report, levels: int) -> list[LevelTally]:
    """One tally per level 1..levels from a hidden-test report; levels it did not run count 0 of 0."""
    out = []
    by_level = {lv.level: lv for lv in report.levels}
    for n in range(1, levels + 1):
        lv = by_level.get(n)
        if lv is None or not lv.ran:
            out.append(LevelTally(0, 0))
        else:
            out.append(LevelTally(sum(t.passed for t in lv.tests), len(lv.tests)))
    return out
