"""`rounds cards`: review, the phone screen, stats and settings, answers typed at the prompt."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.content.cards import bank, render
from rounds.services import card_practice as cp
from rounds.storage.db import Database
from rounds.storage.models import CardReview, CardSession

SEED = 42


def _run(*args: str, input: str = "") -> Any:
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


def _right_answer(card_id: str) -> str:
    card = bank().get(card_id)
    if card.kind == "computed":
        return f"{render(card, SEED).answer:.6f}"
    if card.kind == "choice":
        return ",".join(chr(ord("a") + i) for i, o in enumerate(card.options) if o.correct)
    return "my own words on it"


@pytest.fixture
def fixed_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cp, "fresh_seed", lambda: SEED)


def test_review_three_cards_machine_graded_and_self_graded(db: Database, fixed_seeds: None) -> None:
    cards = cp.queue(sessions=db.sessions, bank=bank(), decks=["activations"], new=3).new
    kinds = [bank().get(c).kind for c in cards]
    lines: list[str] = []
    for cid, kind in zip(cards, kinds, strict=True):
        if kind == "open":
            lines += ["my own words on it", "2"]  # self-graded Hard
        else:
            lines += [_right_answer(cid), ""]  # machine-graded right: the default grade, Good
    r = _run("cards", "review", "--deck", "activations", "--new", "3", input="\n".join(lines) + "\n")
    assert r.exit_code == 0, r.output
    assert "0 due, 3 new" in r.output and "Done: 3 reviewed." in r.output
    assert "Model answer:" in r.output and "Key points:" in r.output
    with db.sessions() as s:
        rows = s.scalars(select(CardReview).order_by(CardReview.id)).all()
    assert [row.card_id for row in rows] == cards
    for row, kind in zip(rows, kinds, strict=True):
        assert (row.outcome, row.rating) == (("self", 2) if kind == "open" else ("correct", 3))


def test_review_asks_again_for_an_unreadable_number_and_takes_empty_as_i_dont_know(
        db: Database, fixed_seeds: None) -> None:
    computed = next(c.id for c in bank().decks["transformers"].cards if c.kind == "computed")
    choice = next(c.id for c in bank().decks["transformers"].cards if c.kind == "choice")
    earlier = datetime.now(UTC) - timedelta(minutes=5)  # both are due again after their first learning step
    cp.review(sessions=db.sessions, bank=bank(), card_id=computed, seed=1, answer="", rating=None,
              now=earlier - timedelta(seconds=30))  # the most overdue comes first
    cp.review(sessions=db.sessions, bank=bank(), card_id=choice, seed=None, answer="", rating=None, now=earlier)
    text = "\n".join(["about a lot", _right_answer(computed), "4", ""]) + "\n"
    r = _run("cards", "review", "--deck", "transformers", "--new", "0", input=text)
    assert r.exit_code == 0, r.output
    assert "is not a number" in r.output and "2 due, 0 new" in r.output and "I don't know" in r.output
    assert "1 card comes back within 10 minutes" in r.output  # the one graded Again
    with db.sessions() as s:
        rows = s.scalars(select(CardReview).order_by(CardReview.id)).all()
    assert [(x.card_id, x.outcome, x.rating) for x in rows[2:]] == [(computed, "correct", 4), (choice, "skipped", 1)]


def test_review_with_nothing_due_says_so(db: Database) -> None:
    r = _run("cards", "review", "--deck", "losses", "--new", "0")
    assert r.exit_code == 0 and "Nothing is due" in r.output


def test_review_of_an_unknown_deck_is_a_clear_error(db: Database) -> None:
    r = _run("cards", "review", "--deck", "cooking")
    assert r.exit_code == 2 and "no deck 'cooking'" in r.output


def test_a_phone_screen_at_the_prompt_to_its_verdict(db: Database, fixed_seeds: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    decks = ["activations", "losses"]
    probe = cp.start_screen(sessions=db.sessions, bank=bank(), decks=decks, rng=random.Random(9))
    drawn = [i.prompt for i in cp.screen(sessions=db.sessions, bank=bank(), session_id=probe).items]
    real_start = cp.start_screen
    monkeypatch.setattr(cp, "start_screen", lambda **kw: real_start(**kw, rng=random.Random(9)))
    answers = [_right_answer(p.card_id) if n != 1 else "" for n, p in enumerate(drawn)]  # question 2: I don't know
    grades = [("3" if p.kind == "open" else "") for n, p in enumerate(drawn) if n != 1]
    r = _run("cards", "screen", "--decks", ",".join(decks), input="\n".join(answers + grades) + "\n")
    assert r.exit_code == 0, r.output
    assert "5 questions, 5 minutes" in r.output and "Question 5/5" in r.output and "The reveal" in r.output
    assert "4 of 5 would have passed: 1 miss, the screen passes." in r.output
    with db.sessions() as s:
        row = s.scalars(select(CardSession).order_by(CardSession.id.desc())).first()
        assert row is not None and row.verdict == "pass" and [i["card_id"] for i in row.items] == [
            p.card_id for p in drawn]


def test_a_silent_phone_screen_fails(db: Database) -> None:
    r = _run("cards", "screen", "--decks", "probability", input="\n" * 5)
    assert r.exit_code == 0, r.output
    assert "0 of 5 would have passed: 5 misses, the screen would fail." in r.output


def test_stats_and_settings(db: Database) -> None:
    r = _run("cards", "settings", "--retention", "0.85", "--new-per-day", "4")
    assert r.exit_code == 0 and "desired retention 0.85, 4 new cards a day" in r.output
    assert _run("cards", "settings", "--retention", "0.3").exit_code == 2
    for card in bank().decks["losses"].cards[:3]:
        cp.review(sessions=db.sessions, bank=bank(), card_id=card.id, seed=1, answer="", rating=None)
    r = _run("cards", "stats")
    assert r.exit_code == 0, r.output
    assert "losses" in r.output and "weakest: losses (0%)" in r.output
    assert "due in the next 7 days:" in r.output and "target retention 85%" in r.output


def test_own_cards_add_edit_list_export_and_import(db: Database, tmp_path: Any) -> None:
    r = _run("cards", "add", "-q", "Why tie embeddings?", "-a", "Fewer parameters, shared geometry.",
             "-p", "fewer parameters", "-p", "same matrix", "--tags", "llm,mine")
    assert r.exit_code == 0 and "added mine/why-tie-embeddings" in r.output
    r = _run("cards", "edit", "mine/why-tie-embeddings", "--deeper", "When does it hurt?")
    assert r.exit_code == 0, r.output
    assert "mine/why-tie-embeddings  Why tie embeddings?" in _run("cards", "mine").output
    out = tmp_path / "mine.csv"
    assert _run("cards", "export", str(out)).exit_code == 0
    assert "When does it hurt?" in out.read_text() and "fewer parameters | same matrix" in out.read_text()
    anki = _run("cards", "export", "--format", "anki")
    assert anki.output.startswith("#separator:tab") and "mine/why-tie-embeddings\t" in anki.output
    bad = tmp_path / "bad.csv"
    bad.write_text("question,answer\nQ1?,A1\nQ2?\n")
    r = _run("cards", "import", str(bad))
    assert r.exit_code == 2 and "bad.csv: line 3: 1 fields, the header has 2; nothing was imported" in r.output
    assert "Q1?" not in _run("cards", "mine").output
    r = _run("cards", "import", str(out))
    assert r.exit_code == 0 and "imported 0 new cards, updated 1" in r.output
    deck = _run("cards", "export", "--format", "anki", "--deck", "losses")
    assert deck.exit_code == 0 and "\tlosses" in deck.output
    assert _run("cards", "export", "--deck", "losses").exit_code == 2  # bundled decks go to anki only


def test_an_onsite_round_asks_the_follow_ups_and_can_be_stopped(db: Database) -> None:
    from rounds.services import own_cards as oc

    for n in range(4):
        oc.add_card(sessions=db.sessions, card=oc.CardInput(question=f"Own question {n}?", answer=f"Answer {n}.",
                                                            key_points=(f"point {n}",), deeper=f"Deeper {n}?"))
    text = "\n".join(["first answer", "first follow-up", "second answer", "second follow-up", "q", "3", "2"]) + "\n"
    r = _run("cards", "onsite", "--decks", "mine", input=text)
    assert r.exit_code == 0, r.output
    assert "Onsite round" in r.output and "4 questions, 45 minutes" in r.output
    assert r.output.count("Follow-up · ") == 2  # one after each answer
    assert "Stopped: the questions left count as unanswered." in r.output
    assert "Your answer: first follow-up" in r.output
    assert "2 of 4 would have passed: 2 misses, the round would fail." in r.output
    with db.sessions() as s:
        row = s.scalars(select(CardSession)).one()
        assert row.kind == "onsite" and [i["status"] for i in row.items] == ["answered"] * 2 + ["unanswered"] * 2


def test_review_by_tag_and_stats_as_json(db: Database) -> None:
    import json

    r = _run("cards", "review", "--tag", "attention", "--new", "1", input="\n")
    assert r.exit_code == 0 and "0 due, 1 new" in r.output and "Done: 1 reviewed." in r.output
    out = json.loads(_run("cards", "stats", "--json").output)
    assert out["reviews"] == 1 and out["recall"] == 0.0 and len(out["forecast"]) == 7
    assert sum(d["seen"] for d in out["decks"]) == 1 and out["settings"]["retention"] == 0.9


def test_history_and_rebuild(db: Database) -> None:
    card = next(c for c in bank().decks["llm"].cards if c.kind == "computed")
    cp.review(sessions=db.sessions, bank=bank(), card_id=card.id, seed=5, answer="", rating=None)
    r = _run("cards", "history", card.id)
    assert r.exit_code == 0 and "Again" in r.output and "(I don't know)" in r.output
    assert render(card, 5).question[:40] in r.output.replace("\n", " ") and "next due" in r.output
    assert "No reviews" in _run("cards", "history", "llm/nothing").output
    r = _run("cards", "rebuild")
    assert r.exit_code == 0 and "1 card replayed from the log, 0 schedules rewritten" in r.output
