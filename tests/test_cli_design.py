"""`rounds design`: list, a workspace for your own editor, questions, the clock, and the rubric step typed."""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.content import design as design_content
from rounds.content.design import bank
from rounds.services import design_practice as dp
from rounds.storage.db import Database
from rounds.storage.models_design import DesignSession

PROMPT = "infra/feature-store"
FIXTURE_BANK = Path(__file__).resolve().parent / "fixtures" / "design"


@pytest.fixture(autouse=True)
def fixed_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of two prompts kept with the tests, so that edits to the bank's content never break them."""
    monkeypatch.setattr(design_content, "_BANK", design_content.load_bank(FIXTURE_BANK))


def _run(*args: str, input: str = "") -> Any:
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


@pytest.fixture
def ws(tmp_path: Path, db: Database) -> Path:
    where = tmp_path / "fs"
    r = _run("design", "start", "feature-store", "--dir", str(where))
    assert r.exit_code == 0, r.output
    return where


def test_list_shows_both_rounds_and_json(db: Database) -> None:
    r = _run("design", "list")
    assert r.exit_code == 0 and "infra/feature-store" in r.output and "model/" in r.output
    r = _run("design", "list", "--kind", "infra", "--json")
    rows = json.loads(r.output)
    assert len(rows) == len(bank().of_kind("infra")) and all(x["id"].startswith("infra/") for x in rows)
    assert _run("design", "list", "--kind", "people").exit_code == 2


def test_start_writes_the_workspace_and_starts_the_clock(ws: Path, db: Database) -> None:
    p = bank().get(PROMPT)
    names = sorted(x.name for x in ws.iterdir())
    assert names == [".rounds-design.json", "1-framing.md", "2-high-level.md", "3-step-by-step.md", "4-deep-dives.md",
                     "5-wrap-up.md", "PROMPT.md", "diagram.mmd"]
    text = (ws / "PROMPT.md").read_text()
    assert p.opening in text and "**deep-dives**: 18 min" in text
    sid = json.loads((ws / ".rounds-design.json").read_text())["session"]
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.source == "terminal" and v.phase == "framing" and not v.finished
    again = _run("design", "start", PROMPT, "--dir", str(ws))
    assert again.exit_code == 2 and "not empty" in again.output
    assert _run("design", "start", "infra/nope", "--dir", str(ws.parent / "x")).exit_code == 2


def test_ask_status_and_next(ws: Path, db: Database) -> None:
    r = _run("design", "ask", "How fresh must the features be?", str(ws))
    assert r.exit_code == 0 and "The interviewer would say:" in r.output and "10 seconds" in r.output
    assert "How fresh must the features be?" in (ws / "clarify.md").read_text()
    r = _run("design", "status", str(ws))
    assert r.exit_code == 0 and "framing" in r.output and "left of 7:00" in r.output
    r = _run("design", "next", str(ws))
    assert r.exit_code == 0 and "high-level: " in r.output
    assert _run("design", "status", str(ws.parent)).exit_code == 2  # not a workspace


def test_finish_reads_the_files_back_and_runs_the_rubric_at_the_terminal(ws: Path, db: Database) -> None:
    p = bank().get(PROMPT)
    (ws / "1-framing.md").write_text((ws / "1-framing.md").read_text() + "The problem is skew: two code paths.\n")
    (ws / "2-high-level.md").write_text("A registry of definitions; offline store and online store.\n")
    (ws / "diagram.mmd").write_text("flowchart LR\n  a --> b\n")
    # Enter takes the hint's mark; the second item is typed "p", then a wrong word and "m" for the third
    answers = ["", "p", "maybe", "m"] + [""] * (len(p.rubric) - 3)
    r = _run("design", "finish", str(ws), input="\n".join(answers) + "\n")
    assert r.exit_code == 0, r.output
    assert "not a grade" in r.output and "hint: your notes mention skew" in r.output
    assert "type c (covered)" in r.output
    assert "The reference outline" in r.output and p.probes[0][:40] in r.output and "Common pitfalls" in r.output
    sid = json.loads((ws / ".rounds-design.json").read_text())["session"]
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.marked and v.notes["framing"] == "The problem is skew: two code paths."
    assert v.diagram == "flowchart LR\n  a --> b"
    marks = {it.item.id: it.mark for it in v.items}
    assert marks["skew-is-the-problem"] == "covered" and marks[p.rubric[1].id] == "partly"
    assert marks[p.rubric[2].id] == "missed"
    assert marks["offline-online-stores"] == "covered"  # hinted, Enter
    # finishing again only shows the reference
    r = _run("design", "finish", str(ws))
    assert r.exit_code == 0 and "was marked already" in r.output
    r = _run("design", "sessions")
    assert r.exit_code == 0 and "marked" in r.output and PROMPT in r.output


def test_empty_workspace_files_keep_the_notes_written_in_the_browser(ws: Path, db: Database) -> None:
    sid = json.loads((ws / ".rounds-design.json").read_text())["session"]
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="deep-dives", text="written in the browser")
    dp.save_diagram(sessions=db.sessions, session_id=sid, text="flowchart LR\n  web --> db")
    (ws / "1-framing.md").write_text("from the terminal\n")
    p = bank().get(PROMPT)
    r = _run("design", "finish", str(ws), input="\n" * len(p.rubric))
    assert r.exit_code == 0, r.output
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.notes == {"framing": "from the terminal", "deep-dives": "written in the browser"}
    assert v.diagram == "flowchart LR\n  web --> db"


def _move_back(db: Database, sid: int, minutes: float) -> None:
    """As if the session had started ``minutes`` earlier (the clock is the server's)."""
    with db.sessions.begin() as s:
        row = s.get(DesignSession, sid)
        assert row is not None
        row.started_at -= timedelta(minutes=minutes)
        row.phase_started_at -= timedelta(minutes=minutes)


def test_the_clock_ends_a_terminal_round_and_finish_takes_the_files_written_before_the_end(
        ws: Path, db: Database) -> None:
    p = bank().get(PROMPT)
    sid = json.loads((ws / ".rounds-design.json").read_text())["session"]
    _move_back(db, sid, 70)  # 60 minutes and the grace ended it 8 minutes ago
    long_ago = time.time() - 20 * 60
    (ws / "1-framing.md").write_text("The problem is skew: two code paths.\n")
    (ws / "diagram.mmd").write_text("flowchart LR\n  a --> b\n")
    for name in ("1-framing.md", "diagram.mmd"):
        os.utime(ws / name, (long_ago, long_ago))  # written before the end
    (ws / "2-high-level.md").write_text("A registry, written after the end.\n")  # now: after it
    r = _run("design", "status", str(ws))
    assert r.exit_code == 0 and "The time ran out" in r.output and "ended by itself" in r.output
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.finished and v.time_ran_out and v.spent_s == 62 * 60
    r = _run("design", "ask", "How fresh must the features be?", str(ws))
    assert r.exit_code == 2 and "the time ran out" in r.output and "notes saved before the end are kept" in r.output
    r = _run("design", "finish", str(ws), input="\n" * len(p.rubric))
    assert r.exit_code == 0, r.output
    assert "2-high-level.md was changed after the time ran out" in r.output and "The rubric" in r.output
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.marked and v.time_ran_out and v.notes == {"framing": "The problem is skew: two code paths."}
    assert v.diagram == "flowchart LR\n  a --> b"
    assert "A registry" in (ws / "2-high-level.md").read_text()  # the file itself is left as it is
    r = _run("design", "sessions")
    assert r.exit_code == 0 and "(time ran out)" in r.output
