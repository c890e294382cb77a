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
    seen: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in seen:
            raise GraphError(f"cycle: {' -> '.join(path + [name])}")
        seen.add(name)
        for d in by_name[name].deps:
            visit(d, path + [name])

    for j in jobs:
        if j.name not in seen:
            visit(j.name, [])


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
