"""The design round pages: the prompts, a session's clock, notes, diagram and questions, the rubric and the reveal."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rounds.content import design as design_content
from rounds.content.design import FALLBACK_ANSWER, bank
from rounds.services import design_practice as dp
from rounds.storage.db import Database
from rounds.storage.models_design import DesignSession

PROMPT = "infra/feature-store"
FIXTURE_BANK = Path(__file__).resolve().parents[1] / "fixtures" / "design"


@pytest.fixture(autouse=True)
def fixed_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of two prompts kept with the tests, so that edits to the bank's content never break them."""
    monkeypatch.setattr(design_content, "_BANK", design_content.load_bank(FIXTURE_BANK))


def _start(browser: Any, key: str = PROMPT) -> int:
    browser.get(f"/design/{key}")
    r = browser.post(f"/design/{key}/start", htmx=False, follow_redirects=False)
    assert r.status_code == 303
    m = re.fullmatch(r"/design/sessions/(\d+)", r.headers["location"])
    assert m
    return int(m.group(1))


def test_the_design_page_lists_both_rounds_with_tags(browser: Any) -> None:
    page = browser.get("/design")
    assert page.status_code == 200
    assert 'href="/design" aria-current="page"' in page.text
    assert "ML model design" in page.text and "ML infra design" in page.text
    b = bank()
    for kind in ("model", "infra"):
        rows = re.findall(r'<tr data-prompt="' + kind + '/', page.text)
        assert len(rows) == len(b.of_kind(kind))
    p = b.get(PROMPT)
    assert f'href="/design/{PROMPT}"' in page.text and f'<span class="pill">{p.tags[0]}</span>' in page.text
    assert "No session yet" in page.text and "The scorecard fills in" in page.text


def test_a_prompt_page_starts_a_session_with_the_opening_line_and_the_clock(browser: Any) -> None:
    page = browser.get(f"/design/{PROMPT}")
    assert page.status_code == 200 and 'id="start-design"' in page.text
    assert browser.get("/design/infra/no-such-prompt").status_code == 404
    sid = _start(browser)
    s = browser.get(f"/design/sessions/{sid}")
    p = bank().get(PROMPT)
    assert s.status_code == 200
    assert p.opening[:40] in s.text.replace("&#39;", "'").replace("&amp;", "&")
    assert 'id="phase-clock"' in s.text and 'data-phase="framing"' in s.text and 'data-budget="420"' in s.text
    assert 'id="overrun-warning" role="alert" hidden' in s.text
    assert s.text.count('class="design-text"') == 5 and 'id="diagram-source"' in s.text
    assert 'dist/mermaid.js' in s.text
    assert browser.get("/design/sessions/999").status_code == 404


def test_notes_and_diagram_autosave_as_json_and_survive_a_reload(browser: Any) -> None:
    sid = _start(browser)
    r = browser.post(f"/design/sessions/{sid}/notes", {"phase": "framing", "text": "**skew** between paths"})
    assert r.status_code == 200 and "<strong>skew</strong>" in r.json()["html"] and r.json()["saved_at"]
    r = browser.post(f"/design/sessions/{sid}/diagram", {"text": "flowchart LR\n  a --> b"})
    assert r.status_code == 200
    bad = browser.post(f"/design/sessions/{sid}/notes", {"phase": "lunch", "text": "x"})
    assert bad.status_code == 400 and "not a phase" in bad.text
    page = browser.get(f"/design/sessions/{sid}").text
    assert "**skew** between paths</textarea>" in page and "a --&gt; b</textarea>" in page


def test_saving_without_the_csrf_token_is_refused(browser: Any) -> None:
    sid = _start(browser)
    r = browser.client.post(f"/design/sessions/{sid}/notes", data={"phase": "framing", "text": "x"},
                            headers={"Origin": "http://127.0.0.1:8000"})
    assert r.status_code == 403


def test_a_clarifying_question_is_answered_in_place(browser: Any) -> None:
    sid = _start(browser)
    r = browser.post(f"/design/sessions/{sid}/ask", {"question": "How fresh must the features be?"})
    assert r.status_code == 200 and 'id="clarify-box"' in r.text
    assert "The interviewer would say:" in r.text and 'data-matched="yes"' in r.text
    r = browser.post(f"/design/sessions/{sid}/ask", {"question": "Do you like pizza?"})
    assert FALLBACK_ANSWER.replace("The interviewer would say: ", "") in r.text and 'data-matched="no"' in r.text
    r = browser.post(f"/design/sessions/{sid}/ask", {"question": "  "})
    assert r.status_code == 200 and "type a question first" in r.text
    # without htmx: back to the page
    r = browser.post(f"/design/sessions/{sid}/ask", {"question": "What is the read volume?"}, htmx=False,
                     follow_redirects=False)
    assert r.status_code == 303


def test_an_overrun_phase_shows_the_warning_and_moving_on_keeps_time(browser: Any, db: Database) -> None:
    sid = _start(browser)
    with db.sessions.begin() as s:
        row = s.get(DesignSession, sid)
        assert row is not None
        row.phase_started_at = row.phase_started_at - timedelta(minutes=9)
        row.started_at = row.started_at - timedelta(minutes=9)
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="overrun-warning" role="alert">' in page and "would move you on" in page
    assert "Move on to high-level" in page
    r = browser.post(f"/design/sessions/{sid}/next", htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'data-phase="high-level"' in page and 'id="overrun-warning" role="alert" hidden' in page
    assert re.search(r'data-phase="framing">framing <span class="muted">9:0\d / 7:00', page)


def test_finish_rubric_marks_then_the_reveal_and_the_scorecard(browser: Any, db: Database) -> None:
    p = bank().get(PROMPT)
    sid = _start(browser)
    browser.post(f"/design/sessions/{sid}/notes", {"phase": "framing", "text": "The problem is skew: two code paths."})
    early = browser.post(f"/design/sessions/{sid}/marks", {"mark_registry": "covered"}, htmx=False)
    assert early.status_code == 400 and "finish it" in early.text
    r = browser.post(f"/design/sessions/{sid}/finish", htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="rubric"' in page and 'id="hint-label"' in page and "not a grade" in page
    assert page.count('class="rubric-item card"') == len(p.rubric)
    assert re.search(r'data-item="skew-is-the-problem" data-hinted="yes"', page)
    assert 'name="mark_skew-is-the-problem" value="covered" required checked' in page
    assert 'name="mark_registry" value="missed" required checked' in page
    assert "The problem is skew" in page
    assert p.probes[0] not in page  # not revealed before marking
    marks = {f"mark_{r.id}": "missed" for r in p.rubric}
    marks["mark_skew-is-the-problem"] = "covered"
    partial = browser.post(f"/design/sessions/{sid}/marks", dict(list(marks.items())[:3]), htmx=False)
    assert partial.status_code == 400 and "mark every item" in partial.text
    r = browser.post(f"/design/sessions/{sid}/marks", marks, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="reveal"' in page and 'id="probes"' in page and 'id="pitfalls"' in page
    assert 'data-item="skew-is-the-problem" data-mark="covered"' in page
    assert page.count('class="outline-phase"') == 5
    home = browser.get("/design").text
    assert f'<tr data-session="{sid}">' in home and 'id="scorecard"' in home
    assert 'data-signal="problem-framing"' in home
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.score is not None and v.score > 0


def _move_back(db: Database, sid: int, minutes: float) -> None:
    with db.sessions.begin() as s:
        row = s.get(DesignSession, sid)
        assert row is not None
        row.phase_started_at = row.phase_started_at - timedelta(minutes=minutes)
        row.started_at = row.started_at - timedelta(minutes=minutes)


def test_the_page_knows_when_the_clock_will_end_the_round(browser: Any, db: Database) -> None:
    sid = _start(browser)
    _move_back(db, sid, 61)  # the minutes are up, the grace is not
    page = browser.get(f"/design/sessions/{sid}").text
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.stage == "clock" and v.ends_at is not None
    assert f'data-ends-at="{v.ends_at.isoformat()}"' in page
    assert 'id="round-over" role="alert">' in page and "ends by itself" in page
    assert 'id="round-ended" role="alert" hidden' in page and f'id="to-rubric" href="/design/sessions/{sid}"' in page
    r = browser.post(f"/design/sessions/{sid}/notes", {"phase": "wrap-up", "text": "a last risk"})
    assert r.status_code == 200  # within the grace


def test_when_the_time_ran_out_the_page_shows_the_end_and_refuses_notes_but_not_marks(
        browser: Any, db: Database) -> None:
    p = bank().get(PROMPT)
    sid = _start(browser)
    browser.post(f"/design/sessions/{sid}/notes", {"phase": "framing", "text": "The problem is skew: two code paths."})
    _move_back(db, sid, 70)
    r = browser.post(f"/design/sessions/{sid}/notes", {"phase": "framing", "text": "rewritten after the end"})
    assert r.status_code == 409 and r.json()["ended"] is True
    assert "the time ran out" in r.json()["error"] and "notes saved before the end are kept" in r.json()["error"]
    r = browser.post(f"/design/sessions/{sid}/diagram", {"text": "flowchart LR\n  a --> b"})
    assert r.status_code == 409 and r.json()["ended"] is True
    r = browser.post(f"/design/sessions/{sid}/ask", {"question": "How fresh must the features be?"})
    assert r.status_code == 200 and "the time ran out" in r.text and 'id="clarify-form"' not in r.text
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="rubric"' in page and 'id="time-ran-out"' in page and "The clock ended the round" in page
    assert 'id="phase-clock"' not in page and 'class="design-text"' not in page
    assert "The problem is skew: two code paths." in page and "rewritten after the end" not in page
    marks = {f"mark_{r.id}": "covered" for r in p.rubric}
    r = browser.post(f"/design/sessions/{sid}/marks", marks, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="reveal"' in page and 'id="time-ran-out"' in page
    home = browser.get("/design").text
    row = re.search(rf'<tr data-session="{sid}">.*?</tr>', home)
    assert row and "time ran out" in row.group(0) and "marked" in row.group(0)
