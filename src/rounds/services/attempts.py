"""Use cases of an attempt: start one, save its code, show its status, list them.

Every function is keyword-only and takes ``sessions``, a SQLAlchemy session factory (see
``rounds.storage.db.database(settings).sessions``); each call is its own short transaction.
Timestamps are UTC-aware; ``now`` exists for tests and defaults to the current time.
Errors are ``rounds.services.errors.ServiceError`` subclasses whose message suits the user.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from rounds.content.catalog import UnknownProblem, catalog
from rounds.content.package import Problem
from rounds.content.starters import starter_upto
from rounds.domain import attempt as dom
from rounds.domain.attempt import AttemptStatus, EventKind, Mode, SubmissionKind, SubmissionStatus
from rounds.domain.feedback import MODES
from rounds.judge.engine import MAX_SOURCE_BYTES
from rounds.services.errors import AttemptClosed, AttemptNotFound, InvalidInput, ProblemNotFound
from rounds.services.views import (
    AttemptDocuments,
    AttemptSummary,
    AttemptView,
    LevelView,
    SubmissionSummary,
)
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt, Submission

__all__ = ["active_attempt", "attempt_documents", "attempt_status", "list_attempts", "reset_to_starter", "save_code",
           "show_editorial", "start_attempt", "take_hint"]

RECENT = 10


def start_attempt(*, sessions: SessionFactory, problem_id: str, mode: str = "practice",
                  feedback: str = "standard", level: int | None = None, user_id: int | None = None,
                  code: str | None = None, now: datetime | None = None, minutes: int | None = None) -> AttemptView:
    """Start an attempt at a problem.

    ``mode``: practice (no deadline) | full (the whole problem against a clock that never
    pauses) | drill (one level, ``level``, against 30 minutes). ``feedback``: open | standard |
    blind. ``code`` defaults to the problem's starter; ``user_id`` to the local user. ``minutes``
    replaces the mode's clock in full and drill modes (a 15-minute warm-up drill, say).
    """
    problem = get_problem(problem_id)
    try:
        m = Mode(mode)
    except ValueError:
        raise InvalidInput(f"mode must be one of {', '.join(Mode)}, not {mode!r}") from None
    if feedback not in MODES:
        raise InvalidInput(f"feedback must be one of {', '.join(MODES)}, not {feedback!r}")
    n = len(problem.levels)
    if level is not None and m is not Mode.DRILL:
        raise InvalidInput("a level can be chosen in drill mode only (--mode drill --level N)")
    first, target = 1, n
    if m is Mode.DRILL:
        first = target = level or 1
        if not 1 <= target <= n:
            raise InvalidInput(f"{problem_id} has levels 1..{n}; level {target} is out of range")
    when = now or dom.now_utc()
    budget = dom.budget_minutes(m, problem_minutes=problem.minutes, levels=n)
    if minutes is not None:  # a clock of one's own, e.g. a 15-minute warm-up drill
        if m is Mode.PRACTICE:
            raise InvalidInput("a practice attempt has no deadline; --minutes goes with --mode full or drill")
        if not 5 <= minutes <= 600:
            raise InvalidInput(f"minutes must be between 5 and 600, not {minutes}")
        budget = minutes
    source = starter_upto(problem, first) if code is None else code
    _check_code(source)
    with sessions.begin() as s:
        a = Attempt(
            uid=uuid.uuid4().hex, user_id=user_id or repo.local_user_id(s), problem_id=problem.id,
            mode=m.value, feedback=feedback, started_at=when, budget_minutes=budget,
            deadline=dom.deadline_for(m, when, budget), level=first, target_level=target,
            levels_passed=first - 1, status=AttemptStatus.ACTIVE.value, code=source, code_saved_at=when,
        )
        s.add(a)
        s.flush()
        repo.add_event(s, a, EventKind.STARTED, when)
        repo.add_event(s, a, EventKind.LEVEL_STARTED, when, level=first)
        return view(s, a, now=when)


def save_code(*, sessions: SessionFactory, attempt_id: int, code: str, now: datetime | None = None) -> datetime:
    """Store the attempt's current code (editor autosave, or a workspace's solution.py); returns when."""
    _check_code(code)
    when = now or dom.now_utc()
    with sessions.begin() as s:
        a = load(s, attempt_id, now=when, for_update=True)
        ensure_open(a, when)
        a.code = code
        a.code_saved_at = when
    return when


def reset_to_starter(*, sessions: SessionFactory, attempt_id: int, now: datetime | None = None) -> int:
    """Put the starter of the open level back as the attempt's code; the code it replaces is kept as
    a snapshot in the attempt's history (never judged). Returns the snapshot's submission id."""
    when = now or dom.now_utc()
    with sessions.begin() as s:
        a = load(s, attempt_id, now=when, for_update=True)
        ensure_open(a, when)
        problem = get_problem(a.problem_id)
        kept = Submission(attempt_id=a.id, level=a.level, kind=SubmissionKind.SNAPSHOT.value, code=a.code, seed=0,
                          custom=None, status=SubmissionStatus.DONE.value, tries=0, created_at=when)
        s.add(kept)
        s.flush()
        repo.add_event(s, a, EventKind.RESET, when, level=a.level, submission_id=kept.id)
        a.code = starter_upto(problem, a.level)
        a.code_saved_at = when
        return kept.id


def show_editorial(*, sessions: SessionFactory, attempt_id: int, now: datetime | None = None) -> None:
    """Open the editorial before the attempt ends; the attempt is marked assisted from then on."""
    when = now or dom.now_utc()
    with sessions.begin() as s:
        a = load(s, attempt_id, now=when, for_update=True)
        if not any(e.kind is EventKind.EDITORIAL for e in repo.events(s, a.id)):
            repo.add_event(s, a, EventKind.EDITORIAL, when, level=a.level)


def take_hint(*, sessions: SessionFactory, attempt_id: int, now: datetime | None = None) -> list[str]:
    """Show the next hint of the problem's ladder (logged in the attempt); returns the hints shown so far."""
    from rounds.content.hints import hints

    when = now or dom.now_utc()
    with sessions.begin() as s:
        a = load(s, attempt_id, now=when, for_update=True)
        ladder = hints(get_problem(a.problem_id))
        used = sum(e.kind is EventKind.HINT for e in repo.events(s, a.id))
        if used < len(ladder):
            repo.add_event(s, a, EventKind.HINT, when, level=a.level)
            used += 1
        return ladder[:used]


def attempt_status(*, sessions: SessionFactory, attempt_id: int, now: datetime | None = None) -> AttemptView:
    """The attempt as a status page shows it: clock, levels, runs per level, recent verdicts."""
    when = now or dom.now_utc()
    with sessions.begin() as s:
        return view(s, load(s, attempt_id, now=when), now=when)


def list_attempts(*, sessions: SessionFactory, user_id: int | None = None, problem_id: str | None = None,
                  limit: int = 50, now: datetime | None = None) -> list[AttemptSummary]:
    """The user's attempts, newest first, optionally at one problem."""
    when = now or dom.now_utc()
    with sessions.begin() as s:
        uid = user_id or repo.local_user_id(s)
        rows = repo.attempts_of(s, user_id=uid, problem_id=problem_id, limit=limit)
        for a in rows:
            expire_if_due(s, a, when)
        return [summary(a) for a in rows]


def active_attempt(*, sessions: SessionFactory, problem_id: str, user_id: int | None = None,
                   now: datetime | None = None) -> AttemptSummary | None:
    """The newest active attempt at the problem (the one `rounds start` resumes), if any."""
    mine = list_attempts(sessions=sessions, user_id=user_id, problem_id=problem_id, limit=100, now=now)
    return next((a for a in mine if a.status == AttemptStatus.ACTIVE.value), None)


def attempt_documents(*, sessions: SessionFactory, attempt_id: int) -> AttemptDocuments:
    """Statement (levels unlocked so far), examples with answers, starter, and (once the attempt is
    completed or over) the editorial."""
    from rounds.services.cases import examples_markdown

    with sessions.begin() as s:
        a = load(s, attempt_id)
        pid, level, finished = a.problem_id, a.level, a.status != AttemptStatus.ACTIVE.value
        finished = finished or any(e.kind is EventKind.EDITORIAL for e in repo.events(s, a.id))
    problem = get_problem(pid)
    return AttemptDocuments(title=problem.title, statement=problem.statement_upto(level),
                            examples=examples_markdown(problem, level), starter=starter_upto(problem, level),
                            editorial=(problem.editorial or None) if finished else None,
                            imported=problem.grader == "unittest")


# Helpers shared with the submission services.

def get_problem(problem_id: str) -> Problem:
    try:
        return catalog().get(problem_id)
    except UnknownProblem as exc:
        raise ProblemNotFound(str(exc)) from None


def _check_code(code: str) -> None:
    size = len(code.encode("utf-8", "replace"))
    if size > MAX_SOURCE_BYTES:
        raise InvalidInput(f"the code is {size / 1024:.0f} KB; the limit is {MAX_SOURCE_BYTES // 1024} KB")


def load(s: Session, attempt_id: int, *, now: datetime | None = None, for_update: bool = False,
         anyone: bool = False) -> Attempt:
    """The acting user's attempt (``anyone``: whoever's, for the judge's own bookkeeping)."""
    get = repo.get_attempt if anyone else repo.own_attempt
    a = get(s, attempt_id, for_update=for_update)
    if a is None:
        raise AttemptNotFound(f"no attempt with id {attempt_id}")
    expire_if_due(s, a, now or dom.now_utc())
    return a


def expire_if_due(s: Session, a: Attempt, now: datetime) -> None:
    """Close an active attempt whose clock has run out (logged at the deadline)."""
    if a.deadline is not None and now >= a.deadline and a.status == AttemptStatus.ACTIVE.value:
        a.status = AttemptStatus.EXPIRED.value
        a.finished_at = a.deadline
        repo.add_event(s, a, EventKind.EXPIRED, a.deadline, level=a.level)


def ensure_open(a: Attempt, now: datetime) -> None:
    if a.status == AttemptStatus.EXPIRED.value or (a.deadline is not None and now >= a.deadline):
        assert a.deadline is not None
        raise AttemptClosed(f"attempt {a.id} is over: its clock ran out at {a.deadline:%Y-%m-%d %H:%M} UTC; "
                            "start a new attempt to keep going")


def _problem_or_none(problem_id: str) -> Problem | None:
    try:
        return catalog().get(problem_id)
    except UnknownProblem:
        return None


def summary(a: Attempt) -> AttemptSummary:
    p = _problem_or_none(a.problem_id)
    return AttemptSummary(
        id=a.id, uid=a.uid, problem_id=a.problem_id, title=p.title if p else a.problem_id, mode=a.mode,
        feedback=a.feedback, status=a.status, level=a.level, target_level=a.target_level,
        levels=len(p.levels) if p else a.target_level, levels_passed=a.levels_passed, score=a.score,
        started_at=a.started_at, deadline=a.deadline, finished_at=a.finished_at)


def submission_summary(sub: Submission) -> SubmissionSummary:
    r = sub.result
    return SubmissionSummary(
        id=sub.id, attempt_id=sub.attempt_id, kind=sub.kind, level=sub.level, status=sub.status,
        verdict=r.verdict if r else None, score=r.score if r else None,
        tests_passed=r.tests_passed if r else None, tests_total=r.tests_total if r else None,
        created_at=sub.created_at, judged_at=sub.judged_at)


def view(s: Session, a: Attempt, *, now: datetime, log: list[dom.Event] | None = None) -> AttemptView:
    """The attempt as its page shows it; ``log``: its events, if the caller has just read them."""
    base = summary(a)
    p = _problem_or_none(a.problem_id)
    if log is None:
        log = repo.events(s, a.id)
    stats = dom.level_stats(log, base.levels)
    end = a.finished_at if a.status == AttemptStatus.EXPIRED.value and a.finished_at else now
    levels = []
    for st in stats:
        n = st.level
        if n > a.target_level:
            state = "out of scope"
        elif st.passed_at is not None or (n <= a.levels_passed and a.mode != Mode.DRILL.value):
            state = "passed"
        elif n <= a.level:
            state = "open"
        else:
            state = "locked"
        levels.append(LevelView(
            number=n, title=p.level(n).title if p else f"Level {n}", minutes=p.level(n).minutes if p else 0,
            state=state, started_at=st.started_at, passed_at=st.passed_at, time_spent=st.time_spent(end),
            runs=st.runs, submits=st.submits, last_verdict=st.last_verdict))
    recent = [SubmissionSummary(*row) for row in repo.submissions_of(s, a.id, limit=RECENT)]
    finished = a.finished_at if a.status != AttemptStatus.ACTIVE.value else None
    c = dom.clock(started_at=a.started_at, deadline=a.deadline, budget_minutes=a.budget_minutes, now=now,
                  finished_at=finished)
    assisted = any(e.kind is EventKind.EDITORIAL for e in log)
    return AttemptView(**base.__dict__, budget_minutes=a.budget_minutes, clock=c, code=a.code,
                       code_saved_at=a.code_saved_at, level_views=levels, recent=recent, assisted=assisted,
                       hints_used=sum(e.kind is EventKind.HINT for e in log))
