"""The card pages in headless Chromium against a real `rounds serve`: a review and a phone screen."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, FilePayload, Page, expect
from test_web_e2e import VIEWPORT, _shot, chromium, page, server  # noqa: F401  (the server, the browser, a profile)

from rounds.content.cards import bank, render


@pytest.fixture
def form_page(chromium: Browser) -> Iterator[Page]:  # noqa: F811
    """Like ``page``, where a form refused with 400 (a bad file named line by line) is expected, not a fault."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    pg = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "status of 400" not in msg.text:
            problems.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    yield pg
    context.close()
    assert not problems, problems


def _answer(page: Page, scope: str) -> str:  # noqa: F811
    """Answer the card on screen correctly (computed: from the seed on the page). Returns its kind."""
    card = page.locator(scope)
    kind = card.get_attribute("data-kind") or ""
    card_id = card.get_attribute("data-card") or ""
    c = bank().get(card_id)
    if kind == "computed":
        value = int(card.get_attribute("data-seed") or "0")  # the draw shown (same seed, same numbers)
        page.fill("#answer", f"{render(c, value).answer:.6f}")
    elif kind == "choice":
        for i, o in enumerate(c.options):
            if o.correct:
                page.check(f"{scope} input[name=picked][value={chr(ord('a') + i)}]")
    else:
        page.fill("#answer", "An answer in my own words, covering " + c.key_points[0].point)
    return kind


def test_review_three_cards_including_a_computed_one_answered_right(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/cards")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Cards")
    _shot(page, "cards-home")
    page.select_option("#review-deck", "activations")
    page.click("#start-review")
    kinds = []
    for _ in range(3):
        expect(page.locator("#review-card")).to_be_visible()
        kind = _answer(page, "#review-card")
        kinds.append(kind)
        if kind == "computed":
            page.press("#answer", "Enter")  # Enter in the field answers (it is not "I don't know")
        else:
            page.click("#reveal")
        outcome = page.locator(".card-outcome")
        if kind == "open":
            expect(outcome).to_have_attribute("data-outcome", "self")
            expect(page.locator("#review-card")).to_contain_text("not a grade")
        else:
            expect(outcome).to_have_attribute("data-outcome", "correct")
        expect(page.locator("#rate-good")).to_contain_text(re.compile(r"Good \(\d+(m|h|d)\)"))
        _shot(page, f"cards-review-{kind}")
        page.click("#rate-good")
    assert "computed" in kinds
    page.goto(server + "/cards/progress")
    expect(page.locator("#by-deck tr", has_text="Activation")).to_contain_text("100%")
    expect(page.locator("#forecast td").first).to_have_text("3")
    _shot(page, "cards-progress")


def test_a_phone_screen_to_its_verdict(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/cards")
    page.check("input[name=decks][value=activations]")
    page.check("input[name=decks][value=losses]")
    page.click("#start-screen")
    expect(page.locator("#screen-question")).to_be_visible()
    expect(page.locator(".clock-time")).to_have_text(re.compile(r"^[45]:\d\d left$"))
    opens = []
    for n in range(5):
        expect(page.locator("#screen-question h2")).to_have_text(f"Question {n + 1} of 5")
        expect(page.locator(".card-question")).to_have_count(1)
        if n == 4:  # the last one: "I don't know"
            page.click("#dont-know")
            break
        kind = _answer(page, "#screen-question")
        if kind == "open":
            opens.append(n)
        if kind == "computed":
            page.press("#answer", "Enter")
        else:
            page.click("#next-question")
    expect(page.locator("#reveal-intro")).to_be_visible()
    expect(page.locator(".screen-item")).to_have_count(5)
    for n in opens:
        page.check(f"input[name=rating_{n}][value='3']")
    expect(page.locator("#give-verdict")).to_be_visible()
    _shot(page, "cards-screen-reveal")
    page.click("#give-verdict")
    verdict = page.locator("#verdict")
    expect(verdict).to_have_attribute("data-verdict", "pass")
    expect(verdict).to_contain_text("4 of 5 would have passed")
    expect(verdict).to_contain_text("1 miss")
    _shot(page, "cards-screen-verdict")


def test_own_cards_import_then_an_onsite_round_with_follow_ups(server: str, form_page: Page) -> None:  # noqa: F811
    form_page.goto(server + "/cards")
    form_page.click("#my-cards-link")
    bad = b"question,answer,deeper\nQ one?,A one,F one?\nQ two?,,F two?\n"
    form_page.set_input_files("#import-file", files=[FilePayload(name="mine.csv", mimeType="text/csv", buffer=bad)])
    form_page.click("#import-button")
    expect(form_page.locator("#mine-message")).to_contain_text("line 3: the answer is empty; nothing was imported")
    rows = "".join(f"Own question {n}?,Answer {n},Follow-up {n}?\n" for n in range(3))
    good = ("question,answer,deeper\n" + rows).encode()
    form_page.set_input_files("#import-file", files=[FilePayload(name="mine.csv", mimeType="text/csv", buffer=good)])
    form_page.click("#import-button")
    expect(form_page.locator("#mine-message")).to_contain_text("imported 3 new, updated 0")
    expect(form_page.locator("#my-cards tbody tr")).to_have_count(3)
    form_page.goto(server + "/cards")
    form_page.check("input[name=decks][value=mine]")
    form_page.click("#start-onsite")
    expect(form_page.locator("h1")).to_contain_text("Onsite round")
    for n in range(3):
        expect(form_page.locator("#screen-question h2")).to_have_text(f"Question {n + 1} of 3")
        form_page.fill("#answer", f"my answer {n}")
        form_page.click("#next-question")
        expect(form_page.locator("#followup-question")).to_have_text(re.compile(r"Follow-up \d\?"))
        form_page.fill("#answer", f"my follow-up {n}")
        form_page.click("#next-question")
    expect(form_page.locator(".screen-item")).to_have_count(3)
    for n in range(3):
        form_page.check(f"input[name=rating_{n}][value='3']")
    form_page.click("#give-verdict")
    expect(form_page.locator("#verdict")).to_have_attribute("data-verdict", "pass")
    expect(form_page.locator("#verdict")).to_contain_text("3 of 3 would have passed")
