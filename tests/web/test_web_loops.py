"""The loop pages: templates and past runs, a run's agenda and clock, the round's own page, the scorecard."""

from __future__ import annotations

import re
from typing import Any

from rounds.config import Settings
from rounds.services import loops, submissions
from rounds.storage.db import database

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


def _template(settings: Settings) -> None:
    (settings.data_dir / "loops").mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "loops" / "two-round.toml").write_text(TWO_ROUNDS, encoding="utf-8")


def _start(browser: Any) -> int:
    browser.get("/loops")
    r = browser.post("/loops/start", {"template": "two-round"}, htmx=False, follow_redirects=False)
    assert r.status_code == 303, r.text
    m = re.fullmatch(r"/loops/(\d+)", r.headers["location"])
    assert m
    return int(m.group(1))


def test_the_loops_page_lists_templates_presets_and_the_nav_link(browser: Any, settings: Settings) -> None:
    _template(settings)
    page = browser.get("/loops")
    assert page.status_code == 200
    assert 'href="/loops" aria-current="page"' in page.text
    for tid in ("phone-screen", "mle-onsite", "research-engineer-onsite", "applied-ai-onsite", "two-round"):
        assert f'data-template="{tid}"' in page.text
    assert "reported loop" in page.text and "your own" in page.text


def test_a_run_from_the_agenda_into_the_round_and_to_the_scorecard(browser: Any, settings: Settings,
                                                                   toy_bank) -> None:
    _template(settings)
    rid = _start(browser)
    page = browser.get(f"/loops/{rid}")
    assert 'data-phase="ready"' in page.text and "Quick-fire" in page.text and "oop/toy-ledger" in page.text
    again = browser.post("/loops/start", {"template": "two-round"}, htmx=False)
    assert "is still on" in again.text
    assert browser.post(f"/loops/{rid}/skip", htmx=False, follow_redirects=False).status_code == 303
    r = browser.post(f"/loops/{rid}/next", htmx=False, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/p/oop/toy-ledger?attempt=")
    attempt_id = int(r.headers["location"].rsplit("=", 1)[1])
    page = browser.get(f"/loops/{rid}")
    assert 'data-phase="round"' in page.text and 'data-deadline="' in page.text
    assert f'href="/p/oop/toy-ledger?attempt={attempt_id}"' in page.text and "rounds start oop/toy-ledger" in page.text
    db = database(settings)
    submissions.submit(sessions=db.sessions, settings=settings, attempt_id=attempt_id, code=toy_bank.full)
    assert browser.post(f"/loops/{rid}/finish", htmx=False, follow_redirects=False).status_code == 303
    page = browser.get(f"/loops/{rid}")
    assert 'data-phase="done"' in page.text and 'data-status="skipped"' in page.text
    card = browser.get(f"/loops/{rid}/scorecard")
    assert card.status_code == 200
    assert 'data-chart="chart-loop-signals"' in card.text and "1/3 levels" in card.text
    assert "levels passed" in card.text  # the evidence behind the estimate
    rep = browser.get(f"/loops/{rid}/report.html")
    assert rep.status_code == 200 and "attachment" in rep.headers["content-disposition"]
    assert rep.text.startswith("<!doctype html>")
    assert f'href="/loops/{rid}"' in browser.get("/loops").text


def test_unknown_runs_and_missing_tokens(browser: Any, settings: Settings, toy_bank) -> None:
    _template(settings)
    assert browser.get("/loops/999").status_code == 404
    assert browser.get("/loops/999/scorecard").status_code == 404
    rid = _start(browser)
    r = browser.client.post(f"/loops/{rid}/abandon")  # no CSRF token
    assert r.status_code == 403
    assert loops.active_run(sessions=database(settings).sessions) == rid


def test_the_review_queue_on_today_and_its_own_page(browser: Any, settings: Settings, toy_bank) -> None:
    from datetime import UTC, datetime, timedelta

    from rounds.services import attempts

    today = browser.get("/")
    assert 'hx-get="/review?fragment=1"' in today.text
    assert "Nothing missed is due now" in browser.get("/review?fragment=1").text
    db = database(settings)
    a = attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full", minutes=5,
                               now=datetime.now(UTC) - timedelta(days=2))
    frag = browser.get("/review", headers={"HX-Request": "true"})
    assert f'data-item="{toy_bank.problem_id}"' in frag.text and "0 of 3 levels passed" in frag.text
    assert "<html" not in frag.text
    page = browser.get("/review")
    assert page.status_code == 200 and "<h1>Review queue</h1>" in page.text and "rounds start oop/toy-ledger" in page.text
    assert a.id


def test_a_behavioral_round_lists_its_questions_and_marks_those_answered(browser: Any, settings: Settings) -> None:
    from markupsafe import escape

    from rounds.services import deliveries as dl

    (settings.data_dir / "loops").mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "loops" / "talk.toml").write_text(
        '[loop]\nid = "talk"\ntitle = "Talk"\n[[round]]\nkind = "behavioral"\nminutes = 20\nquestions = 2\n')
    browser.get("/loops")
    r = browser.post("/loops/start", {"template": "talk"}, htmx=False, follow_redirects=False)
    rid = int(r.headers["location"].rsplit("/", 1)[1])
    r = browser.post(f"/loops/{rid}/next", htmx=False, follow_redirects=False)
    assert r.headers["location"] == f"/loops/{rid}"  # no page of its own: the loop page lists the questions
    v = loops.view(sessions=database(settings).sessions, run_id=rid)
    first, text, link = v.rounds[0].question_links[0]
    page = browser.get(f"/loops/{rid}")
    assert f'href="{link.replace("&", "&amp;")}"' in page.text and str(escape(text)) in page.text and "answered</span>" not in page.text
    dl.add_delivery(sessions=database(settings).sessions, prompt=dl.prompt_for(first), duration_s=80, transcript="x")
    page = browser.get(f"/loops/{rid}")
    assert re.search(rf'data-question="{re.escape(first)}">.*?answered</span>', page.text)


def test_a_round_whose_problem_left_the_bank_says_so(browser: Any, settings: Settings, toy_bank,
                                                     monkeypatch: Any) -> None:
    from rounds.content import catalog as catalog_module

    _template(settings)
    rid = _start(browser)
    browser.post(f"/loops/{rid}/skip", htmx=False)
    monkeypatch.delenv("ROUNDS_BANK_PATH")
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    page = browser.post(f"/loops/{rid}/next", htmx=False)
    assert page.status_code == 200 and "no problem with id" in page.text and 'id="skip-round"' in page.text
