"""The size of the catalog: how many practice items each round holds (`rounds stats`)."""

from __future__ import annotations

from typing import Any

from rounds.content.catalog import Catalog
from rounds.content.package import TRACKS


def catalog_counts(catalog: Catalog) -> dict[str, Any]:
    """Practice items per round (every known round, and any other a problem names), plus totals.

    ``rounds`` maps each round to its number of problems; ``levels`` to its number of levels
    (a multi-level system counts each of its levels); ``total`` and ``total_levels`` sum them.
    """
    rounds = {t: 0 for t in TRACKS}
    levels = {t: 0 for t in TRACKS}
    for p in catalog:
        rounds[p.track] = rounds.get(p.track, 0) + 1
        levels[p.track] = levels.get(p.track, 0) + len(p.levels)
    order = sorted(rounds)
    return {
        "rounds": {t: rounds[t] for t in order},
        "total": sum(rounds.values()),
        "levels": {t: levels[t] for t in order},
        "total_levels": sum(levels.values()),
        "not_loaded": len(catalog.errors),
    }


__all__ = ["catalog_counts"]
