"""The admin's accounts page in headless Chromium against a real `rounds serve` with ROUNDS_ACCOUNTS=1:
the admin signs in, makes a sign-up link, disables a learner who is signed in elsewhere, and sees
each change said on the page; the learner's browser is signed out."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from test_web_accounts_e2e import page  # noqa: F401  (a fresh profile that fails on script errors)
from test_web_e2e import (  # noqa: F401  (the browser)
    DIST,
    VIEWPORT,
    WEB_BANK,
    _free_port,
    _rounds_command,
    _shot,
    chromium,
)

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`rounds serve` with accounts on, an admin `ada` and a learner `lea` in the group spring."""
    assert DIST.exists(), "the browser bundle is not built: run scripts/build-web"
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "ROUNDS_BANK_PATH": str(WEB_BANK), "ROUNDS_WORKERS": "1",
           "ROUNDS_ACCOUNTS": "1"}
    env.pop("ROUNDS_DATABASE_URL", None)
    for name, role in (("ada", "admin"), ("lea", "learner")):
        subprocess.run([*_rounds_command(), "users", "add", name, "--role", role, "--group", "spring",
                        "--password-stdin"], env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
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
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def _sign_in(pg: Page, name: str) -> None:
    pg.fill("#name", name)
    pg.fill("#password", PASSWORD)
    pg.click("#sign-in")
    expect(pg.locator("#signed-in-as")).to_contain_text(name)


def test_admin_makes_an_invite_and_disables_a_learner(admin_server: str, page: Page,  # noqa: F811
                                                       chromium: Browser) -> None:  # noqa: F811
    base = admin_server
    learner = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    lea = learner.new_page()
    lea.goto(base + "/history")
    _sign_in(lea, "lea")
    expect(lea.locator("#nav-admin")).to_have_count(0)  # no link for a learner

    page.goto(base + "/admin")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin$"))
    _sign_in(page, "ada")
    expect(page.locator("h1")).to_have_text("Accounts")
    expect(page.locator("#nav-admin")).to_have_attribute("aria-current", "page")

    page.select_option("#invite-role", "coach")
    page.fill("#invite-group", "spring")
    page.select_option("#invite-days", "3")
    page.click("#make-invite")
    expect(page.locator("#admin-invite")).to_contain_text("A sign-up link for one coach in spring")
    link = page.locator("#invite-link").inner_text()
    assert re.fullmatch(re.escape(base) + r"/signup/[A-Za-z0-9_-]+", link), link
    expect(page.locator("#invites tbody tr")).to_have_count(1)
    expect(page.locator("#invites tbody tr")).to_contain_text("coach")

    row = page.locator("#users tr[data-name='lea']")
    row.locator("summary").click()
    row.get_by_role("button", name="Disable (signs them out)").click()
    expect(page.locator("#admin-note")).to_contain_text("lea is disabled: signed out everywhere")
    expect(page.locator("#users tr[data-name='lea'] .pill")).to_have_text("disabled")
    expect(page.locator("#invite-link")).to_have_count(0)  # the link showed once
    _shot(page, "admin-accounts")

    lea.goto(base + "/history")  # the learner's browser: signed out
    expect(lea).to_have_url(re.compile(r"/login\?next="))
    refused = lea.locator("#login-error")
    lea.fill("#name", "lea")
    lea.fill("#password", PASSWORD)
    lea.click("#sign-in")
    expect(refused).to_contain_text("disabled")
    learner.close()
