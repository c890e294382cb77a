"""Accounts in headless Chromium against a real `rounds serve` with ROUNDS_ACCOUNTS=1: an invitation
link, sign-up, a submission judged in the sandbox, sign-out; then a second user signs in and can
see none of it."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect
from test_web_e2e import (  # noqa: F401  (the browser)
    DIST,
    KAHN,
    VIEWPORT,
    WEB_BANK,
    _free_port,
    _rounds_command,
    _shot,
    _type_code,
    _wait_results,
    chromium,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:  # noqa: F811
    """A fresh profile; fails on any script error but the 404 the second user is meant to get."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    pg = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "status of 404" not in msg.text:
            problems.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    yield pg
    context.close()
    assert not problems, problems


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`rounds serve` with accounts on, a user `bob`, and an invitation link for a learner."""
    assert DIST.exists(), "the browser bundle is not built: run scripts/build-web"
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "ROUNDS_BANK_PATH": str(WEB_BANK), "ROUNDS_WORKERS": "1",
           "ROUNDS_ACCOUNTS": "1"}
    env.pop("ROUNDS_DATABASE_URL", None)
    subprocess.run([*_rounds_command(), "users", "add", "bob", "--group", "spring", "--password-stdin"], env=env,
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    out = subprocess.run([*_rounds_command(), "users", "invite", "--group", "spring", "--base-url", base], env=env,
                         text=True, check=True, capture_output=True)
    link = out.stdout.strip().splitlines()[-1]
    log = (data / "serve.log").open("w")
    proc = subprocess.Popen([*_rounds_command(), "serve", "--port", str(port)], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
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
    yield base, link
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_invite_sign_up_submit_sign_out_and_another_user_sees_nothing(accounts_server: tuple[str, str],
                                                                        page: Page) -> None:
    base, link = accounts_server
    page.goto(base + "/history")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fhistory$"))

    page.goto(link)
    expect(page.locator("h1", has_text="Sign up")).to_be_visible()
    page.fill("#name", "ann")
    page.fill("#password", PASSWORD)
    page.fill("#again", PASSWORD)
    page.click("#sign-up")
    expect(page.locator("#signed-in-as")).to_have_text("ann")

    page.goto(base + "/p/algo/course-schedule-ii")
    _type_code(page, KAHN)
    page.click("#submit-button")
    sub = _wait_results(page, "Submission: hidden tests")
    expect(sub.locator(".summary")).to_contain_text("AC Accepted")
    page.goto(base + "/history")
    href = page.locator("a[href^='/history/']").first.get_attribute("href")
    assert href and re.fullmatch(r"/history/\d+", href)
    page.goto(base + href)
    expect(page.locator("body")).to_contain_text("prerequisites")
    _shot(page, "accounts-own-submission")
    page.click("#sign-out")
    expect(page.locator("h1", has_text="Sign in")).to_be_visible()
    page.goto(base + href)
    expect(page).to_have_url(re.compile(r"/login\?next="))

    page.fill("#name", "bob")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    expect(page.locator("#signed-in-as")).to_have_text("bob")
    expect(page.locator("h1")).to_have_text("Not found")  # signed in, back at ann's submission: not bob's
    expect(page.locator("body")).not_to_contain_text("prerequisites")
    page.goto(base + "/history")
    expect(page.locator("a[href^='/history/']")).to_have_count(0)
    page.goto(base + "/p/algo/course-schedule-ii")
    expect(page.locator("body")).not_to_contain_text("deque")  # ann's code stays hers
