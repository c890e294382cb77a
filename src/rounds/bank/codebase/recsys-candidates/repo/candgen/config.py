"""The candidate generator's settings, and reading them from the service's JSON config.

Every setting has a default; ``from_dict`` refuses a key it does not know (a typo in the config
should not silently fall back to a default) and every value out of range, naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

SOURCES = ("covisit", "popular")  # the candidate sources the generator knows


@dataclass(frozen=True)
class CandidateConfig:
    k: int = 50                            # candidates per user
    session_gap_s: float = 1800.0          # a longer pause between two events starts a new session
    window: int = 3                        # co-visits: positions at most this far apart in a session
    recent_items: int = 5                  # the user's last distinct items, the co-visit queries
    per_query: int = 20                    # co-visited items kept per query item
    half_life_s: float = 7 * 86_400.0      # popularity: an event's weight halves every half-life
    quotas: tuple[tuple[str, float], ...] = (("covisit", 0.7), ("popular", 0.3))  # share of the k slots
    blocked: frozenset[int] = frozenset()  # items never proposed (removed, unsafe, out of stock)

    def __post_init__(self) -> None:
        for name in ("k", "window", "recent_items", "per_query"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        for name in ("session_gap_s", "half_life_s"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")
        if not self.quotas:
            raise ValueError("quotas is empty: at least one source must propose candidates")
        names = [name for name, _ in self.quotas]
        for name, share in self.quotas:
            if name not in SOURCES:
                raise ValueError(f"unknown source {name!r} in quotas (known: {', '.join(SOURCES)})")
            if share <= 0:
                raise ValueError(f"the share of {name!r} must be positive, not {share}")
        if len(set(names)) != len(names):
            raise ValueError("a source is given twice in quotas")
        total = sum(share for _, share in self.quotas)
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"the quota shares add up to {total}, not 1")


def from_dict(raw: Mapping[str, Any]) -> CandidateConfig:
    """A config from the JSON object of the service's config (``quotas`` as an object, in order)."""
    known = {f.name for f in fields(CandidateConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"unknown config key(s): {', '.join(unknown)}")
    values = dict(raw)
    if "quotas" in values:
        values["quotas"] = tuple((str(name), float(share)) for name, share in values["quotas"].items())
    if "blocked" in values:
        values["blocked"] = frozenset(int(item) for item in values["blocked"])
    return CandidateConfig(**values)
