"""The fundamentals cards in the browser: the decks, FSRS review, the phone screen, progress.

Plain forms with the CSRF field; the machine's grade is recomputed from the card, the seed and the
typed answer on every post, never taken from the page.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rounds.content.cards import Bank, Card, bank
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


def _review_url(deck: str, tag: str = "") -> str:
    query = {k: v for k, v in (("deck", deck), ("tag", tag)) if v}
    return "/cards/review" + (f"?{urlencode(query)}" if query else "")


@router.get("/cards", response_class=HTMLResponse)
def cards_home(request: Request, sessions: SessionsDep) -> HTMLResponse:
    b = _bank(sessions)
    prog = cp.progress(sessions=sessions, bank=b)
    q = cp.queue(sessions=sessions, bank=b)
    return views.page(request, "cards.html", section="cards", progress=prog, queue=q, decks=b.decks,
                      counts={k: sum(c.kind == k for c in b.cards.values()) for k in ("open", "computed", "choice")},
                      screen_questions=cp.SCREEN_QUESTIONS, screen_minutes=cp.SCREEN_MINUTES,
                      onsite_questions=cp.ONSITE_QUESTIONS, onsite_minutes=cp.ONSITE_MINUTES)


@router.post("/cards/settings", dependencies=[CsrfChecked])
def cards_settings(sessions: SessionsDep, retention: Annotated[float, Form()],
                   new_per_day: Annotated[int, Form()]) -> RedirectResponse:
    try:
        cp.save_card_settings(sessions=sessions, retention=retention, new_per_day=new_per_day)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse("/cards", status_code=303)


def _question_page(request: Request, sessions: SessionsDep, b: Bank, deck: str, card_id: str, seed: int | None,
                   new: bool, message: str = "", answer: str = "", tag: str = "") -> HTMLResponse:
    card = b.get(card_id)
    p = cp.prompt(card, seed, b)
    return views.page(request, "cards_review.html", section="cards", deck=deck, tag=tag, prompt=p, card=card, new=new,
                      graded=None, message=message, answer=answer, shown_at=datetime.now(UTC).isoformat())


@router.get("/cards/review", response_class=HTMLResponse)
def review_page(request: Request, sessions: SessionsDep, deck: DeckQ = "", tag: DeckQ = "") -> HTMLResponse:
    b = _bank(sessions)
    try:
        q = cp.queue(sessions=sessions, bank=b, decks=_decks(deck), tag=tag)
    except InvalidInput as exc:
        raise HTTPException(404, str(exc)) from None
    if not q.cards:
        soon = cp.queue(sessions=sessions, bank=b, decks=_decks(deck), tag=tag, new=0,
                        now=datetime.now(UTC) + timedelta(minutes=10))
        return views.page(request, "cards_review.html", section="cards", deck=deck, tag=tag, prompt=None, graded=None,
                          queue=q, soon=len(soon.due), message="")
    card_id = q.cards[0]
    return _question_page(request, sessions, b, deck, card_id, None, card_id in q.new, tag=tag)


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
                  tag: Annotated[str, Form(max_length=200)] = "", dunno: Annotated[str, Form(max_length=5)] = "",
                  shown_at: Annotated[str, Form(max_length=64)] = "",
                  new: Annotated[str, Form(max_length=5)] = "") -> HTMLResponse:
    b = _bank(sessions)
    try:
        card = b.get(card_id)
    except KeyError:
        raise HTTPException(404, f"There is no card '{card_id}'.") from None
    typed = "" if dunno else _typed(answer, picked)  # the "I don't know" button: an empty answer
    g = cp.grade(card, _seed(seed), typed, b)
    if g.outcome == "unreadable":
        return _question_page(request, sessions, b, deck, card_id, g.prompt.seed, bool(new), message=g.message,
                              answer=typed, tag=tag)
    intervals = cp.next_intervals(sessions=sessions, card_id=card_id)
    return views.page(request, "cards_review.html", section="cards", deck=deck, tag=tag, prompt=g.prompt, card=card,
                      graded=g, intervals=intervals, ratings=cp.RATINGS, elapsed=_elapsed(shown_at), new=bool(new),
                      message="")


@router.post("/cards/review/grade", dependencies=[CsrfChecked])
def review_grade(sessions: SessionsDep, card_id: CardId, rating: Annotated[int, Form(ge=1, le=4)], seed: Seed = "",
                 answer: Answer = "", deck: Annotated[str, Form(max_length=200)] = "",
                 tag: Annotated[str, Form(max_length=200)] = "",
                 elapsed: Annotated[float | None, Form(ge=0)] = None) -> RedirectResponse:
    b = _bank(sessions)
    if card_id not in b.cards:
        raise HTTPException(404, f"There is no card '{card_id}'.")
    try:
        cp.review(sessions=sessions, bank=b, card_id=card_id, seed=_seed(seed), answer=answer, rating=rating,
                  elapsed_s=elapsed)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(_review_url(deck, tag), status_code=303)


@router.post("/cards/screen", dependencies=[CsrfChecked])
def screen_start(sessions: SessionsDep, decks: Annotated[list[str], Form(max_length=40)] = [],  # noqa: B006
                 kind: Annotated[str, Form(pattern="^(screen|onsite)$")] = "screen") -> RedirectResponse:
    try:
        sid = cp.start_screen(sessions=sessions, bank=_bank(sessions), decks=decks or None, kind=kind)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/cards/screen/{sid}", status_code=303)


def _screen(sessions: SessionsDep, screen_id: int) -> cp.ScreenView:
    try:
        return cp.screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id)
    except cp.CardSessionNotFound:
        raise HTTPException(404, f"There is no card round {screen_id}.") from None


@router.get("/cards/screen/{screen_id}", response_class=HTMLResponse)
def screen_page(request: Request, screen_id: int, sessions: SessionsDep,
                note: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    view = _screen(sessions, screen_id)
    return views.page(request, "cards_screen.html", section="cards", view=view, ratings=cp.RATINGS, note=note,
                      misses_to_fail=cp.SCREEN_MISSES_TO_FAIL)


@router.post("/cards/screen/{screen_id}/answer", dependencies=[CsrfChecked])
def screen_answer(screen_id: int, sessions: SessionsDep, index: Annotated[int, Form(ge=0, le=100)],
                  answer: Answer = "", picked: Picked = [],  # noqa: B006
                  dunno: Annotated[str, Form(max_length=5)] = "") -> RedirectResponse:
    try:
        msg = cp.answer_screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id, index=index,
                               answer="" if dunno else _typed(answer, picked))
    except cp.CardSessionNotFound:
        raise HTTPException(404, f"There is no card round {screen_id}.") from None
    except InvalidInput as exc:
        msg = str(exc)
    note = "" if msg in ("answered", "skipped (I don't know)") else msg
    return RedirectResponse(f"/cards/screen/{screen_id}" + (f"?{urlencode({'note': note})}" if note else ""),
                            status_code=303)


@router.post("/cards/screen/{screen_id}/grade", dependencies=[CsrfChecked])
async def screen_grade(request: Request, screen_id: int, sessions: SessionsDep) -> RedirectResponse:
    form = await request.form()  # rating_<n> fields, as many as the round has questions
    ratings: dict[int, int] = {}
    for key, value in form.multi_items():
        m = re.fullmatch(r"rating_(\d{1,3})", key)
        if m and isinstance(value, str) and value in ("1", "2", "3", "4"):
            ratings[int(m.group(1))] = int(value)
    return await run_in_threadpool(_grade_round, sessions, screen_id, ratings)  # the database off the event loop


def _grade_round(sessions: SessionFactory, screen_id: int, ratings: dict[int, int]) -> RedirectResponse:
    _screen(sessions, screen_id)
    try:
        cp.grade_screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id, ratings=ratings)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/cards/screen/{screen_id}", status_code=303)


@router.post("/cards/screen/{screen_id}/stop", dependencies=[CsrfChecked])
def screen_stop(screen_id: int, sessions: SessionsDep) -> RedirectResponse:
    _screen(sessions, screen_id)
    cp.stop_screen(sessions=sessions, bank=_bank(sessions), session_id=screen_id)
    return RedirectResponse(f"/cards/screen/{screen_id}", status_code=303)


@router.get("/cards/progress", response_class=HTMLResponse)
def cards_progress(request: Request, sessions: SessionsDep) -> HTMLResponse:
    b = _bank(sessions)
    return views.page(request, "cards_progress.html", section="cards", progress=cp.progress(sessions=sessions, bank=b),
                      decks=b.decks)


# ---------------------------------------------------------------- the user's own cards

Text = Annotated[str, Form(max_length=own_cards.MAX_TEXT)]


def _card_input(question: str, answer: str, key_points: str, tags: str, deeper: str, card_id: str = "") -> \
        own_cards.CardInput:
    return own_cards.CardInput(question=question, answer=answer,
                               key_points=tuple(p for p in key_points.splitlines() if p.strip()),
                               tags=tuple(tags.replace(",", " ").split()), deeper=deeper, id=card_id)


def _mine_page(request: Request, sessions: SessionsDep, message: str = "", status_code: int = 200,
               **form: str) -> HTMLResponse:
    return views.page(request, "cards_mine.html", section="cards", status_code=status_code,
                      cards=own_cards.own_cards(sessions=sessions), message=message, form=form)


@router.get("/cards/mine", response_class=HTMLResponse)
def mine_page(request: Request, sessions: SessionsDep, note: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    return _mine_page(request, sessions, note)


@router.post("/cards/mine", response_class=HTMLResponse, dependencies=[CsrfChecked])
def mine_add(request: Request, sessions: SessionsDep, question: Text = "", answer: Text = "", key_points: Text = "",
             tags: Annotated[str, Form(max_length=500)] = "", deeper: Text = "") -> Response:
    try:
        cid = own_cards.add_card(sessions=sessions, card=_card_input(question, answer, key_points, tags, deeper))
    except InvalidInput as exc:
        return _mine_page(request, sessions, str(exc), 400, question=question, answer=answer, key_points=key_points,
                          tags=tags, deeper=deeper)
    return RedirectResponse(f"/cards/mine?{urlencode({'note': f'added {cid}'})}", status_code=303)


@router.get("/cards/mine/export")
def mine_export(sessions: SessionsDep, format: Annotated[str, Query(pattern="^(csv|anki)$")] = "csv") -> Response:
    cards = own_cards.own_cards(sessions=sessions)
    if format == "csv":
        return Response(own_cards.export_csv(cards), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="my-cards.csv"'})
    return Response(own_cards.export_anki(cards), media_type="text/plain; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="my-cards-anki.txt"'})


@router.post("/cards/mine/import", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def mine_import(request: Request, sessions: SessionsDep, file: UploadFile,
                      format: Annotated[str, Form(pattern="^(auto|csv|anki)$")] = "auto") -> Response:
    raw = await file.read(2 * 1024 * 1024 + 1)
    name = file.filename or "upload"
    return await run_in_threadpool(_import_upload, request, sessions, name, raw, format)


def _import_upload(request: Request, sessions: SessionFactory, name: str, raw: bytes, format: str) -> Response:
    if len(raw) > 2 * 1024 * 1024:
        return _mine_page(request, sessions, f"{name}: larger than 2 MB; nothing was imported", 400)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _mine_page(request, sessions, f"{name}: not UTF-8 text; nothing was imported", 400)
    fmt = own_cards.guess_format(name, text) if format == "auto" else format
    try:
        rep = own_cards.import_cards(sessions=sessions, text=text, fmt=fmt)
    except InvalidInput as exc:
        return _mine_page(request, sessions, f"{name}: {exc}; nothing was imported", 400)
    note = f"imported {len(rep.added)} new, updated {len(rep.updated)} (their review history kept)"
    return RedirectResponse(f"/cards/mine?{urlencode({'note': note})}", status_code=303)


def _own(sessions: SessionsDep, slug: str) -> Card:
    try:
        return own_cards.get_card(sessions=sessions, card_id=slug)
    except InvalidInput as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/cards/mine/{slug}", response_class=HTMLResponse)
def mine_edit_page(request: Request, slug: str, sessions: SessionsDep) -> HTMLResponse:
    card = _own(sessions, slug)
    return views.page(request, "cards_mine_edit.html", section="cards", card=card, message="",
                      form={"question": card.question, "answer": card.answer, "deeper": card.deeper,
                            "key_points": "\n".join(k.point for k in card.key_points), "tags": " ".join(card.tags)})


@router.post("/cards/mine/{slug}", response_class=HTMLResponse, dependencies=[CsrfChecked])
def mine_edit(request: Request, slug: str, sessions: SessionsDep, question: Text = "", answer: Text = "",
              key_points: Text = "", tags: Annotated[str, Form(max_length=500)] = "", deeper: Text = "") -> Response:
    card = _own(sessions, slug)
    form = {"question": question, "answer": answer, "key_points": key_points, "tags": tags, "deeper": deeper}
    try:
        own_cards.edit_card(sessions=sessions, card_id=card.id, card=_card_input(question, answer, key_points, tags,
                                                                                   deeper))
    except InvalidInput as exc:
        return views.page(request, "cards_mine_edit.html", section="cards", card=card, message=str(exc), form=form,
                          status_code=400)
    return RedirectResponse(f"/cards/mine?{urlencode({'note': f'saved {card.id}'})}", status_code=303)


@router.post("/cards/mine/{slug}/delete", dependencies=[CsrfChecked])
def mine_delete(slug: str, sessions: SessionsDep) -> RedirectResponse:
    card = _own(sessions, slug)
    own_cards.delete_card(sessions=sessions, card_id=card.id)
    return RedirectResponse(f"/cards/mine?{urlencode({'note': f'deleted {card.id}'})}", status_code=303)
