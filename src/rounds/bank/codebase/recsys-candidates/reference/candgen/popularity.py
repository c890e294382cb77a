"""Time-decayed popularity: the fallback source, and the whole answer for a user we know nothing of.

Every event of an item at a time ``ts <= now`` adds ``0.5 ** ((now - ts) / half_life_s)`` to the
item's score: 1 for an event at ``now``, 0.5 for one a half-life earlier, 0.25 two half-lives
earlier. Events after ``now`` are not known yet (a clock ahead, a replayed log) and add nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from candgen.events import Interaction


class PopularityIndex:
    def __init__(self, events: Iterable[Interaction], now: float, half_life_s: float) -> None:
        if half_life_s <= 0:
            raise ValueError("half_life_s must be positive")
        self.now = now
        self.half_life_s = half_life_s
        self._scores: dict[int, float] = defaultdict(float)
        for e in events:
            if e.ts > now:
                continue
            self._scores[e.item] += 0.5 ** ((now - e.ts) / half_life_s)

    def score(self, item: int) -> float:
        """The item's decayed score (0.0 for an item never seen)."""
        return self._scores.get(item, 0.0)

    def top(self, k: int, exclude: Collection[int] = frozenset()) -> list[int]:
        """The ``k`` items with the highest scores (ties: the smaller item id first), leaving out
        the items of ``exclude``: ``k`` of them whenever at least ``k`` other items were seen."""
        ranked = sorted(self._scores, key=lambda item: (-self._scores[item], item))
        return [item for item in ranked if item not in exclude][:k]

    def __len__(self) -> int:
        return len(self._scores)
