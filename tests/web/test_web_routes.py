"""Routes and fragments of the web app, through the ASGI test client."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from web_client import BASE, Browser, TestClient

from rounds.config import Settings
from rounds.judge.engine import MAX_SOURCE_BYTES
from rounds.judge.sandbox import SandboxUnavailable
from rounds.web.app import create_app

CSII = "algo/course-schedule-ii"
KAHN = '''
from collections import deque

def find_order(num_courses, prerequisites):
    adj = [[] for _ in range(num_courses)]
    indeg = [0] * num_courses
    for a, b in prerequisites:
        adj[b].append(a)
        indeg[a] += 1
    q = deque(i for i in range(num_courses) if indeg[i] == 0)
    out = []
    while q:
        u = q.popleft()
        out.append(u)
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return out if len(out) == num_courses else []
'''


def test_catalog_lists_the_bank_and_filters(browser: Any) -> None:
    page = browser.get("/catalog")
    assert page.status_code == 200
    assert 'href="/p/algo/course-schedule-ii"' in page.text
    only_ml = browser.get("/catalog?track=ml&q=course")
    assert "course-schedule-ii" not in only_ml.text
    assert "No problem matches these filters." in only_ml.text


def test_catalog_filter_answers_htmx_with_the_rows_only(browser: Any) -> None:
    r = browser.get("/catalog?q=course-schedule", headers={"HX-Request": "true", "HX-Target": "catalog-results"})
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<div id="catalog-results">')
    assert "<html" not in r.text
    assert "/p/algo/course-schedule-ii" in r.text


def test_problem_page_renders_statement_editor_and_token(browser: Any) -> None:
    r = browser.get(f"/p/{CSII}")
    assert r.status_code == 200
    assert "<h2>Contract</h2>" in r.text
    assert 'id="code"' in r.text and "def find_order(" in r.text
    assert 'name="csrf-token"' in r.text and browser.token
    assert 'id="run-button"' in r.text and 'id="submit-button"' in r.text


def test_unknown_problem_is_a_readable_404(browser: Any) -> None:
    r = browser.get("/p/algo/no-such-problem")
    assert r.status_code == 404
    assert "no problem with id &#39;algo/no-such-problem&#39;" in r.text


def test_multi_level_problem_shows_a_locked_roadmap(browser: Any, toy_bank: Any) -> None:
    r = browser.get(f"/p/{toy_bank.problem_id}")
    assert "Keep account balances." in r.text
    assert "Take money out." not in r.text  # level 2's text stays locked
    assert "Locked: pass every test of level 1 to see it." in r.text
    assert re.search(r'<li class="locked" title="Withdrawals', r.text)  # the level bar


def test_foreign_host_header_is_refused(browser: Any) -> None:
    r = browser.client.get("/catalog", headers={"Host": "evil.example:8000"})
    assert r.status_code == 400


def test_post_without_csrf_token_is_refused(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    r = browser.client.post(f"/p/{CSII}/code", data={"code": "x = 1"}, headers={"Origin": "http://127.0.0.1:8000"})
    assert r.status_code == 403
    assert "security token" in r.text


def test_post_from_another_origin_is_refused_even_with_a_token(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    r = browser.post(f"/p/{CSII}/code", {"code": "x = 1"}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert "another origin" in r.text
    r = browser.post(f"/p/{CSII}/code", {"code": "x = 1"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403


def test_csrf_token_of_another_session_is_refused(app: Any, browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    stolen = browser.token
    with TestClient(app, base_url=BASE) as client:
        other = Browser(client)
        other.get("/catalog")
        other.token = stolen
        assert other.post(f"/p/{CSII}/code", {"code": "x = 1"}).status_code == 403


def test_cookie_is_strict_and_http_only_and_headers_are_safe(browser: Any) -> None:
    r = browser.client.get("/", headers={"Cookie": ""})
    cookie = r.headers["set-cookie"].lower()
    assert "samesite=strict" in cookie and "httponly" in cookie
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_saved_code_survives_a_reload(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    r = browser.post(f"/p/{CSII}/code", {"code": "# my work in progress\n"})
    assert r.status_code == 200, r.text
    assert r.json()["clock"]["started"]  # the first save started a practice attempt
    page = browser.get(f"/p/{CSII}")
    assert "# my work in progress" in page.text
    assert 'data-clock="1"' in page.text


def test_code_over_the_size_limit_gets_a_readable_refusal(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    big = "x = 1\n" * (MAX_SOURCE_BYTES // 6 + 10)
    saved = browser.post(f"/p/{CSII}/code", {"code": big})
    assert saved.status_code == 409
    assert "the judge takes at most 256 KB" in saved.json()["error"]
    run = browser.post(f"/p/{CSII}/submit", {"code": big})
    assert "Nothing was run, and your code is unchanged." in run.text


def test_run_then_submit_a_right_answer(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    run = browser.wait_job(browser.post(f"/p/{CSII}/run", {"code": KAHN, "custom": "3, [[1, 0], [2, 1]]"}).text)
    assert "AC</span> Accepted: 4/4 tests passed" in run
    assert "custom 1" in run
    sub = browser.wait_job(browser.post(f"/p/{CSII}/submit", {"code": KAHN}).text)
    assert "AC</span> Accepted" in sub
    assert "Attempt completed." in sub
    assert 'id="editorial" hx-swap-oob="true"' in sub and "<h2>Editorial</h2>" in sub
    assert f'href="/p/{CSII}"' in browser.get("/catalog?status=solved").text
    assert f'href="/p/{CSII}"' not in browser.get("/catalog?status=new").text


def test_bad_custom_input_is_explained(browser: Any) -> None:
    browser.get(f"/p/{CSII}")
    r = browser.post(f"/p/{CSII}/run", {"code": KAHN, "custom": "3, [[1, 0]"})
    assert "not a Python literal" in r.text


def test_a_wrong_answer_shows_which_test_failed(browser: Any) -> None:
    wrong = KAHN.replace("adj[b].append(a)", "adj[a].append(b)").replace("indeg[a] += 1", "indeg[b] += 1")
    browser.get(f"/p/{CSII}")
    sub = browser.wait_job(browser.post(f"/p/{CSII}/submit", {"code": wrong}).text)
    assert "WA</span> Wrong answer" in sub
    assert "comes before its prerequisite" in sub


def test_judge_down_is_reported_and_the_code_is_kept(browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.services import submissions

    def down(settings: Settings) -> Any:
        raise SandboxUnavailable("the sandbox cannot start")

    monkeypatch.setattr(submissions, "get_judge", down)
    browser.get(f"/p/{CSII}")
    sub = browser.wait_job(browser.post(f"/p/{CSII}/submit", {"code": KAHN}).text)
    assert "the judge could not run" in sub and "Your code is saved" in sub
    assert "deque(i for i in range(num_courses)" in browser.get(f"/p/{CSII}").text


def test_passing_level_one_unlocks_level_two(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    sub = browser.wait_job(browser.post(f"/p/{pid}/submit", {"code": toy_bank.level1}).text)
    assert "Level 2 unlocked" in sub
    assert re.search(r'id="statement"[^>]*hx-swap-oob="true"', sub) and "Take money out." in sub
    assert "Take money out." in browser.get(f"/p/{pid}").text


def test_operation_stream_failure_shows_the_failing_steps(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    wrong = toy_bank.level1.replace("return self.money.get(account, 0)", "return self.money.get(account)")
    browser.get(f"/p/{pid}")
    sub = browser.wait_job(browser.post(f"/p/{pid}/submit", {"code": wrong}).text)
    assert "WA</span> Wrong answer" in sub
    assert "Shortest failing sequence" in sub
    assert re.search(r"<tr class=\"bad\"><td>\d+</td><td>balance\(", sub)


def test_history_lists_submissions_and_diffs_them(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    browser.wait_job(browser.post(f"/p/{pid}/run", {"code": toy_bank.level1}).text)
    browser.wait_job(browser.post(f"/p/{pid}/submit", {"code": toy_bank.level2}).text)
    hist = browser.get("/history")
    ids = [int(x) for x in re.findall(r'href="/history/(\d+)"', hist.text)]
    assert len(ids) == 2
    detail = browser.get(f"/history/{max(ids)}")
    assert "def withdraw" in detail.text
    assert '<div class="add"><span class="visually-hidden">added: </span>+    def withdraw' in detail.text
    assert browser.get("/history/9999").status_code == 404


def test_today_shows_open_attempts_and_the_streak(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    browser.wait_job(browser.post(f"/p/{pid}/run", {"code": toy_bank.level1}).text)
    today = browser.get("/").text
    assert f'href="/p/{pid}"' in today
    assert '<p class="stat" id="streak">1 day</p>' in today
    assert re.search(r'<a class="button primary" href="/p/oop/toy-ledger">Continue: ', today)  # one click back in
    assert re.search(r'<a class="button primary" href="/p/algo/[^"]+">Start: ', today)


def test_progress_page_carries_chart_data(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    browser.wait_job(browser.post(f"/p/{pid}/submit", {"code": "class Ledger:\n    pass\n"}).text)
    browser.wait_job(browser.post(f"/p/{pid}/submit", {"code": toy_bank.level1}).text)
    page = browser.get("/progress").text
    for chart in ("chart-heatmap", "chart-solved_by", "chart-time_per_level", "chart-weakest"):
        assert f'<script type="application/json" id="{chart}">' in page
    assert "2 submissions on 1 day" in page
    assert '<td><a href="/catalog?tag=test">test</a></td><td>1</td><td>2</td>' in page  # 1 of 2 failed


def test_explicit_start_picks_mode_and_clock(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    r = browser.post(f"/p/{pid}/start", {"mode": "full", "feedback": "open"}, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/p/{pid}").text
    assert 'data-deadline="' in page


def test_server_mode_refuses_to_start_without_bubblewrap(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.judge import factory

    monkeypatch.setattr(factory, "bwrap_works", lambda: (False, "user namespaces are disabled"))
    with pytest.raises(SandboxUnavailable, match="bubblewrap sandbox is required"):
        create_app(settings.model_copy(update={"environment": "server"}))


def test_every_page_is_documented(app: Any) -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text()
    pages = {r.path for r in app.routes if "GET" in getattr(r, "methods", set())}
    pages -= {"/healthz", "/favicon.ico", "/jobs/{job_id}"}
    for path in pages:
        shown = path.replace("{track}/{slug}", "<track>/<slug>").replace("{submission_id}", "<id>")
        assert f"`{shown}`" in doc, f"{path} is not documented in docs/web.md"


def test_unknown_page_and_bad_request_are_readable(browser: Any) -> None:
    r = browser.get("/no/such/page")
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text
    assert browser.get("/history/not-a-number").status_code == 422


def test_a_problem_that_fails_to_load_says_so(browser: Any, toy_bank: Any) -> None:
    (toy_bank.root / "oop" / "toy-ledger" / "starter.py").unlink()
    r = browser.get(f"/p/{toy_bank.problem_id}")
    assert r.status_code == 500
    assert "This problem failed to load" in r.text or "starter.py" in r.text


def test_serve_refuses_server_mode_without_the_sandbox(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from rounds.cli.app import app as cli
    from rounds.config import get_settings

    monkeypatch.setenv("ROUNDS_ENVIRONMENT", "server")
    monkeypatch.setenv("ROUNDS_SANDBOX", "process")
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["serve", "--port", "1"])
    assert result.exit_code == 2
    assert "refusing to serve" in result.output


def test_results_appear_test_by_test(app: Any, browser: Any) -> None:
    import threading

    from rounds.domain.verdict import TestResult, Verdict

    release = threading.Event()

    def work(on_result: Any) -> Any:
        on_result(TestResult(name="first", level=1, verdict=Verdict.AC))
        release.wait(10)
        raise RuntimeError("stopped")

    job = app.state.jobs.start(kind="run", problem_id=CSII, total=3, work=work)
    for _ in range(100):
        if job.results:
            break
        time.sleep(0.02)
    partial = browser.get(f"/jobs/{job.id}", headers={"HX-Request": "true"}).text
    assert 'data-done="no"' in partial and "1 of 3 tests done" in partial and "first" in partial
    release.set()
    final = browser.wait_job(partial)
    assert "the judge failed: RuntimeError: stopped" in final


def test_custom_calls_for_a_class(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    run = browser.wait_job(browser.post(f"/p/{pid}/run", {
        "code": toy_bank.level1, "custom": '[("deposit", "a", 3), ("deposit", "a", 4), ("balance", "a")]'}).text)
    assert "AC</span> Accepted: 2/2 tests passed" in run
    assert "custom 1" in run


def test_drill_opens_the_chosen_level(browser: Any, toy_bank: Any) -> None:
    pid = toy_bank.problem_id
    browser.get(f"/p/{pid}")
    r = browser.post(f"/p/{pid}/start", {"mode": "drill", "level": "2"}, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    page = browser.get(f"/p/{pid}").text
    assert "Take money out." in page and "Rank accounts." not in page
