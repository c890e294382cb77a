"""What services return: plain frozen dataclasses, safe to use after the session has closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rounds.domain.attempt import Clock
from rounds.domain.verdict import Report


@dataclass(frozen=True)
class LevelView:
    """One level of an attempt: published time, state, and what happened on it."""

    number: int
    title: str
    minutes: int  # published time for the level
    state: str  # "passed" | "open" | "locked" | "out of scope" (drill: levels after the drilled one)
    started_at: datetime | None
    passed_at: datetime | None
    time_spent: timedelta | None
    runs: int
    submits: int
    last_verdict: str | None


@dataclass(frozen=True)
class SubmissionSummary:
    id: int
    attempt_id: int
    kind: str  # "run" | "submit"
    level: int
    status: str  # "queued" | "judging" | "done" | "error"
    verdict: str | None  # None until judged
    score: int | None  # submits only: 200..600
    tests_passed: int | None
    tests_total: int | None
    created_at: datetime
    judged_at: datetime | None


@dataclass(frozen=True)
class SubmissionView(SubmissionSummary):
    """A submission with its code and its report, the attempt's feedback mode applied."""

    code: str
    seed: int
    custom: list[str]
    tries: int
    error: str | None
    report: Report | None


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    uid: str
    problem_id: str
    title: str
    mode: str  # "practice" | "full" | "drill"
    feedback: str  # "open" | "standard" | "blind"
    status: str  # "active" | "completed" | "expired"
    level: int  # the level open now
    target_level: int  # the last level in scope
    levels: int  # the problem's number of levels
    levels_passed: int
    score: int | None  # best submission score, 200..600
    started_at: datetime
    deadline: datetime | None
    finished_at: datetime | None

    @property
    def final_time(self) -> timedelta | None:
        """The time a completed or expired attempt took, frozen; None while it is active."""
        if self.status == "active" or self.finished_at is None:
            return None
        return max(timedelta(0), self.finished_at - self.started_at)


@dataclass(frozen=True)
class AttemptView(AttemptSummary):
    """Everything a status page shows."""

    budget_minutes: int
    clock: Clock
    code: str
    code_saved_at: datetime
    level_views: list[LevelView]
    recent: list[SubmissionSummary]  # newest first
    assisted: bool = False  # the editorial was shown before the attempt ended
    hints_used: int = 0  # hints of the problem's ladder shown in this attempt

    @property
    def open(self) -> bool:
        """Whether it still takes code, runs and submissions."""
        return not self.clock.expired and self.status != "expired"


@dataclass(frozen=True)
class AttemptDocuments:
    """The texts a workspace or an editor page shows for an attempt."""

    title: str
    statement: str  # Markdown, levels 1..level unlocked, later ones listed as locked
    examples: str  # Markdown, the visible examples of the unlocked levels with answers
    starter: str
    editorial: str | None  # only once the attempt is completed or over
    imported: bool = False  # an imported task: its own unittest files are the tests (no reference)


@dataclass(frozen=True)
class JudgedSubmission:
    """A judged run or submission, and what it changed in the attempt."""

    submission: SubmissionView
    attempt: AttemptView
    newly_passed: tuple[int, ...]  # levels this submission passed for the first time
    unlocked: int | None  # the level it opened, if any
    completed: bool  # it completed the attempt


@dataclass(frozen=True)
class Recovery:
    """What recover_interrupted did."""

    rejudged: list[int]  # submission ids judged again
    failed: list[int]  # given up on (IE) after too many interrupted tries
    skipped: list[int]  # still claimed by a live judge
