"""A design round in headless Chromium against a real `rounds serve`: questions, notes, a drawn diagram, marks,
and the round ended by its clock while its page is open."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect
from test_web_design_llm import FakeModel
from test_web_e2e import VIEWPORT, _free_port, _rounds_command, _shot, chromium, page, server  # noqa: F401

from rounds.content.design import Prompt, RubricItem, answer_clarifying, bank
from rounds.services.design_practice import GRACE_S
from rounds.storage.db import open_database
from rounds.storage.models_design import DesignSession

PROMPT = "infra/feature-store"


def _first(p: Prompt, phase: str) -> RubricItem:
    """The prompt's first rubric item of a phase: the tests write its words into the notes."""
    return next(r for r in p.rubric if r.phase == phase)


def _start(page: Page, server: str) -> None:  # noqa: F811
    page.goto(server + "/design")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Design")
    page.click(f"a[href='/design/{PROMPT}']")
    page.click("#start-design")
    expect(page.locator("#opening")).to_contain_text("The interviewer")


def test_a_design_round_from_the_opening_line_to_the_revealed_outline(server: str, page: Page) -> None:  # noqa: F811
    p = bank().get(PROMPT)
    framing, high = _first(p, "framing"), _first(p, "high-level")
    _start(page, server)
    expect(page.locator("#phase-clock .clock-time")).to_have_text(re.compile(r"^framing · \d+:\d\d left$"))
    expect(page.locator("#overrun-warning")).to_be_hidden()

    question = p.clarify[0].question
    page.fill("#clarify-question", question)
    page.click("#clarify-ask")
    answer = page.locator("#clarify-list li").first
    expect(answer).to_contain_text("The interviewer would say:")
    expect(answer).to_contain_text(answer_clarifying(p, question)[:30])
    expect(page.locator("#clarify-question")).to_be_focused()

    page.locator("#notes-text-framing").fill(f"The real problem: **{framing.synonyms[0]}**.")
    expect(page.locator("#design-save-status")).to_have_attribute("data-state", "saved")
    page.locator("#notes-text-high-level").fill(f"- {high.synonyms[0]}\n- the components and the data flow")
    expect(page.locator("#design-save-status")).to_have_attribute("data-state", "saved")

    page.locator("#diagram-source").fill("flowchart LR\n  events --> stream[stream jobs]\n  stream --> online[(online store)]")
    expect(page.locator("#diagram-preview svg")).to_be_visible()
    expect(page.locator("#diagram-preview")).to_contain_text("online store")
    _shot(page, "design-session")

    page.reload()  # nothing is lost, the clock is the server's
    expect(page.locator("#notes-text-high-level")).to_have_value(re.compile("the components and the data flow"))
    expect(page.locator("#diagram-preview svg")).to_be_visible()

    page.click("#next-phase")
    expect(page.locator("#phasebar li.current")).to_have_attribute("data-phase", "high-level")
    expect(page.locator("#phase-clock .clock-time")).to_have_text(re.compile(r"^high-level · \d+:\d\d left$"))

    page.once("dialog", lambda d: d.accept())
    page.click("#finish-design")
    expect(page.locator("#rubric")).to_be_visible()
    expect(page.locator("#hint-label")).to_contain_text("not a grade")
    first = page.locator(f".rubric-item[data-item={framing.id}]")
    expect(first).to_have_attribute("data-hinted", "yes")
    expect(first.locator("input[value=covered]")).to_be_checked()
    expect(first.locator(".rubric-notes")).to_contain_text("The real problem")
    expect(page.locator("#probes")).to_have_count(0)
    second = page.locator(f".rubric-item[data-item={high.id}]")
    expect(second.locator("input[value=covered]")).to_be_checked()  # the hint found its word
    second.locator("input[value=partly]").check()
    _shot(page, "design-rubric")
    page.click("#save-marks")

    expect(page.locator("#reveal")).to_be_visible()
    expect(page.locator(f"#marks-table tr[data-item={high.id}]")).to_have_attribute("data-mark", "partly")
    expect(page.locator(".outline-phase")).to_have_count(5)
    expect(page.locator("#probes li")).to_have_count(len(p.probes))
    expect(page.locator("#pitfalls li")).to_have_count(len(p.pitfalls))
    expect(page.locator(".mermaid-view svg")).to_be_visible()
    _shot(page, "design-reveal")

    page.goto(server + "/design")
    row = page.locator("#design-sessions tr").filter(has_text=p.title)
    expect(row).to_contain_text("marked")
    expect(page.locator("#scorecard tr[data-signal=problem-framing]")).to_contain_text("%")


def test_notes_typed_just_before_leaving_are_kept(server: str, page: Page) -> None:  # noqa: F811
    _start(page, server)
    url = page.url
    page.locator("#notes-text-deep-dives").fill("hot keys: replicate the celebrity rows")
    page.goto(server + "/design")  # at once: the page flushes on its way out
    page.goto(url)
    expect(page.locator("#notes-text-deep-dives")).to_have_value("hot keys: replicate the celebrity rows")


def test_a_diagram_that_does_not_parse_says_so_and_keeps_the_text(server: str, page: Page) -> None:  # noqa: F811
    _start(page, server)
    page.locator("#diagram-source").fill("flowchart LR\n  a -->")
    expect(page.locator("#diagram-preview .diagram-error")).to_contain_text("Not drawn yet")
    expect(page.locator("#diagram-source")).to_have_value("flowchart LR\n  a -->")


def test_the_scorecard_draws_signals_over_marked_sessions(server: str, page: Page) -> None:  # noqa: F811
    for _ in range(2):
        _start(page, server)
        page.once("dialog", lambda d: d.accept())
        page.click("#finish-design")
        page.click("#save-marks")  # the hint's marks, as they stand
        expect(page.locator("#reveal")).to_be_visible()
    page.goto(server + "/design")
    expect(page.locator("canvas[data-chart=chart-design-scorecard]")).to_have_attribute("data-drawn", "1")
    expect(page.locator("#scorecard tr[data-signal=architecture]")).to_be_visible()
    page.locator("#scorecard-title").scroll_into_view_if_needed()
    _shot(page, "design-scorecard")


@pytest.fixture(scope="module")
def model() -> Iterator[FakeModel]:
    fake = FakeModel()
    yield fake
    fake.close()


@contextmanager
def _serving(data: Path, **extra: str) -> Iterator[str]:
    """`rounds serve` on a data folder of its own (``extra``: more environment); yields its address."""
    port = _free_port()
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "ROUNDS_WORKERS": "1", **extra}
    env.pop("ROUNDS_DATABASE_URL", None)
    with (data / "serve.log").open("w") as log:
        proc = subprocess.Popen([*_rounds_command(), "serve", "--port", str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("rounds serve did not start:\n" + (data / "serve.log").read_text())
            time.sleep(0.2)
        try:
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory, model: FakeModel) -> Iterator[str]:
    """`rounds serve` with the optional interviewer pointed at the local scripted model."""
    with _serving(tmp_path_factory.mktemp("llm-data"), ROUNDS_LLM_BASE_URL=model.url, ROUNDS_LLM_MODEL="scripted",
                  ROUNDS_LLM_TIMEOUT="5") as base:
        yield base


def test_the_model_interviewer_and_grader_in_the_browser(llm_server: str, model: FakeModel, page: Page) -> None:  # noqa: F811
    item_id = _first(bank().get(PROMPT), "framing").id
    _start(page, llm_server)
    page.locator("#notes-text-framing").fill("The real problem is skew between two code paths.")
    expect(page.locator("#design-save-status")).to_have_attribute("data-state", "saved")
    model.script = ["One account is read 50,000 times a second. What happens to your online store?"]
    page.click("#interviewer-send")
    expect(page.locator("#interviewer-chat li[data-role=interviewer]")).to_contain_text("50,000 times a second")
    model.script = [("status", 500)]
    page.fill("#interviewer-reply", "Replicate the hot keys across shards.")
    page.click("#interviewer-send")
    expect(page.locator("#interviewer-error")).to_contain_text("answered 500")
    expect(page.locator("#interviewer-reply")).to_have_value("Replicate the hot keys across shards.")
    expect(page.locator("#notes-text-framing")).to_have_value("The real problem is skew between two code paths.")

    page.once("dialog", lambda d: d.accept())
    page.click("#finish-design")
    model.script = [json.dumps({"marks": [
        {"id": item_id, "mark": "partly", "evidence": "skew between two code paths"}]})]
    page.click("#ask-grader")
    item = page.locator(f".rubric-item[data-item={item_id}]")
    expect(item.locator(".grader-proposal")).to_contain_text("the grader proposes: partly")
    expect(item.locator("q")).to_have_text("skew between two code paths")
    expect(item.locator("input[type=radio][value=partly]")).to_be_checked()
    item.locator("input[value=covered]").check()  # the user overrules it
    _shot(page, "design-grader")
    page.click("#save-marks")
    expect(page.locator(f"#marks-table tr[data-item={item_id}]")).to_have_attribute("data-mark", "covered")


def test_a_draft_left_in_the_browser_by_a_crash_is_put_back_and_saved(server: str, page: Page) -> None:  # noqa: F811
    _start(page, server)
    sid = page.locator("#design-session").get_attribute("data-session")
    # what a tab that died before its save leaves behind: a local draft newer than the server's copy
    page.evaluate("""(sid) => localStorage.setItem(`rounds-design-${sid}-wrap-up`,
        JSON.stringify({text: "risks: the online store's p99", at: new Date(Date.now() + 60000).toISOString()}))""", sid)
    page.reload()
    expect(page.locator("#notes-text-wrap-up")).to_have_value("risks: the online store's p99")
    expect(page.locator("#design-save-status")).to_have_attribute("data-state", "saved")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    expect(page.locator("#notes-text-wrap-up")).to_have_value("risks: the online store's p99")


def test_the_diagram_is_drawn_again_in_the_dark_theme(server: str, page: Page) -> None:  # noqa: F811
    _start(page, server)
    page.locator("#diagram-source").fill("flowchart LR\n  a --> b")
    expect(page.locator("#diagram-preview svg")).to_be_visible()
    before = page.locator("#diagram-preview svg").get_attribute("id")
    page.click("#theme-toggle")
    expect(page.locator("#diagram-preview svg")).not_to_have_attribute("id", before or "")
    expect(page.locator("#diagram-preview svg")).to_be_visible()
    _shot(page, "design-dark")


# ---------------------------------------------------------------- time's up ends the round


@pytest.fixture(scope="module")
def clock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`rounds serve` and its data folder, so that a test can move a session's start back in its database."""
    data = tmp_path_factory.mktemp("clock-data")
    with _serving(data) as base:
        yield base, data


@pytest.fixture
def ending_page(chromium: Browser) -> Iterator[Page]:  # noqa: F811
    """A fresh browser profile; fails the test on any script error. A note sent after the round's time ran
    out is refused with 409, which the browser reports as a failed request: that one is expected."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    pg = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "status of 409" not in msg.text:
            problems.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    yield pg
    context.close()
    assert not problems, problems


def _move_back(data: Path, sid: int, seconds: float) -> None:
    """As if the session had started ``seconds`` earlier: the server's clock is what ends the round."""
    db = open_database(f"sqlite:///{data / 'rounds.db'}")
    try:
        with db.sessions.begin() as s:
            row = s.get(DesignSession, sid)
            assert row is not None
            row.started_at = row.started_at - timedelta(seconds=seconds)
            row.phase_started_at = row.phase_started_at - timedelta(seconds=seconds)
    finally:
        db.engine.dispose()


def _session_id(pg: Page) -> int:
    return int(pg.locator("#design-session").get_attribute("data-session") or 0)


def test_time_running_out_ends_the_round_on_the_open_page_and_keeps_the_text(
        clock_server: tuple[str, Path], ending_page: Page) -> None:
    base, data = clock_server
    pg = ending_page
    p = bank().get(PROMPT)
    framing = _first(p, "framing")

    # 1. the page's own clock reaches the end: the minutes are up, then the grace runs out
    _start(pg, base)
    sid = _session_id(pg)
    pg.locator("#notes-text-framing").fill(f"The real problem: {framing.synonyms[0]}.")
    expect(pg.locator("#design-save-status")).to_have_attribute("data-state", "saved")
    _move_back(data, sid, p.minutes * 60 + GRACE_S - 5)  # the round ends in 5 seconds
    pg.reload()
    expect(pg.locator("#round-over")).to_be_visible()
    expect(pg.locator("#round-ends-in")).to_have_text(re.compile(r"^in 0:0\d$"))
    expect(pg.locator("#round-ended")).to_be_visible(timeout=15_000)
    expect(pg.locator("#phase-clock .clock-time")).to_have_text("time ran out")
    expect(pg.locator("#notes-text-framing")).to_have_value(f"The real problem: {framing.synonyms[0]}.")
    expect(pg.locator("#notes-text-framing")).not_to_be_editable()
    expect(pg.locator("#finish-design")).to_be_hidden()
    expect(pg.locator("#clarify-question")).to_be_hidden()
    expect(pg.locator("#round-ended-unsaved")).to_be_hidden()  # everything had been saved
    _shot(pg, "design-time-ran-out")
    pg.click("#to-rubric")
    expect(pg.locator("#rubric")).to_be_visible()
    expect(pg.locator("#time-ran-out")).to_be_visible()
    expect(pg.locator(f".rubric-item[data-item={framing.id}] .rubric-notes")).to_contain_text("The real problem")

    # 2. the server's clock ended the round first (another tab, a laptop asleep): the next save says so
    _start(pg, base)
    sid = _session_id(pg)
    pg.locator("#notes-text-framing").fill("saved in time")
    expect(pg.locator("#design-save-status")).to_have_attribute("data-state", "saved")
    _move_back(data, sid, p.minutes * 60 + 10 * 60)  # the page still counts; the server has ended it
    pg.locator("#notes-text-deep-dives").fill("hot keys: typed after the end")
    expect(pg.locator("#round-ended")).to_be_visible()
    expect(pg.locator("#round-ended-unsaved")).to_be_visible()
    expect(pg.locator("#design-save-status")).to_contain_text("the time ran out")
    expect(pg.locator("#notes-text-deep-dives")).to_have_value("hot keys: typed after the end")
    expect(pg.locator("#notes-text-deep-dives")).not_to_be_editable()
    draft = pg.evaluate("(sid) => localStorage.getItem(`rounds-design-${sid}-deep-dives`)", sid)
    assert draft and "typed after the end" in draft  # the local draft is kept
    pg.click("#to-rubric")
    expect(pg.locator("#time-ran-out")).to_be_visible()
    expect(pg.locator("#unsaved-drafts [data-draft=deep-dives]")).to_contain_text("typed after the end")
    expect(pg.locator(f".rubric-item[data-item={framing.id}] .rubric-notes")).to_contain_text("saved in time")
    pg.click("#save-marks")  # self-marking after the end
    expect(pg.locator("#reveal")).to_be_visible()
    pg.click("#forget-drafts")
    expect(pg.locator("#unsaved-drafts")).to_be_hidden()
    pg.goto(base + "/design")
    expect(pg.locator(f"#design-sessions tr[data-session='{sid}']")).to_contain_text("time ran out")
