"""The problem page: statement, editor, Run and Submit with results test by test."""

from __future__ import annotations

from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from rounds.content.package import PackageError, Problem
from rounds.domain.attempt import Mode, describe_mode, mode_budgets
from rounds.domain.feedback import MODES
from rounds.services import web_practice as practice
from rounds.services.errors import ServiceError
from rounds.services.web_judging import JudgeRefused, custom_example
from rounds.web import views
from rounds.web.deps import CatalogDep, CsrfChecked, JobsDep, SessionsDep, SettingsDep
from rounds.web.jobs import Job, JobError

router = APIRouter()
POLL_MS = 0  # the page asks again at once: the server holds each request until there is news
HOLD_S = 2.0

Code = Annotated[str, Form(max_length=2 * 1024 * 1024)]
Refusals = (JudgeRefused, ServiceError)
AttemptQ = Annotated[int | None, Query(ge=1, description="the attempt to show")]
AttemptF = Annotated[str, Form(max_length=20, description="the attempt the page works on (empty: the newest open)")]


def _attempt_id(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise HTTPException(400, f"attempt must be a number, not {value[:20]!r}")
    return int(value)


def _problem(cat: CatalogDep, track: str, slug: str) -> Problem:
    return cat.get(f"{track}/{slug}")


@router.get("/p/{track}/{slug}", response_class=HTMLResponse)
def problem_page(request: Request, track: str, slug: str, cat: CatalogDep, sessions: SessionsDep,
                 settings: SettingsDep, attempt: AttemptQ = None) -> HTMLResponse:
    problem = _problem(cat, track, slug)
    try:
        view = practice.problem_view(sessions=sessions, problem=problem, attempt_id=attempt)
    except ServiceError as exc:
        raise HTTPException(404, str(exc)) from None
    except (OSError, PackageError) as exc:
        raise HTTPException(500, f"This problem failed to load: {exc}") from None
    from rounds.services.user_settings import editor_settings

    budgets = mode_budgets(problem_minutes=problem.minutes, levels=len(problem.levels))
    return views.page(request, "problem.html", section="catalog", problem=problem, view=view,
                      custom_allowed=settings.environment != "server", custom_example=custom_example(problem),
                      budgets={m.value: n for m, n in budgets.items()},
                      editor_settings=editor_settings(sessions=sessions), **_start_choices(problem))


def _start_choices(problem: Problem) -> dict[str, Any]:
    """What the start panel offers: the modes with their time budgets, the feedback modes."""
    budgets = mode_budgets(problem_minutes=problem.minutes, levels=len(problem.levels))
    drill = problem.grader != "codebase"  # a codebase is one level: no drill
    return {"base": f"/p/{problem.id}", "feedbacks": MODES,
            "modes": [(m.value, describe_mode(m, budgets[m])) for m in Mode if drill or m is not Mode.DRILL]}


@router.post("/p/{track}/{slug}/start", dependencies=[CsrfChecked])
def start(track: str, slug: str, cat: CatalogDep, sessions: SessionsDep,
          mode: Annotated[str, Form()] = "practice", feedback: Annotated[str, Form()] = "standard",
          level: Annotated[int | None, Form(ge=1, le=20)] = None,
          code: Annotated[str | None, Form(max_length=2 * 1024 * 1024)] = None,
          minutes: Annotated[int | None, Form(ge=5, le=600)] = None) -> RedirectResponse:
    problem = _problem(cat, track, slug)
    try:
        view = practice.start(sessions=sessions, problem=problem, mode=mode, feedback=feedback, level=level,
                              code=code, minutes=minutes)
    except Refusals as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/p/{problem.id}?attempt={view.shown_id}", status_code=303)


def _attempt_action(action: Any, cat: Any, sessions: Any, track: str, slug: str, attempt: str,
                    anchor: str = "") -> RedirectResponse:
    """Run a practice action on the shown attempt and go back to its page (a refusal is a 400)."""
    problem = _problem(cat, track, slug)
    try:
        shown = action(sessions=sessions, problem=problem, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/p/{problem.id}?attempt={shown}{anchor}", status_code=303)


@router.post("/p/{track}/{slug}/reset", dependencies=[CsrfChecked])
def reset(track: str, slug: str, cat: CatalogDep, sessions: SessionsDep, attempt: AttemptF = "") -> RedirectResponse:
    return _attempt_action(practice.reset, cat, sessions, track, slug, attempt)


@router.post("/settings/editor", dependencies=[CsrfChecked])
def editor_settings(sessions: SessionsDep, font_size: Annotated[int, Form()] = 14,
                    wrap: Annotated[bool, Form()] = False, theme: Annotated[str, Form(max_length=10)] = "page",
                    ) -> JSONResponse:
    from rounds.services.user_settings import save_editor_settings

    try:
        return JSONResponse(save_editor_settings(sessions=sessions, font_size=font_size, wrap=wrap, theme=theme))
    except ServiceError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)


@router.post("/p/{track}/{slug}/stubs", dependencies=[CsrfChecked])
def stubs(track: str, slug: str, code: Code, cat: CatalogDep,
          level: Annotated[int, Form(ge=2, le=20)]) -> JSONResponse:
    """``code`` with the stubs of level ``level``'s methods added to its class (none: ``code`` is null)."""
    from rounds.content.starters import add_stubs

    problem = _problem(cat, track, slug)
    return JSONResponse({"code": add_stubs(code, problem, level), "level": level})


@router.post("/p/{track}/{slug}/hint", dependencies=[CsrfChecked])
def hint(track: str, slug: str, cat: CatalogDep, sessions: SessionsDep, attempt: AttemptF = "") -> RedirectResponse:
    return _attempt_action(practice.take_hint, cat, sessions, track, slug, attempt, "#hints")


@router.post("/p/{track}/{slug}/editorial", dependencies=[CsrfChecked])
def editorial_now(track: str, slug: str, cat: CatalogDep, sessions: SessionsDep,
                  attempt: AttemptF = "") -> RedirectResponse:
    return _attempt_action(practice.show_editorial, cat, sessions, track, slug, attempt, "#editorial")


@router.post("/p/{track}/{slug}/code", dependencies=[CsrfChecked])
def save_code(track: str, slug: str, code: Code, cat: CatalogDep, sessions: SessionsDep,
              attempt: AttemptF = "") -> JSONResponse:
    problem = _problem(cat, track, slug)
    try:
        saved = practice.save_code(sessions=sessions, problem=problem, code=code, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return JSONResponse({"error": str(exc)}, status_code=409)
    return JSONResponse(saved)


@router.post("/p/{track}/{slug}/run", response_class=HTMLResponse, dependencies=[CsrfChecked])
def run(request: Request, track: str, slug: str, code: Code, cat: CatalogDep, sessions: SessionsDep,
        jobs: JobsDep, settings: SettingsDep,
        custom: Annotated[str, Form(max_length=64 * 1024)] = "", attempt: AttemptF = "") -> HTMLResponse:
    problem = _problem(cat, track, slug)
    if settings.environment == "server":
        custom = ""  # the reference would run the input on the host: not for strangers' inputs
    try:
        prepared = practice.prepare_run(sessions=sessions, problem=problem, code=code, custom=custom,
                                        attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return _refused(exc)
    return _start_job(request, jobs, settings, problem, "run", prepared)


@router.post("/p/{track}/{slug}/submit", response_class=HTMLResponse, dependencies=[CsrfChecked])
def submit(request: Request, track: str, slug: str, code: Code, cat: CatalogDep, sessions: SessionsDep,
           jobs: JobsDep, settings: SettingsDep, attempt: AttemptF = "") -> HTMLResponse:
    problem = _problem(cat, track, slug)
    try:
        prepared = practice.prepare_submit(sessions=sessions, problem=problem, code=code, attempt_id=_attempt_id(attempt))
    except Refusals as exc:
        return _refused(exc)
    return _start_job(request, jobs, settings, problem, "submit", prepared)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
async def job_status(request: Request, job_id: str, jobs: JobsDep, cat: CatalogDep,
                     seen: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    """The job's results so far. With ``seen`` (the results the page shows), the answer waits up to
    ``HOLD_S`` for something new, so the page learns of each test as it finishes without polling fast."""
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "These results are no longer kept; run again, or see the History page.")
    if seen is not None:
        await job.news(seen, HOLD_S)
    return _fragment(request, job, cat.get(job.problem_id))


def _start_job(request: Request, jobs: JobsDep, settings: SettingsDep, problem: Problem, kind: str,
               prepared: practice.Prepared) -> HTMLResponse:
    def work(on_result: practice.OnResult) -> practice.Outcome:
        try:
            return prepared.run(settings=settings, on_result=on_result)
        except JudgeRefused as exc:
            raise JobError(str(exc)) from None

    job = jobs.start(kind=kind, problem_id=problem.id, total=prepared.total, work=work)
    job.inputs = prepared.inputs
    return _fragment(request, job, problem)


def _refused(exc: Exception) -> HTMLResponse:
    return HTMLResponse(f'<p class="flash" role="alert">{escape(str(exc))}</p>')


def _fragment(request: Request, job: Job, problem: Problem) -> HTMLResponse:
    template = "_codebase_results.html" if problem.grader == "codebase" else "_results.html"  # phases, test log
    # A Submit that ends the attempt brings the panel to start a new one (see _start_panel.html).
    ended = job.done and job.kind == "submit" and getattr(getattr(job.outcome, "view", None), "finished", False)
    return views.templates.TemplateResponse(
        request, template,
        {"job": job, "problem": problem, "poll_ms": POLL_MS, "oob": False, "csrf_token": request.state.csrf,
         "start_choices": _start_choices(problem) if ended else None})
