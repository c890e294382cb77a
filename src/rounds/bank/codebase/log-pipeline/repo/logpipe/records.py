"""The record every stage of the pipeline passes along."""

from __future__ import annotations

from dataclasses import dataclass, field

# Severity order: a filter "at least WARN" keeps WARN and ERROR.
LEVELS = ("DEBUG", "INFO", "WARN", "ERROR")


@dataclass(frozen=True)
class LogRecord:
    ts: float  # seconds since the epoch, UTC, with the line's milliseconds
    level: str  # one of LEVELS
    service: str
    path: str = ""
    status: int = 0
    latency_ms: float = 0.0
    request_id: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.level == "ERROR"

    def severity(self) -> int:
        """The level's rank in LEVELS (DEBUG is 0)."""
        return LEVELS.index(self.level)
