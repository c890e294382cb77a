"""A newcomer's first hour in the browser: clocks that stop, attempts with addresses, drafts that survive."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_web_e2e import (  # noqa: F401
    DIST,
    RUNNING,
    TALLY_L1,
    WEB_BANK,
    _editor_text,
    _free_port,
    _rounds_command,
    _type_code,
    _wait_results,
    chromium,
    page,
)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "ROUNDS_BANK_PATH": str(WEB_BANK), "ROUNDS_WORKERS": "1"}
    env.pop("ROUNDS_DATABASE_URL", None)
    return env


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[str]:
    """`rounds serve` on a free port, its data dir shared with the terminal commands of `cli`."""
    assert DIST.exists(), "the browser bundle is not built: run scripts/build-web"
    port = _free_port()
    log = (data_dir / "serve.log").open("w")
    proc = subprocess.Popen([*_rounds_command(), "serve", "--port", str(port)], env=_env(data_dir), stdout=log,
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
            raise AssertionError("rounds serve did not start:\n" + (data_dir / "serve.log").read_text())
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


def cli(data: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A terminal command on the same data as the browser."""
    return subprocess.run([*_rounds_command(), *args], env=_env(data) | {"COLUMNS": "200"}, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_a_solved_problem_shows_its_final_time_frozen(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING)
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".summary")).to_contain_text("AC Accepted")
    final = page.locator("#clock-holder #final-time")
    expect(final).to_contain_text("finished in")
    shown = final.inner_text()
    time.sleep(2.2)
    assert final.inner_text() == shown  # it does not tick
    page.reload()
    expect(page.locator("#clock-holder #final-time")).to_have_text(shown)
    time.sleep(1.5)
    expect(page.locator("#clock-holder #final-time")).to_have_text(shown)
    page.goto(server + "/history")
    row = page.locator("tbody tr", has_text="Running total").first
    expect(row.locator(".attempt-time")).to_have_text(shown.split("finished in ")[1].split(" / ")[0])
    expect(row.locator(".attempt-score")).to_contain_text("600")


def test_terminal_and_browser_share_one_attempt(server: str, page: Page, data_dir: Path,  # noqa: F811
                                                 tmp_path: Path) -> None:
    r = cli(data_dir, tmp_path, "start", "oop/tally", "--mode", "full", "--dir", "ws")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "?attempt=" in r.stdout
    full_id = r.stdout.split("?attempt=")[1].split()[0]

    page.goto(server + "/")
    link = page.locator("a", has_text="Tally").and_(page.locator(f'a[href$="?attempt={full_id}"]'))
    expect(link.first).to_be_visible()
    link.first.click()
    expect(page.locator("#clock-holder .clock")).to_contain_text("left")  # the full attempt's countdown
    _type_code(page, TALLY_L1 + "# typed in the browser\n")

    r = cli(data_dir, tmp_path, "start", "oop/tally", "--dir", "ws2")
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Resumed attempt {full_id}" in r.stdout
    assert "# typed in the browser" in (tmp_path / "ws2" / "solution.py").read_text()

    r = cli(data_dir, tmp_path, "start", "oop/tally", "--mode", "drill", "--dir", "ws3")
    assert r.returncode == 2 and "--new" in r.stderr

    r = cli(data_dir, tmp_path, "start", "oop/tally", "--new", "--dir", "ws3")
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Attempt {full_id} (full mode) stays open" in r.stdout
    new_id = r.stdout.split("Started attempt ")[1].split()[0]

    page.goto(server + f"/p/oop/tally?attempt={full_id}")
    expect(page.locator("#clock-holder .clock")).to_contain_text("left")
    assert "# typed in the browser" in _editor_text(page)
    page.select_option("#attempt-select", new_id)
    page.wait_for_url(f"**/p/oop/tally?attempt={new_id}")
    assert "# typed in the browser" not in _editor_text(page)
    expect(page.locator("#clock-holder .clock")).to_contain_text("/")  # practice: counts up against a guide


def test_a_reload_within_the_autosave_delay_keeps_the_edit(server: str, chromium, tmp_path: Path) -> None:  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.goto(server + "/p/algo/running-total")
    _type_code(pg, RUNNING)
    # The server stops taking saves: the next edit reaches only this browser's draft.
    pg.route("**/code", lambda route: route.abort())
    pg.locator(".cm-content").click()
    pg.keyboard.press("Control+End")
    pg.keyboard.insert_text("\n# typed just before the reload\n")
    pg.reload()
    expect(pg.locator("#draft-note")).to_contain_text("Restored this browser's draft")
    assert "# typed just before the reload" in _editor_text(pg)
    pg.unroute("**/code")
    pg.locator(".cm-content").click()
    pg.keyboard.press("Control+End")
    pg.keyboard.insert_text("# and then some\n")
    expect(pg.locator("#save-status")).to_have_attribute("data-state", "saved", timeout=10_000)
    # Another browser (no draft) sees both edits: nothing was lost.
    other = chromium.new_context().new_page()
    other.goto(server + "/p/algo/running-total")
    text = _editor_text(other)
    assert "# typed just before the reload" in text and "# and then some" in text
    other.context.close()
    context.close()


def test_a_lower_resubmission_keeps_the_best_score(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING)
    page.click("#submit-button")
    first = _wait_results(page, "Submission: hidden tests")
    expect(first.locator(".summary")).to_contain_text("score 600")
    first_id = first.get_attribute("id")
    _type_code(page, RUNNING.replace("t += x", "t += 2 * x"))
    page.click("#submit-button")
    again = _wait_results(page, "Submission: hidden tests", not_id=first_id)
    expect(again.locator(".best-stands")).to_contain_text("best score on this attempt, 600 of 600, stands")


OVERFLOW_JS = """() => {
  const w = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > w + 1 && !e.closest('.cm-scroller, pre, .diff, .katex-mathml, .katex-display');
  }).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
  return {scroll: document.scrollingElement.scrollWidth, width: w, wide: wide.slice(0, 8)};
}"""


def test_a_half_screen_window_does_not_scroll_sideways(server: str, chromium) -> None:  # noqa: F811
    context = chromium.new_context(viewport={"width": 800, "height": 900})
    pg = context.new_page()
    for path in ("/", "/catalog", "/p/oop/tally", "/p/algo/running-total", "/history", "/progress",
                 "/guide", "/p/ml/log-softmax", "/p/ml/linear-backward", "/p/oop/task-scheduler", "/p/ml/kmeans"):
        pg.goto(server + path)
        expect(pg.locator("main h1").first).to_be_visible()
        pg.wait_for_load_state("load")
        got = pg.evaluate(OVERFLOW_JS)
        assert got["scroll"] <= got["width"] and not got["wide"], (path, got)
    pg.goto(server + "/p/oop/task-scheduler")
    statement = pg.locator("#statement")
    box = statement.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 800
    # The whole statement is on the page, not clipped into a box of its own.
    assert statement.evaluate("e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1")
    expect(pg.locator(".cm-editor")).to_be_visible()
    context.close()


def test_custom_input_takes_numpy_arrays_and_names_the_bad_line(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING)
    page.click("details.custom summary")
    page.fill("#custom", "np.array([1.0, 2.0])\n\nnp.arange(4, dtype=np.float32)")
    page.click("#run-button")
    run = _wait_results(page, "Run: examples")
    expect(run.locator(".summary")).to_contain_text("Accepted")
    expect(run.locator(".test-list > li", has_text="custom 2")).to_contain_text("AC")
    page.fill("#custom", "[1, 2]\n\nnp.array([1.0, 2.0]).sum()")
    page.click("#run-button")
    expect(page.locator("#results")).to_contain_text("input 2 (line 3)")
    expect(page.locator("#results")).to_contain_text("np.array")
    expect(page.locator("#results")).not_to_contain_text("ast.")


def test_one_time_vocabulary_on_the_page(server: str, page: Page) -> None:  # noqa: F811
    from rounds.content.catalog import BANK
    from rounds.content.package import load_problem
    from rounds.domain.attempt import describe_mode, mode_budgets

    problem = load_problem(BANK / "oop" / "type-inference")  # 150 published minutes, 4 levels
    budgets = mode_budgets(problem_minutes=problem.minutes, levels=len(problem.levels))
    page.goto(server + "/p/oop/type-inference")
    for mode, minutes in budgets.items():
        expect(page.locator(f"#start-mode option[value={mode.value}]")).to_have_text(describe_mode(mode, minutes))
    badge = page.locator(".problem-head .time-badge")
    expect(badge).to_have_text(f"guide {budgets['practice']} min · full {budgets['full']} min")


def test_the_header_shows_the_score_and_what_it_means(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/oop/tally")
    _type_code(page, TALLY_L1)
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    score = sub.locator(".summary .score").inner_text()
    expect(page.locator(".problem-head #score")).to_have_text(f"best score {score} of 600")
    levels = page.locator("#levelbar li").count()
    expect(page.locator(".problem-head .score-help")).to_contain_text(
        f"200 = nothing passed, 600 = every level; each of the {levels} levels is worth")
    page.reload()
    expect(page.locator(".problem-head #score")).to_have_text(f"best score {score} of 600")
    page.goto(server + "/history")
    expect(page.locator("tbody tr", has_text="Tally").first.locator(".attempt-score")).to_contain_text(score)


def test_rounds_have_human_names_everywhere(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/catalog")
    expect(page.locator("#track option[value=oop]")).to_have_text("OOP systems")
    page.select_option("#track", "oop")
    rows = page.locator("#catalog-results tbody tr")
    expect(rows.first.locator("td.round")).to_have_text("OOP systems")
    page.goto(server + "/p/ml/softmax")
    expect(page.locator(".problem-head .round")).to_have_text("ML coding")
    page.goto(server + "/")
    expect(page.locator(".rounds .card h3").first).to_have_text("OOP systems")
    assert "ml</span>" not in page.content() and ">algo<" not in page.content()


def test_drill_level_only_for_drills_and_the_editor_hint_sits_by_the_editor(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/oop/file-system")
    expect(page.locator("#start-level")).to_be_hidden()
    page.select_option("#start-mode", "drill")
    expect(page.locator("#start-level")).to_be_visible()
    page.select_option("#start-mode", "full")
    expect(page.locator("#start-level")).to_be_hidden()
    hint = page.locator("#editor-hint")
    expect(hint).to_contain_text("Esc then Tab leaves it")
    editor, box = page.locator(".editor-wrap").bounding_box(), hint.bounding_box()
    assert editor and box and 0 <= box["y"] - (editor["y"] + editor["height"]) < 40


def test_an_unlock_brings_the_new_level_into_view(server: str, chromium, data_dir: Path,  # noqa: F811
                                                  tmp_path: Path) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 420})
    pg = context.new_page()
    r = cli(data_dir, tmp_path, "start", "oop/tally", "--new", "--dir", "ws")  # a fresh attempt at level 1
    assert r.returncode == 0, r.stdout + r.stderr
    pg.goto(server + "/p/oop/tally?attempt=" + r.stdout.split("Started attempt ")[1].split()[0])
    _type_code(pg, TALLY_L1)
    pg.click("#submit-button")
    sub = _wait_results(pg, "Submission: hidden tests")
    expect(sub).to_contain_text("Level 2 unlocked")
    heading = pg.locator("#statement h2", has_text="Level 2:")
    expect(heading).to_be_in_viewport()
    pg.evaluate("document.getElementById('statement').scrollTop = 0")
    expect(heading).not_to_be_in_viewport()  # it took the scroll to show it
    context.close()


def test_run_shows_output_against_expected_and_the_whole_input(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING)
    page.click("details.custom summary")
    page.fill("#custom", "np.arange(40, dtype=np.float64)")
    page.click("#run-button")
    run = _wait_results(page, "Run: examples")
    first = run.locator(".test-list > li").first
    expect(first).to_have_attribute("data-verdict", "AC")
    row = first.locator("table.io tbody tr")
    expect(row.locator("td")).to_have_count(2)  # expected and yours side by side
    expected, yours = row.locator("td").nth(0), row.locator("td").nth(1)
    expect(expected).not_to_have_text("-")
    expect(yours).to_have_text(expected.inner_text())
    custom = run.locator(".test-list > li", has_text="custom 1")
    custom.locator("details.full-input summary").click()
    expect(custom.locator("details.full-input pre")).to_contain_text("39.")
    # A wrong answer says where in the return value it differs.
    run_id = run.get_attribute("id")  # read before the next run's results take the area
    _type_code(page, RUNNING.replace("t += x", "t += 2 * x"))
    page.fill("#custom", "")
    page.click("#run-button")
    wrong = _wait_results(page, "Run: examples", not_id=run_id)
    bad = wrong.locator(".test-list > li[data-verdict=WA]").first
    expect(bad.locator(".feedback")).to_contain_text("your return value[")
    expect(bad.locator("table.io tr.bad td.yours")).to_be_visible()


def test_a_first_session_finds_a_glossary_and_a_warm_up(chromium, tmp_path: Path) -> None:  # noqa: F811
    # A fresh data dir: nothing tried yet.
    port = _free_port()
    data = tmp_path / "fresh"
    data.mkdir()
    proc = subprocess.Popen([*_rounds_command(), "serve", "--port", str(port)], env=_env(data),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        pg = chromium.new_page()
        pg.goto(base + "/")
        expect(pg.locator("#first-run")).to_contain_text("First time here?")
        pg.locator("#first-run a", has_text="guide").click()
        for term in ("AC", "WA", "TLE", "open", "standard", "blind", "200 to 600"):
            expect(pg.locator("main")).to_contain_text(term)
        pg.click("#warmup-button")
        pg.wait_for_url("**/p/oop/**?attempt=*")
        expect(pg.locator("#clock-holder .clock")).to_contain_text("left")  # a drill: a clock that never pauses
        left = pg.locator("#clock-holder .clock").inner_text()
        assert left.startswith(("15:", "14:")), left  # the warm-up's 15-minute clock
        expect(pg.locator("#statement")).to_contain_text("Level 1")
        pg.context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_reset_to_starter_keeps_the_old_code_in_history(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/oop/tally")
    _type_code(page, TALLY_L1 + "# my work before the reset\n")
    page.evaluate("window.confirm = () => false")  # asked, and the user says no: nothing happens
    page.click("#reset-button")
    page.wait_for_timeout(300)
    assert "# my work before the reset" in _editor_text(page)
    page.evaluate("window.confirm = () => true")
    with page.expect_navigation():
        page.click("#reset-button")
    expect(page.locator(".cm-content")).to_contain_text("class Tally")
    assert "# my work before the reset" not in _editor_text(page)
    page.goto(server + "/history?problem=oop/tally")
    row = page.locator("tbody tr", has_text="the code before a reset").first
    row.locator("a", has_text="snapshot").click()
    expect(page.locator("pre code").first).to_contain_text("# my work before the reset")


def test_the_editorial_can_be_opened_early_and_marks_the_attempt(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/oop/tally")
    expect(page.locator("#editorial h2", has_text="Editorial")).to_have_count(0)
    page.evaluate("window.confirm = () => true")
    with page.expect_navigation():
        page.click("#editorial-button")
    expect(page.locator("#editorial h2", has_text="Editorial")).to_be_visible()
    expect(page.locator("#editorial .assisted-note")).to_contain_text("assisted")


def test_results_survive_a_reload(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    _type_code(page, RUNNING.replace("t += x", "t += 2 * x"))
    page.click("#run-button")
    run = _wait_results(page, "Run: examples")
    summary = run.locator(".summary").inner_text()
    page.click("#submit-button")
    _wait_results(page, "Submission: hidden tests")
    page.reload()
    last_run = page.locator("#results .job.restored", has_text="Last run: examples")
    expect(last_run.locator(".summary")).to_contain_text(summary.split(":")[0])
    expect(last_run.locator(".test-list > li").first).to_be_visible()
    expect(page.locator("#results .job.restored", has_text="Last submission: hidden tests")).to_be_visible()


def test_editor_settings_are_kept(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/algo/running-total")
    page.click(".editor-settings summary")
    page.select_option("#editor-font-size", "18")
    page.check("#editor-wrap-lines")
    page.select_option("#editor-theme", "dark")
    editor = page.locator(".cm-editor")
    assert editor.evaluate("e => getComputedStyle(e).fontSize") == "18px"
    assert page.evaluate("document.querySelector('.cm-content').classList.contains('cm-lineWrapping')")
    bg = editor.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg != "rgb(255, 255, 255)"  # dark editor on a light page
    page.goto(server + "/p/oop/tally")  # another problem, after a reload: the same settings
    assert page.locator(".cm-editor").evaluate("e => getComputedStyle(e).fontSize") == "18px"
    assert page.evaluate("document.querySelector('.cm-content').classList.contains('cm-lineWrapping')")
    expect(page.locator("#editor-theme")).to_have_value("dark")
    # Kept for the user, not the browser: a fresh browser profile sees them too.
    other = page.context.browser.new_context().new_page()  # type: ignore[union-attr]
    other.goto(server + "/p/oop/tally")
    assert other.locator(".cm-editor").evaluate("e => getComputedStyle(e).fontSize") == "18px"
    expect(other.locator("#editor-theme")).to_have_value("dark")
    other.context.close()


def test_a_hint_ladder_marks_each_hint_in_the_attempt(server: str, page: Page, data_dir: Path,  # noqa: F811
                                                      tmp_path: Path) -> None:
    page.goto(server + "/p/algo/course-schedule-ii")
    expect(page.locator("#hints h2")).to_contain_text("0 of 3 used")
    page.click("#hint-button")
    expect(page.locator("#hints h2")).to_contain_text("1 of 3 used")
    expect(page.locator("#hints .hint-list li")).to_have_count(1)
    expect(page.locator("#hints .hint-list li").first).to_contain_text("Aim for O(V + E)")
    page.click("#hint-button")
    expect(page.locator("#hints .hint-list li").nth(1)).to_contain_text("A trap to avoid")
    attempt = page.url.split("attempt=")[1].split("#")[0]
    page.reload()
    expect(page.locator("#hints h2")).to_contain_text("2 of 3 used")
    # The attempt's log says so, in the terminal too.
    r = cli(data_dir, tmp_path, "start", "algo/course-schedule-ii", "--dir", "ws")
    assert f"attempt {attempt}" in r.stdout
    r = cli(data_dir, tmp_path / "ws", "status", "--json")
    import json

    assert json.loads(r.stdout)["hints_used"] == 2


def test_an_unlock_adds_the_next_levels_stubs_to_the_editor(server: str, page: Page, data_dir: Path,  # noqa: F811
                                                            tmp_path: Path) -> None:
    from rounds.content.catalog import BANK
    from rounds.content.package import load_problem
    from rounds.content.starters import _starter_upto

    p = load_problem(BANK / "oop" / "in-memory-db")
    level1 = _starter_upto(p.id, p.reference_source, tuple(lv.statement for lv in p.levels), 1)
    page.goto(server + "/p/oop/in-memory-db")
    assert "def scan(" not in _editor_text(page)  # level 2 is locked: so are its stubs
    _type_code(page, level1)
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".unlocked")).to_contain_text("stubs of level 2")
    text = _editor_text(page)
    assert "def scan(" in text and "def set_at(" not in text and text.startswith(level1.rstrip())
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved", timeout=10_000)
