"""The mock loop in the browser: the templates and past runs, a run's page (agenda, the round on
with its clock and a link into the round's own page, the break), the scorecard with its charts, and
the self-contained HTML report. Every action is a plain form with the CSRF field."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rounds.services import loops
from rounds.services.errors import InvalidInput, ServiceError
from rounds.web import views
from rounds.web.deps import CsrfChecked, SessionsDep

router = APIRouter()

TemplateF = Annotated[str, Form(max_length=120)]


def _view(sessions: SessionsDep, run_id: int) -> loops.RunView:
    try:
        return loops.view(sessions=sessions, run_id=run_id)
    except loops.LoopNotFound as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/loops", response_class=HTMLResponse)
def loops_home(request: Request, sessions: SessionsDep, note: str = "") -> HTMLResponse:
    rows = loops.templates()
    active = loops.active_run(sessions=sessions)
    past = loops.past_runs(sessions=sessions, limit=30)
    rd = loops.readiness(sessions=sessions)
    return views.page(request, "loops.html", section="loops", rows=rows, active=active, past=past, rd=rd,
                      trend=loops.trend_spec(rd), signal_names=loops.SIGNAL_NAMES, note=note[:300],
                      failures=loops.template_failures())


@router.post("/loops/start", dependencies=[CsrfChecked])
def start(request: Request, sessions: SessionsDep, template: TemplateF) -> Response:
    try:
        rid = loops.start_run(sessions=sessions, template_id=template)
    except InvalidInput as exc:
        return loops_home(request, sessions, note=str(exc))
    return RedirectResponse(f"/loops/{rid}", status_code=303)


@router.get("/loops/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, sessions: SessionsDep, run_id: int, note: str = "") -> HTMLResponse:
    v = _view(sessions, run_id)
    return views.page(request, "loop.html", section="loops", v=v, note=note[:300])


def _act(request: Request, sessions: SessionsDep, run_id: int, action: str) -> Response:
    _view(sessions, run_id)
    try:
        if action == "next":
            r = loops.start_round(sessions=sessions, run_id=run_id)
            if r.link:  # straight into the round's own page; the loop page is one click back
                return RedirectResponse(r.link, status_code=303)
        elif action == "finish":
            loops.finish_round(sessions=sessions, run_id=run_id)
        elif action == "skip":
            loops.skip_round(sessions=sessions, run_id=run_id)
        else:
            loops.abandon_run(sessions=sessions, run_id=run_id)
    except ServiceError as exc:  # a round that cannot start (its problem gone from the bank, say) says why
        return run_page(request, sessions, run_id, note=str(exc))
    return RedirectResponse(f"/loops/{run_id}", status_code=303)


@router.post("/loops/{run_id}/next", dependencies=[CsrfChecked])
def next_round(request: Request, sessions: SessionsDep, run_id: int) -> Response:
    return _act(request, sessions, run_id, "next")


@router.post("/loops/{run_id}/finish", dependencies=[CsrfChecked])
def finish_round(request: Request, sessions: SessionsDep, run_id: int) -> Response:
    return _act(request, sessions, run_id, "finish")


@router.post("/loops/{run_id}/skip", dependencies=[CsrfChecked])
def skip_round(request: Request, sessions: SessionsDep, run_id: int) -> Response:
    return _act(request, sessions, run_id, "skip")


@router.post("/loops/{run_id}/abandon", dependencies=[CsrfChecked])
def abandon(request: Request, sessions: SessionsDep, run_id: int) -> Response:
    return _act(request, sessions, run_id, "abandon")


@router.get("/loops/{run_id}/scorecard", response_class=HTMLResponse)
def scorecard(request: Request, sessions: SessionsDep, run_id: int) -> HTMLResponse:
    v = _view(sessions, run_id)
    rd = loops.readiness(sessions=sessions)
    return views.page(request, "loop_scorecard.html", section="loops", v=v, rd=rd, chart=loops.chart_spec(v),
                      trend=loops.trend_spec(rd), signal_names=loops.SIGNAL_NAMES)


@router.get("/loops/{run_id}/report.html")
def report(sessions: SessionsDep, run_id: int) -> Response:
    _view(sessions, run_id)
    page = loops.report_html(sessions=sessions, run_id=run_id)
    return Response(page, media_type="text/html; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="loop-{run_id}-report.html"'})


# ---------------------------------------------------------------- the review queue across rounds


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, sessions: SessionsDep, fragment: str = "") -> HTMLResponse:
    """Everything missed across the rounds, with the reason each is due; ``fragment`` (Today loads it) the list only."""
    from rounds.services import review_queue

    q = review_queue.queue(sessions=sessions)
    if fragment or views.is_htmx(request):
        return views.page(request, "_review_queue.html", q=q, limit=8)
    return views.page(request, "review.html", section="today", q=q, limit=None)
