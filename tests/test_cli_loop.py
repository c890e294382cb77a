"""`rounds loop`: templates, start, next, status, finish, skip, abandon and the report (with --html)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.services import submissions
from rounds.storage.db import Database

TWO_ROUNDS = """
[loop]
id = "two-round"
title = "Two rounds"
break_minutes = 5

[[round]]
kind = "cards-screen"
title = "Quick-fire"
minutes = 5
questions = 2

[[round]]
kind = "coding"
title = "Toy coding"
minutes = 30
tracks = ["oop"]
difficulty = ["easy"]
"""


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _template(settings: Settings) -> None:
    (settings.data_dir / "loops").mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "loops" / "two-round.toml").write_text(TWO_ROUNDS, encoding="utf-8")


def test_templates_lists_the_bundled_loops_and_the_presets(db: Database) -> None:
    r = _run("loop", "templates")
    assert r.exit_code == 0, r.output
    assert "mle-onsite" in r.output and "phone-screen" in r.output and "reported loop" in r.output
    rows = json.loads(_run("loop", "templates", "--json").output)
    mle = next(t for t in rows if t["id"] == "mle-onsite")
    assert mle["minutes"] == 240 and [x["minutes"] for x in mle["rounds"]] == [45, 60, 45, 45, 45]


def test_a_loop_from_start_to_report(db: Database, settings: Settings, toy_bank, tmp_path: Path) -> None:
    _template(settings)
    assert _run("loop", "status").exit_code == 2  # nothing yet
    r = _run("loop", "start", "two-round")
    assert r.exit_code == 0, r.output
    assert "Quick-fire" in r.output and "oop/toy-ledger" in r.output and "rounds loop next" in r.output
    assert _run("loop", "start", "two-round").exit_code == 2  # one at a time
    assert _run("loop", "skip").exit_code == 0
    r = _run("loop", "next")
    assert r.exit_code == 0, r.output
    assert "On now: Toy coding" in r.output and "rounds start oop/toy-ledger" in r.output
    st = json.loads(_run("loop", "status", "--json").output)
    coding = st["rounds"][1]
    assert st["phase"] == "round" and coding["status"] == "running" and 1790 <= coding["remaining_s"] <= 1800
    submissions.submit(sessions=db.sessions, settings=settings, attempt_id=coding["ref_id"], code=toy_bank.level2)
    r = _run("loop", "finish")
    assert r.exit_code == 0 and "The loop is over" in r.output
    out = tmp_path / "report.html"
    r = _run("loop", "report", "--html", str(out))
    assert r.exit_code == 0, r.output
    assert "1/3 levels" in r.output and "correctness" in r.output and "Practise next" in r.output
    page = out.read_text()
    assert page.startswith("<!doctype html>") and "Two rounds" in page and "<svg" in page
    data = json.loads(_run("loop", "report", "--json").output)
    assert data["rounds"][1]["estimate"] == "no" and data["rounds"][1]["evidence"]


def test_abandon(db: Database, settings: Settings, toy_bank) -> None:
    _template(settings)
    _run("loop", "start", "two-round")
    r = _run("loop", "abandon")
    assert r.exit_code == 0 and "abandoned" in r.output
    assert _run("loop", "next").exit_code == 2
    assert json.loads(_run("loop", "status", "--json").output)["status"] == "abandoned"


def test_copy_a_preset_to_edit_it(db: Database, settings: Settings) -> None:
    r = _run("loop", "copy", "company-meta-mle")
    assert r.exit_code == 0, r.output
    mine = settings.data_dir / "loops" / "my-company-meta-mle.toml"
    assert mine.exists() and 'id = "my-company-meta-mle"' in mine.read_text()
    assert _run("loop", "copy", "company-meta-mle").exit_code == 2  # exists already
    assert _run("loop", "copy", "company-meta-mle", "Not A Slug").exit_code == 2
    mine.write_text(mine.read_text().replace('minutes = 45', 'minutes = 30', 1))
    rows = json.loads(_run("loop", "templates", "--json").output)
    edited = next(t for t in rows if t["id"] == "my-company-meta-mle")
    assert edited["rounds"][0]["minutes"] == 30


def test_a_broken_template_of_ones_own_is_named(db: Database, settings: Settings) -> None:
    (settings.data_dir / "loops").mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "loops" / "broken.toml").write_text('[loop]\nid = "broken"\ntitle = "B"\n'
                                                             '[[round]]\nkind = "chess"\nminutes = 45\n')
    r = CliRunner().invoke(app, ["loop", "templates"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "mine/broken.toml is not offered" in r.output and "chess" in r.output


def test_a_card_screen_round_is_asked_at_the_prompt(db: Database, settings: Settings, toy_bank) -> None:
    _template(settings)
    _run("loop", "start", "two-round")
    r = CliRunner().invoke(app, ["loop", "next"], input="\n\n", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Question 1/2" in r.output and "Question 2/2" in r.output and "The reveal" in r.output
    assert "0 of 2 passed: the screen fails" in r.output
    st = json.loads(_run("loop", "status", "--json").output)
    assert st["phase"] == "break" and st["rounds"][0]["status"] == "done"
    assert st["rounds"][0]["estimate"] == "no"
    r = _run("loop", "next", "--web")  # the coding round: its page and its terminal command
    assert "rounds start oop/toy-ledger" in r.output
