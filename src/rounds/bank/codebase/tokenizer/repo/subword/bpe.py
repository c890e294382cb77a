"""Byte-pair encoding of a word: its symbols, merged pair by pair in the order of the merges' ranks.

A word starts as its characters, the last one carrying the end-of-word marker ``</w>`` ("low" is
``["l", "o", "w</w>"]``), so that a merge learned at the end of words ("w</w>") differs from one
inside them. The ranks come from the merges file: the pair on its first line has rank 0 and merges
before every other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    raise NotImplementedError("TODO: apply the merges in rank order")


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
