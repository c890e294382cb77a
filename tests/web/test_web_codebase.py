"""The codebase round in the web app, through the ASGI test client: the page (brief, mode, clock,
file tree, editor), autosave of the canonical repository shared with the terminal, Run tests (the
test log), Submit (the phases), refusals, the editorial with the diff, and the built-in assistant
against a local OpenAI-compatible server with scripted answers."""

from __future__ import annotations

import html
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from rounds.content import codebase as cb
from rounds.content.catalog import catalog
from rounds.services import attempts
from rounds.storage.db import Database

LOG = "codebase/log-pipeline"  # AI allowed, 60 minutes
LIMITER = "codebase/rate-limiter"  # no AI, 90 minutes
EXPLAINED = "\nThe median test was wrong: nearest rank gives 20, not 25.\n"


def repo_of(page: str) -> dict[str, str]:
    """The repository the page's editor starts from (the hidden input the script reads)."""
    m = re.search(r'id="repo-files" value="([^"]*)"', page)
    assert m, "the page holds no repository"
    return dict(json.loads(html.unescape(m.group(1))))


def text_of(fragment: str) -> str:
    """What a user reads: the fragment's text without tags, spaces squeezed."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([,.;:])", r"\1", text)


def row(fragment: str, phase: str) -> str:
    m = re.search(rf'<tr data-phase="{phase}" data-status="([a-z]+)">(.*?)</tr>', fragment, re.S)
    assert m, f"no {phase} row in the phases"
    return f"{m.group(1)}: {text_of(m.group(2))}"


def attempt_code(db: Database) -> str:
    mine = attempts.list_attempts(sessions=db.sessions, problem_id=LOG)
    assert mine, "no attempt was started"
    return attempts.attempt_status(sessions=db.sessions, attempt_id=mine[0].id).code


def test_the_page_shows_the_brief_mode_clock_tree_and_the_open_file(browser: Any) -> None:
    p = catalog().get(LOG)
    page = browser.get(f"/p/{LOG}").text
    assert "<h2>Contract</h2>" in page  # the brief
    assert re.search(r'id="ai-policy"[^>]*>AI allowed</span>', page)
    assert "clock: 60 min" in page
    # the tree: folders collapsible (details), a button per file, README.md open first
    assert re.search(r'<details open data-dir="logpipe"><summary>.*?logpipe</summary>', page)
    assert re.search(r'<details open data-dir="tests">', page)
    assert 'data-path="logpipe/alerts.py"' in page and 'data-path="tests/test_stats.py"' in page
    assert re.search(r'data-path="README.md" aria-current="true"', page)
    assert '<code id="open-file" aria-live="polite">README.md</code>' in page
    assert '{"codebase": 1' not in page  # never the stored document as text
    assert repo_of(page) == cb.starting_repo(p)
    assert 'id="assistant"' in page  # an AI-allowed codebase has the pane

    other = browser.get(f"/p/{LIMITER}").text
    assert re.search(r'id="ai-policy"[^>]*>no AI</span>', other) and "clock: 90 min" in other
    assert 'id="assistant"' not in other and "No AI assistants" in other
    assert browser.post(f"/p/{LIMITER}/assistant", {"message": "help"}).status_code == 404


def test_autosave_stores_the_repository_the_terminal_continues(browser: Any, db: Database, tmp_path: Path) -> None:
    p = catalog().get(LOG)
    files = cb.starting_repo(p)
    files["logpipe/alerts.py"] += "\n# edited in the browser\n"
    files["notes/plan.md"] = "# plan\n"
    r = browser.post(f"/p/{LOG}/files", {"files": json.dumps(files)}, htmx=False)
    assert r.status_code == 200, r.text
    aid = r.json()["attempt_id"]
    assert "clock" in r.json()  # the first edit started a practice attempt
    assert attempt_code(db) == cb.encode(files)  # the canonical document, byte for byte
    page = browser.get(f"/p/{LOG}?attempt={aid}").text
    assert repo_of(page) == files and 'data-path="notes/plan.md"' in page

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    from typer.testing import CliRunner

    from rounds.cli.app import app

    ws = tmp_path / "ws"
    out = CliRunner().invoke(app, ["start", LOG, "--dir", str(ws)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "Resumed attempt" in out.output
    assert cb.read_tree(ws) == files  # the browser's repository, over the starting commit
    (ws / "logpipe" / "alerts.py").write_text(files["logpipe/alerts.py"] + "# and in the terminal\n")
    out = CliRunner().invoke(app, ["test", str(ws)], env={"COLUMNS": "200"})
    assert out.exit_code == 1, out.output  # the starting bugs are still there
    page = browser.get(f"/p/{LOG}?attempt={aid}").text
    assert repo_of(page)["logpipe/alerts.py"].endswith("# edited in the browser\n# and in the terminal\n")


@pytest.mark.parametrize("change, reason", [
    ({"data/sample.bin": "\x00\x01"}, "data/sample.bin is a binary file; a submission holds text files only"),
    ({"big.py": "x = 1\n" * 25_000}, "big.py is 146 KB; a file may hold at most 128 KB"),
    ({f"pad/f{i}.py": "" for i in range(200)}, "files; the limit is 200"),
    ({"../outside.py": "x"}, "../outside.py: paths must stay inside the repository"),
])
def test_a_repository_the_judge_cannot_take_is_refused_and_nothing_is_lost(
        browser: Any, db: Database, change: dict[str, str], reason: str) -> None:
    p = catalog().get(LOG)
    good = cb.starting_repo(p)
    good["logpipe/alerts.py"] += "# mine\n"
    assert browser.post(f"/p/{LOG}/files", {"files": json.dumps(good)}, htmx=False).status_code == 200
    bad = {**good, **change}
    r = browser.post(f"/p/{LOG}/files", {"files": json.dumps(bad)}, htmx=False)
    assert r.status_code == 409 and reason in r.json()["error"]
    assert "your files are kept in the editor" in r.json()["error"]
    for action in ("run", "submit"):
        r = browser.post(f"/p/{LOG}/{action}", {"files": json.dumps(bad)})
        assert r.status_code == 200 and 'id="refused"' in r.text and reason in html.unescape(r.text)
        assert "Nothing was saved or run" in r.text
    assert attempt_code(db) == cb.encode(good)  # the last good save stands
    mine = attempts.list_attempts(sessions=db.sessions, problem_id=LOG)
    assert attempts.attempt_status(sessions=db.sessions, attempt_id=mine[0].id).recent == []  # nothing ran
    r = browser.post(f"/p/{LOG}/files", {"files": "not json"}, htmx=False)
    assert r.status_code == 409 and "no readable repository" in r.json()["error"]


def test_run_tests_shows_the_test_log_by_file_with_the_failures(browser: Any) -> None:
    p = catalog().get(LOG)
    start = browser.post(f"/p/{LOG}/run", {"files": json.dumps(cb.starting_repo(p))})
    assert "Running the tests" in start.text and "of 21 done" in start.text  # the total is known up front
    started = re.search(r'id="attempt-started" hidden data-attempt="(\d+)" data-clock="([^"]+)"', start.text)
    assert started, "the run started a practice attempt: the page adopts it and shows its clock"
    assert json.loads(html.unescape(started.group(2)))["budget"] == 3600
    done = browser.wait_job(start.text)
    said = text_of(done)
    assert "Run tests: the repository's own tests" in said
    assert "the visible tests do not all pass yet: 8 of 21 pass" in said
    assert 'id="phases"' not in done  # a run is the visible phase only: no phases table
    groups = dict(re.findall(r'<details class="test-file" data-file="([^"]+)" data-ok="(yes|no)"', done))
    assert groups["tests/test_stats.py"] == "no" and groups["tests/test_report.py"] == "no"
    assert "hidden" not in " ".join(groups)
    stats = done[done.index('data-file="tests/test_stats.py"'):]
    stats = stats[:stats.index("</details>")]
    assert 'data-open-file="tests/test_stats.py"' in stats  # "open" brings the file into the editor
    assert re.search(r'data-verdict="RE" data-test="PercentileTest.test_p100_is_the_largest"', stats)
    assert "IndexError" in text_of(stats)
    assert "NotImplementedError" in text_of(done)
    page = browser.get(f"/p/{LOG}").text  # after a reload: the last run again
    assert "Last run of the tests" in page and "8 of 21 pass" in text_of(page)


def test_submit_grades_every_phase_then_the_editorial_and_the_diff(browser: Any) -> None:
    p = catalog().get(LOG)
    mine = cb.reference_repo(p)
    mine[cb.EXPLANATION] += EXPLAINED
    start = browser.post(f"/p/{LOG}/submit", {"files": json.dumps(mine)})
    assert "Grading" in start.text and "of 35 done" in start.text  # 21 visible, 13 hidden, the benchmark
    done = browser.wait_job(start.text, timeout=180)
    assert "Submission: every phase" in text_of(done) and "every phase passes" in text_of(done)
    assert row(done, "visible") == "pass: visible tests pass 21 of 21 pass"
    assert row(done, "hidden") == "pass: hidden tests pass 13 of 13 pass"
    bench = row(done, "benchmark")
    assert re.match(r"optimal: benchmark optimal the core took \d+ ms of CPU, \d+\.\dx the reference's \d+ ms "
                    r"optimal ≤ \d+ ms · good ≤ \d+ ms · naive above · limit \d+ ms$", bench), bench
    assert row(done, "explanation") == ("written: explanation written 11 words written in EXPLANATION.md; "
                                        "compare them with the editorial afterwards")
    assert "Attempt completed." in done
    # the editorial, the diff against the starting repository (swapped into the page)
    assert 'id="editorial" hx-swap-oob="true"' in done and "<h2>Editorial</h2>" in done
    diff = done[done.index('id="repo-diff"'):]
    files = re.findall(r'<details class="file-diff" data-file="([^"]+)" data-status="([a-z]+)"', diff)
    changed = {k for k in mine if mine[k] != cb.starting_repo(p).get(k)}
    assert {f for f, _ in files} == changed and all(s == "modified" for _, s in files)
    assert "+The median test was wrong: nearest rank gives 20, not 25." in html.unescape(diff)
    page = browser.get(f"/p/{LOG}").text
    assert "You completed this codebase" in page and "Last submission" in page
    assert row(page, "benchmark").startswith("optimal: ") and 'id="repo-diff"' in page
    assert 'id="editorial-button"' not in page


def test_failing_hidden_tests_show_what_they_check_as_the_feedback_mode_allows(browser: Any) -> None:
    p = catalog().get(LOG)
    m = next(x for x in cb.load_codebase_mutants(p) if x.name == "special_cases_visible_levels")
    wrong = json.dumps(cb.mutant_repo(p, m))
    checks = "at_least keeps exactly the levels at or above the threshold, for every threshold"
    done = browser.wait_job(browser.post(f"/p/{LOG}/submit", {"files": wrong}).text, timeout=180)
    hidden = row(done, "hidden")
    assert hidden.startswith("fail: hidden tests fail") and checks in hidden and "!=" not in hidden
    assert row(done, "visible").startswith("pass: ")
    assert 'id="repo-diff"' not in done  # not over: no diff yet
    browser.post(f"/p/{LOG}/start", {"mode": "practice", "feedback": "blind"}, htmx=False)
    done = browser.wait_job(browser.post(f"/p/{LOG}/submit", {"files": wrong}).text, timeout=180)
    hidden = row(done, "hidden")
    assert "Blind feedback:" in hidden and "hidden test(s) failed" in hidden and checks not in text_of(done)


def test_revealing_the_editorial_shows_the_diff_and_marks_the_attempt(browser: Any) -> None:
    p = catalog().get(LOG)
    files = cb.starting_repo(p)
    files["logpipe/stats.py"] += "\nEXTRA = 1\n"
    del files["tests/test_report.py"]
    aid = browser.post(f"/p/{LOG}/files", {"files": json.dumps(files)}, htmx=False).json()["attempt_id"]
    page = browser.get(f"/p/{LOG}?attempt={aid}").text
    assert 'id="editorial-button"' in page and 'id="repo-diff"' not in page
    r = browser.post(f"/p/{LOG}/editorial", {"attempt": str(aid)}, htmx=False, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/p/{LOG}?attempt={aid}#editorial"
    page = browser.get(f"/p/{LOG}?attempt={aid}").text
    assert "it is marked <strong>assisted</strong>" in page
    diff = page[page.index('id="repo-diff"'):]
    assert re.search(r'data-file="logpipe/stats.py" data-status="modified"', diff)
    assert re.search(r'data-file="tests/test_report.py" data-status="deleted"', diff)
    assert "2 file(s) changed" in text_of(diff) and "+EXTRA = 1" in html.unescape(diff)


# The built-in assistant, against a local OpenAI-compatible server with scripted answers.

class FakeModel:
    """Each chat completion request takes the next scripted answer: a string, or ("status", code)."""

    def __init__(self) -> None:
        self.script: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                fake.requests.append({"path": self.path, **body})
                step = fake.script.pop(0) if fake.script else "Look at the window's bounds."
                if isinstance(step, tuple):
                    self.send_response(step[1])
                    self.send_header("content-type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "scripted failure"}}')
                    return
                out = json.dumps({"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                                  "choices": [{"index": 0, "finish_reason": "stop",
                                               "message": {"role": "assistant", "content": step}}]}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModel]:
    fake = FakeModel()
    monkeypatch.setenv("ROUNDS_LLM_BASE_URL", fake.url)
    monkeypatch.setenv("ROUNDS_LLM_MODEL", "scripted")
    monkeypatch.setenv("ROUNDS_LLM_TIMEOUT", "5")
    yield fake
    fake.close()


def test_without_an_endpoint_the_pane_says_how_to_set_one_up(browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROUNDS_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("ROUNDS_LLM_MODEL", raising=False)
    page = browser.get(f"/p/{LOG}").text
    off = text_of(page[page.index('id="assistant-off"'):page.index("</p>", page.index('id="assistant-off"'))])
    assert "The built-in assistant is off" in off and "ROUNDS_LLM_BASE_URL" in off and "ROUNDS_LLM_MODEL" in off
    assert 'id="assistant-form"' not in page
    r = browser.post(f"/p/{LOG}/assistant", {"message": "why does the p100 test fail?"})
    assert r.status_code == 200 and 'id="assistant-off"' in r.text and "chat-message" not in r.text


def test_the_assistant_answers_with_the_repository_in_view_and_the_talk_is_kept(
        browser: Any, model: FakeModel, db: Database) -> None:
    page = browser.get(f"/p/{LOG}").text
    assert 'id="assistant-form"' in page and model.url in page
    model.script = ["`percentile` indexes one past the end: use `rank - 1`."]
    before = time.time()
    r = browser.post(f"/p/{LOG}/assistant", {"message": "Why does test_p100_is_the_largest fail?",
                                             "path": "logpipe/stats.py", "current": "def percentile(): ...  # mine\n"})
    assert r.status_code == 200, r.text
    said = text_of(r.text)
    assert "You 0:0" in said and "into the attempt" in said and "with logpipe/stats.py open" in said
    assert "Why does test_p100_is_the_largest fail?" in said
    assert "indexes one past the end" in said and "<code>rank - 1</code>" in r.text  # its Markdown, rendered
    aid = int(re.search(r'id="assistant-box" data-attempt="(\d+)"', r.text).group(1))  # type: ignore[union-attr]
    req = model.requests[-1]
    assert req["path"] == "/v1/chat/completions" and req["model"] == "scripted"
    system = req["messages"][0]["content"]
    assert "## Contract" in system and "- logpipe/alerts.py (" in system
    assert "logpipe/stats.py:\n```\ndef percentile(): ...  # mine" in system  # the editor's copy of the file
    assert req["messages"][-1] == {"role": "user", "content": "Why does test_p100_is_the_largest fail?"}

    model.script = [("status", 503)]
    r = browser.post(f"/p/{LOG}/assistant", {"message": "And the median?", "attempt": str(aid)})
    assert 'id="assistant-error"' in r.text and "answered 503" in r.text
    assert ">And the median?</textarea>" in r.text  # kept to send again
    assert text_of(r.text).count("You ") == 1  # nothing stored
    model.script = ["Nearest rank: the test expects 25, which is wrong."]
    r = browser.post(f"/p/{LOG}/assistant", {"message": "And the median?", "attempt": str(aid)})
    assert [m["role"] for m in model.requests[-1]["messages"][1:]] == ["user", "assistant", "user"]
    from rounds.services import codebase_assistant

    kept = codebase_assistant.messages(sessions=db.sessions, attempt_id=aid)
    assert [(m.role, m.text[:12]) for m in kept] == [("user", "Why does tes"), ("assistant", "`percentile`"),
                                                     ("user", "And the medi"), ("assistant", "Nearest rank")]
    assert all(m.at.timestamp() >= before - 1 for m in kept)

    # after the attempt (here: the editorial revealed), how the user partnered with the AI
    browser.post(f"/p/{LOG}/editorial", {"attempt": str(aid)}, htmx=False)
    page = browser.get(f"/p/{LOG}?attempt={aid}").text
    after = page[page.index('id="ai-partnership"'):]
    assert "How you partnered with the AI" in after and "2 question(s) to the assistant" in text_of(after)
    assert "Nearest rank: the test expects 25" in text_of(after)
