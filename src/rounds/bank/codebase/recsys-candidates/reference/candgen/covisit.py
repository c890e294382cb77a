"""Item-to-item co-visitation: the items viewed close to a given item in the same sessions.

"People who viewed this also viewed": the main candidate source. Sessions come from
``candgen.events.sessionize``; the query items are the users' recent items.
"""

from __future__ import annotations

import heapq
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
    if k < 1 or window < 1:
        raise ValueError("k and window must be at least 1")
    # One pass over the sessions, each position paired with the next `window` ones only, counting
    # just the pairs that touch a query item: O(total length * window).
    counts: dict[int, dict[int, int]] = {q: {} for q in queries}
    for session in sessions:
        n = len(session)
        for i in range(n - 1):
            a = session[i]
            ca = counts.get(a)
            for j in range(i + 1, min(n, i + window + 1)):
                b = session[j]
                if a == b:
                    continue
                if ca is not None:
                    ca[b] = ca.get(b, 0) + 1
                cb = counts.get(b)
                if cb is not None:
                    cb[a] = cb.get(a, 0) + 1
    # Then the k best of each query's counts from a bounded heap, not a sort of all of them.
    return {q: heapq.nlargest(k, c.items(), key=lambda pair: (pair[1], -pair[0])) for q, c in counts.items()}
