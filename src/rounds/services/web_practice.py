"""What the problem page needs: its view of the attempt, saving as the user types, Run and Submit.

Every attempt has its own page (``/p/<id>?attempt=N``); without a number the page shows the
newest active attempt (else the newest), and works on the newest open one. The first edit, run
or submit starts a practice attempt when there is none. Judging runs in a background
job after the request returns: ``prepare_*`` stores the run or submission now (so nothing is
lost if the process dies) and returns the judging work, which opens its own transactions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from rounds.config import Settings
from rounds.content.hints import hints as ladder
from rounds.content.package import Problem
from rounds.content.starters import starter_upto
from rounds.domain.attempt import AttemptStatus, Mode
from rounds.domain.verdict import Report, TestResult
from rounds.services import attempts, submissions
from rounds.services.cases import parse_custom
from rounds.services.errors import AttemptNotFound, JudgeUnavailable, ServiceError
from rounds.services.views import AttemptSummary, AttemptView, JudgedSubmission, SubmissionView
from rounds.services.web_judging import (
    JudgeRefused,
    check_source,
    count_examples,
    custom_labels,
    full_inputs,
    split_custom,
)
from rounds.storage.db import SessionFactory

OnResult = Callable[[TestResult], None]
OPEN = (AttemptStatus.ACTIVE.value, AttemptStatus.COMPLETED.value)
_starting = threading.Lock()


@dataclass
class ProblemView:
    """The attempt as the problem page shows it."""

    code: str
    statement: str
    minutes: int
    level: int = 1  # the level open now
    passed_level: int = 0
    attempt_id: int | None = None  # the open attempt, if any
    mode: str = ""
    feedback: str = "standard"
    started_at: datetime | None = None
    deadline: datetime | None = None
    budget_minutes: int = 0
    finished: bool = False  # completed or expired: the editorial is shown
    expired: bool = False
    score: int | None = None
    saved_at: datetime | None = None
    elapsed_s: int = 0  # time spent; final (frozen) once the attempt is finished
    assisted: bool = False  # the editorial was opened before the attempt ended
    hints: list[str] = field(default_factory=list)  # the hints shown in this attempt, mildest first
    hints_total: int = 0  # the problem's ladder
    last_results: list[SubmissionView] = field(default_factory=list)  # the last run and submission, oldest first
    shown_id: int | None = None  # the attempt shown (open or not); None before the first
    attempts: list[AttemptSummary] = field(default_factory=list)  # every attempt at the problem, newest first


@dataclass
class Outcome:
    """What a Run or a Submit produced, for the results fragment."""

    report: Report | None
    submission_id: int
    passed_level: int = 0
    score: int | None = None
    unlocked: int | None = None
    finished: bool = False
    refresh: bool = False  # the statement, level bar, clock or editorial changed
    view: ProblemView | None = None
    best_score: int | None = None  # the attempt's best, which a lower submission never replaces
    already_complete: bool = False  # the attempt was complete before this submission


class Work(Protocol):
    def __call__(self, *, settings: Settings, on_result: OnResult) -> Outcome: ...


@dataclass
class Prepared:
    run: Work
    total: int | None = None
    inputs: dict[str, str] = field(default_factory=dict)  # shown call -> the whole input (runs)


def problem_view(*, sessions: SessionFactory, problem: Problem, attempt_id: int | None = None) -> ProblemView:
    """An attempt at the problem as the page shows it: ``attempt_id``, else the newest active one,
    else the newest; the starter when there is none. AttemptNotFound for an id of another problem."""
    mine = attempts.list_attempts(sessions=sessions, problem_id=problem.id, limit=100)
    if attempt_id is not None and not any(a.id == attempt_id for a in mine):
        raise AttemptNotFound(f"there is no attempt {attempt_id} at {problem.id}")
    if not mine:
        return ProblemView(code=starter_upto(problem, 1), statement=problem.statement_upto(1), minutes=problem.minutes,
                           budget_minutes=problem.minutes, hints_total=len(ladder(problem)))
    pick = attempt_id if attempt_id is not None else next(
        (a.id for a in mine if a.status == AttemptStatus.ACTIVE.value), mine[0].id)
    st = attempts.attempt_status(sessions=sessions, attempt_id=pick)
    v = _view(problem, st)
    v.attempts = mine
    last: dict[str, int] = {}
    for sub in st.recent:  # newest first
        if sub.kind in ("run", "submit") and sub.verdict is not None:
            last.setdefault(sub.kind, sub.id)
    v.last_results = [submissions.get_submission(sessions=sessions, submission_id=i) for i in sorted(last.values())]
    return v


def _view(problem: Problem, st: AttemptView) -> ProblemView:
    expired = st.status == AttemptStatus.EXPIRED.value or st.clock.expired
    return ProblemView(
        code=st.code, statement=problem.statement_upto(st.level), minutes=problem.minutes, level=st.level,
        passed_level=st.levels_passed, attempt_id=None if expired else st.id, mode=st.mode,
        feedback=st.feedback, started_at=st.started_at, deadline=st.deadline,
        budget_minutes=st.budget_minutes, finished=st.status != AttemptStatus.ACTIVE.value or expired,
        expired=expired, score=st.score, saved_at=st.code_saved_at,
        elapsed_s=int(st.clock.elapsed.total_seconds()), shown_id=st.id, assisted=st.assisted,
        hints=ladder(problem)[:st.hints_used], hints_total=len(ladder(problem)))


def start(*, sessions: SessionFactory, problem: Problem, mode: str, feedback: str, level: int | None = None,
          code: str | None = None, minutes: int | None = None) -> ProblemView:
    """Start a new attempt from the starter (or ``code``); ``level`` is the drilled level in drill mode."""
    if code is not None:
        check_source(code)
    st = attempts.start_attempt(sessions=sessions, problem_id=problem.id, mode=mode, feedback=feedback,
                                level=level if mode == Mode.DRILL.value else None, code=code, minutes=minutes)
    return _view(problem, st)


def _open_attempt(sessions: SessionFactory, problem: Problem, code: str,
                  attempt_id: int | None = None) -> tuple[int, bool]:
    """The attempt to work on: ``attempt_id`` (the one the page shows), else the newest open one;
    a practice attempt with ``code`` is started when there is none."""
    with _starting:  # an autosave and a Run racing must not start two attempts
        mine = attempts.list_attempts(sessions=sessions, problem_id=problem.id, limit=100)
        if attempt_id is not None:
            if not any(a.id == attempt_id for a in mine):
                raise AttemptNotFound(f"there is no attempt {attempt_id} at {problem.id}")
            return attempt_id, False  # closed: saving or judging it says so
        active = [a for a in mine if a.status == AttemptStatus.ACTIVE.value]
        if active or (mine and mine[0].status in OPEN):
            return (active or mine)[0].id, False
        st = attempts.start_attempt(sessions=sessions, problem_id=problem.id, mode=Mode.PRACTICE.value,
                                    code=code)
        return st.id, True


def reset(*, sessions: SessionFactory, problem: Problem, attempt_id: int | None) -> int:
    """Put the starter back in the attempt shown (the old code is kept in History); returns its id."""
    aid, _ = _open_attempt(sessions, problem, starter_upto(problem, 1), attempt_id)
    attempts.reset_to_starter(sessions=sessions, attempt_id=aid)
    return aid


def take_hint(*, sessions: SessionFactory, problem: Problem, attempt_id: int | None) -> int:
    """Show the next hint in the attempt shown (logged there). Returns its id."""
    aid, _ = _open_attempt(sessions, problem, starter_upto(problem, 1), attempt_id)
    attempts.take_hint(sessions=sessions, attempt_id=aid)
    return aid


def show_editorial(*, sessions: SessionFactory, problem: Problem, attempt_id: int | None) -> int:
    """Open the editorial now; the attempt shown is marked assisted. Returns its id."""
    aid, _ = _open_attempt(sessions, problem, starter_upto(problem, 1), attempt_id)
    attempts.show_editorial(sessions=sessions, attempt_id=aid)
    return aid


def clock_json(v: ProblemView) -> dict[str, object]:
    return {"started": _iso(v.started_at), "deadline": _iso(v.deadline), "budget": v.budget_minutes * 60}


def _iso(ts: datetime | None) -> str | None:
    return ts.isoformat() if ts else None


def save_code(*, sessions: SessionFactory, problem: Problem, code: str,
              attempt_id: int | None = None) -> dict[str, object]:
    """Autosave: store the code in the attempt shown (starting a practice attempt on the first edit)."""
    check_source(code)
    attempt_id, started = _open_attempt(sessions, problem, code, attempt_id)
    when = attempts.save_code(sessions=sessions, attempt_id=attempt_id, code=code)
    out: dict[str, object] = {"saved_at": when.isoformat(), "attempt_id": attempt_id}
    if started:
        out["clock"] = clock_json(problem_view(sessions=sessions, problem=problem, attempt_id=attempt_id))
    return out


def prepare_run(*, sessions: SessionFactory, problem: Problem, code: str, custom: str,
                attempt_id: int | None = None) -> Prepared:
    """Store a run of ``code`` on the visible examples and the custom inputs; return the judging."""
    check_source(code)
    inputs = split_custom(problem, custom)
    parsed = parse_custom(problem, inputs, labels=custom_labels(problem, custom)) if inputs else []
    attempt_id, _ = _open_attempt(sessions, problem, code, attempt_id)
    sid = submissions.create_submission(sessions=sessions, attempt_id=attempt_id, kind="run", code=code,
                                        custom=inputs)
    level = attempts.attempt_status(sessions=sessions, attempt_id=attempt_id).level
    total = count_examples(problem, level=level, extra=len(inputs))
    return Prepared(run=_judging(sessions, problem, sid), total=total,
                    inputs=full_inputs(problem, level=level, custom=parsed))


def prepare_submit(*, sessions: SessionFactory, problem: Problem, code: str,
                   attempt_id: int | None = None) -> Prepared:
    """Store a submission of ``code`` for the hidden tests; return the judging."""
    check_source(code)
    attempt_id, _ = _open_attempt(sessions, problem, code, attempt_id)
    sid = submissions.create_submission(sessions=sessions, attempt_id=attempt_id, kind="submit", code=code)
    return Prepared(run=_judging(sessions, problem, sid))


def _judging(sessions: SessionFactory, problem: Problem, sid: int) -> Work:
    def work(*, settings: Settings, on_result: OnResult) -> Outcome:
        try:
            js = submissions.judge_submission(sessions=sessions, settings=settings, submission_id=sid,
                                              on_result=on_result)
        except JudgeUnavailable as exc:
            raise JudgeRefused(f"{exc}. Your code is saved and the submission is kept: it is judged again "
                               "when rounds next starts, or submit again.") from None
        except ServiceError as exc:
            raise JudgeRefused(str(exc)) from None
        return _outcome(problem, js)

    return work


def _outcome(problem: Problem, js: JudgedSubmission) -> Outcome:
    v = _view(problem, js.attempt)
    sub = js.submission
    return Outcome(report=sub.report, submission_id=sub.id, passed_level=v.passed_level,
                   score=sub.score, unlocked=js.unlocked, finished=js.completed,
                   refresh=js.unlocked is not None or js.completed or v.expired, view=v,
                   best_score=js.attempt.score,
                   already_complete=js.attempt.status == AttemptStatus.COMPLETED.value and not js.completed)


__all__ = ["JudgeRefused", "Outcome", "Prepared", "ProblemView", "ServiceError", "prepare_run",
           "prepare_submit", "problem_view", "save_code", "start"]
