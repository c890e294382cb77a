"""Item-to-item co-visitation: the items viewed close to a given item in the same sessions.

"People who viewed this also viewed": the main candidate source. Sessions come from
``candgen.events.sessionize``; the query items are the users' recent items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def covisit_topk(sessions: Sequence[Sequence[int]], queries: Iterable[int], k: int,
                 window: int) -> dict[int, list[tuple[int, int]]]:
    """For every query item, the ``k`` items most often co-visited with it, as ``(item, count)``.

    Two positions ``i < j`` of one session co-visit when ``j - i <= window`` and their items
    differ; each such pair of positions adds 1 to the count of (a, b) and to that of (b, a). A
    query's list holds the items of positive count, the higher count first, equal counts by the
    smaller item id, at most ``k`` of them; an item never co-visited gets ``[]``. Every distinct
    query is a key (a repeated query once). ValueError when ``k < 1`` or ``window < 1``. The
    sessions are not modified.
    """
    raise NotImplementedError("TODO: the top-k co-visited items of every query item")
