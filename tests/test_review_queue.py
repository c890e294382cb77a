"""One review queue across rounds: problems failed, rubric items missed, stories over time, cards graded Again."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.content import design as design_content
from rounds.content.behavioral import bank as behavioral_bank
from rounds.content.cards import bank as cards_bank
from rounds.services import attempts, review_queue, submissions
from rounds.services import card_practice as cp
from rounds.services import deliveries as dl
from rounds.services import design_practice as dp
from rounds.storage.db import Database

FIXTURE_BANK = Path(__file__).resolve().parent / "fixtures" / "design"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)


@pytest.fixture(autouse=True)
def fixed_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(design_content, "_BANK", design_content.load_bank(FIXTURE_BANK))


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "220"})


def test_nothing_missed_nothing_due(db: Database) -> None:
    q = review_queue.queue(sessions=db.sessions)
    assert q.items == []
    r = _run("today")
    assert r.exit_code == 0 and "Nothing missed is due now" in r.output


def test_a_failed_problem_comes_back_with_the_levels_never_passed_until_it_is_passed(
        db: Database, settings: Settings, toy_bank) -> None:
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full", minutes=10)
    submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=toy_bank.level1)
    later = datetime.now(UTC) + timedelta(minutes=11)
    assert review_queue.queue(sessions=db.sessions).items == []  # still on: in progress, not wrong
    q = review_queue.queue(sessions=db.sessions, now=later + timedelta(days=1))
    [item] = q.due
    assert item.kind == "problem" and item.id == toy_bank.problem_id
    assert "1 of 3 levels passed" in item.reason and "levels 2, 3 never passed" in item.reason
    assert item.command == f"rounds start {toy_bank.problem_id}"
    # passed in a later attempt: out of the queue
    b = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full", minutes=10)
    for _ in range(3):
        submissions.submit(sessions=db.sessions, settings=settings, attempt_id=b.id, code=toy_bank.full)
    assert review_queue.queue(sessions=db.sessions, now=later + timedelta(days=1)).items == []


def test_missed_rubric_items_overlong_stories_and_cards_graded_again(db: Database) -> None:
    prompt = next(iter(design_content.bank().prompts))
    sid = dp.start(sessions=db.sessions, prompt_id=prompt, now=T0)
    dp.finish(sessions=db.sessions, session_id=sid, now=T0 + timedelta(minutes=40))
    p = design_content.bank().get(prompt)
    marks = {r.id: "covered" for r in p.rubric}
    marks[p.rubric[0].id] = "missed"
    dp.mark(sessions=db.sessions, session_id=sid, marks=marks, now=T0 + timedelta(minutes=41))

    qids = list(behavioral_bank().questions)
    question = dl.prompt_for(qids[0])
    dl.add_delivery(sessions=db.sessions, prompt=question, duration_s=200, transcript="x", spoken=True,
                    at=T0 + timedelta(hours=1))
    ok_q = dl.prompt_for(qids[1])
    dl.add_delivery(sessions=db.sessions, prompt=ok_q, duration_s=90, transcript="x", spoken=True,
                    at=T0 + timedelta(hours=1))

    b = cards_bank()
    card = next(c for c in b.cards.values() if c.kind == "open")
    cp.review(sessions=db.sessions, bank=b, card_id=card.id, seed=None, answer="", rating=1,
              now=T0 + timedelta(hours=2))

    q = review_queue.queue(sessions=db.sessions)
    by_kind = {i.kind: i for i in q.due}
    assert set(by_kind) == {"design", "story", "card"}
    assert p.rubric[0].item in by_kind["design"].reason and by_kind["design"].link == f"/design/{prompt}"
    assert "took 3:20 against a 2:00 target" in by_kind["story"].reason and by_kind["story"].id == question.id
    assert "graded Again" in by_kind["card"].reason
    rows = json.loads(_run("today", "--json").output)
    assert {r["kind"] for r in rows} == {"design", "story", "card"} and all(r["due_now"] for r in rows)
    out = _run("today").output
    assert "graded Again" in out and "3 due now" in out
