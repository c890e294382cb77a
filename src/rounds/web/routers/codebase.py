"""The codebase page: the brief, the repository as a file tree with an editor, Run tests (the visible
phase, as `rounds test`), Submit (every phase, as `rounds submit`), and after the attempt the
editorial, the user's diff against the starting repository and the assistant's conversation.

These routes come before the problem page's (``/p/{track}/{slug}``), so a codebase's page, its
autosave, Run and Submit take the repository's files (a JSON object of path to text); starting an
attempt, resetting it, hints, the editorial and the judging jobs are the problem page's own.
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

from rounds.content import codebase as cb
from rounds.content.package import PackageError, Problem
from rounds.domain.attempt import mode_budgets
from rounds.services import codebase_assistant as assistant
from rounds.services import codebase_practice as cbp
from rounds.services import web_practice as practice
from rounds.services.errors import ServiceError
from rounds.services.web_judging import JudgeRefused
from rounds.web import views
from rounds.web.deps import CatalogDep, CsrfChecked, JobsDep, SessionsDep, SettingsDep
from rounds.web.jobs import JobError
from rounds.web.routers.problem import POLL_MS, AttemptF, AttemptQ, _attempt_id, _start_choices

router = APIRouter()
views.templates.env.filters.update(test_groups=cbp.test_groups, failing_hidden=cbp.failing_hidden)

Files = Annotated[str, Form(max_length=cbp.MAX_FORM_CHARS, description="the repository: a JSON object of path to text")]
Message = Annotated[str, Form(max_length=assistant.MAX_MESSAGE + 200)]
PathF = Annotated[str, Form(max_length=300)]
Current = Annotated[str | None, Form(max_length=cb.MAX_FILE_BYTES * 4)]
Refusals = (JudgeRefused, ServiceError)


def _codebase(cat: CatalogDep, slug: str) -> Problem:
    problem = cat.get(f"{cb.TRACK}/{slug}")
    if not cb.is_codebase(problem):
        raise HTTPException(404, f"{problem.id} is not a codebase")
    return problem


@router.get("/p/codebase/{slug}", response_class=HTMLResponse)
def codebase_page(request: Request, slug: str, cat: CatalogDep, sessions: SessionsDep,
                  attempt: AttemptQ = None) -> HTMLResponse:
    problem = _codebase(cat, slug)
    try:
        page = cbp.page_view(sessions=sessions, problem=problem, attempt_id=attempt)
    except ServiceError as exc:
        raise HTTPException(404, str(exc)) from None
    except (OSError, PackageError) as exc:
        raise HTTPException(500, f"This codebase failed to load: {exc}") from None
    from rounds.services.user_settings import editor_settings

    budgets = mode_budgets(problem_minutes=problem.minutes, levels=len(problem.levels))
    return views.page(request, "codebase.html", section="catalog", problem=problem, page=page, view=page.view,
                      **_start_choices(problem), budgets={m.value: n for m, n in budgets.items()},
                      editor_settings=editor_settings(sessions=sessions), endpoint=assistant.endpoint(),
                      chat_message="", draft="")


@router.post("/p/codebase/{slug}/files", dependencies=[CsrfChecked])
def save_files(slug: str, files: Files, cat: CatalogDep, sessions: SessionsDep, attempt: AttemptF = "") -> JSONResponse:
    """Autosave: the repository into the attempt (the first edit starts a practice attempt)."""
    problem = _codebase(cat, slug)
    try:
        saved = cbp.save(sessions=sessions, problem=problem, files=files, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return JSONResponse({"error": str(exc)}, status_code=409)
    return JSONResponse(saved)


@router.post("/p/codebase/{slug}/run", response_class=HTMLResponse, dependencies=[CsrfChecked])
def run_tests(request: Request, slug: str, files: Files, cat: CatalogDep, sessions: SessionsDep, jobs: JobsDep,
              settings: SettingsDep, attempt: AttemptF = "") -> HTMLResponse:
    """Run tests: the repository's own tests, as they are (the visible phase)."""
    problem = _codebase(cat, slug)
    try:
        prepared = cbp.prepare_run(sessions=sessions, problem=problem, files=files, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return _refused(exc)
    return _start(request, jobs, settings, sessions, problem, "run", prepared)


@router.post("/p/codebase/{slug}/submit", response_class=HTMLResponse, dependencies=[CsrfChecked])
def submit(request: Request, slug: str, files: Files, cat: CatalogDep, sessions: SessionsDep, jobs: JobsDep,
           settings: SettingsDep, attempt: AttemptF = "") -> HTMLResponse:
    """Submit: every phase (visible, hidden, benchmark, explanation)."""
    problem = _codebase(cat, slug)
    try:
        prepared = cbp.prepare_submit(sessions=sessions, problem=problem, files=files, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return _refused(exc)
    return _start(request, jobs, settings, sessions, problem, "submit", prepared)


def _start(request: Request, jobs: JobsDep, settings: SettingsDep, sessions: SessionsDep, problem: Problem,
           kind: str, judging: cbp.Judging) -> HTMLResponse:
    def work(on_result: practice.OnResult) -> cbp.CodebaseOutcome:
        try:
            outcome = judging.prepared.run(settings=settings, on_result=on_result)
        except JudgeRefused as exc:
            raise JobError(str(exc)) from None
        return cbp.judged(outcome, sessions=sessions, problem=problem)

    job = jobs.start(kind=kind, problem_id=problem.id, total=judging.total, work=work)
    # A Run or Submit that started a practice attempt: the page adopts it and shows its clock.
    return views.templates.TemplateResponse(
        request, "_codebase_results.html",
        {"job": job, "problem": problem, "poll_ms": POLL_MS, "oob": False, "csrf_token": request.state.csrf,
         "started": judging.started})


def _refused(exc: Exception) -> HTMLResponse:
    return HTMLResponse(f'<p class="flash" role="alert" id="refused">{escape(str(exc))}</p>')


@router.post("/p/codebase/{slug}/assistant", response_class=HTMLResponse, dependencies=[CsrfChecked])
def ask_assistant(request: Request, slug: str, cat: CatalogDep, sessions: SessionsDep, message: Message = "",
                  path: PathF = "", current: Current = None, attempt: AttemptF = "") -> HTMLResponse:
    """The built-in assistant (AI-allowed codebases, with an endpoint set up): the user's message and
    its answer, kept with the attempt; a failure keeps the message in the box."""
    problem = _codebase(cat, slug)
    if not assistant.allowed(problem):
        raise HTTPException(404, f"{problem.id} is a no-AI round: it has no assistant")
    error = ""
    shown = _attempt_id(attempt)
    try:
        if not assistant.available():
            raise assistant.ModelUnavailable(assistant.NOT_SET_UP)
        if shown is None:  # the first message starts a practice attempt, as the first edit does
            shown, _ = practice._open_attempt(sessions, problem, problem.starter)
        assistant.ask(sessions=sessions, problem=problem, attempt_id=shown, message=message, path=path,
                      current=current)
    except Refusals as exc:
        error = str(exc)
    page = cbp.page_view(sessions=sessions, problem=problem, attempt_id=shown)
    return views.page(request, "_codebase_assistant.html", problem=problem, page=page, view=page.view,
                      endpoint=assistant.endpoint(), chat_message=error, draft=message if error else "",
                      base=f"/p/{problem.id}", poll_ms=POLL_MS)
