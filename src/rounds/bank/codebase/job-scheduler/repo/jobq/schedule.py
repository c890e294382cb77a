"""Planning the night: which worker runs what, and when."""

from __future__ import annotations

from collections.abc import Sequence

from jobq.jobs import Job


def simulate(jobs: Sequence[Job], workers: int) -> dict[str, tuple[int, int]]:
    """Plan ``jobs`` on ``workers`` identical workers; return each job's ``(start, end)`` minutes.

    Time starts at 0. A job is ready once every job it waits for has ended (a job ending at ``t``
    makes its dependents ready at ``t``). Whenever a worker is free and jobs are ready, the ready job
    with the highest priority starts, ties going to the smaller name, and it runs to its end
    (``end = start + duration``). Workers never idle while a job is ready. Raises ValueError
    (GraphError) for an unknown dependency or a cycle, and ValueError when ``workers < 1``.
    """
    raise NotImplementedError("TODO: plan the jobs")
