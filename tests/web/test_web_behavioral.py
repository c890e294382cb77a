"""The behavioral pages: stories and coverage, timed takes, the run, projects, the talk, private data."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from rounds.config import Settings
from rounds.content.behavioral import SIGNALS, bank
from rounds.services import deliveries

STORY = {"title": "Pushed back on a launch date", "situation": "The launch was set for Friday.",
         "action": "I showed the leak to my manager.", "impact": "CTR rose 3.1%.", "learning": "Evidence first.",
         "notes": "", "signals": "conflict", "companies": "amazon", "project": "Ranking",
         "questions": "disagreed-with-manager"}


def _id(location: str, prefix: str) -> int:
    m = re.match(rf"{prefix}(\d+)", location)
    assert m, location
    return int(m.group(1))


def test_the_hub_is_in_the_navigation(browser: Any) -> None:
    page = browser.get("/behavioral")
    assert page.status_code == 200
    assert 'href="/behavioral" aria-current="page"' in page.text
    assert 'id="story-count">0<' in page.text


def test_writing_a_story_changes_the_coverage_matrix(browser: Any) -> None:
    before = browser.get("/stories").text
    assert 'data-signal="conflict" href="/stories/new?signal=conflict"' in before
    r = browser.post("/stories", STORY, htmx=False, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/stories?note=added")
    after = browser.get("/stories").text
    assert 'class="pill gap" data-signal="conflict"' not in after
    assert 'class="pill gap" data-signal="leadership"' in after
    assert re.search(r'<tr data-story="\d+"><th scope="row"><a href="/stories/\d+">Pushed back', after)
    assert after.count('data-covered="yes"') == 1
    sid = int(re.search(r'data-story="(\d+)"', after).group(1))  # type: ignore[union-attr]
    edit = browser.get(f"/stories/{sid}").text
    assert 'value="conflict" checked' in edit and "I showed the leak" in edit
    browser.post(f"/stories/{sid}", {**STORY, "signals": ["conflict", "leadership"]}, htmx=False)
    assert browser.get("/stories").text.count('data-covered="yes"') == 2
    md = browser.get(f"/stories/{sid}/markdown")
    assert md.text.startswith("# Pushed back on a launch date") and "signals: conflict, leadership" in md.text


def test_a_story_with_an_unknown_question_is_refused_and_kept_in_the_form(browser: Any) -> None:
    r = browser.post("/stories", {**STORY, "questions": "no-such-question"}, htmx=False)
    assert r.status_code == 400
    assert "no question &#39;no-such-question&#39; in the bank" in r.text and "I showed the leak" in r.text


def test_a_typed_take_is_measured_and_self_checked(browser: Any) -> None:
    page = browser.get("/behavioral/practice?q=disagreed-with-manager")
    assert page.status_code == 200 and 'id="timer-start"' in page.text and 'id="record-start"' in page.text
    words = "Um, so basically I disagreed " + "word " * 150
    typed = browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "200",
                                                    "transcript": words}, htmx=False)
    assert 'data-spoken="no"' in typed.text and 'id="take-length">3:20<' in typed.text
    assert 'id="take-spoken">1:02<' in typed.text and "in the 60-120 s band" in typed.text
    assert 'id="take-wpm">-<' in typed.text and "counted for spoken takes only" in typed.text
    r = browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "80",
                                                "transcript": words, "spoken": "1"},
                     htmx=False, follow_redirects=False)
    assert r.status_code == 303
    did = _id(r.headers["location"], "/behavioral/deliveries/")
    take = browser.get(f"/behavioral/deliveries/{did}").text
    assert 'id="take-length">1:20<' in take and 'id="take-spoken">1:20<' in take and "in the 60-120 s band" in take
    assert 'id="take-fillers">2<' in take
    assert '"um" ×1' in take
    assert 'id="take-wpm">116<' in take
    n = len(bank().questions["disagreed-with-manager"].listening_for)
    browser.post(f"/behavioral/deliveries/{did}/checks", {"checks": ["0", "1"]}, htmx=False)
    assert f'id="check-score">2/{n} covered<' in browser.get(f"/behavioral/deliveries/{did}").text
    assert "Last take" not in browser.get("/behavioral/practice?q=disagreed-with-manager").text
    assert f'href="/behavioral/deliveries/{did}"' in browser.get("/behavioral/practice?q=disagreed-with-manager").text
    hub = browser.get("/behavioral").text
    assert f"2 takes; 1 of {len(bank().questions)} bank questions answered at least once" in hub
    assert 'id="by-week"' in hub


def test_an_empty_take_is_refused_with_a_note(browser: Any) -> None:
    r = browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager"}, htmx=False)
    assert r.status_code == 200 and "nothing to save" in r.text


def test_a_recorded_take_plays_back_and_can_be_deleted(browser: Any, settings: Settings) -> None:
    audio = b"\x1aE\xdf\xa3" + b"\0" * 200
    r = browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "64"},
                     files={"recording": ("take.webm", audio, "audio/webm;codecs=opus")}, htmx=False,
                     follow_redirects=False)
    did = _id(r.headers["location"], "/behavioral/deliveries/")
    assert 'id="take-audio"' in browser.get(f"/behavioral/deliveries/{did}").text
    played = browser.get(f"/behavioral/deliveries/{did}/recording")
    assert played.status_code == 200 and played.content == audio and played.headers["content-type"] == "audio/webm"
    assert len(list(deliveries.recordings_dir(settings.data_dir).iterdir())) == 1
    browser.post(f"/behavioral/deliveries/{did}/recording/delete", htmx=False)
    assert browser.get(f"/behavioral/deliveries/{did}/recording").status_code == 404
    assert list(deliveries.recordings_dir(settings.data_dir).iterdir()) == []


def test_a_recording_that_is_not_audio_is_refused(browser: Any) -> None:
    r = browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "64"},
                     files={"recording": ("x.html", b"<script>", "text/html")}, htmx=False)
    assert "must be audio" in r.text


def test_draw_and_the_whole_bank_run(browser: Any) -> None:
    r = browser.get("/behavioral/practice?draw=1&signal=conflict", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/behavioral/practice?q=")
    start = browser.post("/behavioral/run", htmx=False, follow_redirects=False)
    first = start.headers["location"]
    assert "run=1" in first
    qid = re.search(r"q=([a-z0-9-]+)", first).group(1)  # type: ignore[union-attr]
    took = browser.post("/behavioral/deliveries", {"question_id": qid, "duration_s": "70", "run": "1"},
                        htmx=False, follow_redirects=False)
    assert took.headers["location"].endswith("?run=1")
    assert 'id="run-next"' in browser.get(took.headers["location"]).text
    page = browser.get("/behavioral/run").text
    assert f"1 of {len(bank().questions)}" in page
    row = re.search(rf'<tr data-question="{qid}">.*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    assert "never" not in row and "done" in row


def test_project_builder_drill_talk_and_exports(browser: Any) -> None:
    from pptx import Presentation

    r = browser.post("/projects", {"name": "Ranking rewrite", "summary": "Stale ranking.", "role": "Lead",
                                   "talk_minutes": "60"}, htmx=False, follow_redirects=False)
    pid = _id(r.headers["location"], "/projects/")
    form = {"name": "Ranking rewrite", "summary": "Stale ranking.", "role": "Lead", "talk_minutes": "60",
            "design_body": "Two towers.", "design_collaboration": "3", "design_ambiguity": "4",
            "design_technical": "5", "design_decisions": "Used two towers | a cross-encoder",
            "design_metrics": "p95 300 ms -> 120 ms"}
    saved = browser.post(f"/projects/{pid}", form, htmx=False)
    assert saved.status_code == 200 and 'id="design-technical"' in saved.text
    assert re.search(r'name="design_technical">.*?<option value="5" selected>', saved.text, re.S)
    bad = browser.post(f"/projects/{pid}", {**form, "design_ambiguity": "9"}, htmx=False)
    assert bad.status_code == 400 and "scored 1 to 5" in bad.text
    drill = browser.get(f"/projects/{pid}/drill").text
    assert "Why not a cross-encoder?" in drill and "How did you measure it?" in drill
    assert "what would you do differently?" in drill
    q = re.search(r'href="/behavioral/practice\?q=(project[^"]+)"', drill).group(1)  # type: ignore[union-attr]
    page = browser.get(f"/behavioral/practice?q={q}")
    assert page.status_code == 200 and "Why not a cross-encoder?" in page.text
    talk = browser.get(f"/projects/{pid}/talk").text
    assert talk.count('class="slide-edit"') == 11
    deck = browser.get(f"/projects/{pid}/talk.pptx")
    assert deck.status_code == 200 and 'filename="ranking-rewrite.pptx"' in deck.headers["content-disposition"]
    prs = Presentation(io.BytesIO(deck.content))
    assert len(prs.slides) == 11 and prs.slides[0].shapes.title.text == "Ranking rewrite"
    edit = {"title_0": "Ranking rewrite", "minutes_0": "1", "title_1": "Why ranking went stale", "minutes_1": "5",
            "bullets_1": "Freshness\nCoverage", "notes_1": "Say the numbers", "title_2": "Extra", "minutes_2": "3"}
    browser.post(f"/projects/{pid}/talk", edit, htmx=False)
    md = browser.get(f"/projects/{pid}/talk.md").text
    assert "## 2. Why ranking went stale (5 min)" in md and "- Coverage" in md and "> Notes: Say the numbers" in md
    prs = Presentation(io.BytesIO(browser.get(f"/projects/{pid}/talk.pptx").content))
    assert [s.shapes.title.text for s in prs.slides] == ["Ranking rewrite", "Why ranking went stale", "Extra"]
    assert 'data-seconds="300"' in browser.get(f"/projects/{pid}/rehearse").text


def test_private_data_export_delete_and_import(browser: Any) -> None:
    browser.post("/stories", STORY, htmx=False)
    browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "80"}, htmx=False)
    sid = int(re.search(r'data-story="(\d+)"', browser.get("/stories").text).group(1))  # type: ignore[union-attr]
    browser.post("/behavioral/deliveries", {"question_id": "disagreed-with-manager", "duration_s": "70",
                                            "story_id": str(sid)}, htmx=False)
    assert 'id="story-takes"' in browser.get(f"/stories/{sid}").text
    archive = browser.get("/behavioral/data/export")
    assert archive.headers["content-type"] == "application/zip"
    assert "behavioral.json" in zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    kept = browser.post("/behavioral/data/delete", {"confirm": "no"}, htmx=False)
    assert "nothing was deleted" in kept.text
    gone = browser.post("/behavioral/data/delete", {"confirm": "delete"}, htmx=False)
    assert "deleted 1 stories, 0 projects, 2 deliveries" in gone.text
    assert 'id="data-counts">0 stories, 0 projects, 0 takes, 0 talk rehearsals<' in gone.text
    back = browser.post("/behavioral/data/import", files={"file": ("a.zip", archive.content, "application/zip")},
                        htmx=False)
    assert "imported 1 stories" in back.text
    assert browser.get("/stories").text.count('data-covered="yes"') == 1
    broken = browser.post("/behavioral/data/import", files={"file": ("a.zip", b"not a zip", "application/zip")},
                          htmx=False)
    assert "a.zip: not an archive exported by rounds" in broken.text


def test_every_page_refuses_a_post_without_the_token(browser: Any) -> None:
    r = browser.client.post("/stories", data=STORY, headers={"Origin": "http://127.0.0.1:8000"})
    assert r.status_code == 403


def test_unknown_things_are_404(browser: Any) -> None:
    for url in ("/stories/99", "/projects/99", "/projects/99/talk.pptx", "/behavioral/deliveries/99",
                "/behavioral/practice?q=nope", "/behavioral/practice?q=project/99/x"):
        assert browser.get(url).status_code == 404, url
    assert len(SIGNALS) == 15


def test_the_matrix_marks_a_companys_signals_and_their_gaps(browser: Any) -> None:
    browser.post("/stories", STORY, htmx=False)
    amazon = bank().companies["amazon"]
    page = browser.get("/stories?company=amazon").text
    assert page.count('class="focus"') == len(set(amazon.signals()))
    gaps = re.search(r'<p id="focus-gaps">(.*?)</p>', page, re.S).group(1)  # type: ignore[union-attr]
    assert "Amazon" in gaps and ("conflict" not in gaps.split("no story yet for")[-1])
    assert browser.get("/stories?company=nope").status_code == 404

