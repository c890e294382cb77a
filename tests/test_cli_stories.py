"""`rounds stories list|add|coverage` and `rounds deck export`, through the CLI runner."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.services import projects
from rounds.storage.db import Database

STORY = """# Pushed back on a launch date
signals: conflict
companies: amazon
questions: disagreed-with-manager

## Situation
The launch was set for Friday but the offline metrics had a leak.

## Action
I showed my manager the leak and proposed a one-week slip.
"""


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_add_list_and_coverage(db: Database, tmp_path: Path) -> None:
    empty = _run("stories", "list")
    assert empty.exit_code == 0 and "No stories yet" in empty.output
    f = tmp_path / "story.md"
    f.write_text(STORY)
    added = _run("stories", "add", str(f))
    assert added.exit_code == 0, added.output
    assert "added story 1: Pushed back on a launch date" in added.output
    listed = json.loads(_run("stories", "list", "--json").output)
    assert listed[0]["signals"] == ["conflict"] and listed[0]["questions"] == ["disagreed-with-manager"]
    cov = _run("stories", "coverage")
    assert cov.exit_code == 0 and "No story yet for 14 of 15 signals" in cov.output
    data = json.loads(_run("stories", "coverage", "--json").output)
    assert data["signals"]["conflict"] == 1 and "leadership" in data["gaps"]


def test_a_bad_story_file_names_the_line_and_exits_2(db: Database, tmp_path: Path) -> None:
    f = tmp_path / "bad.md"
    f.write_text("# T\nmood: great\n")
    r = _run("stories", "add", str(f))
    assert r.exit_code == 2 and "line 2" in r.output
    f.write_text("# T\nsignals: bravery\n\n## Action\nx\n")
    r = _run("stories", "add", str(f))
    assert r.exit_code == 2 and "unknown signal bravery" in r.output


def test_deck_export_writes_a_pptx_that_opens_again(db: Database, tmp_path: Path) -> None:
    from pptx import Presentation

    pid = projects.add_project(sessions=db.sessions, name="Ranking rewrite", summary="Stale ranking.")
    projects.save_chapter(sessions=db.sessions, project_id=pid, kind="launch", body="Shipped to 5% first.",
                          metrics=["CTR +3.1%"])
    out, md = tmp_path / "talk.pptx", tmp_path / "talk.md"
    r = _run("deck", "export", "Ranking rewrite", "--pptx", str(out), "--md", str(md))
    assert r.exit_code == 0, r.output
    prs = Presentation(io.BytesIO(out.read_bytes()))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Ranking rewrite" and "Launch" in titles and 10 <= len(titles) <= 12
    results = prs.slides[titles.index("Results")]
    assert "CTR +3.1%" in results.placeholders[1].text_frame.text
    assert results.notes_slide.notes_text_frame.text.startswith("[")
    assert "CTR +3.1%" in md.read_text()
    missing = _run("deck", "export", "nope", "--pptx", str(out))
    assert missing.exit_code == 2 and "There is no project 'nope'" in missing.output
    assert _run("deck", "export", str(pid)).exit_code == 2


def test_deck_rehearse_times_each_slide_asks_the_rubric_and_saves(db: Database, monkeypatch: Any) -> None:
    from itertools import count

    from rounds.cli import deck
    from rounds.services import talks

    pid = projects.add_project(sessions=db.sessions, name="Ranking rewrite", summary="Stale ranking.")
    ticks = count()
    monkeypatch.setattr(deck, "_clock", lambda: 190.0 * next(ticks))  # every Enter comes 3:10 later
    n = len(projects.outline(sessions=db.sessions, project_id=pid))
    items = talks.rubric()
    answers = ["y" if it.id != "time-kept" else "" for it in items]  # Enter takes the default: kept, so yes
    answers[-1] = "n"
    r = CliRunner().invoke(app, ["deck", "rehearse", str(pid)], env={"COLUMNS": "200"},
                           input="\n" + "\n" * n + "\n".join(answers) + "\n")
    assert r.exit_code == 0, r.output
    saved = talks.rehearsals(sessions=db.sessions, project_id=pid)
    assert len(saved) == 1 and saved[0].total_s == 190.0 * n and saved[0].kept
    assert all(s.took_s == 190.0 for s in saved[0].slides)
    assert saved[0].covered == len(items) - 1 and "time-kept" in saved[0].checks
    assert f"talk: {len(items) - 1} of {len(items)} rubric items, {saved[0].time_line}" in r.output
    assert "slide 1 of" in r.output and "over / under" in r.output
    # q stops after the second slide; the input ends before the rubric: saved, not assessed
    stopped = CliRunner().invoke(app, ["deck", "rehearse", "Ranking rewrite"], input="\n\nq\n")
    assert stopped.exit_code == 0, stopped.output
    last = talks.rehearsals(sessions=db.sessions, project_id=pid)[0]
    assert last.reached == 2 and not last.assessed and f"/talks/{last.id}" in stopped.output
    nothing = CliRunner().invoke(app, ["deck", "rehearse", str(pid)], input="")
    assert nothing.exit_code == 2 and "nothing rehearsed" in nothing.output
