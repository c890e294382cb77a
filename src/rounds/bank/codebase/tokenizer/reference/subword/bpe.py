"""Byte-pair encoding of a word: its symbols, merged pair by pair in the order of the merges' ranks.

A word starts as its characters, the last one carrying the end-of-word marker ``</w>`` ("low" is
``["l", "o", "w</w>"]``), so that a merge learned at the end of words ("w</w>") differs from one
inside them. The ranks come from the merges file: the pair on its first line has rank 0 and merges
before every other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from heapq import heapify, heappop, heappush

END = "</w>"

Pair = tuple[str, str]


def word_symbols(word: str) -> list[str]:
    """The starting symbols of ``word``: its characters, the last one with the end-of-word marker."""
    if not word:
        return []
    return [*word[:-1], word[-1] + END]


def merge_symbols(symbols: Sequence[str], ranks: Mapping[Pair, int]) -> list[str]:
    """Apply the merges to ``symbols`` one at a time; return the symbols left.

    At every step, among the adjacent pairs ``(s[i], s[i + 1])`` of the current symbols that are
    keys of ``ranks``, the one of lowest rank merges: the two symbols become one, their
    concatenation. Among pairs of equal rank, the leftmost (smallest i) merges first. A merge can
    make a new pair with a neighbour, which takes part in the next step like any other pair. It stops
    when no adjacent pair has a rank. ``symbols`` (non-empty strings) is not modified.
    """
    # The symbols as a doubly linked list over their first positions (a merged symbol keeps its left
    # one's), and a heap of (rank, position, left, right) for the ranked pairs. Positions keep the
    # symbols' order, so the heap's least entry is the lowest rank's leftmost pair. An entry is stale
    # once either symbol has merged since it was pushed: symbols only grow, so comparing the
    # strings tells. Every merge pushes at most two pairs: O(n log n) for n symbols.
    sym: list[str | None] = list(symbols)
    n = len(sym)
    if n < 2:
        return list(symbols)
    get = ranks.get
    nxt = list(range(1, n + 1))
    nxt[-1] = -1
    prv = list(range(-1, n - 1))
    heap = []
    for i in range(n - 1):
        r = get((sym[i], sym[i + 1]))
        if r is not None:
            heap.append((r, i, sym[i], sym[i + 1]))
    heapify(heap)
    while heap:
        _, i, a, b = heappop(heap)
        if sym[i] != a:
            continue
        j = nxt[i]
        if j < 0 or sym[j] != b:
            continue
        ab = a + b
        sym[i] = ab
        sym[j] = None
        k = nxt[j]
        nxt[i] = k
        if k >= 0:
            prv[k] = i
            c = sym[k]
            r = get((ab, c))
            if r is not None:
                heappush(heap, (r, i, ab, c))
        p = prv[i]
        if p >= 0:
            c = sym[p]
            r = get((c, ab))
            if r is not None:
                heappush(heap, (r, p, c, ab))
    return [s for s in sym if s is not None]


class BPE:
    """Words to subword tokens with a table of merge ranks, caching the words it has seen."""

    def __init__(self, ranks: Mapping[Pair, int], cache_size: int = 50_000) -> None:
        self.ranks = dict(ranks)
        self.cache_size = cache_size
        self._cache: dict[str, list[str]] = {}

    def tokenize_word(self, word: str) -> list[str]:
        """The subword tokens of one word (a fresh list)."""
        hit = self._cache.get(word)
        if hit is None:
            hit = merge_symbols(word_symbols(word), self.ranks)
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[word] = hit
        return list(hit)
