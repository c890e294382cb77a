"""Figures for Prometheus: what this process measured, and what the database says on each scrape.

Process-wide (the default registry): ``rounds_verdict_latency_seconds`` (from the moment a run or a
submission is stored to its verdict, as the person waiting sees it: judged here or by a queue
worker) and, in ``rounds worker``, ``rounds_jobs_total`` by outcome. Read from the database when
scraped (``DatabaseCollector``): the queue's depth by state and the stored results by verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select, text

VERDICT_LATENCY = Histogram(
    "rounds_verdict_latency_seconds", "Time from a run or submission being stored to its verdict.",
    ["kind"], buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0))
JOBS = Counter("rounds_jobs_total", "Judging jobs a worker finished, by outcome.", ["outcome"])


class DatabaseCollector(Collector):
    """Queue depth and results by verdict, read from the database at each scrape."""

    def __init__(self, sessions: Any, *, queued: bool) -> None:
        self.sessions = sessions
        self.queued = queued

    def collect(self) -> Iterator[Any]:
        from rounds.storage.models import Result, Submission

        depth = GaugeMetricFamily("rounds_queue_depth", "Submissions waiting for a verdict, by state.",
                                  labels=["state"])
        verdicts = CounterMetricFamily("rounds_results", "Stored results, by verdict.", labels=["verdict"])
        with self.sessions() as s:
            states = dict(s.execute(select(Submission.status, func.count()).group_by(Submission.status)).all())
            for state in ("queued", "judging"):
                depth.add_metric([state], float(states.get(state, 0)))
            if self.queued:
                jobs = dict(s.execute(text("SELECT status::text, count(*) FROM procrastinate_jobs "
                                           "WHERE status IN ('todo', 'doing') GROUP BY status")).all())
                depth.add_metric(["job_todo"], float(jobs.get("todo", 0)))
                depth.add_metric(["job_doing"], float(jobs.get("doing", 0)))
            for verdict, n in s.execute(select(Result.verdict, func.count()).group_by(Result.verdict)).all():
                verdicts.add_metric([verdict], float(n))
        yield depth
        yield verdicts
