"""The card pages: decks, review, the phone screen and progress, through the ASGI test client."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from rounds.content.cards import bank, render
from rounds.services import card_practice as cp
from rounds.storage.db import Database
from rounds.storage.models import CardReview, CardSession

SEED = 42


@pytest.fixture(autouse=True)
def fixed_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cp, "fresh_seed", lambda: SEED)


def _field(html: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert m, f"no field {name}"
    return m.group(1)


def _right(card_id: str, seed: int | None) -> dict[str, str]:
    card = bank().get(card_id)
    if card.kind == "computed":
        assert seed is not None
        return {"answer": f"{render(card, seed).answer:.6f}"}
    if card.kind == "choice":
        letters = [chr(ord("a") + i) for i, o in enumerate(card.options) if o.correct]
        return {"answer": "", "picked": letters[0]} if len(letters) == 1 else {"answer": ",".join(letters)}
    return {"answer": "in my own words"}


def test_the_cards_page_lists_decks_due_counts_and_the_forms(browser: Any) -> None:
    page = browser.get("/cards")
    assert page.status_code == 200
    assert 'href="/cards" aria-current="page"' in page.text
    assert "Transformers" in page.text or "transformers" in page.text
    assert 'id="start-review"' in page.text and 'id="start-screen"' in page.text
    assert 'name="csrf_token"' in page.text and 'id="due-now">0<' in page.text
    assert 'id="new-left">10<' in page.text


def test_review_a_computed_card_answered_right_then_graded(browser: Any, db: Database) -> None:
    page = browser.get("/cards/review?deck=activations")
    assert page.status_code == 200 and 'data-kind="computed"' in page.text
    card_id, seed = _field(page.text, "card_id"), _field(page.text, "seed")
    assert seed == str(SEED)
    form = {"card_id": card_id, "seed": seed, "deck": "activations", "shown_at": _field(page.text, "shown_at"),
            **_right(card_id, SEED)}
    revealed = browser.post("/cards/review/answer", form, htmx=False)
    assert revealed.status_code == 200
    assert 'data-outcome="correct"' in revealed.text and "Model answer:" in revealed.text
    assert 'id="rate-again"' not in revealed.text and 'id="rate-good"' in revealed.text  # right: Hard, Good, Easy
    assert re.search(r'id="rate-easy"[^>]*>Easy <span class="interval"[^>]*>\(\d+d\)', revealed.text)
    done = browser.post("/cards/review/grade", {"card_id": card_id, "seed": seed, "answer": form["answer"],
                                                "deck": "activations", "rating": "3", "elapsed": "4.2"},
                        htmx=False, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/cards/review?deck=activations"
    with db.sessions() as s:
        row = s.scalars(select(CardReview)).one()
    assert (row.card_id, row.outcome, row.rating, row.seed, row.elapsed_s) == (card_id, "correct", 3, SEED, 4.2)


def test_the_machine_grade_is_recomputed_not_taken_from_the_page(browser: Any) -> None:
    card = next(c for c in bank().decks["activations"].cards if c.kind == "computed")
    r = browser.post("/cards/review/grade", {"card_id": card.id, "seed": "1", "answer": "999999", "rating": "4"},
                     htmx=False)
    assert r.status_code == 400 and "graded wrong" in r.text


def test_an_empty_answer_is_i_dont_know_and_only_again_is_offered(browser: Any) -> None:
    card = next(c for c in bank().decks["losses"].cards if c.kind == "open")
    r = browser.post("/cards/review/answer", {"card_id": card.id, "answer": "  "}, htmx=False)
    assert r.status_code == 200 and 'data-outcome="skipped"' in r.text
    assert 'id="rate-again"' in r.text and 'id="rate-good"' not in r.text


def test_an_open_answer_shows_the_coverage_hint_labelled_as_a_hint(browser: Any) -> None:
    card = bank().get("transformers/why-scale") if "transformers/why-scale" in bank().cards else next(
        c for c in bank().cards.values() if c.kind == "open")
    words = " ".join(card.key_points[0].synonyms)
    r = browser.post("/cards/review/answer", {"card_id": card.id, "answer": words}, htmx=False)
    assert r.status_code == 200 and 'data-outcome="self"' in r.text
    assert "not a grade" in r.text and "hint: " in r.text
    assert all(f'id="rate-{n}"' in r.text for n in ("again", "hard", "good", "easy"))


def test_an_unreadable_number_is_asked_again_with_the_same_draw(browser: Any) -> None:
    card = next(c for c in bank().decks["llm"].cards if c.kind == "computed")
    r = browser.post("/cards/review/answer", {"card_id": card.id, "seed": "7", "answer": "lots"}, htmx=False)
    assert r.status_code == 200 and "is not a number" in r.text
    assert _field(r.text, "seed") == "7" and 'id="reveal"' in r.text


def test_state_changing_posts_need_the_csrf_token(browser: Any) -> None:
    browser.get("/cards")
    r = browser.client.post("/cards/screen", data={}, headers={"Origin": "http://127.0.0.1:8000"})
    assert r.status_code == 403


def test_settings_are_saved_and_bad_values_refused(browser: Any) -> None:
    ok = browser.post("/cards/settings", {"retention": "0.85", "new_per_day": "3"}, htmx=False)
    assert ok.status_code == 200 and 'value="0.85"' in ok.text and 'id="new-left">3<' in ok.text
    bad = browser.post("/cards/settings", {"retention": "0.2", "new_per_day": "3"}, htmx=False)
    assert bad.status_code == 400 and "retention" in bad.text


def test_a_phone_screen_from_start_to_verdict(browser: Any, db: Database) -> None:
    r = browser.post("/cards/screen", {"decks": ["activations", "losses"]}, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    url = r.headers["location"]
    sid = int(url.rsplit("/", 1)[1])
    for n in range(5):
        page = browser.get(url)
        assert f"Question {n + 1} of 5" in page.text and 'data-clock="1"' in page.text
        assert page.text.count('class="card-question"') == 1  # one question visible at a time
        m = re.search(r'id="screen-question" data-index="(\d)" data-card="([^"]+)"', page.text)
        assert m and int(m.group(1)) == n
        answer = {"answer": ""} if n == 0 else _right(m.group(2), SEED)
        browser.post(f"{url}/answer", {"index": str(n), **answer}, htmx=False)
    reveal = browser.get(url)
    assert 'id="reveal-intro"' in reveal.text and reveal.text.count('class="card screen-item"') == 5
    with db.sessions() as s:
        row = s.get(CardSession, sid)
        assert row is not None
        kinds = [bank().get(i["card_id"]).kind for i in row.items]
    ratings = {f"rating_{n}": "3" for n, k in enumerate(kinds) if k == "open" and n != 0}
    done = browser.post(f"{url}/grade", ratings, htmx=False)
    assert done.status_code == 200
    assert 'data-verdict="pass"' in done.text and "4 of 5 would have passed" in done.text


def test_a_screen_answer_after_the_deadline_is_recorded_unanswered(browser: Any, db: Database) -> None:
    sid = cp.start_screen(sessions=db.sessions, bank=bank(), decks=["probability"],
                          now=datetime.now(UTC) - timedelta(minutes=6))
    r = browser.post(f"/cards/screen/{sid}/answer", {"index": "0", "answer": "late"}, htmx=False)
    assert r.status_code == 200 and "time was up" in r.text
    view = cp.screen(sessions=db.sessions, bank=bank(), session_id=sid)
    assert [i.status for i in view.items] == ["unanswered"] * 5
    done = browser.post(f"/cards/screen/{sid}/grade", {}, htmx=False)
    assert 'data-verdict="fail"' in done.text and "0 of 5 would have passed" in done.text


def test_unknown_screens_cards_and_decks_are_404(browser: Any) -> None:
    assert browser.get("/cards/screen/999").status_code == 404
    assert browser.get("/cards/review?deck=cooking").status_code == 404
    assert browser.post("/cards/review/answer", {"card_id": "no/such"}, htmx=False).status_code == 404


def test_progress_shows_recall_weakest_decks_and_the_forecast(browser: Any, db: Database) -> None:
    for card in bank().decks["losses"].cards[:3]:
        cp.review(sessions=db.sessions, bank=bank(), card_id=card.id, seed=1, answer="", rating=None)
    page = browser.get("/cards/progress")
    assert page.status_code == 200
    assert 'id="weakest"' in page.text and "Loss" in page.text and "0% recall over 3 reviews" in page.text
    assert re.search(r'<table id="forecast">.*?<td>3</td>', page.text, re.S)


def test_own_cards_add_edit_review_and_delete(browser: Any, db: Database) -> None:
    page = browser.get("/cards/mine")
    assert page.status_code == 200 and "No cards of your own yet." in page.text
    r = browser.post("/cards/mine", {"question": "Why tie embeddings?", "answer": "Fewer parameters.",
                                     "key_points": "fewer parameters\nsame matrix", "tags": "llm"}, htmx=False)
    assert r.status_code == 200 and "added mine/why-tie-embeddings" in r.text and 'href="/cards/mine/why-tie' in r.text
    bad = browser.post("/cards/mine", {"question": "No answer?", "answer": ""}, htmx=False)
    assert bad.status_code == 400 and "the answer is empty" in bad.text and "No answer?" in bad.text
    review = browser.get("/cards/review?deck=mine")
    assert 'data-card="mine/why-tie-embeddings"' in review.text
    shown = browser.post("/cards/review/answer", {"card_id": "mine/why-tie-embeddings",
                                                  "answer": "the same matrix, fewer parameters"}, htmx=False)
    assert 'data-outcome="self"' in shown.text and "hint: " in shown.text
    browser.post("/cards/review/grade", {"card_id": "mine/why-tie-embeddings", "answer": "same", "rating": "3"},
                 htmx=False)
    edit = browser.get("/cards/mine/why-tie-embeddings")
    assert edit.status_code == 200 and "fewer parameters\nsame matrix" in edit.text
    saved = browser.post("/cards/mine/why-tie-embeddings", {"question": "Why tie input and output embeddings?",
                                                            "answer": "Fewer parameters.", "key_points": "one",
                                                            "tags": "llm tying"}, htmx=False)
    assert "saved mine/why-tie-embeddings" in saved.text and "Why tie input and output embeddings?" in saved.text
    assert cp.replay(sessions=db.sessions, card_id="mine/why-tie-embeddings") is not None
    gone = browser.post("/cards/mine/why-tie-embeddings/delete", {}, htmx=False)
    assert "deleted mine/why-tie-embeddings" in gone.text
    assert browser.get("/cards/mine/why-tie-embeddings").status_code == 404


def test_own_cards_import_and_export_through_the_page(browser: Any) -> None:
    browser.get("/cards/mine")
    headers = {"Origin": "http://127.0.0.1:8000", "X-CSRF-Token": browser.token}
    bad = browser.client.post("/cards/mine/import", headers=headers, data={"format": "auto"},
                              files={"file": ("mine.csv", b"question,answer\nQ1?,A1\nQ2?,\n", "text/csv")})
    assert bad.status_code == 400 and "mine.csv: line 3: the answer is empty; nothing was imported" in bad.text
    assert "No cards of your own yet." in bad.text
    good = browser.client.post("/cards/mine/import", headers=headers, data={"format": "auto"},
                               files={"file": ("mine.csv", b"question,answer,tags\nQ1?,A1,x y\n", "text/csv")})
    assert good.status_code == 200 and "imported 1 new, updated 0" in good.text
    csv_out = browser.get("/cards/mine/export?format=csv")
    assert csv_out.headers["content-disposition"].endswith('"my-cards.csv"')
    assert csv_out.text.splitlines() == ["id,question,answer,key_points,tags,deeper", "q1,Q1?,A1,,x y,"]
    anki = browser.get("/cards/mine/export?format=anki")
    assert anki.text.startswith("#separator:tab") and "mine/q1\tQ1?\tA1\tx y" in anki.text
    again = browser.client.post("/cards/mine/import", headers=headers, data={"format": "anki"},
                                files={"file": ("my-cards-anki.txt", anki.content, "text/plain")})
    assert "imported 0 new, updated 1" in again.text


def test_an_onsite_round_with_follow_ups_stopped_early_then_graded(browser: Any, db: Database) -> None:
    from rounds.services import own_cards as oc

    for n in range(6):
        oc.add_card(sessions=db.sessions, card=oc.CardInput(question=f"Own question {n}?", answer=f"Answer {n}.",
                                                            deeper=f"Deeper {n}?"))
    r = browser.post("/cards/screen", {"decks": ["mine"], "kind": "onsite"}, htmx=False, follow_redirects=False)
    url = r.headers["location"]
    page = browser.get(url)
    assert "Onsite round" in page.text and "Question 1 of 6" in page.text and 'id="stop-round"' in page.text
    browser.post(f"{url}/answer", {"index": "0", "answer": "my answer"}, htmx=False)
    follow = browser.get(url)
    assert 'data-kind="followup"' in follow.text and "Question 1 of 6: the follow-up" in follow.text
    assert "Your answer: my answer" in follow.text and 'id="followup-question"' in follow.text
    browser.post(f"{url}/answer", {"index": "0", "answer": "my follow-up"}, htmx=False)
    for n in range(1, 5):
        browser.post(f"{url}/answer", {"index": str(n), "answer": "ok"}, htmx=False)
        browser.post(f"{url}/answer", {"index": str(n), "answer": "deeper ok"}, htmx=False)
    reveal = browser.post(f"{url}/stop", {}, htmx=False)
    assert 'id="reveal-intro"' in reveal.text and "my follow-up" in reveal.text
    done = browser.post(f"{url}/grade", {f"rating_{n}": "3" for n in range(5)}, htmx=False)
    assert 'data-verdict="pass"' in done.text and "5 of 6 would have passed" in done.text
    assert "The round passes" in done.text


def test_i_dont_know_button_and_a_review_by_tag(browser: Any, db: Database) -> None:
    page = browser.get("/cards/review?tag=attention")
    assert page.status_code == 200 and '<span class="pill">attention</span>' in page.text
    card_id = _field(page.text, "card_id")
    assert "attention" in bank().get(card_id).tags and 'id="dont-know"' in page.text
    r = browser.post("/cards/review/answer", {"card_id": card_id, "seed": _field(page.text, "seed"),
                                              "answer": "something typed", "dunno": "1", "tag": "attention"},
                     htmx=False)
    assert 'data-outcome="skipped"' in r.text and 'name="tag" value="attention"' in r.text
    done = browser.post("/cards/review/grade", {"card_id": card_id, "seed": _field(page.text, "seed"), "answer": "",
                                                "rating": "1", "tag": "attention"}, htmx=False, follow_redirects=False)
    assert done.headers["location"] == "/cards/review?tag=attention"
    with db.sessions() as s:
        row = s.scalars(select(CardReview)).one()
    assert (row.card_id, row.outcome, row.rating, row.answer) == (card_id, "skipped", 1, "")


def test_an_empty_queue_says_when_cards_come_back(browser: Any, db: Database) -> None:
    cp.save_card_settings(sessions=db.sessions, retention=0.9, new_per_day=0)
    assert 'id="review-empty"' in browser.get("/cards/review?deck=losses").text
    card = bank().decks["losses"].cards[0]
    cp.review(sessions=db.sessions, bank=bank(), card_id=card.id, seed=1, answer="", rating=None)
    page = browser.get("/cards/review?deck=losses")
    assert 'id="review-empty"' in page.text and "1 card comes back within 10 minutes" in page.text
