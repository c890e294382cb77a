"""A short loop in headless Chromium against a real `rounds serve`: a five-card screen, then a small coding
problem judged in the sandbox with blind feedback, then the scorecard with its chart."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from test_web_cards_e2e import _answer
from test_web_e2e import (  # noqa: F401  (the browser, a profile)
    DIST,
    RUNNING,
    WEB_BANK,
    _free_port,
    _rounds_command,
    _shot,
    _type_code,
    _wait_results,
    chromium,
    page,
)

SHORT_LOOP = """
[loop]
id = "short-loop"
title = "Short loop"
break_minutes = 1

[[round]]
kind = "cards-screen"
title = "Fundamentals quick-fire"
minutes = 5
questions = 5
decks = ["activations", "losses"]

[[round]]
kind = "coding"
title = "Small coding problem"
minutes = 10
tracks = ["algo"]
difficulty = ["easy"]
tags = ["prefix-sum"]
"""


@pytest.fixture(scope="module")
def loop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`rounds serve` on a data folder holding the short loop template among the user's own."""
    assert DIST.exists(), "the browser bundle is not built: run scripts/build-web"
    data = tmp_path_factory.mktemp("data")
    (data / "loops").mkdir()
    (data / "loops" / "short-loop.toml").write_text(SHORT_LOOP, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "ROUNDS_BANK_PATH": str(WEB_BANK), "ROUNDS_WORKERS": "1"}
    env.pop("ROUNDS_DATABASE_URL", None)
    log = (data / "serve.log").open("w")
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
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


def test_a_two_round_loop_end_to_end_and_its_scorecard(loop_server: str, page: Page) -> None:  # noqa: F811
    server = loop_server
    page.goto(server + "/loops")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Loops")
    row = page.locator("tr[data-template=short-loop]")
    expect(row).to_contain_text("Fundamentals quick-fire")
    row.locator("button[type=submit]").click()

    # the agenda, then round 1: a phone screen on its own page, its clock kept by the server
    expect(page.locator("#loop-now")).to_have_attribute("data-phase", "ready")
    expect(page.locator("#loop-agenda tbody tr")).to_have_count(2)
    expect(page.locator("#loop-agenda")).to_contain_text("algo/running-total")
    _shot(page, "loop-agenda")
    page.click("#start-round")
    expect(page.locator("#screen-question")).to_be_visible()
    opens = []
    for n in range(5):
        expect(page.locator("#screen-question h2")).to_have_text(f"Question {n + 1} of 5")
        kind = _answer(page, "#screen-question")
        if kind == "open":
            opens.append(n)
        if kind == "computed":
            page.press("#answer", "Enter")
        else:
            page.click("#next-question")
    expect(page.locator("#reveal-intro")).to_be_visible()
    for n in opens:
        page.check(f"input[name=rating_{n}][value='3']")
    page.click("#give-verdict")
    expect(page.locator("#verdict")).to_have_attribute("data-verdict", "pass")

    # back to the loop: the screen answered to the end ended the round; the break is on
    page.goto(server + "/loops")
    page.click("#loop-on a")
    expect(page.locator("#loop-now")).to_have_attribute("data-phase", "break")
    expect(page.locator("#loop-now .clock-time")).to_have_text(re.compile(r"\d:\d\d"))
    expect(page.locator("#loop-agenda tr[data-round='0']")).to_contain_text("5/5 cards")

    # round 2: a coding attempt in blind feedback, judged in the sandbox
    page.click("#start-round")
    expect(page).to_have_url(re.compile(r"/p/algo/running-total\?attempt=\d+$"))
    page.goto(server + "/loops")  # the loop page: the round on, its clock, the way back into it
    page.click("#loop-on a")
    expect(page.locator("#loop-now")).to_have_attribute("data-phase", "round")
    expect(page.locator("#current-title")).to_have_text("Small coding problem")
    expect(page.locator("#loop-now .clock-time")).to_have_text(re.compile(r"^(9|10):\d\d"))
    _shot(page, "loop-round-on")
    page.click("#round-link")
    expect(page).to_have_url(re.compile(r"/p/algo/running-total\?attempt=\d+$"))
    _type_code(page, RUNNING)
    page.click("#submit-button")
    _wait_results(page, "Submission: hidden tests")
    page.goto(server + "/loops")
    page.click("#loop-runs a >> nth=0")  # every level passed: the round and the loop are over
    expect(page.locator("#loop-now")).to_have_attribute("data-phase", "done")

    # the scorecard: an estimate per round with its evidence, and the signals drawn
    page.click("#read-scorecard")
    rounds = page.locator("#scorecard-rounds tbody tr")
    expect(rounds).to_have_count(2)
    expect(rounds.nth(0).locator(".estimate")).to_have_text("hire")
    expect(rounds.nth(0)).to_contain_text("5 of 5 questions graded Hard or better")
    expect(rounds.nth(1)).to_contain_text("1 of 1 level passed")
    expect(rounds.nth(1).locator(".estimate")).to_have_text(re.compile(r"^(hire|lean hire)$"))
    expect(page.locator("#overall")).to_contain_text("hire")
    expect(page.locator("canvas[data-chart=chart-loop-signals]")).to_have_attribute("data-drawn", "1")
    expect(page.locator("#signals tr[data-signal=correctness]")).to_contain_text("100")
    _shot(page, "loop-scorecard")


def test_the_loop_pages_fit_a_half_screen_window(loop_server: str, chromium) -> None:  # noqa: F811
    from test_web_newcomer import OVERFLOW_JS

    context = chromium.new_context(viewport={"width": 800, "height": 900})
    pg = context.new_page()
    pg.goto(loop_server + "/loops")
    if not pg.locator("#loop-runs").count():  # run alone: a loop to show
        pg.locator("tr[data-template=short-loop] button[type=submit]").click()
        pg.goto(loop_server + "/loops")
    run = pg.locator("#loop-runs tbody tr").first.get_attribute("data-run")
    for path in ("/loops", f"/loops/{run}", f"/loops/{run}/scorecard", "/review"):
        pg.goto(loop_server + path)
        expect(pg.locator("main h1").first).to_be_visible()
        pg.wait_for_load_state("load")
        got = pg.evaluate(OVERFLOW_JS)
        assert got["scroll"] <= got["width"] and not got["wide"], (path, got)
    context.close()
