"""The dependency graph: every dependency must exist, and there must be no cycle."""

from __future__ import annotations

from collections.abc import Sequence

from jobq.jobs import Job


class GraphError(ValueError):
    pass


def check_graph(jobs: Sequence[Job]) -> None:
    """GraphError when a job waits for an unknown job, or when jobs wait for each other in a cycle."""
    by_name = {j.name: j for j in jobs}
    for j in jobs:
        for d in j.deps:
            if d not in by_name:
                raise GraphError(f"job {j.name!r} waits for {d!r}, which is not a job")
    # Kahn's algorithm: peel off jobs that wait for nothing left; whatever remains waits in a cycle.
    # (A depth-first search that only remembers "seen" calls every diamond a cycle, and recursion
    # would not survive a long chain.)
    waiting = {j.name: len(set(j.deps)) for j in jobs}
    dependents: dict[str, list[str]] = {j.name: [] for j in jobs}
    for j in jobs:
        for d in set(j.deps):
            dependents[d].append(j.name)
    free = [name for name, n in waiting.items() if n == 0]
    peeled = 0
    while free:
        name = free.pop()
        peeled += 1
        for nxt in dependents[name]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                free.append(nxt)
    if peeled < len(jobs):
        stuck = sorted(name for name, n in waiting.items() if n > 0)
        raise GraphError(f"cycle among: {', '.join(stuck[:10])}{', ...' if len(stuck) > 10 else ''}")


def topological_order(jobs: Sequence[Job]) -> list[str]:
    """Job names, every job after the jobs it waits for; among jobs free to go next, by name."""
    check_graph(jobs)
    waiting = {j.name: set(j.deps) for j in jobs}
    order: list[str] = []
    while waiting:
        free = sorted(n for n, deps in waiting.items() if not deps)
        name = free[0]
        order.append(name)
        del waiting[name]
        for deps in waiting.values():
            deps.discard(name)
    return order
