"""Behavioral practice services: stories and coverage, timed deliveries, projects, the talk, private data."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from rounds.config import Settings
from rounds.content.behavioral import SIGNALS, bank
from rounds.domain.attempt import now_utc
from rounds.services import behavioral_data, deliveries, projects, stories
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database

STORY_MD = """# Pushed back on a launch date
signals: conflict, communication
companies: amazon
project: Ranking rewrite
questions: disagreed-with-manager

## Situation
The launch was set for Friday but the offline metrics had a leak.

## Action
I showed my manager the leak with two plots and proposed a one-week slip.

## Impact
We launched a week later; online CTR rose 3.1% instead of falling.

## Learning
Bring the evidence before the opinion.
"""


def test_a_story_from_markdown_round_trips_and_counts_in_coverage(db: Database) -> None:
    inp = stories.parse_markdown(STORY_MD)
    assert inp.title == "Pushed back on a launch date" and inp.signals == ("conflict", "communication")
    sid = stories.add_story(sessions=db.sessions, story=inp)
    view = stories.get_story(sessions=db.sessions, story_id=sid)
    assert stories.parse_markdown(stories.to_markdown(view)) == inp
    cov = stories.coverage(sessions=db.sessions)
    assert cov.per_signal["conflict"] == 1 and "conflict" not in cov.gaps and "leadership" in cov.gaps
    assert len(cov.gaps) == len(SIGNALS) - 2
    assert not cov.overloaded


def test_a_story_answering_too_many_questions_is_flagged(db: Database) -> None:
    qs = tuple(list(bank().questions)[: stories.MAX_QUESTIONS_PER_STORY + 1])
    sid = stories.add_story(sessions=db.sessions, story=stories.StoryInput(title="Everything", notes="x", questions=qs))
    cov = stories.coverage(sessions=db.sessions)
    assert [s.id for s in cov.overloaded] == [sid]


@pytest.mark.parametrize(("md", "words"), [
    ("no title here", "line 1"),
    ("# T\n\n## Outcome\nx", "unknown section 'Outcome'"),
])
def test_a_bad_markdown_story_names_the_line(md: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        stories.parse_markdown(md)


def test_unknown_signals_and_questions_are_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="unknown signal bravery"):
        stories.add_story(sessions=db.sessions, story=stories.StoryInput(title="t", notes="n", signals=("bravery",)))
    with pytest.raises(InvalidInput, match="no question 'nope'"):
        stories.add_story(sessions=db.sessions, story=stories.StoryInput(title="t", notes="n", questions=("nope",)))


def test_analysis_counts_words_pace_and_fillers() -> None:
    a = deliveries.analyse("Um, so I, you know, basically rebuilt the, uh, pipeline. Like it was slow.", 30)
    assert a.words == 14
    assert a.fillers == {"um": 1, "you know": 1, "basically": 1, "uh": 1, "like": 1}
    assert a.wpm == 28.0
    assert deliveries.analyse("word " * 150, None).estimated_s == 60.0
    assert "short" in deliveries.length_note(40) and "band" in deliveries.length_note(90)
    assert "long" in deliveries.length_note(150)


def test_a_delivery_with_a_recording_checks_and_deletion(db: Database, settings: Settings) -> None:
    q = bank().questions["disagreed-with-manager"]
    prompt = deliveries.behavioral_prompt(q)
    rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3webm", "audio/webm;codecs=opus")
    did = deliveries.add_delivery(sessions=db.sessions, prompt=prompt, duration_s=75.2, transcript="I um disagreed",
                                  recording=rec)
    deliveries.set_checks(sessions=db.sessions, delivery_id=did, checks=[0, 2, 99])
    d = deliveries.get_delivery(sessions=db.sessions, delivery_id=did)
    assert d.checks == (0, 2) and d.checklist == q.listening_for and d.fillers == 1 and d.duration_s == 75.2
    assert d.spoken and d.wpm == 2.4 and d.spoken_s == 75.2  # a recording is a spoken take
    typed = deliveries.add_delivery(sessions=db.sessions, prompt=prompt, duration_s=300, transcript="word " * 150)
    t = deliveries.get_delivery(sessions=db.sessions, delivery_id=typed)
    assert not t.spoken and t.wpm is None and t.spoken_s == 60.0  # typing time is not speech
    found = deliveries.recording_path(sessions=db.sessions, data_dir=settings.data_dir, delivery_id=did)
    assert found and found[0].read_bytes().endswith(b"webm") and found[1] == "audio/webm"
    deliveries.delete_recording(sessions=db.sessions, data_dir=settings.data_dir, delivery_id=did)
    assert not found[0].exists()
    assert deliveries.get_delivery(sessions=db.sessions, delivery_id=did).recording is None
    with pytest.raises(InvalidInput, match="must be audio"):
        deliveries.save_recording(settings.data_dir, b"x", "text/html")


def test_draw_prefers_questions_never_delivered_and_the_run_tracks_the_bank(db: Database) -> None:
    b = bank()
    deliveries.start_run(sessions=db.sessions, at=now_utc() - timedelta(minutes=1))
    first = deliveries.draw(sessions=db.sessions, signal="conflict", rng=random.Random(1))
    assert first.signal == "conflict" or "conflict" in first.also_signals
    deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.behavioral_prompt(first), duration_s=80)
    r = deliveries.run(sessions=db.sessions)
    assert len(r.items) == len(b.questions) and r.done == 1
    assert next(i for i in r.items if i.question.id == first.id).last is not None
    assert r.next is not None and r.next.id != first.id


def test_project_drill_outline_and_exports(db: Database) -> None:
    from pptx import Presentation

    pid = projects.add_project(sessions=db.sessions, name="Ranking rewrite", summary="Search ranking was stale.",
                               role="I led the model work.", talk_minutes=45)
    projects.save_chapter(sessions=db.sessions, project_id=pid, kind="design", body="Two-tower retrieval.",
                          scores={"collaboration": 3, "ambiguity": 4, "technical": 5},
                          decisions=projects.parse_decisions("Used a two-tower model | a cross-encoder; BM25 only"),
                          metrics=["p95 latency 300 ms -> 120 ms"])
    p = projects.get_project(sessions=db.sessions, project_id=pid)
    assert p.chapter("design").scores == {"collaboration": 3, "ambiguity": 4, "technical": 5}
    asked = [x.question for x in projects.drill(p)]
    assert 'You decided: "Used a two-tower model". Why not a cross-encoder?' in asked
    assert 'You decided: "Used a two-tower model". Why not BM25 only?' in asked
    assert any("How did you measure it?" in q and "p95 latency" in q for q in asked)
    assert any("design of Ranking rewrite, what would you do differently" in q for q in asked)
    assert len(asked) >= len(bank().probes) + 4
    slides = projects.build_outline(p)
    assert 10 <= len(slides) <= 12
    assert abs(sum(s["minutes"] for s in slides) - 35) < 0.6
    data = projects.pptx(p, slides)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(slides)
    assert prs.slides[0].shapes.title.text == "Ranking rewrite"
    assert "Results" in [s.shapes.title.text for s in prs.slides]
    assert "min]" in prs.slides[1].notes_slide.notes_text_frame.text
    md = projects.markdown(p, slides)
    assert md.startswith("# Ranking rewrite") and "p95 latency 300 ms -> 120 ms" in md


def test_the_archive_round_trips_and_delete_everything(db: Database, settings: Settings, tmp_path: Path) -> None:
    sid = stories.add_story(sessions=db.sessions, story=stories.parse_markdown(STORY_MD))
    pid = projects.add_project(sessions=db.sessions, name="P")
    projects.save_chapter(sessions=db.sessions, project_id=pid, kind="launch", body="Shipped.", metrics=["+3%"])
    rec = deliveries.save_recording(settings.data_dir, b"OggS-audio", "audio/ogg")
    deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.prompt_for("disagreed-with-manager"),
                            duration_s=90, story_id=sid, recording=rec)
    raw, counts = behavioral_data.export_archive(sessions=db.sessions, data_dir=settings.data_dir)
    assert (counts.stories, counts.projects, counts.deliveries, counts.recordings) == (1, 1, 1, 1)
    assert "recordings/" + rec[0] in zipfile.ZipFile(io.BytesIO(raw)).namelist()
    gone = behavioral_data.delete_everything(sessions=db.sessions, data_dir=settings.data_dir)
    assert gone.recordings == 1 and not list(deliveries.recordings_dir(settings.data_dir).iterdir())
    assert stories.list_stories(sessions=db.sessions) == [] and projects.list_projects(sessions=db.sessions) == []
    back = behavioral_data.import_archive(sessions=db.sessions, data_dir=settings.data_dir, raw=raw)
    assert (back.stories, back.projects, back.deliveries, back.recordings) == (1, 1, 1, 1)
    d = deliveries.deliveries(sessions=db.sessions)[0]
    assert d.story_id == stories.list_stories(sessions=db.sessions)[0].id
    assert deliveries.recording_path(sessions=db.sessions, data_dir=settings.data_dir, delivery_id=d.id)
    assert projects.list_projects(sessions=db.sessions)[0].chapter("launch").metrics == ("+3%",)
    with pytest.raises(InvalidInput, match="not an archive"):
        behavioral_data.import_archive(sessions=db.sessions, data_dir=settings.data_dir, raw=b"junk")


def test_delete_everything_leaves_other_users_recordings_and_fresh_uploads(db: Database, settings: Settings) -> None:
    """The recordings folder is shared by every user of a server: one user's "delete everything"
    removes their recordings and old leftovers, never another user's, nor a file just uploaded."""
    import os

    from rounds.storage import repositories as repo
    from rounds.storage.models import User

    with db.sessions.begin() as s:
        s.add(User(name="other"))
    with db.sessions.begin() as s:
        other = s.scalars(select(User.id).where(User.name == "other")).one()
    prompt = deliveries.prompt_for("disagreed-with-manager")
    mine = deliveries.save_recording(settings.data_dir, b"OggS-mine", "audio/ogg")
    deliveries.add_delivery(sessions=db.sessions, prompt=prompt, duration_s=60, recording=mine)
    with repo.acting_as(other):
        theirs = deliveries.save_recording(settings.data_dir, b"OggS-theirs", "audio/ogg")
        their_take = deliveries.add_delivery(sessions=db.sessions, prompt=prompt, duration_s=60, recording=theirs)
    folder = deliveries.recordings_dir(settings.data_dir)
    old_stray, fresh = folder / "left-over.ogg", folder / "being-saved.ogg"
    old_stray.write_bytes(b"OggS")
    fresh.write_bytes(b"OggS")
    day_ago = old_stray.stat().st_mtime - 86400
    os.utime(old_stray, (day_ago, day_ago))
    gone = behavioral_data.delete_everything(sessions=db.sessions, data_dir=settings.data_dir)
    assert gone.recordings == 1 and not (folder / mine[0]).exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([theirs[0], fresh.name])
    with repo.acting_as(other):
        assert deliveries.recording_path(sessions=db.sessions, data_dir=settings.data_dir, delivery_id=their_take)


def test_progress_counts_the_bank_the_self_check_and_the_weeks(db: Database) -> None:
    b = bank()
    q = b.questions["disagreed-with-manager"]
    at = now_utc()
    first = deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.behavioral_prompt(q), duration_s=90,
                                    spoken=True, transcript="um " + "word " * 200, at=at - timedelta(days=7))
    deliveries.set_checks(sessions=db.sessions, delivery_id=first, checks=[0])
    second = deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.behavioral_prompt(q), duration_s=30,
                                     spoken=True, at=at)
    deliveries.set_checks(sessions=db.sessions, delivery_id=second, checks=list(range(len(q.listening_for))))
    p = deliveries.progress(sessions=db.sessions, now=at)
    assert (p.takes, p.answered, p.bank_size) == (2, 1, len(b.questions))
    assert p.checked == pytest.approx((1 / len(q.listening_for) + 1) / 2)
    assert p.in_band == 0.5 and p.fillers_per_take == 1
    assert [n for _, n, _ in p.recent][-2:] == [1, 1] and p.recent[-1][2] == 1.0

