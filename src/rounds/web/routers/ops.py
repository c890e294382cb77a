"""For the machines that run a server: liveness, readiness and Prometheus metrics.

``/healthz`` answers while the process serves; ``/readyz`` says whether it can do its work (the
database answers and is at the newest migration; judging is possible here or, on the queue, the
queue's tables exist); ``/metrics`` is the Prometheus text format (see rounds.metrics).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from sqlalchemy import text

from rounds.metrics import DatabaseCollector

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    checks: dict[str, str] = {}
    try:
        from rounds.storage.migrate import current, head

        at, want = current(request.app.state.db.engine), head()
        checks["database"] = "ok" if at == want else f"at migration {at}, the code expects {want}"
    except Exception as exc:  # noqa: BLE001 - readiness reports, it does not crash
        checks["database"] = f"unreachable: {type(exc).__name__}: {exc}"
    if settings.queue == "procrastinate":
        try:
            with request.app.state.db.engine.connect() as conn:
                found = conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar()
            checks["queue"] = "ok" if found else "the queue's tables are missing (start a rounds worker)"
        except Exception as exc:  # noqa: BLE001
            checks["queue"] = f"unreachable: {type(exc).__name__}: {exc}"
    else:
        mode = request.app.state.judge_mode
        checks["judge"] = "ok" if mode != "unavailable" else "no sandbox can run here"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    registry: CollectorRegistry | None = getattr(request.app.state, "metrics_registry", None)
    if registry is None:
        registry = CollectorRegistry(auto_describe=False)
        registry.register(DatabaseCollector(request.app.state.db.sessions,
                                            queued=request.app.state.settings.queue == "procrastinate"))
        request.app.state.metrics_registry = registry
    body = generate_latest(REGISTRY) + generate_latest(registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
