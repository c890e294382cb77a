"""The card pages in headless Chromium against a real `rounds serve`: a review and a phone screen."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from test_web_e2e import _shot, chromium, page, server  # noqa: F401  (the server, the browser and a clean profile)

from rounds.content.cards import bank, render


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
            page.click("#next-question")
            break
        if _answer(page, "#screen-question") == "open":
            opens.append(n)
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
