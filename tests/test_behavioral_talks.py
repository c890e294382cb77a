"""Talk rehearsals: saved per user, self-assessed against the talk rubric, in the archive, and counted by a
deep-dive loop round with a talk."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from rounds.config import Settings
from rounds.content.behavioral import (
    TALK_RUBRIC_FILE,
    bank,
    counts,
    load_bank,
    parse_talk_rubric,
    validate_all,
)
from rounds.services import behavioral_data, loops, projects, talks
from rounds.services import deliveries as dl
from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import Database
from rounds.storage.models import User

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _project(db: Database, name: str = "Ranking rewrite") -> int:
    pid = projects.add_project(sessions=db.sessions, name=name, summary="Search ranking was stale.", talk_minutes=45)
    projects.save_chapter(sessions=db.sessions, project_id=pid, kind="design", body="Two-tower retrieval.",
                          metrics=["p95 latency 300 ms -> 120 ms"])
    return pid


def _slides(db: Database, pid: int) -> list[dict]:
    return projects.outline(sessions=db.sessions, project_id=pid)


# ---------------------------------------------------------------- the rubric (bank content)


def test_the_talk_rubric_is_bank_content_with_its_gate() -> None:
    b = load_bank()
    items = list(b.talk_rubric.values())
    assert 8 <= len(items) <= 10 and all(it.item and it.strong for it in items)
    assert len({it.id for it in items}) == len(items) and "time-kept" in b.talk_rubric
    check = next(c for c in validate_all() if c.file == TALK_RUBRIC_FILE)
    assert check.ok and check.items == len(items)
    assert counts(b)["talk_rubric"] == len(items)


def test_a_bad_talk_rubric_is_refused_with_reasons() -> None:
    good = [{"id": f"i{n}", "item": f"Did thing {n}", "strong": "Shows it."} for n in range(8)]
    assert parse_talk_rubric({"item": good})[1] == []
    bad = [*good[:6], {"id": "i0", "item": "Another", "strong": "x"}, {"id": "i7", "item": " ", "strong": "x"},
           {"id": "Bad Id", "item": "y", "strong": "y"}, {"id": "i9", "item": "Did thing 1", "strong": "z"}]
    _, failures = parse_talk_rubric({"item": bad})
    assert "talk_rubric.toml: item 'i0': the id is used twice" in failures
    assert "talk_rubric.toml: item 'i7': missing field 'item'" in failures
    assert any("'id' must be a lowercase slug" in f for f in failures)
    assert "talk_rubric.toml: item 'i9': the same item as 'i1'" in failures
    _, few = parse_talk_rubric({"item": good[:3]})
    assert few == ["talk_rubric.toml: the rubric needs 6 to 12 items, has 3"]
    assert parse_talk_rubric({})[1] == ["talk_rubric.toml: no [[item]] tables"]


# ---------------------------------------------------------------- a saved, assessed rehearsal


def test_a_rehearsal_keeps_each_slide_against_its_minutes_and_the_self_assessment(db: Database) -> None:
    pid = _project(db)
    slides = _slides(db, pid)
    budget = [round(float(s["minutes"]) * 60) for s in slides]
    took = [b + (60 if n == 2 else 0) for n, b in enumerate(budget)]  # slide 3 a minute over
    rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=took, at=_at(0))
    r = talks.get_rehearsal(sessions=db.sessions, rehearsal_id=rid)
    assert r.project_name == "Ranking rewrite" and r.budget_s == sum(budget) and r.total_s == sum(budget) + 60
    assert r.kept and r.timing == 1.0 and not r.assessed
    assert [s.verdict for s in r.slides][:4] == ["on time", "on time", "over", "on time"]
    assert r.slides[2].delta_s == 60 and talks.signed(r.slides[2].delta_s) == "+1:00"
    assert r.time_line == f"{talks.mmss(sum(budget) + 60)} of {talks.mmss(sum(budget))} (kept)"
    items = [it.id for it in talks.rubric()]
    r = talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=items[:7])
    assert r.assessed and (r.covered, len(r.rubric)) == (7, len(items))
    assert r.summary.startswith(f"7 of {len(items)} rubric items, ")
    with pytest.raises(InvalidInput, match="not in the talk rubric: charisma"):
        talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=["charisma"])
    # stopped after two slides, twice too long: the rest not reached, the whole far under
    short = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[budget[0] * 2, budget[1] * 2], at=_at(5))
    s = talks.get_rehearsal(sessions=db.sessions, rehearsal_id=short)
    assert s.reached == 2 and s.slides[2].verdict == "not reached" and not s.kept and s.timing == 0.0
    assert s.time_line.endswith(" under)")
    assert [x.id for x in talks.rehearsals(sessions=db.sessions, project_id=pid)] == [short, rid]
    with pytest.raises(InvalidInput, match="no slide was timed"):
        talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[])
    with pytest.raises(InvalidInput, match="slide times for a talk of"):
        talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[1.0] * (len(slides) + 1))


def test_no_user_reads_another_users_rehearsal(db: Database, settings: Settings) -> None:
    pid = _project(db)
    rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[60.0], at=_at(0))
    with db.sessions.begin() as s:
        other = User(name="bea")
        s.add(other)
        s.flush()
        bea = other.id
    with repo.acting_as(bea):
        assert talks.rehearsals(sessions=db.sessions) == []
        with pytest.raises(talks.RehearsalNotFound):
            talks.get_rehearsal(sessions=db.sessions, rehearsal_id=rid)
        with pytest.raises(talks.RehearsalNotFound):
            talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=[])
        with pytest.raises(talks.RehearsalNotFound):
            talks.delete_rehearsal(sessions=db.sessions, rehearsal_id=rid)
        with pytest.raises(projects.ProjectNotFound):  # nor rehearse the other's project
            talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[60.0])
        own = talks.save_rehearsal(sessions=db.sessions, project_id=_project(db, "Bea's"), took=[30.0])
        assert [r.id for r in talks.rehearsals(sessions=db.sessions)] == [own]
        raw, n = behavioral_data.export_archive(sessions=db.sessions, data_dir=settings.data_dir)
        assert n.talks == 1
        behavioral_data.delete_everything(sessions=db.sessions, data_dir=settings.data_dir)
    assert [r.id for r in talks.rehearsals(sessions=db.sessions)] == [rid]  # the first user's is untouched
    assert talks.get_rehearsal(sessions=db.sessions, rehearsal_id=rid).total_s == 60.0


def test_the_archive_keeps_the_rehearsals_and_delete_everything_removes_them(db: Database, settings: Settings) -> None:
    pid = _project(db)
    rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[100.0, 200.0], at=_at(0))
    talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=["problem-first", "time-kept"])
    raw, n = behavioral_data.export_archive(sessions=db.sessions, data_dir=settings.data_dir)
    assert n.talks == 1 and "1 talk rehearsals" in str(n)
    data = json.loads(zipfile.ZipFile(io.BytesIO(raw)).read("behavioral.json"))
    assert data["talks"][0]["checks"] == ["problem-first", "time-kept"] and data["talks"][0]["project_id"] == pid
    gone = behavioral_data.delete_everything(sessions=db.sessions, data_dir=settings.data_dir)
    assert gone.talks == 1 and talks.rehearsals(sessions=db.sessions) == []
    back = behavioral_data.import_archive(sessions=db.sessions, data_dir=settings.data_dir, raw=raw)
    assert back.talks == 1
    r = talks.rehearsals(sessions=db.sessions)[0]
    new_pid = projects.list_projects(sessions=db.sessions)[0].id
    assert r.project_id == new_pid and r.total_s == 300.0 and r.covered == 2 and r.assessed
    assert r.rehearsed_at == _at(0)


# ---------------------------------------------------------------- the loop counts the talk


TALK_ROUND = ('[loop]\nid = "deep"\ntitle = "Deep dive"\n'
              '[[round]]\nkind = "deep-dive"\nminutes = 60\nquestions = 2\ntalk = true\n')
PLAIN_ROUND = ('[loop]\nid = "deep"\ntitle = "Deep dive"\n'
               '[[round]]\nkind = "deep-dive"\nminutes = 60\nquestions = 2\n')


def _loop(db: Database, settings: Settings, text: str = TALK_ROUND) -> tuple[int, loops.RoundView]:
    folder = settings.data_dir / "loops"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.toml").write_text(text, encoding="utf-8")
    run = loops.start_run(sessions=db.sessions, template_id="deep", now=T0)
    return run, loops.start_round(sessions=db.sessions, run_id=run, now=T0)


def _answer_both(db: Database, r: loops.RoundView) -> None:
    words = " ".join(["word"] * 220)  # about 90 s spoken, in the length band
    for qid in r.items:
        p = dl.prompt_for(qid)
        dl.add_delivery(sessions=db.sessions, prompt=p, duration_s=95, transcript=words, spoken=True,
                        checks=tuple(range(len(p.checklist))), at=_at(30))


def _talk(db: Database, pid: int, at: datetime, ticks: int, off: float = 0.0) -> int:
    slides = _slides(db, pid)
    took = [float(s["minutes"]) * 60 * (1 + off) for s in slides]
    rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=took, at=at)
    talks.assess(sessions=db.sessions, rehearsal_id=rid, checks=[it.id for it in talks.rubric()][:ticks])
    return rid


def test_a_talk_in_the_round_counts_for_the_round(db: Database, settings: Settings) -> None:
    pid = _project(db)
    run, r = _loop(db, settings)
    assert r.talk_link == "/projects/rehearse" and r.terminal == "rounds deck rehearse PROJECT"
    _answer_both(db, r)
    rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[60.0], at=_at(10))
    waiting = loops.view(sessions=db.sessions, run_id=run, now=_at(40)).rounds[0]
    assert waiting.result.state == "waiting" and waiting.result.estimate is None  # not self-assessed yet
    n = len(talks.rubric())
    talks.delete_rehearsal(sessions=db.sessions, rehearsal_id=rid)
    rid = _talk(db, pid, _at(10), ticks=n - 2)
    loops.finish_round(sessions=db.sessions, run_id=run, now=_at(50))
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(51)).rounds[0]
    res = v.result
    assert res.state == "scored" and res.raw["talk"] == rid and v.talk_link == f"/talks/{rid}"
    assert res.estimate is not None and res.estimate.evidence[0].startswith(f"talk: {n - 2} of {n} rubric items, ")
    saved = talks.get_rehearsal(sessions=db.sessions, rehearsal_id=rid)
    assert res.estimate.evidence[0] == f"talk: {n - 2} of {n} rubric items, {saved.time_line}"
    assert saved.time_line.endswith("(kept)") and 34 * 60 < saved.budget_s < 36 * 60  # 45 min less 10 for questions
    assert "2 of 2 questions answered" in res.estimate.evidence
    cov = (n - 2) / n
    assert res.signals["ml-depth"] == pytest.approx(round((1.0 + cov) / 2, 3))
    assert res.signals["communication"] == pytest.approx(round((1.0 + 0.5 * cov + 0.5) / 2, 3))
    assert res.estimate.label == "hire"


def test_a_talk_outside_the_round_does_not_count_and_none_lowers_the_estimate(db: Database,
                                                                            settings: Settings) -> None:
    pid = _project(db)
    run, r = _loop(db, settings)
    _answer_both(db, r)
    _talk(db, pid, T0 - timedelta(days=1), ticks=10)  # the day before
    _talk(db, pid, _at(60 + 6), ticks=10)  # after the round's clock and its grace
    v = loops.view(sessions=db.sessions, run_id=run, now=_at(70)).rounds[0]
    res = v.result
    assert v.status == "expired" and res.raw["talk"] is None
    assert res.estimate is not None and res.estimate.evidence[0] == "no talk rehearsal saved within the round"
    assert res.estimate.points < 3  # answering the questions well is not enough without the talk
    assert res.signals["ml-depth"] == 0.5


def test_a_talk_round_with_nothing_done_is_a_no_and_a_round_without_a_talk_is_unchanged(
        db: Database, settings: Settings) -> None:
    pid = _project(db)
    run, _ = _loop(db, settings)
    assert loops.view(sessions=db.sessions, run_id=run, now=_at(5)).rounds[0].result.state == "none"
    res = loops.view(sessions=db.sessions, run_id=run, now=_at(70)).rounds[0].result
    assert res.estimate is not None and res.estimate.label == "no"
    assert res.estimate.evidence == ("no talk rehearsal saved within the round", "no question answered within the round")
    # a deep dive without a talk ignores rehearsals: the questions alone, as before
    (settings.data_dir / "loops" / "deep.toml").write_text(PLAIN_ROUND, encoding="utf-8")
    later = T0 + timedelta(minutes=90)
    run3 = loops.start_run(sessions=db.sessions, template_id="deep", now=later)
    r = loops.start_round(sessions=db.sessions, run_id=run3, now=later)
    _talk(db, pid, later + timedelta(minutes=5), ticks=10)
    res = loops.view(sessions=db.sessions, run_id=run3, now=later + timedelta(minutes=70)).rounds[0].result
    assert r.talk_link == "" and "talk" not in res.raw
    assert res.estimate is not None and res.estimate.evidence == ("no question answered within the round",)


def test_the_real_bank_has_the_rubric_the_loop_and_pages_use() -> None:
    assert talks.rubric() == list(bank().talk_rubric.values())
