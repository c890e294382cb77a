"""Merging the candidate sources: each source's share of the slots, each item once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

Quotas = Sequence[tuple[str, float]]  # (source, share) in order of precedence; shares add up to 1


def allocate(quotas: Quotas, k: int) -> dict[str, int]:
    """The number of the ``k`` slots each source gets, by its share: the slots add up to ``k``.

    The largest remainder method: every source gets ``floor(share * k)`` slots, and the slots left
    over go one each to the sources with the largest fractional parts of ``share * k`` (equal parts:
    the source earlier in ``quotas`` first).
    """
    if k < 0:
        raise ValueError("k must not be negative")
    return {name: round(share * k) for name, share in quotas}


def merge(sources: Mapping[str, Sequence[int]], quotas: Quotas, k: int,
          allows: Callable[[int], bool] = lambda item: True) -> list[tuple[int, str]]:
    """Up to ``k`` candidates as ``(item, source)``, each item once.

    First every source, in the order of ``quotas``, fills its slots (``allocate``) with its own items
    in its own order, passing over the items ``allows`` refuses and those an earlier source took.
    The slots a source cannot fill go to the others: then the sources, again in the order of
    ``quotas``, go on down their lists from where they stopped until there are ``k`` candidates.
    The result lists the first pass source by source, then the second. A source absent from
    ``sources`` proposes nothing; one absent from ``quotas`` is not used.
    """
    slots = allocate(quotas, k)
    taken: set[int] = set()
    out: list[tuple[int, str]] = []
    stopped: dict[str, int] = {}
    for name, _ in quotas:
        items = sources.get(name, ())
        i = got = 0
        while got < slots[name] and i < len(items):
            item = items[i]
            i += 1
            if item not in taken and allows(item):
                taken.add(item)
                out.append((item, name))
                got += 1
        stopped[name] = i
    for name, _ in quotas:
        for item in sources.get(name, ())[stopped[name]:]:
            if len(out) >= k:
                return out
            if item not in taken and allows(item):
                taken.add(item)
                out.append((item, name))
    return out
