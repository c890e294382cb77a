from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from rounds.config import Settings
from rounds.content.catalog import catalog
from rounds.domain.attempt import now_utc
from rounds.services import attempts, submissions
from rounds.services.errors import AttemptClosed, AttemptNotFound, InvalidInput, ProblemNotFound
from rounds.storage.db import Database
from rounds.storage.models import AttemptEvent, Submission

CSII = "algo/course-schedule-ii"


def kinds(db: Database, attempt_id: int) -> list[tuple[str, int | None]]:
    with db.sessions() as s:
        rows = s.scalars(select(AttemptEvent).where(AttemptEvent.attempt_id == attempt_id)
                         .order_by(AttemptEvent.id)).all()
        return [(e.kind, e.level) for e in rows]


def test_start_attempt_modes_and_clocks(db: Database, toy_bank) -> None:
    full = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full")
    assert (full.mode, full.budget_minutes, full.level, full.target_level, full.levels) == ("full", 90, 1, 3, 3)
    assert full.deadline == full.started_at + timedelta(minutes=90)
    assert full.started_at.tzinfo is not None and full.code.startswith("class Ledger")
    assert [lv.state for lv in full.level_views] == ["open", "locked", "locked"]
    assert [lv.minutes for lv in full.level_views] == [10, 10, 10]

    practice = attempts.start_attempt(sessions=db.sessions, problem_id=CSII)
    assert (practice.deadline, practice.budget_minutes, practice.feedback) == (None, 25, "standard")

    drill = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="drill", level=2)
    assert (drill.budget_minutes, drill.level, drill.target_level) == (30, 2, 2)
    assert [lv.state for lv in drill.level_views] == ["open", "open", "out of scope"]
    listed = attempts.list_attempts(sessions=db.sessions)
    assert [a.id for a in listed] == [drill.id, practice.id, full.id]
    assert [a.id for a in attempts.list_attempts(sessions=db.sessions, problem_id=CSII)] == [practice.id]


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"problem_id": "algo/no-such-problem"}, ProblemNotFound),
    ({"problem_id": CSII, "mode": "marathon"}, InvalidInput),
    ({"problem_id": CSII, "feedback": "verbose"}, InvalidInput),
    ({"problem_id": CSII, "level": 1}, InvalidInput),
    ({"problem_id": CSII, "mode": "drill", "level": 2}, InvalidInput),
    ({"problem_id": CSII, "code": "x" * (300 * 1024)}, InvalidInput),
])
def test_start_attempt_refuses_bad_requests(db: Database, kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        attempts.start_attempt(sessions=db.sessions, **kwargs)


def test_run_examples_with_custom_inputs_evaluated_by_the_reference(db: Database, settings: Settings) -> None:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=CSII)
    seen = []
    ref = catalog().get(CSII).reference_source
    out = submissions.run_examples(sessions=db.sessions, settings=settings, attempt_id=a.id, code=ref,
                                   custom=["3, [[1, 0], [2, 1]]", "2, [[0, 1], [1, 0]]"], on_result=seen.append)
    report = out.submission.report
    assert report is not None and out.submission.verdict == "AC"
    assert [t.name for t in report.tests] == ["two courses", "diamond", "cycle", "custom 1", "custom 2"]
    assert report.tests[3].expected == "[0, 1, 2]" and report.tests[4].expected == "[]"
    assert len(seen) == 5 and out.newly_passed == () and out.attempt.levels_passed == 0
    assert out.attempt.code == ref and out.attempt.level_views[0].runs == 1
    with pytest.raises(InvalidInput, match="custom input 1"):
        submissions.run_examples(sessions=db.sessions, settings=settings, attempt_id=a.id, custom=["3, [[1, 0]"])


def test_custom_calls_for_an_operation_stream(db: Database, settings: Settings, toy_bank) -> None:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id)
    out = submissions.run_examples(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.level1,
                                   custom=['[("__init__",), ("deposit", "z", 4), ("deposit", "z", 1)]'])
    assert out.submission.verdict == "AC"
    assert out.submission.report is not None and out.submission.report.tests[-1].name == "custom 1"


def test_levels_unlock_in_order_and_the_attempt_completes(db: Database, settings: Settings, toy_bank) -> None:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full")
    assert attempts.attempt_documents(sessions=db.sessions, attempt_id=a.id).editorial is None
    first = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.level1)
    assert (first.newly_passed, first.unlocked, first.completed) == ((1,), 2, False)
    assert first.submission.score == 200 + 400 // 3
    assert first.attempt.level == 2 and [lv.state for lv in first.attempt.level_views] == ["passed", "open", "locked"]

    again = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id)  # level 2 now, same code
    assert again.submission.verdict != "AC" and again.unlocked is None
    assert first.submission.score <= again.submission.score < 600  # level 1 still passes; level 2 does not
    assert again.attempt.level == 2 and again.attempt.score == max(first.submission.score, again.submission.score)

    second = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.full)
    assert (second.newly_passed, second.unlocked, second.completed) == ((2,), 3, False)
    assert second.submission.score == 200 + round(400 * 2 / 3)  # level 3 is not judged before it opens
    last = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id)
    assert last.newly_passed == (3,) and last.unlocked is None and last.completed and last.submission.score == 600
    assert last.attempt.status == "completed" and last.attempt.level == 3 and last.attempt.score == 600
    assert [lv.state for lv in last.attempt.level_views] == ["passed"] * 3
    assert [lv.submits for lv in last.attempt.level_views] == [1, 2, 1]
    assert [lv.last_verdict for lv in last.attempt.level_views] == ["AC", "AC", "AC"]
    assert kinds(db, a.id) == [
        ("started", None), ("level_started", 1), ("submit", 1), ("level_passed", 1), ("level_started", 2),
        ("submit", 2), ("submit", 2), ("level_passed", 2), ("level_started", 3), ("submit", 3),
        ("level_passed", 3), ("completed", 3)]
    docs = attempts.attempt_documents(sessions=db.sessions, attempt_id=a.id)
    assert "Rank accounts" in docs.statement and "Locked" not in docs.statement
    assert docs.editorial is not None and "dictionary" in docs.editorial
    assert "obj.top(1)  ->  ['b']" in docs.examples

    prev = submissions.previous_submission(sessions=db.sessions, submission_id=last.submission.id)
    assert prev is not None and prev.id == second.submission.id and prev.code == toy_bank.full
    prev = submissions.previous_submission(sessions=db.sessions, submission_id=second.submission.id)
    assert prev is not None and prev.id == again.submission.id and prev.code == toy_bank.level1
    assert submissions.previous_submission(sessions=db.sessions, submission_id=first.submission.id) is None


def test_feedback_modes_apply_to_stored_reports(db: Database, settings: Settings, toy_bank) -> None:
    wrong = toy_bank.level1.replace("return self.money.get(account, 0)", "return self.money.get(account, 1)")
    shown = {}
    for mode in ("open", "standard", "blind"):
        a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, feedback=mode)
        live = []
        out = submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=wrong,
                                 on_result=live.append)
        stored = submissions.get_submission(sessions=db.sessions, submission_id=out.submission.id)
        assert stored.report is not None
        failing = [t for t in stored.report.tests if not t.passed]
        live_failing = [t for t in live if not t.passed]
        assert failing and len(live_failing) == len(failing)
        shown[mode] = (failing[0].expected, failing[0].message, live_failing[0].expected, live_failing[0].message)
    assert shown["open"][0] is not None and shown["open"][2] is not None
    assert shown["standard"][0] is None and shown["standard"][1] and shown["standard"][2] is None
    assert shown["blind"][1] == "" and shown["blind"][3] == ""


def test_a_full_attempt_closes_when_its_clock_runs_out(db: Database, settings: Settings, toy_bank) -> None:
    long_ago = now_utc() - timedelta(hours=2)
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full", now=long_ago)
    with pytest.raises(AttemptClosed, match="clock ran out"):
        submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.full)
    with pytest.raises(AttemptClosed):
        attempts.save_code(sessions=db.sessions, attempt_id=a.id, code="x = 1")
    view = attempts.attempt_status(sessions=db.sessions, attempt_id=a.id)
    assert view.status == "expired" and not view.open
    assert view.clock.elapsed == timedelta(minutes=90) and view.finished_at == a.deadline
    assert kinds(db, a.id)[-1] == ("expired", 1)
    with db.sessions() as s:
        assert s.scalars(select(Submission)).all() == []


def test_unknown_attempt(db: Database) -> None:
    with pytest.raises(AttemptNotFound):
        attempts.attempt_status(sessions=db.sessions, attempt_id=999)


def test_the_submission_is_committed_before_it_is_judged(db: Database, settings: Settings, toy_bank) -> None:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id)
    seen = []

    def peek(_test: object) -> None:
        with db.sessions() as s:  # another transaction sees it while the judge is still running
            seen.append([(x.status, x.tries, x.code) for x in s.scalars(select(Submission))])

    submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.level1,
                       on_result=peek)
    assert seen and seen[0] == [("judging", 1, toy_bank.level1)]
    with db.sessions() as s:
        sub = s.scalars(select(Submission)).one()
        assert (sub.status, sub.claimed_by, sub.result is not None) == ("done", None, True)
        assert sub.judged_at is not None and sub.judged_at >= sub.created_at
