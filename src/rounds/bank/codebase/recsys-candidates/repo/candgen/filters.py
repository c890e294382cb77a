"""What a user must not be shown: items blocked for everyone, and the items the user has seen."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from candgen.events import Interaction


def seen_items(events: Iterable[Interaction]) -> dict[str, set[int]]:
    """The items each user has interacted with."""
    seen: dict[str, set[int]] = defaultdict(set)
    for e in events:
        seen[e.user].add(e.item)
    return dict(seen)


class ItemFilter:
    def __init__(self, blocked: Iterable[int], seen: dict[str, set[int]]) -> None:
        self.blocked = frozenset(blocked)
        self.seen = seen

    def excluded(self, user: str) -> frozenset[int]:
        """Every item ``user`` must not be proposed (a user with no history has seen nothing)."""
        return self.blocked | self.seen.get(user, set())

    def allows(self, user: str, item: int) -> bool:
        return item not in self.blocked and item not in self.seen.get(user, ())
