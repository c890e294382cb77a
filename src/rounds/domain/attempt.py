"""Attempts as pure logic: modes and their clocks, level progression, and the event log.

An attempt is one sitting at one problem. Its mode fixes the clock:

* practice: no deadline; the clock counts up against the problem's published time, a guide;
* full: the whole problem against a clock that never pauses: 90 minutes for a multi-level
  system (the industry coding format), the problem's published time otherwise;
* drill: one level against a 30-minute clock; the levels before it are unlocked as context.

Levels unlock in order: level N+1 opens when every hidden test of levels 1..N passes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

FULL_MULTI_LEVEL_MINUTES = 90
DRILL_MINUTES = 30


class Mode(StrEnum):
    PRACTICE = "practice"
    FULL = "full"
    DRILL = "drill"


class AttemptStatus(StrEnum):
    ACTIVE = "active"  # open for runs and submissions
    COMPLETED = "completed"  # every level in scope passed; still open until the clock ends
    EXPIRED = "expired"  # the clock ran out; closed


class SubmissionKind(StrEnum):
    RUN = "run"  # visible examples and custom inputs
    SUBMIT = "submit"  # hidden tests of the current level and those below it
    SNAPSHOT = "snapshot"  # code kept as it was before a reset to the starter; never judged


class SubmissionStatus(StrEnum):
    QUEUED = "queued"  # stored, not yet judged
    JUDGING = "judging"  # a judge has claimed it
    DONE = "done"  # judged; a result exists
    ERROR = "error"  # could not be judged; an IE result says why


class EventKind(StrEnum):
    STARTED = "started"
    LEVEL_STARTED = "level_started"
    LEVEL_PASSED = "level_passed"
    RUN = "run"
    SUBMIT = "submit"
    COMPLETED = "completed"
    EXPIRED = "expired"
    RESET = "reset"  # the code went back to the starter (the old code is kept as a snapshot)
    EDITORIAL = "editorial"  # the editorial was shown before the attempt ended: the attempt is assisted
    HINT = "hint"  # the next hint of the problem's ladder was shown


def now_utc() -> datetime:
    return datetime.now(UTC)


def budget_minutes(mode: Mode, *, problem_minutes: int, levels: int) -> int:
    """The time budget of an attempt: enforced in full and drill modes, a guide in practice."""
    if mode is Mode.DRILL:
        return DRILL_MINUTES
    if mode is Mode.FULL and levels > 1:
        return FULL_MULTI_LEVEL_MINUTES
    return problem_minutes


def mode_budgets(*, problem_minutes: int, levels: int) -> dict[Mode, int]:
    """The one number of minutes each mode gives a problem (the guide in practice, the clock otherwise)."""
    return {m: budget_minutes(m, problem_minutes=problem_minutes, levels=levels) for m in Mode}


def describe_mode(mode: Mode | str, minutes: int) -> str:
    """How both faces (terminal and browser) name a mode and its time: one vocabulary."""
    m = Mode(mode)
    if m is Mode.PRACTICE:
        return f"practice: no deadline; the clock counts up against a {minutes}-minute guide"
    if m is Mode.FULL:
        return f"full: the whole problem against a {minutes}-minute clock that never pauses"
    return f"drill: one level against a {minutes}-minute clock that never pauses"


def deadline_for(mode: Mode, started_at: datetime, budget: int) -> datetime | None:
    """When the attempt closes; practice attempts never do."""
    _aware(started_at)
    if mode is Mode.PRACTICE:
        return None
    return started_at + timedelta(minutes=budget)


@dataclass(frozen=True)
class Clock:
    """Where an attempt stands against its time budget at ``now``."""

    started_at: datetime
    now: datetime
    budget: timedelta
    deadline: datetime | None  # None: the budget is a guide, not a limit
    finished_at: datetime | None = None  # completed or expired: the clock stopped here

    @property
    def end(self) -> datetime:
        """Where the clock stands: now, or the deadline, or when the attempt finished (frozen)."""
        return min(t for t in (self.now, self.deadline, self.finished_at) if t is not None)

    @property
    def elapsed(self) -> timedelta:
        return max(timedelta(0), self.end - self.started_at)

    @property
    def stopped(self) -> bool:
        """The clock shows a final time: the attempt was completed, or its clock ran out."""
        return self.finished_at is not None or self.expired

    @property
    def remaining(self) -> timedelta:
        """Time left in the budget (never negative)."""
        return max(timedelta(0), self.budget - self.elapsed)

    @property
    def over_budget(self) -> bool:
        return self.elapsed > self.budget

    @property
    def expired(self) -> bool:
        return self.deadline is not None and self.now >= self.deadline


def clock(*, started_at: datetime, deadline: datetime | None, budget_minutes: int, now: datetime,
          finished_at: datetime | None = None) -> Clock:
    """The clock of an attempt; ``finished_at`` (completed or expired) freezes it at its final time."""
    _aware(started_at)
    _aware(now)
    return Clock(started_at=started_at, now=now, budget=timedelta(minutes=budget_minutes), deadline=deadline,
                 finished_at=finished_at)


def fmt_duration(d: timedelta) -> str:
    """``1:05:09`` or ``05:09``."""
    s = int(d.total_seconds())
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


@dataclass(frozen=True)
class Progress:
    """What a judged submission changes: the level now open and whether the attempt is complete."""

    level: int
    levels_passed: int
    newly_passed: tuple[int, ...]
    completed: bool


def progress(*, level: int, levels_passed: int, highest_passed: int, last_level: int) -> Progress:
    """Advance an attempt after hidden tests passed levels 1..highest_passed.

    ``level`` is the level currently open, ``last_level`` the last one in scope (the problem's
    last level, or the drilled level). Progress never goes backwards.
    """
    if not 1 <= level <= last_level:
        raise ValueError(f"level {level} is outside 1..{last_level}")
    best = min(max(levels_passed, highest_passed), last_level)
    newly = tuple(range(levels_passed + 1, best + 1))
    new_level = max(level, min(best + 1, last_level))
    return Progress(level=new_level, levels_passed=best, newly_passed=newly, completed=best >= last_level)


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: datetime
    level: int | None = None
    verdict: str | None = None  # for runs and submissions, once judged
    submission_id: int | None = None  # the run or submission it logs, if any


@dataclass
class LevelStats:
    """One level's line in the attempt's status."""

    level: int
    started_at: datetime | None = None
    passed_at: datetime | None = None
    runs: int = 0
    submits: int = 0
    verdicts: list[str] = field(default_factory=list)  # of submissions, oldest first

    def time_spent(self, now: datetime) -> timedelta | None:
        if self.started_at is None:
            return None
        return (self.passed_at or now) - self.started_at

    @property
    def last_verdict(self) -> str | None:
        return self.verdicts[-1] if self.verdicts else None


def level_stats(events: Iterable[Event], levels: int) -> list[LevelStats]:
    """Per-level runs, submissions, start and pass times, from the event log."""
    stats = [LevelStats(n) for n in range(1, levels + 1)]
    for e in sorted(events, key=lambda e: e.at):
        if e.level is None or not 1 <= e.level <= levels:
            continue
        s = stats[e.level - 1]
        if e.kind is EventKind.LEVEL_STARTED and s.started_at is None:
            s.started_at = e.at
        elif e.kind is EventKind.LEVEL_PASSED and s.passed_at is None:
            s.passed_at = e.at
        elif e.kind is EventKind.RUN:
            s.runs += 1
        elif e.kind is EventKind.SUBMIT:
            s.submits += 1
            if e.verdict:
                s.verdicts.append(e.verdict)
    return stats


def _aware(dt: datetime) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware (UTC)")


__all__ = [
    "DRILL_MINUTES", "FULL_MULTI_LEVEL_MINUTES", "AttemptStatus", "Clock", "Event", "EventKind",
    "LevelStats", "Mode", "Progress", "SubmissionKind", "SubmissionStatus", "budget_minutes", "clock",
    "deadline_for", "describe_mode", "fmt_duration", "mode_budgets", "level_stats", "now_utc", "progress",
]
