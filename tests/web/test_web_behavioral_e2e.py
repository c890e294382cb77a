"""Behavioral practice in headless Chromium against a real `rounds serve`: a story and the coverage matrix, a
typed take against the timer, a recorded take (fake microphone), a project's talk exported and rehearsed."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_web_e2e import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, _shot, chromium, page, server  # noqa: F401

FAKE_MIC = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]


def _accept_confirms(page: Page) -> None:  # noqa: F811
    page.on("dialog", lambda d: d.accept())


def test_write_a_story_and_see_the_coverage_matrix_change(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/stories")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Behavioral")
    expect(page.locator("#gaps a.gap[data-signal=mentoring]")).to_be_visible()
    before = page.locator("#coverage-matrix td[data-covered=yes]").count()
    page.click("#new-story")
    page.fill("#title", "Taught a new hire to debug the feature pipeline")
    page.fill("#situation", "A new engineer joined the week our feature pipeline broke.")
    page.fill("#action", "I paired with her for two days and wrote a runbook together.")
    page.fill("#impact", "She fixed the next breakage alone in 40 minutes.")
    page.fill("#learning", "Teach by doing the real work together.")
    page.check("input[name=signals][value=mentoring]")
    page.fill("#companies", "google")
    page.click("#save-story")
    expect(page.locator("#stories-note")).to_contain_text("added story")
    expect(page.locator("#gaps a.gap[data-signal=mentoring]")).to_have_count(0)
    row = page.locator("#coverage-matrix tr", has_text="Taught a new hire")
    expect(row.locator("td[data-signal=mentoring]")).to_have_attribute("data-covered", "yes")
    expect(page.locator("#coverage-matrix td[data-covered=yes]")).to_have_count(before + 1)
    expect(page.locator("tfoot td.per-signal[data-signal=mentoring]")).to_have_text("1")
    _shot(page, "behavioral-coverage")


def test_deliver_a_typed_answer_against_the_timer(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/behavioral/practice")
    page.select_option("#pick-question", "disagreed-with-manager")
    page.click("#pick")
    expect(page.locator("#question-title")).to_contain_text("disagreed with your manager")
    page.click("#timer-start")
    expect(page.locator("#take-band")).to_have_attribute("data-band", "short")
    page.fill("#transcript", "Um, so my manager wanted to launch on Friday. I basically showed him the leak, "
                             "you know, with two plots, and we agreed to slip a week. CTR rose 3 percent.")
    expect(page.locator("#transcript-stats")).to_contain_text("3 filler words")
    expect(page.locator("#take-time")).to_have_text(re.compile(r"^0:0[2-9]$"), timeout=10_000)
    page.click("#timer-stop")
    seconds = float(page.input_value("#duration"))
    assert seconds >= 1.5
    page.click("#save-take")
    expect(page.locator("#take-fillers")).to_have_text("3")
    expect(page.locator("#filler-list")).to_contain_text('"you know" ×1')
    expect(page.locator("#length-note")).to_contain_text("short: under 60 s")
    expect(page.locator("#take-spoken")).to_have_text("0:12")  # 31 typed words at 150 a minute
    expect(page.locator("#take-wpm")).to_have_text("-")
    boxes = page.locator("#self-check input[name=checks]")
    n = boxes.count()  # counted before the save reloads the page (a count mid-navigation can be 0)
    assert n >= 3
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.click("#save-checks")
    expect(page.locator("#check-score")).to_contain_text(f"2/{n} covered")
    _shot(page, "behavioral-take")
    page.goto(server + "/behavioral/run")
    row = page.locator("#run-table tr[data-question=disagreed-with-manager] .last-take")
    expect(row).not_to_have_text("never")


@pytest.fixture(scope="module")
def mic_chromium(chromium: Browser) -> Iterator[Browser]:  # noqa: F811
    """A second Chromium from the same driver, with a fake microphone that plays a tone."""
    browser = chromium.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *FAKE_MIC])
    yield browser
    browser.close()


def test_record_a_take_play_it_back_and_delete_it(server: str, mic_chromium: Browser) -> None:  # noqa: F811
    context = mic_chromium.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    context.grant_permissions(["microphone"], origin=server)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    _accept_confirms(pg)
    try:
        pg.goto(server + "/behavioral/practice?q=disagreed-with-manager")
        pg.click("#record-start")
        expect(pg.locator("#record-status")).to_have_text("Recording…")
        expect(pg.locator("#take-time")).to_have_text(re.compile(r"0:0[2-9]"), timeout=10_000)
        pg.click("#record-stop")
        expect(pg.locator("#record-status")).to_have_attribute("data-ready", "1")
        pg.click("#save-take")
        audio = pg.locator("#take-audio")
        expect(audio).to_be_visible()
        src = audio.get_attribute("src") or ""
        got = pg.request.get(server + src)
        assert got.status == 200 and got.headers["content-type"].startswith("audio/")
        assert len(got.body()) > 500
        duration = pg.evaluate("""async () => { const a = document.getElementById('take-audio');
            if (a.readyState < 1) await new Promise(r => a.addEventListener('loadedmetadata', r, {once: true}));
            return a.duration; }""")
        assert duration and duration > 0
        _shot(pg, "behavioral-recording")
        pg.click("#delete-recording")
        expect(pg.locator("#delivery-note")).to_have_text("recording deleted")
        expect(pg.locator("#take-audio")).to_have_count(0)
        assert pg.request.get(server + src).status == 404
    finally:
        context.close()
    assert not errors, errors


def test_build_a_project_export_its_deck_and_rehearse(server: str, page: Page, tmp_path: Path) -> None:  # noqa: F811
    from pptx import Presentation

    page.goto(server + "/projects")
    page.fill("#name", "Feed ranking rewrite")
    page.fill("#summary", "The feed ranked by recency and engagement was falling.")
    page.select_option("#talk-minutes", "60")
    page.click("#add-project")
    expect(page.locator("#project-note")).to_contain_text("project created")
    page.fill("#design-body", "A two-tower retrieval stage and a small ranker.")
    page.select_option("#design-technical", "5")
    page.fill("#design-decisions", "Used a two-tower model | a cross-encoder")
    page.fill("#launch-metrics", "Engagement +4% in a two-week A/B test")
    page.click("#save-project")
    expect(page.locator("#project-note")).to_have_text("project saved")
    page.click("#drill-link")
    expect(page.locator("#drill-own")).to_contain_text("Why not a cross-encoder?")
    expect(page.locator("#drill-own")).to_contain_text("How did you measure it?")
    page.locator("#drill-own a", has_text="cross-encoder").click()
    expect(page.locator("#question-title")).to_contain_text("Why not a cross-encoder?")
    page.goto(page.url.split("/behavioral")[0] + "/projects")
    page.locator("#project-list a", has_text="talk").first.click()
    expect(page.locator(".slide-edit:not(.slide-new)")).to_have_count(11)
    page.fill("#title-2", "The design in one picture")
    page.click("#save-outline")
    expect(page.locator("#talk-note")).to_contain_text("outline saved: 11 slides")
    with page.expect_download() as dl:
        page.click("#export-pptx")
    path = tmp_path / "talk.pptx"
    dl.value.save_as(path)
    prs = Presentation(io.BytesIO(path.read_bytes()))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Feed ranking rewrite" and titles[2] == "The design in one picture" and len(titles) == 11
    results = prs.slides[titles.index("Results")]
    assert "Engagement +4%" in results.placeholders[1].text_frame.text
    assert results.notes_slide.notes_text_frame.text
    _shot(page, "behavioral-talk")
    page.click("#rehearse-link")
    page.click("#rehearse-start")
    expect(page.locator("#rehearse-index")).to_have_text("1")
    page.wait_for_timeout(1100)
    page.click("#rehearse-next")
    expect(page.locator("#rehearse-index")).to_have_text("2")
    expect(page.locator("#rehearse-table tbody tr").first.locator(".took")).to_have_text(re.compile(r"^0:0[1-3]$"))
    page.click("#rehearse-stop")  # stopped early: saved with the slides reached
    expect(page.locator("#talk-note")).to_contain_text("rehearsal saved")
    expect(page.locator("#talk-slides tr[data-verdict='not reached']")).to_have_count(9)


def test_rehearse_a_whole_talk_self_assess_it_and_see_it_listed(server: str, page: Page) -> None:  # noqa: F811
    page.goto(server + "/projects")
    page.fill("#name", "Sparse attention")
    page.click("#add-project")
    expect(page.locator("#project-note")).to_contain_text("project created")
    page.goto(page.url.split("?")[0] + "/rehearse")
    expect(page.locator("#rehearse-none")).to_be_visible()
    rows = page.locator("#rehearse-table tbody tr").count()
    assert rows == 11
    page.click("#rehearse-start")
    for n in range(1, rows + 1):  # next through every slide: the last one ends the rehearsal and saves it
        expect(page.locator("#rehearse-index")).to_have_text(str(n))
        page.click("#rehearse-next")
    expect(page.locator("#talk-note")).to_contain_text("rehearsal saved: now tick what your talk did")
    expect(page.locator("#talk-slides tbody tr")).to_have_count(11)
    expect(page.locator("#talk-slides tr[data-verdict='not reached']")).to_have_count(0)
    expect(page.locator("#talk-total")).to_have_attribute("data-kept", "no")  # seconds, not 35 minutes
    boxes = page.locator("#talk-rubric input[name=checks]")
    for i in range(3):
        boxes.nth(i).check()
    total = boxes.count()
    page.click("#talk-assess")
    expect(page.locator("#talk-note")).to_contain_text(f"self-assessment saved: 3 of {total} rubric items")
    expect(page.locator("#talk-coverage")).to_contain_text(f"3 of {total}")
    _shot(page, "behavioral-talk-assessed")
    page.locator("a", has_text="Rehearse again").click()
    row = page.locator("#rehearse-past tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"3 of {total}")
    expect(row).to_contain_text("11 of 11")
