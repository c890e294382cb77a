"""The codebase round in headless Chromium against a real `rounds serve`: open a codebase, find your
way in its file tree, open a file, run the tests and read the failures, fix the repository in the
editor, submit and read the phases; a repository over the judge's limits is refused and nothing is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect
from test_web_e2e import (  # noqa: F401  (the server, the browser)
    VIEWPORT,
    _shot,
    chromium,
    server,
)

from rounds.content import codebase as cb
from rounds.content.catalog import catalog

LOG = "codebase/log-pipeline"
BIG = "x = 1\n" * 24_000


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:  # noqa: F811
    """A fresh browser profile; fails the test on any script error. The autosave of a repository the
    judge refuses answers 409, which the browser reports as a failed request: that one is expected."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    pg = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "status of 403" not in msg.text and "status of 409" not in msg.text:
            problems.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    yield pg
    context.close()
    assert not problems, problems


def _open(page: Page, path: str) -> None:
    page.locator(f'#file-tree .tree-file[data-path="{path}"]').click()
    expect(page.locator("#open-file")).to_have_text(path)


def _editor_text(page: Page) -> str:
    return str(page.evaluate("window.roundsRepo.view.state.doc.toString()"))


def _paste(page: Page, text: str) -> None:
    """Paste ``text`` into the editor at the cursor, as the clipboard does (typing a long text key by
    key into the editor's DOM is far slower than any user's paste)."""
    page.locator(".repo-editor .cm-content").evaluate(
        """(el, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }""", text)


def _replace_text(page: Page, text: str) -> None:
    """Select everything in the editor and paste ``text`` over it, as a user pasting a file does."""
    page.locator(".repo-editor .cm-content").click()
    page.keyboard.press("Control+a")
    _paste(page, text)


def _saved(page: Page) -> None:
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved", timeout=15_000)


def _results(page: Page, title: str) -> Any:
    job = page.locator("#results .codebase-job[data-done=yes]", has_text=title)
    expect(job).to_be_visible(timeout=180_000)
    return job


def test_fix_a_codebase_in_the_browser_and_submit_it(server: str, page: Page) -> None:  # noqa: F811
    p = catalog().get(LOG)
    start, ref = cb.starting_repo(p), cb.reference_repo(p)
    page.goto(server + f"/p/{LOG}")
    expect(page.locator("h1")).to_contain_text(p.title)
    expect(page.locator("#ai-policy")).to_have_text("AI allowed")
    expect(page.locator(".statement h2", has_text="Contract")).to_be_visible()
    # the tree: folders fold and unfold; the README is open first
    tree = page.locator("#file-tree")
    alerts = tree.locator('.tree-file[data-path="logpipe/alerts.py"]')
    expect(alerts).to_be_visible()
    expect(page.locator("#open-file")).to_have_text("README.md")
    assert _editor_text(page) == start["README.md"]
    tree.locator('details[data-dir="logpipe"] > summary').click()
    expect(alerts).to_be_hidden()
    tree.locator('details[data-dir="logpipe"] > summary').click()
    expect(alerts).to_be_visible()
    _open(page, "tests/test_stats.py")
    expect(page.locator(".repo-editor .cm-content")).to_contain_text("class PercentileTest")
    keyword = page.locator(".repo-editor .cm-line span", has_text=re.compile(r"^class$")).first
    expect(keyword).to_be_visible()  # Python is highlighted: a keyword has a colour of its own
    plain = page.locator(".repo-editor .cm-content").evaluate("e => getComputedStyle(e).color")
    assert keyword.evaluate("e => getComputedStyle(e).color") != plain

    page.click("#run-button")
    run = _results(page, "Run tests")
    expect(run.locator(".summary")).to_contain_text("8 of 21 pass")
    failing = run.locator('details.test-file[data-file="tests/test_stats.py"]')
    expect(failing).to_have_attribute("open", "")
    expect(failing.locator('li[data-test="PercentileTest.test_p100_is_the_largest"]')).to_contain_text("IndexError")
    expect(page.locator("#clock-holder [data-clock]")).to_be_visible()  # the run started a practice attempt
    _shot(page, "codebase-run-light")

    # "open" in the test log brings the test file into the editor
    _open(page, "README.md")
    failing.locator('[data-open-file="tests/test_stats.py"]').click()
    expect(page.locator("#open-file")).to_have_text("tests/test_stats.py")

    # fix the repository: paste each file the reference changes, then write the explanation
    changed = sorted(path for path in ref if ref[path] != start.get(path))
    for path in changed:
        _open(page, path)
        _replace_text(page, ref[path])
        _saved(page)
        assert _editor_text(page) == ref[path], path
    _open(page, cb.EXPLANATION)
    page.locator(".repo-editor .cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\nThe median test was wrong: nearest rank gives 20, not 25.\n")
    _saved(page)

    page.click("#submit-button")
    sub = _results(page, "Submission: every phase")
    phases = sub.locator("#phases tbody tr")
    expect(phases).to_have_count(4)
    expect(sub.locator('tr[data-phase="visible"]')).to_contain_text("21 of 21 pass")
    expect(sub.locator('tr[data-phase="hidden"]')).to_contain_text("13 of 13 pass")
    bench = sub.locator('tr[data-phase="benchmark"]')
    expect(bench).to_have_attribute("data-status", "optimal")
    expect(bench).to_contain_text("ms of CPU")
    expect(bench).to_contain_text("the reference's")
    expect(bench).to_contain_text("optimal ≤")
    expect(sub.locator('tr[data-phase="explanation"]')).to_contain_text("11 words written")
    expect(sub).to_contain_text("Attempt completed.")
    # the editorial and the user's own diff against the starting repository
    expect(page.locator("#editorial h2", has_text="Editorial")).to_be_visible()
    diff = page.locator("#repo-diff")
    expect(diff.locator("details.file-diff")).to_have_count(len(changed) + 1)
    expect(diff.locator(f'details.file-diff[data-file="{cb.EXPLANATION}"] .diff .add')).to_contain_text(
        "nearest rank gives 20")
    # the panel to start a new attempt is there without a reload, with no drill mode (one level)
    expect(page.locator(".start-panel")).to_contain_text("You completed this codebase")
    expect(page.locator("#start-mode option[value=drill]")).to_have_count(0)
    _shot(page, "codebase-submitted-light")

    page.reload()  # everything is kept with the attempt
    expect(page.locator("#results .restored", has_text="Last submission")).to_be_visible()
    _open(page, changed[0])
    assert _editor_text(page) == ref[changed[0]]


def test_a_file_the_judge_cannot_take_is_refused_and_kept(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/p/codebase/search-index")
    expect(page.locator("#open-file")).to_have_text("README.md")
    answers = iter(["data/blob.txt"])

    def on_dialog(d: Dialog) -> None:
        if d.type == "prompt":
            d.accept(next(answers))
        else:
            d.accept()

    page.on("dialog", on_dialog)
    page.click("#new-file")
    expect(page.locator("#open-file")).to_have_text("data/blob.txt")
    expect(page.locator('#file-tree details[data-dir="data"] .tree-file[data-path="data/blob.txt"]')).to_be_visible()
    page.locator(".repo-editor .cm-content").click()
    _paste(page, BIG)  # pasted: more than a file may hold
    status = page.locator("#save-status")
    expect(status).to_have_attribute("data-state", "error", timeout=15_000)
    expect(status).to_contain_text("data/blob.txt is 141 KB; a file may hold at most 128 KB")
    page.click("#run-button")
    refused = page.locator("#results #refused")
    expect(refused).to_contain_text("The repository cannot be submitted: data/blob.txt is 141 KB")
    expect(refused).to_contain_text("your files are kept in the editor")
    assert _editor_text(page) == BIG

    page.reload()  # the server never took it; this browser's draft brings it back
    expect(page.locator("#draft-note")).to_contain_text("Restored this browser's draft")
    expect(page.locator("#open-file")).to_have_text("data/blob.txt")
    assert _editor_text(page) == BIG
    page.click("#delete-file")
    expect(page.locator('#file-tree .tree-file[data-path="data/blob.txt"]')).to_have_count(0)
    _saved(page)
