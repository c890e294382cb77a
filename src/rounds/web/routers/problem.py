"""The problem page: statement, editor, Run and Submit with results test by test."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

from rounds.content.package import Problem
from rounds.services import web_practice as practice
from rounds.services.web_judging import JudgeRefused
from rounds.web import views
from rounds.web.deps import CatalogDep, CsrfChecked, DbDep, JobsDep, SettingsDep
from rounds.web.jobs import Job, JobError

router = APIRouter()
POLL_MS = 250

Code = Annotated[str, Form(max_length=2 * 1024 * 1024)]


def _base(problem: Problem) -> str:
    return f"/p/{problem.id}"


def _problem(cat: CatalogDep, track: str, slug: str) -> Problem:
    return cat.get(f"{track}/{slug}")


@router.get("/p/{track}/{slug}", response_class=HTMLResponse)
def problem_page(request: Request, track: str, slug: str, cat: CatalogDep, db: DbDep,
                 settings: SettingsDep) -> HTMLResponse:
    problem = _problem(cat, track, slug)
    view = practice.problem_view(session=db, problem=problem)
    example = practice.custom_example(problem)
    return views.page(request, "problem.html", section="catalog", problem=problem, view=view,
                      base=_base(problem), custom_allowed=settings.environment != "server",
                      custom_example=example)


@router.post("/p/{track}/{slug}/code", dependencies=[CsrfChecked])
def save_code(track: str, slug: str, code: Code, cat: CatalogDep, db: DbDep) -> JSONResponse:
    problem = _problem(cat, track, slug)
    try:
        saved = practice.save_code(session=db, problem=problem, code=code)
    except JudgeRefused as exc:
        raise HTTPException(413, str(exc)) from None
    return JSONResponse(saved)


@router.post("/p/{track}/{slug}/run", response_class=HTMLResponse, dependencies=[CsrfChecked])
def run(request: Request, track: str, slug: str, code: Code, cat: CatalogDep, db: DbDep, jobs: JobsDep,
        settings: SettingsDep, custom: Annotated[str, Form(max_length=64 * 1024)] = "") -> HTMLResponse:
    problem = _problem(cat, track, slug)
    if settings.environment == "server":
        custom = ""
    try:
        prepared = practice.prepare_run(session=db, problem=problem, code=code, custom=custom)
    except JudgeRefused as exc:
        return _refused(exc)
    job = jobs.start(kind="run", problem_id=problem.id, total=prepared.total,
                     work=lambda on_result: _guard(prepared.run, settings, on_result))
    return _job_fragment(request, job, problem)


@router.post("/p/{track}/{slug}/submit", response_class=HTMLResponse, dependencies=[CsrfChecked])
def submit(request: Request, track: str, slug: str, code: Code, cat: CatalogDep, db: DbDep, jobs: JobsDep,
           settings: SettingsDep) -> HTMLResponse:
    problem = _problem(cat, track, slug)
    try:
        prepared = practice.prepare_submit(session=db, problem=problem, code=code)
    except JudgeRefused as exc:
        return _refused(exc)
    job = jobs.start(kind="submit", problem_id=problem.id, total=prepared.total,
                     work=lambda on_result: _guard(prepared.run, settings, on_result))
    return _job_fragment(request, job, problem)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_status(request: Request, job_id: str, jobs: JobsDep, cat: CatalogDep) -> HTMLResponse:
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "These results are no longer kept; run again.")
    return _job_fragment(request, job, cat.get(job.problem_id))


def _guard(fn: practice.Work, settings: SettingsDep, on_result: practice.OnResult) -> practice.Outcome:
    try:
        return fn(settings=settings, on_result=on_result)
    except JudgeRefused as exc:
        raise JobError(str(exc)) from None


def _refused(exc: JudgeRefused) -> HTMLResponse:
    from html import escape

    return HTMLResponse(f'<p class="flash" role="alert">{escape(str(exc))}</p>', status_code=200)


def _job_fragment(request: Request, job: Job, problem: Problem) -> HTMLResponse:
    return views.templates.TemplateResponse(
        request, "_results.html", {"job": job, "problem": problem, "poll_ms": POLL_MS, "oob": False,
                                   "csrf_token": request.state.csrf})
