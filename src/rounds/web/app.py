"""The web app factory: `rounds serve` runs ``create_app()`` with uvicorn."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rounds.config import Settings, get_settings
from rounds.content.catalog import UnknownProblem, catalog
from rounds.content.package import PackageError
from rounds.judge.factory import choose_mode
from rounds.services import submissions
from rounds.services.errors import ServiceError
from rounds.storage.db import database
from rounds.web import views
from rounds.web.jobs import JobBoard
from rounds.web.routers import behavioral, cards, codebase, ops, pages, problem
from rounds.web.routers.design import router as design_router
from rounds.web.routers.loops import router as loops_router
from rounds.web.security import (
    GuardMiddleware,
    SessionMiddleware,
    Tokens,
    allowed_hosts,
    load_secret,
)

logger = logging.getLogger("rounds.web")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; in server mode, refuse to start without the bubblewrap sandbox."""
    settings = settings or get_settings()
    judge_mode = choose_mode(settings) if settings.environment == "server" else _local_mode(settings)
    queued = settings.queue == "procrastinate"
    # On the queue a job here only waits for a worker's result: many can wait at once.
    jobs = JobBoard(workers=64 if queued else settings.workers)
    db = database(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if judge_mode != "unavailable" and not queued:  # on the queue, the workers recover
            jobs.start(kind="recover", problem_id="", work=lambda _on_result: submissions.recover_interrupted(
                sessions=db.sessions, settings=settings))
        yield
        jobs.close()

    app = FastAPI(title="rounds", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.jobs = jobs
    app.state.db = db
    app.state.judge_mode = judge_mode
    app.state.tokens = Tokens(load_secret(settings.secret_key, settings.data_dir))
    app.mount("/static", StaticFiles(directory=str(views.HERE / "static")), name="static")
    app.include_router(ops.router)  # /healthz, /readyz, /metrics
    app.include_router(pages.router)
    app.include_router(codebase.router)  # before the problem page's routes: a codebase's own page
    app.include_router(problem.router)
    app.include_router(cards.router)
    app.include_router(behavioral.router)
    app.include_router(design_router)
    app.include_router(loops_router)
    if settings.accounts:
        from rounds.web import accounts as web_accounts
        from rounds.web.routers import admin

        app.include_router(web_accounts.router)
        app.include_router(admin.router)  # /admin: the accounts, for admins
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _bad_request)  # type: ignore[arg-type]
    app.add_exception_handler(UnknownProblem, _unknown_problem)  # type: ignore[arg-type]
    app.add_exception_handler(PackageError, _broken_problem)  # type: ignore[arg-type]
    app.add_exception_handler(ServiceError, _service_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _crash)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(views.HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    server = settings.environment == "server"
    extra_hosts = getattr(settings, "allowed_hosts", None) or ()
    if settings.accounts:  # inside the session middleware: it reads the session id
        from rounds.web.accounts import AccountsMiddleware

        app.add_middleware(AccountsMiddleware, sessions=db.sessions)
    app.add_middleware(SessionMiddleware, tokens=app.state.tokens, secure=server,
                       samesite="lax" if settings.accounts else "strict")
    app.add_middleware(GuardMiddleware, hosts=allowed_hosts(settings.host, extra_hosts))
    return app


def _local_mode(settings: Settings) -> str:
    try:
        return choose_mode(settings)
    except Exception:
        return "unavailable"  # the pages still work; judging explains why it cannot run


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = str(exc.detail)
    if views.is_htmx(request) or request.method != "GET":
        return HTMLResponse(f'<p class="flash" role="alert">{_esc(message)}</p>', status_code=exc.status_code)
    title = {404: "Not found", 403: "Refused"}.get(exc.status_code, "Something went wrong")
    return views.page(request, "error.html", status_code=exc.status_code, title=title, message=message)


async def _unknown_problem(request: Request, exc: UnknownProblem) -> Response:
    return await _http_error(request, HTTPException(404, str(exc)))


async def _bad_request(request: Request, exc: RequestValidationError) -> Response:
    parts = []
    for e in exc.errors()[:3]:
        where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return await _http_error(request, HTTPException(422, "The request was not understood: " + "; ".join(parts)))


async def _broken_problem(request: Request, exc: PackageError) -> Response:
    return await _http_error(request, HTTPException(500, f"This problem failed to load: {exc}"))


async def _crash(request: Request, exc: Exception) -> Response:
    logger.exception("error while serving %s", request.url.path, exc_info=exc)
    message = f"Something broke on our side ({type(exc).__name__}: {exc}). Your saved code is safe."
    return HTMLResponse(f'<!doctype html><title>Error</title><p role="alert">{_esc(message)}</p>', status_code=500)


async def _service_error(request: Request, exc: ServiceError) -> Response:
    return await _http_error(request, HTTPException(400, str(exc)))


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
