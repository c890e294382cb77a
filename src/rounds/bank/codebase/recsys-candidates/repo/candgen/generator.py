"""The candidate generator: fit on the interaction log, then propose candidates for users."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from candgen.config import CandidateConfig
from candgen.covisit import covisit_topk
from candgen.events import Interaction, by_user, sessionize
from candgen.filters import ItemFilter, seen_items
from candgen.merge import merge
from candgen.popularity import PopularityIndex


class CandidateGenerator:
    """For each user, up to ``config.k`` items the user has not seen, each with its source.

    ``covisit``: the items co-visited with the user's recent items, by their summed counts (the
    higher first, then the smaller item id). ``popular``: the most popular items. The sources share
    the slots by ``config.quotas`` (``candgen.merge``); a user without history gets popular items.
    """

    def __init__(self, config: CandidateConfig | None = None) -> None:
        self.config = config or CandidateConfig()
        self.sessions: list[list[int]] = []
        self.history: dict[str, list[int]] = {}
        self.popularity: PopularityIndex | None = None
        self.filter = ItemFilter(self.config.blocked, {})

    def fit(self, events: Sequence[Interaction], now: float) -> CandidateGenerator:
        cfg = self.config
        self.sessions = sessionize(events, cfg.session_gap_s)
        self.history = {user: [e.item for e in evs] for user, evs in by_user(events).items()}
        self.popularity = PopularityIndex(events, now, cfg.half_life_s)
        self.filter = ItemFilter(cfg.blocked, seen_items(events))
        return self

    def recent_queries(self, user: str) -> list[int]:
        """The user's last ``recent_items`` distinct items, the most recent first."""
        out: list[int] = []
        for item in reversed(self.history.get(user, [])):
            if item not in out:
                out.append(item)
                if len(out) == self.config.recent_items:
                    break
        return out

    def candidates(self, users: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
        if self.popularity is None:
            raise RuntimeError("fit the generator on a log first")
        cfg = self.config
        queries = {user: self.recent_queries(user) for user in users}
        neighbours = covisit_topk(self.sessions, [q for qs in queries.values() for q in qs], cfg.per_query,
                                  cfg.window)
        out: dict[str, list[tuple[int, str]]] = {}
        for user, qs in queries.items():
            summed: dict[int, int] = defaultdict(int)
            for q in qs:
                for item, count in neighbours[q]:
                    summed[item] += count
            covisited = sorted(summed, key=lambda item: (-summed[item], item))
            popular = self.popularity.top(cfg.k, exclude=self.filter.excluded(user))
            out[user] = merge({"covisit": covisited, "popular": popular}, cfg.quotas, cfg.k,
                              lambda item, user=user: self.filter.allows(user, item))
        return out
