"""A job of the nightly run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    duration: int  # minutes, at least 1
    deps: tuple[str, ...] = ()  # jobs that must have finished before this one starts
    priority: int = 0  # higher runs first when workers are scarce

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("a job needs a name")
        if self.duration < 1:
            raise ValueError(f"job {self.name!r}: duration must be at least 1 minute")
        if self.name in self.deps:
            raise ValueError(f"job {self.name!r} waits for itself")
