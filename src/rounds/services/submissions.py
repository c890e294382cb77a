"""Use cases of judging inside an attempt: runs, submissions, and recovery after a crash.

A run or a submission is stored (committed) before it is judged, and claimed by the judging
process; the judge runs with no transaction open; the result is stored in a second short
transaction. If the process dies in between, ``recover_interrupted`` judges the submission
again, or gives up with an IE result after ``MAX_TRIES`` interrupted tries.

The synchronous ``run_examples`` and ``submit`` suit a terminal; a web page can call
``create_submission`` in the request and ``judge_submission`` in a background job, with
``on_result`` receiving each finished test (feedback mode already applied).
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from rounds.config import Settings
from rounds.content.package import Problem
from rounds.domain import attempt as dom
from rounds.domain import scoring
from rounds.domain.attempt import AttemptStatus, EventKind, SubmissionKind, SubmissionStatus
from rounds.domain.feedback import apply_mode
from rounds.domain.reports import report_from_json
from rounds.domain.verdict import LevelResult, Report, TestResult, Verdict
from rounds.judge.factory import get_judge
from rounds.services import claims
from rounds.services.attempts import (
    ensure_open,
    expire_if_due,
    get_problem,
    load,
    save_code,
    submission_summary,
    view,
)
from rounds.services.cases import parse_custom
from rounds.services.errors import (
    InvalidInput,
    JudgeUnavailable,
    SubmissionBusy,
    SubmissionNotFound,
)
from rounds.services.views import JudgedSubmission, Recovery, SubmissionView
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Result, Submission

__all__ = ["create_submission", "get_submission", "judge_from_queue", "judge_submission", "previous_submission",
           "recover_interrupted", "run_examples", "submit"]

MAX_TRIES = 2
OnResult = Callable[[TestResult], None]


def run_examples(*, sessions: SessionFactory, settings: Settings, attempt_id: int, code: str | None = None,
                 custom: Sequence[str] = (), on_result: OnResult | None = None,
                 now: datetime | None = None) -> JudgedSubmission:
    """Run the code on the visible examples of the open levels, plus the user's own inputs.

    ``code`` (if given) is saved as the attempt's code first. ``custom`` holds inputs as
    Python literals (see rounds.services.cases); their expected values come from the reference.
    """
    sid = create_submission(sessions=sessions, attempt_id=attempt_id, kind="run", code=code, custom=custom,
                            now=now)
    return judge_submission(sessions=sessions, settings=settings, submission_id=sid, on_result=on_result)


def submit(*, sessions: SessionFactory, settings: Settings, attempt_id: int, code: str | None = None,
           on_result: OnResult | None = None, now: datetime | None = None) -> JudgedSubmission:
    """Judge the code on the hidden tests of the open level and the levels below it.

    A fully passed level unlocks the next; passing the last level in scope completes the
    attempt. ``code`` (if given) is saved as the attempt's code first.
    """
    sid = create_submission(sessions=sessions, attempt_id=attempt_id, kind="submit", code=code, now=now)
    return judge_submission(sessions=sessions, settings=settings, submission_id=sid, on_result=on_result)


def create_submission(*, sessions: SessionFactory, attempt_id: int, kind: str, code: str | None = None,
                      custom: Sequence[str] = (), now: datetime | None = None) -> int:
    """Store a run or a submission of the attempt's code (after saving ``code``); returns its id.

    The submission is committed and claimed by this process before anything is judged.
    """
    try:
        k = SubmissionKind(kind)
    except ValueError:
        k = SubmissionKind.SNAPSHOT
    if k is SubmissionKind.SNAPSHOT:
        raise InvalidInput(f"kind must be run or submit, not {kind!r}")
    if custom and k is not SubmissionKind.RUN:
        raise InvalidInput("custom inputs go with runs only")
    when = now or dom.now_utc()
    if code is not None:
        save_code(sessions=sessions, attempt_id=attempt_id, code=code, now=when)
    with sessions.begin() as s:
        a = load(s, attempt_id, now=when, for_update=True)
        ensure_open(a, when)
        if custom:
            parse_custom(get_problem(a.problem_id), list(custom))  # refuse bad input before storing it
        sub = Submission(attempt_id=a.id, level=a.level, kind=k.value, code=a.code,
                         seed=secrets.randbelow(2**31), custom=list(custom) or None,
                         status=SubmissionStatus.QUEUED.value, tries=0, claimed_by=claims.token(),
                         claimed_at=when, created_at=when)
        s.add(sub)
        s.flush()
        repo.add_event(s, a, EventKind.RUN if k is SubmissionKind.RUN else EventKind.SUBMIT, when,
                       level=a.level, submission_id=sub.id)
        return sub.id


def judge_submission(*, sessions: SessionFactory, settings: Settings, submission_id: int,
                     on_result: OnResult | None = None) -> JudgedSubmission:
    """Judge a stored submission (one this process created, or one whose judge died).

    Already judged: returns the stored outcome. SubmissionBusy if another live process is
    judging it; JudgeUnavailable if the judge cannot run (the submission stays stored).
    """
    with sessions.begin() as s:
        sub = s.get(Submission, submission_id)
        if sub is None:
            raise SubmissionNotFound(f"no submission with id {submission_id}")
        expected, claimed_at = sub.claimed_by, sub.claimed_at
        kind, created, pending = sub.kind, sub.created_at, sub.status in repo.PENDING
    if expected not in (None, claims.token()) and claims.alive(expected, claimed_at, dom.now_utc()):
        raise SubmissionBusy(f"submission {submission_id} is being judged by another process")
    js: JudgedSubmission | None
    try:
        if settings.queue == "procrastinate":
            js = _judge_on_queue(sessions, settings, submission_id, expected=expected, on_result=on_result)
        else:
            js = _judge(sessions, settings, submission_id, expected=expected, on_result=on_result)
            assert js is not None
    except _ClaimLost:
        raise SubmissionBusy(f"submission {submission_id} is being judged by another process") from None
    if pending:
        from rounds.metrics import VERDICT_LATENCY

        waited = dom.now_utc() - (created if created.tzinfo else created.replace(tzinfo=dom.now_utc().tzinfo))
        VERDICT_LATENCY.labels(kind=kind).observe(max(0.0, waited.total_seconds()))
    return js


def recover_interrupted(*, sessions: SessionFactory, settings: Settings, max_tries: int = MAX_TRIES,
                        now: datetime | None = None) -> Recovery:
    """Judge again the submissions a dead process left queued or judging (run this at start-up).

    A submission whose judging was interrupted ``max_tries`` times is given an IE result instead.
    Submissions still claimed by a live process are left alone.
    """
    when = now or dom.now_utc()
    with sessions.begin() as s:
        todo = [(x.id, x.claimed_by, x.claimed_at, x.tries) for x in repo.pending(s)]
    out = Recovery(rejudged=[], failed=[], skipped=[])
    for sid, claim, claimed_at, tries in todo:
        if claim == claims.token() or claims.alive(claim, claimed_at, when):
            out.skipped.append(sid)
            continue
        if tries >= max_tries:
            reason = (f"the judge stopped {tries} times while judging this submission (the process was "
                      "killed or crashed), so it was not judged; this is not your code's fault")
            if _give_up(sessions, sid, expected=claim, reason=reason):
                out.failed.append(sid)
            continue
        try:
            _judge(sessions, settings, sid, expected=claim, on_result=None, max_tries=max_tries, outcome=False)
        except _ClaimLost:
            out.skipped.append(sid)
            continue
        except JudgeUnavailable:
            out.failed.append(sid)
            continue
        out.rejudged.append(sid)
    return out


def _own(s: Session, submission_id: int) -> Submission | None:
    """The submission if its attempt belongs to the acting user."""
    sub = s.get(Submission, submission_id)
    return sub if sub is not None and sub.attempt.user_id == repo.local_user_id(s) else None


def get_submission(*, sessions: SessionFactory, submission_id: int) -> SubmissionView:
    """A submission with its code and report (the attempt's feedback mode applied)."""
    with sessions.begin() as s:
        sub = _own(s, submission_id)
        if sub is None:
            raise SubmissionNotFound(f"no submission with id {submission_id}")
        return submission_view(sub)


def previous_submission(*, sessions: SessionFactory, submission_id: int,
                        same_kind: bool = True) -> SubmissionView | None:
    """The submission of the same attempt just before this one (of the same kind), for diffs."""
    with sessions.begin() as s:
        sub = _own(s, submission_id)
        if sub is None:
            raise SubmissionNotFound(f"no submission with id {submission_id}")
        prev = repo.previous(s, sub, kind=sub.kind if same_kind else None)
        return submission_view(prev) if prev else None


def submission_view(sub: Submission) -> SubmissionView:
    report = None
    if sub.result is not None:
        report = apply_mode(report_from_json(sub.result.report), sub.attempt.feedback)
    return SubmissionView(**submission_summary(sub).__dict__, code=sub.code, seed=sub.seed,
                          custom=list(sub.custom or []), tries=sub.tries, error=sub.error, report=report)


def judge_from_queue(*, sessions: SessionFactory, settings: Settings, submission_id: int,
                     max_tries: int = MAX_TRIES, on_result: OnResult | None = None) -> str:
    """Judge a submission a queue worker was handed (first time, or again after a worker died).

    The queue hands a job to one worker at a time, so the worker takes the claim over whoever
    holds it; tries are counted on the submission, and after ``max_tries`` claims it gets an IE
    result. Returns what happened: ``judged``, ``already judged``, ``gave up``, ``taken`` (another
    worker holds it) or ``gone``. JudgeUnavailable when the judge cannot run (the queue retries).
    ``on_result`` gets each finished test, the attempt's feedback mode applied.
    """
    with sessions.begin() as s:
        sub = s.get(Submission, submission_id)
        if sub is None:
            return "gone"
        if sub.status not in repo.PENDING:
            return "already judged"
        claim, tries = sub.claimed_by, sub.tries
    if tries >= max_tries:
        reason = (f"this submission stopped the judge {tries} times (each worker judging it was killed or "
                  "crashed), so it was not judged; if your code is not trying to break the judge, submit again")
        return "gave up" if _give_up(sessions, submission_id, expected=claim, reason=reason) else "taken"
    try:
        _judge(sessions, settings, submission_id, expected=claim, on_result=on_result, max_tries=max_tries,
               outcome=False)  # the waiting page rebuilds the outcome from the attempt's log
    except _ClaimLost:
        return "taken"
    return "judged"


QUEUE_WAIT_S = 600.0  # how long a page waits on a queued submission before saying where to look


def _judge_on_queue(sessions: SessionFactory, settings: Settings, sid: int, *,
                    expected: str | None, on_result: OnResult | None = None) -> JudgedSubmission:
    """Hand the stored submission to the queue's workers and wait for its result; ``on_result``
    gets each finished test the worker sends (feedback mode applied by the worker)."""
    import time

    from rounds.queue import jobs as q

    with sessions.begin() as s:  # release this process's claim: a worker takes the submission
        sub = s.get(Submission, sid)
        assert sub is not None
        if sub.status in repo.PENDING and sub.claimed_by == claims.token():
            sub.claimed_by = None
    shown = _Shown(on_result)
    try:
        woken = q.waiter(settings).register(sid, shown)
        q.enqueue(settings, sid)
    except Exception as exc:  # noqa: BLE001 - the submission stays stored; a worker's sweep queues it
        raise JudgeUnavailable(f"the judging queue could not be reached ({type(exc).__name__}: {exc})") from exc
    deadline = time.monotonic() + QUEUE_WAIT_S
    try:
        while time.monotonic() < deadline:
            with sessions.begin() as s:
                sub = s.get(Submission, sid)
                assert sub is not None
                if sub.status not in repo.PENDING:
                    js = _outcome_from_log(s, sub)
                    shown.finish(js.submission.report)
                    return js
            woken.wait(1.0)  # the worker's NOTIFY, or a look at the row every second
    finally:
        q.waiter(settings).forget(sid)
    raise JudgeUnavailable(f"submission {sid} is still waiting for a judge after {QUEUE_WAIT_S:.0f} s "
                           "(are `rounds worker` processes running?)")


class _Shown:
    """The finished tests a waiting page is shown, as workers stream them: each test once (a worker
    taking over from a killed one sends the tests again), and at the verdict every test of the
    stored report the stream missed (a notification lost, or a test too large to send)."""

    def __init__(self, on_result: OnResult | None) -> None:
        self.on_result = on_result
        self.seen: set[tuple[int, str]] = set()
        self.lock = threading.Lock()
        self.closed = False

    def __call__(self, t: TestResult) -> None:
        with self.lock:
            if self.closed or self.on_result is None or (t.level, t.name) in self.seen:
                return
            self.seen.add((t.level, t.name))
            self.on_result(t)

    def finish(self, report: Report | None) -> None:
        for t in report.tests if report is not None else []:
            self(t)
        with self.lock:
            self.closed = True


def _outcome_from_log(s: Session, sub: Submission) -> JudgedSubmission:
    """The outcome of a submission another process judged, rebuilt from the attempt's log."""
    log = repo.events(s, sub.attempt_id)
    newly = tuple(e.level for e in log if e.kind is EventKind.LEVEL_PASSED and e.submission_id == sub.id
                  and e.level is not None)
    a = load(s, sub.attempt_id, anyone=True)  # the page waiting for it started it
    unlocked = a.level if newly and a.level > max(newly) else None
    completed = bool(newly) and any(e.kind is EventKind.COMPLETED for e in log) \
        and a.finished_at is not None and _same_time(a.finished_at, sub.created_at)
    return _outcome(s, sub, newly, unlocked, completed, log=log)


def _same_time(a: datetime, b: datetime) -> bool:
    return a.replace(tzinfo=None) == b.replace(tzinfo=None)


class _ClaimLost(Exception):
    """Another process claimed the submission first."""


def _judge(sessions: SessionFactory, settings: Settings, sid: int, *, expected: str | None,
           on_result: OnResult | None, max_tries: int = MAX_TRIES, outcome: bool = True) -> JudgedSubmission | None:
    """Claim, judge and record a stored submission; with ``outcome``, the submission and its attempt
    as they stand once recorded (what the waiting page shows)."""
    token = claims.token()
    when = dom.now_utc()
    with sessions.begin() as s:
        sub = s.get(Submission, sid)
        assert sub is not None
        if sub.status in (SubmissionStatus.DONE.value, SubmissionStatus.ERROR.value):
            return _outcome(s, sub, (), None, False) if outcome else None
        if not repo.claim(s, sid, expected=expected, token=token, now=when):
            raise _ClaimLost(sid)
        s.refresh(sub)
        pid, code, level, kind, seed = sub.attempt.problem_id, sub.code, sub.level, sub.kind, sub.seed
        custom, feedback = list(sub.custom or []), sub.attempt.feedback
    try:
        problem = get_problem(pid)
        judge = get_judge(settings)
        extra = parse_custom(problem, custom) if custom else None
        suite = "examples" if kind == SubmissionKind.RUN.value else "hidden"
        # An accepted submission also gets a complexity tier (a size ladder; never a verdict).
        report = judge.judge(problem, code, level=level, suite=suite, seed=seed, extra=extra,
                             on_result=_filtered(on_result, feedback, pid), complexity=suite == "hidden")
    except Exception as exc:  # no verdict came back: the try failed, the submission stays stored
        reason = f"the judge could not run: {type(exc).__name__}: {exc}"
        _fail_try(sessions, sid, token=token, reason=reason, max_tries=max_tries)
        raise JudgeUnavailable(reason) from exc
    with sessions.begin() as s:
        sub = s.get(Submission, sid, with_for_update=True, populate_existing=True)
        assert sub is not None
        if sub.claimed_by != token or sub.status != SubmissionStatus.JUDGING.value:
            # Taken for dead while judging, and taken over: the record is the other judge's.
            if sub.status in (SubmissionStatus.DONE.value, SubmissionStatus.ERROR.value):
                return _outcome(s, sub, (), None, False) if outcome else None
            raise _ClaimLost(sid)
        newly, unlocked, completed = _record(s, sub, problem, report)
        return _outcome(s, sub, newly, unlocked, completed) if outcome else None


def _filtered(on_result: OnResult | None, feedback: str, problem_id: str) -> OnResult | None:
    if on_result is None:
        return None
    callback = on_result

    def forward(t: TestResult) -> None:  # the mode rewrites the test and its steps' rows: copy those
        mine = dataclasses.replace(t, steps=[dict(row) for row in t.steps] if t.steps is not None else None)
        apply_mode(Report(problem_id=problem_id, levels=[LevelResult(mine.level, [mine])]), feedback)
        callback(mine)

    return forward


def _record(s: Session, sub: Submission, problem: Problem,
            report: Report) -> tuple[tuple[int, ...], int | None, bool]:
    """Store the report, then advance the attempt if a submission passed new levels. Returns the
    levels newly passed, the level it unlocked and whether it completed the attempt."""
    # Progress counts from when the code was submitted, so expiry is applied only afterwards.
    a = repo.get_attempt(s, sub.attempt_id, for_update=True)
    assert a is not None
    is_submit = sub.kind == SubmissionKind.SUBMIT.value
    _explain_missing_entry(report, sub.code, problem)
    if is_submit:
        report.score = scoring.score(scoring.tallies(report, a.target_level))
    _store_result(s, sub, report, status=SubmissionStatus.DONE, error=None)
    newly: tuple[int, ...] = ()
    unlocked = None
    completed = False
    if is_submit:
        a.score = max(a.score or 0, report.score or 0)
        p = dom.progress(level=a.level, levels_passed=a.levels_passed,
                         highest_passed=report.highest_level_passed, last_level=a.target_level)
        newly = p.newly_passed
        for n in newly:
            repo.add_event(s, a, EventKind.LEVEL_PASSED, sub.created_at, level=n, submission_id=sub.id)
        if p.level > a.level:
            unlocked = p.level
            repo.add_event(s, a, EventKind.LEVEL_STARTED, dom.now_utc(), level=p.level)
        a.level, a.levels_passed = p.level, p.levels_passed
        if p.completed and newly and a.status == AttemptStatus.ACTIVE.value:
            completed = True
            a.status = AttemptStatus.COMPLETED.value
            a.finished_at = sub.created_at
            repo.add_event(s, a, EventKind.COMPLETED, sub.created_at, level=a.level)
    expire_if_due(s, a, dom.now_utc())
    s.flush()
    return newly, unlocked, completed


def _explain_missing_entry(report: Report, code: str, problem: Problem) -> None:
    """"defines no class named X" also says what the code defines (and, for an imported task, that
    solution.py is the user's copy of its *_impl.py)."""
    from rounds.services.wording import missing_entry_text

    impl = None
    if problem.grader == "unittest":
        try:
            from rounds.judge.graders.unittests import spec

            impl = str(spec(problem).get("impl") or "") or None
        except Exception:  # noqa: BLE001 - wording only
            impl = None
    report.message = missing_entry_text(report.message, code, impl=impl)
    for t in report.tests:
        t.message = missing_entry_text(t.message, code, impl=impl)


def _outcome(s: Session, sub: Submission, newly: tuple[int, ...], unlocked: int | None,
             completed: bool, *, log: list[dom.Event] | None = None) -> JudgedSubmission:
    a = load(s, sub.attempt_id, anyone=True)  # the judge answers whoever submitted
    s.refresh(sub)
    return JudgedSubmission(submission=submission_view(sub), attempt=view(s, a, now=dom.now_utc(), log=log),
                            newly_passed=newly, unlocked=unlocked, completed=completed)


def _store_result(s: Session, sub: Submission, report: Report, *, status: SubmissionStatus,
                  error: str | None) -> None:
    tests = report.tests
    s.add(Result(submission_id=sub.id, verdict=report.verdict.value, score=report.score,
                 tests_passed=sum(t.passed for t in tests), tests_total=len(tests),
                 highest_level_passed=report.highest_level_passed, report=_json(report)))
    sub.status = status.value
    sub.error = error
    sub.judged_at = dom.now_utc()
    sub.claimed_by = None
    if s.get_bind().dialect.name == "postgresql":  # wakes a web process waiting on the queue (on commit)
        s.execute(text("SELECT pg_notify(:channel, :sid)"), {"channel": "rounds_judged", "sid": str(sub.id)})


def _json(report: Report) -> dict[str, Any]:
    return report.to_json()


def _ie_report(problem_id: str, level: int, reason: str) -> Report:
    t = TestResult(name="judge", level=level, verdict=Verdict.IE, message=reason)
    return Report(problem_id=problem_id, levels=[LevelResult(level, [t])], message=reason)


def _fail_try(sessions: SessionFactory, sid: int, *, token: str, reason: str, max_tries: int) -> None:
    """A judging try failed without a verdict: queue it again, or give up after max_tries."""
    with sessions.begin() as s:
        sub = s.get(Submission, sid)
        if sub is None or sub.claimed_by != token:
            return
        if sub.tries >= max_tries:
            _store_result(s, sub, _ie_report(sub.attempt.problem_id, sub.level, reason),
                          status=SubmissionStatus.ERROR, error=reason)
        else:
            sub.status = SubmissionStatus.QUEUED.value
            sub.claimed_by = None
            sub.error = reason


def _give_up(sessions: SessionFactory, sid: int, *, expected: str | None, reason: str) -> bool:
    with sessions.begin() as s:
        sub = s.get(Submission, sid)
        if sub is None or sub.status not in repo.PENDING or sub.claimed_by != expected:
            return False
        _store_result(s, sub, _ie_report(sub.attempt.problem_id, sub.level, reason),
                      status=SubmissionStatus.ERROR, error=reason)
        return True
