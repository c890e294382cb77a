"""Design round practice: the phased clock, notes, the diagram, clarifying questions, marks, the scorecard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rounds.config import Settings
from rounds.content import design as design_content
from rounds.content.design import FALLBACK_ANSWER, bank
from rounds.services import design_practice as dp
from rounds.services import loops
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database
from rounds.storage.models_design import DesignSession

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PROMPT = "infra/feature-store"
FIXTURE_BANK = Path(__file__).resolve().parent / "fixtures" / "design"


@pytest.fixture(autouse=True)
def fixed_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of two prompts kept with the tests, so that edits to the bank's content never break them."""
    monkeypatch.setattr(design_content, "_BANK", design_content.load_bank(FIXTURE_BANK))


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_session_starts_in_the_first_phase_and_the_clock_is_the_servers(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id="feature-store", now=T0)
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(3))
    assert v.prompt.key == PROMPT and v.phase == "framing" and v.stage == "clock"
    assert v.current.spent_s == 180 and v.remaining_s == 7 * 60 - 180 and not v.current.over
    later = dp.view(sessions=db.sessions, session_id=sid, now=_at(9))
    assert later.current.over and later.remaining_s == -120  # the interviewer would move on
    assert [p.state for p in later.phases] == ["current", "ahead", "ahead", "ahead", "ahead"]


def test_moving_on_keeps_the_time_per_phase_and_the_last_move_finishes(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    v = dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(5))
    assert v.phase == "high-level" and v.phases[0].spent_s == 300 and v.phases[0].state == "done"
    assert v.budget_start_s == 300
    for m in (15, 30, 50):
        v = dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(m))
    assert v.phase == "wrap-up" and not v.finished
    v = dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(56))
    assert v.finished and v.stage == "rubric" and v.spent_s == 56 * 60
    assert [p.spent_s for p in v.phases] == [300, 600, 900, 1200, 360]
    # the clock stays stopped
    assert dp.view(sessions=db.sessions, session_id=sid, now=_at(500)).spent_s == 56 * 60


def test_notes_and_the_diagram_are_stored_per_phase(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="- skew between online and offline",
                  now=_at(1))
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="deep-dives", text="hot keys", now=_at(2))
    dp.save_diagram(sessions=db.sessions, session_id=sid, text="flowchart LR\n  A --> B", now=_at(3))
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(4))
    assert v.notes_of("framing").startswith("- skew") and v.notes_of("deep-dives") == "hot keys"
    assert v.diagram.startswith("flowchart") and v.saved_at == _at(3)
    with pytest.raises(InvalidInput, match="not a phase"):
        dp.save_notes(sessions=db.sessions, session_id=sid, phase="lunch", text="x")
    with pytest.raises(dp.DesignSessionNotFound):
        dp.view(sessions=db.sessions, session_id=sid + 99)
    with pytest.raises(dp.PromptNotFound):
        dp.start(sessions=db.sessions, prompt_id="infra/no-such-thing")


def test_clarifying_questions_are_answered_and_kept(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    a = dp.ask(sessions=db.sessions, session_id=sid, question="How fresh do the features need to be?", now=_at(1))
    prompt = bank().get(PROMPT)
    assert a.matched and a.answer == prompt.clarify[1].answer
    b = dp.ask(sessions=db.sessions, session_id=sid, question="What colour is the logo?", now=_at(2))
    assert not b.matched and b.answer == FALLBACK_ANSWER
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(3))
    assert [x.question for x in v.asked] == ["How fresh do the features need to be?", "What colour is the logo?"]
    with pytest.raises(InvalidInput, match="type a question"):
        dp.ask(sessions=db.sessions, session_id=sid, question="   ")


def test_the_rubric_step_hint_marks_reveal_and_scorecard(db: Database) -> None:
    prompt = bank().get(PROMPT)
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing",
                  text="The real problem is skew: two code paths. Freshness tiers.", now=_at(1))
    with pytest.raises(InvalidInput, match="finish it"):
        dp.mark(sessions=db.sessions, session_id=sid, marks={}, now=_at(2))
    v = dp.finish(sessions=db.sessions, session_id=sid, now=_at(20))
    assert v.stage == "rubric" and v.hint is not None
    hinted = {i.item.id for i in v.items if i.hinted}
    assert {"skew-is-the-problem", "freshness-tiers"} <= hinted
    assert "registry" not in hinted
    assert v.items[0].notes.startswith("The real problem")
    marks = {r.id: "missed" for r in prompt.rubric}
    with pytest.raises(InvalidInput, match="mark every item"):
        dp.mark(sessions=db.sessions, session_id=sid, marks=dict(list(marks.items())[:-1]))
    with pytest.raises(InvalidInput, match="covered, partly or missed"):
        dp.mark(sessions=db.sessions, session_id=sid, marks={**marks, "registry": "maybe"})
    marks.update({"skew-is-the-problem": "covered", "freshness-tiers": "partly"})
    v = dp.mark(sessions=db.sessions, session_id=sid, marks=marks, now=_at(25))
    assert v.stage == "reveal" and v.score == round(1.5 / len(prompt.rubric), 3)
    card = dp.scorecard(sessions=db.sessions)
    assert len(card.columns) == 1 and card.columns[0].by_signal["problem-framing"] == 0.75
    assert card.columns[0].by_signal["architecture"] == 0.0
    assert card.average["problem-framing"] == 0.75 and "architecture" in card.weakest
    rows = dp.past_sessions(sessions=db.sessions)
    assert rows[0].id == sid and rows[0].stage == "reveal" and rows[0].title == prompt.title


def test_a_terminal_workspace_read_back_replaces_the_notes_and_stops_the_clock(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, source="terminal", now=T0)
    v = dp.record_terminal(sessions=db.sessions, session_id=sid, notes={"framing": "a", "lunch": "b"},
                           diagram="graph TD\n A-->B", now=_at(40))
    assert v.finished and v.notes == {"framing": "a"} and v.source == "terminal"
    assert v.phases[0].spent_s == 40 * 60


def test_the_scorecard_over_several_sessions_and_its_chart(db: Database) -> None:
    prompt = bank().get(PROMPT)
    for n, value in enumerate(("missed", "partly", "covered")):
        sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=_at(100 * n))
        dp.finish(sessions=db.sessions, session_id=sid, now=_at(100 * n + 30))
        dp.mark(sessions=db.sessions, session_id=sid, marks={r.id: value for r in prompt.rubric}, now=_at(100 * n + 31))
    card = dp.scorecard(sessions=db.sessions)
    assert [c.score for c in card.columns] == [0.0, 0.5, 1.0]  # oldest first
    assert card.average["problem-framing"] == 0.5
    spec = card.chart()
    assert spec["type"] == "line" and len(spec["labels"]) == 3
    framing = next(d for d in spec["datasets"] if d["label"] == "problem framing")
    assert framing["data"] == [0, 50, 100]
    signals = {r.signal for r in prompt.rubric}
    assert len(spec["datasets"]) == len(signals)  # a signal the prompt never tests draws no line


# ---------------------------------------------------------------- time's up ends the round


def _row(db: Database, sid: int) -> DesignSession:
    with db.sessions.begin() as s:
        row = s.get(DesignSession, sid)
        assert row is not None
        s.expunge(row)
        return row


def test_the_clock_ends_the_round_when_its_minutes_and_the_grace_have_passed(db: Database) -> None:
    prompt = bank().get(PROMPT)
    assert prompt.minutes == 60 and dp.GRACE_S == 120
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="skew between two paths", now=_at(30))
    # the minutes are up, the grace is not: the round is still on and a last note is still taken
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(61))
    assert v.stage == "clock" and not v.finished and v.ends_at == _at(62)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="wrap-up", text="risks: the p99", now=_at(61.9))
    # a read long after the end: the round ended when its time ran out, not when it was noticed
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(90))
    assert v.finished and v.time_ran_out and v.stage == "rubric" and v.ends_at is None
    assert v.finished_at == _at(62) and v.spent_s == 62 * 60
    assert v.notes == {"framing": "skew between two paths", "wrap-up": "risks: the p99"}
    assert v.hint is not None and len(v.items) == len(prompt.rubric)  # the rubric step is open
    # writing after the end is refused, with the reason, and what was saved stays
    with pytest.raises(dp.TimeRanOut, match="the time ran out at 2026-12-01 10:02 UTC") as refused:
        dp.save_notes(sessions=db.sessions, session_id=sid, phase="wrap-up", text="", now=_at(91))
    assert "notes saved before the end are kept" in str(refused.value)
    with pytest.raises(dp.TimeRanOut, match="no more changes to the diagram"):
        dp.save_diagram(sessions=db.sessions, session_id=sid, text="flowchart LR\n  a --> b", now=_at(91))
    with pytest.raises(dp.TimeRanOut, match="no more questions"):
        dp.ask(sessions=db.sessions, session_id=sid, question="How fresh must features be?", now=_at(91))
    v = dp.view(sessions=db.sessions, session_id=sid, now=_at(92))
    assert v.notes["wrap-up"] == "risks: the p99" and v.diagram == "" and v.asked == []
    # moving on or finishing afterwards changes nothing: the clock ended it
    for step in (dp.next_phase, dp.finish):
        v = step(sessions=db.sessions, session_id=sid, now=_at(95))
        assert v.time_ran_out and v.finished_at == _at(62) and v.spent_s == 62 * 60
    # self-marking stays open: that is how the round is graded
    v = dp.mark(sessions=db.sessions, session_id=sid, marks={r.id: "partly" for r in prompt.rubric}, now=_at(96))
    assert v.stage == "reveal" and v.score == 0.5 and v.time_ran_out
    row = dp.past_sessions(sessions=db.sessions, now=_at(97))[0]
    assert row.id == sid and row.stage == "reveal" and row.time_ran_out
    assert dp.scorecard(sessions=db.sessions).columns[0].session_id == sid


def test_a_write_is_the_first_to_notice_the_end_and_the_end_is_stored(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(5))
    dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(15))
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="step-by-step", text="as-of join", now=_at(20))
    with pytest.raises(dp.TimeRanOut):
        dp.save_notes(sessions=db.sessions, session_id=sid, phase="step-by-step", text="typed too late",
                      now=_at(200))
    row = _row(db, sid)  # nothing else read the session: the refused write stored the end
    assert row.finished and row.time_ran_out and row.phase == "step-by-step"
    assert row.notes == {"step-by-step": "as-of join"}
    assert row.phase_seconds == {"framing": 300.0, "high-level": 600.0, "step-by-step": 62 * 60 - 900.0}
    assert row.finished_at == _at(62)


def test_the_users_own_finish_is_not_marked_as_time_ran_out(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    v = dp.finish(sessions=db.sessions, session_id=sid, now=_at(40))
    assert v.finished and not v.time_ran_out and v.finished_at == _at(40)
    later = dp.view(sessions=db.sessions, session_id=sid, now=_at(500))
    assert not later.time_ran_out and later.spent_s == 40 * 60
    assert not dp.past_sessions(sessions=db.sessions, now=_at(500))[0].time_ran_out
    # the last phase left by moving on is the user's finish too
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=_at(600))
    for m in (605, 615, 630, 650, 655):
        v = dp.next_phase(sessions=db.sessions, session_id=sid, now=_at(m))
    assert v.finished and not v.time_ran_out


def test_a_terminal_workspace_is_taken_only_as_it_stood_before_the_end(db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, source="terminal", now=T0)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="from the browser", now=_at(10))
    assert dp.view(sessions=db.sessions, session_id=sid, now=_at(70)).time_ran_out
    with pytest.raises(dp.TimeRanOut, match="time ran out"):
        dp.record_terminal(sessions=db.sessions, session_id=sid, notes={"framing": "rewritten after"}, diagram="",
                           now=_at(71), written_at=_at(65))
    v = dp.record_terminal(sessions=db.sessions, session_id=sid, notes={"deep-dives": "hot keys"},
                           diagram="flowchart LR\n  a --> b", now=_at(72), written_at=_at(50))
    assert v.notes == {"framing": "from the browser", "deep-dives": "hot keys"} and v.diagram.startswith("flowchart")
    assert v.time_ran_out and v.finished_at == _at(62)
    # nothing to take: no refusal
    v = dp.record_terminal(sessions=db.sessions, session_id=sid, notes={}, diagram="", now=_at(73))
    assert v.notes["deep-dives"] == "hot keys"


LOOP = """
[loop]
id = "design-only"
title = "One design round"

[[round]]
kind = "infra-design"
title = "Infra design"
minutes = {minutes}
"""


def _loop_with_a_design_round(db: Database, settings: Settings, minutes: int, start: datetime) -> tuple[int, int]:
    folder = settings.data_dir / "loops"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "design-only.toml").write_text(LOOP.replace("{minutes}", str(minutes)), encoding="utf-8")
    run = loops.start_run(sessions=db.sessions, template_id="design-only", now=start)
    r = loops.start_round(sessions=db.sessions, run_id=run, now=start)
    assert r.item_id == PROMPT and r.ref_id is not None
    return run, r.ref_id


def test_a_loop_round_ends_with_its_design_session_when_the_sessions_time_runs_out(
        db: Database, settings: Settings) -> None:
    prompt = bank().get(PROMPT)
    run, sid = _loop_with_a_design_round(db, settings, 90, T0)  # the loop gives more time than the prompt
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="skew", now=_at(10))
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(70))  # the loop reads it first
    r = v.rounds[0]
    assert r.status == "done" and r.ended_at == _at(62)  # the session's clock ended it, before the loop's
    assert r.result.state == "waiting" and "mark the rubric" in r.result.summary
    assert dp.view(sessions=db.sessions, session_id=sid, now=_at(71)).time_ran_out
    assert v.status == "finished"
    dp.mark(sessions=db.sessions, session_id=sid, marks={i.id: "covered" for i in prompt.rubric}, now=_at(75))
    res = loops.view(sessions=db.sessions, run_id=run, now=_at(76)).rounds[0].result
    assert res.state == "scored" and res.estimate is not None
    assert any("the time ran out" in e for e in res.estimate.evidence)


def test_a_loop_round_shorter_than_its_prompt_ends_the_session_by_the_clock_too(
        db: Database, settings: Settings) -> None:
    run, sid = _loop_with_a_design_round(db, settings, 45, T0)
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(50))
    assert v.rounds[0].status == "expired" and v.rounds[0].ended_at == _at(45)
    d = dp.view(sessions=db.sessions, session_id=sid, now=_at(51))
    assert d.finished and d.time_ran_out and d.finished_at == _at(45)
    with pytest.raises(dp.TimeRanOut):
        dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="late", now=_at(51))
