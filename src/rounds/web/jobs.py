"""Judging in the background, so that a page can show results test by test as they come.

A job runs one judging call in a worker thread; the call reports each finished test through a
callback, and the page polls the job for what is new. Jobs live in memory: a finished job is only
needed until the page has shown it, and the submission itself is stored by the service.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import secrets
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from rounds.domain.verdict import TestResult
from rounds.storage.repositories import acting_user

KEEP_S = 15 * 60


class JobError(Exception):
    """A failure worth showing to the user as it is (judge down, over the size limit...)."""


@dataclass
class Job:
    id: str
    kind: str  # "run" or "submit"
    problem_id: str
    total: int | None = None  # tests expected, when known up front
    results: list[TestResult] = field(default_factory=list)
    done: bool = False
    outcome: Any = None  # whatever the judging call returned
    error: str | None = None
    inputs: dict[str, str] = field(default_factory=dict)  # shown call -> the whole input, for the page
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    owner: int | None = None  # the user who started it (None: the local user); only they see it
    # Requests holding for news of this job: woken from the judging thread when a test finishes.
    _waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, t: TestResult) -> None:
        self.results.append(t)
        self._wake()

    def _wake(self) -> None:
        with self._lock:
            waiters = list(self._waiters)
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # that request's loop has closed
                loop.call_soon_threadsafe(event.set)

    async def news(self, seen: int, timeout: float) -> None:
        """Return once the job holds more than ``seen`` results or is done, or after ``timeout``."""
        event = asyncio.Event()
        me = (asyncio.get_running_loop(), event)
        with self._lock:
            self._waiters.append(me)
        try:
            if not self.done and len(self.results) <= seen:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), timeout)
        finally:
            with self._lock:
                self._waiters.remove(me)


Work = Callable[[Callable[[TestResult], None]], Any]


class JobBoard:
    """Runs jobs on a small thread pool and keeps them for a while."""

    def __init__(self, workers: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="rounds-judge")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, *, kind: str, problem_id: str, work: Work, total: int | None = None) -> Job:
        job = Job(id=secrets.token_urlsafe(12), kind=kind, problem_id=problem_id, total=total, owner=acting_user())
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        # The work runs as the user who started it (see repositories.acting_as).
        self._pool.submit(contextvars.copy_context().run, self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job, if the acting user started it."""
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.owner == acting_user() else None

    def _run(self, job: Job, work: Work) -> None:
        try:
            job.outcome = work(job.add)
        except JobError as exc:
            job.error = str(exc)
        except Exception as exc:  # the page must say what happened, never hang
            job.error = f"the judge failed: {type(exc).__name__}: {exc}"
            traceback.print_exc()
        finally:
            job.finished = time.monotonic()
            job.done = True
            job._wake()

    def _forget_old(self) -> None:
        now = time.monotonic()
        for jid in [j.id for j in self._jobs.values() if j.finished and now - j.finished > KEEP_S]:
            del self._jobs[jid]

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
