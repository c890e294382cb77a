"""A newcomer's first hour in the browser: clocks that stop, attempts with addresses, drafts that survive."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect
from test_web_e2e import RUNNING, _type_code, _wait_results, chromium, page, server  # noqa: F401


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
