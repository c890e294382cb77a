from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.domain.attempt import now_utc
from rounds.services import attempts, claims, submissions
from rounds.services.errors import JudgeUnavailable
from rounds.storage.db import Database
from rounds.storage.models import Submission

SLEEPY = "import time\n" + """
class Ledger:
    def __init__(self):
        self.money = {}

    def deposit(self, account, amount):
        if account == "slow":
            time.sleep(0.6)
        self.money[account] = self.money.get(account, 0) + amount
        return self.money[account]

    def balance(self, account):
        return self.money.get(account, 0)
"""


def only_submission(db: Database) -> Submission:
    with db.sessions() as s:
        sub = s.scalars(select(Submission)).one()
        _ = sub.result
        return sub


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_judge_killed_mid_run_loses_nothing(db: Database, settings: Settings, toy_bank,
                                              tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    started = CliRunner().invoke(app, ["start", toy_bank.problem_id, "--dir", str(ws)])
    assert started.exit_code == 0, started.output
    (ws / "solution.py").write_text(SLEEPY)
    proc = subprocess.Popen([sys.executable, "-c", "from rounds.cli.app import main; main()", "submit", str(ws)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with db.sessions() as s:
                if s.scalars(select(Submission).where(Submission.status == "judging")).first():
                    break
            assert proc.poll() is None, "the submit finished before it could be killed"
            time.sleep(0.05)
        time.sleep(0.2)  # inside the first hidden test, which sleeps
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    left = only_submission(db)
    assert (left.status, left.tries, left.result, left.code) == ("judging", 1, None, SLEEPY)

    rec = submissions.recover_interrupted(sessions=db.sessions, settings=settings)
    assert (rec.rejudged, rec.failed) == ([left.id], [])
    done = submissions.get_submission(sessions=db.sessions, submission_id=left.id)
    assert (done.status, done.verdict, done.tries) == ("done", "AC", 2)
    view = attempts.attempt_status(sessions=db.sessions, attempt_id=done.attempt_id)
    assert view.level == 2 and view.levels_passed == 1
    assert submissions.recover_interrupted(sessions=db.sessions, settings=settings).rejudged == []


def stage(db: Database, toy_bank, *, status: str, tries: int, claim: str | None,
          claimed_at_ago: timedelta = timedelta(0)) -> int:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id)
    sid = submissions.create_submission(sessions=db.sessions, attempt_id=a.id, kind="submit", code=toy_bank.level1)
    with db.sessions.begin() as s:
        sub = s.get(Submission, sid)
        assert sub is not None
        sub.status, sub.tries, sub.claimed_by = status, tries, claim
        sub.claimed_at = now_utc() - claimed_at_ago
    return sid


def test_after_two_interrupted_tries_the_submission_gets_an_internal_error(db: Database, settings: Settings,
                                                                           toy_bank) -> None:
    sid = stage(db, toy_bank, status="judging", tries=2, claim=claims.token(dead_pid()))
    rec = submissions.recover_interrupted(sessions=db.sessions, settings=settings)
    assert (rec.rejudged, rec.failed) == ([], [sid])
    sub = submissions.get_submission(sessions=db.sessions, submission_id=sid)
    assert (sub.status, sub.verdict) == ("error", "IE")
    assert sub.report is not None and "not your code's fault" in sub.report.tests[0].message
    assert sub.error and "stopped 2 times" in sub.error


def test_live_and_leased_claims_are_left_alone(db: Database, settings: Settings, toy_bank) -> None:
    live = stage(db, toy_bank, status="judging", tries=1, claim=claims.token(os.getppid()))
    elsewhere = stage(db, toy_bank, status="judging", tries=1, claim="another-host:4242:99")
    stale = stage(db, toy_bank, status="judging", tries=1, claim="another-host:4343:99",
                  claimed_at_ago=claims.LEASE + timedelta(minutes=1))
    unclaimed = stage(db, toy_bank, status="queued", tries=1, claim=None)
    assert socket.gethostname() != "another-host"
    rec = submissions.recover_interrupted(sessions=db.sessions, settings=settings)
    assert sorted(rec.skipped) == [live, elsewhere]
    assert sorted(rec.rejudged) == [stale, unclaimed]


def test_a_judge_that_fails_leaves_the_submission_queued_then_gives_up(db: Database, settings: Settings,
                                                                       toy_bank, monkeypatch) -> None:
    def broken(_settings: Settings) -> None:
        raise RuntimeError("no sandbox today")

    monkeypatch.setattr(submissions, "get_judge", broken)
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id)
    with pytest.raises(JudgeUnavailable, match="no sandbox today"):
        submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.level1)
    sub = only_submission(db)
    assert (sub.status, sub.tries, sub.claimed_by) == ("queued", 1, None)
    assert sub.error is not None and "no sandbox today" in sub.error
    rec = submissions.recover_interrupted(sessions=db.sessions, settings=settings)
    assert rec.failed == [sub.id]
    assert (only_submission(db).status, only_submission(db).result.verdict) == ("error", "IE")
    monkeypatch.undo()
    assert submissions.recover_interrupted(sessions=db.sessions, settings=settings).rejudged == []


def test_a_submission_claimed_by_a_live_process_is_not_judged_twice(db: Database, settings: Settings,
                                                                   toy_bank) -> None:
    from rounds.services.errors import SubmissionBusy

    sid = stage(db, toy_bank, status="judging", tries=1, claim=claims.token(os.getppid()))
    with pytest.raises(SubmissionBusy):
        submissions.judge_submission(sessions=db.sessions, settings=settings, submission_id=sid)
    orphan = stage(db, toy_bank, status="judging", tries=1, claim=claims.token(dead_pid()))
    out = submissions.judge_submission(sessions=db.sessions, settings=settings, submission_id=orphan)
    assert (out.submission.status, out.submission.verdict, out.submission.tries) == ("done", "AC", 2)
    again = submissions.judge_submission(sessions=db.sessions, settings=settings, submission_id=orphan)
    assert again.submission == out.submission and again.unlocked is None
