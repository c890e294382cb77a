"""The mock loop: templates as data, a run round by round on its own clocks, the scorecard and readiness."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rounds.config import Settings
from rounds.content import loops as content
from rounds.content.cards import bank as cards_bank
from rounds.services import attempts, loops, submissions
from rounds.services import card_practice as cp
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=20)  # coding rounds are judged now

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
decks = ["transformers"]

[[round]]
kind = "coding"
title = "Toy coding"
minutes = 30
tracks = ["oop"]
difficulty = ["easy"]
"""


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def write_template(settings: Settings, text: str = TWO_ROUNDS, name: str = "two-round") -> Path:
    folder = settings.data_dir / "loops"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- templates


def test_the_bundled_templates_pass_their_gate_and_are_counted() -> None:
    errors, _notes = content.validate_all()
    assert errors == []
    ids = {t.id for t in content.load_loops()}
    assert {"phone-screen", "mle-onsite", "research-engineer-onsite", "applied-ai-onsite"} <= ids
    presets = [t for t in content.load_loops() if t.preset]
    assert presets and all(t.reported for t in presets)
    n = content.counts()
    assert n["templates"] == len(ids) and n["presets"] == len(presets) and n["rounds"] > n["templates"]
    mle = content.load_loops().get("mle-onsite")
    assert [(r.kind, r.minutes) for r in mle.rounds] == [("coding", 45), ("coding", 60), ("model-design", 45),
                                                         ("behavioral", 45), ("deep-dive", 45)]
    assert mle.rounds[-1].break_after == 0 and mle.rounds[0].break_after == 10


def test_a_bad_template_is_refused_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[loop]\nid = "bad"\ntitle = "Bad"\ncompany = "X"\n'
                                       '[[round]]\nkind = "poker"\nminutes = 45\n'
                                       '[[round]]\nkind = "coding"\nminutes = 2\n', encoding="utf-8")
    errors, _ = content.validate_all(tmp_path)
    text = "\n".join(errors)
    assert "reported" in text and "poker" in text and "names its tracks" in text and "minutes must be" in text


def test_a_kind_the_catalog_lacks_is_a_note_and_the_round_is_missing(db: Database, settings: Settings) -> None:
    write_template(settings, TWO_ROUNDS.replace('difficulty = ["easy"]', 'tags = ["no-such-tag"]'))
    row = next(r for r in loops.templates() if r.template.id == "two-round")
    assert 1 in row.missing and "no problem matches" in row.missing[1]
    run = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0)
    v = loops.view(sessions=db.sessions, run_id=run, now=T0)
    assert v.rounds[1].status == "missing" and "no problem matches" in v.rounds[1].note


# ---------------------------------------------------------------- a run


def test_a_run_picks_items_and_each_round_runs_on_its_own_clock(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings)
    run = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0, rng=random.Random(1))
    with pytest.raises(InvalidInput, match="still on"):
        loops.start_run(sessions=db.sessions, template_id="two-round", now=T0)
    v = loops.view(sessions=db.sessions, run_id=run, now=T0)
    assert v.phase == "ready" and v.current is not None and v.current.kind == "cards-screen"
    assert v.rounds[1].item_id == toy_bank.problem_id

    screen = loops.start_round(sessions=db.sessions, run_id=run, now=T0)
    assert screen.link == f"/cards/screen/{screen.ref_id}" and screen.remaining_s == 300
    with pytest.raises(InvalidInput, match="finish it first"):
        loops.start_round(sessions=db.sessions, run_id=run, now=_at(1))
    # a crash or a closed laptop: the clock ran on; the round ended at its deadline
    later = loops.view(sessions=db.sessions, run_id=run, now=_at(7))
    assert later.rounds[0].status == "expired" and later.rounds[0].ended_at == _at(5)
    assert later.phase == "break" and later.break_remaining_s == pytest.approx(180)
    assert later.rounds[0].result.state == "waiting"  # the screen's grades are to give
    b = cards_bank()
    cp.grade_screen(sessions=db.sessions, bank=b, session_id=screen.ref_id or 0, ratings={}, now=_at(8))
    graded = loops.view(sessions=db.sessions, run_id=run, now=_at(8))
    r0 = graded.rounds[0].result
    assert r0.state == "scored" and r0.estimate is not None and r0.estimate.label == "no"
    assert "0 of 2 questions" in r0.estimate.evidence[0] and r0.signals["ml-depth"] == 0

    coding = loops.start_round(sessions=db.sessions, run_id=run, now=_at(12))
    a = attempts.attempt_status(sessions=db.sessions, attempt_id=coding.ref_id or 0, now=_at(12))
    assert (a.mode, a.feedback, a.budget_minutes) == ("full", "blind", 30)
    assert coding.link == f"/p/{toy_bank.problem_id}?attempt={a.id}"
    for code in (toy_bank.level1, toy_bank.full, toy_bank.full):
        submissions.submit(sessions=db.sessions, settings=settings, attempt_id=a.id, code=code)
    # every level passed: the attempt is complete, and so is the round, at that moment
    final = loops.view(sessions=db.sessions, run_id=run)
    assert final.rounds[1].status == "done" and final.rounds[1].ended_at is not None
    with pytest.raises(InvalidInput, match="no round is on"):
        loops.finish_round(sessions=db.sessions, run_id=run)
    assert final.status == "finished" and final.phase == "done"
    res = final.rounds[1].result
    assert res.state == "scored" and res.raw["levels_passed"] == 3 and res.signals["correctness"] == 1.0
    assert res.summary.startswith("3/3 levels, score 600/600")
    assert res.estimate is not None and res.estimate.points >= 2
    assert final.estimate is not None and final.estimate.label == "lean no"  # a round at no caps the loop
    assert set(final.signals) >= {"correctness", "coding-speed", "ml-depth"}


def test_skip_and_abandon_keep_what_was_done(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings)
    run = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0)
    loops.skip_round(sessions=db.sessions, run_id=run, now=T0)
    loops.start_round(sessions=db.sessions, run_id=run, now=_at(1))
    loops.abandon_run(sessions=db.sessions, run_id=run, now=_at(2))
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(3))
    assert v.status == "abandoned" and [r.status for r in v.rounds] == ["skipped", "done"]
    assert loops.active_run(sessions=db.sessions) is None
    assert [r.id for r in loops.past_runs(sessions=db.sessions)] == [run]


def test_the_next_run_prefers_what_was_not_seen(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings, TWO_ROUNDS.replace('difficulty = ["easy"]', 'difficulty = ["medium"]'))
    first = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0, rng=random.Random(3))
    picked = loops.view(sessions=db.sessions, run_id=first, now=T0).rounds[1].item_id
    loops.skip_round(sessions=db.sessions, run_id=first, now=T0)
    loops.start_round(sessions=db.sessions, run_id=first, now=_at(1))
    loops.abandon_run(sessions=db.sessions, run_id=first, now=_at(2))
    for seed in range(5):
        run = loops.start_run(sessions=db.sessions, template_id="two-round", now=_at(3), rng=random.Random(seed))
        assert loops.view(sessions=db.sessions, run_id=run, now=_at(3)).rounds[1].item_id != picked
        loops.abandon_run(sessions=db.sessions, run_id=run, now=_at(3))


def test_behavioral_rounds_read_the_takes_given_in_their_window(db: Database, settings: Settings) -> None:
    from rounds.services import deliveries as dl

    write_template(settings, '[loop]\nid = "talk"\ntitle = "Talk"\n'
                             '[[round]]\nkind = "behavioral"\nminutes = 20\nquestions = 2\n', "talk")
    run = loops.start_run(sessions=db.sessions, template_id="talk", now=T0)
    r = loops.start_round(sessions=db.sessions, run_id=run, now=T0)
    assert len(r.items) == 2 and r.question_links[0][2].startswith("/behavioral/practice?q=")
    assert r.question_links[0][1].endswith("?") or len(r.question_links[0][1]) > 20  # the question as asked
    before = dl.prompt_for(r.items[0])
    dl.add_delivery(sessions=db.sessions, prompt=before, duration_s=90, transcript="x", at=T0 - timedelta(hours=1))
    words = " ".join(["word"] * 220)  # about 90 s spoken
    dl.add_delivery(sessions=db.sessions, prompt=before, duration_s=95, transcript=words, spoken=True,
                    checks=tuple(range(len(before.checklist))), at=_at(3))
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(4))
    res = v.rounds[0].result
    assert res.state == "scored" and "1 of 2 questions answered" in res.estimate.evidence[0]  # type: ignore[union-attr]
    assert res.signals["leadership"] == 0.5 and res.signals["communication"] == 0.5
    assert res.raw["answered"] == [r.items[0]]


def test_readiness_and_the_html_report(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings)
    assert "No loop has been run yet" in loops.report_html(sessions=db.sessions)
    for day in range(2):
        t = T0 - timedelta(days=1 - day)
        run = loops.start_run(sessions=db.sessions, template_id="two-round", now=t)
        loops.skip_round(sessions=db.sessions, run_id=run, now=t)
        r = loops.start_round(sessions=db.sessions, run_id=run, now=t)
        if day:
            submissions.submit(sessions=db.sessions, settings=settings, attempt_id=r.ref_id or 0,
                               code=toy_bank.level1)
            loops.finish_round(sessions=db.sessions, run_id=run, now=datetime.now(UTC))
        # the first run's round ran out a day ago: reading the run ends it at its deadline
    rd = loops.readiness(sessions=db.sessions)
    assert len(rd.runs) == 2 and rd.change["correctness"] > 0
    assert rd.weakest_round is not None and rd.next_steps
    assert any("retry oop/toy-ledger" in s for s in rd.next_steps)
    page = loops.report_html(sessions=db.sessions)
    assert page.startswith("<!doctype html>") and "<svg" in page and "Readiness across loops" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1]


def test_what_comes_after_a_round_ends_does_not_count(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings)
    run = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0)
    loops.skip_round(sessions=db.sessions, run_id=run, now=T0)
    r = loops.start_round(sessions=db.sessions, run_id=run, now=T0)
    submissions.submit(sessions=db.sessions, settings=settings, attempt_id=r.ref_id or 0, code=toy_bank.level1)
    loops.finish_round(sessions=db.sessions, run_id=run)
    for _ in range(2):  # the attempt's own clock still runs; the loop's round is over
        submissions.submit(sessions=db.sessions, settings=settings, attempt_id=r.ref_id or 0, code=toy_bank.full)
    res = loops.view(sessions=db.sessions, run_id=run).rounds[1].result
    assert res.raw["levels_passed"] == 1 and res.raw["submissions"] == 1 and res.raw["score"] < 600


def test_a_screen_answered_to_the_end_ends_its_round(db: Database, settings: Settings, toy_bank) -> None:
    write_template(settings)
    run = loops.start_run(sessions=db.sessions, template_id="two-round", now=T0)
    r = loops.start_round(sessions=db.sessions, run_id=run, now=T0)
    b = cards_bank()
    for n in range(2):
        cp.answer_screen(sessions=db.sessions, bank=b, session_id=r.ref_id or 0, index=n, answer="", now=_at(1 + n))
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(3))
    assert v.rounds[0].status == "done" and v.rounds[0].ended_at == _at(2)
    assert v.phase == "break" and v.break_remaining_s == pytest.approx(240)


def test_a_behavioral_round_over_with_nothing_said_is_a_no(db: Database, settings: Settings) -> None:
    write_template(settings, '[loop]\nid = "talk"\ntitle = "Talk"\n'
                             '[[round]]\nkind = "behavioral"\nminutes = 20\nquestions = 2\n', "talk")
    run = loops.start_run(sessions=db.sessions, template_id="talk", now=T0)
    assert loops.start_round(sessions=db.sessions, run_id=run, now=T0).result.state == "none"
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(25))
    res = v.rounds[0].result
    assert v.rounds[0].status == "expired" and res.estimate is not None and res.estimate.label == "no"
    assert res.estimate.evidence == ("no question answered within the round",)
    rd = loops.readiness(sessions=db.sessions, now=_at(25))
    assert rd.weakest_signal == "communication" and rd.next_steps[0].startswith("communication: ")
