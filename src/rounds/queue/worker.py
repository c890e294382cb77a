"""``rounds worker``: a process that claims judging jobs from the queue and judges them.

Run as many as the machines allow, each with ``ROUNDS_DATABASE_URL`` pointing at the shared
PostgreSQL database and ``ROUNDS_QUEUE=procrastinate``. A worker judges ``concurrency`` jobs at
once on its own warm pool of as many sandbox slots. Besides judging, every worker keeps the queue
honest (see rounds.queue.jobs): it puts back the jobs of workers that stopped sending heartbeats,
and queues any stored submission that has no job (its web process died between storing and
deferring it).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import timedelta
from typing import Any

from sqlalchemy import text

from rounds.config import Settings
from rounds.metrics import JOBS
from rounds.queue import jobs as q

log = logging.getLogger("rounds.worker")

ORPHAN_AFTER = timedelta(seconds=10)  # a pending submission with no job this long after it was stored


def run(settings: Settings, *, concurrency: int, name: str | None = None, wait: bool = True) -> None:
    """Judge jobs until stopped (SIGINT/SIGTERM: finish the jobs in hand, then exit); with
    ``wait=False``, until the queue is empty."""
    asyncio.run(_main(settings, concurrency=concurrency, name=name or f"{socket.gethostname()}", wait=wait))


def make_app(settings: Settings, sessions: Any) -> Any:
    """A procrastinate app with the judging task bound to ``sessions`` and ``settings``."""
    import procrastinate

    from rounds.services.submissions import judge_from_queue

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=q.conninfo(settings)))
    progress = q.ProgressSender(settings)

    # A retry here covers a judge that could not run at all (JudgeUnavailable); a killed worker's
    # job comes back through the stalled-job sweep instead. Tries are counted on the submission.
    @app.task(name=q.TASK, queue=q.QUEUE, retry=procrastinate.RetryStrategy(max_attempts=q.MAX_TRIES, wait=1))
    def judge(submission_id: int) -> str:
        outcome = judge_from_queue(sessions=sessions, settings=settings, submission_id=submission_id,
                                   max_tries=q.MAX_TRIES,
                                   on_result=lambda t: progress.send(submission_id, t))
        JOBS.labels(outcome=outcome).inc()
        log.info("submission %s: %s", submission_id, outcome,
                 extra={"event": "judged", "submission_id": submission_id, "outcome": outcome})
        return outcome

    return app


async def _main(settings: Settings, *, concurrency: int, name: str, wait: bool) -> None:
    from rounds.judge.factory import get_judge
    from rounds.storage.db import database

    q.ensure_schema(settings)
    db = database(settings)
    settings = settings.model_copy(update={"workers": concurrency})
    await asyncio.to_thread(get_judge, settings)  # warm the pool before the first job
    app = make_app(settings, db.sessions)
    async with app.open_async():
        keeper = asyncio.create_task(_keep(app, db.sessions, settings))
        try:
            log.info("worker %s: judging with %d slot(s)", name, concurrency,
                     extra={"event": "worker_started", "worker": name, "concurrency": concurrency})
            await app.run_worker_async(queues=[q.QUEUE], concurrency=concurrency, name=name, wait=wait,
                                       update_heartbeat_interval=q.HEARTBEAT_S,
                                       stalled_worker_timeout=q.STALLED_S, delete_jobs="successful",
                                       fetch_job_polling_interval=2.0)
        finally:
            keeper.cancel()
            db.dispose()


async def _keep(app: Any, sessions: Any, settings: Settings) -> None:
    """Every heartbeat: requeue the jobs of dead workers; every few: queue orphaned submissions."""
    beats = 0
    while True:
        await asyncio.sleep(q.HEARTBEAT_S)
        beats += 1
        try:
            await requeue_stalled(app)
            if beats % 5 == 0:
                for sid in await asyncio.to_thread(orphans, sessions):
                    await app.configure_task(name=q.TASK, queue=q.QUEUE, lock=q.lock_of(sid),
                                             queueing_lock=q.lock_of(sid)).defer_async(submission_id=sid)
                    log.warning("submission %s had no job: queued", sid,
                                extra={"event": "orphan_queued", "submission_id": sid})
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the keeper must outlive a hiccup of the database
            log.warning("queue upkeep failed: %s: %s", type(exc).__name__, exc, extra={"event": "upkeep_failed"})


async def requeue_stalled(app: Any) -> list[int]:
    """Put back in the queue the jobs of workers silent for longer than ``STALLED_S``."""
    stalled = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=q.STALLED_S, queue=q.QUEUE)
    for job in stalled:
        await app.job_manager.retry_job(job)
        log.warning("job %s (%s) of a stalled worker: queued again", job.id, job.task_kwargs,
                    extra={"event": "stalled_requeued", "job_id": job.id})
    return [j.id for j in stalled]


def orphans(sessions: Any) -> list[int]:
    """Submissions stored but neither judged nor queued: no job waits for them and no live local
    process claims them."""
    from rounds.domain import attempt as dom
    from rounds.services import claims
    from rounds.storage import repositories as repo

    now = dom.now_utc()
    with sessions.begin() as s:
        queued = {str(r[0]) for r in s.execute(text(
            "SELECT lock FROM procrastinate_jobs WHERE status IN ('todo', 'doing') AND lock IS NOT NULL"))}
        out = []
        for sub in repo.pending(s):
            created = sub.created_at if sub.created_at.tzinfo else sub.created_at.replace(tzinfo=now.tzinfo)
            if now - created < ORPHAN_AFTER or q.lock_of(sub.id) in queued:
                continue
            if sub.claimed_by and claims.alive(sub.claimed_by, sub.claimed_at, now):
                continue  # a process judging it in place (a terminal command on this database)
            out.append(sub.id)
        return out

