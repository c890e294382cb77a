"""Planning the night: which worker runs what, and when."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from jobq.graph import check_graph
from jobq.jobs import Job


def simulate(jobs: Sequence[Job], workers: int) -> dict[str, tuple[int, int]]:
    """Plan ``jobs`` on ``workers`` identical workers; return each job's ``(start, end)`` minutes.

    Time starts at 0. A job is ready once every job it waits for has ended (a job ending at ``t``
    makes its dependents ready at ``t``). Whenever a worker is free and jobs are ready, the ready job
    with the highest priority starts, ties going to the smaller name, and it runs to its end
    (``end = start + duration``). Workers never idle while a job is ready. Raises ValueError
    (GraphError) for an unknown dependency or a cycle, and ValueError when ``workers < 1``.
    """
    if workers < 1:
        raise ValueError("at least one worker")
    check_graph(jobs)
    by_name = {j.name: j for j in jobs}
    waiting = {j.name: len(set(j.deps)) for j in jobs}
    dependents: dict[str, list[str]] = {j.name: [] for j in jobs}
    for j in jobs:
        for d in set(j.deps):
            dependents[d].append(j.name)
    ready = [(-j.priority, j.name) for j in jobs if waiting[j.name] == 0]
    heapq.heapify(ready)
    running: list[tuple[int, str]] = []  # (end, name)
    plan: dict[str, tuple[int, int]] = {}
    now, free = 0, workers
    while ready or running:
        while ready and free:  # start what can start now, most urgent first
            _, name = heapq.heappop(ready)
            end = now + by_name[name].duration
            plan[name] = (now, end)
            heapq.heappush(running, (end, name))
            free -= 1
        now = running[0][0]  # the next moment a job ends
        while running and running[0][0] == now:  # every job ending now, before anything starts
            _, name = heapq.heappop(running)
            free += 1
            for nxt in dependents[name]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    heapq.heappush(ready, (-by_name[nxt].priority, nxt))
    return plan
