"""Queries the services share. Each takes an open Session and leaves committing to the caller.

Whose rows a service reads and writes is ``local_user_id(s)``: the local user, unless the code runs
``acting_as`` another user (the web app does so per request when accounts are on, docs/accounts.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from rounds.domain.attempt import Event, EventKind, SubmissionStatus
from rounds.storage.models import Attempt, AttemptEvent, Result, Submission, User

LOCAL_USER = "local"
PENDING = (SubmissionStatus.QUEUED.value, SubmissionStatus.JUDGING.value)


_acting: ContextVar[int | None] = ContextVar("rounds_acting_user", default=None)


def acting_user() -> int | None:
    """The user the current request acts as, or None: the local user."""
    return _acting.get()


@contextmanager
def acting_as(user_id: int | None) -> Iterator[None]:
    """Run the block as ``user_id``: every service reads and writes that user's rows only."""
    token = _acting.set(user_id)
    try:
        yield
    finally:
        _acting.reset(token)


def local_user_id(s: Session) -> int:
    """The id of the user acting now (see ``acting_as``), else of the local user, created on first use."""
    acting = _acting.get()
    if acting is not None:
        return acting
    uid = s.scalar(select(User.id).where(User.name == LOCAL_USER))
    if uid is None:
        user = User(name=LOCAL_USER)
        s.add(user)
        s.flush()
        uid = user.id
    return uid


def forget_shares(s: Session, user_id: int, kind: str | None = None, ref_id: int | None = None) -> None:
    """Stop sharing what is deleted (a row id may be used again by a later row)."""
    from rounds.storage.models_accounts import Share

    q = delete(Share).where(Share.user_id == user_id)
    if kind is not None:
        q = q.where(Share.kind == kind)
    if ref_id is not None:
        q = q.where(Share.ref_id == ref_id)
    s.execute(q)


def get_attempt(s: Session, attempt_id: int, *, for_update: bool = False) -> Attempt | None:
    return s.get(Attempt, attempt_id, with_for_update=for_update)


def own_attempt(s: Session, attempt_id: int, *, for_update: bool = False) -> Attempt | None:
    """The attempt if it belongs to the acting user (another user's is as good as missing)."""
    a = s.get(Attempt, attempt_id, with_for_update=for_update)
    return a if a is not None and a.user_id == local_user_id(s) else None


def attempts_of(s: Session, *, user_id: int, problem_id: str | None, limit: int) -> Sequence[Attempt]:
    q = select(Attempt).where(Attempt.user_id == user_id)
    if problem_id:
        q = q.where(Attempt.problem_id == problem_id)
    return s.scalars(q.order_by(Attempt.started_at.desc(), Attempt.id.desc()).limit(limit)).all()


def add_event(s: Session, attempt: Attempt, kind: EventKind, at: datetime, *, level: int | None = None,
              submission_id: int | None = None) -> None:
    s.add(AttemptEvent(attempt_id=attempt.id, kind=kind.value, level=level, at=at, submission_id=submission_id))


def events(s: Session, attempt_id: int) -> list[Event]:
    """The attempt's log, oldest first; run and submit events carry their verdict once judged."""
    rows = s.execute(  # columns, not objects: every verdict's page reads the whole log
        select(AttemptEvent.kind, AttemptEvent.at, AttemptEvent.level, Result.verdict, AttemptEvent.submission_id)
        .outerjoin(Result, Result.submission_id == AttemptEvent.submission_id)
        .where(AttemptEvent.attempt_id == attempt_id)
        .order_by(AttemptEvent.at, AttemptEvent.id)
    ).all()
    return [Event(kind=EventKind(k), at=at, level=lv, verdict=v, submission_id=sid) for k, at, lv, v, sid in rows]


def submissions_of(s: Session, attempt_id: int, *, limit: int) -> list[tuple[Any, ...]]:
    """The attempt's newest submissions with their results' figures (not the code, not the reports):
    rows of id, attempt_id, kind, level, status, verdict, score, tests_passed, tests_total,
    created_at, judged_at."""
    q = (select(Submission.id, Submission.attempt_id, Submission.kind, Submission.level, Submission.status,
                Result.verdict, Result.score, Result.tests_passed, Result.tests_total, Submission.created_at,
                Submission.judged_at)
         .outerjoin(Result, Result.submission_id == Submission.id)
         .where(Submission.attempt_id == attempt_id).order_by(Submission.id.desc()).limit(limit))
    return [tuple(row) for row in s.execute(q)]


def previous(s: Session, sub: Submission, *, kind: str | None) -> Submission | None:
    q = select(Submission).where(Submission.attempt_id == sub.attempt_id, Submission.id < sub.id)
    if kind:
        q = q.where(Submission.kind == kind)
    return s.scalars(q.order_by(Submission.id.desc()).limit(1)).first()


def pending(s: Session) -> Sequence[Submission]:
    """Submissions stored but not judged to the end: queued, or claimed by a judge."""
    return s.scalars(select(Submission).where(Submission.status.in_(PENDING)).order_by(Submission.id)).all()


def claim(s: Session, submission_id: int, *, expected: str | None, token: str, now: datetime) -> bool:
    """Take a pending submission for judging if its claim is still ``expected`` (compare and set)."""
    cond = Submission.claimed_by.is_(None) if expected is None else Submission.claimed_by == expected
    res = s.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status.in_(PENDING), cond)
        .values(status=SubmissionStatus.JUDGING.value, tries=Submission.tries + 1, claimed_by=token,
                claimed_at=now)
        .execution_options(synchronize_session="fetch")
    )
    return bool(getattr(res, "rowcount", 0) == 1)
