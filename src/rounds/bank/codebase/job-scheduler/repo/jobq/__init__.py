"""jobq: the nightly batch runner's planner.

A jobs file lists the night's jobs, how long each takes, what each waits for and how urgent it is.
jobq reads it, checks the dependency graph, plans which worker runs what and when, and reports the
plan: when the last job ends and how busy the workers were.
"""

from jobq.graph import check_graph, topological_order
from jobq.jobs import Job
from jobq.parse import parse_jobs
from jobq.report import summary
from jobq.retry import RetryPolicy
from jobq.schedule import simulate

__all__ = ["Job", "RetryPolicy", "check_graph", "parse_jobs", "simulate", "summary", "topological_order"]
