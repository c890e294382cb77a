"""What the planner prints for the operators."""

from __future__ import annotations

from collections.abc import Sequence

from jobq.jobs import Job
from jobq.schedule import simulate


def utilization(plan: dict[str, tuple[int, int]], workers: int) -> float:
    """The share of worker time spent running jobs, from 0.0 to 1.0 (0.0 for an empty plan)."""
    if not plan:
        return 0.0
    makespan = max(end for _, end in plan.values())
    busy = sum(end - start for start, end in plan.values())
    return busy / (makespan * workers)


def summary(jobs: Sequence[Job], workers: int) -> list[str]:
    plan = simulate(jobs, workers)
    if not plan:
        return ["no jobs"]
    makespan = max(end for _, end in plan.values())
    last = sorted(name for name, (_, end) in plan.items() if end == makespan)
    return [f"{len(plan)} jobs on {workers} worker(s): done after {makespan} min",
            f"last to finish: {', '.join(last)}",
            f"workers busy {utilization(plan, workers) * 100:.0f}% of the time"]
