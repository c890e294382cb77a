"""Design round practice: the phased clock, notes, the diagram, clarifying questions, marks, the scorecard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rounds.content import design as design_content
from rounds.content.design import FALLBACK_ANSWER, bank
from rounds.services import design_practice as dp
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database

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
    a = dp.ask(sessions=db.sessions, session_id=sid, question="How fresh do the features need to be?")
    prompt = bank().get(PROMPT)
    assert a.matched and a.answer == prompt.clarify[1].answer
    b = dp.ask(sessions=db.sessions, session_id=sid, question="What colour is the logo?")
    assert not b.matched and b.answer == FALLBACK_ANSWER
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert [x.question for x in v.asked] == ["How fresh do the features need to be?", "What colour is the logo?"]
    with pytest.raises(InvalidInput, match="type a question"):
        dp.ask(sessions=db.sessions, session_id=sid, question="   ")


def test_the_rubric_step_hint_marks_reveal_and_scorecard(db: Database) -> None:
    prompt = bank().get(PROMPT)
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT, now=T0)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing",
                  text="The real problem is skew: two code paths. Freshness tiers.", now=_at(1))
    with pytest.raises(InvalidInput, match="finish it"):
        dp.mark(sessions=db.sessions, session_id=sid, marks={})
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
