"""The fundamentals cards in the browser: the decks, FSRS review, the phone screen, progress.

Plain forms with the CSRF field; the machine's grade is recomputed from the card, the seed and the
typed answer on every post, never taken from the page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rounds.content.cards import Bank, bank
from rounds.services import card_practice as cp
from rounds.services import own_cards
from rounds.services.errors import InvalidInput
from rounds.storage.db import SessionFactory
from rounds.web import views
from rounds.web.deps import CsrfChecked, SessionsDep

router = APIRouter()

DeckQ = Annotated[str, Query(max_length=200)]
Answer = Annotated[str, Form(max_length=10_000)]
CardId = Annotated[str, Form(max_length=200)]
Seed = Annotated[str, Form(max_length=20)]
Picked = Annotated[list[str], Form(max_length=26)]
RatingF = Annotated[int | None, Form(ge=1, le=4)]


def _bank(sessions: SessionFactory) -> Bank:
    """The bundled decks and the user's own."""
    return own_cards.practice_bank(sessions=sessions, base=bank())


def _decks(value: str) -> list[str] | None:
    return [d for d in (x.strip() for x in value.split(",")) if d] or None


def _seed(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise HTTPException(400, f"seed must be a number, not {value[:20]!r}")
    return int(value)


def _typed(answer: str, picked: list[str]) -> str:
    """The answer as typed, or the letters ticked on a choice card ("a,c")."""
    letters = [p for p in picked if len(p) == 1 and p.isalpha()]
    return ",".join(letters) if letters else answer


def _review_url(deck: str) -> str:
    return "/cards/review" + (f"?{urlencode({'deck': deck})}" if deck else "")


@router.get("/cards", response_class=HTMLResponse)
def cards_home(request: Request, sessions: SessionsDep) -> HTMLResponse:
    b = _bank(sessions)
    prog = cp.progress(sessions=sessions, bank=b)
    q = cp.queue(sessions=sessions, bank=b)
    return views.page(request, "cards.html", section="cards", progress=prog, queue=q, decks=b.decks,
                      counts={k: sum(c.kind == k for c in b.cards.values()) for k in ("open", "computed", "choice")},
                      screen_questions=cp.SCREEN_QUESTIONS, screen_minutes=cp.SCREEN_MINUTES)


@router.post("/cards/settings", dependencies=[CsrfChecked])
def cards_settings(sessions: SessionsDep, retention: Annotated[float, Form()],
                   new_per_day: Annotated[int, Form()]) -> RedirectResponse:
    try:
        cp.save_card_settings(sessions=sessions, retention=retention, new_per_day=new_per_day)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse("/cards", status_code=303)


def _question_page(request: Request, sessions: SessionsDep, b: Bank, deck: str, card_id: str, seed: int | None,
                   new: bool, message: str = "", answer: str = "") -> HTMLResponse:
    card = b.get(card_id)
    p = cp.prompt(card, seed, b)
    return views.page(request, "cards_review.html", section="cards", deck=deck, prompt=p, card=card, new=new,
                      graded=None, message=message, answer=answer, shown_at=datetime.now(UTC).isoformat())


@router.get("/cards/review", response_class=HTMLResponse)
def review_page(request: Request, sessions: SessionsDep, deck: DeckQ = "") -> HTMLResponse:
    b = _bank(sessions)
    try:
        q = cp.queue(sessions=sessions, bank=b, decks=_decks(deck))
    except InvalidInput as exc:
        raise HTTPException(404, str(exc)) from None
    if not q.cards:
        return views.page(request, "cards_review.html", section="cards", deck=deck, prompt=None, graded=None,
                          queue=q, message="")
    card_id = q.cards[0]
    return _question_page(request, sessions, b, deck, card_id, None, card_id in q.new)


def _elapsed(shown_at: str) -> float | None:
    try:
        shown = datetime.fromisoformat(shown_at)
    except ValueError:
        return None
    if shown.tzinfo is None:
        return None
    return round(max(0.0, (datetime.now(UTC) - shown).total_seconds()), 1)


@router.post("/cards/review/answer", response_class=HTMLResponse, dependencies=[CsrfChecked])
def review_answer(request: Request, sessions: SessionsDep, card_id: CardId, seed: Seed = "", answer: Answer = "",
                  picked: Picked = [], deck: Annotated[str, Form(max_length=200)] = "",  # noqa: B006
                  shown_at: Annotated[str, Form(max_length=64)] = "",
                  new: Annotated[str, Form(max_length=5)] = "") -> HTMLResponse:
    b = _bank(sessions)
    try:
        card = b.get(card_id)
    except KeyError:
        raise HTTPException(404, f"There is no card '{card_id}'.") from None
    typed = _typed(answer, picked)
    g = cp.grade(card, _seed(seed), typed, b)
    if g.outcome == "unreadable":
        return _question_page(request, sessions, b, deck, card_id, g.prompt.seed, bool(new), message=g.message,
                              answer=typed)
    intervals = cp.next_intervals(sessions=sessions, card_id=card_id)
    return views.page(request, "cards_review.html", section="cards", deck=deck, prompt=g.prompt, card=card,
                      graded=g, intervals=intervals, ratings=cp.RATINGS, elapsed=_elapsed(shown_at), new=bool(new),
                      message="")


@router.post("/cards/review/grade", dependencies=[CsrfChecked])
def review_grade(sessions: SessionsDep, card_id: CardId, rating: Annotated[int, Form(ge=1, le=4)], seed: Seed = "",
                 answer: Answer = "", deck: Annotated[str, Form(max_length=200)] = "",
                 elapsed: Annotated[float | None, Form(ge=0)] = None) -> RedirectResponse:
    b = _bank(sessions)
    if card_id not in b.cards:
        raise HTTPException(404, f"There is no card '{card_id}'.")
    try:
        cp.review(sessions=sessions, bank=b, card_id=card_id, seed=_seed(seed), answer=answer, rating=rating,
                  elapsed_s=elapsed)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(_review_url(deck), status_code=303)


@router.post("/cards/screen", dependencies=[CsrfChecked])
def screen_start(sessions: SessionsDep, decks: Annotated[list[str], Form(max_length=40)] = []  # noqa: B006
                 ) -> RedirectResponse:
    try:
        sid = cp.start_screen(sessions=sessions, bank=_bank(sessions), decks=decks or None)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/cards/screen/{sid}", status_code=303)


def _screen(sessions: SessionsDep, screen_id: int) -> cp.ScreenView:
    try:
        return cp.screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id)
    except cp.CardSessionNotFound:
        raise HTTPException(404, f"There is no phone screen {screen_id}.") from None


@router.get("/cards/screen/{screen_id}", response_class=HTMLResponse)
def screen_page(request: Request, screen_id: int, sessions: SessionsDep,
                note: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    view = _screen(sessions, screen_id)
    return views.page(request, "cards_screen.html", section="cards", view=view, ratings=cp.RATINGS, note=note,
                      misses_to_fail=cp.SCREEN_MISSES_TO_FAIL)


@router.post("/cards/screen/{screen_id}/answer", dependencies=[CsrfChecked])
def screen_answer(screen_id: int, sessions: SessionsDep, index: Annotated[int, Form(ge=0, le=100)],
                  answer: Answer = "", picked: Picked = []) -> RedirectResponse:  # noqa: B006
    try:
        msg = cp.answer_screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id, index=index,
                               answer=_typed(answer, picked))
    except cp.CardSessionNotFound:
        raise HTTPException(404, f"There is no phone screen {screen_id}.") from None
    except InvalidInput as exc:
        msg = str(exc)
    note = "" if msg in ("answered", "skipped (I don't know)") else msg
    return RedirectResponse(f"/cards/screen/{screen_id}" + (f"?{urlencode({'note': note})}" if note else ""),
                            status_code=303)


@router.post("/cards/screen/{screen_id}/grade", dependencies=[CsrfChecked])
def screen_grade(screen_id: int, sessions: SessionsDep, rating_0: RatingF = None, rating_1: RatingF = None,
                 rating_2: RatingF = None, rating_3: RatingF = None, rating_4: RatingF = None) -> RedirectResponse:
    _screen(sessions, screen_id)
    given = [rating_0, rating_1, rating_2, rating_3, rating_4]
    ratings = {n: r for n, r in enumerate(given) if r is not None}
    try:
        cp.grade_screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id, ratings=ratings)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/cards/screen/{screen_id}", status_code=303)


@router.get("/cards/progress", response_class=HTMLResponse)
def cards_progress(request: Request, sessions: SessionsDep) -> HTMLResponse:
    b = _bank(sessions)
    return views.page(request, "cards_progress.html", section="cards", progress=cp.progress(sessions=sessions, bank=b),
                      decks=b.decks)
