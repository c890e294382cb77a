"""Today, Catalog, History and Progress: pages that read; each calls one service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from rounds.services import web_pages
from rounds.web import views
from rounds.web.deps import CatalogDep, SessionsDep

router = APIRouter()
Text = Annotated[str, Query(max_length=200)]


@router.get("/", response_class=HTMLResponse)
def today(request: Request, cat: CatalogDep, sessions: SessionsDep) -> HTMLResponse:
    data = web_pages.today(sessions=sessions, catalog=cat)
    return views.page(request, "today.html", section="today", data=data)


@router.get("/catalog", response_class=HTMLResponse)
def catalog_page(request: Request, cat: CatalogDep, sessions: SessionsDep, q: Text = "", track: Text = "",
                 difficulty: Text = "", tag: Text = "", company: Text = "", status: Text = "") -> HTMLResponse:
    filters = {"q": q, "track": track, "difficulty": difficulty, "tag": tag, "company": company, "status": status}
    listing = web_pages.catalog_listing(sessions=sessions, catalog=cat, **filters)
    if views.is_htmx(request) and request.headers.get("hx-target") == "catalog-results":
        return views.templates.TemplateResponse(request, "_catalog_rows.html", {"listing": listing})
    return views.page(request, "catalog.html", section="catalog", listing=listing, filters=filters)


@router.get("/history", response_class=HTMLResponse)
def history(request: Request, cat: CatalogDep, sessions: SessionsDep, problem: Text = "") -> HTMLResponse:
    data = web_pages.history(sessions=sessions, catalog=cat, problem_id=problem or None)
    return views.page(request, "history.html", section="history", data=data, problem_filter=problem)


@router.get("/history/{submission_id}", response_class=HTMLResponse)
def submission(request: Request, submission_id: int, cat: CatalogDep, sessions: SessionsDep) -> HTMLResponse:
    data = web_pages.submission_detail(sessions=sessions, catalog=cat, submission_id=submission_id)
    if data is None:
        raise HTTPException(404, f"There is no submission {submission_id}.")
    return views.page(request, "submission.html", section="history", data=data)


VERDICT_TEXT = {
    "AC": "every check of the test passed",
    "WA": "your code ran and returned something else than the test expects",
    "TLE": "your code used more CPU (or wall-clock) time than the test allows: usually a slower algorithm",
    "MLE": "your code used more memory than the test allows",
    "OLE": "your code printed, or returned, more than the judge keeps",
    "RE": "your code raised an exception or crashed",
    "CE": "your code does not compile or import, or uses something the sandbox refuses",
    "IE": "the judge failed, not your code: run again, and report it if it stays",
}


@router.get("/guide", response_class=HTMLResponse)
def guide(request: Request, cat: CatalogDep) -> HTMLResponse:
    from rounds.domain.attempt import DRILL_MINUTES, Mode, describe_mode
    from rounds.domain.verdict import Verdict

    oop = sorted((p for p in cat if p.track == "oop" and p.multi_level),
                 key=lambda p: (p.levels[0].minutes, p.minutes, p.id))
    modes = [(m.value, describe_mode(m, DRILL_MINUTES if m is Mode.DRILL else 0)) for m in Mode]
    return views.page(request, "guide.html", section="guide", verdicts=[(v, VERDICT_TEXT[v.value]) for v in Verdict],
                      modes=[(m, t.replace(" 0-minute", "")) for m, t in modes], warmup=oop[0] if oop else None)


@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, cat: CatalogDep, sessions: SessionsDep) -> HTMLResponse:
    data = web_pages.progress(sessions=sessions, catalog=cat)
    return views.page(request, "progress.html", section="progress", data=data)
