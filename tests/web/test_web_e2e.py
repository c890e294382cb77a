"""End-to-end flows in headless Chromium against a real `rounds serve` on a free localhost port."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
WEB_BANK = Path(__file__).resolve().parent / "bank"
ARTIFACTS = ROOT / "test-artifacts"
DIST = ROOT / "src" / "rounds" / "web" / "static" / "dist" / "app.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}
expect.set_options(timeout=15_000)  # the machine is shared: give pages time under load

KAHN = """from collections import deque

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
"""

TALLY_L1 = """class Tally:
    def __init__(self):
        self.c = {}

    def add(self, key, n):
        self.c[key] = self.c.get(key, 0) + n
        return self.c[key]

    def get(self, key):
        return self.c.get(key, 0)
"""

RUNNING = """def running_total(xs):
    out, t = [], 0
    for x in xs:
        t += x
        out.append(t)
    return out
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rounds_command() -> list[str]:
    script = Path(sys.executable).with_name("rounds")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from rounds.cli.app import main; main()"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert DIST.exists(), "the browser bundle is not built: run scripts/build-web"
    data = tmp_path_factory.mktemp("data")
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


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser profile; fails the test on any script error or CSP violation."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    pg = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "status of 403" not in msg.text:
            problems.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    yield pg
    context.close()
    assert not problems, problems


def _type_code(page: Page, code: str) -> None:
    page.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved", timeout=10_000)


def _editor_text(page: Page) -> str:
    return str(page.evaluate("window.roundsEditor.state.doc.toString()"))


def _wait_results(page: Page, title: str, *, not_id: str | None = None) -> Any:
    """The finished job titled ``title`` in the results area (a newer one than ``not_id``)."""
    job = page.locator("#results .job[data-done=yes]", has_text=title)
    if not_id:
        job = job.and_(page.locator(f"#results .job:not(#{not_id})"))
    expect(job).to_be_visible(timeout=90_000)
    return job


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_catalog_filters_and_search(server: str, page: Page) -> None:
    page.goto(server + "/catalog")
    rows = page.locator("#catalog-results tbody tr")
    expect(rows.filter(has_text="Course Schedule II")).to_have_count(1)
    page.select_option("#track", "oop")
    expect(rows.filter(has_text="Course Schedule II")).to_have_count(0)
    expect(rows.filter(has_text="Tally: counters by key")).to_have_count(1)
    page.fill("#q", "tally")
    expect(rows).to_have_count(1)
    assert "track=oop" in page.url and "q=tally" in page.url
    page.check("#hide-difficulty")
    assert "hide-difficulty" in (page.get_attribute("html", "class") or "")
    expect(rows.first.locator("td.difficulty .pill")).to_be_hidden()
    page.reload()
    expect(page.locator("#hide-difficulty")).to_be_checked()


def test_solve_a_function_problem(server: str, page: Page) -> None:
    page.goto(server + "/p/algo/course-schedule-ii")
    expect(page.locator(".statement h2", has_text="Contract")).to_be_visible()
    _type_code(page, KAHN)
    page.click("#run-button")
    run = _wait_results(page, "Run: examples")
    expect(run.locator(".summary")).to_contain_text("Accepted: 3/3 tests passed")
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".summary")).to_contain_text("AC Accepted")
    expect(page.locator("#editorial h2", has_text="Editorial")).to_be_visible()
    # The attempt is complete: the panel to start a new one is there without a reload.
    expect(page.locator(".start-panel")).to_contain_text("You completed this problem")
    expect(page.locator("#start-button")).to_have_text("Start a new attempt")
    _shot(page, "problem-accepted-light")


def test_a_failing_test_shows_the_failing_steps(server: str, page: Page) -> None:
    page.goto(server + "/p/oop/tally")
    _type_code(page, TALLY_L1.replace("self.c.get(key, 0)\n", "self.c.get(key)\n"))
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".summary")).to_contain_text("Wrong answer")
    table = sub.locator("table.steps").first
    expect(table.locator("caption")).to_have_text("Shortest failing sequence")
    bad = table.locator("tr.bad").first
    expect(bad).to_contain_text("get(")
    expect(bad).to_contain_text("None")
    _shot(page, "problem-feedback-light")


def test_passing_level_one_unlocks_level_two(server: str, page: Page) -> None:
    page.goto(server + "/p/oop/tally")
    expect(page.locator("#statement")).not_to_contain_text("Take counts away again.")
    _type_code(page, TALLY_L1)
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub).to_contain_text("Level 2 unlocked")
    expect(page.locator("#statement")).to_contain_text("Take counts away again.")
    expect(page.locator("#levelbar li.current")).to_contain_text("L2")
    page.reload()
    expect(page.locator("#statement")).to_contain_text("Take counts away again.")


def test_reload_mid_attempt_keeps_the_code(server: str, page: Page) -> None:
    page.goto(server + "/p/algo/running-total")
    expect(page.locator("#statement .math .katex").first).to_be_visible()  # maths typeset by KaTeX
    _type_code(page, RUNNING + "\n# half-way: keep this line\n")
    expect(page.locator("#clock-holder .clock")).to_be_visible()
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("# half-way: keep this line")
    assert "# half-way: keep this line" in _editor_text(page)


def test_progress_page_draws_its_charts(server: str, page: Page) -> None:
    page.goto(server + "/progress")
    drawn = page.locator("canvas[data-drawn]")
    expect(drawn.first).to_be_visible()
    assert drawn.count() >= 1
    pixels = page.evaluate("document.querySelector('canvas[data-drawn]').toDataURL().length")
    assert pixels > 2000  # a blank canvas encodes to a few hundred bytes
    expect(page.locator('canvas[data-chart="chart-heatmap"][data-drawn]')).to_be_visible()
    assert page.evaluate("document.querySelector('canvas[data-chart=\"chart-heatmap\"]').chart.data.datasets[0].data.length") > 360


def test_a_cross_origin_post_is_refused(server: str, page: Page, tmp_path: Path) -> None:
    target = server + "/p/algo/running-total/code"
    (tmp_path / "index.html").write_text(
        '<link rel="icon" href="data:,">'
        f'<form id="f" method="post" action="{target}"><input name="code" value="stolen = True"></form>'
        '<script>document.getElementById("f").submit()</script>')
    handler = lambda *a, **kw: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **kw)  # noqa: E731
    evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        with page.expect_navigation(url=target):
            page.goto(f"http://127.0.0.1:{evil.server_address[1]}/index.html")
        expect(page.locator("body")).to_contain_text("Refused")
    finally:
        evil.shutdown()
    page.goto(server + "/p/algo/running-total")
    assert "stolen = True" not in _editor_text(page)


def test_submit_with_the_keyboard_only(server: str, page: Page) -> None:
    page.goto(server + "/p/algo/running-total")
    for _ in range(40):
        if page.evaluate("document.activeElement.classList.contains('cm-content')"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the editor cannot be reached with Tab")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(RUNNING)
    page.keyboard.press("Control+Shift+Enter")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".summary")).to_contain_text("AC Accepted")
    # Escape, then Tab leaves the editor: the keyboard is never trapped.
    page.locator(".cm-content").focus()
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cm-content')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_pages_render_in_both_themes(server: str, chromium: Browser, scheme: str) -> None:
    context = chromium.new_context(viewport=VIEWPORT, color_scheme=scheme)  # type: ignore[arg-type]
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, path in [("today", "/"), ("catalog", "/catalog"), ("problem", "/p/oop/tally"),
                       ("history", "/history"), ("progress", "/progress")]:
        pg.goto(server + path)
        expect(pg.locator("main h1").first).to_be_visible()
        if name == "problem":
            expect(pg.locator(".cm-editor")).to_be_visible()
        if name == "progress":
            expect(pg.locator("canvas[data-drawn]").first).to_be_visible()
        bg = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (bg == "rgb(255, 255, 255)") == (scheme == "light")
        _shot(pg, f"{name}-{scheme}")
    context.close()
    assert not errors, errors


def test_history_diff_after_two_runs(server: str, page: Page) -> None:
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING)
    page.click("#run-button")
    first = _wait_results(page, "Run: examples").get_attribute("id")
    _type_code(page, RUNNING.replace("out, t = [], 0", "out, t = [], 0  # start at zero"))
    page.click("#run-button")
    job = _wait_results(page, "Run: examples", not_id=first)
    job.locator("a", has_text="Run ").click()
    expect(page.locator(".diff .add")).to_contain_text("# start at zero")
    _shot(page, "history-diff-light")


def test_no_third_party_host_is_contacted(server: str, page: Page) -> None:
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    for path in ("/", "/catalog", "/p/algo/course-schedule-ii", "/progress"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {server.split("/")[2]}



def test_theme_switch_is_remembered(server: str, page: Page) -> None:
    page.goto(server + "/catalog")
    toggle = page.locator("#theme-toggle")
    expect(toggle).to_have_text("Dark theme")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.goto(server + "/progress")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
