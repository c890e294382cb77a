"""Learning merges from a corpus (original BPE, as in Sennrich et al.).

Every word starts as its symbols (``word_symbols``). Each step counts the adjacent pairs over all
words, each word weighing as often as it occurs, and merges the most frequent pair everywhere; on
equal counts the smallest pair (compared as a tuple of strings) wins. Training stops after
``num_merges`` merges, or earlier once no pair occurs ``min_frequency`` times.

This is the simple version: it counts every pair again at every step. The corpora it sees are
small (a vocabulary of a few thousand merges, trained offline); encoding is what runs every day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from subword.bpe import Pair, word_symbols


def merge_pair(symbols: list[str], pair: Pair) -> list[str]:
    """``symbols`` with every occurrence of ``pair`` merged, from left to right."""
    a, b = pair
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_merges(word_counts: Mapping[str, int], num_merges: int, min_frequency: int = 2) -> list[Pair]:
    """The merges learned from ``word_counts`` (word -> how often it occurs), in rank order."""
    words = {w: word_symbols(w) for w in word_counts if w}
    merges: list[Pair] = []
    while len(merges) < num_merges:
        counts: Counter[Pair] = Counter()
        for w, symbols in words.items():
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += word_counts[w]
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        if counts[best] < min_frequency:
            break
        merges.append(best)
        words = {w: merge_pair(symbols, best) for w, symbols in words.items()}
    return merges


def base_symbols(words: Mapping[str, int]) -> list[str]:
    """Every symbol a word can start with, sorted: the characters, alone and with the end marker."""
    return sorted({s for w in words for s in word_symbols(w)})
