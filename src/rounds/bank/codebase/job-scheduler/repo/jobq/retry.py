"""Retries of a failed job: exponential backoff with a ceiling.

``max_attempts`` counts every run of the job, the first one included: with ``max_attempts=3`` a job
runs at most three times, so it is retried at most twice. The n-th retry (n = 1, 2, ...) waits
``base_delay * 2 ** (n - 1)`` minutes, but never more than ``max_delay``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    base_delay: float = 1.0
    max_delay: float = 60.0

    def delay(self, retry: int) -> float:
        """Minutes to wait before the ``retry``-th retry (1 for the first)."""
        if retry < 1:
            raise ValueError("retries count from 1")
        return self.base_delay * 2 ** retry

    def delays(self) -> list[float]:
        """The wait before each retry the policy allows, in order."""
        return [self.delay(n) for n in range(1, self.max_attempts)]

    def worst_case_minutes(self, duration: int) -> float:
        """How long a job of ``duration`` minutes can take when every run but the last fails."""
        return duration * self.max_attempts + sum(self.delays())
