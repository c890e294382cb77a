"""The optional model interviewer and grader, against a local OpenAI-compatible server with scripted answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from rounds.content import design as design_content
from rounds.content.design import bank
from rounds.services import design_interviewer as di
from rounds.services import design_practice as dp
from rounds.storage.db import Database

PROMPT = "infra/feature-store"
FIXTURE_BANK = Path(__file__).resolve().parents[1] / "fixtures" / "design"


@pytest.fixture(autouse=True)
def fixed_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of two prompts kept with the tests, so that edits to the bank's content never break them."""
    monkeypatch.setattr(design_content, "_BANK", design_content.load_bank(FIXTURE_BANK))


class FakeModel:
    """An OpenAI-compatible chat server on a free localhost port; each request takes the next scripted answer.

    A script entry is a string (the assistant's content), ``("status", 500)``, ``("sleep", seconds)`` or
    ``("raw", body)`` (a body that is not a chat completion at all).
    """

    def __init__(self) -> None:
        self.script: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                fake.requests.append({"path": self.path, "auth": self.headers.get("authorization"), **body})
                step = fake.script.pop(0) if fake.script else "What happens when the online store is down?"
                if isinstance(step, tuple) and step[0] == "sleep":
                    time.sleep(step[1])
                    step = "too late"
                if isinstance(step, tuple) and step[0] == "status":
                    self.send_response(step[1])
                    self.send_header("content-type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "scripted failure"}}')
                    return
                if isinstance(step, tuple) and step[0] == "raw":
                    out = step[1].encode()
                else:
                    out = json.dumps({
                        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body["model"],
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": step}}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(out)))
                self.end_headers()
                try:
                    self.wfile.write(out)
                except OSError:
                    pass  # the client gave up (the timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModel]:
    fake = FakeModel()
    monkeypatch.setenv("ROUNDS_LLM_BASE_URL", fake.url)
    monkeypatch.setenv("ROUNDS_LLM_MODEL", "scripted")
    monkeypatch.setenv("ROUNDS_LLM_API_KEY", "k-test")
    monkeypatch.setenv("ROUNDS_LLM_TIMEOUT", "2")
    yield fake
    fake.close()


def _finished_session(db: Database) -> int:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing",
                  text="The real problem is skew between two code paths.")
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="high-level", text="A registry of feature definitions.")
    dp.finish(sessions=db.sessions, session_id=sid)
    return sid


def test_off_without_an_endpoint(monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    monkeypatch.delenv("ROUNDS_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("ROUNDS_LLM_MODEL", raising=False)
    assert di.config() is None
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT)
    with pytest.raises(di.ModelUnavailable, match="no model is set up"):
        di.interviewer_says(sessions=db.sessions, session_id=sid)


def test_the_interviewer_asks_follows_up_and_the_exchange_is_kept(model: FakeModel, db: Database) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="Two code paths cause skew.")
    dp.ask(sessions=db.sessions, session_id=sid, question="How fresh must features be?")
    model.script = ["One celebrity account is read 50,000 times a second. What happens?",
                    "And how do you detect the hot key?"]
    first = di.interviewer_says(sessions=db.sessions, session_id=sid)
    assert first.startswith("One celebrity")
    second = di.interviewer_says(sessions=db.sessions, session_id=sid, reply="Replicate the hot rows.")
    assert second == "And how do you detect the hot key?"
    req = model.requests[-1]
    assert req["path"] == "/v1/chat/completions" and req["model"] == "scripted" and req["auth"] == "Bearer k-test"
    system = req["messages"][0]["content"]
    assert "Two code paths cause skew." in system and bank().get(PROMPT).probes[0] in system
    assert [m["role"] for m in req["messages"][1:]] == ["assistant", "user"]
    turns = di.conversation(sessions=db.sessions, session_id=sid)
    assert [(t.role, t.text[:10]) for t in turns] == [("interviewer", "One celebr"), ("candidate", "Replicate "),
                                                      ("interviewer", "And how do")]
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert [a.question for a in v.asked] == ["How fresh must features be?"]  # the clarify list is unchanged


@pytest.mark.parametrize("step, message", [
    (("status", 500), "answered 500"),
    (("sleep", 4), "did not answer within 2 seconds"),
    (("raw", "<html>not json</html>"), "not a chat completion"),
    (("raw", "{}"), "empty or unreadable"),
    ("", "empty or unreadable"),
])
def test_a_failing_slow_or_garbled_model_gives_a_clear_message_and_loses_nothing(
        model: FakeModel, db: Database, step: Any, message: str) -> None:
    sid = dp.start(sessions=db.sessions, prompt_id=PROMPT)
    dp.save_notes(sessions=db.sessions, session_id=sid, phase="framing", text="keep me")
    model.script = [step]
    with pytest.raises(di.ModelUnavailable, match=message):
        di.interviewer_says(sessions=db.sessions, session_id=sid, reply="my answer")
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert v.notes_of("framing") == "keep me"
    assert di.conversation(sessions=db.sessions, session_id=sid) == []


def test_the_grader_proposes_marks_with_quotes_checked_against_the_notes(model: FakeModel, db: Database) -> None:
    sid = _finished_session(db)
    model.script = ["```json\n" + json.dumps({"marks": [
        {"id": "skew-is-the-problem", "mark": "covered", "evidence": "skew between two code paths"},
        {"id": "registry", "mark": "partly", "evidence": "a registry of everything, versioned"},
        {"id": "invented-item", "mark": "covered", "evidence": ""},
        {"id": "freshness-tiers", "mark": "excellent", "evidence": ""},
    ]}) + "\n```"]
    got = di.propose_marks(sessions=db.sessions, session_id=sid)
    assert set(got) == {"skew-is-the-problem", "registry"}
    assert got["skew-is-the-problem"].evidence == "skew between two code paths"
    assert got["registry"].mark == "partly" and got["registry"].evidence == "" and got["registry"].unsupported
    assert model.requests[-1]["response_format"] == {"type": "json_object"}
    model.script = ["I think they did well overall."]
    with pytest.raises(di.ModelUnavailable, match="not JSON"):
        di.propose_marks(sessions=db.sessions, session_id=sid)
    model.script = [json.dumps({"verdict": "hire"})]
    with pytest.raises(di.ModelUnavailable, match="no list of marks"):
        di.propose_marks(sessions=db.sessions, session_id=sid)


def test_the_pages_show_the_interviewer_and_the_grader_only_when_set_up(
        browser: Any, model: FakeModel, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    browser.get(f"/design/{PROMPT}")
    r = browser.post(f"/design/{PROMPT}/start", htmx=False, follow_redirects=False)
    sid = int(r.headers["location"].rsplit("/", 1)[1])
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="interviewer"' in page and "Ask me a question" in page
    model.script = ["What is your latency budget for online reads?"]
    r = browser.post(f"/design/sessions/{sid}/interviewer", {"reply": ""})
    assert r.status_code == 200 and "latency budget for online reads" in r.text and 'data-role="interviewer"' in r.text
    model.script = [("status", 503)]
    r = browser.post(f"/design/sessions/{sid}/interviewer", {"reply": "Ten milliseconds at p99."})
    assert 'id="interviewer-error"' in r.text and "answered 503" in r.text
    assert "Ten milliseconds at p99.</textarea>" in r.text  # the reply is kept to send again

    browser.post(f"/design/sessions/{sid}/notes", {"phase": "framing", "text": "skew between two code paths"})
    browser.post(f"/design/sessions/{sid}/finish", htmx=False)
    page = browser.get(f"/design/sessions/{sid}").text
    assert 'id="ask-grader"' in page and 'id="interviewer-transcript"' in page
    model.script = [json.dumps({"marks": [
        {"id": "skew-is-the-problem", "mark": "partly", "evidence": "two code paths"}]})]
    r = browser.post(f"/design/sessions/{sid}/grade", htmx=False)
    assert r.status_code == 200 and 'id="grader-note"' in r.text
    assert 'data-proposed="partly"' in r.text and "<q>two code paths</q>" in r.text
    assert 'name="mark_skew-is-the-problem" value="partly" required checked' in r.text
    model.script = ["nonsense"]
    r = browser.post(f"/design/sessions/{sid}/grade", htmx=False)
    assert 'id="grader-error"' in r.text and "mark the items yourself" in r.text
    p = bank().get(PROMPT)
    form = {f"mark_{it.id}": "missed" for it in p.rubric}
    form.update({"mark_skew-is-the-problem": "covered", "proposed_skew-is-the-problem": "partly",
                 "evidence_skew-is-the-problem": "two code paths"})
    r = browser.post(f"/design/sessions/{sid}/marks", form, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    from rounds.storage.models_design import DesignSession
    with db.sessions() as s:
        row = s.get(DesignSession, sid)
        assert row is not None
        assert row.marks["skew-is-the-problem"] == {"mark": "covered", "signal": "problem-framing", "hinted": True,
                                                     "proposed": "partly", "evidence": "two code paths"}

    monkeypatch.delenv("ROUNDS_LLM_BASE_URL")
    sid2 = dp.start(sessions=db.sessions, prompt_id=PROMPT)
    page = browser.get(f"/design/sessions/{sid2}").text
    assert 'id="interviewer"' not in page


def test_the_terminal_interview_and_the_graders_proposals_at_finish(model: FakeModel, db: Database,
                                                                    tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from rounds.cli.app import app

    def run(*args: str, input: str = "") -> Any:
        return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})

    ws = tmp_path / "fs"
    assert run("design", "start", PROMPT, "--dir", str(ws)).exit_code == 0
    (ws / "1-framing.md").write_text("Skew between two code paths is the real problem.\n")
    model.script = ["What breaks first at 50,000 reads a second?", "How would you shard it?"]
    r = run("design", "interview", str(ws), input="Replicate the hot keys.\n\n")
    assert r.exit_code == 0, r.output
    assert "Interviewer: What breaks first" in r.output and "Interviewer: How would you shard it?" in r.output
    assert "Skew between two code paths" in model.requests[0]["messages"][0]["content"]  # the files were saved first
    p = bank().get(PROMPT)
    model.script = [json.dumps({"marks": [
        {"id": "skew-is-the-problem", "mark": "partly", "evidence": "two code paths"}]})]
    r = run("design", "finish", str(ws), input="\n" * len(p.rubric))
    assert r.exit_code == 0, r.output
    assert 'the grader proposes: partly "two code paths"' in r.output
    sid = json.loads((ws / ".rounds-design.json").read_text())["session"]
    v = dp.view(sessions=db.sessions, session_id=sid)
    assert {it.item.id: it.mark for it in v.items}["skew-is-the-problem"] == "partly"  # Enter took the proposal

    ws2 = tmp_path / "fs2"
    assert run("design", "start", PROMPT, "--dir", str(ws2)).exit_code == 0
    model.script = ["no json here"]
    r = run("design", "finish", str(ws2), input="\n" * len(p.rubric))
    assert r.exit_code == 0 and "the hint pre-fills the marks instead" in " ".join(r.output.split())  # however it wraps
