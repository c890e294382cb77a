"""The story coach against a local OpenAI-compatible server with a scripted answer; offline, the guided form."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from rounds.services import story_coach

NOTES = ("Friday launch of the new ranker. Offline metrics looked great but I found label leakage in the "
         "training join. Told my manager with two plots. We slipped one week. CTR went up 3.1% after launch.")


class FakeModel:
    """Answers every chat completion with the next scripted content; records what it was sent."""

    def __init__(self) -> None:
        self.script: list[str] = []
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                fake.requests.append(body)
                content = fake.script.pop(0) if fake.script else "{}"
                out = json.dumps({"id": "c", "object": "chat.completion", "created": 0, "model": body["model"],
                                  "choices": [{"index": 0, "finish_reason": "stop",
                                               "message": {"role": "assistant", "content": content}}]}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModel]:
    fake = FakeModel()
    monkeypatch.setenv("ROUNDS_LLM_BASE_URL", fake.url)
    monkeypatch.setenv("ROUNDS_LLM_MODEL", "coach-test")
    monkeypatch.setenv("ROUNDS_LLM_TIMEOUT", "10")
    yield fake
    fake.close()


DRAFT = {
    "title": "Slipping a launch for label leakage",
    "situation": [{"text": "We were about to launch a new ranker on Friday.", "source": "Friday launch of the new ranker"}],
    "action": [{"text": "I found label leakage in the training join and showed my manager two plots.",
                "source": "I found label leakage in the training join"},
               {"text": "I rallied three teams overnight.", "source": "rallied three teams"}],
    "impact": [{"text": "We slipped a week; CTR rose 3.1% after launch.", "source": "CTR went up 3.1% after launch"}],
    "learning": [],
    "values": [{"id": "dive-deep", "how": "Found the leak by reading the join myself.",
                "source": "found label leakage in the training join"},
               {"id": "made-up-value", "how": "x", "source": "y"}],
    "missing": ["What the offline numbers were before and after the fix"],
}


def test_the_draft_shows_sources_marks_the_invented_and_fills_the_form(browser: Any, model: FakeModel) -> None:
    page = browser.get("/stories/coach?company=amazon&question=disagreed-with-manager")
    assert 'id="coach-send"' in page.text and model.url in page.text
    assert model.requests == []  # nothing is sent before the button
    model.script.append(json.dumps(DRAFT))
    r = browser.post("/stories/coach", {"notes": NOTES, "company": "amazon", "question": "disagreed-with-manager"},
                     htmx=False)
    assert r.status_code == 200, r.text
    sent = model.requests[0]
    assert sent["model"] == "coach-test" and NOTES in sent["messages"][1]["content"]
    assert "Invent nothing" in sent["messages"][0]["content"] and "Dive Deep" in sent["messages"][1]["content"]
    assert r.text.count('data-supported="yes"') == 4 and r.text.count('data-supported="no"') == 1
    assert "from your notes: “CTR went up 3.1% after launch”" in r.text
    assert 'id="draft-unsupported">1 sentence could not be traced' in r.text
    assert "made-up-value" not in r.text and "What the offline numbers were" in r.text
    form = r.text[r.text.index('id="story-form"'):]
    assert "I found label leakage in the training join and showed my manager two plots." in form
    assert "rallied three teams" not in form
    assert 'value="Slipping a launch for label leakage"' in form and 'name="companies" value="amazon"' in form


def test_a_garbled_answer_says_so_and_keeps_the_notes(browser: Any, model: FakeModel) -> None:
    model.script.append("I am not JSON")
    r = browser.post("/stories/coach", {"notes": NOTES}, htmx=False)
    assert r.status_code == 400 and "not JSON" in r.text and "label leakage in the training join" in r.text


def test_offline_the_same_step_is_a_guided_form(browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROUNDS_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("ROUNDS_LLM_MODEL", raising=False)
    page = browser.get("/stories/coach?company=amazon&question=disagreed-with-manager")
    assert page.status_code == 200 and 'id="coach-send"' not in page.text
    assert "What did you do yourself (I, not we)?" in page.text
    assert 'id="coach-values"' in page.text and "Dive Deep" in page.text and 'id="coach-listening"' in page.text
    with pytest.raises(story_coach.ModelUnavailable, match="guided form"):
        story_coach.draft(NOTES)
    r = browser.post("/stories", {"title": "Guided", "situation": "s", "action": "a", "impact": "i", "learning": "l",
                                  "notes": "", "signals": "conflict", "companies": "amazon", "project": "",
                                  "questions": "disagreed-with-manager"}, htmx=False)
    assert "added story" in r.text
