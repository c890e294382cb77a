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


@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, cat: CatalogDep, sessions: SessionsDep) -> HTMLResponse:
    data = web_pages.progress(sessions=sessions, catalog=cat)
    return views.page(request, "progress.html", section="progress", data=data)
