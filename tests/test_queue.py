"""Judging on the procrastinate queue (PostgreSQL): `rounds worker` processes judge what the web
process stores, each submission's record is written exactly once, a killed worker loses nothing,
and a submission that keeps killing workers ends as IE with the reason."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from rounds.config import Settings
from rounds.domain.attempt import now_utc
from rounds.domain.verdict import Report
from rounds.queue import jobs as q
from rounds.queue import worker as w
from rounds.services import attempts, submissions
from rounds.storage.db import Database
from rounds.storage.models import Result, Submission

# Every test here runs on PostgreSQL only; scripts/test starts a server for the run.
on_postgres = pytest.mark.parametrize("settings", ["postgresql"], indirect=True)

SLEEPY = """
import time

class Ledger:
    def __init__(self):
        self.money = {}

    def deposit(self, account, amount):
        if account == "slow":
            time.sleep(0.8)
        self.money[account] = self.money.get(account, 0) + amount
        return self.money[account]

    def balance(self, account):
        return self.money.get(account, 0)
"""


@pytest.fixture
def qsettings(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    assert os.environ.get("ROUNDS_TEST_POSTGRES_URL"), (
        "the queue tests need PostgreSQL: run scripts/test (it starts one), or start one with "
        "`scripts/test-postgres start DIR` and set ROUNDS_TEST_POSTGRES_URL to the URL it prints")
    monkeypatch.setenv("ROUNDS_QUEUE", "procrastinate")
    yield settings.model_copy(update={"queue": "procrastinate"})
    q.close()


def start_worker(*extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "from rounds.cli.app import main; main()", "worker", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
    proc.wait(timeout=30)


def results_of(db: Database, sid: int) -> int:
    with db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Result).where(Result.submission_id == sid)) or 0)


@on_postgres
def test_a_worker_judges_what_the_page_stores(db: Database, qsettings: Settings, toy_bank) -> None:
    aid = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id).id
    proc = start_worker()
    streamed: list[str] = []
    try:
        done = submissions.submit(sessions=db.sessions, settings=qsettings, attempt_id=aid, code=toy_bank.full,
                                  on_result=lambda t: streamed.append(t.name))
    finally:
        stop(proc)
    assert done.submission.verdict == "AC"
    assert done.submission.report is not None
    assert streamed == [t.name for t in done.submission.report.tests]  # each test as the worker finished it
    assert (done.newly_passed, done.unlocked, done.completed) == ((1,), 2, False)
    assert done.attempt.level == 2
    assert results_of(db, done.submission.id) == 1
    with db.sessions() as s:  # the worker's job is gone from the queue once it succeeded
        left = s.execute(q_jobs()).all()
    assert left == []


def q_jobs():  # noqa: ANN201 - a textual select
    from sqlalchemy import text

    return text("SELECT id, status FROM procrastinate_jobs")


@on_postgres
def test_a_worker_killed_mid_job_loses_nothing_and_judges_once(db: Database, qsettings: Settings, toy_bank) -> None:
    aid = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id).id
    sid = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=SLEEPY)
    with db.sessions.begin() as s:  # as the page leaves it: stored, unclaimed, then queued
        s.execute(update(Submission).where(Submission.id == sid).values(claimed_by=None))
    assert q.enqueue(qsettings, sid)
    assert not q.enqueue(qsettings, sid), "a second job for a submission already waiting"
    first = start_worker()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with db.sessions() as s:
                if s.scalar(select(Submission.status).where(Submission.id == sid)) == "judging":
                    break
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            time.sleep(0.02)
        time.sleep(0.2)  # inside the hidden test that sleeps
    finally:
        stop(first, signal.SIGKILL)
    with db.sessions() as s:
        sub = s.get(Submission, sid)
        assert sub is not None
        assert (sub.status, sub.tries, results_of(db, sid)) == ("judging", 1, 0)

    second = start_worker()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and results_of(db, sid) == 0:
            assert second.poll() is None, second.stderr.read().decode() if second.stderr else ""
            time.sleep(0.1)
        time.sleep(1.0)  # nothing else arrives
    finally:
        stop(second)
    view = submissions.get_submission(sessions=db.sessions, submission_id=sid)
    assert (view.status, view.tries, view.verdict) == ("done", 2, "AC")
    assert results_of(db, sid) == 1


@on_postgres
def test_a_submission_that_keeps_killing_workers_is_ie_with_the_reason(db: Database, qsettings: Settings,
                                                                       toy_bank) -> None:
    aid = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id).id
    sid = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=toy_bank.full)
    with db.sessions.begin() as s:  # three workers took it and died with it
        s.execute(update(Submission).where(Submission.id == sid)
                  .values(status="judging", tries=q.MAX_TRIES, claimed_by="elsewhere:1:1", claimed_at=now_utc()))
    out = submissions.judge_from_queue(sessions=db.sessions, settings=qsettings, submission_id=sid,
                                       max_tries=q.MAX_TRIES)
    assert out == "gave up"
    view = submissions.get_submission(sessions=db.sessions, submission_id=sid)
    assert (view.status, view.verdict) == ("error", "IE")
    assert view.error and "stopped the judge 3 times" in view.error
    assert submissions.judge_from_queue(sessions=db.sessions, settings=qsettings, submission_id=sid) == "already judged"
    assert results_of(db, sid) == 1


@on_postgres
def test_two_judges_of_one_submission_leave_one_record(db: Database, qsettings: Settings, toy_bank,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker taken for dead while it was only slow: the one that took over records; the slow one's
    late result is dropped, not stored twice."""
    from rounds.judge import factory

    real = factory.get_judge(qsettings)
    release = threading.Event()
    entered = threading.Event()

    class Slow:
        def judge(self, *a, **kw) -> Report:  # noqa: ANN002, ANN003
            entered.set()
            release.wait(30)
            return real.judge(*a, **kw)

    aid = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id).id
    sid = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=toy_bank.full)
    outcomes: list[str] = []
    monkeypatch.setattr(submissions, "get_judge", lambda _s: Slow())
    slow = threading.Thread(target=lambda: outcomes.append(
        submissions.judge_from_queue(sessions=db.sessions, settings=qsettings, submission_id=sid)))
    slow.start()
    assert entered.wait(30)
    monkeypatch.setattr(submissions, "get_judge", lambda _s: real)
    with db.sessions.begin() as s:  # the slow judge's claim, as another process's
        s.execute(update(Submission).where(Submission.id == sid).values(claimed_by="gone:1:1"))
    assert submissions.judge_from_queue(sessions=db.sessions, settings=qsettings, submission_id=sid) == "judged"
    release.set()
    slow.join(30)
    assert outcomes == ["judged"] or outcomes == ["taken"]
    assert results_of(db, sid) == 1
    view = submissions.get_submission(sessions=db.sessions, submission_id=sid)
    assert (view.status, view.tries, view.verdict) == ("done", 2, "AC")


@on_postgres
def test_a_stored_submission_without_a_job_is_queued_by_the_sweep(db: Database, qsettings: Settings,
                                                                   toy_bank) -> None:
    q.ensure_schema(qsettings)
    aid = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id).id
    fresh = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=toy_bank.full)
    orphan = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=toy_bank.full)
    live = submissions.create_submission(sessions=db.sessions, attempt_id=aid, kind="submit", code=toy_bank.full)
    old = now_utc() - timedelta(minutes=1)
    with db.sessions.begin() as s:
        s.execute(update(Submission).where(Submission.id == orphan).values(claimed_by=None, created_at=old))
        s.execute(update(Submission).where(Submission.id == live).values(created_at=old))  # this process judges it
        s.execute(update(Submission).where(Submission.id == fresh).values(claimed_by=None))
    assert w.orphans(db.sessions) == [orphan]
    assert q.enqueue(qsettings, orphan)
    assert w.orphans(db.sessions) == []


def test_the_queue_needs_postgresql(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(q.QueueUnavailable, match="needs PostgreSQL"):
        q.conninfo(Settings(data_dir=tmp_path, queue="procrastinate"))


def test_finished_tests_go_in_few_notifications_in_order_each_under_the_limit() -> None:
    from rounds.queue.jobs import MAX_PAYLOAD, progress_payloads

    tests = [{"name": f"t{i}", "message": "x" * 300} for i in range(60)] + [{"name": "big", "output": "y" * 20000}]
    payloads = progress_payloads(7, tests)
    assert 1 < len(payloads) < 10  # batched, not one per test
    assert all(len(p.encode()) <= MAX_PAYLOAD for p in payloads)
    names = [t["name"] for p in payloads for t in json.loads(p)["ts"]]
    assert names == [f"t{i}" for i in range(60)] + ["big"]  # the large one cut to fit, not dropped
    assert all(json.loads(p)["s"] == 7 for p in payloads)
