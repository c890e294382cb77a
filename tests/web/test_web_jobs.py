"""A page's request for a running job's news: held until a test finishes or the job ends, never
answered empty-handed early, and let go after its time if nothing happens."""

from __future__ import annotations

import asyncio
import threading
import time

from rounds.domain import verdict as v
from rounds.web.jobs import JobBoard


def _test(name: str) -> v.TestResult:
    return v.TestResult(name=name, level=1, verdict=v.Verdict.AC)


def test_a_held_request_wakes_when_a_test_finishes_in_another_thread() -> None:
    board = JobBoard(workers=1)
    go = threading.Event()

    def work(on_result):  # type: ignore[no-untyped-def]
        go.wait(5)
        on_result(_test("t1"))
        go.clear()
        go.wait(5)
        return "done"

    job = board.start(kind="run", problem_id="x", work=work)

    async def hold() -> tuple[int, bool, float]:
        t = time.monotonic()
        threading.Timer(0.2, go.set).start()
        await job.news(0, timeout=30)
        return len(job.results), job.done, time.monotonic() - t

    seen, done, waited = asyncio.run(hold())
    assert (seen, done) == (1, False)  # woken by the test, not by the end of the job
    assert waited < 30  # and not by the timeout
    go.set()

    async def until_done() -> bool:
        await job.news(1, timeout=30)
        return job.done

    assert asyncio.run(until_done())
    board.close()


def test_a_held_request_is_let_go_after_its_time_with_nothing_new() -> None:
    board = JobBoard(workers=1)
    release = threading.Event()
    job = board.start(kind="run", problem_id="x", work=lambda on_result: release.wait(10))
    asyncio.run(job.news(0, timeout=0.2))
    assert job.results == [] and not job.done
    assert job._waiters == []  # the request left nothing behind
    release.set()
    board.close()
